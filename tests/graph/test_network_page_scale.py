"""The network page at scale in a real browser (issue 16, item 5): capped lists say how many more and where they
are, a line's tooltip is made in the page with the text the page used to carry, links and names left out are
counted."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.network import carry, render
from graph.network.payload import edge_tip
from graph.network.render import network_page
from tests.graph.hubs import ev, hub

pytestmark = pytest.mark.browser


def written(tmp_path: Path, g: nx.MultiDiGraph, **options: Any) -> Path:
    path = tmp_path / "page.html"
    path.write_text(network_page(g, **options), encoding="utf-8")
    return path


def test_network_page_capped_sections_say_how_many_more_and_where_they_are(open_page: Any, tmp_path: Path) -> None:
    opened = open_page(written(tmp_path, hub(40, documents=30, sentences=4), max_nodes=5, carry=10))
    assert opened.errors == [] and opened.foreign_requests == []
    opened.js("tg.select('hub')")
    details = opened.page.locator("#details")
    assert details.locator("li.more-items").first.inner_text() == f"and {40 - carry.DRAWN.listed // 2} more"
    hint = details.locator("p.whole-lists").inner_text()
    assert 'tradegraph query actor_mentions --param actor="Harbour Council"' in hint and "<hub>" in hint
    opened.js("tg.select('p0000')")
    assert details.locator("details.evidence summary").first.inner_text() == "evidence (2 of 4)"
    assert details.locator("li.more-items").count() == 1  # its documents: 30 > 25
    opened.js("tg.select('p0008')")  # carried, not drawn at first: the smaller caps
    assert details.locator("li.more-items").last.inner_text() == f"and {30 - carry.FURTHER.items} more"
    assert 'person_profile --param person="Ana Ruiz 0008"' in details.locator("p.whole-lists").inner_text()
    opened.js("tg.select('hub')")
    assert details.locator("span.note", has_text="4 sentences not on this page").count() > 0  # past its budget
    assert opened.errors == []


TRICKY = [" Ana\u00a0Ruiz\tmet\n\nBob\u2028Lee\x1c in Laredo. ", "😀 " * 200, "é" * 279 + " x",
          "a" * 279 + "\u3000\u3000b", "Third sentence, never in the tooltip."]


def test_network_page_line_tooltip_is_made_in_the_page_with_the_text_it_carried(open_page: Any,
                                                                             tmp_path: Path) -> None:
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, label in (("a", "Ana Ruiz"), ("b", "Harbour Council"), ("c", "Border Board")):
        g.add_node(node, label=label, kind="person" if node == "a" else "organization", country="MX")
    sentences = [ev(f"{i}.txt", text) for i, text in enumerate(TRICKY)]
    g.add_edge("a", "b", relation="memberOf", label="Director", evidence=sentences[:2] + sentences[4:])
    g.add_edge("a", "c", relation="memberOf", label="Adviser", evidence=sentences[2:4])
    opened = open_page(written(tmp_path, g))
    tips = opened.js("tg.data.edges.map((e) => [e.from, e.to, tg.edges.get(e.id).title])")
    expected = {("a", "b"): edge_tip("Ana Ruiz — Director — Harbour Council", sentences[:2]),
                ("a", "c"): edge_tip("Ana Ruiz — Adviser — Border Board", sentences[2:4])}
    assert {(s, t): tip for s, t, tip in tips} == expected
    assert "“Ana Ruiz met Bob Lee in Laredo.” (0.txt)" in expected[("a", "b")]  # what the page carried before
    assert opened.errors == []


def test_network_page_counts_the_links_and_names_it_leaves_out(open_page: Any, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(carry, "EDGES_CARRIED", 7)
    monkeypatch.setattr(render, "INDEXED", 4)
    g = hub(20)
    g.add_edge("p0009", "p0008", relation="memberOf", label="Adviser")
    opened = open_page(written(tmp_path, g, max_nodes=5, carry=10))
    assert opened.js("tg.data.edges.length") == 7
    # the links among the carried actors
    assert opened.page.locator("#summary").inner_text() == "21 nodes · 10 links · 1 document"
    assert opened.page.locator('.count[data-kind="person"]').inner_text() == "20"  # named by the page or not
    opened.js("tg.select('p0006')")  # carried, its one link is not
    assert opened.page.locator("#details p.more-links").inner_text() == \
        '1 more neighbour not on this page: tradegraph render --focus "Ana Ruiz 0006" draws them all.'
    opened.page.fill("#search", "Ana Ruiz 0019")  # neither carried nor in the index
    opened.page.press("#search", "Enter")
    status = opened.page.locator("#search-status").inner_text()
    assert status.startswith("No actor matches “Ana Ruiz 0019” among the 14 this page names;")
    assert 'tradegraph render --focus "Ana Ruiz 0019"' in status and "7 more actors" in status
    assert opened.errors == []
