"""The build's summary and network page read from the quad index or from the build's Oxigraph store: time and memory.

    .venv/bin/python bench/page_store.py OUT [OUT ...] [--runs 3] [--modes index,store]

Each ``OUT`` is a build folder (its ``graph.trig`` and ``store/`` are read; nothing is written into it). Two ways
of reading it, each in a fresh process so that its peak memory is its own, the two alternating:

- ``index``: ``QuadIndex.from_file(OUT/graph.trig)`` (every quad in Python dicts), then ``summarize`` and
  ``write_main_page``, as the build did before it read the store;
- ``store``: ``StoreReadable.open(OUT)`` (the store opened read-only; graph/network/storeread.py), then the same.

The table gives, per folder and way, the medians of the wall seconds of each phase (fill: the index filled or
the store opened), the CPU seconds and the peak RSS; the pages must be the same bytes, and the line after the
table says how the store's peak grows per 1,000 documents between the smallest and the largest build given.
A benchmark, not a test: the figures depend on the machine and on what else runs on it.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MODES = ("index", "store")
COLUMNS = ("fill", "summary", "page", "total", "cpu", "peak MiB")


def child(mode: str, out: Path, into: Path) -> dict[str, float]:
    """One run in this process: its phases' wall seconds, CPU seconds, peak RSS in MiB and the documents."""
    from graph.network.readable import QuadIndex, Readable
    from graph.network.render import write_main_page
    from graph.network.storeread import StoreReadable
    from graph.network.summary import summarize

    start, cpu = time.perf_counter(), time.process_time()
    ds: Readable = QuadIndex.from_file(out) if mode == "index" else StoreReadable.open(out)
    filled = time.perf_counter()
    counts = summarize(ds)
    summarized = time.perf_counter()
    write_main_page(ds, into)
    done = time.perf_counter()
    return {"fill": filled - start, "summary": summarized - filled, "page": done - summarized, "total": done - start,
            "cpu": time.process_time() - cpu, "peak MiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "documents": counts["documents"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outs", type=Path, nargs="+", help="build folders (graph.trig and store/)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modes", default=",".join(MODES), help="which of index,store to run (default: both)")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--into", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.outs[0], args.into)))
        return
    modes = [m for m in args.modes.split(",") if m]
    if not modes or set(modes) - set(MODES):
        sys.exit(f"--modes {args.modes!r}: choose among {','.join(MODES)}")
    for out in args.outs:
        if not (out / "graph.trig").is_file() or not (out / "store").is_dir():
            sys.exit(f"{out}: not a build folder (no graph.trig and store/ here)")
    into = Path(tempfile.mkdtemp(prefix="page-store-"))
    rows: dict[tuple[Path, str], list[dict[str, float]]] = {(out, m): [] for out in args.outs for m in modes}
    for _ in range(args.runs):
        for out, mode in rows:
            folder = into / f"{out.name}-{mode}"
            done = subprocess.run([sys.executable, __file__, str(out), "--child", mode, "--into", str(folder)],
                                  capture_output=True, text=True, check=True)
            rows[out, mode].append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"medians of {args.runs} runs; wall seconds but cpu (CPU seconds) and peak MiB (peak RSS)\n")
    print("| build | documents | read from | " + " | ".join(COLUMNS) + " |")
    print("|---|---:|---|" + "---:|" * len(COLUMNS))
    peaks: dict[str, list[tuple[float, float]]] = {m: [] for m in modes}
    for (out, mode), runs in rows.items():
        cells = [statistics.median(r[c] for r in runs) for c in COLUMNS]
        documents = runs[0]["documents"]
        peaks[mode].append((documents, cells[-1]))
        print(f"| {out} | {documents:.0f} | {mode} | " + " | ".join(
            f"{v:.0f}" if c == "peak MiB" else f"{v:.2f}" for c, v in zip(COLUMNS, cells, strict=True)) + " |")
    for out in args.outs:
        pages = {(into / f"{out.name}-{m}" / "network.html").read_bytes() for m in modes}
        print(f"\n{out}: the pages are {'the same bytes' if len(pages) == 1 else 'DIFFERENT'}", end="")
    print()
    for mode, points in peaks.items():
        (n0, p0), (n1, p1) = min(points), max(points)
        if n1 > n0:
            print(f"{mode}: peak grows {(p1 - p0) / (n1 - n0) * 1000:.0f} MiB per 1,000 documents "
                  f"({n0:.0f} -> {n1:.0f} documents)")


if __name__ == "__main__":
    main()
