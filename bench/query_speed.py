"""Time every library query on synthetic graphs of our shape: the Oxigraph store vs rdflib's in-memory engine.

For each size, a synthetic dataset (bench/synthetic.py) is written as TriG, loaded into the
on-disk Oxigraph store exactly as ``tradegraph build`` does (graph.build.oxstore.write_store, opened
read-only), and into an rdflib ``Dataset(default_union=True)``. Each query runs with its header's
default parameters (a ``limit`` parameter caps the rows on both engines, as
``graph.query.run.run`` does): on Oxigraph once to warm up, then ``--runs`` times (median); on rdflib in a
forked child per query, up to ``--runs`` times, stopped at ``--cap`` seconds (reported as "> cap"),
in its SPARQL 1.1 form (graph.query.portable: LATERAL dropped). Row counts of the two engines are
compared; a difference is flagged. The whole-graph forms of the queries whose defaults ask a
bounded question (:data:`WIDE`) are timed on Oxigraph too, as "name (param=)".

    make bench-query                      # 10k, 100k and 1M triples; prints a Markdown table
    .venv/bin/python bench/query_speed.py --sizes 10000 --only person_profile
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.query.library import available, load  # noqa: E402
from graph.query.params import bind  # noqa: E402

#: The whole-graph forms of the queries whose defaults ask a bounded question (README, docs/queries.md):
#: timed on Oxigraph beside the defaults, as "name (param=)".
WIDE = [("co_attendance", "actor"), ("cross_border_meetings", "limit"), ("meetings_timeline", "limit"),
        ("people_in_several_documents", "months"), ("people_organizations", "organization")]


def _names(only: list[str] | None) -> list[str]:
    return [n for n in available() if not only or n in only]


def _cases(names: list[str]) -> list[tuple[str, str, dict[str, str]]]:
    """(label, query, parameters): each query with its defaults, then the whole-graph forms."""
    return [(n, n, {}) for n in names] + [(f"{n} ({p}=)", n, {p: ""}) for n, p in WIDE if n in names]


def time_oxigraph(trig: Path, work: Path, cases: list[tuple[str, str, dict[str, str]]], runs: int) -> dict[str, Any]:
    """Load time, and each case's median time (ms) and row count on the read-only Oxigraph store."""
    from graph.build.oxstore import open_store, write_store
    from graph.query.run import run

    t0 = time.perf_counter()
    write_store(trig, work / "store")
    out: dict[str, Any] = {"load_s": time.perf_counter() - t0, "queries": {}}
    store = open_store(work)
    out["quads"] = len(store)
    for label, name, given in cases:
        info = load(name)
        params = bind(info.params, given, label=name)
        rows = len(run(store, info.text, params=params).terms)  # warm-up
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            run(store, info.text, params=params)
            times.append(time.perf_counter() - t)
            if sum(times) > 10:
                break
        out["queries"][label] = {"ms": 1000 * statistics.median(times), "rows": rows}
    del store
    return out


def _rdflib_child(ds: Any, name: str, runs: int, conn: Any) -> None:
    from graph.query.portable import run_rdflib

    info = load(name)
    params = bind(info.params, {}, label=name)
    times, rows = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        rows = len(run_rdflib(ds, info.text, params=params, label=name))  # LATERAL dropped, as rdflib needs
        times.append(time.perf_counter() - t)
        if sum(times) > 5:
            break
    conn.send({"ms": 1000 * statistics.median(times), "rows": rows})


def rdflib_worker(trig: Path, names: list[str], runs: int, cap: float) -> None:
    """Runs in its own process: load ``trig`` into rdflib, time each query in a forked child; JSON lines out."""
    from rdflib import Dataset

    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(trig, format="trig")
    print(json.dumps({"load_s": time.perf_counter() - t0, "triples": len(ds)}), flush=True)
    ctx = mp.get_context("fork")
    for name in names:
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_rdflib_child, args=(ds, name, runs, child))
        proc.start()
        result: dict[str, Any] = {"ms": None, "rows": None, "capped": cap}
        if parent.poll(cap):
            result = parent.recv()
        proc.kill()
        proc.join()
        print(json.dumps({"name": name, **result}), flush=True)


def time_rdflib(trig: Path, names: list[str], runs: int, cap: float) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--rdflib-worker", str(trig), "--runs", str(runs), "--cap", str(cap),
           "--only", *names]
    lines = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
    records = [json.loads(line) for line in lines if line.startswith("{")]
    return {"load_s": records[0]["load_s"], "queries": {r.pop("name"): r for r in records[1:]}}


def _cell(q: dict[str, Any] | None) -> str:
    if q is None:
        return "not run"
    if q.get("ms") is None:
        return f"> {q['capped']:.0f} s (stopped)"
    ms = q["ms"]
    return f"{ms:.1f}" if ms < 100 else f"**{ms:,.0f}**"


def table(results: dict[int, dict[str, Any]], names: list[str]) -> str:
    sizes = sorted(results)
    label = {s: (f"{s // 1_000_000}M" if s >= 1_000_000 else f"{s // 1000}k") for s in sizes}
    head = ["query"] + [f"Oxigraph {label[s]}" for s in sizes] + [f"rdflib {label[s]}" for s in sizes] + \
        [f"rows {label[sizes[-1]]}"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in names:
        cells = [f"`{name}`"]
        cells += [_cell(results[s]["oxigraph"]["queries"].get(name)) for s in sizes]
        cells += [_cell(results[s].get("rdflib", {}).get("queries", {}).get(name)) for s in sizes]
        big = results[sizes[-1]]
        ox_rows = big["oxigraph"]["queries"][name]["rows"]
        rd = big.get("rdflib", {}).get("queries", {}).get(name) or {}
        flag = "" if rd.get("rows") in (None, ox_rows) else f" (rdflib: {rd['rows']})"
        cells.append(f"{ox_rows:,}{flag}")
        lines.append("| " + " | ".join(cells) + " |")
    loads = ["| load (s) | " + " | ".join(f"{results[s]['oxigraph']['load_s']:.1f}" for s in sizes) + " | " +
             " | ".join(f"{results[s]['rdflib']['load_s']:.1f}" if "rdflib" in results[s] else "not run"
                        for s in sizes) + " | |"]
    sizes_line = "Triples (quads in the store, including the union default graph): " + ", ".join(
        f"{label[s]} → {results[s]['triples']:,} ({results[s]['oxigraph']['quads']:,})" for s in sizes)
    return "\n".join(lines + loads) + "\n\n" + sizes_line + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Time the query library on Oxigraph and rdflib.")
    p.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    p.add_argument("--runs", type=int, default=5, help="timed runs per query (median; default 5)")
    p.add_argument("--cap", type=float, default=60, help="seconds before an rdflib query is stopped (default 60)")
    p.add_argument("--rdflib-max", type=int, default=1_000_000, help="largest size to run on rdflib (default 1M)")
    p.add_argument("--only", nargs="+", help="only these library queries")
    p.add_argument("--work", type=Path, help="folder for the generated data (default: a temporary one)")
    p.add_argument("--rdflib-worker", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    names = _names(args.only)
    if args.rdflib_worker:
        rdflib_worker(args.rdflib_worker, names, args.runs, args.cap)
        return 0
    from bench.synthetic import generate

    work = args.work or Path(tempfile.mkdtemp(prefix="tradegraph-bench-"))
    results: dict[int, dict[str, Any]] = {}
    for size in args.sizes:
        folder = work / str(size)
        folder.mkdir(parents=True, exist_ok=True)
        trig = folder / "graph.trig"
        text = generate(size)
        trig.write_text(text, encoding="utf-8")
        import pyoxigraph as ox

        triples = sum(1 for _ in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
        print(f"{size:,}: {triples:,} quads in TriG; Oxigraph…", file=sys.stderr, flush=True)
        results[size] = {"triples": triples, "oxigraph": time_oxigraph(trig, folder, _cases(names), args.runs)}
        if size <= args.rdflib_max:
            print(f"{size:,}: rdflib…", file=sys.stderr, flush=True)
            results[size]["rdflib"] = time_rdflib(trig, names, min(args.runs, 3), args.cap)
    print(table(results, [label for label, _, _ in _cases(names)]))
    (work / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"raw figures: {work / 'results.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
