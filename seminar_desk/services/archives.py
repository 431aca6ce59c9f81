"""Zip archives judged by their directory alone, before anything is unpacked: bundles
(services/bundles/format.py) and XLSX workbooks (services/tables/workbook.py) refuse
compression bombs with this one check, each with its own limits."""

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class UnpackLimits:
    unpacked: int
    """Bytes all members may take unpacked."""
    ratio: int
    """How many times a member may grow when unpacked..."""
    above: int
    """...once it unpacks to more than this many bytes (small members compress far better)."""
    parts: int | None = None
    """How many members the archive may hold (None: counted elsewhere)."""


def unpack_problem(
    members: Sequence[zipfile.ZipInfo], limits: UnpackLimits, what: str
) -> str | None:
    """Why unpacking would be unsafe, in words to follow the file's name ("the workbook
    unpacks to..."), or None."""
    total = sum(m.file_size for m in members)
    if total > limits.unpacked or (limits.parts is not None and len(members) > limits.parts):
        return (
            f"{what} unpacks to {total / 2**20:.0f} MB in {len(members)} part(s); expected at most "
            f"{limits.unpacked // 2**20} MB"
        )
    for m in members:
        ratio = m.file_size // max(m.compress_size, 1)
        if m.file_size > limits.above and ratio > limits.ratio:
            return (
                f"the part {m.filename} expands {ratio} times; expected at most {limits.ratio} "
                "(is it a compression bomb?)"
            )
    return None
