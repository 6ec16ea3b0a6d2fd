"""The build at scale (issue 16, item 7; ``make bench-build``): synthetic archives of 1,000 and 10,000 documents
built every way the build offers, in one run, against bare spaCy on the same texts.

Usage: python bench/build_scale.py [--sizes 1000,10000] [--seed 1] [--work DIR] [--keep] [--markdown FILE]
       [--steps bare1,w2,...]

For each size: a corpus from bench/synth_corpus.py (kept in ``--work`` and reused when it is there), then, each
in a fresh process (bench/scale_child.py) whose time and memory are its own:
1. bare ``nlp.pipe`` of the stock model over the same texts, ``n_process=1`` and ``2`` (the baseline);
2. the build (``graph.api.build_graph``, what ``tradegraph build`` runs) with ``--workers 1`` and ``--workers 2``,
   each with a new, empty cache;
3. the build on a two-worker local Dask cluster (``--scheduler``; a ``LocalCluster`` the benchmark starts, fresh
   for the build, so its workers' peak memory is the build's), twice: with its workers started as the README
   says (``--preload graph.build.dask_worker``: each loads the model as it starts, outside the build's time),
   and cold (the build's worker plugin loads the model on both, inside its time);
4. a rebuild of the one-worker build with nothing changed (which keeps ``out/`` as it is: ``build.json``), the
   same with ``build.json`` removed (every document from the cache, every cross-document step done again),
   then with one document changed (its cache warm).
Memory (bench/peak_memory.py): the build process's own peak (``VmHWM``), the largest worker's (local processes
below it, or the Dask workers) and the whole tree's resident total, sampled from ``/proc`` every 0.2 s.
The 100,000-document row is simulated from the two largest sizes (bench/scale_report.py). An option the build
does not offer yet is skipped and said.
Results go to ``WORK/results.json`` after every step and the Markdown (for BENCHMARKS.md) to stdout at the end.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import scale_report  # noqa: E402
from bench.peak_memory import TreeSampler  # noqa: E402

CHILD = ROOT / "bench" / "scale_child.py"
#: Seconds per document for all the steps of one size together on a quiet 2-core machine, before anything is
#: measured: issue 16's one-process build (0.18 s a document), spaCy's parse (0.09) and the rest in proportion.
GUESS_PER_DOCUMENT, GUESS_PER_SIZE = 0.6, 90.0  # and about 90 s a size for the processes' start and model loads
EDIT = "\n\nThe delegation will meet again in the autumn, a spokesperson said.\n"


def say(message: str, started: float) -> None:
    """A progress line with the time since the start."""
    minutes, secs = divmod(int(time.perf_counter() - started), 60)
    print(f"[{minutes:3d}:{secs:02d}] {message}", file=sys.stderr, flush=True)


def run_child(args: list[str], extra_pids: list[int] | None = None) -> dict[str, Any]:
    """One step in a fresh process, its tree's memory sampled; ``skipped`` with the reason when it failed."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(CHILD), *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    sampler = TreeSampler(proc.pid, extra_pids or [])
    sampler.start()
    out, err = proc.communicate()
    sampler.stop()
    lines = [line for line in out.splitlines() if line.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        reason = (err.strip().splitlines() or ["no output"])[-1]
        return {"skipped": f"failed (exit {proc.returncode}): {reason}"}
    result: dict[str, Any] = json.loads(lines[-1].removeprefix("RESULT "))
    result["process_seconds"] = time.perf_counter() - started
    result["total_mib"] = sampler.peak_total_mib
    result["worker_mib"] = sampler.worker_peak_mib()
    return result


def trig_digest(out: Path) -> str | None:
    """The SHA-256 of a build's ``graph.trig`` (the builds must agree byte for byte)."""
    path = out / "graph.trig"
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def corpus(work: Path, documents: int, seed: int, cache: dict[str, Any]) -> tuple[Path, int]:
    """The corpus of ``documents`` for ``seed`` under ``work``, generated unless it is there; its word count."""
    from bench import synth_corpus

    folder = work / f"corpus-{documents}-seed{seed}"
    manifest = folder / synth_corpus.MANIFEST
    if manifest.exists():
        made = json.loads(manifest.read_text(encoding="utf-8"))
        if made.get("documents") == documents and made.get("seed") == seed:
            return folder, int(made["words"])
    shutil.rmtree(folder, ignore_errors=True)
    if "templates" not in cache:
        cache["lists"] = synth_corpus.load_names()
        cache["templates"] = synth_corpus.load_templates(list(synth_corpus.TEMPLATES), cache["lists"])
    summary = synth_corpus.generate(cache["templates"], documents=documents, out=folder, seed=seed,
                                    lists=cache["lists"])
    return folder, summary.words


def _clear(*folders: Path) -> None:
    """Remove earlier runs' builds and caches, so each build starts cold."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def dask_build(docs: Path, out: Path, cache: Path, *, preload: bool) -> dict[str, Any]:
    """The build on a fresh two-worker local Dask cluster (one thread each), then the cluster closed. With
    ``preload`` its workers start as the README starts them (``--preload graph.build.dask_worker``: the model is
    loaded when a worker starts, as on a cluster kept up between builds); without it, the build's own worker
    plugin loads the model on both workers inside the build's time."""
    import logging

    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                      preload=["graph.build.dask_worker"] if preload else []) as cluster, \
            Client(cluster) as client:
        pids = [int(pid) for pid in client.run(os.getpid).values()]
        return run_child(["build", str(docs), "--out", str(out), "--cache", str(cache), "--workers", "2",
                          "--scheduler", cluster.scheduler_address], extra_pids=pids)


def one_size(n: int, work: Path, args: argparse.Namespace, probe: dict[str, Any], started: float,
             cache: dict[str, Any]) -> dict[str, Any]:
    """Every step at one size; results saved to ``work/results.json`` after each."""
    docs, words = corpus(work, n, args.seed, cache)
    say(f"{n:,} documents: corpus ready ({words:,} words) in {docs}", started)
    size: dict[str, Any] = {"documents": n, "words": words}
    has = set(probe["parameters"])

    def step(name: str, child_args: list[str] | None, why_not: str = "") -> None:
        if name not in args.steps:
            child_args, why_not = None, "not asked for (--steps)"
        say(f"{n:,} documents: {scale_report.STEPS[name]} …", started)
        size[name] = run_child(child_args) if child_args is not None else {"skipped": why_not}
        shown = size[name].get("skipped") or f"{size[name]['seconds']:.1f} s"
        if isinstance(size[name].get("cached"), int):
            shown += f" ({size[name]['cached']:,} of {n:,} documents from the cache)"
        say(f"{n:,} documents: {scale_report.STEPS[name]}: {shown}", started)
        args.results.setdefault("sizes", {})[str(n)] = size
        (work / "results.json").write_text(json.dumps(args.results, indent=2) + "\n", encoding="utf-8")

    for k in (1, 2):
        step(f"bare{k}", ["bare", str(docs), "--n-process", str(k)])
    builds = {}
    for k in (1, 2):
        out, cache_dir = work / f"out-{n}-w{k}", work / f"cache-{n}-w{k}"
        _clear(out, cache_dir)
        command = ["build", str(docs), "--out", str(out)]
        command += ["--workers", str(k)] if "workers" in has else []
        command += ["--cache", str(cache_dir)] if "cache" in has else []
        # without a workers option the build is one process: the one-worker figure
        step(f"w{k}", command if "workers" in has or k == 1 else None, "build_graph has no workers parameter yet")
        builds[f"w{k}"] = trig_digest(out)
    for name, preload in (("dask", True), ("daskcold", False)):
        out, cache_dir = work / f"out-{n}-{name}", work / f"cache-{n}-{name}"
        _clear(out, cache_dir)
        if name not in args.steps:
            size[name] = {"skipped": "not asked for (--steps)"}
        elif probe["dask"] and ("scheduler" in has or "client" in has) and not args.no_dask:
            say(f"{n:,} documents: {scale_report.STEPS[name]} (starting a LocalCluster) …", started)
            size[name] = dask_build(docs, out, cache_dir, preload=preload)
            say(f"{n:,} documents: {scale_report.STEPS[name]}: "
                f"{size[name].get('skipped') or format(size[name]['seconds'], '.1f') + ' s'}", started)
            builds[name] = trig_digest(out)
        else:
            missing = "dask.distributed or build_graph(scheduler=) missing"
            size[name] = {"skipped": "--no-dask" if args.no_dask else missing}
            say(f"{n:,} documents: {scale_report.STEPS[name]}: {size[name]['skipped']}", started)
    size["same_output"] = len({d for d in builds.values() if d}) <= 1
    out, cache_dir = work / f"out-{n}-w1", work / f"cache-{n}-w1"
    rebuild = ["build", str(docs), "--out", str(out), "--workers", "1", "--cache", str(cache_dir)]
    possible = "seconds" in size.get("w1", {}) and "cache" in has
    why_not = "no one-worker build to rebuild" if "cache" in has else "build_graph has no cache parameter yet"
    step("nochange", rebuild if possible else None, why_not)
    (out / "build.json").unlink(missing_ok=True)  # the same without reusing the build: every cross-document step
    step("allcached", rebuild if possible else None, why_not)
    first = sorted(p for p in docs.iterdir() if not p.name.startswith("."))[0]
    original = first.read_bytes()
    try:
        first.write_bytes(original + EDIT.encode("utf-8"))
        step("onechange", rebuild if possible else None, why_not)
    finally:
        first.write_bytes(original)
    if not args.keep:
        for path in work.glob(f"[oc][ua][tc]*-{n}-*"):  # out-N-… and cache-N-…, never the corpus
            shutil.rmtree(path, ignore_errors=True)
    return size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    ap.add_argument("--seed", type=int, default=1, help="the corpora's seed (default 1)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/tradegraph-bench-build"),
                    help="corpora, builds and results.json (default /tmp/tradegraph-bench-build)")
    ap.add_argument("--keep", action="store_true", help="keep each size's builds and caches (disk: GBs at 10k)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask build")
    ap.add_argument("--markdown", type=Path, help="also write the Markdown section to this file")
    ap.add_argument("--steps", default=",".join(scale_report.STEPS),
                    help="the steps to run, comma-separated (default: all of them: %(default)s); the rebuilds "
                         "rebuild the w1 build")
    args = ap.parse_args(argv)
    args.steps = [s for s in args.steps.replace(" ", "").split(",") if s]
    if unknown := [s for s in args.steps if s not in scale_report.STEPS]:
        ap.error(f"--steps: unknown step(s) {', '.join(unknown)}; choose among {', '.join(scale_report.STEPS)}")
    try:
        sizes = sorted({int(s) for s in args.sizes.replace(" ", "").split(",") if s})
    except ValueError:
        ap.error(f"--sizes {args.sizes!r}: give positive whole numbers separated by commas, e.g. 1000,10000")
    if not sizes or sizes[0] < 2:
        ap.error(f"--sizes {args.sizes!r}: each size must be at least 2 documents")
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    def guess(ns: list[int]) -> float:
        return sum(GUESS_PER_SIZE + n * GUESS_PER_DOCUMENT for n in ns)

    say(f"sizes {', '.join(f'{n:,}' for n in sizes)}: roughly {guess(sizes) / 60:.0f} min on a quiet 2-core machine "
        f"(a guess; refined after each size); work folder {args.work}", started)
    probe = run_child(["probe"])
    if "skipped" in probe:
        raise SystemExit(f"cannot read the build's options: {probe['skipped']}")
    say(f"build options: {', '.join(probe['parameters'])}; timings: {probe['timings']}; dask: {probe['dask']}",
        started)
    head = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                          text=True).stdout.strip()
    args.results = {"started": datetime.now(UTC).isoformat(timespec="seconds"), "cores": os.cpu_count(),
                    "load_start": os.getloadavg(), "head": head, "probe": probe}
    cache: dict[str, Any] = {}
    for i, n in enumerate(sizes):
        one_size(n, args.work, args, probe, started, cache)
        if i + 1 < len(sizes):  # the guess for what is left, scaled by how far off it was so far
            left = guess(sizes[i + 1:]) * (time.perf_counter() - started) / guess(sizes[:i + 1])
            say(f"{n:,} done; about {left / 60:.0f} min left", started)
    args.results["load_end"] = os.getloadavg()
    (args.work / "results.json").write_text(json.dumps(args.results, indent=2) + "\n", encoding="utf-8")
    header = (f"Measured {args.results['started']} at {head}, {os.cpu_count()} cores, load average "
              f"{args.results['load_start'][0]:.1f} at the start and {args.results['load_end'][0]:.1f} at the end; "
              f"graph.trig of --workers 1, 2 and Dask byte-identical at every size: "
              f"{all(s.get('same_output') for s in args.results['sizes'].values())}.")
    text = scale_report.markdown({int(n): s for n, s in args.results["sizes"].items()}, header)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
