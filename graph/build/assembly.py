"""The dataset from the documents' graphs: actors merged across documents, reference facts added, all of it
streamed in the canonical order, one document's graph in memory at a time.

The documents' lines wait on disk (:mod:`graph.build.spill`). :func:`assemble` reads them twice, one document
at a time: first into the merge's compact records (:mod:`graph.build.records`) and the dates each membership
was seen, from which the merge decides (:func:`graph.build.merge.resolve_actors`); then, in the order of the
documents' IRIs, to rewrite each graph (:func:`graph.build.merge.rewrite`), sort its lines and write them to a
temporary N-Quads file, while their union is gathered by an external sort (:mod:`graph.build.union`). What
it returns streams the quads (the reference facts of the default graph first, then the named graphs) and the
union, each in the canonical order of :class:`graph.build.quads.Lines`, so the files, the query store and the
page are written from streams of a size that does not grow with the number of documents.

A named graph's line that is also a reference fact (an institution's parent, as the list of institutions says
it) stays in the default graph only: such a line's subject is a listed institution the document names, whose
reference facts the default graph always holds, so those lines are known before any document is rewritten.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Graph

from extract.iris import document_iri, org_iri
from extract.reference.institutions import load_institutions
from extract.roles.posts import role_scheme
from extract.text.document import Document
from extract.topics.scheme import load_scheme
from extract.triples import reference_graph
from extract.vocab import ORG
from graph.build.merge import Judgements, Merge, resolve_actors, rewrite
from graph.build.records import Actors, read_document
from graph.build.spill import Spilled
from graph.build.terms import to_ox
from graph.build.timeline import Seen
from graph.build.union import SortedUnion

__all__ = ["Assembled", "assemble"]

_PART_OF = f"<{ORG.subOrganizationOf}>"


@dataclass
class Assembled:
    """The assembled dataset, ready to be streamed once: :meth:`quads` then :meth:`triples` (or either alone),
    and the merges made. :meth:`close` removes its temporary files (reading the union to its end does too)."""

    default: list[str]  # the default graph's lines, sorted
    named: IO[bytes]  # the named graphs as N-Quads, by graph IRI, each graph's lines sorted
    union: SortedUnion
    merges: list[Merge]
    size: int  # quads in all

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad in the canonical order, parsed as it is read."""
        text = "".join(f"{line} .\n" for line in self.default).encode("utf-8")
        yield from ox.parse(text, format=ox.RdfFormat.N_TRIPLES)
        self.named.seek(0)
        yield from ox.parse(self.named, format=ox.RdfFormat.N_QUADS)

    def triples(self) -> Iterator[ox.Triple]:
        """The triples of every graph, each once, in the order of their N-Triples forms (what graph.ttl holds)."""
        for lines in _chunks(self.union.lines(), 4096):
            yield from (q.triple for q in ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))

    def close(self) -> None:
        self.named.close()
        self.union.close()


def _chunks(lines: Iterator[str], size: int) -> Iterator[list[str]]:
    """``lines`` as N-Triples lines (`` .`` and a line break added), ``size`` at a time."""
    chunk: list[str] = []
    for line in lines:
        chunk.append(f"{line} .\n")
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def assemble(extracted: list[tuple[Document, Spilled]], judgements: Judgements, *,
             scratch: Path | None = None) -> Assembled:
    """Merge actors across documents and put reference facts in the default graph; ``scratch``: the folder
    for the temporary files (the system's when None)."""
    inst = load_institutions()
    actors, seen = Actors(), Seen()
    for document, kept in extracted:  # first pass: what the merge decides on
        iri, g = document_iri(document), kept.graph()
        read_document(actors, iri, g)
        seen.read(iri, g)
    fixed = {org_iri(i.name, i.id): i.name for i in inst.by_id.values()}
    found = resolve_actors(actors, judgements, fixed_names=fixed)
    del actors
    parents = _reference_parents()
    named: IO[bytes] = tempfile.TemporaryFile(prefix=".tradegraph-quads-", dir=scratch)
    union = SortedUnion(scratch)
    listed: set[str] = set()
    size = 0
    try:
        ordered = sorted(((f"<{document_iri(d)}>", kept) for d, kept in extracted), key=lambda pair: pair[0])
        for name, kept in ordered:  # second pass: each graph rewritten, in the order of the graphs' IRIs
            nodes: set[str] = set()  # every IRI the lines name, after the merge
            lines = sorted(set(rewrite(kept.lines(), found, named=nodes)) - parents)
            listed.update(key for n in nodes if (key := n[1:-1].rsplit("/", 1)[-1]) in inst.by_id)
            named.write("".join(f"{line} {name} .\n" for line in lines).encode("utf-8"))
            union.update(lines)
            size += len(lines)
        default = seen.graph()
        default += load_scheme().as_graph()
        default += role_scheme()
        default += reference_graph(listed, inst)
        facts = sorted(_lines(default))
        union.update(facts)
    except BaseException:
        named.close()
        union.close()
        raise
    return Assembled(facts, named, union, found.merges, size + len(facts))


def _lines(g: Graph) -> set[str]:
    """The N-Triples lines (without `` .``) of an rdflib graph."""
    return {str(ox.Triple(to_ox(s), to_ox(p), to_ox(o))) for s, p, o in g}  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _reference_parents() -> frozenset[str]:
    """Every ``org:subOrganizationOf`` line the reference facts can hold: those of every listed institution,
    the topic scheme and the role scheme."""
    inst = load_institutions()
    g = reference_graph(set(inst.by_id), inst)
    g += load_scheme().as_graph()
    g += role_scheme()
    return frozenset(line for line in _lines(g) if line.split(" ", 2)[1] == _PART_OF)

