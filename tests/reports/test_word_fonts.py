"""The DOCX carries the script fonts its text uses: it shows where they are not installed."""

import io
import os
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree
from pypdf import PdfReader

from seminar_desk.reports import ReportRequest
from seminar_desk.reports.build import build_word
from seminar_desk.reports.text.fonts import fonts_dir

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def with_title(snap, title: str):
    item = replace(snap.days[0].items[0], title=title)
    return replace(snap, days=(replace(snap.days[0], items=(item,)), *snap.days[1:]))


def session_docx(snap, title: str) -> bytes:
    return build_word(with_title(snap, title), ReportRequest("session", item_id="i1"))[0]


def deobfuscate(data: bytes, font_key: str) -> bytes:
    """ECMA-376 Part 1 §17.8.3.3 as LibreOffice spells it: the key's bytes are the GUID's
    hexadecimal pairs taken from the end of the string (braces included) backwards."""
    pos = (35, 33, 31, 29, 27, 25, 22, 20, 17, 15, 12, 10, 7, 5, 3, 1)
    key = [int(font_key[p : p + 2], 16) for p in pos]
    head = bytearray(data[:32])
    for i in range(16):
        head[i] ^= key[i]
        head[i + 16] ^= key[i]
    return bytes(head) + data[32:]


def embedded(data: bytes) -> dict[tuple[str, str], bytes]:
    """(font name, embedRegular/embedBold) -> the font file, read as Word reads it."""
    z = zipfile.ZipFile(io.BytesIO(data))
    table = etree.fromstring(z.read("word/fontTable.xml"))
    if "word/_rels/fontTable.xml.rels" not in z.namelist():
        assert table.find(f"{W}font/{W}embedRegular") is None
        return {}
    rels = etree.fromstring(z.read("word/_rels/fontTable.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    types = z.read("[Content_Types].xml").decode()
    out = {}
    for font in table.findall(W + "font"):
        for embed in font:
            if embed.tag.startswith(W + "embed"):
                part = "word/" + target[embed.get(R + "id")]
                assert part.endswith(".odttf")
                key = embed.get(W + "fontKey")
                out[(font.get(W + "name"), embed.tag[len(W) :])] = deobfuscate(z.read(part), key)
    if out:
        assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in types
        settings = etree.fromstring(z.read("word/settings.xml"))
        assert settings.find(W + "embedTrueTypeFonts") is not None
    return out


def shipped(name: str) -> bytes:
    return (fonts_dir() / name).read_bytes()


def test_docx_embeds_exactly_the_script_fonts_its_text_uses(snap) -> None:
    data = session_docx(snap, "Khmer ការជួញដូរ Thai การค้า")
    fonts = embedded(data)
    assert set(fonts) >= {
        ("Noto Sans Khmer", "embedRegular"),
        ("Noto Sans Thai", "embedRegular"),
    }
    assert {name for name, _ in fonts} == {"Noto Sans Khmer", "Noto Sans Thai"}
    # the bytes are the shipped files, de-obfuscated with the key the font table gives
    assert fonts[("Noto Sans Khmer", "embedRegular")] == shipped("NotoSansKhmer-Regular.ttf")
    assert fonts[("Noto Sans Thai", "embedRegular")] == shipped("NotoSansThai-Regular.ttf")


def test_bold_script_text_embeds_the_bold_file(snap) -> None:
    from seminar_desk.reports.word import Run, WordStory, WordText
    from seminar_desk.reports.word_writer import write_docx

    story = WordStory()
    story.flow.append(WordText([Run("ការជួញដូរ", bold=True)], "body"))
    fonts = embedded(write_docx(story, title="t", subject="", author="", language="km", footer=""))
    assert set(fonts) == {("Noto Sans Khmer", "embedBold")}
    assert fonts[("Noto Sans Khmer", "embedBold")] == shipped("NotoSansKhmer-Bold.ttf")


def test_latin_only_docx_embeds_nothing(snap) -> None:
    data = session_docx(snap, "Opening of the seminar, Tiếng Việt, Ελληνικά")
    assert embedded(data) == {}
    assert len(data) < 100_000


def test_chinese_gets_a_subset_and_korean_no_print_only_font(snap) -> None:
    data = session_docx(snap, "会议开幕 한국어")
    fonts = embedded(data)
    assert set(fonts) == {("Droid Sans Fallback", "embedRegular")}
    font = fonts[("Droid Sans Fallback", "embedRegular")]
    assert len(font) < 60_000  # the shipped file is 4 MB
    cmap = TTFont(io.BytesIO(font))["cmap"].getBestCmap()
    assert all(ord(c) in cmap for c in "会议开幕")
    # NanumSquare allows only preview & print embedding: Word would open the file read-only
    assert TTFont(fonts_dir() / "NanumSquare-Regular.ttf")["OS/2"].fsType == 4


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("libreoffice"), reason="LibreOffice is not installed")
def test_libreoffice_draws_the_embedded_fonts_where_none_are_installed(snap, tmp_path) -> None:
    """Converted by LibreOffice seeing only DejaVu (no Khmer, Thai or Myanmar font), the PDF
    is drawn with the embedded Noto fonts."""
    docx = tmp_path / "scripts.docx"
    docx.write_bytes(session_docx(snap, "Khmer ការជួញដូរ Thai การค้า Myanmar ကုန်သွယ်"))
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{dejavu}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    reader = PdfReader(tmp_path / "scripts.pdf")
    names = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert {"NotoSansKhmer-Regular", "NotoSansThai-Regular", "NotoSansMyanmar-Regular"} <= names
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "ការជួញដូរ" in text and "การค้า" in text
