"""How fast the network view is made and how fast it settles in headless Chromium, on a synthetic graph.

    .venv/bin/python bench/render_speed.py [--nodes 2000] [--runs 3] [--triples 110000]   (make bench-render)

Two graphs, both RDF in one named graph per document, so the timing includes the projection:
"uniform" has exactly ``--nodes`` actors shaped like ours (people, institutions, meetings, places,
topics; memberships, hierarchy, attendance, statements) linked at random; "realistic" is
``bench/synthetic.py``'s build-like dataset of ``--triples`` triples (skewed popularity: a few hubs).
Each page is opened from a file in Debian's Chromium, started with the flags the tests use;
"settled" is the page's own mark (``tg.readyAt``: layout done, physics off), in milliseconds
since navigation. Prints a Markdown table for BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Dataset, Literal, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract.vocab import DCTERMS, ID, ORG, PROV, RDF, SDO, SKOS, TG  # noqa: E402
from graph.build.store import new_dataset  # noqa: E402
from graph.network.render import DEFAULT_MAX_NODES, render_network, view_network  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync"]


def synthetic_dataset(nodes: int, seed: int = 7) -> Dataset:
    """``nodes`` actors: 40% people, 45% institutions, 7.5% meetings, 5% places, 2.5% topics, all linked."""
    rng = random.Random(seed)
    n_person, n_org, n_meeting, n_place = int(nodes * .40), int(nodes * .45), int(nodes * .075), int(nodes * .05)
    n_topic = nodes - n_person - n_org - n_meeting - n_place
    people = [ID[f"person/p{i}"] for i in range(n_person)]
    orgs = [ID[f"org/o{i}"] for i in range(n_org)]
    meetings = [ID[f"event/m{i}"] for i in range(n_meeting)]
    places = [ID[f"place/l{i}"] for i in range(n_place)]
    topics = [ID[f"topic/t{i}"] for i in range(n_topic)]
    ds = new_dataset()
    for i, t in enumerate(topics):
        ds.default_graph.add((t, RDF.type, SKOS.Concept))
        ds.default_graph.add((t, SKOS.prefLabel, Literal(f"Topic {i}", lang="en")))
    for o in orgs[: n_org // 3]:
        ds.default_graph.add((o, ORG.subOrganizationOf, rng.choice(orgs[n_org // 3:])))
    per_doc = 20
    actors = people + orgs + meetings + places
    for d in range(0, len(actors), per_doc):
        doc = ID[f"doc/d{d}"]
        g = ds.graph(doc)
        g.add((doc, DCTERMS.source, Literal(f"d{d}.txt")))
        g.add((doc, SDO.name, Literal(f"Document {d}")))
        g.add((doc, SDO.about, rng.choice(topics)))
        for node in actors[d:d + per_doc]:
            g.add((doc, SDO.mentions, node))
            kind = str(node).rsplit("/", 2)[-2]
            cls = {"person": SDO.Person, "org": SDO.Organization, "event": SDO.Event, "place": SDO.Place}[kind]
            g.add((node, RDF.type, cls))
            g.add((node, SDO.name, Literal(f"{kind.title()} {str(node).rsplit('/', 1)[-1]}")))
            if kind in {"person", "org"}:
                g.add((node, SDO.nationality if kind == "person" else SDO.addressCountry,
                       Literal(rng.choice(["US", "MX", "MX", "US", "CA"]))))
            sentence = Literal(f"A sentence about {node}.")
            if kind == "person":
                for k in range(rng.choice([1, 1, 2])):
                    m = URIRef(f"{ID}membership/{str(node).rsplit('/', 1)[-1]}-{k}")
                    for pred, obj in [(RDF.type, ORG.Membership), (ORG.member, node),
                                      (ORG.organization, rng.choice(orgs)), (ORG.role, ID["role/director"]),
                                      (PROV.wasDerivedFrom, doc), (TG.evidence, sentence)]:
                        g.add((m, pred, obj))
                if rng.random() < .3:
                    st = URIRef(f"{ID}statement/{str(node).rsplit('/', 1)[-1]}")
                    for pred, obj in [(RDF.type, TG.Statement), (TG.speaker, node), (SDO.text, Literal("We said so.")),
                                 (SDO.about, rng.choice(topics)), (TG.evidence, sentence)]:
                        g.add((st, pred, obj))
            if kind == "event":
                i = meetings.index(node)
                g.add((node, SDO.location, places[i % len(places)]))
                g.add((node, SDO.about, topics[i % len(topics)]))
                g.add((node, TG.evidence, sentence))
                for a in rng.sample(people, 12) + rng.sample(orgs, 4):
                    g.add((node, SDO.attendee, a))
    ds.default_graph.add((ID["role/director"], SKOS.prefLabel, Literal("Director")))
    return ds


def settle_ms(page_path: Path, browser, *, show_more: bool = False) -> tuple[float, float, float | None]:
    """Milliseconds to settled, milliseconds a frame takes afterwards, and (optionally) one 'Show more' click."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-state=ready]", state="attached", timeout=120_000)
    ready = page.evaluate("tg.readyAt")
    frame = page.evaluate("""() => new Promise((done) => {
        const times = []; let start = 0;
        tg.network.on("beforeDrawing", () => { start = performance.now(); });
        tg.network.on("afterDrawing", () => { times.push(performance.now() - start);
            if (times.length < 5) tg.network.redraw(); else done(times.sort((a, b) => a - b)[2]); });
        tg.network.redraw(); })""")
    more = None
    if show_more and page.evaluate("!document.getElementById('more').hidden"):
        more = page.evaluate("() => { const t = performance.now(); document.getElementById('more').click();"
                             " return performance.now() - t; }")
    context.close()
    return ready, frame, more


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--triples", type=int, default=110_000, help="size of the realistic graph (0: skip it)")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: `apt-get install chromium` (or run the browser tests once)")
    from playwright.sync_api import sync_playwright

    cases = [("uniform", synthetic_dataset(args.nodes))]
    if args.triples:
        from synthetic import generate  # bench/synthetic.py

        realistic = new_dataset()
        realistic.parse(data=generate(args.triples), format="trig")
        cases.append(("realistic", realistic))
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, ds in cases:
            view = view_network(ds)[0]
            size = view.number_of_nodes()
            for max_nodes in sorted({DEFAULT_MAX_NODES, size}):
                path = Path(tmp) / f"{name}-{max_nodes}.html"
                t = time.perf_counter()
                render_network(ds, path, max_nodes=max_nodes)
                write_s = time.perf_counter() - t
                runs = [settle_ms(path, browser, show_more=True) for _ in range(args.runs)]
                more = [r[2] for r in runs if r[2] is not None]
                rows.append(f"| {name} | {size:,} / {view.number_of_edges():,} | {min(max_nodes, size):,} "
                            f"| {write_s:.1f} s | {path.stat().st_size / 1e6:.1f} MB "
                            f"| {statistics.median(r[0] for r in runs) / 1000:.1f} s "
                            f"| {statistics.median(r[1] for r in runs):.0f} ms "
                            f"| {f'{statistics.median(more):.0f} ms' if more else '—'} |")
                print(rows[-1], file=sys.stderr)
        browser.close()
    print("| graph | nodes / edges | drawn at start | project + write page | page size | "
          "open → settled (median) | one frame after | 'Show more' click |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
