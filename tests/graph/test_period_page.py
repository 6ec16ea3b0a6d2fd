"""The page's period control in a real browser (issue 17, item 2): the same rule as graph/network/period.py."""
from __future__ import annotations

import pytest

from graph.network.period import Period, within
from graph.network.render import view_network

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
