"""Several bodies under one plural head, read from hand-built Docs."""
import pytest

from extract.mentions import Mention
from extract.organizations.coordinated import coordinated_bodies, with_coordinated_bodies
from extract.reading import Reading
from extract.reference.institutions import load_institutions
from extract.reference.lexicon import load_lexicon
from extract.text.document import Document


@pytest.mark.parametrize("text,head,expected", [
    ("the Departments of Commerce and State met", 1,
     [("Department of Commerce", "us-department-of-commerce"), ("Department of State", "us-department-of-state")]),
    ("Mexico 's Ministries of Economy , Finance , and Foreign Relations", 2,
     [("Ministry of Economy", "mx-ministry-of-economy"), ("Ministry of Finance", "mx-ministry-of-finance"),
      ("Ministry of Foreign Relations", "mx-ministry-of-foreign-affairs")]),
    # "the" opens a body of another kind; an acronym is no portfolio
    ("the Departments of Commerce and State and the Office of Trade", 1,
     [("Department of Commerce", "us-department-of-commerce"), ("Department of State", "us-department-of-state")]),
    ("Mexico 's Ministries of the Interior , Navy and Health , and the Attorney General 's Office", 2,
     [("Ministry of Interior", "mx-ministry-of-the-interior"), ("Ministry of Navy", "mx-ministry-of-the-navy"),
      ("Ministry of Health", "mx-ministry-of-health")]),
    ("the Ministries of Economy , Finance , the HLED", 1,
     [("Ministry of Economy", "mx-ministry-of-economy"), ("Ministry of Finance", "mx-ministry-of-finance")]),
    ("Departments of Energy & Commerce Co-chair Meeting", 0,
     [("Department of Energy", "us-department-of-energy"), ("Department of Commerce", "us-department-of-commerce")]),
    # a portfolio no list holds is still a body of its own
    ("the Ministries of Tourism and Fisheries", 1, [("Ministry of Tourism", "mx-ministry-of-tourism"),
                                                    ("Ministry of Fisheries", None)]),
    # one portfolio is no coordination; nor is a plural without "of"
    ("the Departments of Commerce", 1, []),
    ("both Departments agreed", 1, []),
])
def test_coordinated_bodies(blank, text, head, expected):
    bodies = coordinated_bodies(blank(text), head, load_lexicon(), load_institutions())
    assert [(b.name, b.institution) for b in bodies] == expected


def test_coordination_replaces_the_partial_organizations_it_overlaps(blank):
    doc = blank("the Departments of Commerce and State met Orbis Partners")
    ner = [Mention("org", "Departments of Commerce", 4, 27, 0, 56), Mention("org", "State", 32, 37, 0, 56),
           Mention("org", "Orbis Partners", 42, 56, 0, 56)]
    got = with_coordinated_bodies(Reading.of(doc, Document("t.txt", "t", doc.text)), mentions=ner)
    assert [(m.text, m.institution, doc.text[m.start:m.end]) for m in got] == [
        ("Department of Commerce", "us-department-of-commerce", "Commerce"),
        ("Department of State", "us-department-of-state", "State"),
        ("Orbis Partners", None, "Orbis Partners")]
