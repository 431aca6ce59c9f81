"""Shaping with harfbuzz that keeps the real text in the PDF (the text layer).

reportlab 5.1 shapes a word with the font of its first piece (so "(" in Noto Sans followed by
Khmer letters comes out garbled) and writes each glyph that has no character of its own (a
Khmer subscript, a Thai mark moved by the font) as a private-use character: copied or
extracted text then reads "\\ue000រជួញដូរ". Here:

- each run of one font in a word is shaped on its own, in its script's direction;
- every glyph is written with a code of its own whose ToUnicode entry is the text of the
  glyph's cluster (harfbuzz's group of characters drawn by a group of glyphs): the first glyph
  of a cluster carries the cluster's characters, the others carry none. Pasting or extracting
  the text (pdftotext, pypdf) gives back exactly the characters typed, in their order.
  Codes are drawn from the supplementary private-use planes and exist only inside the PDF's
  font subsets; `make_to_unicode_cmap` replaces reportlab's ToUnicode writer to spell them;
- each distinct word is shaped once (names and titles repeat a lot).

Both are installed by `install` (flowables calls it on import), on reportlab==5.1.0 (pinned).
"""

from typing import Any

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, makeShapedFragWord
from reportlab.platypus import paragraph

import seminar_desk.reports.text.fonts as fonts

_FIRST_CODE = 0xF0000
_LAST_CODE = 0x10FFFD
_FEATURES = {"kern": True, "liga": True}
_RTL_SCRIPTS = frozenset(("Arab", "Hebr", "Syrc", "Thaa", "Nkoo"))

# code -> the text its glyph stands for (cluster text, or "" for the rest of a cluster)
_text_of: dict[int, str] = {}
# (face name, glyph id, text, width) -> code
_code_of: dict[tuple[str, int, str, float], int] = {}
_next_code = [_FIRST_CODE]
_hb_fonts: dict[str, hb.Font] = {}
_cache: dict[tuple[object, ...], tuple[type, float, tuple[tuple[int, ShapedStr], ...]]] = {}


def _hb_font(font: Any) -> hb.Font:
    hbf = _hb_fonts.get(font.fontName)
    if hbf is None:
        hbf = _hb_fonts[font.fontName] = hb.Font(hb.Face(hb.Blob(font.face._ttf_data)))
    return hbf


def _code(font: Any, gid: int, text: str, advance: float) -> int:
    """The code that draws glyph `gid` of `font` and reads back as `text`."""
    face = font.face
    if (
        len(text) == 1
        and ord(text) < _FIRST_CODE
        and face.charToGlyph.get(ord(text)) == gid
        and abs(face.charWidths.get(ord(text), -1) - advance) < 0.01
    ):
        return ord(text)  # the glyph of the character itself: its own code, as unshaped
    advance = round(advance, 2)
    key = (font.fontName, gid, text, advance)
    code = _code_of.get(key)
    if code is None:
        code = _next_code[0]
        if code > _LAST_CODE:
            raise RuntimeError("too many distinct shaped glyphs for one process")
        _next_code[0] += 1
        _code_of[key] = code
        _text_of[code] = text
        face.charToGlyph[code] = gid
        face.charWidths[code] = advance
    return code


def _shape_run(
    pieces: list[tuple[Any, str]],
) -> tuple[list[tuple[int, ShapedStr]], float]:
    """Shape pieces in one font and size: (piece index, shaped text) chunks and the width."""
    frag0 = pieces[0][0]
    font = pdfmetrics.getFont(frag0.fontName)
    size = frag0.fontSize / 1000
    text = "".join(t for _, t in pieces)
    owner: list[int] = []
    for i, (_, t) in enumerate(pieces):
        owner.extend([i] * len(t))
    hbf = _hb_font(font)
    buf = hb.Buffer()
    buf.add_codepoints([ord(c) for c in text])
    buf.guess_segment_properties()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_GRAPHEMES
    hb.shape(hbf, buf, _FEATURES)
    infos, positions = buf.glyph_infos, buf.glyph_positions
    starts = sorted({info.cluster for info in infos})
    end_of = {
        c: (starts[k + 1] if k + 1 < len(starts) else len(text)) for k, c in enumerate(starts)
    }
    scale = font.pdfScale
    rtl = buf.direction == "rtl"
    # (glyph id, text, pdf width, x_advance, x_offset, y_offset, cluster) in drawing order
    glyphs: list[tuple[int, str, float, float, float, float, int]] = []
    k = 0
    while k < len(infos):
        cluster = infos[k].cluster
        end = k
        while end < len(infos) and infos[end].cluster == cluster:
            end += 1
        cluster_text = text[cluster : end_of[cluster]]
        total = sum(scale(p.x_advance) for p in positions[k:end])
        split_text = rtl and len(cluster_text) > 1
        for g in range(k, end):
            info, pos = infos[g], positions[g]
            if g == k and not split_text:
                # the first glyph carries the cluster's text and, for extraction, its width
                glyph_text, pdf_width = cluster_text, total
            else:
                glyph_text, pdf_width = "", scale(hbf.get_glyph_h_advance(info.codepoint))
            glyphs.append(
                (
                    info.codepoint,
                    glyph_text,
                    pdf_width,
                    scale(pos.x_advance),
                    scale(pos.x_offset),
                    scale(pos.y_offset),
                    cluster,
                )
            )
        if split_text:
            glyphs += _phantoms(font, cluster_text, total, cluster)
        k = end
    # A glyph without text (a mark, the rest of a cluster) gets the PDF width that leaves no
    # rightward jump before the next glyph: pypdf reads a jump of a space's width as a space.
    for i, (gid, glyph_text, _width, x_adv, x_off, y_off, cluster) in enumerate(glyphs):
        if not glyph_text:
            next_off = glyphs[i + 1][4] if i + 1 < len(glyphs) else 0.0
            width_needed = max(0.0, x_adv - x_off + next_off)
            glyphs[i] = (gid, glyph_text, width_needed, x_adv, x_off, y_off, cluster)
    chunks: list[tuple[int, ShapedStr]] = []
    chars: list[str] = []
    data: list[ShapeData] = []
    current = -1
    width = 0.0
    for gid, glyph_text, pdf_width, x_advance, x_offset, y_offset, cluster in glyphs:
        code = _code(font, gid, glyph_text, pdf_width)
        piece = owner[cluster]
        if piece != current and chars:
            chunks.append((current, ShapedStr("".join(chars), shapeData=data)))
            chars, data = [], []
        current = piece
        chars.append(chr(code))
        data.append(
            ShapeData(cluster, x_advance, 0, x_offset, y_offset, font.face.charWidths[code])
        )
        width += x_advance * size
    if chars:
        chunks.append((current, ShapedStr("".join(chars), shapeData=data)))
    return chunks, width


def _phantoms(
    font: Any, cluster_text: str, total: float, cluster: int
) -> list[tuple[int, str, float, float, float, float, int]]:
    """Blank glyphs that carry a right-to-left cluster's characters one by one.

    A ligature such as lam-alef is one glyph for two characters; extractors put right-to-left
    text back in logical order character by character (pdftotext) or code by code (pypdf), so
    a two-character code comes out reversed in one of them. Instead the cluster's glyphs carry
    no text and, after them, invisible glyphs (the space glyph) laid side by side over the
    cluster's width carry one character each, in visual order.
    """
    blank = font.face.charToGlyph.get(32, 0)
    n = len(cluster_text)
    step = total / n
    out = []
    for j, ch in enumerate(reversed(cluster_text)):
        if j == 0:  # back to the cluster's start, then one step
            out.append((blank, ch, step, -total + step, -total, 0.0, cluster))
        else:
            out.append((blank, ch, step, step, 0.0, 0.0, cluster))
    return out


def shape_frag_word(w: Any, *args: Any, **kwargs: Any) -> Any:
    """reportlab's `shapeFragWord` for our fonts: runs shaped apart, text kept (see above)."""
    if isinstance(w, ttfonts.ShapedFragWord):
        return w
    pieces = w[1:]
    need = False
    for frag, text in pieces:
        if hasattr(frag, "cbDefn") or isinstance(text, ShapedStr):
            return w
        need = need or fonts.needs_shaping(frag.fontName)
    if not need:
        return w
    key = (type(w), *((f.fontName, f.fontSize, t) for f, t in pieces))
    hit = _cache.get(key)
    if hit is None:
        out: list[tuple[int, ShapedStr]] = []
        width = 0.0
        i = 0
        while i < len(pieces):
            f0 = pieces[i][0]
            j = i + 1
            while (
                j < len(pieces)
                and pieces[j][0].fontName == f0.fontName
                and pieces[j][0].fontSize == f0.fontSize
            ):
                j += 1
            if fonts.needs_shaping(f0.fontName) and any(t for _, t in pieces[i:j]):
                chunks, run_width = _shape_run(list(pieces[i:j]))
                out.extend((i + k, s) for k, s in chunks)
                width += run_width
            else:
                for k in range(i, j):
                    f, t = pieces[k]
                    out.append((k, t))
                    width += pdfmetrics.stringWidth(t, f.fontName, f.fontSize)
            i = j
        if len(_cache) > 20000:
            _cache.clear()
        hit = _cache[key] = (makeShapedFragWord(w), width, tuple(out))
    cls, width, runs = hit
    return cls([width, *((pieces[k][0], s) for k, s in runs)])


def typed_text(shaped: str) -> str:
    """The characters a shaped text stands for (right-to-left runs: clusters in visual order)."""
    return "".join(_text_of.get(ord(c), c) for c in shaped)


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with the text of shaped glyphs and characters past U+FFFF.

    reportlab writes `<%04X>` of the code point, which is wrong past U+FFFF (not UTF-16) and
    meaningless for the private codes of shaped glyphs.
    """
    entries = [f"<{i:02X}> <{_hex(_text_of.get(v, chr(v)))}>" for i, v in enumerate(subset)]
    blocks: list[str] = []
    for k in range(0, len(entries), 100):
        part = entries[k : k + 100]
        blocks += [f"{len(part)} beginbfchar", *part, "endbfchar"]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            *blocks,
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def install() -> None:
    """Put both in place of reportlab's own (idempotent)."""
    paragraph.shapeFragWord = shape_frag_word
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
