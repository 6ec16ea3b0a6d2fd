"""Parallel and incremental builds give the bytes of a fresh one-process build (issue 16, items 1 and 3).

On the samples: ``--workers 2`` (which also fills a cache), a rebuild from that cache with one entry
damaged, a rebuild after one file changed and one was removed; with made-up documents: one document
failing in a worker, and Ctrl-C stopping the workers. These load the model: ``slow``.
"""
from __future__ import annotations

import multiprocessing
import shutil
import time
from pathlib import Path

import pytest

from extract.text.document import Document
from graph.api import build_graph
from graph.build import worker
from graph.build.engine import Settings, extract

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
MADE_UP = ("Nadia Ferrow, President of the Harbor Freight Council, met Emilio Zárate Lugo, Undersecretary of "
           "Foreign Trade, in Monterrey on March 3, 2025 to discuss rail crossings.\n")


@pytest.fixture(scope="module")
def parallel(tmp_path_factory):
    """The samples built with two worker processes into a fresh cache: the result and the cache folder."""
    where = tmp_path_factory.mktemp("parallel")
    result = build_graph([SEEDS], where / "out", workers=2, cache=where / "cache", show_progress=False)
    return result, where / "cache"


def trig(result) -> bytes:
    return result.files["trig"].read_bytes()


def test_two_workers_give_the_bytes_of_one_process(parallel, sample_build):
    result, _ = parallel
    assert (sample_build.cached, sample_build.processes) == (0, 1)  # the reference: fresh, one process
    assert (result.cached, result.processes) == (0, 2)
    assert trig(result) == trig(sample_build)
    assert result.documents == sample_build.documents and not result.failures


def test_a_rebuild_from_the_cache_gives_the_same_bytes_and_mends_a_damaged_entry(parallel, sample_build, tmp_path):
    _, filled = parallel
    cache = tmp_path / "cache"
    shutil.copytree(filled, cache)
    entries = sorted(cache.glob("*/*.json"))
    assert len(entries) == len(sample_build.documents)
    entries[0].write_text(entries[0].read_text(encoding="utf-8")[:100], encoding="utf-8")  # cut short
    result = build_graph([SEEDS], tmp_path / "out", cache=cache, show_progress=False)
    assert result.cached == len(sample_build.documents) - 1  # the damaged one was extracted again
    assert trig(result) == trig(sample_build)
    again = build_graph([SEEDS], tmp_path / "out", cache=cache, show_progress=False, workers=1)
    assert again.cached == len(sample_build.documents) and trig(again) == trig(sample_build)
    assert set(again.timings) == {"read", "extract", "merge", "write", "store", "page"}


def graphs_of(result) -> set[str]:
    ds = result.dataset
    return {str(g.identifier) for g in ds.graphs() if len(g)} - {str(ds.default_graph.identifier)}


def test_a_changed_file_is_extracted_again_and_a_removed_one_leaves_the_graph(parallel, tmp_path):
    _, filled = parallel
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    shutil.copytree(filled, cache)
    names = sorted(p.name for p in SEEDS.glob("*.txt"))[:3]
    docs.mkdir()
    for name in names:
        shutil.copy(SEEDS / name, docs / name)
    before = build_graph([docs], tmp_path / "out", cache=cache, show_progress=False)
    assert before.cached == 3
    first, graphs_before = trig(before).decode("utf-8"), graphs_of(before)  # read before out/ is replaced
    changed = docs / names[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n" + MADE_UP, encoding="utf-8")
    (docs / names[2]).unlink()
    result = build_graph([docs], tmp_path / "out", cache=cache, show_progress=False)
    assert result.cached == 1 and sorted(result.documents) == names[:2]  # the unchanged one only
    assert "Nadia Ferrow" in trig(result).decode("utf-8")
    gone = graphs_before - graphs_of(result)
    assert len(gone) == 1 and len(graphs_of(result)) == 2  # the removed document's graph, and only it
    assert "Nadia Ferrow" not in first
    fresh = build_graph([docs], tmp_path / "fresh", cache=False, workers=1, show_progress=False)
    assert fresh.cached == 0 and trig(result) == trig(fresh)


def made_up(count: int) -> list[Document]:
    return [Document(f"made-{n}.txt", f"made-{n}", MADE_UP.replace("Nadia", f"Nadia{'x' * n}")) for n in range(count)]


def test_one_bad_document_in_a_worker_is_one_failure_line(monkeypatch, nlp):
    real = worker.document_graph

    def fragile(doc, document, **options):
        if document.name == "made-1.txt":
            raise RuntimeError("a rule broke on this one")
        return real(doc, document, **options)

    monkeypatch.setattr(worker, "document_graph", fragile)  # the workers are forked: they see it too
    failures: list[str] = []
    done = extract(made_up(4), Settings(workers=2), on_error=failures.append)
    assert done.processes == 2
    assert failures == ["made-1.txt: extraction failed (RuntimeError: a rule broke on this one)"]
    assert [d.name for d, _ in done.graphs] == ["made-0.txt", "made-2.txt", "made-3.txt"]


def test_ctrl_c_stops_the_workers(nlp):
    def interrupt(count: int) -> None:
        raise KeyboardInterrupt

    before = set(multiprocessing.active_children())  # a child another test left behind is not this one's
    with pytest.raises(KeyboardInterrupt):
        extract(made_up(8), Settings(workers=2, batch_size=1), progress=interrupt, on_error=print)
    deadline = time.monotonic() + 10  # stopped at once; the bookkeeping of a killed child may lag a moment
    while set(multiprocessing.active_children()) - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert set(multiprocessing.active_children()) - before == set()


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, nlp):
    (tmp_path / "file").write_text("not a folder")
    done = extract(made_up(2), Settings(workers=1, cache=tmp_path / "file" / "cache"), on_error=print)
    assert len(done.graphs) == 2 and done.unsaved == 2 and done.cached == 0
