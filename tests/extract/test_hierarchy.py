import pytest

from extract.text.document import Document
from extract.triples import document_graph
from extract.vocab import ORG, SDO

pytestmark = pytest.mark.slow


def parts(nlp, text):
    g = document_graph(nlp(text), Document("t.txt", "t", text))
    name = lambda n: str(g.value(n, SDO.name))  # noqa: E731
    return {(name(c), name(p)) for c, p in g.subject_objects(ORG.subOrganizationOf)}


@pytest.mark.parametrize("text,expected", [
    ("Lena Ortiz, Researcher, UNAM's Center for Border Studies, spoke.",
     {("Center for Border Studies", "National Autonomous University of Mexico")}),
    ("Rep. Tom Hale, Chairman of the Subcommittee on Trade Remedies, under the House Committee on Ways and "
     "Means, spoke.", {("Subcommittee on Trade Remedies", "House Ways and Means Committee")}),
    ("Ana Ruiz, member of the Chamber's Board of Directors, spoke.", set()),
])
def test_hierarchy_from_text(nlp, text, expected):
    assert parts(nlp, text) == expected
