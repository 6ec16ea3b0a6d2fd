"""The query page without a browser: its tabs, its HTML and policy, the routes that serve it, the
``param.NAME`` binding it relies on, ``--open``, and the vendored YASGUI's provenance."""
from __future__ import annotations

import fnmatch
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.query.library import available, load, parse
from graph.query.run import run_named
from graph.serve.endpoint import make_app
from graph.serve.page import ASSETS, CSP, DATA_DIR, page_html, wants_page
from graph.serve.server import make_server
from graph.serve.tabs import HOW_TO, library_tabs, tab_text
from graph.serve.workers import Answer, Request

ROOT = Path(__file__).resolve().parents[2]
YASGUI = DATA_DIR / "yasgui"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


# ---- the tabs ----

@pytest.mark.parametrize("name", list(available()))
def test_each_library_query_is_a_tab_with_every_parameter_given_a_value(name):
    info = load(name)
    text = tab_text(info)
    again = parse(text, name=name)
    assert [(p.name, p.type, p.doc) for p in again.params] == [(p.name, p.type, p.doc) for p in info.params]
    assert [p.default for p in again.params] == [p.default or "" for p in info.params]
    assert again.title == info.title and again.answers == info.answers
    assert (HOW_TO in text) == bool(info.params)
    body = [line for line in info.text.splitlines() if not line.startswith("#")]
    assert [line for line in text.splitlines() if not line.startswith("#")] == body  # the SPARQL is untouched


def test_a_parameter_without_default_gets_an_empty_value_in_its_own_line():
    info = parse("# param: from (date) — the earliest\n# param: who — a name\nSELECT ?from ?who {}", name="t")
    assert tab_text(info).splitlines()[:2] == ['# param: from (date) = "" — the earliest', '# param: who = "" — a name']


# ---- the page ----

class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.inline: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href", "action")]
        self._in = found.get("type") if tag == "script" and "src" not in found else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in is not None:
            self.inline.append(self._in)
        self._in = None


def test_page_loads_only_its_own_assets_and_holds_the_tabs_as_data():
    html = page_html()
    refs = _Refs()
    refs.feed(html)
    assert sorted(refs.refs) == sorted(ASSETS)
    assert refs.inline == ["application/json"]  # the one inline script is data, which the CSP lets no one run
    data = json.loads(re.search(r'<script type="application/json" id="tg-query-page">(.*?)</script>', html, re.S)[1])
    assert data == {"endpoint": "/sparql", "tabs": json.loads(json.dumps(library_tabs()))}
    assert len(data["tabs"]) == len(available())


def test_page_policy_allows_its_own_origin_only():
    directives = dict(d.strip().split(" ", 1) for d in CSP.split(";"))
    assert directives["default-src"] == "'none'" and directives["connect-src"] == "'self'"
    assert directives["script-src"] == "'self'" and "unsafe-eval" not in CSP and "http" not in CSP
    assert all("*" not in v for v in directives.values())


@pytest.mark.parametrize("accept,expected", [
    (BROWSER_ACCEPT, True), ("text/html", True), ("*/*", False), (None, False),
    ("application/sparql-results+json", False), ("text/html;q=0, */*", False)])
def test_only_clients_asking_for_html_get_the_page(accept, expected):
    assert wants_page(accept) is expected


# ---- the routes (the WSGI app, with a stand-in for the query workers) ----

def _call(method="GET", path="/", query="", accept=None, host="127.0.0.1:7878"):
    asked: list[Request] = []

    def execute(request: Request) -> Answer:
        asked.append(request)
        return Answer(200, "application/sparql-results+json", b"{}")

    status: list[str] = []
    headers: dict[str, str] = {}
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": host,
               "wsgi.input": io.BytesIO(b""), **({"HTTP_ACCEPT": accept} if accept else {})}
    body = b"".join(make_app(execute)(environ, lambda s, h: (status.append(s), headers.update(h))))
    return int(status[0].split()[0]), headers, body, asked


def test_root_is_the_page_for_a_browser_and_help_for_other_clients():
    status, headers, body, asked = _call(accept=BROWSER_ACCEPT)
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"tg-query-page" in body
    assert headers["Content-Security-Policy"] == CSP and headers["X-Frame-Options"] == "DENY" and not asked
    status, headers, body, _ = _call(accept="*/*")
    assert status == 200 and headers["Content-Type"].startswith("text/plain") and b"read-only" in body
    assert "Content-Security-Policy" not in headers
    status, _, body, _ = _call(method="HEAD", accept=BROWSER_ACCEPT)
    assert status == 200 and body == b""


def test_a_browser_query_at_root_is_still_sparql_and_a_foreign_host_gets_no_page():
    status, _, _, asked = _call(query="query=ASK%7B%7D", accept=BROWSER_ACCEPT)
    assert status == 200 and [r.query for r in asked] == ["ASK{}"]
    status, headers, body, _ = _call(accept=BROWSER_ACCEPT, host="evil.example")
    assert status == 403 and b"misdirected" in body and "Content-Security-Policy" not in headers


@pytest.mark.parametrize("path", sorted(ASSETS))
def test_assets_are_the_files_in_the_package(path):
    status, headers, body, _ = _call(path=path)
    name, media_type = ASSETS[path]
    assert status == 200 and body == (DATA_DIR / name).read_bytes() and headers["Content-Type"] == media_type


@pytest.mark.parametrize("path", ["/assets/nope.js", "/assets/../cli.py", "/yasgui/LICENSE", "/assets/"])
def test_other_paths_are_not_found(path):
    assert _call(path=path)[0] == 404


# ---- param.NAME over the protocol (real workers on the fixture store) ----

@pytest.fixture(scope="module")
def endpoint(fixture_out):
    ep = make_server(fixture_out, port=0, timeout=20, quiet=True)
    ep.start_in_thread()
    yield ep
    ep.close()


def _post(endpoint, form: dict[str, str]) -> tuple[int, bytes]:
    data = urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(endpoint.url, data=data, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.mark.parametrize("name,params", [
    ("person_roles", {"person": "Marcelo Ebrard"}),
    ("person_roles", {"person": "Roberto Velasco"}),
    ("co_attendance", {"actor": "Roberto Velasco", "min_meetings": "1", "limit": "2"}),
    ("meetings_timeline", {"from": "", "to": "", "limit": "3"}),
])
def test_param_arguments_bind_as_tradegraph_query_does(endpoint, fixture_out, name, params):
    status, body = _post(endpoint, {"query": tab_text(load(name)), **{f"param.{k}": v for k, v in params.items()}})
    assert status == 200
    result = json.loads(body)
    got = [[b.get(v, {}).get("value") for v in result["head"]["vars"]] for b in result["results"]["bindings"]]
    expected = run_named(ox.Store.read_only(str(fixture_out / "store")), name, params)
    assert got == [[None if t is None else t.value for t in row] for row in expected.terms] and got


@pytest.mark.parametrize("form,needle", [
    ({"param.who": "x"}, "the query has no parameter 'who'; its parameters are: person"),
    ({"param.person": "x", "param.limit": "3"}, "no parameter 'limit'"),
])
def test_a_bad_param_argument_is_one_line_400(endpoint, form, needle):
    status, body = _post(endpoint, {"query": load("person_roles").text, **form})
    assert status == 400 and body.decode().strip() == body.decode().strip().splitlines()[0] and needle in body.decode()


def test_a_param_value_of_the_wrong_type_is_one_line_400(endpoint):
    status, body = _post(endpoint, {"query": load("co_attendance").text, "param.min_meetings": "two"})
    assert status == 400 and "parameter min_meetings: 'two' is not an integer" in body.decode()


# ---- opening the page ----

def test_serve_open_opens_the_page_in_the_browser_once_it_listens(fixture_out, tmp_path):
    """``tradegraph serve --open``, ``$BROWSER`` a script that fetches what it is given, as a browser would."""
    seen = tmp_path / "seen.txt"
    fake = tmp_path / "browser.py"
    fake.write_text("import sys, urllib.request\n"
                    "req = urllib.request.Request(sys.argv[1], headers={'Accept': 'text/html'})\n"
                    "body = urllib.request.urlopen(req, timeout=30).read().decode()\n"
                    f"open({str(seen)!r}, 'w').write(sys.argv[1] + '\\n' + body)\n", encoding="utf-8")
    env = {**os.environ, "BROWSER": f"{sys.executable} {fake} %s"}
    server = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--out", str(fixture_out), "--port", "0",
                               "--open"], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (seen.exists() and "</html>" in seen.read_text(encoding="utf-8")) and server.poll() is None:
            assert time.monotonic() < deadline, "the browser was not opened on the page"
            time.sleep(0.1)
        url, _, html = seen.read_text(encoding="utf-8").partition("\n")
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url) and "tg-query-page" in html
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert f"query page: {url}" in out


def test_python_api_opens_the_page(fixture_out, monkeypatch):
    import webbrowser

    from graph.api import open_graph

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    ep = open_graph(fixture_out).serve(timeout=10, open_page=True)
    try:
        for thread in [t for t in threading.enumerate() if t.name == "open-query-page"]:
            thread.join(timeout=30)
        assert opened == [ep.page_url] == [ep.url.removesuffix("sparql")]
        request = urllib.request.Request(ep.page_url, headers={"Accept": "text/html"})
        with urllib.request.urlopen(request, timeout=30) as resp:
            assert resp.headers["Content-Security-Policy"] == CSP
    finally:
        ep.close()


# ---- the vendored YASGUI ----

def test_vendored_yasgui_names_its_version_licence_and_source():
    script = (ROOT / "tools" / "vendor_yasgui.sh").read_text(encoding="utf-8")
    version = re.search(r"^VERSION=(\S+)$", script, re.M)[1]
    integrity = re.search(r"^INTEGRITY=(\S+)$", script, re.M)[1]
    notice = (YASGUI / "README.md").read_text(encoding="utf-8")
    assert version == "4.6.2" and f"**{version}**" in notice and integrity in notice
    assert (YASGUI / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")
    assert {p.name for p in YASGUI.iterdir()} == {"LICENSE", "README.md", "yasgui.min.js", "yasgui.min.css"}


def test_every_page_file_is_package_data():
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    files = [f"data/{name}" for name, _ in ASSETS.values()] + ["data/query-page.html.j2", "data/yasgui/LICENSE"]
    assert all(any(fnmatch.fnmatch(f, g) for g in globs["graph"]) for f in files), globs["graph"]


def test_no_browser_is_one_warning_line_naming_the_page(monkeypatch):
    import webbrowser

    from graph.serve.page import open_in_browser

    heard: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: False)
    open_in_browser("http://127.0.0.1:7878/", heard.append).join(timeout=30)
    assert heard == ["no web browser could be started; open http://127.0.0.1:7878/ yourself"]


def test_a_library_query_whose_header_cannot_be_read_is_one_line_500(monkeypatch, tmp_path):
    import graph.serve.page as page
    from graph.serve.tabs import library_tabs as real_tabs

    (tmp_path / "broken.rq").write_text("# title: Broken\n# param: 9lives — no name\nSELECT * {}\n", encoding="utf-8")
    monkeypatch.setattr(page, "library_tabs", lambda: real_tabs(tmp_path))
    page.page_html.cache_clear()
    try:
        status, headers, body, _ = _call(accept=BROWSER_ACCEPT)
    finally:
        page.page_html.cache_clear()
    assert status == 500 and headers["Content-Type"].startswith("text/plain") and len(body.splitlines()) == 1
    assert b"the query page cannot be built: broken: cannot read parameter line" in body
