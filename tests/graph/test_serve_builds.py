"""``serve`` across rebuilds: one pinned build until told, which build in every answer, workers that die with it.

Builds here are small and made up (a few named graphs of one made-up person each, written into a
fresh folder and swapped in by :mod:`graph.build.outdir` exactly as a real build is), so no model is
loaded. In-process endpoints listen on a free loopback port; the command-line ones run in a child
process. Every wait has a deadline.
"""
from __future__ import annotations

import contextlib
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pytest

from graph.build import outdir
from graph.build.oxstore import write_store
from graph.serve.builds import BUILD_HEADER
from graph.serve.server import Endpoint, make_server

ROOT = Path(__file__).resolve().parents[2]
NAME = "SELECT ?n WHERE { ?p <https://schema.org/name> ?n } LIMIT 1"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }"
Served = tuple[Endpoint, list[str]]
HEADER = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ; documents=(\d+)$")


def make_build(out: Path, name: str, documents: int) -> None:
    """Swap into ``out`` a build of ``documents`` graphs, each naming one person ``name`` (and 200 filler
    triples, enough for :data:`SLOW` to run for minutes)."""
    folder = outdir.target(out, [])
    with outdir.locked(folder), outdir.fresh(folder) as work:
        lines = [f'<https://e.example/doc/{i}> {{ <https://e.example/p> <https://schema.org/name> "{name}" . }}'
                 for i in range(documents)]
        lines += [f'<https://e.example/x{i}> <https://e.example/filler> "{i}" .' for i in range(200)]
        (work / "graph.trig").write_text("\n".join(lines) + "\n", encoding="utf-8")
        write_store(work / "graph.trig", work / "store")


def ask(url: str, query: str = NAME, *, timeout: float = 30) -> tuple[str, str | None]:
    """The name a build answers with, and the build header of the answer."""
    with urllib.request.urlopen(f"{url}?query={quote(query)}&format=json", timeout=timeout) as resp:
        rows = json.loads(resp.read())["results"]["bindings"]
        return rows[0]["n"]["value"], resp.headers.get(BUILD_HEADER)


def names(url: str, times: int = 8) -> list[str]:
    return [ask(url)[0] for _ in range(times)]


def until(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds:g} s for {what}")
        time.sleep(0.05)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    make_build(tmp_path / "out", "Marta Quill", 1)
    return tmp_path / "out"


@pytest.fixture
def served(out: Path) -> Iterator[Served]:
    """An endpoint over ``out`` with a 1-second time limit; the list collects what it logs."""
    log: list[str] = []
    ep = make_server(out, port=0, timeout=1, workers=2, quiet=True, log=log.append)
    ep.start_in_thread()
    yield ep, log
    ep.close()


def test_a_rebuild_changes_nothing_until_reload_then_everything(served: Served, out: Path) -> None:
    ep, log = served
    assert names(ep.url, 2) == ["Marta Quill"] * 2
    make_build(out, "Otto Brenn", 2)
    assert not list(out.parent.glob(".out.building-*")), "the old build should be gone from disk"
    assert names(ep.url) == ["Marta Quill"] * 8
    with pytest.raises(urllib.error.HTTPError) as stopped:  # a worker is replaced after the time limit…
        ask(ep.url, SLOW)
    assert stopped.value.code == 503
    assert names(ep.url) == ["Marta Quill"] * 8  # …and its successor opens the same, deleted, build
    info = ep.reload()
    assert info is not None and info.documents == 2 and ep.build == info
    answers = [ask(ep.url) for _ in range(8)]
    assert answers == [("Otto Brenn", info.header())] * 8
    assert len(log) == 1 and "now serving" in log[0] and "(2 documents)" in log[0]


def test_a_reload_without_a_build_keeps_the_one_served(served: Served, out: Path) -> None:
    ep, log = served
    before = ep.build
    shutil.rmtree(out)
    out.mkdir()
    assert ep.reload() is None
    assert ep.build == before and names(ep.url, 3) == ["Marta Quill"] * 3
    assert len(log) == 1 and "no built graph here" in log[0] and "still serving" in log[0]


def test_watch_reloads_when_a_new_build_is_swapped_in(served: Served, out: Path) -> None:
    ep, log = served
    ep.watch(0.1)
    time.sleep(0.3)
    assert log == [], "no reload without a new build"
    make_build(out, "Otto Brenn", 3)
    until(lambda: ask(ep.url)[0] == "Otto Brenn", 15, "the watched build")
    assert names(ep.url) == ["Otto Brenn"] * 8 and ep.build.documents == 3


def _get(url: str, *, method: str = "GET", data: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, str | None]:
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return resp.status, resp.headers.get(BUILD_HEADER)
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get(BUILD_HEADER)


@pytest.mark.parametrize("path,method,data,status", [
    (f"?query={quote(NAME)}", "GET", None, 200),
    (f"?query={quote(NAME)}", "HEAD", None, 200),
    ("", "GET", None, 200),                                          # the help page
    ("", "POST", b"update=CLEAR+ALL", 403),
    (f"?query={quote('SELEKT ?x {}')}", "GET", None, 400),
])
def test_every_answer_names_the_build(served: Served, out: Path, path: str, method: str, data: bytes | None,
                                      status: int) -> None:
    ep, _ = served
    got, header = _get(ep.url + path, method=method, data=data)
    assert got == status
    built = datetime.fromtimestamp((out / "graph.trig").stat().st_mtime, tz=UTC)
    assert header == f"{built:%Y-%m-%dT%H:%M:%S}Z; documents=1" == ep.build.header()


def test_a_request_for_another_host_learns_nothing_of_the_build(served: Served) -> None:
    ep, _ = served
    assert _get(ep.url, headers={"Host": "rebound.example"}) == (403, None)


# ---- the command ----

class Command:
    """``tradegraph serve`` in a child process, with its banner read; its output is read by two threads."""

    def __init__(self, cwd: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        self.process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--port", "0", *args], cwd=cwd,
                                        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.out: queue.Queue[str] = queue.Queue()
        self.err: queue.Queue[str] = queue.Queue()
        for stream, lines in ((self.process.stdout, self.out), (self.process.stderr, self.err)):
            threading.Thread(target=lambda s=stream, q=lines: [q.put(line) for line in s], daemon=True).start()
        self.banner = [self._line(self.out, 60) for _ in range(3)]
        self.url = re.search(r"http://\S+/sparql", self.banner[0]).group()  # type: ignore[union-attr]

    def _line(self, lines: queue.Queue[str], seconds: float) -> str:
        try:
            return lines.get(timeout=seconds)
        except queue.Empty:
            raise AssertionError(f"no line from serve within {seconds:g} s "
                                 f"(stderr: {list(self.err.queue)})") from None

    def reload_line(self) -> str:
        """The next line the server logs about a reload (access log lines skipped)."""
        while "reload" not in (line := self._line(self.err, 30)):
            pass
        return line

    def workers(self) -> list[int]:
        """The pids of the server's child processes."""
        return [pid for pid, parent, _ in _processes() if parent == self.process.pid]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)


Start = Callable[..., Command]


def _processes() -> list[tuple[int, int, str]]:
    """Every process as (pid, parent pid, state), read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        found.append((int(entry.name), int(fields[1]), fields[0]))
    return found


def _alive(pid: int) -> bool:
    return any(p == pid and state != "Z" for p, _, state in _processes())


@pytest.fixture
def command() -> Iterator[Start]:
    started: list[Command] = []

    def start(cwd: Path, *args: str) -> Command:
        started.append(Command(cwd, *args))
        return started[-1]

    yield start
    for cmd in started:
        cmd.stop()


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="SIGHUP is POSIX")
def test_command_serves_a_relative_out_from_elsewhere_and_reloads_on_sighup(tmp_path: Path,
                                                                          command: Start) -> None:
    elsewhere = tmp_path / "elsewhere"
    make_build(elsewhere / "builds" / "out", "Marta Quill", 1)
    cmd = command(elsewhere, "--out", "builds/out")
    assert f"(1 document) in {elsewhere / 'builds' / 'out'}" in cmd.banner[1]
    assert "serving the build of" in cmd.banner[1] and "SIGHUP reloads it" in cmd.banner[1]
    assert names(cmd.url, 4) == ["Marta Quill"] * 4
    make_build(elsewhere / "builds" / "out", "Otto Brenn", 2)
    assert names(cmd.url, 4) == ["Marta Quill"] * 4
    cmd.process.send_signal(signal.SIGHUP)
    assert "now serving" in cmd.reload_line()
    answers = {ask(cmd.url) for _ in range(6)}
    assert len(answers) == 1
    name, header = answers.pop()
    match = HEADER.match(header or "")
    assert name == "Otto Brenn" and match is not None and match.group(1) == "2"


def _ask_quietly(url: str, query: str) -> None:
    """Ask, and take no notice of the connection dropped when the server is killed."""
    with contextlib.suppress(OSError):
        ask(url, query, timeout=90)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_server_leaves_no_worker_behind(out: Path, command: Start) -> None:
    cmd = command(out.parent, "--out", str(out), "--timeout", "60")
    workers = cmd.workers()
    assert len(workers) == 2
    busy = threading.Thread(target=_ask_quietly, args=(cmd.url, SLOW), daemon=True)
    busy.start()
    until(lambda: any(state == "R" for pid, _, state in _processes() if pid in workers), 10, "a busy worker")
    try:
        cmd.process.kill()
        cmd.process.wait(timeout=10)
        until(lambda: not any(_alive(pid) for pid in workers), 3, "the workers to end with the server")
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_the_python_api_reloads_too(out: Path) -> None:
    from graph.api import open_graph

    ep = open_graph(out).serve()
    try:
        assert ep.build.documents == 1 and ask(ep.url)[0] == "Marta Quill"
        make_build(out, "Otto Brenn", 2)
        assert ask(ep.url)[0] == "Marta Quill"
        assert ep.reload() is not None and ask(ep.url) == ("Otto Brenn", ep.build.header())
    finally:
        ep.close()
