"""Query folding and snippets for the notes search."""

from hypothesis import given, settings
from hypothesis import strategies as st

from seminar_desk.domain.search import (
    ParsedQuery,
    escape_like,
    fold_text,
    parse_query,
    snippet,
)
from seminar_desk.domain.text import fold


def test_query_is_folded_and_split_by_length() -> None:
    q = parse_query("Nguyễn  Đức to nguyen")
    assert q.long == ("nguyen", "duc")
    assert q.short == ("to",)
    assert q.match_expression() == '"nguyen" AND "duc"'
    assert q.like_patterns() == ["%to%"]


def test_quotes_and_like_wildcards_are_escaped() -> None:
    # Quotes in a query make a phrase; a quote inside a term is still escaped for MATCH.
    assert parse_query('say "hi there"').match_expression() == '"say" AND "hi there"'
    assert ParsedQuery(long=('a"b',)).match_expression() == '"a""b"'
    assert escape_like("50%_a\\") == "50\\%\\_a\\\\"


def test_thai_and_khmer_keep_their_marks() -> None:
    assert parse_query("อาวุธ").long == ("อาวุธ",)
    assert parse_query("ការជួញដូរ").long == ("ការជួញដូរ",)
    assert parse_query("   ").empty


def test_snippet_shows_the_matching_line_in_the_original_spelling() -> None:
    text = "First line\nMr. Nguyễn Văn Đức spoke about customs\nLast"
    assert snippet(text, ("duc",)) == "Mr. Nguyễn Văn Đức spoke about customs"
    long_line = "word " * 40 + "Đức " + "word " * 40
    cut = snippet(long_line, ("duc",), width=40)
    assert "Đức" in cut and cut.startswith("…") and cut.endswith("…")
    assert snippet("no match here", ("zzz",)) == "no match here"


def test_word_starts_score_higher_than_matches_inside_words() -> None:
    from seminar_desk.domain.search import word_start_score

    assert word_start_score("Mr. Đức spoke", ("duc",)) == 1
    assert word_start_score("Weapons Reduction", ("duc",)) == 0
    assert word_start_score("การค้าอาวุธ", ("อาวุธ",)) == 1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("aZ \n-.Đđễệứ") + ["Nguyễn", "ß", "ø", "อาวุธ", "ការជួញ", "\u0301", "e\u0301"]
        )
    ).map("".join)
    | st.text()
)
def test_fast_fold_is_fold(text: str) -> None:
    assert fold_text(text) == fold(text)


def test_quoted_phrases_nul_and_lone_surrogates():
    assert parse_query('"Canary   ALPHA" beta').long == ("canary alpha", "beta")
    assert parse_query('"canary alpha').long == ("canary alpha",)  # an unclosed quote
    assert parse_query("canary\x00alpha").long == ("canary", "alpha")
    assert parse_query("canary\ud800").long == ("canary",)
    assert parse_query("\ud800\x00").empty
