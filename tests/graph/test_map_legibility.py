"""A legible map (issue 17, item 3), measured from the page itself in a real browser, on the sample build.

At the default view (the page as it opens in a 1400×900 window) the page reports each visible node's label
box, shape box and on-screen font size (``tg.labelBoxes()``: what vis-network measured and drew, in page
pixels). No two labels may overlap, nor a label cover another node's shape, by more than ``SLACK`` pixels
in both directions (the white halo vis-network draws around a label's letters is two pixels wide); every
label is at least ``READABLE`` pixels high, or its node is in the group of nodes with no link.
"""
from __future__ import annotations

import itertools
import re

import networkx as nx
import pytest

from graph.network.render import view_network
from graph.network.summary import summarize

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SLACK = 1.0  # pixels two boxes may share, for rounding
READABLE = 10.0  # on-screen font size, in pixels


def overlap(a: list[float], b: list[float]) -> float:
    """How far two boxes (left, top, right, bottom) overlap: the smaller of the two overlaps, 0 when apart."""
    return max(0.0, min(min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])))


@pytest.fixture(scope="module")
def sample_map(sample_build):
    view = view_network(sample_build.dataset)[0]
    return view, {n for n in view.nodes if not set(nx.all_neighbors(view, n)) - {n}}


def test_map_labels_are_readable_apart_and_all_in_view(open_page, sample_build, sample_map):
    view, unlinked = sample_map
    opened = open_page(sample_build.files["html"])
    boxes = opened.js("tg.labelBoxes()")
    assert {b["id"] for b in boxes} == set(view.nodes)  # every node drawn at the default view
    small = [b["id"] for b in boxes if b["font"] < READABLE and b["id"] not in unlinked]
    assert small == []
    assert min(b["font"] for b in boxes) >= READABLE  # the group's labels are readable too
    clashes = [(a["id"], b["id"]) for a, b in itertools.combinations(boxes, 2)
               if overlap(a["label"], b["label"]) > SLACK or overlap(a["label"], b["shape"]) > SLACK
               or overlap(b["label"], a["shape"]) > SLACK]
    assert clashes == []
    canvas = opened.page.locator("#network").bounding_box()
    frame = [canvas["x"], canvas["y"], canvas["x"] + canvas["width"], canvas["y"] + canvas["height"]]
    outside = [b["id"] for b in boxes if b["label"][0] < frame[0] or b["label"][1] < frame[1]
               or b["label"][2] > frame[2] or b["label"][3] > frame[3]]
    assert outside == []  # the whole map in view: nothing to pan to
    assert opened.errors == [] and opened.foreign_requests == []


def test_map_the_unlinked_are_gathered_under_a_caption_and_listed(open_page, sample_build, sample_map):
    view, unlinked = sample_map
    assert unlinked  # the samples have actors no line links (companies, bodies only named)
    opened = open_page(sample_build.files["html"])
    group = opened.js("tg.data.group")
    assert set(group["ids"]) == unlinked and group["caption"] == f"Not connected ({len(unlinked)})"
    positions = opened.js("tg.network.getPositions()")
    left, top, right, bottom = group["frame"]
    assert all(left <= positions[n]["x"] <= right and top <= positions[n]["y"] <= bottom for n in unlinked)
    linked = set(view.nodes) - unlinked
    assert not any(left <= positions[n]["x"] <= right and top <= positions[n]["y"] <= bottom for n in linked)
    listed = opened.page.locator("#details .apart-list li")
    assert listed.count() == len(unlinked)
    name = listed.first.inner_text()
    listed.first.locator("button").click()
    chosen = opened.js("tg.network.getSelectedNodes()")
    assert len(chosen) == 1 and chosen[0] in unlinked and view.nodes[chosen[0]]["label"] == name
    assert opened.page.locator("#details h2").inner_text() == name


def test_map_legend_counts_add_up_to_the_build_summary(open_page, sample_build):
    opened = open_page(sample_build.files["html"])
    counts = summarize(sample_build.dataset)
    legend = {kind: opened.page.locator(f'.count[data-kind="{kind}"]').inner_text()
              for kind in ("person", "organization", "meeting", "topic")}
    topics = [int(x) for x in re.findall(r"\d+", legend["topic"])]
    assert sum(topics) == counts["topics"]
    assert [int(legend[k]) for k in ("person", "organization", "meeting")] == \
        [counts["people"], counts["organizations"], counts["meetings"]]
