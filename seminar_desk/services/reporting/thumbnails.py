"""Small pictures of a report's first pages for the Reports page (PDFium, no Qt here).

Rendered on the worker thread that laid the report out; the window only wraps the pixels.
"""

from dataclasses import dataclass

FIRST_PAGES = 3
WIDTH_PX = 220


@dataclass(frozen=True)
class Thumbnail:
    """One page as 8-bit RGB pixels, rows `stride` bytes apart."""

    page: int
    width: int
    height: int
    stride: int
    rgb: bytes


def thumbnails(pdf: bytes, pages: int = FIRST_PAGES, width_px: int = WIDTH_PX) -> list[Thumbnail]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        out = []
        for n in range(min(pages, len(doc))):
            page = doc[n]
            scale = width_px / page.get_width()
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, not BGR
            out.append(
                Thumbnail(n + 1, bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            )
            page.close()
        return out
    finally:
        doc.close()
