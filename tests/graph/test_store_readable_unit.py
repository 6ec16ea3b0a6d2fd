"""StoreReadable on a small made-up store: the cases a real build does not reach (blank nodes, whole triples,
reference facts stated by a document too, a tiny term cache, a missing store)."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.exceptions import UniquenessError
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

import graph.network.storeread as storeread
from graph.build.oxstore import write_store
from graph.errors import StoreError
from graph.network.readable import QuadIndex
from graph.network.storeread import StoreReadable

E = "http://e/"
TRIG = f"""
<{E}ana> <{E}name> "Ana Ruiz"@es ; <{E}age> 41 ; <{E}knows> _:b1 .
<{E}bo> <{E}name> "Bo Lind" .
<{E}d1> {{ <{E}ana> <{E}name> "Ana Ruiz"@es . <{E}ana> <{E}at> _:b1 .
  <{E}ana> <{E}score> "3.6E13"^^<http://www.w3.org/2001/XMLSchema#double> . }}
<{E}d2> {{ <{E}ana> <{E}name> "Ana R."@es . <{E}ana> <{E}age> 41 . <{E}bo> <{E}age> 40 . }}
"""


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[QuadIndex, StoreReadable]:
    folder = tmp_path_factory.mktemp("small-store")
    (folder / "graph.trig").write_text(TRIG, encoding="utf-8")
    write_store(folder / "graph.trig", folder / "store")
    return QuadIndex.from_file(folder / "graph.trig"), StoreReadable.open(folder)


def _u(name: str) -> URIRef:
    return URIRef(E + name)


def test_triple_patterns_answer_as_the_index(both: tuple[QuadIndex, StoreReadable]) -> None:
    index, store = both
    for pattern in [(_u("ana"), None, None), (None, _u("name"), None), (None, None, Literal("Ana Ruiz", lang="es")),
                    (None, _u("age"), Literal(41)), (_u("ana"), _u("age"), None)]:
        assert sorted(map(str, index.objects(*pattern[:2]))) == sorted(map(str, store.objects(*pattern[:2])))
        assert sorted(map(str, index.subjects(*pattern[1:]))) == sorted(map(str, store.subjects(*pattern[1:])))
        assert (pattern in index) == (pattern in store), pattern
    assert len(store) == len(index) == 8


def test_blank_nodes_come_back_and_can_be_asked_about(both: tuple[QuadIndex, StoreReadable]) -> None:
    _, store = both
    (node,) = store.objects(_u("ana"), _u("knows"))
    assert isinstance(node, BNode)
    assert list(store.subjects(_u("knows"), node)) == [_u("ana")]
    assert [q[3] for q in store.quads((None, _u("knows"), node, None))] == [DATASET_DEFAULT_GRAPH_ID]


def test_quads_give_each_document_graph_then_the_facts_only_the_default_graph_states(
        both: tuple[QuadIndex, StoreReadable]) -> None:
    _, store = both
    name = sorted((str(s), str(o), str(g)) for s, _, o, g in store.quads((None, _u("name"), None, None)))
    assert name == [(E + "ana", "Ana R.", E + "d2"), (E + "ana", "Ana Ruiz", E + "d1"),
                    (E + "bo", "Bo Lind", str(DATASET_DEFAULT_GRAPH_ID))]
    whole = (_u("ana"), _u("age"), Literal(41), None)
    assert [q[3] for q in store.quads(whole)] == [_u("d2")]  # stated by d2 and by the default graph: once
    assert [q[3] for q in store.quads((_u("bo"), _u("name"), Literal("Bo Lind"), None))] == [DATASET_DEFAULT_GRAPH_ID]
    assert list(store.quads((_u("bo"), _u("name"), Literal("nobody"), None))) == []


def test_a_literal_rdflib_rewrites_is_found_again(both: tuple[QuadIndex, StoreReadable]) -> None:
    _, store = both
    (score,) = store.objects(_u("ana"), _u("score"))
    assert list(store.subjects(_u("score"), score)) == [_u("ana")]


def test_value_is_rdflibs(both: tuple[QuadIndex, StoreReadable]) -> None:
    _, store = both
    assert store.value(_u("bo"), _u("name")) == Literal("Bo Lind")
    assert store.value(_u("bo"), _u("name"), _u("x")) is None  # not exactly one term left open
    with pytest.raises(UniquenessError):
        store.value(_u("ana"), _u("name"), any=False)


def test_a_tiny_term_cache_gives_the_same_answers(both: tuple[QuadIndex, StoreReadable],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    index, store = both
    monkeypatch.setattr(storeread, "CACHED_TERMS", 2)
    monkeypatch.setattr(storeread, "CACHED_ANSWERS", 1)
    fresh = StoreReadable(store._store)
    for _ in range(2):
        for s in (_u("ana"), _u("bo")):
            for p in (_u("name"), _u("age")):
                assert sorted(map(str, fresh.objects(s, p))) == sorted(map(str, index.objects(s, p)))
    assert len(fresh._rdflib) <= 2 and len(fresh._answers) <= 2


def test_no_store_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no built graph here"):
        StoreReadable.open(tmp_path)
