"""Every shipped font comes with its own licence text and copyright notice (Droid: Apache)."""

from fontTools.ttLib import TTFont

from seminar_desk.reports.text.fonts import fonts_dir

OFL = "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007"
APACHE = "Apache License\n                           Version 2.0, January 2004"


def index() -> dict[str, tuple[str, str]]:
    """README.txt: font file -> (licence, licence file)."""
    out = {}
    for line in (fonts_dir() / "README.txt").read_text().splitlines():
        if line.endswith(".txt") and ".ttf" in line:
            name, rest = line.split(maxsplit=1)
            licence, _, file = rest.rpartition(" ")
            out[name] = (licence.strip(), file)
    return out


def test_every_font_file_is_listed_with_a_licence_file_beside_it() -> None:
    listed = index()
    assert set(listed) == {p.name for p in fonts_dir().glob("*.ttf")}
    for _, file in listed.values():
        assert (fonts_dir() / file).is_file(), file


def test_each_font_carries_the_licence_it_declares_and_its_copyright_notice() -> None:
    for name, (licence, file) in index().items():
        text = (fonts_dir() / file).read_text()
        names = TTFont(fonts_dir() / name, lazy=True)["name"]
        declared = f"{names.getDebugName(13)} {names.getDebugName(14)}"
        if "Apache" in declared:
            assert licence == "Apache License 2.0", name
        elif "Open Font License" in declared or "/OFL" in declared:
            assert licence == "SIL Open Font License 1.1", name
        if licence == "Apache License 2.0":
            assert APACHE in text and OFL not in text, name
        else:
            assert OFL in text and APACHE not in text, name
        assert name in text, f"{file} does not name {name}"
        assert names.getDebugName(0) in text, f"{file} lacks the copyright notice of {name}"


def test_droid_sans_fallback_is_apache_not_ofl() -> None:
    assert index()["DroidSansFallbackFull.ttf"][1] == "LICENSE-DroidSansFallback-Apache-2.0.txt"
    assert "DroidSansFallback" not in (fonts_dir() / "OFL.txt").read_text()
