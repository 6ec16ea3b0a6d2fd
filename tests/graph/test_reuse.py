"""A rebuild with nothing changed keeps ``out/`` as it is (graph.build.reuse); any change builds again.

These build made-up documents with the model: ``slow``.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.api import build_graph
from graph.build.reuse import MANIFEST

pytestmark = pytest.mark.slow

DOCS = {
    "harbor.txt": "Nadia Ferrow, President of the Harbor Freight Council, met Emilio Zárate Lugo, Undersecretary "
                  "of Foreign Trade, in Monterrey on March 3, 2025 to discuss rail crossings.\n",
    "bridge.txt": "Tomas Hale, Mayor of the City of Laredo, met Nadia Ferrow in Laredo on April 9, 2025 to talk "
                  "about a new bridge.\n",
    "puerto.txt": "La presidenta del Consejo Portuario del Golfo, Irene Solís Medina, se reunió con Nadia Ferrow "
                  "en Veracruz el 12 de mayo de 2025 para hablar de aduanas y de comercio exterior.\n",
}


def write_docs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """Each file of the build's folder (not the store's inside) with its inode and modification time."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(out.iterdir())}


@pytest.fixture
def first(tmp_path):
    docs, out, cache = write_docs(tmp_path / "docs"), tmp_path / "out", tmp_path / "cache"
    result = build_graph([docs], out, cache=cache, show_progress=False)
    return docs, out, cache, result


def rebuild(docs: Path, out: Path, cache: Path | bool):
    return build_graph([docs], out, cache=cache, show_progress=False)


def test_an_unchanged_rebuild_leaves_out_as_it_is_and_reports_the_same(first, capsys):
    docs, out, cache, result = first
    capsys.readouterr()
    before = stamps(out)
    again = rebuild(docs, out, cache)
    assert stamps(out) == before  # not one file written or swapped
    assert (again.documents, again.summary, again.merges, again.files) == \
        (result.documents, result.summary, result.merges, result.files)
    assert again.reused and not result.reused
    assert again.cached == len(DOCS) and set(again.timings) == {"read", "extract", "merge", "write", "store", "page"}
    assert "Spanish document(s) read" in capsys.readouterr().err  # what the first build said is said again
    assert again.dataset.graphs() is not None and len(again.dataset) == len(result.dataset)


@pytest.mark.parametrize("change", ["edit a document", "add a document", "remove a document", "judgements",
                                    "a file of out/ is gone", "no cache"])
def test_any_change_builds_again(first, change):
    docs, out, cache, result = first
    before = stamps(out)
    if change == "edit a document":
        (docs / "bridge.txt").write_text(DOCS["bridge.txt"] + "They met again on April 10, 2025.\n", encoding="utf-8")
    elif change == "add a document":
        shutil.copy(docs / "bridge.txt", docs / "bridge-copy.txt")
    elif change == "remove a document":
        (docs / "bridge.txt").unlink()
    elif change == "judgements":
        (docs / "judgements.yaml").write_text("different:\n  - [Nadia Ferrow, Tomas Hale]\n", encoding="utf-8")
    elif change == "a file of out/ is gone":
        (out / "network.html").unlink()
    again = rebuild(docs, out, False if change == "no cache" else cache)
    assert stamps(out)["graph.trig"] != before["graph.trig"]  # a new build was swapped in
    assert (out / "network.html").exists()
    if change == "no cache":  # a build without the cache is never taken for a later one's inputs
        assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["key"] == ""
        assert rebuild(docs, out, cache).cached == len(DOCS) and stamps(out)["graph.trig"] != before["graph.trig"]
    else:
        assert again.cached == len(again.documents) - (change in ("edit a document", "add a document"))


def test_a_damaged_manifest_builds_again(first):
    docs, out, cache, _ = first
    (out / MANIFEST).write_text("{not json", encoding="utf-8")
    before = stamps(out)
    rebuild(docs, out, cache)
    assert stamps(out)["graph.trig"] != before["graph.trig"]
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["documents"] == sorted(DOCS)


def test_the_command_says_the_folder_was_kept(first, capsys):
    from graph.cli import main

    docs, out, cache, _ = first
    capsys.readouterr()
    assert main(["build", str(docs), "--out", str(out), "--cache", str(cache)]) == 0
    said = capsys.readouterr().out
    assert f"nothing changed since the last build into {out}: it was kept as it was" in said
    assert "documents 3  people" in said and "extraction: 3 document(s) from the cache" in said
