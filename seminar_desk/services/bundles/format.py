"""The bundle file: a zip holding manifest.json and one JSON-lines file per table
(docs/bundles.md). Writing builds the bytes; reading checks everything before anything is
merged and refuses a hostile or damaged file with one sentence naming it and what is wrong.
"""

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seminar_desk.domain.refusal import Refusal
from seminar_desk.domain.text import counted
from seminar_desk.services.archives import UnpackLimits, unpack_problem
from seminar_desk.services.bundles.records import (
    BadValue,
    JsonRow,
    Row,
    from_json,
    key_values,
    record_key,
    table_named,
)

FORMAT = "seminar-desk-bundle"
VERSION = 1
MANIFEST = "manifest.json"
TOMBSTONES = "tombstones.jsonl"
MAX_FILE = 200 * 1024 * 1024  # the bundle as it lies on the disk
MAX_MEMBERS = 64
# 500 MB unpacked; a JSON member deflates 5-20 times, far more is a compression bomb
UNPACK_LIMITS = UnpackLimits(unpacked=500 * 1024 * 1024, ratio=100, above=64 * 1024)
MAX_DIGESTS = 10_000  # known versions per record
_MEMBER = re.compile(r"^(manifest\.json|tombstones\.jsonl|tables/[a-z_]{1,64}\.jsonl)$")
_DIGEST = re.compile(r"^[0-9a-f]{8,64}$")


class BundleRefused(Refusal):
    """A bundle that cannot be merged; the message names the file and what is wrong."""


@dataclass
class Record:
    table: str
    key: str
    row: Row | None  # None: a deletion (tombstone)
    known: set[str]


@dataclass
class Bundle:
    manifest: dict[str, Any]
    records: list[Record] = field(default_factory=list)

    @property
    def seminar_id(self) -> str:
        return str(self.manifest["seminar_id"])

    @property
    def label(self) -> str:
        return str(self.manifest.get("scope", {}).get("label", "bundle"))

    @property
    def origin(self) -> str:
        """The file the bundle was exported from ("laptop-b.sqlite"), else its scope."""
        name = " ".join(str(self.manifest.get("source") or "").split())[:80]
        return name or self.label


def member_name(table: str) -> str:
    return f"tables/{table}.jsonl"


def build(
    manifest: dict[str, Any],
    tables: dict[str, list[dict[str, Any]]],
    tombstones: list[dict[str, Any]],
) -> bytes:
    """The bundle's bytes: members written in a fixed order, sizes and counts in the manifest."""
    members: dict[str, bytes] = {}
    for name, lines in tables.items():
        members[member_name(name)] = _jsonl(lines)
    members[TOMBSTONES] = _jsonl(tombstones)
    manifest = dict(manifest)
    manifest["members"] = {
        name: {"records": data.count(b"\n"), "size": len(data)} for name, data in members.items()
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _jsonl(lines: list[dict[str, Any]]) -> bytes:
    return b"".join(
        json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        for line in lines
    )


def read(path: Path | str) -> Bundle:
    """Read and check a bundle; raises BundleRefused (nothing is changed anywhere)."""
    path = Path(path)
    where = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BundleRefused(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if size > MAX_FILE:
        raise BundleRefused(
            f"{where} is {size // 2**20} MB; a bundle is at most {MAX_FILE // 2**20} MB."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            return _read_archive(archive, where)
    except zipfile.BadZipFile as exc:
        raise BundleRefused(
            f"{where} is not a Seminar Desk bundle, or it is damaged or incomplete ({exc}). "
            "Nothing was changed; ask for the bundle again."
        ) from exc
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        raise BundleRefused(
            f"{where} cannot be read ({exc}); it may be damaged or incomplete. Nothing was changed."
        ) from exc


def _read_archive(archive: zipfile.ZipFile, where: str) -> Bundle:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise BundleRefused(
            f"{where} holds {len(infos)} files; a bundle holds at most {MAX_MEMBERS}."
        )
    names = [i.filename for i in infos]
    for name in names:
        if not _MEMBER.match(name):
            raise BundleRefused(
                f"{where} holds a file named {name!r}, which no bundle has (a path that could "
                "escape its folder, or a file of another program). Nothing was changed."
            )
    if len(set(names)) != len(names):
        raise BundleRefused(f"{where} holds the same file twice. Nothing was changed.")
    if MANIFEST not in names:
        raise BundleRefused(f"{where} has no manifest.json: it is not a Seminar Desk bundle.")
    problem = unpack_problem(infos, UNPACK_LIMITS, "the bundle")
    if problem:
        raise BundleRefused(f"{where}: {problem}. Nothing was changed.")
    manifest = _manifest(_member(archive, archive.getinfo(MANIFEST), where, 1024 * 1024), where)
    declared = manifest["members"]
    for name in names:
        if name != MANIFEST and name not in declared:
            raise BundleRefused(f"{where} holds {name}, which its manifest does not list.")
    bundle = Bundle(manifest)
    for name, facts in declared.items():
        if name not in names:
            raise BundleRefused(f"{where} is incomplete: {name} is missing.")
        info = archive.getinfo(name)
        if info.file_size != facts["size"]:
            raise BundleRefused(
                f"{where}: {name} holds {info.file_size} bytes, its manifest says {facts['size']}. "
                "The bundle was changed or damaged; nothing was changed."
            )
        data = _member(archive, info, where, facts["size"])
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        if len(lines) != facts["records"]:
            raise BundleRefused(
                f"{where}: {name} holds {counted(len(lines), 'record')}, its manifest says "
                f"{facts['records']}. Nothing was changed."
            )
        table = None if name == TOMBSTONES else name.removeprefix("tables/").removesuffix(".jsonl")
        for number, line in enumerate(lines, 1):
            bundle.records.append(_record(line, table, f"{where}: {name}, line {number}"))
    return bundle


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, limit: int) -> bytes:
    """A member's bytes, reading no more than it declared (a header that lies is caught)."""
    if info.flag_bits & 0x1:
        raise BundleRefused(f"{where}: {info.filename} is encrypted; bundles never are.")
    with archive.open(info) as stream:
        data = stream.read(min(limit, info.file_size) + 1)
    if len(data) > min(limit, info.file_size):
        raise BundleRefused(
            f"{where}: {info.filename} is larger than declared. Nothing was changed."
        )
    return data


def _manifest(data: bytes, where: str) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleRefused(f"{where}: manifest.json is not valid JSON ({exc}).") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleRefused(
            f"{where} is not a Seminar Desk bundle (its manifest names no bundle format)."
        )
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BundleRefused(f"{where}: its manifest has no format version.")
    if version > VERSION:
        raise BundleRefused(
            f"{where} was made by a newer Seminar Desk (bundle format {version}; this one reads "
            f"format {VERSION} and older). Update Seminar Desk to import it. Nothing was changed."
        )
    if version < 1:
        raise BundleRefused(f"{where}: bundle format {version} is unknown. Nothing was changed.")
    if not isinstance(manifest.get("seminar_id"), str) or not manifest["seminar_id"]:
        raise BundleRefused(f"{where}: its manifest names no seminar.")
    members = manifest.get("members")
    if not isinstance(members, dict) or not all(
        isinstance(n, str)
        and _MEMBER.match(n)
        and n != MANIFEST
        and isinstance(f, dict)
        and all(
            isinstance(f.get(k), int) and not isinstance(f.get(k), bool) and f[k] >= 0
            for k in ("records", "size")
        )
        for n, f in members.items()
    ):
        raise BundleRefused(f"{where}: its manifest's list of files is malformed.")
    if not isinstance(manifest.get("scope", {}), dict):
        raise BundleRefused(f"{where}: its manifest's scope is malformed.")
    return manifest


def _record(line: bytes, table_name: str | None, where: str) -> Record:
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleRefused(f"{where} is not valid JSON ({exc}). Nothing was changed.") from exc
    if not isinstance(value, dict):
        raise BundleRefused(f"{where}: expected a JSON object. Nothing was changed.")
    name = value.get("table") if table_name is None else table_name
    table = table_named(name) if isinstance(name, str) else None
    if table is None:
        raise BundleRefused(f"{where}: {name!r} is not a table of a seminar. Nothing was changed.")
    known = value.get("known", [])
    if (
        not isinstance(known, list)
        or len(known) > MAX_DIGESTS
        or not all(isinstance(d, str) and _DIGEST.match(d) for d in known)
    ):
        raise BundleRefused(
            f'{where}: "known" must be a list of version digests. Nothing was changed.'
        )
    if table_name is None:  # a deletion
        key = value.get("id")
        if not isinstance(key, str):
            raise BundleRefused(f"{where}: a deletion names no record. Nothing was changed.")
        try:
            key_values(table, key)
        except BadValue as exc:
            raise BundleRefused(f"{where}: {exc}. Nothing was changed.") from exc
        return Record(table.name, key, None, set(known))
    raw: JsonRow | Any = value.get("row")
    if not isinstance(raw, dict):
        raise BundleRefused(f"{where}: the record has no row. Nothing was changed.")
    unknown = set(raw) - {c.name for c in table.columns}
    if unknown:
        raise BundleRefused(
            f"{where}: {table.name} has no column {sorted(unknown)[0]!r}. Nothing was changed."
        )
    row: Row = {}
    for column in table.columns:
        if column.name not in raw:
            if column.primary_key or (not column.nullable and column.default is None):
                raise BundleRefused(
                    f"{where}: {table.name}.{column.name} is missing. Nothing was changed."
                )
            default = column.default.arg if column.default is not None else None
            raw_value = None if callable(default) else default
            if callable(default):
                raise BundleRefused(
                    f"{where}: {table.name}.{column.name} is missing. Nothing was changed."
                )
            row[column.name] = raw_value
            continue
        try:
            row[column.name] = from_json(column, raw[column.name])
        except BadValue as exc:
            raise BundleRefused(
                f"{where}: {table.name}.{column.name} should be {exc}, not "
                f"{json.dumps(raw[column.name])[:40]}. Nothing was changed."
            ) from exc
    return Record(table.name, record_key(table, row), row, set(known))
