"""The one zip-bomb check bundles and workbooks share, on archive directories alone."""

import zipfile

from seminar_desk.services.archives import UnpackLimits, unpack_problem

LIMITS = UnpackLimits(unpacked=10 * 2**20, ratio=100, above=64 * 1024, parts=3)


def _member(name: str, size: int, packed: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.file_size, info.compress_size = size, packed
    return info


def test_an_archive_within_the_limits_is_fine() -> None:
    small_but_dense = _member("a.json", 60 * 1024, 10)  # below `above`: may expand further
    assert unpack_problem([small_but_dense, _member("b", 2**20, 2**19)], LIMITS, "it") is None


def test_too_much_unpacked_or_too_many_parts_is_refused() -> None:
    big = [_member("a", 11 * 2**20, 11 * 2**20)]
    assert unpack_problem(big, LIMITS, "the bundle") == (
        "the bundle unpacks to 11 MB in 1 part(s); expected at most 10 MB"
    )
    many = [_member(f"m{n}", 10, 10) for n in range(4)]
    assert "in 4 part(s)" in (unpack_problem(many, LIMITS, "the workbook") or "")


def test_a_member_that_expands_too_far_is_named() -> None:
    bomb = _member("xl/sheet1.xml", 5 * 2**20, 2**14)
    problem = unpack_problem([_member("ok", 10, 10), bomb], LIMITS, "it")
    assert problem == (
        "the part xl/sheet1.xml expands 320 times; expected at most 100 (is it a compression bomb?)"
    )
