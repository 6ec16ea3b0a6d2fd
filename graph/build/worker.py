"""Where a document is extracted: one process's loop over ``nlp.pipe``, and the job a worker process runs.

:func:`outcomes` is the loop itself: it feeds documents through ``nlp.pipe`` (one stream per pipeline, so
spaCy's batching works) and gives one :class:`Outcome` per document, in order: its named graph, or the
one line saying why it failed, and the lines of the rules that failed inside it. It is what a one-process
build runs, and what :func:`extract_batch` runs in a worker (a local process or a Dask worker) on one
batch, returning each graph as N-Triples text, so that nothing but text and plain values crosses
between processes or machines. Document graphs hold no blank nodes (the writer names every node by
IRI), so the N-Triples lines, read back in their order, give the client the same graph, in the same
iteration order, as the worker had: the merged output is byte-identical to a one-process build.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph
from spacy.tokens import Doc

from extract.text import long_text
from extract.text.document import Document
from extract.text.language import check_language, document_language
from extract.text.pipeline import load_pipeline, pipeline_for
from extract.triples import document_graph
from graph.build.docgraph import DocGraph

__all__ = ["Outcome", "extract_batch", "outcomes", "start_worker", "to_text"]

# One batch at a time in a process: a Dask worker started with several threads would otherwise run two
# batches on the same (not thread-safe) pipeline at once.
_ONE_AT_A_TIME = threading.Lock()


@dataclass(frozen=True)
class Outcome:
    """One document's extraction: ``graph`` (in this process) or ``text`` (its N-Triples, from a worker),
    or else ``failure``, the one line saying why it failed; ``rule_errors``: one line per rule that failed
    inside it (the document was read without what that rule finds)."""

    index: int
    graph: Graph | None = None
    text: str | None = None
    failure: str | None = None
    rule_errors: tuple[str, ...] = ()


def to_text(graph: Graph) -> str:
    """A document graph as N-Triples, in the graph's own order (written by pyoxigraph: several times faster
    than rdflib's writer)."""
    return DocGraph.from_rdflib(graph).to_nt()


def outcomes(documents: list[Document], languages: list[str], *, model: str | None, batch_size: int,
             strict: bool = False, start: int = 0) -> Iterator[Outcome]:
    """Parse ``documents`` (read as ``languages``) with ``nlp.pipe`` and give each one's :class:`Outcome`,
    numbered from ``start``. A document longer than the parser's limit is parsed in pieces into one ``Doc``
    (:func:`extract.text.long_text.parse`). With ``strict`` a failure raises instead of becoming a line."""
    pipelines = [pipeline_for(lang, model) for lang in languages]
    parsed: dict[int, Iterator[Doc]] = {}  # one stream per pipeline (languages without a model share English's)
    for nlp in {id(nlp): nlp for nlp in pipelines}.values():
        mine = (d.text for d, p in zip(documents, pipelines, strict=True) if p is nlp and len(d.text) <= p.max_length)
        parsed[id(nlp)] = nlp.pipe(mine, batch_size=batch_size)
    for number, (document, lang, nlp) in enumerate(zip(documents, languages, pipelines, strict=True), start):
        rule_errors: list[str] = []
        try:
            doc = next(parsed[id(nlp)]) if len(document.text) <= nlp.max_length \
                else long_text.parse(nlp, document.text)
            graph = document_graph(doc, document, on_error=None if strict else rule_errors.append, language=lang)
        except Exception as exc:  # one bad document must not stop the build
            if strict:
                raise
            yield Outcome(number, failure=f"{document.name}: extraction failed ({type(exc).__name__}: {exc})",
                          rule_errors=tuple(rule_errors))
            continue
        yield Outcome(number, graph=graph, rule_errors=tuple(rule_errors))


def start_worker(model: str | None) -> None:
    """A local worker process's start: leave Ctrl-C and SIGTERM to the client (which stops the pool), and
    load the pipeline once (a forked worker finds it already loaded)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    load_pipeline(model)


def extract_batch(batch: list[tuple[int, Document]], model: str | None, language: str | None,
                  batch_size: int) -> list[Outcome]:
    """The job of a worker: extract one batch of numbered documents, each graph returned as N-Triples.

    The pipeline is loaded once per process (:func:`extract.text.pipeline.load_pipeline` keeps it), so a
    Dask worker, like a local one, loads it for its first batch only.
    """
    documents = [d for _, d in batch]
    languages = [document_language(d.text, check_language(language)) for d in documents]
    with _ONE_AT_A_TIME:
        load_pipeline(model)
        done = []
        for outcome, (number, _) in zip(outcomes(documents, languages, model=model, batch_size=batch_size),
                                        batch, strict=True):
            text = to_text(outcome.graph) if outcome.graph is not None else None
            done.append(Outcome(number, text=text, failure=outcome.failure, rule_errors=outcome.rule_errors))
    return done
