"""A bounded load test of ``tradegraph serve``: concurrent clients on loopback, with and without slow clients.

    .venv/bin/python bench/endpoint_load.py [--out DIR] [--clients 20] [--requests 100]
        [--idle 100] [--read-timeout 5] [--max-seconds 300]                     (make bench-endpoint)

Builds the samples (``seeds/``) into a temporary folder unless ``--out`` names a build, starts
``tradegraph serve`` on a free 127.0.0.1 port as a child process (its own process group), waits
until it answers, then runs two phases:

1. ``--clients`` threads, each sending ``--requests`` simple SELECTs and as many library queries
   (``--library``, the text the library runs with its defaults), interleaved, one connection per
   request (the server answers one request per connection);
2. the same while ``--idle`` connections hold half-sent requests (a request line and a header,
   never the blank line that ends them); each is reopened when the server closes it, as a
   slow-loris client would, so that many server threads are held all through the phase.

Errors are answers other than 200 and exceptions (refused, reset, timed out). Prints a Markdown
table of latency percentiles and requests/s per phase and query, and how the server treated the
half-sent connections (``--read-timeout`` is passed to ``serve``). Everything is bounded: a
request waits at most ``--request-timeout`` seconds, a phase ends at ``--max-seconds``, and the
server and its query workers are stopped (SIGINT, then SIGKILL of the group) and checked gone.
Loopback addresses only. A benchmark, never a timed test.
"""
from __future__ import annotations

import argparse
import http.client
import math
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.query.library import load  # noqa: E402
from graph.query.params import bind  # noqa: E402
from graph.query.run import apply_limit  # noqa: E402

SIMPLE = "SELECT ?s WHERE { ?s a <https://schema.org/Person> } LIMIT 10"
HOST = "127.0.0.1"
_BANNER = re.compile(r"http://127\.0\.0\.1:(\d+)/sparql")


@dataclass
class Tally:
    """Latencies (seconds) of the answered requests of one query, and the errors, by kind."""

    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, error: str | None) -> None:
        with self.lock:
            if error is None:
                self.latencies.append(seconds)
            else:
                self.errors[error] = self.errors.get(error, 0) + 1


@dataclass
class Slow:
    """What became of the half-sent connections: opened, closed by the server (with a 408 or not)."""

    opened: int = 0
    closed_408: int = 0
    closed_silent: int = 0
    refused: int = 0
    held_for: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def library_text(name: str) -> str:
    """The library query ``name`` as the library runs it by default (only ``limit`` may be a parameter)."""
    info = load(name)
    text, rest = apply_limit(info.text, bind(info.params, {}, label=name), name)
    if rest:
        raise SystemExit(f"{name} binds {', '.join(str(v) for v in rest)}; pick a query with no parameter but limit")
    return text


def request(port: int, query: str, timeout: float) -> str | None:
    """One GET of ``query`` (SPARQL JSON); ``None`` when answered 200 in full, else what went wrong."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                     headers={"Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        response.read()
        return None if response.status == 200 else f"HTTP {response.status}"
    except (OSError, http.client.HTTPException) as exc:
        return type(exc).__name__
    finally:
        conn.close()


def client(port: int, queries: dict[str, str], tallies: dict[str, Tally], count: int, deadline: float,
           timeout: float) -> None:
    """Send each of ``queries`` ``count`` times, interleaved, until done or past ``deadline``."""
    for _ in range(count):
        for name, text in queries.items():
            if time.monotonic() > deadline:
                return
            start = time.perf_counter()
            error = request(port, text, timeout)
            tallies[name].add(time.perf_counter() - start, error)


def half_sent(port: int, slow: Slow, stop: threading.Event) -> None:
    """Hold a half-sent request open; when the server closes it, open another, until ``stop``."""
    partial = f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: {HOST}:{port}\r\n".encode()
    while not stop.is_set():
        try:
            sock = socket.create_connection((HOST, port), timeout=1.0)
        except OSError:
            with slow.lock:
                slow.refused += 1
            stop.wait(0.2)
            continue
        opened, answer = time.monotonic(), b""
        with slow.lock:
            slow.opened += 1
        try:
            sock.sendall(partial)
            while not stop.is_set():
                try:
                    chunk = sock.recv(4096)
                except TimeoutError:
                    continue
                if not chunk:
                    break
                answer += chunk
        except OSError:
            pass
        finally:
            sock.close()
        if not stop.is_set():
            with slow.lock:
                slow.held_for.append(time.monotonic() - opened)
                if answer.startswith(b"HTTP/1.0 408") or answer.startswith(b"HTTP/1.1 408"):
                    slow.closed_408 += 1
                else:
                    slow.closed_silent += 1


def run_phase(port: int, queries: dict[str, str], args: argparse.Namespace, idle: int
              ) -> tuple[dict[str, Tally], float, Slow]:
    """One phase: ``args.clients`` clients, with ``idle`` half-sent connections held alongside."""
    tallies = {name: Tally() for name in queries}
    slow, stop = Slow(), threading.Event()
    holders = [threading.Thread(target=half_sent, args=(port, slow, stop), daemon=True) for _ in range(idle)]
    for t in holders:
        t.start()
    if idle:
        time.sleep(1.0)  # let them connect and take their server threads first
    deadline = time.monotonic() + args.max_seconds
    clients = [threading.Thread(target=client, daemon=True,
                                args=(port, queries, tallies, args.requests, deadline, args.request_timeout))
               for _ in range(args.clients)]
    start = time.perf_counter()
    for t in clients:
        t.start()
    for t in clients:
        t.join(max(0.0, deadline - time.monotonic()) + args.request_timeout + 1)
    elapsed = time.perf_counter() - start
    stop.set()
    for t in holders:
        t.join(3)
    return tallies, elapsed, slow


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``, in milliseconds."""
    ranked = sorted(values)
    return 1000 * ranked[max(0, min(len(ranked) - 1, math.ceil(p / 100 * len(ranked)) - 1))]


def table_rows(phase: str, tallies: dict[str, Tally], elapsed: float) -> list[str]:
    """Markdown rows: one per query, then all queries together."""
    rows = []
    everything = Tally(latencies=[x for t in tallies.values() for x in t.latencies])
    for t in tallies.values():
        for kind, n in t.errors.items():
            everything.errors[kind] = everything.errors.get(kind, 0) + n
    for name, t in [*tallies.items(), ("all", everything)]:
        errors, lat = sum(t.errors.values()), t.latencies or [float("nan")]
        kinds = ", ".join(f"{k} ×{n}" for k, n in sorted(t.errors.items()))
        rows.append(f"| {phase} | {name} | {len(t.latencies) + errors:,} | {errors}{f' ({kinds})' if kinds else ''} "
                    f"| {percentile(lat, 50):.1f} | {percentile(lat, 90):.1f} | {percentile(lat, 99):.1f} "
                    f"| {max(lat) * 1000:.1f} | {(len(t.latencies) + errors) / elapsed:.0f} |")
    return rows


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def start_server(out: Path, read_timeout: float) -> tuple[subprocess.Popen[str], int]:
    """``tradegraph serve`` on a free loopback port, answering; returns the process and the port."""
    server = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--out", str(out), "--host", HOST,
                               "--port", "0", "--read-timeout", str(read_timeout)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              start_new_session=True)
    assert server.stdout is not None
    banner = server.stdout.readline()  # the banner is flushed once the workers are ready
    found = _BANNER.search(banner)
    if not found:
        stop_server(server)
        raise SystemExit(f"serve did not start: {banner!r}")
    port = int(found.group(1))
    for _ in range(100):
        if request(port, "ASK {}", 5) is None:
            return server, port
        time.sleep(0.1)
    stop_server(server)
    raise SystemExit("serve started but does not answer")


def stop_server(server: subprocess.Popen[str]) -> str:
    """Stop ``server`` as Ctrl-C would, the group by force after 10 s; say whether its workers are gone."""
    workers = children(server.pid)
    server.send_signal(signal.SIGINT)
    try:
        server.wait(10)
        how = f"exited {server.returncode} on SIGINT"
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(5)
        how = "killed after 10 s"
    time.sleep(0.5)
    left = [w for w in workers if Path(f"/proc/{w}").exists()]
    return f"server {how}; {len(workers)} query workers, {len(left)} still running"


def main(argv: list[str] | None = None) -> int:
    """Build if needed, serve, run both phases, print the table, stop the server."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="an existing build folder (default: build seeds/ into a temp folder)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=100, help="requests of each query per client (default 100)")
    ap.add_argument("--library", default="organizations_by_documents", help="the library query sent alongside")
    ap.add_argument("--idle", type=int, default=100, help="half-sent connections held in the second phase")
    ap.add_argument("--read-timeout", type=float, default=5.0, help="serve --read-timeout (default 5)")
    ap.add_argument("--request-timeout", type=float, default=30.0, help="a client's wait for one answer")
    ap.add_argument("--max-seconds", type=float, default=300.0, help="a phase stops sending after this")
    args = ap.parse_args(argv)
    queries = {"simple SELECT": SIMPLE, args.library: library_text(args.library)}
    with tempfile.TemporaryDirectory(prefix="tg-load-") as tmp:
        out = args.out
        if out is None:
            out = Path(tmp) / "out"
            subprocess.run([sys.executable, "-m", "graph", "build", str(ROOT / "seeds"), "--out", str(out), "--quiet"],
                           cwd=ROOT, check=True, timeout=600)
        server, port = start_server(out.resolve(), args.read_timeout)
        try:
            rows, slow_lines = [], []
            phases = [(f"{args.clients} clients", 0)]
            phases += [(f"+ {args.idle} half-sent", args.idle)] if args.idle > 0 else []
            for phase, idle in phases:
                tallies, elapsed, slow = run_phase(port, queries, args, idle)
                rows += table_rows(phase, tallies, elapsed)
                if idle:
                    held = statistics.median(slow.held_for) if slow.held_for else float("nan")
                    slow_lines.append(f"{idle} half-sent connections held through a {elapsed:.1f} s phase: "
                                      f"{slow.opened} opened, "
                                      f"{slow.closed_408} closed by the server with 408, {slow.closed_silent} closed "
                                      f"without it, {slow.refused} refused; median held {held:.1f} s "
                                      f"(--read-timeout {args.read_timeout:g})")
        finally:
            stopped = stop_server(server)
    print(f"{args.clients} clients × {args.requests} requests of each query, one connection per request, "
          f"on {HOST}; latency in ms")
    print("\n| phase | query | requests | errors | p50 | p90 | p99 | max | req/s |\n"
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    print()
    print("\n".join([*slow_lines, stopped]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
