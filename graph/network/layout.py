"""Where the network page draws each node: a layout computed before the page opens, with no label on another.

The browser's own layout knew nothing of the labels: around hubs they were drawn on top of each other,
and actors with no link were dots on the rim. Here, in Python and seeded (the same graph gives the same
page, byte for byte), in the page's pixels, with each node's box (its shape and its label below it,
:mod:`graph.network.labels`):

1. the linked nodes are laid out with forces (Fruchterman–Reingold, with a pull to the centre so that the
   graph's parts stay together): where each node would like to be;
2. the boxes are then stacked into a strip, in the order of their height in that layout, each where the
   boxes placed before leave it lowest, near its place across (a skyline packing): no two boxes overlap,
   neighbours stay near each other, and the map is dense enough to be read whole at the default zoom;
   the strip's width is the one that lets the canvas (``CANVAS``) show the whole at the largest zoom;
3. the nodes with no link among the drawn ones go in a grid under a caption, ``Not connected (N)``,
   packed with the rest as one block (it lands at the bottom, where the forces put it).

>>> from graph.network.labels import Box
>>> boxes = {n: Box(60.0, 40.0, 10.0) for n in "abcd"}
>>> placed = lay_out(list("abcd"), [("a", "b"), ("b", "c")], boxes)
>>> sorted(placed.positions), placed.group.ids, placed.group.caption
(['a', 'b', 'c', 'd'], ['d'], 'Not connected (1)')
>>> overlaps(placed, boxes)
[]
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from graph.network.labels import Box

__all__ = ["CANVAS", "MARGIN", "Group", "Layout", "lay_out", "overlaps", "window_max"]

#: the canvas the layout is shaped for: the page's map beside its side panel, in a 1400×900 window
CANVAS = (1060.0, 864.0)
#: pixels kept free between two boxes (vis-network draws a label with a white halo of two pixels)
MARGIN = 6.0
SEED = 7
#: the most connected nodes the forces lay out; the others start beside a neighbour (forces cost n² a step)
FORCED = 300
CAPTION_HEIGHT = 26.0
#: what straying one pixel across from the forces' place costs, in pixels of height
STRAY = 0.3
Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Group:
    """The nodes with no link, in a grid: their ids, the caption and its place, and the grid's frame."""

    ids: list[str]
    caption: str
    x: float
    y: float
    frame: tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Layout:
    """Each node's centre (``positions``) and the group of unlinked nodes (``None`` when every node is linked)."""

    positions: dict[str, tuple[float, float]]
    group: Group | None


def _forces(count: int, links: list[tuple[int, int]], ideal: float, rng: np.random.Generator) -> Array:
    """Fruchterman–Reingold in pixels with a pull toward the centre: positions, one row per node."""
    side = ideal * math.sqrt(count)
    pos = rng.random((count, 2)) * side - side / 2
    if count < 2:
        return pos * 0
    adjacency = np.zeros((count, count))
    for a, b in links:
        adjacency[a, b] = adjacency[b, a] = 1.0
    iterations = 300 if count <= 150 else 200
    heat = side / 8
    for step in range(iterations):
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        squared = np.maximum(dx * dx + dy * dy, 1e-4)
        strength = ideal * ideal / squared - adjacency * np.sqrt(squared) / ideal
        pull = 0.08 * np.hypot(pos[:, 0], pos[:, 1]) / side  # toward the centre, stronger further out
        move = np.stack([(dx * strength).sum(axis=1), (dy * strength).sum(axis=1)], axis=1) - pull[:, None] * pos
        length = np.maximum(np.hypot(move[:, 0], move[:, 1]), 0.01)
        pos += move * (np.minimum(length, heat) / length)[:, None]
        heat = side / 8 * (1 - (step + 1) / iterations) + 0.5
    return pos


def _beside(count: int, links: list[tuple[int, int]], ideal: float, rng: np.random.Generator) -> Array:
    """Where the forces put the ``FORCED`` first nodes; each other node starts beside a neighbour placed before it
    (in rank order, pass after pass), or anywhere on the map when none of its neighbours is placed."""
    forced = min(count, FORCED)
    pos = np.zeros((count, 2))
    pos[:forced] = _forces(forced, [(a, b) for a, b in links if a < forced and b < forced], ideal, rng)
    neighbours: list[list[int]] = [[] for _ in range(count)]
    for a, b in links:
        neighbours[a].append(b)
        neighbours[b].append(a)
    placed = np.zeros(count, dtype=bool)
    placed[:forced] = True
    waiting = list(range(forced, count))
    while waiting:
        later = []
        for i in waiting:
            near = [j for j in neighbours[i] if placed[j]]
            if near:
                pos[i] = pos[min(near)] + rng.normal(0.0, ideal / 2, 2)
                placed[i] = True
            else:
                later.append(i)
        if len(later) == len(waiting):  # none of them touches a placed node: the first goes anywhere
            spread = np.ptp(pos[placed], axis=0) if placed.any() else np.ones(2)
            pos[later[0]] = pos[placed].min(axis=0) + rng.random(2) * spread if placed.any() else pos[later[0]]
            placed[later[0]] = True
            later = later[1:]
        waiting = later
    return pos


def window_max(values: Array, width: int) -> Array:
    """The largest of every ``width`` consecutive ``values``: ``sliding_window_view(values, width).max(axis=1)``,
    the same numbers, in a few passes over the array instead of ``width`` (van Herk and Gil-Werman: each window
    is the tail of one block of ``width`` and the head of the next, whose running maxima are taken once).

    >>> window_max(np.array([1.0, 3.0, 2.0, 0.0, 5.0]), 2)
    array([3., 3., 2., 5.])
    """
    count = len(values)
    if width == 1:
        return values.copy()
    blocks = np.concatenate([values, np.full(-count % width, -np.inf)]).reshape(-1, width)
    heads = np.maximum.accumulate(blocks, axis=1).ravel()  # from each block's start
    tails = np.maximum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()  # to each block's end
    return np.maximum(tails[:count - width + 1], heads[width - 1:count])


def _skyline(start: Array, half: Array, width: float) -> Array:
    """Boxes stacked into a strip ``width`` wide, as low as they go near where the forces put them.

    In the order of their force-laid height, each box goes where the skyline of the boxes placed so far
    is lowest, plus a cost for straying from its force-laid place across (scaled to the strip), so
    neighbours stay near each other.
    """
    step = max(2.0, width / 600)
    columns = max(1, int(math.ceil(width / step)))
    skyline = np.zeros(columns)
    span = np.ptp(start[:, 0]) or 1.0
    lowest = start[:, 0].min()
    centres = np.zeros_like(start)
    for i in np.lexsort((np.arange(len(start)), start[:, 0], start[:, 1])):
        cells = min(columns, max(1, int(math.ceil((2 * half[i, 0] + MARGIN) / step))))
        tops = window_max(skyline, cells)
        wanted = (start[i, 0] - lowest) / span * (columns - cells)
        x = int(np.argmin(tops + STRAY * step * np.abs(np.arange(len(tops)) - wanted)))
        y = float(tops[x])
        skyline[x:x + cells] = y + 2 * half[i, 1] + MARGIN
        centres[i] = (x * step + half[i, 0] + MARGIN / 2, y + half[i, 1] + MARGIN / 2)
    return centres


def _extent(centres: Array, half: Array) -> tuple[float, float, float, float]:
    low, high = (centres - half).min(axis=0), (centres + half).max(axis=0)
    return float(low[0]), float(low[1]), float(high[0]), float(high[1])


def _fit(width: float, height: float) -> float:
    """The zoom at which a drawing ``width`` × ``height`` fills the canvas."""
    return min(CANVAS[0] / max(width, 1.0), CANVAS[1] / max(height, 1.0))


def _grid(ids: list[str], boxes: dict[str, Box]) -> tuple[dict[str, tuple[float, float]], float, float]:
    """The unlinked nodes in rows under a caption: centres from the block's top left, its width and height."""
    columns = max(1, min(len(ids), round(math.sqrt(len(ids) * 2))))
    widths = [max(boxes[n].width for n in ids[c::columns]) + MARGIN for c in range(columns)]
    heights = [max(boxes[n].height for n in ids[r:r + columns]) + MARGIN for r in range(0, len(ids), columns)]
    places = {}
    for i, n in enumerate(ids):
        row, column = divmod(i, columns)
        places[n] = (sum(widths[:column]) + widths[column] / 2,
                     CAPTION_HEIGHT + sum(heights[:row]) + boxes[n].above + MARGIN / 2)
    return places, sum(widths), CAPTION_HEIGHT + sum(heights)


def _pack(start: Array, half: Array) -> Array:
    """The skyline packing (centred on 0) whose strip width lets the canvas show it at the largest zoom."""
    area = float(((2 * half[:, 0] + MARGIN) * (2 * half[:, 1] + MARGIN)).sum())
    widest = float(2 * half[:, 0].max() + MARGIN)
    best: tuple[float, Array] | None = None
    for share in np.linspace(0.85, 1.5, 14 if len(half) <= FORCED else 6):
        centres = _skyline(start, half, max(widest, float(share) * math.sqrt(area * CANVAS[0] / CANVAS[1])))
        left, top, right, bottom = _extent(centres, half)
        zoom = _fit(right - left, bottom - top)
        if best is None or zoom > best[0] + 1e-9:
            best = (zoom, centres - np.array([(left + right) / 2, (top + bottom) / 2]))
    assert best is not None
    return best[1]


def lay_out(nodes: list[str], edges: list[tuple[str, str]], boxes: dict[str, Box]) -> Layout:
    """Centres for ``nodes`` (in a stable order) given the ``edges`` among them and each node's ``boxes``."""
    index = {n: i for i, n in enumerate(nodes)}
    links = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in edges
                    if a in index and b in index and a != b})
    linked = sorted({i for link in links for i in link})
    lonely = [n for i, n in enumerate(nodes) if i not in set(linked)]
    if not nodes:
        return Layout({}, None)
    half = np.array([[boxes[nodes[i]].width / 2, boxes[nodes[i]].height / 2] for i in linked]).reshape(-1, 2)
    below = np.array([[0.0, boxes[nodes[i]].height / 2 - boxes[nodes[i]].above] for i in linked]).reshape(-1, 2)
    ideal = float(np.mean(np.hypot(half[:, 0], half[:, 1]))) * 1.6 if linked else 1.0
    local = {old: new for new, old in enumerate(linked)}
    start = _beside(len(linked), [(local[a], local[b]) for a, b in links], ideal, np.random.default_rng(SEED))
    grid, width, height = _grid(lonely, boxes) if lonely else ({}, 0.0, 0.0)
    if lonely:  # the group is one more box, starting at the bottom right of the map
        corner = (start + below + half).max(axis=0) if linked else np.zeros(2)
        start = np.vstack([start, corner + np.array([width, height]) / 2])
        half = np.vstack([half, [[width / 2, height / 2]]])
        below = np.vstack([below, [[0.0, 0.0]]])
    centres = _pack(start + below, half) - below
    positions = {nodes[i]: (round(float(x), 1), round(float(y), 1))
                 for i, (x, y) in zip(linked, centres[:len(linked)], strict=True)}
    if not lonely:
        return Layout(positions, None)
    left, top = (float(v) for v in centres[-1] - half[-1])
    positions.update({n: (round(left + x, 1), round(top + y, 1)) for n, (x, y) in grid.items()})
    frame = (round(left, 1), round(top, 1), round(left + width, 1), round(top + height, 1))
    return Layout(positions, Group(lonely, f"Not connected ({len(lonely)})", frame[0], frame[1] + CAPTION_HEIGHT / 2,
                                   frame))


def overlaps(layout: Layout, boxes: dict[str, Box]) -> list[tuple[str, str]]:
    """The pairs of nodes whose boxes overlap in ``layout`` (by more than a rounding error): none, when it worked."""
    ids = sorted(layout.positions)
    found = []
    for i, a in enumerate(ids):
        ax, ay = layout.positions[a]
        for b in ids[i + 1:]:
            bx, by = layout.positions[b]
            top_a, top_b = ay - boxes[a].above, by - boxes[b].above
            if abs(ax - bx) < (boxes[a].width + boxes[b].width) / 2 - 0.5 and \
                    top_a < top_b + boxes[b].height - 0.5 and top_b < top_a + boxes[a].height - 0.5:
                found.append((a, b))
    return found
