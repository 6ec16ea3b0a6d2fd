"""One measured step of bench/build_scale.py, run in a fresh process so each step's time and memory are its own.

    python bench/scale_child.py probe
    python bench/scale_child.py bare DOCS --n-process K [--batch-size B]
    python bench/scale_child.py build DOCS --out DIR [--workers N] [--cache DIR] [--scheduler ADDRESS]

Each prints one line ``RESULT {json}`` last. ``probe`` says which options the build offers today
(``graph.api.build_graph``'s parameters, ``BuildResult.timings``, whether ``dask.distributed`` is installed),
so the benchmark skips what is not there yet instead of failing. ``bare`` is the baseline: the stock spaCy
pipeline (``spacy.load``, no tradegraph component) over the texts tradegraph reads from DOCS, with
``nlp.pipe(n_process=K)``; reading the files is not timed, loading the model is. ``build`` runs
``graph.api.build_graph`` (what ``tradegraph build`` runs) with the options given and reports its wall time
(model loading included), its phase timings when the build gives them, and this process's peak memory (the
client's); the benchmark reads its workers' peaks from ``/proc`` (bench/peak_memory.py).
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import inspect
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.peak_memory import own_peak_mib  # noqa: E402
from graph.build import sources  # noqa: E402


def _peaks() -> dict[str, float]:
    """Peak resident memory of this process in MiB: its ``VmHWM``. Not ``getrusage``'s ``ru_maxrss``, which
    Linux carries over an ``exec`` and so would count the benchmark process this one was forked from."""
    return {"client_mib": own_peak_mib()}


def probe() -> dict[str, Any]:
    """What the build offers: its keyword parameters, whether results carry timings, whether Dask is there."""
    from graph.api import build_graph
    from graph.build.run import BuildResult

    fields = {f.name for f in dataclasses.fields(BuildResult)}
    return {"parameters": sorted(inspect.signature(build_graph).parameters), "timings": "timings" in fields,
            "dask": importlib.util.find_spec("distributed") is not None}


def texts(docs: Path) -> list[str]:
    """The texts tradegraph reads from the files under ``docs`` (the same decoding and HTML reading)."""
    files = sources.collect([docs]).files
    keys = sources.unique_keys(files)
    return [sources.read_document(f, keys[f]).text for f in files]


def bare(docs: Path, n_process: int, batch_size: int) -> dict[str, Any]:
    """The stock pipeline over the texts with ``n_process`` processes: model load plus ``nlp.pipe``."""
    import spacy

    from extract.text.pipeline import model_name

    corpus = texts(docs)
    started = time.perf_counter()
    nlp = spacy.load(model_name(None))
    loaded = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(corpus, batch_size=batch_size, n_process=n_process))
    done = time.perf_counter()
    return {"seconds": done - started, "load_seconds": loaded - started, "pipe_seconds": done - loaded,
            "documents": count, "words": sum(len(t.split()) for t in corpus), **_peaks()}


def build(docs: Path, out: Path, *, workers: int | None, cache: Path | None, scheduler: str | None) -> dict[str, Any]:
    """``build_graph`` with the options the build has; an option it lacks is an error the caller was told of."""
    from graph.api import build_graph

    parameters = inspect.signature(build_graph).parameters
    options: dict[str, Any] = {}
    if workers is not None:
        options["workers"] = workers
    if cache is not None:
        options["cache"] = cache
    client = None
    if scheduler is not None:
        if "scheduler" in parameters or "client" not in parameters:
            options["scheduler"] = scheduler  # what `tradegraph build --scheduler` passes
        else:
            from distributed import Client

            client = Client(scheduler)
            options["client"] = client
    missing = sorted(set(options) - set(parameters))
    if missing:
        raise SystemExit(f"graph.api.build_graph has no parameter {', '.join(missing)} yet")
    started = time.perf_counter()
    result = build_graph([docs], out, show_progress=False, **options)
    seconds = time.perf_counter() - started
    if client is not None:
        client.close()
    timings = {str(k): float(v) for k, v in (getattr(result, "timings", None) or {}).items()}
    return {"seconds": seconds, "timings": timings, "documents": len(result.documents),
            "failures": len(result.failures), "cached": getattr(result, "cached", None), **_peaks()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("mode", choices=("probe", "bare", "build"))
    ap.add_argument("docs", type=Path, nargs="?")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--workers", type=int)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--scheduler")
    args = ap.parse_args(argv)
    if args.mode != "probe" and args.docs is None:
        ap.error(f"{args.mode} needs DOCS")
    if args.mode == "probe":
        result = probe()
    elif args.mode == "bare":
        result = bare(args.docs, args.n_process, args.batch_size)
    else:
        if args.out is None:
            ap.error("build needs --out")
        result = build(args.docs, args.out, workers=args.workers, cache=args.cache, scheduler=args.scheduler)
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
