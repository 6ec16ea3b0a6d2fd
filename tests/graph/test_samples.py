"""End to end on the sample documents: the contract of the data model, determinism and quality floors."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.vocab import DCTERMS, RDF, SDO
from graph.build.validate import validate
from graph.network.summary import summarize

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def test_samples_one_named_graph_per_document(sample_build):
    ds = sample_build.dataset
    sources = {str(s): doc for doc, s in ds.subject_objects(DCTERMS.source)}
    assert sorted(sources) == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    for name, doc in sources.items():
        g = ds.graph(doc)
        assert (doc, DCTERMS.source, None) in g and len(g) > 10, name


def test_samples_conform_to_the_shapes(sample_build):
    conforms, report = validate(sample_build.dataset)
    assert conforms, report


def test_samples_people_have_exactly_one_name(sample_build):
    ds = sample_build.dataset
    for person in set(ds.subjects(RDF.type, SDO.Person)):
        assert len(set(ds.objects(person, SDO.name))) == 1, person


def test_samples_acronym_resolves_to_the_long_form(sample_build):
    ds = sample_build.dataset
    nodes = {s for s, o in ds.subject_objects(SDO.alternateName) if str(o) == "CCE"}
    assert len(nodes) == 1
    assert str(ds.value(nodes.pop(), SDO.name)) == "Business Coordinating Council"


def test_samples_no_junk_nodes(sample_build):
    names = {str(o) for s in sample_build.dataset.subjects(RDF.type, SDO.Person)
             for o in sample_build.dataset.objects(s, SDO.name)}
    assert not [n for n in names if n.startswith(("•", "the ")) or n.endswith(("’s", "'s")) or "\n" in n]
    assert "Megan Bridges" in names and "Megan Bridges Megan Bridges" not in names


def test_samples_summary_counts(sample_build):
    counts = summarize(sample_build.dataset)
    assert counts["documents"] == 5 and counts["people"] >= 40 and counts["organizations"] >= 40
    assert counts["triples"] > 1000


def test_samples_summary_counts_the_triples_graph_ttl_holds(sample_build):
    from graph.build.store import merged_graph

    assert summarize(sample_build.dataset)["triples"] == len(merged_graph(sample_build.dataset))


def test_samples_build_is_byte_identical(sample_build, tmp_path):
    from graph.api import build_graph as build

    again = build([ROOT / "seeds"], tmp_path, show_progress=False)
    for key in ("trig", "ttl", "html", "merges"):
        assert again.files[key].read_bytes() == sample_build.files[key].read_bytes(), key


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")
def test_samples_score_meets_the_floor(sample_build, tmp_path):
    done = subprocess.run([sys.executable, str(SCORER), "--graph", str(sample_build.files["trig"]),
                           "--gold", str(SCORER.parent / "gold"), "--json", str(tmp_path / "s.json"),
                           "--require", "person_f1=0.95,org_f1=0.75"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    metrics = json.loads((tmp_path / "s.json").read_text())["metrics"]
    assert metrics["crossdoc_false_merges"] == 0
