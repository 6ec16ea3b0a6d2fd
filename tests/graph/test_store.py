import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from extract.vocab import ID, SDO
from graph.build import outdir, store


def small_dataset(order):
    graphs = {
        "a": [(ID["person/x"], SDO.name, Literal("X"))],
        "b": [(ID["person/y"], SDO.name, Literal("Y")), (ID["person/z"], SDO.name, Literal("Z"))],
    }
    return assembled(graphs, order, (ID["org/o"], SDO.name, Literal("O")))


def assembled(triples: dict, order, fact) -> object:
    """The dataset of the documents' ``triples`` added in ``order``, with ``fact`` in the default graph."""
    named = []
    for key in order:
        g = Graph()
        for t in triples[key]:
            g.add(t)
        named.append((ID[f"doc/{key}"], g))
    default = Graph()
    default.add(fact)
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
    outdir.atomic_write(target, b"one")
    outdir.atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_a_file_written_bit_by_bit_that_fails_leaves_the_old_one(tmp_path):
    target = tmp_path / "f.txt"
    outdir.atomic_write(target, b"whole")
    with pytest.raises(RuntimeError), outdir.atomic_file(target) as fh:
        fh.write(b"half")
        raise RuntimeError("the stream broke")
    assert target.read_bytes() == b"whole"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_store_atomic_write_gives_the_usual_permissions(tmp_path):
    import os

    target = tmp_path / "g.trig"
    outdir.atomic_write(target, b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def varied_dataset(order: str):
    """Literals of every kind the build writes (numbers, booleans, dates, languages, quotes and new lines),
    one triple in two graphs and in the default graph, graphs added in ``order``."""
    from extract.vocab import TG, XSD

    person = ID["person/lena-ortiz"]
    triples = {
        "a": [(person, SDO.name, Literal("Lena \"the\" Ortiz\nsecond line")), (person, SDO.value, Literal(25.0)),
              (person, TG.charStart, Literal(9431)), (person, TG.former, Literal(False))],
        "b": [(person, SDO.name, Literal("Lena \"the\" Ortiz\nsecond line")),
              (person, SDO.description, Literal("Secretaria", lang="es")),
              (person, TG.firstSeen, Literal("2025-04", datatype=XSD.gYearMonth))],
    }
    return assembled(triples, order, (person, SDO.name, Literal("Lena \"the\" Ortiz\nsecond line")))


def quad_lines(ds) -> list[str]:
    return sorted(line for line in ds.serialize(format="nquads").splitlines() if line.strip())


def test_store_files_hold_the_quads_of_the_dataset_as_rdflib_reads_them(tmp_path):
    from rdflib import Dataset

    ds = varied_dataset("ab")
    store.write(ds, tmp_path)
    back = Dataset()
    back.parse(tmp_path / "graph.trig", format="trig")
    assert quad_lines(back) == quad_lines(ds)
    assert isomorphic(Graph().parse(tmp_path / "graph.ttl"), store.merged_graph(ds))


def test_store_writes_the_same_bytes_whatever_the_order_and_names_prefixes_in_order(tmp_path):
    store.write(varied_dataset("ab"), tmp_path / "one")
    store.write(varied_dataset("ba"), tmp_path / "two")
    for name in ("graph.trig", "graph.ttl"):
        first = (tmp_path / "one" / name).read_bytes()
        assert first == (tmp_path / "two" / name).read_bytes()
        header = [line for line in first.decode().splitlines() if line.startswith("@prefix")]
        assert header == sorted(header) and "@prefix schema: <https://schema.org/> ." in header
        assert "tgid:" not in first.decode()  # the IRIs of the build stay whole


def test_store_writes_the_quads_assemble_kept_and_reads_a_changed_dataset_again(tmp_path, monkeypatch):
    from rdflib import Dataset

    from graph.build.quads import canonical_quads

    ds = varied_dataset("ba")
    assert [str(q) for q in ds.kept.ordered()] == [str(q) for q in canonical_quads(ds)]
    with monkeypatch.context() as patch:  # an unchanged dataset is written from what assemble kept
        patch.setattr(store, "canonical_quads", lambda ds: pytest.fail("read the dataset again"))
        store.write(ds, tmp_path / "kept")
    assert len(ds.kept) == 0  # and let go once written
    ds.graph(ID["doc/a"]).add((ID["person/x"], SDO.name, Literal("X")))  # added after assemble
    store.write(ds, tmp_path)
    back = Dataset()
    back.parse(tmp_path / "graph.trig", format="trig")
    assert quad_lines(back) == quad_lines(ds)
