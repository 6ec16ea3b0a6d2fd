"""Several bodies under one plural head, read from hand-built Docs."""
import pytest

from extract.coordinated import coordinated_bodies, with_coordinated_bodies
from extract.institutions import load_institutions
from extract.lexicon import load_lexicon
from extract.mentions import Mention


@pytest.mark.parametrize("text,head,expected", [
    ("the Departments of Commerce and State met", 1, ["U.S. Department of Commerce", "U.S. Department of State"]),
    ("Mexico 's Ministries of Economy , Finance , and Foreign Relations", 2,
     ["Ministry of Economy", "Ministry of Finance and Public Credit", "Ministry of Foreign Affairs"]),
    # "the" opens a body of another kind; an acronym is no portfolio
    ("the Departments of Commerce and State and the Office of Trade", 1,
     ["U.S. Department of Commerce", "U.S. Department of State"]),
    ("Mexico 's Ministries of the Interior , Navy and Health , and the Attorney General 's Office", 2,
     ["Ministry of the Interior", "Ministry of the Navy", "Ministry of Health"]),
    ("the Ministries of Economy , Finance , the HLED", 1, ["Ministry of Economy", "Ministry of Finance and Public Credit"]),
    ("Departments of Energy & Commerce Co-chair Meeting", 0, ["U.S. Department of Energy", "U.S. Department of Commerce"]),
    # a portfolio no list holds is still a body of its own
    ("the Ministries of Tourism and Fisheries", 1, ["Ministry of Tourism", "Ministry of Fisheries"]),
    # one portfolio is no coordination; nor is a plural without "of"
    ("the Departments of Commerce", 1, []),
    ("both Departments agreed", 1, []),
])
def test_coordinated_bodies(blank, text, head, expected):
    bodies = coordinated_bodies(blank(text), head, load_lexicon(), load_institutions())
    assert [b.name for b in bodies] == expected


def test_coordination_replaces_the_partial_organizations_it_overlaps(blank):
    doc = blank("the Departments of Commerce and State met Orbis Partners")
    ner = [Mention("org", "Departments of Commerce", 4, 27, 0, 56), Mention("org", "State", 32, 37, 0, 56),
           Mention("org", "Orbis Partners", 42, 56, 0, 56)]
    got = with_coordinated_bodies(doc, ner, load_lexicon(), load_institutions(), [])
    assert [(m.text, m.institution, doc.text[m.start:m.end]) for m in got] == [
        ("U.S. Department of Commerce", "us-department-of-commerce", "Commerce"),
        ("U.S. Department of State", "us-department-of-state", "State"),
        ("Orbis Partners", None, "Orbis Partners")]
