import pytest

from extract.dates import find_dates
from extract.metadata import publication_date, title


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
