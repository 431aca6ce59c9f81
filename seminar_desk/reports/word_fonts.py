"""The script fonts a Word document uses, embedded in it, so that it shows on any machine.

A secretariat opening the DOCX on a computer without Noto Sans Khmer (or Thai, Lao, Myanmar...)
would see boxes. Word and LibreOffice read fonts embedded as ECMA-376 Part 1 §17.8.3 describes:
each font file in `word/fonts/*.odttf`, its first 32 bytes obfuscated with the GUID given as
`w:fontKey`, related from the font table, where the font's entry points at it
(`w:embedRegular`, `w:embedBold`), and `w:embedTrueTypeFonts` set in the settings.

Only what the text needs goes in: the shipped script fonts whose runs occur (their bold file
only when some of those runs are bold); not Noto Sans, the body font (Latin, Greek and Cyrillic
show in any font, and its four files weigh 2 MB). A font's own embedding permission (the OS/2
`fsType`) decides how: installable or editable fonts are embedded; a font allowing only
"preview & print" (NanumSquare, Korean) is not, as Word opens a document carrying one
read-only, which would stop the secretariat editing it (Korean has a system font on Windows
and macOS). A font file larger than `SUBSET_ABOVE` (Droid Sans Fallback, Chinese and Japanese:
4 MB) is cut down to the characters the document uses.
"""

import io
import struct
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seminar_desk.reports.text.fonts import FALLBACKS, font_files
from seminar_desk.reports.word import word_font

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
FONT_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
SUBSET_ABOVE = 1_500_000  # bytes
_KEYS = uuid.UUID("7c1f2d9e-4a0b-4d35-9a57-0f6e8b2c3d41")  # namespace of the font keys

_EDITABLE = 0x8  # OS/2 fsType bits (OpenType): 0x2 restricted, 0x4 preview & print, 0x8 editable


@dataclass
class _Use:
    """How one script font occurs in the document."""

    chars: set[str] = field(default_factory=set)
    regular: bool = False
    bold: bool = False


def obfuscate(data: bytes, font_key: str) -> bytes:
    """ECMA-376 Part 1 §17.8.3.3: the first 32 bytes XORed with the key's 16 bytes, which are
    the GUID's hexadecimal digits read in pairs from the last. (Its own inverse.)"""
    key = bytes.fromhex(font_key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def embedding_allowed(data: bytes) -> bool:
    """True when the font's licence bits let a document carry it and stay editable."""
    fs_type = _fs_type(data)
    # installable (no bit) or editable; restricted or preview & print only (the document
    # would open read-only) are not
    return fs_type & 0xF == 0 or bool(fs_type & _EDITABLE)


def _fs_type(data: bytes) -> int:
    (count,) = struct.unpack(">H", data[4:6])
    for n in range(count):
        tag, _sum, offset, _length = struct.unpack(">4sIII", data[12 + 16 * n : 28 + 16 * n])
        if tag == b"OS/2":
            return int(struct.unpack(">H", data[offset + 8 : offset + 10])[0])
    return 0


def subset(data: bytes, chars: Iterable[str]) -> bytes:
    """The font with only the glyphs of `chars` (names, metrics and layout tables kept)."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.layout_features = ["*"]
    font = TTFont(io.BytesIO(data), lazy=True)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(set(chars) | {" "})))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _bold(rpr: Any) -> bool | None:
    """The run's own bold setting (None: not set, the style's applies)."""
    if rpr is None:
        return None
    b = rpr.find(_W + "b")
    if b is None:
        return None
    return b.get(_W + "val", "true") not in ("0", "false", "off")


def _bold_styles(doc: Any) -> set[str]:
    """Ids of the paragraph styles whose text is bold (through their base styles)."""
    out = set()
    for style in doc.styles:
        s = style
        while s is not None:
            font = getattr(s, "font", None)
            if font is not None and font.bold is not None:
                if font.bold:
                    out.add(style.style_id)
                break
            s = getattr(s, "base_style", None)
    return out


def _uses(doc: Any, names: dict[str, str]) -> dict[str, _Use]:
    """Which script fonts the document's runs use, with which characters, regular or bold."""
    bold_styles = _bold_styles(doc)
    uses: dict[str, _Use] = {}
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    roots = [doc.element.body] + [
        rel.target_part.element
        for rel in doc.part.rels.values()
        if rel.reltype in (RT.HEADER, RT.FOOTER)
    ]
    for root in roots:
        for rfonts in root.iter(_W + "rFonts"):
            family = names.get(rfonts.get(_W + "ascii", ""))
            run = rfonts.getparent().getparent()
            if family is None or run.tag != _W + "r":
                continue
            use = uses.setdefault(family, _Use())
            bold = _bold(rfonts.getparent())
            if bold is None:
                p = run.getparent()
                style = p.find(f"{_W}pPr/{_W}pStyle") if p is not None else None
                bold = style is not None and style.get(_W + "val") in bold_styles
            if bold:
                use.bold = True
            else:
                use.regular = True
            for t in run.iter(_W + "t"):
                use.chars.update(t.text or "")
    return uses


def _font_entry(table: Any, name: str) -> Any:
    from lxml import etree

    for el in table.findall(_W + "font"):
        if el.get(_W + "name") == name:
            table.remove(el)
    font = etree.SubElement(table, _W + "font")
    font.set(_W + "name", name)
    for tag, val in (("charset", "00"), ("family", "swiss"), ("pitch", "variable")):
        etree.SubElement(font, _W + tag).set(_W + "val", val)
    return font


def _settings(doc: Any) -> None:
    settings = doc.settings.element
    if settings.find(_W + "embedTrueTypeFonts") is not None:
        return
    from lxml import etree

    el = etree.Element(_W + "embedTrueTypeFonts")
    # CT_Settings order: writeProtection, view, zoom, removePersonalInformation, ... then this
    before = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime")
    previous = [c for c in settings if c.tag in {_W + t for t in before}]
    if previous:
        previous[-1].addnext(el)
    else:
        settings.insert(0, el)


def embed_fonts(doc: Any) -> list[str]:
    """Embed the script fonts `doc` uses (see the module's docstring); returns their names."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    table_part = doc.part.part_related_by(RT.FONT_TABLE)
    table = etree.fromstring(table_part.blob)
    names = {word_font(fb.name): fb.name for fb in FALLBACKS}
    uses = _uses(doc, names)
    if not uses:
        return []
    embedded: list[str] = []
    n = 0
    for family, use in sorted(uses.items()):
        regular, bold = font_files(family)
        files: list[tuple[str, Path]] = []
        if regular is not None and (use.regular or bold is None):
            files.append(("embedRegular", regular))
        if bold is not None and use.bold:
            files.append(("embedBold", bold))
        entry = None
        for slot, path in files:
            data = path.read_bytes()
            if not embedding_allowed(data):
                continue
            if len(data) > SUBSET_ABOVE:
                data = subset(data, use.chars)
            key = "{" + str(uuid.uuid5(_KEYS, f"{family}/{slot}")).upper() + "}"
            n += 1
            part = Part(
                PackURI(f"/word/fonts/font{n}.odttf"),
                FONT_CONTENT_TYPE,
                obfuscate(data, key),
                doc.part.package,
            )
            r_id = table_part.relate_to(part, RT.FONT)
            if entry is None:
                entry = _font_entry(table, word_font(family))
            embed = etree.SubElement(entry, _W + slot)
            embed.set(_R + "id", r_id)
            embed.set(_W + "fontKey", key)
        if entry is not None:
            embedded.append(word_font(family))
    if embedded:
        # python-docx keeps the font table as a plain part: its bytes are replaced
        table_part._blob = etree.tostring(  # noqa: SLF001
            table, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        _settings(doc)
    return embedded
