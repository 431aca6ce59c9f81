"""Pictures of a report's first pages for the Reports page (PDFium, no Qt here).

Rendered on the worker thread that laid the report out; the window only wraps the pixels.
"""

from dataclasses import dataclass

FIRST_PAGES = 3
LONG_SIDE_PX = 1100  # large enough for a 1920x1080 screen; the window scales them down


@dataclass(frozen=True)
class Thumbnail:
    """One page as 8-bit RGB pixels, rows `stride` bytes apart."""

    page: int
    width: int
    height: int
    stride: int
    rgb: bytes


def thumbnails(
    pdf: bytes, pages: int = FIRST_PAGES, long_side_px: int = LONG_SIDE_PX
) -> list[Thumbnail]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        out = []
        for n in range(min(pages, len(doc))):
            page = doc[n]
            scale = long_side_px / max(page.get_width(), page.get_height())
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, not BGR
            out.append(
                Thumbnail(n + 1, bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            )
            page.close()
        return out
    finally:
        doc.close()
