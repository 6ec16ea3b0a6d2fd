"""The library's queries without LATERAL: the same answers on rdflib's engine as on Oxigraph's."""
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from graph.build.oxstore import open_store
from graph.query.library import load
from graph.query.params import bind
from graph.query.portable import portable, run_rdflib
from graph.query.run import run

DATA = Path(__file__).parent / "data"
CASES = sorted((DATA / "expected").glob("*.json"))


@pytest.fixture(scope="module")
def engines(fixture_out):
    ds = Dataset(default_union=True)
    ds.parse(DATA / "queries_fixture.trig", format="trig")
    return open_store(fixture_out), ds


def _text(term) -> str:
    """A term's lexical form on either engine (rdflib's ``str``, pyoxigraph's ``.value``)."""
    if term is None:
        return ""
    return term.value if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)) else str(term)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_portable_query_gives_oxigraphs_rows_on_rdflib(engines, path):
    store, ds = engines
    case = json.loads(path.read_text(encoding="utf-8"))
    info = load(case["query"])
    params = bind(info.params, case["params"], label=info.name)
    on_oxigraph = [[_text(t) for t in row] for row in run(store, info.text, params=params).terms]
    on_rdflib = [[_text(t) for t in row] for row in run_rdflib(ds, info.text, params=params, label=info.name)]
    assert on_rdflib == on_oxigraph


@pytest.mark.parametrize("query, expected", [
    ("SELECT * { ?a ?b ?c LATERAL { ?c <p> ?d } }", "SELECT * { ?a ?b ?c  ?c <p> ?d  }"),
    ("SELECT * { ?a ?b ?c lateral { OPTIONAL { ?c <p> ?d } } }", "SELECT * { ?a ?b ?c  OPTIONAL { ?c <p> ?d }  }"),
    ("SELECT * { ?a ?b ?c LATERAL { SELECT ?c WHERE { ?c <p> ?d } } }",
     "SELECT * { ?a ?b ?c  { SELECT ?c WHERE { ?c <p> ?d } } }"),
    # the keyword or a brace inside a string, an IRI or a comment is left alone
    ('SELECT * { ?a <p> "LATERAL { }" # LATERAL {\n }', 'SELECT * { ?a <p> "LATERAL { }" # LATERAL {\n }'),
    ("SELECT * { ?a <http://x/LATERAL> ?b }", "SELECT * { ?a <http://x/LATERAL> ?b }"),
])
def test_portable_drops_lateral_and_its_braces(query, expected):
    assert portable(query) == expected
