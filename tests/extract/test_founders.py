"""Founders as members, read from made-up sentences through the real pipeline."""
import pytest

from tests.extract.test_roles import memberships

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,expected", [
    # the subject and those "along with" it
    ("Senator Dana Whitfield, along with Representative Omar Lindqvist, founded the Harbour Freight "
     "Caucus in 2023.",
     {("Dana Whitfield", "Harbour Freight Caucus"), ("Omar Lindqvist", "Harbour Freight Caucus")}),
    # a subject the writer dropped after a sentence about one person
    ("Representative Omar Lindqvist spoke about tariffs. Lindqvist noted that costs keep rising. "
     "Along with Senator Dana Whitfield, Mayor Rita Vance, and a group of governors—created the Border "
     "Commerce Coalition.",
     {("Omar Lindqvist", "Border Commerce Coalition"), ("Dana Whitfield", "Border Commerce Coalition"),
      ("Rita Vance", "Border Commerce Coalition")}),
])
def test_founders_become_members(nlp, text, expected):
    found = {(person, org) for person, title, org, former in memberships(nlp, text) if title == "member"}
    assert found == expected


@pytest.mark.parametrize("text", [
    # an organization the verb does not create
    "Dana Whitfield created new rules and thanked the Harbour Freight Caucus for its help.",
    # a created thing that is not an organization
    "Along with Rita Vance, Dana Whitfield launched a study of border wait times.",
])
def test_founders_need_an_organization_as_the_object(nlp, text):
    assert not {m for m in memberships(nlp, text) if m[1] == "member"}
