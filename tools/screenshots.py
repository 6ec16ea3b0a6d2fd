"""Re-take the README's screenshots from the sample build: the network page and the query page.

    .venv/bin/python tools/screenshots.py            # writes docs/img/network.png and docs/img/query-page.png

It builds ``seeds/`` into a temporary folder, opens the map in headless Chromium (Debian's ``chromium``, as the
browser tests do) at 1400×900 once it has settled, then serves the build with ``tradegraph serve``'s server,
runs the library query ``person_roles`` on the query page and shoots the table. Every request that leaves the
page's own origin is refused, as in the tests. Run it after a change to the page, the map or the samples.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "img"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync"]
WIDTH, HEIGHT = 1400, 900
QUERY_NAME = "person_roles"


def _guarded(context: Any, origin: str) -> None:
    """Refuse every request that does not go to ``origin`` (the page must ask no other host)."""
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(origin) else r.abort())


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from graph.api import build_graph
    from graph.serve.server import make_server

    chromium = shutil.which("chromium")
    if chromium is None:
        print("screenshots: Debian's chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        build_graph([ROOT / "seeds"], out, show_progress=False)
        endpoint = make_server(out, port=0, timeout=20, quiet=True)
        endpoint.start_in_thread()
        try:
            _shoot(chromium, out, endpoint.page_url, title_of(QUERY_NAME))
        finally:
            endpoint.close()
    print(f"wrote {IMAGES / 'network.png'} and {IMAGES / 'query-page.png'}")
    return 0


def title_of(name: str) -> str:
    """The title of the library query ``name``, as its tab shows it."""
    from graph.serve.tabs import library_tabs

    return str(next(t["title"] for t in library_tabs() if t["name"] == name))


def _shoot(chromium: str, out: Path, page_url: str, tab: str) -> None:
    """The map of the build in ``out`` once settled, then the query page at ``page_url`` with ``tab`` run."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS, headless=True)
        context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
        _guarded(context, "file:")
        page = context.new_page()
        page.goto((out / "network.html").resolve().as_uri())
        page.wait_for_selector("body[data-state=ready]", state="attached", timeout=60_000)
        page.screenshot(path=str(IMAGES / "network.png"))
        context.close()

        context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
        _guarded(context, page_url)
        page = context.new_page()
        page.goto(page_url)
        page.wait_for_selector("body[data-state=ready]", state="attached", timeout=60_000)
        page.locator(".yasgui .tabsList .tab", has_text=tab).click()
        page.locator(".tabPanel.active .yasqe_queryButton").click()
        page.locator(".tabPanel.active .yasr table.dataTable tbody tr").first.wait_for(timeout=30_000)
        page.screenshot(path=str(IMAGES / "query-page.png"))
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
