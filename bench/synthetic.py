"""A synthetic tradegraph dataset of a chosen size, shaped like a real build (docs/data-model.md).

The default graph holds the real reference facts (every listed institution, the
topic and role schemes) and ``tg:firstSeen``/``tg:lastSeen`` of memberships;
each document gets a named graph with its persons, organizations, memberships,
roles, places, meetings with attendees, statements with figures, and evidence.
People and organizations recur across documents with a skewed (Zipf-like)
popularity, so a few are in many documents, as in real news. The first people
include the library queries' default actors (Roberto Velasco, John Murphy, …) among
the popular ones, so per-actor queries do real work.

    python bench/synthetic.py 100000 /tmp/synthetic.trig
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.reference.institutions import load_institutions  # noqa: E402
from extract.roles.posts import role_scheme  # noqa: E402
from extract.slug import slugify  # noqa: E402
from extract.topics.scheme import load_scheme  # noqa: E402
from extract.triples import reference_graph  # noqa: E402

ID = "https://w3id.org/tradegraph/id/"
SDO, ORG, SKOS = "https://schema.org/", "http://www.w3.org/ns/org#", "http://www.w3.org/2004/02/skos/core#"
TG, PROV, DCT = "https://w3id.org/tradegraph/ontology#", "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/"
RDF_TYPE, XSD = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2001/XMLSchema#"

#: The library's default actors: (name, nationality, institution id, title, role type). They take
#: popularity ranks FAMOUS_RANKS: prominent (a few hundred documents at 1M triples), not the most
#: mentioned of all.
FAMOUS_RANKS = (5, 8, 13, 21, 34, 55)
FAMOUS = [
    ("Roberto Velasco", "MX", "mx-ministry-of-foreign-affairs", "Undersecretary for North America", "deputy-minister"),
    ("John Murphy", "US", "us-chamber-of-commerce", "Vice President", "vice-president"),
    ("Neil Herrington", "US", "us-chamber-of-commerce", "Senior Vice President", "vice-president"),
    ("Marcelo Ebrard", "MX", "mx-ministry-of-economy", "Secretary of Economy", "minister"),
    ("Jamieson Greer", "US", "us-ustr", "Trade Representative", "minister"),
    ("Francisco Cervantes", "MX", "mx-cce", "President", "chair"),
]
TITLES = [("Minister", "minister"), ("Undersecretary", "deputy-minister"), ("Ambassador", "ambassador"),
          ("Senator", "legislator"), ("President", "chair"), ("Director", "director"),
          ("Chief Executive Officer", "chief-executive"), ("Senior Manager", "staff"), ("Researcher", "researcher"),
          ("Governor", "governor"), ("Spokesperson", "officer"), ("Vice President", "vice-president")]
TRIPLES_PER_DOC = 264  # measured on this generator, used to size the population


def iri(path: str) -> str:
    return f"<{ID}{path}>"


def lit(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"' + (f"^^<{XSD}{datatype}>" if datatype else "")


class Zipf:
    """Deterministic skewed picks from ``range(n)``: item k has weight 1 / (k + 1) ** s."""

    def __init__(self, n: int, s: float, rng: random.Random) -> None:
        self.cum = list(itertools.accumulate(1 / (k + 1) ** s for k in range(n)))
        self.rng = rng

    def pick(self) -> int:
        return bisect.bisect(self.cum, self.rng.random() * self.cum[-1])

    def sample(self, k: int) -> list[int]:
        seen: dict[int, None] = {}
        while len(seen) < k:
            seen[self.pick()] = None
        return list(seen)


def reference_lines() -> tuple[list[str], list[tuple[str, str, str]]]:
    """The default graph's reference facts as N-Triples lines, and the listed institutions (iri, name, country)."""
    inst = load_institutions()
    g = reference_graph(set(inst.by_id), inst)
    g += load_scheme().as_graph()
    g += role_scheme()
    lines = sorted(line for line in g.serialize(format="nt").splitlines() if line.strip())
    listed = [(f"<{ID}org/{i.id}>", i.name, i.country) for i in inst.by_id.values()]
    return lines, listed


def generate(target_triples: int, seed: int = 7) -> str:
    """TriG text of about ``target_triples`` triples."""
    rng = random.Random(seed)
    ref, listed = reference_lines()
    topics = sorted({line.split()[0] for line in ref if "/topic/" in line.split()[0] and "scheme" not in line})
    n_docs = max(3, (target_triples - len(ref)) // TRIPLES_PER_DOC)
    n_people, n_orgs, n_places = max(40, n_docs * 3), max(30, n_docs), max(20, n_docs // 10)
    people_zipf, org_zipf = Zipf(n_people, 0.9, rng), Zipf(len(listed) + n_orgs, 1.0, rng)
    orgs = listed + [(iri(f"org/synthetic-org-{k}"), f"Synthetic Organization {k}", "US" if k % 2 else "MX")
                     for k in range(n_orgs)]
    by_id = {o[0]: o for o in orgs}

    def person(k: int) -> tuple[str, str, str, str, str, str]:
        """(iri, name, nationality, org iri, title, role type) of person k, the same in every document."""
        if k in FAMOUS_RANKS:
            name, nat, org_id, title, kind = FAMOUS[FAMOUS_RANKS.index(k)]
            return iri(f"person/{slugify(name)}"), name, nat, f"<{ID}org/{org_id}>", title, kind
        title, kind = TITLES[k % len(TITLES)]
        return (iri(f"person/synthetic-person-{k}"), f"Person {k} Synthetic", "US" if k % 2 else "MX",
                orgs[(k * 7919) % len(orgs)][0] if k % 5 else orgs[org_zipf.pick()][0], title, kind)

    seen: dict[str, list[date]] = defaultdict(list)
    events: list[str] = []
    event_facts: dict[str, list[str]] = {}
    out: list[str] = []
    start = date(2018, 1, 1)
    for i in range(n_docs):
        doc, published = iri(f"doc/synthetic-{i:06d}"), start + timedelta(days=(i * 2923) // n_docs)
        g: list[str] = []
        people = [person(k) for k in people_zipf.sample(12)]
        members = people[:8]
        doc_orgs = {p[3] for p in members} | {orgs[org_zipf.pick()][0] for _ in range(4)}
        places = [iri(f"place/synthetic-place-{rng.randrange(n_places)}") for _ in range(3)]
        about = rng.sample(topics, 3)
        g += [f"{doc} <{RDF_TYPE}> <{SDO}CreativeWork> .", f"{doc} <{DCT}source> {lit(f'synthetic-{i:06d}.txt')} .",
              f"{doc} <{SDO}name> {lit(f'Synthetic document {i}')} .",
              f"{doc} <{SDO}datePublished> {lit(published.isoformat(), 'date')} ."]
        g += [f"{doc} <{SDO}about> {t} ." for t in about]
        g += [f"{doc} <{SDO}mentions> {x} ." for x in [p[0] for p in people] + sorted(doc_orgs) + places]
        for p_iri, name, nat, _, _, _ in people:
            g += [f"{p_iri} <{RDF_TYPE}> <{SDO}Person> .", f"{p_iri} <{SDO}name> {lit(name)} .",
                  f"{p_iri} <{SDO}nationality> {lit(nat)} ."]
        for o in sorted(doc_orgs):
            g += [f"{o} <{RDF_TYPE}> <{SDO}Organization> .", f"{o} <{SDO}name> {lit(by_id[o][1])} ."]
            if by_id[o][0].startswith(f"<{ID}org/synthetic"):
                g.append(f"{o} <{SDO}addressCountry> {lit(by_id[o][2])} .")
        for p in places:
            g += [f"{p} <{RDF_TYPE}> <{SDO}Place> .", f"{p} <{SDO}name> {lit('Place ' + p.rsplit('-', 1)[-1][:-1])} ."]

        def evidence(node: str, n: int, *, doc: str = doc, i: int = i) -> list[str]:
            """The provenance block of ``node``: sentence ``n`` of this document (bound when defined)."""
            return [f"{node} <{PROV}wasDerivedFrom> {doc} .",
                    f"{node} <{TG}evidence> {lit(f'Sentence {n} of synthetic document {i}.')} .",
                    f"{node} <{TG}charStart> {lit(str(n * 100), 'integer')} .",
                    f"{node} <{TG}charEnd> {lit(str(n * 100 + 90), 'integer')} .",
                    f"{node} <{TG}extractor> {lit('synthetic')} ."]

        for n, (p_iri, _name, _, o, title, kind) in enumerate(members):
            m = iri(f"membership/{p_iri[len(ID) + 8:-1]}--{o[len(ID) + 5:-1]}--{slugify(title)}")
            role = iri(f"role/{slugify(title)}--{kind}")
            seen[m].append(published)
            g += [f"{m} <{RDF_TYPE}> <{ORG}Membership> .", f"{m} <{ORG}member> {p_iri} .",
                  f"{m} <{ORG}organization> {o} .", f"{m} <{ORG}role> {role} .",
                  f"{m} <{TG}former> {lit('true' if rng.random() < 0.1 else 'false', 'boolean')} .",
                  f"{p_iri} <{ORG}memberOf> {o} .", f"{role} <{RDF_TYPE}> <{ORG}Role> .",
                  f"{role} <{SKOS}prefLabel> {lit(title)} .", f"{role} <{TG}roleType> <{ID}roletype/{kind}> ."]
            g += evidence(m, n)
        event = None
        if rng.random() < 0.8:
            if events and rng.random() < 0.3:  # another report of a recent meeting: same date, place, topic
                event = rng.choice(events[-50:])
            else:
                event = iri(f"event/synthetic-meeting-{len(events)}")
                events.append(event)
                event_facts[event] = [
                    f"{event} <{RDF_TYPE}> <{SDO}Event> .",
                    f"{event} <{SDO}name> {lit('Meeting ' + event.rsplit('-', 1)[-1][:-1])} .",
                    f"{event} <{SDO}startDate> {lit((published - timedelta(days=1)).isoformat(), 'date')} .",
                    f"{event} <{SDO}location> {places[0]} .", f"{event} <{SDO}about> {about[0]} .",
                    f"{event} <{SDO}organizer> {sorted(doc_orgs)[0]} ."]
            g += event_facts[event]
            g += [f"{event} <{SDO}attendee> {p[0]} ." for p in people[: rng.randint(4, 8)]]
            g.append(f"{event} <{SDO}attendee> {people[0][3]} .")
            if rng.random() < 0.1:
                g.append(f"{event} <{TG}planned> {lit('true', 'boolean')} .")
            g += evidence(event, 9)
        for n in range(3):
            s = iri(f"statement/synthetic-{i:06d}--{n + 1}")
            g += [f"{s} <{RDF_TYPE}> <{TG}Statement> .", f"{s} <{TG}speaker> {people[n][0]} .",
                  f"{s} <{SDO}text> {lit(f'What {people[n][1]} said in document {i}.')} .",
                  f"{s} <{SDO}about> {about[n]} ."]
            if event and n == 0:
                g.append(f"{s} <{TG}madeAt> {event} .")
            if n == 1:
                f = f"_:fig{i}x{n}"
                g += [f"{s} <{TG}figure> {f} .", f"{f} <{RDF_TYPE}> <{TG}Figure> .",
                      f"{f} <{SDO}value> {lit(str(rng.randint(1, 900)), 'decimal')} .",
                      f"{f} <{SDO}unitText> {lit('USD')} .", f"{f} <{TG}measures> {lit('trade')} .",
                      f"{f} <{SDO}description> {lit('some billion dollars')} ."]
            g += evidence(s, 10 + n)
        out.append(f"{doc} {{\n" + "\n".join(dict.fromkeys(g)) + "\n}\n")
    default = ref + [line for m, dates in sorted(seen.items()) for line in (
        f"{m} <{TG}firstSeen> {lit(min(dates).isoformat(), 'date')} .",
        f"{m} <{TG}lastSeen> {lit(max(dates).isoformat(), 'date')} .")]
    return "{\n" + "\n".join(default) + "\n}\n" + "".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("triples", type=int)
    p.add_argument("path", type=Path)
    args = p.parse_args(argv)
    args.path.write_text(generate(args.triples), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
