"""How long the network page of a build takes, and how much memory, read through rdflib or through the quad index.

    .venv/bin/python bench/page_read.py OUT [--runs 3] [--into DIR] [--modes rdflib,index] [--before TREE]

``OUT`` is a build folder (its ``graph.trig`` is read, nothing is written into it). Two ways of reading it:
``rdflib``, ``graph.build.store.load`` (an rdflib ``Dataset``), and ``index``,
``graph.network.readable.QuadIndex.from_file``; each then writes the page with ``write_main_page`` into
``DIR`` (a temporary folder by default). Each run is a fresh process (so its peak memory is its own), the two
ways alternating; the table gives the median of each phase in wall seconds: filling the dataset or index,
the build's summary (``summarize``), reading the actor network (``actor_network``), the rest of the view, the
page's data (details, spans), its layout, and the HTML with the write; then the whole, its CPU seconds and the
peak RSS. The pages must be the same bytes.

``--before TREE`` adds a row ``index (before)``: the index read with the code of another checkout of the project
(``git worktree add /tmp/before COMMIT``), run in turn with the others so that both see the same load.
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MODES = ("rdflib", "index")
PHASES = ("fill", "summary", "reading", "view", "page data", "layout", "html", "total", "cpu")
BEFORE = "index (before)"


def _timed(module: Any, name: str, spent: dict[str, float]) -> None:
    """Wrap ``module.name`` so that the wall time spent in it adds up in ``spent[name]``."""
    original: Callable[..., Any] = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

    setattr(module, name, wrapper)


def child(mode: str, out: Path, into: Path) -> dict[str, float]:
    """One run in this process: the phases' wall seconds and the peak RSS in MiB."""
    import graph.network.render as render
    from graph.network.summary import summarize

    start, cpu = time.perf_counter(), time.process_time()
    if mode == "rdflib":
        from graph.build.store import load
        ds: Any = load(out)
    else:
        from graph.network.readable import QuadIndex
        ds = QuadIndex.from_file(out)
    filled = time.perf_counter()
    summarize(ds)
    summarized = time.perf_counter()
    spent: dict[str, float] = {}
    for name in ("actor_network", "view_network", "page_data", "lay_out"):
        _timed(render, name, spent)
    render.write_main_page(ds, into)
    done = time.perf_counter()
    return {"fill": filled - start, "summary": summarized - filled, "reading": spent["actor_network"],
            "view": spent["view_network"] - spent["actor_network"],
            "page data": spent["page_data"] - spent["lay_out"], "layout": spent["lay_out"],
            "html": done - summarized - spent["view_network"] - spent["page_data"], "total": done - start,
            "cpu": time.process_time() - cpu,
            "peak MiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="a build folder holding graph.trig")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--into", type=Path, default=None, help="where the pages are written (default: a temp dir)")
    parser.add_argument("--modes", default=",".join(MODES), help="which of rdflib,index to run (default: both)")
    parser.add_argument("--before", type=Path, default=None, help="another checkout: its index row, for comparison")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--tree", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (args.out / "graph.trig").is_file():
        sys.exit(f"{args.out}: no graph.trig here; give a build folder")
    modes = [m for m in args.modes.split(",") if m]
    if set(modes) - set(MODES) or not modes:
        sys.exit(f"--modes {args.modes!r}: choose among {','.join(MODES)}")
    if args.before is not None and not (args.before / "graph" / "network" / "render.py").is_file():
        sys.exit(f"--before {args.before}: not a checkout of this project (no graph/network/render.py)")
    into = args.into or Path(tempfile.mkdtemp(prefix="page-read-"))
    if args.child:
        if args.tree is not None:
            sys.path.insert(0, str(args.tree.resolve()))
        print(json.dumps(child(args.child, args.out, into / (BEFORE if args.tree else args.child))))
        return
    rows = {mode: [mode] for mode in modes} | ({BEFORE: ["index", "--tree", str(args.before)]} if args.before else {})
    runs: dict[str, list[dict[str, float]]] = {row: [] for row in rows}
    for _ in range(args.runs):
        for row, how in rows.items():
            done = subprocess.run([sys.executable, __file__, str(args.out), "--into", str(into), "--child", *how],
                                  capture_output=True, text=True, check=True)
            runs[row].append(json.loads(done.stdout.strip().splitlines()[-1]))
    pages = {(into / row / "network.html").read_bytes() for row in rows}
    print(f"{args.out}: medians of {args.runs} runs, wall seconds (cpu: CPU seconds); pages the same bytes: "
          f"{len(pages) == 1}\n")
    columns = [*PHASES, "peak MiB"]
    print("| read with | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for mode in rows:
        cells = [statistics.median(r[c] for r in runs[mode]) for c in columns]
        print(f"| {mode} | " + " | ".join(f"{v:.0f}" if c == "peak MiB" else f"{v:.2f}"
                                          for c, v in zip(columns, cells, strict=True)) + " |")


if __name__ == "__main__":
    main()
