"""The interactive network view (``network.html``): one self-contained page, no request to other hosts.

vis-network comes inlined from the pyvis package, with the page's own script and style (``graph/data/network.js``,
``network.css``). Every text from a document reaches the page as JSON data in a non-executed ``<script
type="application/json">`` and is shown with ``textContent`` (vis-network draws labels on a canvas, tooltips as
plain text), never as HTML. A Content-Security-Policy allows only the page's own scripts, by hash, no connection.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(); g.add_node("p", label="Ana <b>Ruiz</b>", kind="person", country="MX")
>>> page = network_page(g)
>>> "Ana <b>" in page, "Ana \\\\u003cb\\\\u003e" in page
(False, True)
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from extract.collector import collector_paused
from extract.reference.countries import load_countries
from extract.slug import slugify
from graph.build.outdir import atomic_file
from graph.errors import ViewError
from graph.network.actors import KINDS, MEETING, ORGANIZATION, actor_network
from graph.network.carry import DRAWN, FURTHER, INDEXED, carried_edges
from graph.network.layout import lay_out
from graph.network.pagehtml import page_chunks
from graph.network.payload import Payload
from graph.network.period import Period, covered, within
from graph.network.readable import Readable
from graph.network.schema import load_schema
from graph.network.views import co_attendance, find_actor, focus_network

__all__ = ["DEFAULT_MAX_NODES", "CARRIED_NODES", "PROJECTIONS", "KIND_STYLE", "SIDE_STYLE", "page_data", "network_page",
           "view_network", "render_network", "default_page_name"]

DEFAULT_MAX_NODES = 500
#: the page carries every detail of this many actors (or of max_nodes, if more), and only the names of the rest
CARRIED_NODES = 2000
PROJECTIONS = ("actors", "people")
_SCHEMA = load_schema()
#: kind -> (legend label, fill colour, vis-network shape), in the legend's order (``graph/data/schema.yaml``)
KIND_STYLE = {k: (kind.label, kind.colour, kind.shape) for k in _SCHEMA.legend_order for kind in [_SCHEMA.kind(k)]}
_COUNTRIES = load_countries()
#: side -> (legend label, border colour, border width); ``""`` for neither side (``extract/data/countries.yaml``)
SIDE_STYLE = {**{c.code: (c.side.label, c.side.colour, c.side.width) for c in _COUNTRIES.countries if c.side},
              "": (_COUNTRIES.no_side.label, _COUNTRIES.no_side.colour, _COUNTRIES.no_side.width)}
#: relation -> what its line means, for the legend
RELATION_LEGEND = {r.key: r.legend for r in _SCHEMA.relations if r.legend}
SIDED_KINDS = frozenset(k.key for k in _SCHEMA.kinds if k.actor)  # drawn with their side's border
UNLINKED_HIDDEN = tuple(k.key for k in _SCHEMA.kinds if k.hide_unlinked)  # shown only when something links them


def _neighbours(g: nx.Graph, node: str) -> set[str]:
    return set(nx.all_neighbors(g, node)) - {node} if g.is_directed() else set(g[node]) - {node}


def _rank(view: nx.Graph, degree: dict[str, int], focus: str | None) -> list[str]:
    """Nodes in the order the page brings them in: the focus, then the most connected, then by name."""
    order = {kind: i for i, kind in enumerate(KIND_STYLE)}
    return sorted(view.nodes, key=lambda n: (n != focus, -degree[n], order.get(str(view.nodes[n].get("kind")), 9),
                                             str(view.nodes[n].get("label", n)).casefold(), n))


def page_data(view: nx.Graph, *, context: nx.Graph | None = None, heading: str = "tradegraph network",
              max_nodes: int = DEFAULT_MAX_NODES, focus: str | None = None, carry: int = CARRIED_NODES
              ) -> dict[str, Any]:
    """The JSON data the page is drawn from (nodes ranked most connected first, edges, evidence, filters).

    The first ``max(carry, max_nodes)`` nodes come with their details and links; the next ``INDEXED`` only as a
    search ``index`` (name, kind, other names), and ``indexLeft`` counts the rest. Details, evidence and
    links are capped (:mod:`graph.network.carry`; ``edgesLeft`` counts the links left out), so a page of a huge
    build stays a few MB.
    """
    if max_nodes < 1:
        raise ViewError(f"max_nodes must be 1 or more, not {max_nodes}")
    degree = {n: len(_neighbours(view, n)) for n in view.nodes}
    ranked = _rank(view, degree, focus)
    carried = max(carry, max_nodes)
    payload = Payload(view, context if context is not None else view, ranked[:carried])
    kept = set(ranked[:carried])
    nodes = [payload.node(n, degree[n], DRAWN if i < max_nodes else FURTHER) for i, n in enumerate(ranked[:carried])]
    drawn = [n["id"] for n in nodes[:max_nodes]]
    links, left = carried_edges(sorted(((s, t, d) for s, t, d in view.edges(data=True) if s in kept and t in kept),
                                       key=lambda e: (e[0], e[1], str(e[2].get("relation", "")),
                                                      str(e[2].get("label", "")))), set(drawn))
    edges = [payload.edge(s, t, d) for s, t, d in links]
    placed = lay_out(drawn, [(s, t) for s, t, _ in links], payload.boxes)
    for n in nodes[:max_nodes]:
        n["x"], n["y"] = placed.positions[n["id"]]
    period = (context if context is not None else view).graph.get("period")
    labels = {**{n: d.get("label", n) for n, d in (context if context is not None else view).nodes(data=True)},
              **{n: d.get("label", n) for n, d in view.nodes(data=True)}}
    documents = (context if context is not None else view).graph.get("documents", {})
    sources: dict[str, int] = {}  # the evidence's documents, each named once
    meetings = sorted((n for n, d in view.nodes(data=True) if d.get("kind") == MEETING and n in kept),
                      key=lambda n: (str(view.nodes[n].get("date", "")), str(view.nodes[n].get("label", n))))
    kinds_present = Counter(d.get("kind") for _, d in view.nodes(data=True))  # the legend counts them all
    relations = {d.get("relation") for *_, d in view.edges(data=True)}  # once, not once per relation of the legend
    return {
        "heading": heading, "directed": view.is_directed(), "maxNodes": max_nodes, "focus": focus,
        "nodes": nodes, "edges": edges, "edgesLeft": left,
        "index": [[view.nodes[n].get("label", n), view.nodes[n].get("kind", ORGANIZATION),
                   list(view.nodes[n].get("names", []))] for n in ranked[carried:carried + INDEXED]],
        "indexLeft": max(0, len(ranked) - carried - INDEXED),
        "evidence": [{"doc": sources.setdefault(e.document, len(sources)), "start": e.start, "end": e.end,
                      "text": e.text} for e in payload.evidence],
        "sources": [[d, documents.get(d, {}).get("title", "")] for d in sources],  # after evidence: filled by it
        "topics": [{"id": t, "label": labels.get(t, t.rsplit("/", 1)[-1])} for t in payload.topics],
        "meetings": [{"id": m, "label": view.nodes[m].get("label", m), "date": view.nodes[m].get("date", "")}
                     for m in meetings],
        "kinds": {k: {"label": s[0], "colour": s[1], "shape": s[2], "sided": k in SIDED_KINDS,
                      "unlinked": view.graph.get("unlinked", {}).get(k, 0), "nodes": kinds_present[k]}
                  for k, s in KIND_STYLE.items() if k in kinds_present},
        "sides": {k: {"label": s[0], "colour": s[1], "width": s[2]} for k, s in SIDE_STYLE.items()},
        "lines": [text for relation, text in RELATION_LEGEND.items() if relation in relations],
        "documents": len(documents),
        "covers": covered([tuple(d) for item in nodes + edges for d in item["seen"] or []]),
        "period": [period.lo, period.hi] if isinstance(period, Period) and not period.open else None,
        "group": None if placed.group is None else {"ids": placed.group.ids, "caption": placed.group.caption,
                                                    "x": placed.group.x, "y": placed.group.y,
                                                    "frame": placed.group.frame},
    }


def network_page(g: nx.Graph, *, heading: str = "tradegraph network", context: nx.Graph | None = None,
                 max_nodes: int = DEFAULT_MAX_NODES, focus: str | None = None, carry: int = CARRIED_NODES) -> str:
    """The HTML page for a view graph (a projection from :mod:`graph.network.projections`).

    ``context`` is the full actor network the details panel reads (default: ``g`` itself);
    the page first shows the ``max_nodes`` most connected nodes and lets the user bring in more.
    """
    data = page_data(g, context=context, heading=heading, max_nodes=max_nodes, focus=focus, carry=carry)
    return b"".join(page_chunks(data)).decode("utf-8")


def _drop_unlinked(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Without places and topics that nothing links (they would only scatter the map).

    The graph attribute ``unlinked`` counts them by kind, so that the legend can say what it leaves out (a
    topic only documents are about is in the build's summary, not on the map).
    """
    dropped = {n: d.get("kind") for n, d in g.nodes(data=True) if d.get("kind") in UNLINKED_HIDDEN and g.degree(n) == 0}
    view = g.copy()  # less the dropped (edgeless) nodes: the subgraph's copy, in its order, at half the cost
    view.remove_nodes_from(dropped)
    view.graph["unlinked"] = {k: n for k in UNLINKED_HIDDEN if (n := list(dropped.values()).count(k))}
    return view


def view_network(ds: Readable, *, projection: str = "actors", focus: str | None = None, depth: int = 1,
                 start: str | None = None, end: str | None = None
                 ) -> tuple[nx.Graph, nx.MultiDiGraph, str, str | None]:
    """The graph to draw, the actor network behind its details, a heading and the focused node.

    ``start``/``end`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``; either may be left out) keep the network of
    that period (:func:`graph.network.period.within`); the heading says which.
    """
    if projection not in PROJECTIONS:
        raise ViewError(f"unknown projection {projection!r}; choose one of: {', '.join(PROJECTIONS)}")
    period = Period.parse(start, end)
    actors = within(actor_network(ds, kinds=KINDS), period)
    view: nx.Graph = co_attendance(actors) if projection == "people" else _drop_unlinked(actors)
    heading = "People who met" if projection == "people" else "U.S.–Mexico trade network"
    node = None
    if focus is not None:
        node = find_actor(actors, focus)
        if projection == "people" and node not in view:
            raise ViewError(f"{actors.nodes[node]['label']!r} attended no meeting with anyone else"
                            f"{' in ' + period.label if period.label else ''}; try without --projection people")
        view = focus_network(actors if projection == "actors" else view, node, depth)
        heading = f"{actors.nodes[node]['label']}: {'co-attendees' if projection == 'people' else 'links'}" \
                  f" within {depth} step{'s' if depth != 1 else ''}"
    if period.label:
        heading = f"{heading}, {period.label}"
    return view, actors, heading, node


def render_network(ds: Readable, path: Path, *, heading: str | None = None, projection: str = "actors",
                   focus: str | None = None, depth: int = 1, max_nodes: int = DEFAULT_MAX_NODES,
                   start: str | None = None, end: str | None = None) -> Path:
    """Write the network view of a dataset to ``path`` (see :func:`view_network` for the options)."""
    with collector_paused():  # the networks and the page's data are many small objects that all live on
        view, actors, default_heading, node = view_network(ds, projection=projection, focus=focus, depth=depth,
                                                           start=start, end=end)
        data = page_data(view, context=actors, heading=heading or default_heading, max_nodes=max_nodes, focus=node)
        with atomic_file(path) as out:
            out.writelines(page_chunks(data))  # piece by piece: the page is never held whole (pagehtml.py)
    return path


def write_main_page(ds: Readable, folder: Path) -> Path:
    """The whole map as ``folder/network.html``: the page a build writes beside its RDF."""
    return render_network(ds, folder / default_page_name())


def default_page_name(*, projection: str = "actors", focus: str | None = None, start: str | None = None,
                      end: str | None = None) -> str:
    """``network.html`` for the whole map; ``network-people.html``, ``network-NAME.html``… for other views.

    >>> default_page_name(projection="people", focus="Raquel Buenrostro")
    'network-people-raquel-buenrostro.html'
    >>> default_page_name(start="2024-01", end="2025-06"), default_page_name(end="2024")
    ('network-2024-01-to-2025-06.html', 'network-until-2024.html')
    """
    period = "-to-".join(x.strip() for x in (start, end) if x) if start and end else \
        (f"from-{start.strip()}" if start else (f"until-{end.strip()}" if end else ""))
    parts = (["people"] if projection == "people" else []) + ([slugify(focus, max_length=60)] if focus else []) \
        + ([slugify(period, max_length=40)] if period else [])
    return "-".join(["network", *parts]) + ".html"
