"""Static pictures of the projections for notebooks and reports (matplotlib), in the network view's colours.

- :func:`draw_network`: a projection drawn with networkx: shape and fill by kind, border by side,
  or fill by group (communities);
- :func:`meetings` / :func:`plot_timeline`: the meetings in time order, and a chart of them.

matplotlib is imported only when something is drawn.

>>> m = nx.MultiDiGraph(documents={"a.txt": {"title": "A", "date": "2024-03-01"}})
>>> m.add_node("e", kind="meeting", label="Talks", date="", documents=["a.txt"], planned=False)
>>> meetings(m)[["meeting", "date", "dated by"]].values.tolist()
[['Talks', '2024-03-01', 'document']]
"""
from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from extract.reference.countries import load_countries
from graph.network.actors import MEETING, PERSON
from graph.network.details import country_name
from graph.network.render import SIDE_STYLE
from graph.network.schema import load_schema

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["KIND_LOOK", "SIDE_COLOURS", "GROUP_COLOURS", "draw_network", "meetings", "plot_timeline"]

_SCHEMA = load_schema()
#: kind -> (legend label, fill colour, matplotlib marker), as in the network view (``graph/data/schema.yaml``)
KIND_LOOK = {k: (kind.label, kind.colour, kind.marker) for k in _SCHEMA.legend_order for kind in [_SCHEMA.kind(k)]}
#: the two sides (ISO codes): a border each, a column each in :func:`meetings`
_SIDES = load_countries().sides
_TOOK_PART, _HELD_IN = _SCHEMA.with_hint("took_part"), _SCHEMA.with_hint("held_in")
#: side -> border colour, as in the network view
SIDE_COLOURS = {side: colour for side, (_, colour, _) in SIDE_STYLE.items()}
GROUP_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                 "#9c755f", "#bab0ac"]


def _simple(g: nx.Graph) -> nx.Graph:
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(g.nodes(data=True))
    simple.add_edges_from((s, t) for s, t in g.edges() if s != t)
    return simple


def draw_network(g: nx.Graph, *, ax: Axes | None = None, groups: list[set[str]] | None = None,
                 labels: int | list[str] = 25, highlight: str | None = None, seed: int = 7) -> Axes:
    """Draw a projection: one marker per node, sized by its number of neighbours.

    Args:
        g: a projection from :mod:`graph.network.projections` (or a part of one).
        ax: where to draw (a new figure when ``None``).
        groups: colour nodes by group (e.g. :func:`graph.network.stats.communities`) instead of by kind;
            nodes in no group are grey.
        labels: name the ``labels`` most connected nodes, or exactly the nodes listed.
        highlight: a node to draw larger and always name.
        seed: the layout's seed (the same seed, the same picture).

    Returns:
        The axes drawn on.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if ax is None:
        _, ax = plt.subplots(figsize=(12, 9))
    simple = _simple(g)
    if simple.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "nothing to draw", ha="center", va="center")
        ax.set_axis_off()
        return ax
    pos = nx.spring_layout(simple, seed=seed, k=1.6 / math.sqrt(simple.number_of_nodes()))
    group_of = {n: i for i, group in enumerate(groups or []) for n in group}
    nx.draw_networkx_edges(simple, pos, ax=ax, edge_color="#b5b5b5", width=0.7, alpha=0.8)
    handles = []
    for kind, (legend, fill, marker) in KIND_LOOK.items():
        nodes = [n for n, k in simple.nodes(data="kind") if k == kind]
        if not nodes:
            continue
        colours = ([GROUP_COLOURS[group_of[n] % len(GROUP_COLOURS)] if n in group_of else "#d9d9d9" for n in nodes]
                   if groups is not None else fill)
        sizes = [(260 if n == highlight else 60) + 28 * simple.degree(n) for n in nodes]
        borders = [SIDE_COLOURS.get(simple.nodes[n].get("country", ""), SIDE_COLOURS[""]) for n in nodes]
        nx.draw_networkx_nodes(simple, pos, nodelist=nodes, ax=ax, node_shape=marker, node_color=colours,
                               node_size=sizes, edgecolors=borders, linewidths=1.6)
        handles.append(Line2D([], [], marker=marker, linestyle="", markersize=9, markeredgecolor="#555",
                              markerfacecolor=fill if groups is None else "white", label=legend))
    if isinstance(labels, int):
        named = sorted(simple, key=lambda n: (-simple.degree(n), str(simple.nodes[n].get("label", n))))[:labels]
    else:
        named = [n for n in labels if n in simple]
    if highlight in simple and highlight not in named:
        named.append(highlight)
    for n in named:  # under the marker, clear of it whatever its size
        size = (260 if n == highlight else 60) + 28 * simple.degree(n)
        at = (float(pos[n][0]), float(pos[n][1]))
        ax.annotate(_wrap(str(simple.nodes[n].get("label", n))), at, xytext=(0, -(math.sqrt(size) / 2 + 2)),
                    textcoords="offset points", ha="center", va="top", fontsize=8)
    sides = [s for s in _SIDES if any(c == s for _, c in simple.nodes(data="country"))]
    handles += [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor="white", markeredgewidth=2,
                       markeredgecolor=SIDE_COLOURS[s], label=f"border: {country_name(s)}") for s in sides]
    if groups is not None:
        handles += [Line2D([], [], marker="o", linestyle="", markersize=9,
                           markerfacecolor=GROUP_COLOURS[i % len(GROUP_COLOURS)], markeredgecolor="none",
                           label=f"group {i + 1}") for i in range(min(len(groups), len(GROUP_COLOURS)))]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_axis_off()
    return ax


def _wrap(text: str, width: int = 22) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def _when(value: str) -> pd.Timestamp | None:
    """``2024-12-05``, ``2024-12`` or ``2024`` as the first day it can mean; ``None`` when empty or unreadable."""
    if not value:
        return None
    try:
        return pd.Timestamp(value if len(value) > 7 else f"{value}-01" if len(value) == 7 else f"{value}-01-01")
    except ValueError:
        return None


def meetings(actors: nx.MultiDiGraph) -> pd.DataFrame:
    """The meetings of an actor network in time order, with their attendees (people and institutions) by side.

    A meeting the documents give no date for is placed at the publication date of the first
    document reporting it (``dated by`` says which); one with neither comes last.

    Returns:
        Columns ``meeting, date, dated by, when`` (a Timestamp or NaT), ``planned, place, attendees,
        people`` (the attendees who are people), ``US, MX, other`` (attendees by side), ``id``.
    """
    documents = actors.graph.get("documents", {})
    rows = []
    for node, data in actors.nodes(data=True):
        if data.get("kind") != MEETING:
            continue
        date, dated_by = str(data.get("date", "")), "meeting"
        if not date:
            published = sorted(d for d in (documents.get(doc, {}).get("date", "") for doc in data.get("documents", []))
                               if d)
            date, dated_by = (published[0], "document") if published else ("", "")
        attending = {s for s, _, r in actors.in_edges(node, data="relation", default="") if r in _TOOK_PART}
        sides = Counter(actors.nodes[a].get("country", "") for a in attending)
        places = sorted(str(actors.nodes[t].get("label", t))
                        for _, t, r in actors.out_edges(node, data="relation", default="") if r in _HELD_IN)
        rows.append({"meeting": data.get("label", node), "date": date, "dated by": dated_by, "when": _when(date),
                     "planned": bool(data.get("planned", False)), "place": ", ".join(places),
                     "attendees": len(attending),
                     "people": sum(actors.nodes[a].get("kind") == PERSON for a in attending),
                     **{s: sides[s] for s in _SIDES}, "other": len(attending) - sum(sides[s] for s in _SIDES),
                     "id": node})
    columns = ["meeting", "date", "dated by", "when", "planned", "place", "attendees", "people", *_SIDES, "other", "id"]
    table = pd.DataFrame(rows, columns=columns)
    table["when"] = pd.to_datetime(table["when"])
    return table.sort_values(["when", "meeting"], na_position="last").reset_index(drop=True)


def _until(when: pd.Timestamp, date: str) -> pd.Timestamp:
    """The end of the period a partial date stands for: its year, its month, or the day itself."""
    if len(date) == 4:
        return when + pd.DateOffset(years=1) - pd.Timedelta(days=1)
    if len(date) == 7:
        return when + pd.DateOffset(months=1) - pd.Timedelta(days=1)
    return when


def plot_timeline(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Meetings (from :func:`meetings`) on a time axis, one row each, named with their attendees by side.

    A marker's size is the number of attendees (people and institutions); a bar spans a date known only to the year
    or month; a hollow marker means the date is the reporting document's. Meetings with no date at
    all are named under the chart.
    """
    import matplotlib.pyplot as plt

    dated = table.dropna(subset=["when"]).reset_index(drop=True)
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 1.4 + 0.6 * max(len(dated), 1)))
    if dated.empty:
        ax.text(0.5, 0.5, "no dated meeting", ha="center", va="center")
        ax.set_axis_off()
        return ax
    colour = KIND_LOOK[MEETING][1]
    y = list(range(len(dated)))[::-1]
    names = []
    for yi, (_, row) in zip(y, dated.iterrows(), strict=True):
        start, end = row["when"], _until(row["when"], row["date"])
        if end > start:
            ax.hlines(yi, start, end, colors=colour, linewidth=7, alpha=0.25)
        hollow = row["dated by"] == "document"
        ax.scatter([start + (end - start) / 2], [yi], s=40 + 14 * row["attendees"], marker="D", zorder=3,
                   linewidths=1.5, facecolors="white" if hollow else colour, edgecolors=colour)
        sides = " · ".join(f"{k} {row[k]}" for k in (*_SIDES, "other") if row[k]) or "no attendee named"
        names.append(f"{row['meeting']}\n{row['date']} · {sides}")
    ax.set_yticks(y, names, fontsize=8.5)
    ax.set_ylim(-0.7, len(dated) - 0.3)
    lo, hi = dated["when"].min(), max(_until(w, d) for w, d in zip(dated["when"], dated["date"], strict=True))
    pad = max((hi - lo) * 0.06, pd.Timedelta(days=20))
    ax.set_xlim(lo - pad, hi + pad)
    ax.grid(axis="x", color="#e5e5e5")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_title("Meetings in time (size: attendees; bar: date known to the year or month; "
                 "hollow: dated by the reporting document)", fontsize=9.5)
    undated = table.loc[table["when"].isna(), "meeting"].tolist()
    if undated:
        ax.annotate(f"No date known, not drawn: {', '.join(undated)}", (0, 0), xycoords="axes fraction",
                    xytext=(0, -28), textcoords="offset points", fontsize=8, color="#666", va="top")
    return ax
