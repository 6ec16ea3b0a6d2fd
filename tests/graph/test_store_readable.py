"""The views read from a build's Oxigraph store (graph/network/storeread.py) are those read from the quad index.

The samples and the made-up test documents are built once each; each view is made from
``QuadIndex.from_file`` and from ``StoreReadable.open`` on the same build and compared: pages and exports byte
for byte, the summary and the networks value for value. Then every read pattern of the build is asked of both.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.build.run import build
from graph.network.readable import QuadIndex, Readable
from graph.network.storeread import StoreReadable
from tests.graph.views_table import VIEWS

pytestmark = pytest.mark.slow
DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"
Both = tuple[QuadIndex, StoreReadable]


@pytest.fixture(scope="module", params=["samples", "test documents"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Both:
    """A build read both ways: (QuadIndex of its graph.trig, StoreReadable of its store). The samples' build is
    the session's."""
    if request.param == "samples":
        files = request.getfixturevalue("sample_build").files
    else:
        files = build([DOCS], tmp_path_factory.mktemp("store-docs"), show_progress=False).files
    return QuadIndex.from_file(files["trig"]), StoreReadable.open(files["store"])


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_the_view_is_the_same_from_the_store(corpus: Both, view: str, tmp_path: Path) -> None:
    readers: tuple[Readable, Readable] = corpus  # both are Readable (mypy checks the store's reader here)
    made = [VIEWS[view](ds, tmp_path / name) for name, ds in zip(("index", "store"), readers, strict=True)]
    assert made[0], f"{view}: nothing made"
    assert made[0] == made[1], view


def test_the_summary_counts_the_union_as_the_index_does(corpus: Both) -> None:
    index, store = corpus
    assert len(store) == len(index) > 0


def test_every_read_pattern_of_the_build_answers_as_the_index(corpus: Both) -> None:
    index, store = corpus
    quads = list(index.quads((None, None, None, None)))
    named = {q[:3] for q in quads if q[3] != DATASET_DEFAULT_GRAPH_ID}
    # the store's default graph is the union: a default-graph triple a document also states comes once, with it
    expected = [q for q in quads if q[3] != DATASET_DEFAULT_GRAPH_ID or q[:3] not in named]
    assert Counter(expected) == Counter(store.quads((None, None, None, None)))
    for p in {q[1] for q in quads}:
        pairs = list(index.subject_objects(p))
        assert Counter(pairs) == Counter(store.subject_objects(p)), p
        assert Counter(index.quads((None, p, None, None))) - Counter(store.quads((None, p, None, None))) <= \
            Counter(q for q in quads if q[1] == p and q[3] == DATASET_DEFAULT_GRAPH_ID), p
        for s, o in set(pairs):
            assert Counter(index.objects(s, p)) == Counter(store.objects(s, p)), (s, p)
            assert Counter(index.subjects(p, o)) == Counter(store.subjects(p, o)), (p, o)
            assert (s, p, o) in store and (s, None, o) in store and (s, p, None) in store


def test_patterns_no_triple_can_match_find_nothing(corpus: Both) -> None:
    _, store = corpus
    some = next(store.subject_objects(URIRef("http://purl.org/dc/terms/source")))
    assert list(store.objects(Literal("x"), None)) == list(store.quads((Literal("x"), None, None, None))) == []
    assert list(store.subjects(Literal("x"), some[1])) == [] and (some[0], Literal("p"), None) not in store
