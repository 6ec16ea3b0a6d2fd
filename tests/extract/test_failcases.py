"""Documents that once broke extraction (``../shared/eval/failcases``) each still yield a graph."""
import pytest
from spacy.tokens import Span

from extract.mentions import Mention
from extract.text.document import decode
from extract.text.sentence_view import SentenceView
from extract.triples import document_graph
from tests.conftest import SHARED

FAILCASES = sorted((SHARED / "eval" / "failcases").glob("*.txt"))


@pytest.mark.slow
@pytest.mark.skipif(not FAILCASES, reason="no shared failcases beside the project")
@pytest.mark.parametrize("path", FAILCASES, ids=lambda p: p.name)
def test_failcase_yields_a_graph(nlp, path):
    document = decode(path.name, path.read_bytes())
    assert len(document_graph(nlp(document.text), document)) > 0


def test_a_mention_running_past_its_sentence_is_not_read_in_it(blank):
    doc = blank("Ana met Luis Soto . Then they left")
    first = Span(doc, 0, 5)
    crossing = Mention("person", "Luis Soto . Then", 8, 24, 0, 18)
    view = SentenceView(doc, first, [Mention("person", "Ana", 0, 3, 0, 18), crossing])
    assert [m.text for m in view.mentions] == ["Ana"]
