"""Extraction of a build's documents: from the cache, in this process, in local worker processes or on Dask.

:func:`extract` takes the documents in their input order and gives back each one's named graph in the
same order, whichever way they were extracted, so the merge and everything after it see exactly what a
one-process build gives them (the output is byte-identical). It first takes what the cache
(:mod:`graph.build.cache`) holds; the rest are extracted here (:func:`graph.build.worker.outcomes`) or
sent in batches to an executor (:mod:`graph.build.pool`), their graphs coming back as N-Triples and
merged as batches complete, the progress bar fed by completions. Each new extraction is stored in the
cache. A document that fails is one line for ``on_error``; a rule that fails inside one, a line for
``on_rule_error`` (replayed from the cache too, so a rebuild says what the first build said).
"""
from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import rdflib
import spacy

from extract.text.document import Document
from extract.text.language import check_language, document_language, language_settings
from extract.text.pipeline import language_model, model_name, pipeline_for
from graph.build.cache import Cache, Entry, key_of
from graph.build.docgraph import DocGraph
from graph.build.pool import batches, completed, dask_executor, local_executor, processes_for
from graph.build.spill import Spill, Spilled
from graph.build.worker import Outcome, outcomes
from graph.errors import BuildError

__all__ = ["Extraction", "Settings", "cache_keys", "extract"]


@dataclass(frozen=True)
class Settings:
    """How to extract: the model and language options, the batch size of ``nlp.pipe``, and where.

    ``workers``: local processes (None: the machine's cores; see :func:`graph.build.pool.processes_for`);
    ``client`` (a ``distributed.Client``) or ``scheduler`` (``tcp://HOST:8786``): a Dask cluster instead;
    ``cache``: the cache folder (None: no cache).
    """

    model: str | None = None
    language: str | None = None
    batch_size: int = 16
    workers: int | None = None
    client: Any = None
    scheduler: str | None = None
    cache: Path | None = None


@dataclass
class Extraction:
    """What :func:`extract` gives: the documents extracted with their graphs (input order, each graph's lines
    kept in ``spill``, on disk), and how many of them came from the cache and how many worker processes the
    others used (1: this process)."""

    spill: Spill
    graphs: list[tuple[Document, Spilled]] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # the language each of ``graphs`` was read as
    cached: int = 0
    processes: int = 1
    unsaved: int = 0  # new extractions the cache could not store


@lru_cache(maxsize=8)
def model_identity(language: str, requested: str | None) -> tuple[str, str, str]:
    """The pipeline that reads ``language`` (as :func:`extract.text.pipeline.pipeline_for` chooses it), without
    loading it: its name, a hash of its ``meta.json`` (name, version, components…), and the versions of
    spaCy and of rdflib (which writes and reads the cached N-Triples)."""
    own = language_model(language) if language != language_settings().default else None
    name = own or model_name(requested)
    spec = None if name.startswith(("/", ".")) else importlib.util.find_spec(name)
    folder = Path(spec.origin).parent if spec and spec.origin else Path(name)
    try:
        meta = hashlib.sha256((folder / "meta.json").read_bytes()).hexdigest()
    except OSError:
        meta = "no meta.json"
    return name, meta, f"spacy {spacy.__version__}, rdflib {rdflib.__version__}"


def _key(document: Document, settings: Settings) -> str:
    """The cache key of ``document`` read with ``settings``' model and options. The language it is read as
    follows from its text and ``settings.language``, so every language's pipeline is in the key, and a cached
    document is never run through language detection again."""
    pipelines = [model_identity(lang, settings.model) for lang in language_settings().languages]
    return key_of([pipelines, check_language(settings.language),
                   document.name, document.key, document.published, document.encoding, document.text])


def cache_keys(documents: list[Document], settings: Settings) -> list[str]:
    """Each document's cache key with ``settings``' model and options, in order."""
    return [_key(d, settings) for d in documents]


def extract(documents: list[Document], settings: Settings, *, progress: Callable[[int], object] | None = None,
            on_error: Callable[[str], None] | None = None,
            on_rule_error: Callable[[str], None] | None = None, keys: list[str] | None = None,
            spill: Spill | None = None) -> Extraction:
    """Every document's named graph, in input order, from the cache or extracted as ``settings`` say
    (``keys``: their :func:`cache_keys`, when the caller has them already). The graphs' lines go to ``spill``
    as they come (a new one in the system's temporary folder when None), so that one graph at a time is held.

    Without ``on_error`` a document that fails raises (its exception in this process, a
    :class:`graph.errors.BuildError` from a worker).
    """
    requested = check_language(settings.language)
    cache = Cache(settings.cache) if settings.cache is not None else None
    keys = (keys if keys is not None else cache_keys(documents, settings)) if cache else []
    kept = spill if spill is not None else Spill()
    graphs: dict[int, Spilled] = {}
    languages: dict[int, str] = {}
    todo: list[int] = []
    for number in range(len(documents)):
        entry = cache.get(keys[number]) if cache else None
        graph = DocGraph.from_nt(entry.nt) if entry else None
        if entry is None or graph is None:
            todo.append(number)
            languages[number] = document_language(documents[number].text, requested)
            continue
        graphs[number], languages[number] = kept.put(graph.lines), entry.language
        _tell(entry.rule_errors, on_rule_error)
        if progress:
            progress(1)
    result = Extraction(kept, cached=len(graphs))

    def take(done: Iterable[Outcome]) -> None:
        for outcome in done:
            graph = DocGraph.from_rdflib(outcome.graph) if outcome.graph is not None else \
                DocGraph.from_nt(outcome.text) if outcome.text is not None else None
            _tell(outcome.rule_errors, on_rule_error)
            if graph is None:
                failure = outcome.failure or f"{documents[outcome.index].name}: extraction failed (no graph)"
                if on_error is None:
                    raise BuildError(failure)
                on_error(failure)
            else:
                graphs[outcome.index] = kept.put(graph.lines)
                if cache:
                    if not cache.put(keys[outcome.index], Entry(outcome.text or graph.to_nt(), outcome.rule_errors,
                                                            languages[outcome.index])):
                        result.unsaved += 1
            if progress:
                progress(1)

    runs = _run(documents, languages, todo, settings, strict=on_error is None, result=result)
    try:
        for done in runs:
            take(done)
    finally:
        runs.close()  # an error or Ctrl-C here stops the workers now, not whenever the generator is collected
    result.graphs = [(documents[n], graphs[n]) for n in sorted(graphs)]
    result.languages = [languages[n] for n in sorted(graphs)]
    return result


def _run(documents: list[Document], languages: Mapping[int, str], todo: list[int], settings: Settings, *,
         strict: bool, result: Extraction) -> Generator[Iterable[Outcome], None, None]:
    """The outcomes of the documents numbered ``todo``, in groups as they complete: on Dask when a client or
    scheduler is given, else in local worker processes when they pay, else here one by one."""
    if not todo:
        return
    options: dict[str, Any] = {"model": settings.model, "language": settings.language,
                               "batch_size": settings.batch_size}
    if settings.client is not None or settings.scheduler is not None:
        with dask_executor(settings.client, settings.scheduler) as (executor, workers):
            jobs = [[(n, documents[n]) for n in job] for job in batches(todo, workers, settings.batch_size)]
            yield from completed(executor, jobs, **options)
        return
    result.processes = processes_for(len(todo), settings.workers)
    for language in sorted({languages[n] for n in todo}):  # here, or before the fork: each worker starts with them
        pipeline_for(language, settings.model)
    if result.processes > 1:
        with local_executor(result.processes, settings.model) as executor:
            jobs = [[(n, documents[n]) for n in job] for job in batches(todo, result.processes, settings.batch_size)]
            yield from completed(executor, jobs, **options)
        return
    mine = [documents[n] for n in todo]
    for outcome, number in zip(outcomes(mine, [languages[n] for n in todo], model=settings.model,
                                        batch_size=settings.batch_size, strict=strict), todo, strict=True):
        yield [Outcome(number, graph=outcome.graph, failure=outcome.failure, rule_errors=outcome.rule_errors)]


def _tell(lines: Iterable[str], listener: Callable[[str], None] | None) -> None:
    """Say each rule-error line to ``listener`` (when there is one)."""
    for line in lines:
        if listener:
            listener(line)
