"""The query page in a real browser (Debian's Chromium, headless, driven by Playwright), over the sample build.

The endpoint serves the sample build on a free loopback port; every request the page makes is
observed, and any that is not for that endpoint is recorded and refused.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from graph.query.library import available, parse
from graph.query.run import run_named
from graph.serve.server import Endpoint, make_server
from graph.serve.tabs import library_tabs

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"  # tests/artifacts/, gitignored
QUERY = "person_roles"
PERSON = "Gerónimo Gutiérrez"  # a sample person other than the query's default


@pytest.fixture(scope="module")
def sample_endpoint(sample_build) -> Iterator[Endpoint]:
    ep = make_server(sample_build.files["html"].parent, port=0, timeout=20, quiet=True)
    ep.start_in_thread()
    yield ep
    ep.close()


@dataclass
class Visit:
    """The page, every request it made (with its POST body) and the ones that left the endpoint."""

    page: Any
    requests: list[tuple[str, str]] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture
def visit(browser, sample_endpoint) -> Iterator[Callable[[], Visit]]:
    contexts: list[Any] = []
    origin = sample_endpoint.page_url

    def opener() -> Visit:
        context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page)

        def route(r: Any) -> None:
            if r.request.url.startswith(origin):
                r.continue_()
            else:
                seen.foreign.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("request", lambda req: seen.requests.append((req.url, req.post_data or "")))
        page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
        page.goto(origin)
        page.wait_for_selector("body[data-state=ready]", state="attached", timeout=60_000)
        return seen

    yield opener
    for context in contexts:
        context.close()


def test_query_page_opens_with_the_library_as_tabs_asking_no_other_host(visit, sample_endpoint):
    seen = visit()
    assert seen.foreign == [] and seen.errors == []
    assert {url for url, _ in seen.requests} <= {sample_endpoint.page_url + p for p in (
        "", "assets/yasgui.min.js", "assets/yasgui.min.css", "assets/query-page.js", "assets/query-page.css")}
    tabs = library_tabs()
    names = seen.js("Object.values(tgQueryPage.yasgui._tabs).map(t => t.getName())")
    assert sorted(names) == sorted(t["title"] for t in tabs) and len(names) == len(available())
    assert seen.page.locator(".yasgui .tabsList .tab").count() == len(tabs)
    assert seen.js("tgQueryPage.yasgui.getTab().getYasqe().getValue()") == tabs[0]["query"]
    assert seen.js("tgQueryPage.yasgui.getTab().getEndpoint()") == sample_endpoint.url
    # nothing configured that asks another host: no LOV completers, no prefix.cc, no CORS proxy
    yasqe = seen.js("(() => { const c = tgQueryPage.yasgui.getTab().getYasqe().config; return"
                    " [c.autocompleters, c.prefixCcApi || null, tgQueryPage.yasgui.config.corsProxy || null]; })()")
    assert yasqe == [["variables", "prefixes"], None, None]
    assert seen.page.locator(".tabPanel.active .yasqe_share").is_hidden()


def test_the_page_reads_param_lines_as_the_library_does(visit):
    """The page's reading of "# param:" lines gives, for every tab, the values the library's parser gives."""
    seen = visit()
    for tab in library_tabs():
        sent = seen.js("(t) => tgQueryPage.paramArgs(t)", tab["query"])
        info = parse(tab["query"], name=tab["name"])
        assert sent == [{"name": f"param.{p.name}", "value": p.default or ""} for p in info.params], tab["name"]
    edited = '# param: who = "Ana \\"A\\" Ruiz" — a name\n# param: n (integer) = 3\n# param: k\nSELECT * {}'
    assert seen.js("(t) => tgQueryPage.paramArgs(t)", edited) == [
        {"name": "param.who", "value": 'Ana "A" Ruiz'}, {"name": "param.n", "value": "3"},
        {"name": "param.k", "value": ""}]


def test_query_page_runs_a_library_query_with_a_parameter(visit, sample_build):
    seen = visit()
    title = next(t["title"] for t in library_tabs() if t["name"] == QUERY)
    seen.page.locator(".yasgui .tabsList .tab", has_text=title).click()
    text = seen.js("tgQueryPage.yasgui.getTab().getYasqe().getValue()")
    assert '# param: person = "Roberto Velasco"' in text
    seen.js("(t) => tgQueryPage.yasgui.getTab().getYasqe().setValue(t)",
            text.replace('person = "Roberto Velasco"', f'person = "{PERSON}"'))
    seen.page.locator(".tabPanel.active .yasqe_queryButton").click()
    rows = seen.page.locator(".tabPanel.active .yasr table.dataTable tbody tr")
    rows.first.wait_for(timeout=30_000)
    store = ox.Store.read_only(str(sample_build.files["html"].parent / "store"))
    expected = run_named(store, QUERY, {"person": PERSON}).rows
    assert expected and rows.count() == len(expected)
    assert PERSON in rows.first.inner_text()
    posted = [body for url, body in seen.requests if url.endswith("/sparql")]
    assert len(posted) == 1 and "param.person=Ger%C3%B3nimo+Guti%C3%A9rrez" in posted[0]
    assert seen.foreign == [] and seen.errors == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    seen.page.screenshot(path=str(ARTIFACTS / "query-page.png"))
    with seen.page.expect_download() as download:  # the table's download button: CSV
        seen.page.locator(".tabPanel.active .yasr_downloadIcon").click()
    table = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert table[0][0] == "person" and len(table) == len(expected) + 1 and table[1][0] == PERSON


def test_another_endpoint_typed_into_the_page_is_blocked_by_its_policy(visit):
    seen = visit()
    seen.js("void tgQueryPage.yasgui.getTab().setEndpoint('http://203.0.113.5/sparql')")  # TEST-NET-3: nobody
    seen.page.locator(".tabPanel.active .yasqe_queryButton").click()
    seen.page.locator(".tabPanel.active .yasr .errorResult").wait_for(timeout=30_000)
    assert seen.foreign == [] and not any("203.0.113.5" in url for url, _ in seen.requests)
    assert any("Content Security Policy" in e and "203.0.113.5" in e for e in seen.errors), seen.errors
