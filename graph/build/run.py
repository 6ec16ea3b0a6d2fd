"""Build: documents on disk -> extraction per document -> merged dataset -> files in ``out/``.

Extraction stays a pure function per document (:func:`extract.triples.document_graph`);
this module only feeds it batches through ``nlp.pipe`` and gathers the results. The build writes the
RDF, the query store and the merge record; views of the result (the network page) are written by
their own modules, handed in as ``pages`` so that they land in the same folder swap
(:func:`graph.api.build_graph` and the CLI pass the network page).
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Mapping
from contextlib import closing
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from rdflib import Dataset

from extract.errors import InputError, TradegraphError
from extract.text.document import Document
from extract.text.encodings import UTF8
from extract.text.language import check_language
from extract.text.pipeline import model_name
from graph.build import outdir, reuse, sources, store
from graph.build.assembly import Assembled, assemble
from graph.build.cache import default_dir
from graph.build.engine import Settings, cache_keys, extract
from graph.build.memory import give_back
from graph.build.merge import Merge, load_judgements
from graph.build.pipelines import pipeline_lines
from graph.build.spill import Spill
from graph.build.timings import Timings, mark_checkpoint
from graph.network.readable import QuadIndex, Readable
from graph.network.storeread import StoreReadable
from graph.network.summary import summarize

JUDGEMENTS = "judgements.yaml"
MERGES = "merges.json"
CHECKPOINTS = ("extracted", "rdf", "store", "page", "written")
# A test hook: called with each of CHECKPOINTS as a build passes it ("extracted": nothing written yet;
# "rdf", "store", "page": that part written into the fresh folder; "written": all of it, before the swap).
# Tests set it to raise KeyboardInterrupt or to pause there; it is None otherwise.
on_checkpoint: Callable[[str], None] | None = None
#: Up to this many quads (~5,000 documents) the pages read the dataset from an index in memory, filled while the
#: query store loads (faster); above it they read the loaded store, so the build's memory does not grow with
#: the dataset (graph.network.storeread). The pages are the same bytes either way.
INDEXED_UP_TO = 1_000_000
#: A view written with the build: given the dataset and the fresh folder, it writes its file there and returns its path.
Page = Callable[[Readable, Path], Path]


@dataclass
class BuildResult:
    """What a build made: the files written, the documents built, and what went wrong on the way.

    ``dataset`` is the built dataset as an rdflib ``Dataset``, read from ``graph.trig`` when first asked
    for (the build itself never holds one: at scale it would cost more memory than everything else).
    """

    documents: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # one line per file not built: its path and why
    notes: list[str] = field(default_factory=list)  # one line per file read with a caveat (its encoding)
    merges: list[Merge] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    cached: int = 0  # how many of ``documents`` came from the extraction cache
    processes: int = 1  # local processes that extracted the others (1: the build's own; on Dask: 1)
    timings: dict[str, float] = field(default_factory=dict)  # phase -> seconds (graph.build.timings.PHASES)
    summary: dict[str, int] = field(default_factory=dict)  # graph.network.summary.summarize of the dataset
    reused: bool = False  # nothing changed since the build in ``out``, which was kept as it was (graph.build.reuse)

    @cached_property
    def dataset(self) -> Dataset:
        """The built dataset, read from ``files["trig"]``."""
        return store.load(self.files["trig"])


def build(paths: list[Path], out: Path, *, model: str | None = None, language: str | None = None,
          batch_size: int = 16,
          judgements_file: Path | None = None, show_progress: bool = True, pages: Mapping[str, Page] | None = None,
          warn: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr),
          workers: int | None = None, client: Any = None, scheduler: str | None = None,
          cache: Path | bool = True) -> BuildResult:
    """Build the graph of every document under ``paths`` into ``out``.

    Every file is accounted for in the result: a file skipped (unsupported kind, broken link, not a
    regular file, too large, empty, undecodable) or whose extraction failed is a line of ``failures``,
    a file read in another encoding than UTF-8 a line of ``notes``. The caller reports both lists (the
    CLI prints them at the end, after the progress bar); ``warn`` is for what is not about a whole file.

    The build is one unit (:mod:`graph.build.outdir`): it holds a lock beside ``out`` (a second build into
    the same folder stops at once with :class:`graph.build.outdir.BuildLocked`), writes every file into a
    fresh folder beside it and swaps that folder in at the end, so ``out`` holds one whole build, and
    an error or interrupt anywhere leaves the previous build as it was. ``files`` name paths in ``out``,
    by kind: ``trig``, ``ttl``, ``store``, ``merges`` and the keys of ``pages`` (views written into the
    same folder before the swap, such as :func:`graph.network.render.write_main_page` as ``html``).
    ``language`` reads every document as that language (``"en"``, ``"es"``); ``None`` or ``"auto"``
    detects each document's own.

    Where documents are extracted (:mod:`graph.build.engine`): in ``workers`` local processes (None: the
    machine's cores, at most one per :data:`graph.build.pool.DOCS_PER_PROCESS` documents to extract; a
    small build stays in this process), or on a Dask cluster (``client``, a ``distributed.Client``, or
    ``scheduler``, ``tcp://HOST:8786``). ``cache``: True keeps each document's extraction in
    ``.out-cache`` beside ``out`` (:mod:`graph.build.cache`), a path puts it there, False uses none; a
    rebuild extracts only new or changed documents. The output is the same bytes whichever way.
    """
    check_language(language)  # an unknown language is said before anything is read
    if workers is not None and workers < 1:
        raise TradegraphError(f"--workers must be 1 or more, not {workers}")
    inventory = sources.collect(paths, companions=[JUDGEMENTS])
    folder = outdir.target(out, [*paths, *([judgements_file] if judgements_file else [])])
    settings = Settings(model=model, language=language, batch_size=batch_size, workers=workers, client=client,
                        scheduler=scheduler, cache=default_dir(folder) if cache is True else (cache or None))
    with outdir.term_as_interrupt(), outdir.locked(folder):
        result = _build_locked(inventory, paths, folder, settings=settings,
                               judgements_file=judgements_file, show_progress=show_progress, warn=warn,
                               pages=pages or {})
    result.files = {key: out / path.relative_to(folder) for key, path in result.files.items()}
    return result


def _build_locked(inventory: sources.Inventory, paths: list[Path], out: Path, *, settings: Settings,
                  judgements_file: Path | None, show_progress: bool,
                  warn: Callable[[str], None], pages: Mapping[str, Page]) -> BuildResult:
    """:func:`build` once the lock on ``out`` is held: read, extract, write a fresh folder, swap it in.
    Nothing in ``out`` changes before the swap; an error before it leaves the previous build whole."""
    clock = Timings()
    files = inventory.files
    keys = sources.unique_keys(files)
    failures: list[str] = [str(s) for s in inventory.skipped]
    notes: list[str] = []
    documents: list[Document] = []
    for f in files:
        try:
            documents.append(sources.read_document(f, keys[f], cache=settings.cache))
        except InputError as exc:
            failures.append(str(exc))
            continue
        if documents[-1].encoding != UTF8:
            notes.append(f"{f}: read as {documents[-1].encoding} (not UTF-8)")
    if not documents:  # said before the model is loaded
        raise _nothing_built(len(files) + len(inventory.skipped), failures, out)
    rulings = judgements_file or _default_judgements(paths)
    judgements = load_judgements(rulings)
    said: list[str] = []  # what the build tells ``warn`` about its documents, kept for a reused build to repeat

    def tell(line: str) -> None:
        said.append(line)
        warn(line)

    entry_keys = cache_keys(documents, settings) if settings.cache is not None else None
    key = reuse.build_key(entry_keys, rulings if rulings.exists() else None, pages) if entry_keys is not None else ""
    clock.mark("read")
    if key and (kept := reuse.reusable(out, key)):
        return _reused(kept, out, clock, failures=failures, notes=notes, warn=warn)

    model_name(settings.model)  # a missing model is reported before any progress bar is drawn (loaded if needed)
    bar = None
    if show_progress and len(documents) > 1:
        from tqdm import tqdm

        bar = tqdm(total=len(documents), unit="doc", desc="extracting", file=sys.stderr, leave=False)
    spill = Spill(out.parent)  # the documents' lines wait on disk until the merge reads them
    try:
        try:
            extraction = extract(documents, settings, progress=bar.update if bar else None,
                                 on_error=failures.append, on_rule_error=tell, keys=entry_keys, spill=spill)
        finally:
            if bar:
                bar.close()
        extracted = extraction.graphs
        for line in pipeline_lines(Counter(extraction.languages), settings.model):
            tell(line)
        if extraction.unsaved:
            warn(f"{settings.cache}: {extraction.unsaved} extraction(s) could not be stored in the cache (is it "
                 f"writable?); the build goes on without them")
        if not extracted:
            raise _nothing_built(len(files) + len(inventory.skipped), failures, out)
        clock.mark("extract")
        _checkpoint("extracted")
        give_back()  # what gathering the workers' graphs freed, before the merge's records are read
        assembled = assemble(extracted, judgements, scratch=out.parent)
    finally:
        spill.close()
    give_back()  # the merge's records are gone: the files and the store are written without their memory
    clock.mark("merge")
    names = [d.name for d, _ in extracted]
    summary: dict[str, int] = {}
    with clock.active(), outdir.fresh(out) as work:
        written = _write(assembled, work, pages, summary)
        reuse.write(work, reuse.Manifest(key, names, summary, said,
                                         {kind: str(path.relative_to(work)) for kind, path in written.items()}))
    return BuildResult(names, failures=failures, notes=notes, merges=assembled.merges, summary=summary,
                       files={key: out / path.relative_to(work) for key, path in written.items()},
                       cached=extraction.cached, processes=extraction.processes, timings=clock.seconds)


def _write(assembled: Assembled, work: Path, pages: Mapping[str, Page], summary: dict[str, int]) -> dict[str, Path]:
    """Every file of a build, written into the fresh folder ``work``; returns their paths by kind and fills
    ``summary`` with the dataset's counts."""
    from graph.build.oxstore import STORE_DIR, Loading

    try:
        written = store.write_quads(assembled.quads(), work, union=assembled.triples())
    except BaseException:
        assembled.close()
        raise
    _checkpoint("rdf")
    # the store loads in a thread (pyoxigraph releases the GIL) while this one writes the pages
    loading = Loading(written["trig"], work / STORE_DIR, written["ttl"])
    try:
        with closing(assembled):
            if assembled.size <= INDEXED_UP_TO:  # the pages read the quads in plain dicts, beside the store's load
                source: Readable = QuadIndex(assembled.quads())
            else:  # or the store itself, once loaded: what they read then stays on disk
                assembled.close()
                written["store"] = loading.result()
                give_back()  # the bulk loader's buffers, before the pages read the store
                _checkpoint("store")
                source = StoreReadable.open(written["store"])
        summary.update(summarize(source))
        for kind, page in pages.items():
            written[kind] = page(source, work)
        del source  # a store read here is closed before the folder is swapped in
        _checkpoint("page")
    except BaseException:
        loading.join()  # nothing is left writing into the folder that is about to be removed
        raise
    if "store" not in written:
        written["store"] = loading.result()  # the store's time not spent beside the pages is the "store" phase
        _checkpoint("store")
    outdir.atomic_write(work / MERGES, json.dumps([asdict(m) for m in assembled.merges], indent=2,
                                                 ensure_ascii=False).encode("utf-8") + b"\n")
    written["merges"] = work / MERGES
    _checkpoint("written")
    return written


def _reused(kept: reuse.Manifest, out: Path, clock: Timings, *, failures: list[str], notes: list[str],
            warn: Callable[[str], None]) -> BuildResult:
    """The result of a build whose inputs are those of the build in ``out`` (:mod:`graph.build.reuse`):
    ``out`` is left as it is; the lines that build said are said again, and its report is returned."""
    for line in kept.said:
        warn(line)
    try:
        recorded = json.loads((out / MERGES).read_text(encoding="utf-8"))
        merges = [Merge(m["kind"], m["into"], m["merged"], tuple(m["names"]), m["reason"]) for m in recorded]
    except (OSError, ValueError, KeyError, TypeError):
        merges = []
    for phase in ("extract", "merge", "write", "store", "page"):
        clock.mark(phase)  # nothing to do: each phase takes the moment it takes to say so
    return BuildResult(kept.documents, failures=failures, notes=notes, merges=merges, summary=kept.summary,
                       files={kind: out / name for kind, name in kept.files.items()}, cached=len(kept.documents),
                       timings=clock.seconds, reused=True)


def _checkpoint(stage: str) -> None:
    """Tell the test hook :data:`on_checkpoint` (and the build's clock) that the build reached ``stage``."""
    mark_checkpoint(stage)
    if on_checkpoint is not None:
        on_checkpoint(stage)


def _nothing_built(count: int, failures: list[str], out: Path) -> TradegraphError:
    """The one-line error of a build left with no document: the first file's reason, and how many more."""
    first = failures[0] if failures else "nothing was extracted"
    more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
    return TradegraphError(f"none of the {count} file(s) could be built; {out} was left as it was: {first}{more}")


def _default_judgements(paths: list[Path]) -> Path:
    """``judgements.yaml`` in the first folder given (or beside the first file)."""
    first = paths[0]
    return (first if first.is_dir() else first.parent) / JUDGEMENTS
