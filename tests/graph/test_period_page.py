"""The page's period control in a real browser (issue 17, item 2): the same rule as graph/network/period.py."""
from __future__ import annotations

import pytest

from graph.network.details import seen
from graph.network.period import Period, within
from graph.network.render import render_network, view_network

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VISIBLE_NODES = "tg.nodes.get({filter: (v) => !v.hidden}).map((v) => v.id)"
VISIBLE_EDGES = "tg.edges.get({filter: (v) => !v.hidden}).length"


@pytest.mark.parametrize("start, end", [("2024-01-01", "2024-12-31"), ("2025-01-01", "2025-12-31"),
                                        ("2024-12-01", ""), ("", "2023-12-31")])
def test_period_page_draws_what_the_library_keeps(open_page, sample_build, start, end):
    _, actors, _, _ = view_network(sample_build.dataset)
    expected = within(actors, Period.parse(start or None, end or None))
    opened = open_page(sample_build.files["html"])
    total = opened.js("tg.visibleCount()")
    assert opened.page.locator("#period-field").is_visible()
    covers = opened.js("tg.data.covers")
    assert opened.page.get_attribute("#period-from", "min") == covers[0]
    for selector, value in (("#period-from", start), ("#period-to", end)):
        if value:
            opened.page.fill(selector, value)
    shown = set(opened.js(VISIBLE_NODES))
    assert shown == set(expected.nodes) and 0 < len(shown) < total
    assert opened.js(VISIBLE_EDGES) == expected.number_of_edges()
    opened.page.click("#reset")
    assert opened.js("tg.visibleCount()") == total
    assert opened.foreign_requests == [] and opened.errors == []


def test_period_page_a_window_with_nothing_in_it_draws_nothing(open_page, sample_build):
    opened = open_page(sample_build.files["html"])
    opened.page.fill("#period-from", "2030-01-01")
    assert opened.js("tg.visibleCount()") == 0 and opened.js(VISIBLE_EDGES) == 0
    assert "Showing 0 nodes" in opened.page.locator("#showing").inner_text()


def test_period_page_of_one_period_shows_it_and_each_roles_sightings(open_page, sample_build, tmp_path):
    """`tradegraph render --from 2024-01 --to 2025-06`: the inputs say the period, Clear filters keeps it, and the
    details panel says when the documents saw each role (first and last sighting)."""
    view = view_network(sample_build.dataset, start="2024-01", end="2025-06")[0]
    opened = open_page(render_network(sample_build.dataset, tmp_path / "period.html", start="2024-01", end="2025-06"))
    values = ("#period-from", "#period-to")
    assert [opened.page.input_value(v) for v in values] == ["2024-01-01", "2025-06-30"]
    assert opened.js("tg.visibleCount()") == view.number_of_nodes()
    opened.page.click("#reset")
    assert [opened.page.input_value(v) for v in values] == ["2024-01-01", "2025-06-30"]
    assert opened.js("tg.visibleCount()") == view.number_of_nodes()
    person, role = next((s, d) for s, _, d in sorted(view.edges(data=True), key=lambda e: (e[0], e[1]))
                        if d.get("relation") == "memberOf" and d.get("first_seen") and d.get("last_seen"))
    opened.js(f"tg.select({person!r})")
    assert seen(role) and seen(role) in opened.page.locator("#details").inner_text()
    assert opened.foreign_requests == [] and opened.errors == []
