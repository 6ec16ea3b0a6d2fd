"""The command line of where and how a build extracts: ``build --workers/--scheduler/--cache/--no-cache/--timings``
and ``tradegraph cache clear``. Kept apart from :mod:`graph.cli` so that it stays one page; it imports only
the standard library, so every command still starts without the build's libraries."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

__all__ = ["add_build_options", "add_cache_command", "build_options", "clear_command", "extraction_line"]


def add_build_options(b: argparse.ArgumentParser) -> None:
    """The options of ``tradegraph build`` that choose the workers and the cache, and ask for the timings."""
    b.add_argument("--workers", type=int, metavar="N",
                   help="extract in N local processes, never more than there are documents to extract (default: "
                        "the machine's cores, at most one per 32 documents to extract; under 2: in this process)")
    b.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="extract on this Dask cluster instead (needs: pip install 'tradegraph[dask]')")
    cached = b.add_mutually_exclusive_group()
    cached.add_argument("--cache", type=Path, metavar="DIR",
                        help="the extraction cache: a rebuild extracts only new or changed documents "
                             "(default: .OUT-cache beside --out, e.g. .out-cache)")
    cached.add_argument("--no-cache", action="store_true", help="extract every document, reading and writing no cache")
    b.add_argument("--timings", action="store_true", help="print the seconds each phase of the build took")


def build_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of :func:`graph.api.build_graph` that :func:`add_build_options` reads."""
    return {"workers": args.workers, "scheduler": args.scheduler,
            "cache": False if args.no_cache else (args.cache or True)}


def extraction_line(args: argparse.Namespace, cached: int, documents: int, processes: int) -> str:
    """The summary's line on extraction: how many documents came from the cache, how many were extracted where."""
    where = "on the Dask cluster" if args.scheduler else f"in {processes} process(es)"
    return f"extraction: {cached} document(s) from the cache, {documents - cached} extracted {where}"


def add_cache_command(sub: Any) -> None:
    """``tradegraph cache clear [--out DIR | --cache DIR]``."""
    ca = sub.add_parser("cache", help="clear the extraction cache of builds into --out (or of --cache DIR)")
    ca.add_argument("action", choices=["clear"], help="clear: remove every cached extraction")
    where = ca.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, default=Path("out"), help="the build folder whose cache (default: out)")
    where.add_argument("--cache", type=Path, metavar="DIR", help="a cache folder given to build --cache")
    ca.set_defaults(func=clear_command)


def clear_command(args: argparse.Namespace) -> int:
    """``tradegraph cache clear``: remove the cache and say how many extractions it held."""
    from graph.build.cache import clear, default_dir

    folder = args.cache or default_dir(args.out)
    print(f"removed {clear(folder)} cached extraction(s) from {folder}")
    return 0
