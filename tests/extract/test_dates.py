import pytest

from extract.text.dates import find_dates
from extract.text.metadata import publication_date, title


@pytest.mark.parametrize("text,iso", [
    ("Published February 21, 2024.", ["2024-02-21"]),
    ("On Oct. 3, 2023 and Sept. 9 2021", ["2023-10-03", "2021-09-09"]),
    ("Wed, 09/17/2025 - 10:59", ["2025-09-17"]),
    ("21 March 2022", ["2022-03-21"]),
    ("2020-01-31", ["2020-01-31"]),
    ("February 30, 2024", []),
    ("in 2024", []),
])
def test_dates_found_and_normalised(text, iso):
    assert [d.iso for d in find_dates(text)] == iso


@pytest.mark.parametrize("text,expected", [
    ("Headline\n\nMarch 3, 2025\n\nBody.", "2025-03-03"),
    ("Report\nJanuary 5, 2024 – April 30, 2025\nBody.", None),
    ("Headline\nOn May 5, 2024, and June 1, 2024, they met.", None),
    ("No date here.", None),
])
def test_publication_date_only_from_a_standalone_date(text, expected):
    assert publication_date(text) == expected


def test_title_is_first_content_line():
    assert title("\n\n**Big Headline**\nBody", []) == "Big Headline"


@pytest.mark.parametrize("text,place,expected", [
    ("Title\nMexico City, 18 June 2025\n\nThe Ministry received a delegation.", "Mexico City", "2025-06-18"),
    ("**Washington, D.C. — November 4, 2025.** The Center convened a panel.\nMore.", "Washington", "2025-11-04"),
    ("They met in Washington, on May 3, 2025.", "Washington", None),  # not at the start of a line
    ("Washington\nMay 3, 2025", "Washington", None),                  # a date on another line
    ("WASHINGTON – Today, the officials met.", "WASHINGTON", "2025-10-07"),  # with the publication date
])
def test_dateline_is_a_line_opening_with_a_place_and_a_date(text, place, expected):
    from extract.mentions import Mention
    from extract.text.metadata import dateline

    start = text.index(place)
    found = dateline(text, [Mention("place", place, start, start + len(place), 0, len(text))], "2025-10-07")
    assert (found.when.start if found else None) == expected
    if found:
        assert found.end == (text.find("\n", start) if "\n" in text[start:] else len(text))
