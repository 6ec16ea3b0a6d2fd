"""Fixtures for graph/ tests: a tiny hand-built dataset, and a real headless Chromium driven by Playwright."""
from __future__ import annotations

import math
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Literal, URIRef

from extract.vocab import DCTERMS, ID, ORG, PROV, RDF, SDO, SKOS, TG, XSD
from graph.build.store import new_dataset

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium as the machine notes say to start it; Playwright adds a fresh --user-data-dir itself
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                  "--disable-component-update", "--disable-sync"]


def make_dataset(*, person: str = "Ana Ruiz", org: str = "Harbour Council", meeting: str = "Border Talks",
                 source: str = "a.txt",
                 sentence: str = "Ana Ruiz, Director of the Harbour Council, met Bob Lee.") -> Dataset:
    """Two documents' graphs and reference facts, shaped as docs/data-model.md describes.

    ``a.txt``: Ana (MX) is Director of the Harbour Council (US); Ana, Bob and the Council attend a meeting in
    Washington organized by Commerce, about the USMCA review, where Bob says something about it.
    ``b.txt``: Bob is a former Undersecretary at Commerce. Reference facts: Commerce is part of the U.S.
    government, an agency is part of both (the chain's top too, as the institution list gives it).
    """
    ds = new_dataset()
    ana, bob = ID["person/ana-ruiz"], ID["person/bob-lee"]
    council, commerce, gov, agency = (ID["org/harbour-council"], ID["org/us-commerce"], ID["org/us-gov"],
                                      ID["org/us-agency"])
    event, place, topic = ID["event/border-talks--2024-01-22"], ID["place/washington"], ID["topic/usmca-review"]
    default = ds.default_graph
    for node, name in [(commerce, "U.S. Department of Commerce"), (gov, "Government of the United States"),
                       (agency, "U.S. Trade Agency")]:
        default.add((node, RDF.type, SDO.Organization))
        default.add((node, SDO.name, Literal(name)))
        default.add((node, SDO.addressCountry, Literal("US")))
    default.add((commerce, ORG.subOrganizationOf, gov))
    default.add((agency, ORG.subOrganizationOf, commerce))
    default.add((agency, ORG.subOrganizationOf, gov))
    default.add((topic, RDF.type, SKOS.Concept))
    default.add((topic, SKOS.prefLabel, Literal("USMCA review", lang="en")))
    default.add((topic, SKOS.prefLabel, Literal("revisión del T-MEC", lang="es")))

    def membership(g: Any, m: URIRef, person: URIRef, org: URIRef, role: str, title: str, former: bool) -> None:
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, person))
        g.add((m, ORG.organization, org))
        g.add((m, ORG.role, ID[f"role/{role}"]))
        g.add((ID[f"role/{role}"], SKOS.prefLabel, Literal(title)))
        g.add((m, TG.former, Literal(former)))

    def evidence(g: Any, node: URIRef, doc: URIRef, text: str, start: int) -> None:
        g.add((node, PROV.wasDerivedFrom, doc))
        g.add((node, TG.evidence, Literal(text)))
        g.add((node, TG.charStart, Literal(start, datatype=XSD.integer)))
        g.add((node, TG.charEnd, Literal(start + len(text), datatype=XSD.integer)))
        g.add((node, TG.extractor, Literal("test")))

    doc_a, doc_b = ID["doc/a"], ID["doc/b"]
    a = ds.graph(doc_a)
    a.add((doc_a, RDF.type, SDO.CreativeWork))
    a.add((doc_a, DCTERMS.source, Literal(source)))
    a.add((doc_a, SDO.name, Literal("Talks in Washington")))
    a.add((doc_a, SDO.about, topic))
    for node in (ana, bob, council, commerce, event, place):
        a.add((doc_a, SDO.mentions, node))
    a.add((ana, RDF.type, SDO.Person))
    a.add((ana, SDO.name, Literal(person)))
    a.add((ana, SDO.alternateName, Literal("A. Ruiz")))
    a.add((ana, SDO.nationality, Literal("MX")))
    a.add((bob, RDF.type, SDO.Person))
    a.add((bob, SDO.name, Literal("Bob Lee")))
    a.add((bob, SDO.nationality, Literal("US")))
    a.add((council, RDF.type, SDO.Organization))
    a.add((council, SDO.name, Literal(org)))
    a.add((council, SDO.addressCountry, Literal("US")))
    a.add((place, RDF.type, SDO.Place))
    a.add((place, SDO.name, Literal("Washington")))
    membership(a, ID["membership/ana-ruiz--harbour-council--director"], ana, council, "director--director",
               "Director", False)
    a.add((ana, ORG.memberOf, council))
    evidence(a, ID["membership/ana-ruiz--harbour-council--director"], doc_a, sentence, 0)
    a.add((event, RDF.type, SDO.Event))
    a.add((event, SDO.name, Literal(meeting)))
    a.add((event, SDO.startDate, Literal("2024-01-22", datatype=XSD.date)))
    a.add((event, SDO.location, place))
    a.add((event, SDO.organizer, commerce))
    a.add((event, SDO.about, topic))
    for actor in (ana, bob, council):
        a.add((event, SDO.attendee, actor))
    evidence(a, event, doc_a, "They met at the Border Talks in Washington on January 22, 2024.", 60)
    st = ID["statement/a--1"]
    a.add((st, RDF.type, TG.Statement))
    a.add((st, TG.speaker, bob))
    a.add((st, SDO.text, Literal("The review must keep the agreement whole.")))
    a.add((st, SDO.about, topic))
    a.add((st, TG.madeAt, event))
    evidence(a, st, doc_a, "“The review must keep the agreement whole,” Bob Lee said.", 130)

    b = ds.graph(doc_b)
    b.add((doc_b, RDF.type, SDO.CreativeWork))
    b.add((doc_b, DCTERMS.source, Literal("b.txt")))
    b.add((doc_b, SDO.name, Literal("A look back")))
    b.add((doc_b, SDO.mentions, bob))
    b.add((doc_b, SDO.mentions, commerce))
    b.add((bob, RDF.type, SDO.Person))
    b.add((bob, SDO.name, Literal("Bob Lee")))
    m2 = ID["membership/bob-lee--us-commerce--undersecretary"]
    membership(b, m2, bob, commerce, "undersecretary--deputy-minister", "Undersecretary", True)
    evidence(b, m2, doc_b, "Bob Lee, a former Undersecretary of Commerce, looked back.", 0)
    return ds


@pytest.fixture
def tiny_dataset() -> Dataset:
    return make_dataset()


@pytest.fixture
def dataset_factory() -> Callable[..., Dataset]:
    """:func:`make_dataset`, for tests that need other names (hostile ones, say)."""
    return make_dataset


# ---- the browser ----

@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium, installed with apt once per session when missing (CI runs as root on a fresh machine)."""
    if CHROMIUM.exists():
        return CHROMIUM
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        pytest.skip(f"{CHROMIUM} is missing and apt-get is not available to install it "
                    "(run `apt-get install chromium` as root)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in ([apt, "update", "-qq"], [apt, "install", "-y", "-qq", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1200)
        if done.returncode != 0:
            pytest.fail(f"`{' '.join(command)}` failed ({done.returncode}):\n{done.stderr[-3000:]}")
    assert CHROMIUM.exists(), "apt-get installed chromium but /usr/bin/chromium is missing"
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_FLAGS, headless=True)
        yield launched
        launched.close()


@dataclass
class OpenedPage:
    """A page opened from a file, with every console error and every request that left ``file:``/``data:``."""

    page: Any
    errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)

    def wait_until(self, expression: str, timeout: float = 20.0) -> Any:
        """Poll a JS expression until it is truthy (``wait_for_function`` would need eval, which the CSP forbids)."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.page.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {expression}")
            time.sleep(0.05)

    def screen_point(self, node_id: str) -> tuple[float, float]:
        """Where a node is drawn, in page coordinates."""
        box = self.page.locator("#network").bounding_box()
        point = self.page.evaluate(
            "(id) => tg.network.canvasToDOM(tg.network.getPosition(id))", node_id)
        return box["x"] + point["x"], box["y"] + point["y"]

    def centred_on(self, node_id: str) -> bool:
        view = self.page.evaluate("(id) => [tg.network.getViewPosition(), tg.network.getPosition(id)]", node_id)
        return math.dist((view[0]["x"], view[0]["y"]), (view[1]["x"], view[1]["y"])) < 2.0


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[[Path], OpenedPage]]:
    """Open an HTML file in a fresh browser context and wait until the map has settled."""
    contexts: list[Any] = []

    def opener(path: Path, *, width: int = 1400, height: int = 900) -> OpenedPage:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = OpenedPage(page)

        def route(r: Any) -> None:
            if r.request.url.startswith(("file:", "data:")):
                r.continue_()
            else:
                opened.foreign_requests.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("request", lambda req: None if req.url.startswith(("file:", "data:"))
                else opened.foreign_requests.append(req.url))
        page.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("body[data-state=ready]", state="attached", timeout=60_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def fixture_out(tmp_path_factory):
    """A build folder holding the query store of the hand-made fixture (``data/queries_fixture.trig``)."""
    from graph.build.oxstore import write_store

    out = tmp_path_factory.mktemp("fixture-build")
    write_store(Path(__file__).parent / "data" / "queries_fixture.trig", out / "store")
    return out
