"""The network page in a real browser (Debian's Chromium, headless, driven by Playwright).

Every page is opened from a file with all requests observed: only ``file:`` and ``data:`` may load.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.network.render import DEFAULT_MAX_NODES, network_page, render_network, view_network

pytestmark = pytest.mark.browser
ID = "https://w3id.org/tradegraph/id/"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"  # tests/artifacts/, gitignored
SCRIPT_NAME = "<script>window.__pwned=1</script>"
IMG_NAME = '<img src=x onerror="window.__pwned=2">'


def assert_clean(opened) -> None:
    assert opened.foreign_requests == []
    assert opened.errors == []
    assert opened.js("window.__pwned") is None
    assert opened.js("document.querySelectorAll('img').length") == 0
    assert opened.js("document.scripts.length") == 3  # the data block, vis-network, the page's own


def first_of_kind(view: nx.Graph, kind: str, relation: str | None = None) -> str:
    """The best-connected node of a kind (optionally with an outgoing edge of a relation), as the page ranks."""
    nodes = [n for n, d in view.nodes(data=True) if d["kind"] == kind and (
        relation is None or any(e.get("relation") == relation for *_, e in view.out_edges(n, data=True)))]
    return max(nodes, key=lambda n: (len(set(nx.all_neighbors(view, n))), n))


# ---- the sample build's page (what `tradegraph build` writes) ----

@pytest.fixture(scope="module")
def sample_view(sample_build):
    return view_network(sample_build.dataset)[0]


@pytest.mark.slow
def test_network_page_sample_loads_offline_without_errors(open_page, sample_build, sample_view):
    opened = open_page(sample_build.files["html"])
    assert_clean(opened)
    expected = min(sample_view.number_of_nodes(), DEFAULT_MAX_NODES)
    assert opened.js("tg.nodes.length") == expected == opened.js("tg.visibleCount()")
    assert opened.js("tg.edges.length") == sample_view.number_of_edges()
    assert opened.js("tg.network.physics.physicsEnabled") is False  # laid out, then still
    kinds = {d["kind"] for _, d in sample_view.nodes(data=True)}
    assert opened.page.locator("#kind-filters .legend-row").count() == len(kinds)


@pytest.mark.slow
def test_network_page_sample_screenshot(open_page, sample_build, sample_view):
    opened = open_page(sample_build.files["html"])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "network-sample.png"))
    person = first_of_kind(sample_view, "person", "memberOf")
    opened.page.fill("#search", sample_view.nodes[person]["label"])
    opened.page.press("#search", "Enter")
    opened.wait_until(f"tg.network.getSelectedNodes()[0] === {person!r}")
    opened.page.wait_for_timeout(500)
    opened.page.screenshot(path=str(ARTIFACTS / "network-sample-details.png"))
    assert (ARTIFACTS / "network-sample.png").stat().st_size > 50_000


@pytest.mark.slow
def test_network_page_search_centres_the_actor(open_page, sample_build, sample_view):
    opened = open_page(sample_build.files["html"])
    person = first_of_kind(sample_view, "person", "memberOf")
    label = sample_view.nodes[person]["label"]
    opened.js(f"(() => {{ const p = tg.network.getPosition({person!r});"
              f" tg.network.moveTo({{position: {{x: p.x + 400, y: p.y - 300}}}}); }})()")
    assert not opened.centred_on(person)
    opened.page.fill("#search", label.lower())
    opened.page.press("#search", "Enter")
    opened.wait_until(f"tg.network.getSelectedNodes()[0] === {person!r}")
    opened.wait_until(f"(() => {{ const v = tg.network.getViewPosition(), p = tg.network.getPosition({person!r});"
                      f" return Math.hypot(v.x - p.x, v.y - p.y) < 2; }})()")
    assert opened.page.locator("#details h2").inner_text() == label
    assert opened.page.locator("#search-status").inner_text() == f"Found: {label}"
    opened.page.fill("#search", "no such actor anywhere")
    opened.page.press("#search", "Enter")
    assert "No actor matches" in opened.page.locator("#search-status").inner_text()
    assert opened.errors == []


@pytest.mark.slow
def test_network_page_filters_hide_nodes(open_page, sample_build, sample_view):
    opened = open_page(sample_build.files["html"])
    total = opened.js("tg.visibleCount()")
    people = [n for n, d in sample_view.nodes(data=True) if d["kind"] == "person"]
    opened.page.uncheck("input[name=kind][value=person]")
    assert opened.js("tg.visibleCount()") == total - len(people)
    assert opened.js(f"tg.nodes.get({people[0]!r}).hidden") is True
    opened.page.check("input[name=kind][value=person]")
    opened.page.uncheck("input[name=side][value=MX]")
    mexican = [n for n, d in sample_view.nodes(data=True)
               if d["country"] == "MX" and d["kind"] in {"person", "organization"}]
    assert opened.js("tg.visibleCount()") == total - len(mexican)
    opened.page.click("#reset")
    assert opened.js("tg.visibleCount()") == total
    topics = opened.page.locator("#topic-filter option").all()
    opened.page.select_option("#topic-filter", topics[1].get_attribute("value"))
    shown = opened.js("tg.visibleCount()")
    assert 0 < shown < total
    meetings = [n for n, d in sample_view.nodes(data=True) if d["kind"] == "meeting"]
    if meetings:
        opened.page.click("#reset")
        opened.page.select_option("#meeting-filter", meetings[0])
        circle = {meetings[0], *nx.all_neighbors(sample_view, meetings[0])}
        assert opened.js("tg.visibleCount()") == len(circle)
    assert opened.errors == []


@pytest.mark.slow
def test_network_page_click_shows_details_with_evidence(open_page, sample_build, sample_view):
    opened = open_page(sample_build.files["html"])
    person = first_of_kind(sample_view, "person", "memberOf")
    opened.js(f"tg.network.moveTo({{position: tg.network.getPosition({person!r}), scale: 2.5}})")
    opened.page.mouse.click(*opened.screen_point(person))
    details = opened.page.locator("#details")
    assert details.locator("h2").inner_text() == sample_view.nodes[person]["label"]
    assert "Roles" in details.inner_text()
    details.locator("details.evidence summary").first.click()
    (_, _, membership), *_ = [e for e in sample_view.out_edges(person, data=True) if e[2]["relation"] == "memberOf"]
    quoted = details.locator("details.evidence blockquote").first.inner_text()
    evidence = membership["evidence"]
    assert quoted in {" ".join(e.text.split()) for e in evidence} | {e.text for e in evidence}
    assert opened.errors == []


# ---- made-up graphs ----

def star_graph(leaves: int = 59) -> nx.MultiDiGraph:
    """A hub with ``leaves`` people around it, each person also linked to the next one."""
    g = nx.MultiDiGraph()
    g.add_node("hub", label="Hub Council", kind="organization", country="US")
    for i in range(leaves):
        g.add_node(f"p{i:02}", label=f"Person {i:02}", kind="person", country="MX" if i % 2 else "US")
        g.add_edge(f"p{i:02}", "hub", relation="memberOf", label="Member")
        if i:
            g.add_edge(f"p{i:02}", f"p{i - 1:02}", relation="memberOf", label="Colleague")
    return g


def test_network_page_large_graph_starts_small_and_expands(open_page, tmp_path):
    path = tmp_path / "big.html"
    path.write_text(network_page(star_graph(), max_nodes=20), encoding="utf-8")
    opened = open_page(path)
    assert_clean(opened)
    assert opened.js("tg.nodes.length") == 20
    assert "Showing 20 nodes of 60" in opened.page.locator("#showing").inner_text()
    opened.page.click("#more")
    assert opened.js("tg.nodes.length") == 40
    last = opened.js("tg.data.nodes[tg.data.nodes.length - 1].id")
    assert opened.js(f"tg.present.has({last!r})") is False
    opened.page.fill("#search", opened.js("tg.data.nodes[tg.data.nodes.length - 1].label"))
    opened.page.press("#search", "Enter")
    assert opened.js(f"tg.present.has({last!r})") is True and opened.js("tg.nodes.length") == 41
    before = opened.js("tg.nodes.length")
    opened.page.locator("#expand").click()  # "Show N more neighbours" in the details of the found node
    assert opened.js("tg.nodes.length") > before
    assert opened.errors == []


def test_network_page_empty_graph_says_so(open_page, tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(network_page(nx.MultiDiGraph()), encoding="utf-8")
    opened = open_page(path)
    assert_clean(opened)
    assert opened.page.locator("#overlay").inner_text() == "Nothing to show: the graph has no actors."


def test_network_page_people_projection_and_focus(open_page, tiny_dataset, tmp_path):
    people = render_network(tiny_dataset, tmp_path / "people.html", projection="people")
    opened = open_page(people)
    assert_clean(opened)
    assert opened.js("tg.nodes.length") == 2 and opened.js("tg.edges.length") == 1
    focus = render_network(tiny_dataset, tmp_path / "focus.html", focus="Bob Lee", depth=1)
    opened = open_page(focus)
    assert_clean(opened)
    assert opened.js("tg.network.getSelectedNodes()") == [ID + "person/bob-lee"]
    assert opened.page.locator("#details h2").inner_text() == "Bob Lee"
    assert "former" in opened.page.locator("#details").inner_text()


def test_network_page_hostile_names_stay_inert_text(open_page, dataset_factory, tmp_path):
    ds = dataset_factory(person=f"Ana {SCRIPT_NAME} Ruiz", org=f"Harbour {IMG_NAME} Council",
                         meeting=f"{IMG_NAME}{SCRIPT_NAME}", source=f"{IMG_NAME}.txt",
                         sentence=f"Ana {SCRIPT_NAME} Ruiz, Director of the Harbour {IMG_NAME} Council, met Bob Lee.")
    opened = open_page(render_network(ds, tmp_path / "hostile.html"))
    opened.page.wait_for_timeout(300)
    assert_clean(opened)
    for name in (f"Ana {SCRIPT_NAME} Ruiz", f"Harbour {IMG_NAME} Council"):
        opened.page.fill("#search", name)
        opened.page.press("#search", "Enter")
        assert opened.page.locator("#details h2").inner_text() == name
    details = opened.page.locator("#details")
    assert "Ana <script>window.__pwned=1</script> Ruiz — Director" in details.inner_text()
    assert f"{IMG_NAME}.txt" in details.inner_text()
    details.locator("details.evidence summary").first.click()
    assert SCRIPT_NAME in details.locator("details.evidence blockquote").first.inner_text()
    opened.js(f"tg.network.moveTo({{position: tg.network.getPosition('{ID}person/ana-ruiz'), scale: 2}})")
    x, y = opened.screen_point(ID + "person/ana-ruiz")
    opened.page.mouse.move(x - 30, y - 30)
    opened.page.mouse.move(x, y, steps=5)
    tooltip = opened.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert SCRIPT_NAME in tooltip.inner_text()
    assert_clean(opened)


@pytest.mark.slow
def test_network_page_built_from_a_hostile_document_runs_no_script(open_page, tmp_path):
    from graph.api import build_graph as build

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / f"{IMG_NAME}.txt").write_text(
        f"{SCRIPT_NAME} Trade Talks in Washington\n"
        f"Economy Minister {SCRIPT_NAME} Raquel Buenrostro met Commerce Secretary {IMG_NAME} Gina Raimondo "
        "in Washington on January 22, 2024.\n"
        f"The Harbour Council {IMG_NAME} and the U.S. Chamber of Commerce attended the Border Trade Summit "
        "in Mexico City on March 3, 2024.\n", encoding="utf-8")
    result = build([docs], tmp_path / "out", show_progress=False)
    html = result.files["html"].read_text(encoding="utf-8")
    assert "window.__pwned" in html  # the hostile text did reach the page, as data
    opened = open_page(result.files["html"])
    opened.page.wait_for_timeout(300)
    assert_clean(opened)
    first = opened.js("tg.data.nodes[0].id")
    opened.js(f"tg.select({first!r})")
    assert f"{IMG_NAME}.txt" in opened.page.locator("#details").inner_text()
    assert_clean(opened)


def test_network_page_a_map_too_large_to_read_whole_opens_readable_and_fit_shows_it_all(open_page, tmp_path):
    path = tmp_path / "large.html"
    path.write_text(network_page(star_graph(299)), encoding="utf-8")
    opened = open_page(path)
    assert min(b["font"] for b in opened.js("tg.labelBoxes()")) >= 10  # opens with every label readable...
    inside = ("(() => { const r = document.getElementById('network').getBoundingClientRect();"
              " return tg.labelBoxes().filter((b) => b.label[0] >= r.left && b.label[2] <= r.right"
              " && b.label[1] >= r.top && b.label[3] <= r.bottom).length; })()")
    assert opened.js(inside) < 300  # ...so not all of it is in view
    opened.page.click("#fit")
    opened.page.wait_for_timeout(500)
    assert opened.js(inside) == 300
    assert opened.errors == []


def test_network_page_beyond_the_carried_actors_search_names_the_command(open_page, tmp_path):
    """Issue 16, item 5: past ``carry`` actors the page holds only their names; search finds them and says how to
    draw one; the legend and the summary still count them."""
    g = star_graph(59)
    path = tmp_path / "carried.html"
    path.write_text(network_page(g, max_nodes=10, carry=20), encoding="utf-8")
    opened = open_page(path)
    assert_clean(opened)
    assert opened.js("tg.data.nodes.length") == 20 and opened.js("tg.data.index.length") == 40
    assert opened.js("tg.data.edges.every((e) => tg.data.nodes.some((n) => n.id === e.from))")
    assert "of 60" in opened.page.locator("#showing").inner_text()
    assert opened.page.locator('.count[data-kind="person"]').inner_text() == "59"
    last = opened.js("tg.data.index[tg.data.index.length - 1][0]")
    opened.page.fill("#search", last)
    opened.page.press("#search", "Enter")
    assert f'tradegraph render --focus "{last}"' in opened.page.locator("#search-status").inner_text()
    assert opened.js("tg.nodes.length") == 10 and opened.errors == []
