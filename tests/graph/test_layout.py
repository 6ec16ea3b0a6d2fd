"""The map's layout, computed before the page opens (graph/network/layout.py, labels.py): boxes apart, seeded."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import networkx as nx
import pytest

from extract.errors import DataError
from graph.network.labels import Box, load_widths, node_style, text_width, wrap
from graph.network.layout import CANVAS, lay_out, overlaps
from graph.network.render import network_page, page_data


def made_up(nodes: int, edges: int, lonely: int, seed: int, words: int = 7
            ) -> tuple[list[str], list[tuple[str, str]], dict[str, Box]]:
    """Made-up actors (names of 1 to ``words`` words) linked at random, and ``lonely`` more with no link."""
    rng = random.Random(seed)
    ids = [f"n{i}" for i in range(nodes + lonely)]
    links = [(f"n{rng.randrange(nodes)}", f"n{rng.randrange(nodes)}") for _ in range(edges)] if nodes > 1 else []
    links += [(f"n{i}", f"n{i + 1}") for i in range(nodes - 1)]  # every one of the first `nodes` is linked
    degree = {n: sum(n in link for link in links) for n in ids}
    vocabulary = ["Harbour", "Council", "of", "the", "Northern", "Ana", "Ruiz", "Trade", "Office", "Ministry"]
    names = {n: " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, words))) for n in ids}
    boxes = {n: node_style(names[n], degree[n]).box for n in ids}
    return ids, links, boxes


@pytest.mark.parametrize("nodes, edges, lonely, seed", [
    (2, 1, 0, 1), (12, 0, 0, 2), (40, 60, 5, 3), (130, 240, 15, 4), (60, 300, 0, 5), (0, 0, 7, 6), (1, 0, 1, 7),
])
def test_layout_no_two_boxes_overlap_and_the_unlinked_are_grouped(nodes, edges, lonely, seed):
    ids, links, boxes = made_up(nodes, edges, lonely, seed)
    placed = lay_out(ids, links, boxes)
    assert sorted(placed.positions) == sorted(ids)
    assert overlaps(placed, boxes) == []
    unlinked = [n for n in ids if not any(n in link and link[0] != link[1] for link in links)]
    if unlinked:
        assert placed.group is not None and placed.group.ids == unlinked
        assert placed.group.caption == f"Not connected ({len(unlinked)})"
        left, top, right, bottom = placed.group.frame
        for n in unlinked:  # inside the group's frame, under its caption
            x, y = placed.positions[n]
            assert left <= x - boxes[n].width / 2 and x + boxes[n].width / 2 <= right
            assert placed.group.y < y - boxes[n].above and y - boxes[n].above + boxes[n].height <= bottom
    else:
        assert placed.group is None


def test_layout_a_map_of_the_sample_size_fits_the_canvas_at_a_readable_zoom():
    ids, links, boxes = made_up(128, 230, 15, 11, words=4)  # names as long as the samples' (22 letters)
    placed = lay_out(ids, links, boxes)
    lefts = [placed.positions[n][0] - boxes[n].width / 2 for n in ids]
    rights = [placed.positions[n][0] + boxes[n].width / 2 for n in ids]
    tops = [placed.positions[n][1] - boxes[n].above for n in ids]
    bottoms = [t + boxes[n].height for t, n in zip(tops, ids, strict=True)]
    zoom = min(CANVAS[0] / (max(rights) - min(lefts)), CANVAS[1] / (max(bottoms) - min(tops)))
    assert zoom * min(node_style("x", 0).font, 11.0) >= 10  # the smallest label at 10 screen pixels or more


def test_layout_is_seeded_the_same_graph_gives_the_same_page():
    ids, links, boxes = made_up(50, 80, 4, 8)
    assert lay_out(ids, links, boxes) == lay_out(ids, links, boxes)
    g = nx.MultiDiGraph()
    for n in ids:
        g.add_node(n, label=f"Actor {n}", kind="person", country="MX")
    for a, b in links:
        g.add_edge(a, b, relation="memberOf", label="Member")
    assert network_page(g) == network_page(g)


def test_layout_positions_reach_the_page_for_the_drawn_nodes_only():
    g = nx.MultiDiGraph()
    for i in range(6):
        g.add_node(f"p{i}", label=f"Person {i}", kind="person", country="US")
    g.add_edge("p0", "p1", relation="memberOf", label="Member")
    data = page_data(g, max_nodes=4)
    drawn, rest = data["nodes"][:4], data["nodes"][4:]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in drawn)
    assert all("x" not in n for n in rest)
    assert data["group"]["ids"] == [n["id"] for n in drawn[2:]]  # p0 and p1 are linked, ranked first
    page = network_page(g, max_nodes=4)
    embedded = json.loads(re.search(r'<script id="tg-data" type="application/json">(.*?)</script>', page, re.S)[1])
    assert embedded["group"]["caption"] == "Not connected (2)"


def test_labels_wrap_between_words_and_measure_accented_letters_as_their_base():
    assert wrap("Ana Ruiz", 11) == ["Ana Ruiz"]
    assert wrap("Harbour Council of the Northern Trade Office", 11) == ["Harbour Council", "of the Northern",
                                                                         "Trade Office"]
    assert wrap("Supercalifragilisticexpialidocious", 11) == ["Supercalifragilisticexpialidocious"]
    assert text_width("Gómez", 10) == text_width("Gomez", 10) < text_width("GOMEZ", 10)
    assert text_width("中", 10) == 10 * load_widths().other


def test_labels_a_node_with_more_links_is_drawn_larger():
    few, many = node_style("Harbour Council", 1), node_style("Harbour Council", 30)
    assert few.size < many.size and few.font < many.font and few.box.height < many.box.height


@pytest.mark.parametrize("text, fault", [
    ("widths: {0.5: 'ab'}\n", "other"),
    ("other: 1.0\nwidths: {0.5: 'ab', 0.6: 'b'}\n", "'b' is listed twice"),
    ("other: 1.0\nwidths: {3: 'ab'}\n", "3"),
    ("[1, 2]\n", "must be a mapping"),
])
def test_labels_a_broken_width_table_is_one_error_naming_the_file(tmp_path: Path, text, fault):
    path = tmp_path / "label_font.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_widths(path)
    assert str(path) in str(caught.value) and fault in str(caught.value)
