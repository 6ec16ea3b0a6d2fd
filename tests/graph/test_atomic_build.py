"""A build is one unit (issue 14, item 1): the lock, the fresh folder and the swap of ``graph.build.outdir``,
and whole builds interrupted at each checkpoint of ``graph.build.run``, run twice at once, or run again.

The documents are made up; the tests that load the spaCy model are marked ``slow``.
"""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.errors import TradegraphError
from graph.api import build_graph as build
from graph.build import outdir
from graph.build import run as build_module
from graph.build.run import CHECKPOINTS

ROOT = Path(__file__).resolve().parents[2]
FIRST = ("Lorena Castañeda Villarreal, Undersecretary of Foreign Trade of Mexico's Ministry of Economy, met "
         "Walter Pembrook, Deputy Trade Representative, in Saltillo on March 4, 2025 to discuss steel quotas.\n")
SECOND = ("Priya Abernathy, president of the Gulf Freight Council, met Tomás Ugalde Rivas of the National Chamber "
          "of Freight Carriers in Laredo on June 9, 2025 to discuss border crossing times.\n")
# a build paused at a checkpoint: writes MARKER when it gets there and waits until MARKER.go exists
PAUSED = """
import pathlib, sys, time
import graph.build.run
from graph.cli import main
stage, marker = sys.argv[1], pathlib.Path(sys.argv[2])
def pause(reached):
    if reached == stage:
        marker.write_text(reached)
        deadline = time.monotonic() + 120
        while not marker.with_suffix(".go").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
graph.build.run.on_checkpoint = pause
sys.exit(main(sys.argv[3:]))
"""


def docs(folder: Path, *texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"note-{i}.txt").write_text(text, encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file and folder under ``folder``: its mode and, for a file, its bytes."""
    return {str(p.relative_to(folder)): (p.stat().st_mode, p.read_bytes() if p.is_file() else b"")
            for p in sorted(folder.rglob("*"))}


def leftovers(out: Path) -> list[str]:
    """Temporary folders of builds into ``out`` still beside it (the lock file is meant to stay)."""
    return sorted(p.name for p in out.parent.iterdir()
                  if p.name.startswith(f".{out.name}.") and p.name != f".{out.name}.lock")


@pytest.fixture
def hook() -> Iterator[None]:
    yield
    build_module.on_checkpoint = None


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ---- the folder machinery alone (no model) ----

@pytest.fixture(params=[True, False], ids=["exchange", "two-renames"])
def swap_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    if not request.param:
        monkeypatch.setattr(outdir, "_exchange", lambda a, b: False)
    return request.param


def old_build(out: Path) -> Path:
    out.mkdir()
    (out / "graph.trig").write_text("old")
    (out / "network.html").write_text("old page")
    return out


def test_a_fresh_folder_replaces_the_whole_set(tmp_path: Path, swap_kind: bool) -> None:
    out = old_build(tmp_path / "out")
    with outdir.locked(out), outdir.fresh(out) as work:
        (work / "graph.trig").write_text("new")
    assert sorted(p.name for p in out.iterdir()) == ["graph.trig", "network.html"]  # the other file is kept
    assert (out / "graph.trig").read_text() == "new"
    assert leftovers(out) == [] and stat.S_IMODE(out.stat().st_mode) == 0o777 & ~umask()


def test_an_error_inside_leaves_the_old_folder_and_no_temporary_one(tmp_path: Path, swap_kind: bool) -> None:
    out = old_build(tmp_path / "out")
    before = snapshot(out)
    with pytest.raises(KeyboardInterrupt), outdir.locked(out), outdir.fresh(out) as work:
        (work / "graph.trig").write_text("half")
        raise KeyboardInterrupt
    assert snapshot(out) == before and leftovers(out) == []


def test_a_second_lock_is_refused_with_the_holder_pid(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with outdir.locked(out):
        with pytest.raises(outdir.BuildLocked) as refused, outdir.locked(out):
            pass
    assert str(refused.value) == (f"{out}: another build (pid {os.getpid()}) is writing this folder; "
                                  f"wait for it to finish or choose another output folder")
    assert not out.exists()
    with outdir.locked(out):  # released at the end of the block
        pass


def test_leftovers_of_a_killed_build_are_cleared_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stray = tmp_path / ".out.building-1-aa"
    stray.mkdir()
    aside = old_build(tmp_path / ".out.old-1-bb")  # killed between the two renames: out/ is missing
    with outdir.locked(out):
        assert leftovers(out) == [] and (out / "graph.trig").read_text() == "old"
    assert not aside.exists() and not stray.exists()


def test_files_the_build_does_not_write_are_kept(tmp_path: Path, swap_kind: bool) -> None:
    out = old_build(tmp_path / "out")
    (out / "build.log").write_text("kept")
    with outdir.locked(out), outdir.fresh(out) as work:
        (work / "graph.trig").write_text("new")
    assert sorted(p.name for p in out.iterdir()) == ["build.log", "graph.trig", "network.html"]
    assert (out / "build.log").read_text() == "kept" and (out / "graph.trig").read_text() == "new"


def test_a_folder_of_other_files_takes_the_build_beside_them(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with outdir.locked(out), outdir.fresh(out) as work:
        (work / "graph.trig").write_text("new")
    assert (out / "notes.txt").read_text() == "mine" and (out / "graph.trig").read_text() == "new"


@pytest.mark.parametrize("case", ["file", "input inside"])
def test_a_folder_that_is_not_a_build_is_never_replaced(tmp_path: Path, case: str) -> None:
    source = docs(tmp_path / "docs", FIRST)
    out = tmp_path / "out"
    if case == "file":
        out.write_text("notes")
    else:
        out.mkdir()
        (out / "notes.txt").write_text("mine")
    if case == "input inside":
        (out / "graph.trig").write_text("an earlier build")
        source = docs(out / "docs", FIRST)
    before = out.read_bytes() if out.is_file() else snapshot(out)
    with pytest.raises(TradegraphError, match="choose another output folder"):
        build([source], out, show_progress=False)
    assert (out.read_bytes() if out.is_file() else snapshot(out)) == before and leftovers(out) == []


# ---- whole builds (the model) ----

@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """``out/`` holding a build of the first note."""
    out = tmp_path / "out"
    build([docs(tmp_path / "first", FIRST)], out, show_progress=False)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("stage", CHECKPOINTS)
def test_an_interrupt_at_each_checkpoint_leaves_the_previous_build(previous: Path, tmp_path: Path, stage: str,
                                                                   hook: None) -> None:
    before = snapshot(previous)

    def interrupt(reached: str) -> None:
        if reached == stage:
            raise KeyboardInterrupt

    build_module.on_checkpoint = interrupt
    with pytest.raises(KeyboardInterrupt):
        build([docs(tmp_path / "second", SECOND)], previous, show_progress=False)
    assert snapshot(previous) == before and leftovers(previous) == []


@pytest.mark.slow
def test_a_build_replaces_the_whole_set(previous: Path, tmp_path: Path) -> None:
    (previous / "network-people.html").write_text("a page of the old build")
    result = build([docs(tmp_path / "second", SECOND)], previous, show_progress=False)
    names = sorted(p.name for p in previous.iterdir())
    assert names == ["build.json", "graph.trig", "graph.ttl", "merges.json", "network-people.html", "network.html",
                     "store"]
    assert (previous / "network-people.html").read_text() == "a page of the old build"  # not the build's: kept
    trig = (previous / "graph.trig").read_text(encoding="utf-8")
    assert "Abernathy" in trig and "Pembrook" not in trig
    assert "Abernathy" in (previous / "network.html").read_text(encoding="utf-8")
    assert result.files["trig"] == previous / "graph.trig" and leftovers(previous) == []
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (previous, previous / "store")}
    assert modes == {0o777 & ~umask()}


def start_paused(stage: str, source: Path, out: Path, marker: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", PAUSED, stage, str(marker), "build", str(source),
                              "--out", str(out), "--quiet"], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while not marker.exists():
        assert child.poll() is None, child.communicate()[1]
        assert time.monotonic() < deadline, "the paused build never reached its checkpoint"
        time.sleep(0.05)
    return child


@pytest.mark.slow
def test_a_second_build_into_the_same_folder_is_refused(previous: Path, tmp_path: Path) -> None:
    before = snapshot(previous)
    marker = tmp_path / "paused"
    first = start_paused("store", docs(tmp_path / "second", SECOND), previous, marker)
    try:
        second = subprocess.run([sys.executable, "-m", "graph", "build", str(tmp_path / "first"), "--out",
                                 str(previous), "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert second.returncode == 2
        assert second.stderr.splitlines() == [f"tradegraph: {previous}: another build (pid {first.pid}) is writing "
                                              "this folder; wait for it to finish or choose another output folder"]
        assert snapshot(previous) == before
    finally:
        marker.with_suffix(".go").touch()
        _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert "Abernathy" in (previous / "graph.trig").read_text(encoding="utf-8") and leftovers(previous) == []


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_a_build_leaves_the_previous_one(previous: Path, tmp_path: Path, signum: int) -> None:
    before = snapshot(previous)
    marker = tmp_path / "paused"
    child = start_paused("page", docs(tmp_path / "second", SECOND), previous, marker)
    child.send_signal(signum)
    _, err = child.communicate(timeout=120)
    assert child.returncode == 130 and err.splitlines() == ["tradegraph: interrupted"]
    assert snapshot(previous) == before and leftovers(previous) == []
