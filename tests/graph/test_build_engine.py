"""The pieces of parallel and incremental builds that need no model (issue 16, items 1-4): how many
processes, how documents are cut into batches, the cache's entries and keys, clearing it, the phase
timings, and that Dask is imported only when asked for. Whole builds are in ``test_parallel_build.py``."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.errors import TradegraphError
from graph.build import cache as cache_module
from graph.build.cache import Cache, Entry, clear, default_dir, key_of
from graph.build.pool import DOCS_PER_PROCESS, batches, processes_for
from graph.build.timings import Timings, format_timings, mark_checkpoint
from graph.cli import main

NT = "<https://example.org/a> <https://example.org/b> \"Nadia Ferrow\" .\n"


@pytest.mark.parametrize("documents,workers,expected", [
    (100, 2, 2), (100, 4, 4), (3, 8, 3), (1, 4, 1), (0, 2, 1),  # asked for: never more than the documents
    (1, None, 1), (DOCS_PER_PROCESS - 1, None, 1), (2 * DOCS_PER_PROCESS, None, 2),  # default: one per DOCS_PER_PROCESS
])
def test_processes_follow_the_rule_in_the_help(documents, workers, expected, monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert processes_for(documents, workers) == expected


def test_workers_below_one_are_one_line_errors(tmp_path, capsys):
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", "0"]) == 2
    assert capsys.readouterr().err.strip() == "tradegraph: --workers must be 1 or more, not 0"


@pytest.mark.parametrize("count,workers,batch_size,sizes", [
    (40, 2, 16, [5] * 8),  # small enough for about four batches a worker
    (200, 2, 16, [16] * 12 + [8]),  # never more than the batch size
    (3, 2, 16, [1, 1, 1]),
])
def test_batches_keep_input_order_and_balance(count, workers, batch_size, sizes):
    cut = batches(list(range(count)), workers, batch_size)
    assert [len(b) for b in cut] == sizes
    assert [n for b in cut for n in b] == list(range(count))


def test_an_entry_round_trips_and_its_folder_is_tagged(tmp_path):
    store = Cache(tmp_path / "c")
    store.put("ab" * 32, Entry(NT, ("rule x failed",)))
    assert store.get("ab" * 32) == Entry(NT, ("rule x failed",))
    assert store.get("cd" * 32) is None
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (tmp_path / "c" / ".gitignore").read_text().splitlines()[-1] == "*"


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],  # cut short (a killed writer would leave no file, but a disk might)
    lambda text: "",
    lambda text: "\x00\x01 not json",
    lambda text: json.dumps({**json.loads(text), "key": "0" * 64}),  # another entry's record
    lambda text: json.dumps({**json.loads(text), "nt": 42}),
    lambda text: json.dumps({**json.loads(text), "errors": [1]}),
    lambda text: "[]",
])
def test_a_damaged_entry_is_a_miss(tmp_path, damage):
    store, key = Cache(tmp_path), "ef" * 32
    store.put(key, Entry(NT, ()))
    path = tmp_path / key[:2] / f"{key}.json"
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert store.get(key) is None
    store.put(key, Entry(NT, ()))  # and is rewritten whole
    assert store.get(key) == Entry(NT, ())


def test_an_entry_is_written_atomically(tmp_path, monkeypatch):
    store, key = Cache(tmp_path), "12" * 32
    store.put(key, Entry(NT, ()))

    def interrupted(src, dst):  # the build is stopped after the new entry's bytes, before its rename
        raise KeyboardInterrupt

    monkeypatch.setattr("graph.build.cache.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.put(key, Entry(NT.replace("Nadia", "Olga"), ()))
    monkeypatch.undo()
    assert store.get(key) == Entry(NT, ())  # the old entry is whole, no temporary file is left
    assert sorted(p.name for p in (tmp_path / key[:2]).iterdir()) == [f"{key}.json"]


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    assert Cache(tmp_path / "file" / "cache").put("34" * 32, Entry(NT, ())) is False


@pytest.mark.parametrize("change", [0, 1, 2])
def test_a_key_changes_with_what_extraction_depends_on(change, monkeypatch):
    parts: list[object] = [["en_core_web_sm", "meta", "spacy 3.8"], "auto", "en", "a.txt", "a", "Text."]
    before = key_of(parts)
    if change == 0:
        parts[-1] = "Text!"  # the document
    elif change == 1:
        parts[0] = ["en_core_web_sm", "other meta", "spacy 3.8"]  # the model
    else:
        monkeypatch.setattr(cache_module, "fingerprint", lambda: "other code")  # the extraction code or data
    assert key_of(parts) != before
    assert key_of(list(parts)) == key_of(parts)


def test_the_code_fingerprint_covers_the_data_files(tmp_path):
    first = cache_module.fingerprint()
    assert len(first) == 64 and cache_module.fingerprint() == first
    data = cache_module._EXTRACT / "data"
    assert any(data.iterdir()), "the extraction data files are where the fingerprint looks"
    package = tmp_path / "pkg"
    (package / "data" / "more").mkdir(parents=True)
    (package / "rule.py").write_text("X = 1\n")
    (package / "data" / "more" / "list.yaml").write_text("- a\n")
    (package / "notes.txt").write_text("not code, not data\n")
    seen = []
    for change in (None, ("rule.py", "X = 2\n"), ("data/more/list.yaml", "- b\n"), ("notes.txt", "other\n")):
        if change:
            (package / change[0]).write_text(change[1])
        cache_module.code_fingerprint.cache_clear()
        seen.append(cache_module.code_fingerprint(package))
    assert seen[0] != seen[1] != seen[2] == seen[3]  # code and data count; other files do not


def test_the_default_cache_is_beside_the_build_folder(tmp_path):
    assert default_dir(tmp_path / "out") == tmp_path / ".out-cache"
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert default_dir(tmp_path / "link") == tmp_path / ".real-cache"


def test_cache_clear_command_removes_the_cache(tmp_path, capsys):
    store = Cache(default_dir(tmp_path / "out"))
    for key in ("aa" * 32, "bb" * 32):
        store.put(key, Entry(NT, ()))
    assert main(["cache", "clear", "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.strip() == f"removed 2 cached extraction(s) from {store.folder}"
    assert not store.folder.exists()
    assert main(["cache", "clear", "--cache", str(store.folder)]) == 0  # nothing there: nothing to do
    assert "removed 0" in capsys.readouterr().out


def test_cache_clear_refuses_a_folder_that_is_no_cache(tmp_path, capsys):
    (tmp_path / "mine.txt").write_text("keep me")
    assert main(["cache", "clear", "--cache", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == (f"tradegraph: {tmp_path}: not a tradegraph cache (it has no "
                                               f"CACHEDIR.TAG); nothing was removed")
    assert (tmp_path / "mine.txt").exists()
    with pytest.raises(TradegraphError):
        clear(tmp_path)


def test_cache_and_no_cache_exclude_each_other(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["build", str(tmp_path), "--cache", str(tmp_path / "c"), "--no-cache"])
    assert "not allowed with argument" in capsys.readouterr().err


def test_timings_add_up_by_phase_and_follow_the_checkpoints():
    clock = Timings()
    clock.mark("read")
    with clock.active():
        for stage in ("rdf", "store", "page", "written"):
            mark_checkpoint(stage)
    mark_checkpoint("rdf")  # outside the block: no clock is marked
    assert list(clock.seconds) == ["read", "write", "store", "page"]
    assert all(seconds >= 0 for seconds in clock.seconds.values())
    assert format_timings({"write": 1.0, "read": 0.25}) == "timings: read 0.25 s, write 1.00 s; total 1.25 s"


def test_dask_is_imported_only_when_asked_for():
    code = ("import sys, graph.build.run, graph.api, graph.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], check=True)
    assert done.stdout.strip() == "[]"


def test_a_batch_taken_from_the_workers_is_not_held_while_the_others_come():
    import gc
    import weakref
    from concurrent.futures import Executor, Future

    from graph.build.pool import completed
    from graph.build.worker import Outcome

    made: list[weakref.ref] = []

    class Finished(Executor):
        """Every batch done at once, its N-Triples the size of a document's."""

        def submit(self, fn, /, *args, **kwargs):
            future: Future = Future()
            future.set_result([Outcome(n, text="<http://e/s> <http://e/p> \"o\" .\n" * 200) for n, _ in args[0]])
            made.append(weakref.ref(future))
            return future

    batches_taken = completed(Finished(), [[(n, None)] for n in range(5)], model=None, language=None, batch_size=1)
    seen = [next(batches_taken)[0].index for _ in range(3)]
    gc.collect()
    assert len(seen) == 3 and sum(ref() is not None for ref in made) <= 3  # the two batches taken and let go are gone
    assert sorted(seen + [o.index for batch in batches_taken for o in batch]) == list(range(5))
