"""Comma, semicolon or tab separated text as rows of cells: UTF-8 (with or without BOM) or
Excel's UTF-16 "Unicode text"; an older spreadsheet's Windows-1252 is read with a note for the
preview. The separator is sniffed from the header line; quoted fields may hold line breaks."""

import codecs
import csv
import io
import re
from pathlib import Path

from seminar_desk.domain.agenda.limits import MAX_TEXT_CHARS
from seminar_desk.services.tables.problems import TableFileError, too_many_rows

SEPARATORS = ",;\t"


def read_delimited(path: Path, limit: int, what: str) -> tuple[list[list[object]], str]:
    """The rows (header included), and a note when an encoding had to be assumed.

    More than `limit` rows below the header is refused ("one import may add at most `limit`
    `what`"); so is text that is not CSV (an unclosed quote, a field over the text limit).
    """
    text, note = decode_text(path, path.read_bytes())
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(SEPARATORS, key=header.count)  # the header shows the separator best
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[object]] = []
    row_start = 1
    try:
        for row in reader:
            rows.append(list(row))
            if len(rows) - 1 > limit:
                raise too_many_rows(path, limit, what)
            row_start = reader.line_num + 1
    except csv.Error as exc:
        raise TableFileError([_csv_problem(path, str(exc), row_start, reader.line_num)]) from exc
    return rows, note


def decode_text(path: Path, raw: bytes) -> tuple[str, str]:
    """The text, and a note when an encoding had to be assumed."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        try:
            return raw.decode("utf-16"), ""
        except UnicodeDecodeError as exc:
            raise TableFileError(
                [
                    f"{path.name}, byte {exc.start}: expected UTF-16 text; the file is cut "
                    "or damaged."
                ]
            ) from exc
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        if _has_utf8_sequences(raw):
            # UTF-8 with a stray byte: guessing another encoding would garble every accent.
            line = raw.count(b"\n", 0, exc.start) + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            raise TableFileError(
                [
                    f"{path.name}, line {line}, byte {column} (offset {exc.start} in the file): "
                    f"expected UTF-8 text, found the byte 0x{raw[exc.start]:02X}. Fix that "
                    'character, or save the file again as "CSV UTF-8".'
                ]
            ) from exc
    # No UTF-8 at all: an older spreadsheet's Windows encoding, said so in the preview.
    return raw.decode("cp1252", errors="replace"), (
        "the file is not UTF-8; read as Windows-1252 (Western European). Check accented names."
    )


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _has_utf8_sequences(raw: bytes) -> bool:
    return _UTF8_MULTIBYTE.search(raw) is not None


def _csv_problem(path: Path, error: str, row_start: int, line: int) -> str:
    if "unexpected end of data" in error:
        return (
            f"{path.name}, line {row_start}: a quoted field is never closed; expected a "
            f'closing quote (") before the end of the file.'
        )
    if "field larger than field limit" in error:
        return (
            f"{path.name}, line {row_start}: a field is longer than "
            f"{MAX_TEXT_CHARS // 1024} KiB; expected shorter text (is a quote missing?)."
        )
    return f"{path.name}, line {line}: expected well-formed CSV ({error})."
