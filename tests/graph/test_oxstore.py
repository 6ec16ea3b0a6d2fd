"""The on-disk query store: written whole or not at all, opened read-only, with the union as default graph."""
import pyoxigraph as ox
import pytest

from graph.build import oxstore
from graph.build.oxstore import STORE_DIR, open_store, write_store
from graph.errors import StoreError

TRIG = """<http://e/doc/1> { <http://e/a> <http://e/name> "A" . <http://e/b> <http://e/name> "B" . }
<http://e/doc/2> { <http://e/a> <http://e/name> "A" . }
{ <http://e/a> <http://e/kind> "ref" . }
"""


@pytest.fixture
def out(tmp_path):
    (tmp_path / "graph.trig").write_text(TRIG, encoding="utf-8")
    write_store(tmp_path / "graph.trig", tmp_path / STORE_DIR)
    return tmp_path


def test_oxstore_default_graph_is_the_union_with_each_triple_once(out):
    store = open_store(out)
    rows = list(store.query('SELECT ?s WHERE { ?s <http://e/name> "A" }'))
    assert len(rows) == 1  # stated by two documents, one triple in the union
    assert bool(store.query('ASK { <http://e/a> <http://e/kind> "ref" }'))
    per_doc = list(store.query('SELECT ?g WHERE { GRAPH ?g { ?s <http://e/name> "A" } } ORDER BY ?g'))
    assert [r["g"].value for r in per_doc] == ["http://e/doc/1", "http://e/doc/2"]


def test_oxstore_is_opened_read_only(out):
    store = open_store(out)
    with pytest.raises((OSError, RuntimeError)):
        store.update("INSERT DATA { <http://e/x> <http://e/y> <http://e/z> }")


def test_oxstore_rebuild_replaces_the_store_and_leaves_no_temporary_folder(out):
    (out / "graph.trig").write_text('<http://e/doc/1> { <http://e/c> <http://e/name> "C" . }', encoding="utf-8")
    write_store(out / "graph.trig", out / STORE_DIR)
    assert [q.object.value for q in open_store(out).quads_for_pattern(None, None, None, ox.DefaultGraph())] == ["C"]
    assert sorted(p.name for p in out.iterdir()) == ["graph.trig", STORE_DIR]


def test_oxstore_failed_load_keeps_the_good_store(out):
    (out / "broken.trig").write_text("<http://e/doc/1> { <http://e/c> <http://e/name> ", encoding="utf-8")
    with pytest.raises(StoreError, match="broken.trig: cannot load into the query store"):
        write_store(out / "broken.trig", out / STORE_DIR)
    assert len(open_store(out)) == 6  # the 4 quads, and the 2 document triples again in the union
    assert sorted(p.name for p in out.iterdir()) == ["broken.trig", "graph.trig", STORE_DIR]


@pytest.mark.parametrize("has_trig,needle", [
    (False, "no built graph here; build the documents into"),
    (True, "this build predates the query store"),
])
def test_oxstore_missing_store_says_how_to_make_one(tmp_path, has_trig, needle):
    if has_trig:
        (tmp_path / "graph.trig").write_text(TRIG, encoding="utf-8")
    with pytest.raises(StoreError, match=needle):
        open_store(tmp_path)


@pytest.mark.slow
def test_oxstore_build_writes_the_store(sample_build):
    out = sample_build.files["trig"].parent
    assert sample_build.files["store"] == out / STORE_DIR
    memory = ox.Store()  # the same terms as the store normalizes them (numbers, for one)
    memory.bulk_load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    triples = {(q.subject, q.predicate, q.object) for q in memory}
    union = open_store(out).quads_for_pattern(None, None, None, ox.DefaultGraph())
    assert {(q.subject, q.predicate, q.object) for q in union} == triples


@pytest.mark.parametrize("whole", [True, False])
def test_oxstore_bulk_load_with_the_merged_file_gives_the_same_store(tmp_path, monkeypatch, whole):
    """The build loads graph.trig and graph.ttl (the union) with the bulk loader, whole or (big files) in
    chunks; the store is the one read from the TriG alone."""
    (tmp_path / "graph.trig").write_text(TRIG, encoding="utf-8")
    (tmp_path / "graph.ttl").write_text('<http://e/a> <http://e/name> "A" . <http://e/b> <http://e/name> "B" .\n'
                                        '<http://e/a> <http://e/kind> "ref" .\n', encoding="utf-8")
    write_store(tmp_path / "graph.trig", tmp_path / "alone")
    if not whole:
        monkeypatch.setattr(oxstore, "WHOLE_UP_TO", 0)
        monkeypatch.setattr(oxstore, "LOAD_CHUNK", 2)
    write_store(tmp_path / "graph.trig", tmp_path / STORE_DIR, merged=tmp_path / "graph.ttl")
    assert set(open_store(tmp_path / "alone")) == set(open_store(tmp_path))
    assert len(open_store(tmp_path)) == 6  # 3 quads in the documents' graphs, 3 triples in the union


def test_oxstore_write_closes_the_database(out):
    """RocksDB refuses a second read-write handle in one process: this opens only if write_store let go."""
    assert len(ox.Store(str(out / STORE_DIR))) == 6


def test_a_store_loading_in_a_thread_gives_its_path_or_its_error(tmp_path):
    from graph.build.oxstore import Loading

    good = tmp_path / "good.trig"
    good.write_text('<http://e/g> { <http://e/s> <http://e/p> "o" . }', encoding="utf-8")
    assert Loading(good, tmp_path / "store").result() == tmp_path / "store"
    assert len(open_store(tmp_path)) == 2
    bad = tmp_path / "bad.trig"
    bad.write_text("<http://e/g> { not trig", encoding="utf-8")
    failing = Loading(bad, tmp_path / "other")
    failing.join()
    with pytest.raises(StoreError, match="cannot load into the query store"):
        failing.result()
    assert not (tmp_path / "other").exists()
