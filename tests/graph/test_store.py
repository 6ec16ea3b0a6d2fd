from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from extract.vocab import ID, SDO
from graph.build import store


def small_dataset(order):
    graphs = {
        "a": [(ID["person/x"], SDO.name, Literal("X"))],
        "b": [(ID["person/y"], SDO.name, Literal("Y")), (ID["person/z"], SDO.name, Literal("Z"))],
    }
    named = []
    for key in order:
        g = Graph()
        for t in graphs[key]:
            g.add(t)
        named.append((ID[f"doc/{key}"], g))
    default = Graph()
    default.add((ID["org/o"], SDO.name, Literal("O")))
    return store.assemble(default, named)


def test_store_trig_bytes_do_not_depend_on_insertion_order():
    assert store.trig_text(small_dataset("ab")) == store.trig_text(small_dataset("ba"))


def test_store_round_trip(tmp_path):
    ds = small_dataset("ab")
    store.write(ds, tmp_path)
    back = store.load(tmp_path)
    for name in ("a", "b"):
        assert isomorphic(back.graph(ID[f"doc/{name}"]), ds.graph(ID[f"doc/{name}"]))
    merged = Graph().parse(tmp_path / "graph.ttl")
    assert len(merged) == 4


def test_store_atomic_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "f.txt"
    store.atomic_write(target, b"one")
    store.atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_store_atomic_write_gives_the_usual_permissions(tmp_path):
    import os

    target = tmp_path / "g.trig"
    store.atomic_write(target, b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
