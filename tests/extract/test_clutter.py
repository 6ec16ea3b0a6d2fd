import pytest

from extract.text.clutter import clutter_spans

BODY = "A long enough story about trade between two neighbours and their ministers.\n" * 3


@pytest.mark.parametrize("clutter", ["Share it!", "Photo by: Jane Roe / Agency", "© Wire Service",
                                     "View Article", "https://example.com/pic.png", "gallery image",
                                     "Home > Trade > Article", "FOR IMMEDIATE RELEASE", "Press Release 045/2026",
                                     "Media Contact: Ana Ruiz, 555-0100"])
def test_clutter_lines_are_found(clutter):
    text = BODY + clutter + "\n" + BODY
    spans = clutter_spans(text)
    assert [text[s:e] for s, e in spans] == [clutter]


@pytest.mark.parametrize("marker",
                         ["Similar Stories", "You May Like", "Most popular", "Newsletter", "Related Articles"])
def test_clutter_end_marker_cuts_the_rest(marker):
    text = BODY + marker + "\nTeaser about another company\nView Article\n"
    (start, end), *_ = clutter_spans(text)
    assert text[start:].startswith(marker) and end == len(text)


def test_clutter_marker_in_the_opening_is_not_an_end():
    text = "Newsletter\n" + BODY
    assert clutter_spans(text) == []


@pytest.mark.parametrize("line", ["Press release highlights the new bridge", "For immediate release of the funds, the"])
def test_clutter_keeps_a_headline_that_starts_like_a_stamp(line):
    assert clutter_spans(BODY + line + "\n" + BODY) == []
