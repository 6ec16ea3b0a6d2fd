"""Every view, page, measure and export of a real build is the same from the quad index as from rdflib.

The samples and the made-up test documents are built once each; each view is made from
``graph.build.store.load`` (an rdflib ``Dataset``) and from ``QuadIndex.from_file`` (graph/network/readable.py)
and compared: pages and exports byte for byte, networks node by node and edge by edge, with attributes.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph.build.run import build
from graph.build.store import load
from graph.network.readable import QuadIndex, Readable
from tests.graph.views_table import VIEWS

pytestmark = pytest.mark.slow
DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"
Both = tuple[Readable, QuadIndex]


@pytest.fixture(scope="module", params=["samples", "test documents"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Both:
    """A build read both ways: (rdflib Dataset, QuadIndex). The samples' build is the session's."""
    if request.param == "samples":
        trig = request.getfixturevalue("sample_build").files["trig"]
    else:
        trig = build([DOCS], tmp_path_factory.mktemp("readable-docs"), show_progress=False).files["trig"]
    return load(trig), QuadIndex.from_file(trig)


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_the_view_is_the_same_from_the_index(corpus: Both, view: str, tmp_path: Path) -> None:
    made = [VIEWS[view](ds, tmp_path / name) for name, ds in zip(("rdflib", "index"), corpus, strict=True)]
    assert made[0], f"{view}: nothing made"
    assert made[0] == made[1], view


def test_every_read_pattern_of_the_build_answers_as_rdflib(corpus: Both) -> None:
    ds, index = corpus
    quads = list(ds.quads((None, None, None, None)))
    assert Counter(map(repr, quads)) == Counter(map(repr, index.quads((None, None, None, None))))
    for p in {q[1] for q in quads}:
        pairs = list(ds.subject_objects(p))
        assert Counter(pairs) == Counter(index.subject_objects(p)), p
        for s, o in set(pairs):
            assert Counter(ds.objects(s, p)) == Counter(index.objects(s, p)), (s, p)
            assert Counter(ds.subjects(p, o)) == Counter(index.subjects(p, o)), (p, o)
