"""The Python API for notebooks and scripts: build a graph, open it, ask it, get DataFrames and networks.

>>> result = build_graph(["seeds"], "out")                              # doctest: +SKIP
>>> tg = open_graph("out")                                              # doctest: +SKIP
>>> tg.queries()[["name", "title"]].head()                              # doctest: +SKIP
>>> tg.query("person_roles", person="Roberto Velasco")                  # doctest: +SKIP
>>> tg.sparql("SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }")  # doctest: +SKIP
>>> tg.network().number_of_nodes()                                      # doctest: +SKIP
>>> tg.stats().bridges.head()                                           # doctest: +SKIP
>>> tg.view(focus="Kim Ogg")                                            # doctest: +SKIP
>>> ep = tg.serve(); ep.url; ep.reload(); ep.close()                     # doctest: +SKIP

Queries run on the build's read-only Oxigraph store (``out/store``); the network
view is :func:`graph.network.projections.actor_network` over the rdflib dataset read from
``out/graph.trig``, loaded the first time it is asked for.
"""
from __future__ import annotations

import html
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd
import pyoxigraph as ox
from rdflib import Dataset

from graph.build import outdir, store
from graph.build.oxstore import open_store
from graph.network.projections import actor_network, people_network, topic_network
from graph.network.summary import summarize
from graph.query.library import available, load
from graph.query.params import Param, bind
from graph.query.portable import portable as to_portable
from graph.query.run import Result, run

if TYPE_CHECKING:
    from collections.abc import Sequence

    from graph.build.run import BuildResult
    from graph.network.stats import Stats
    from graph.serve.server import Endpoint

__all__ = ["NetworkView", "TradeGraph", "build_graph", "clear_cache", "open_graph", "to_frame"]


def to_frame(result: Result) -> pd.DataFrame:
    """A result as a DataFrame: numbers and booleans typed, other values as strings, ``None`` where unbound."""
    return pd.DataFrame(result.records(), columns=result.columns)


class NetworkView:
    """The interactive network page (:mod:`graph.network.render`), shown inline by Jupyter in a sandboxed frame."""

    def __init__(self, page: str, height: int = 620) -> None:
        self.page, self.height = page, height

    def __repr__(self) -> str:
        return f"NetworkView(height={self.height})"

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
                f'style="width: 100%; height: {self.height}px; border: 1px solid #ddd"></iframe>')

    def save(self, path: str | Path) -> Path:
        """Write the page to a file (it works offline in any browser)."""
        outdir.atomic_write(Path(path), self.page.encode("utf-8"))
        return Path(path)


class TradeGraph:
    """A built graph: ``out`` is the build folder (holding ``store/`` and ``graph.trig``).

    Raises:
        StoreError: ``out`` holds no query store (build it with ``tradegraph build``).
    """

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self._store: ox.Store = open_store(self.out)

    def __repr__(self) -> str:
        return f"TradeGraph({str(self.out)!r})"

    @property
    def store(self) -> ox.Store:
        """The read-only Oxigraph store (its default graph is the union of all graphs)."""
        return self._store

    @cached_property
    def dataset(self) -> Dataset:
        """The rdflib dataset (for graph walking; prefer :meth:`query` for questions)."""
        return store.load(self.out)

    def queries(self) -> pd.DataFrame:
        """The library: one row per query with its ``name``, ``title``, ``answers`` and ``params``."""
        rows = []
        for name in available():
            info = load(name)
            rows.append({"name": name, "title": info.title, "answers": info.answers,
                         "params": ", ".join(p.describe() for p in info.params)})
        return pd.DataFrame(rows, columns=["name", "title", "answers", "params"])

    def query_text(self, name: str, *, portable: bool = False) -> str:
        """A library query's text; ``portable=True`` gives it as SPARQL 1.1 for another engine (no LATERAL)."""
        text = load(name).text
        return to_portable(text) if portable else text

    def query(self, name_or_text: str, **params: str) -> pd.DataFrame:
        """Run a library query by name, an ``.rq`` file, or SPARQL text, with parameters as keywords.

        Parameters are bound as RDF terms, as the query's header declares them; header defaults
        fill in the rest. SPARQL text may bind any of its variables this way (as strings).

        Raises:
            QueryError: unknown query or parameter (the message lists the valid ones), a value that
                does not fit its type, or a malformed query.
        """
        if "{" in name_or_text:  # SPARQL text, not a name or a file
            declared = tuple(Param(name) for name in params)
            terms = bind(declared, {k: str(v) for k, v in params.items()}, label="query")
            return to_frame(run(self._store, name_or_text, params=terms))
        info = load(name_or_text)
        terms = bind(info.params, {k: str(v) for k, v in params.items()}, label=info.name)
        return to_frame(run(self._store, info.text, params=terms, label=info.name))

    def sparql(self, text: str) -> pd.DataFrame:
        """Run SPARQL SELECT text as it is (the project's prefixes are predeclared)."""
        return to_frame(run(self._store, text))

    def network(self, *, start: str | None = None, end: str | None = None, **options: object) -> nx.MultiDiGraph:
        """People, organizations, meetings and places as a networkx graph (``actor_network``'s options pass through).

        ``start``/``end`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; either may be left out) keep the network
        of that period: :func:`graph.network.period.within`.
        """
        from graph.network.period import Period, within

        return within(actor_network(self.dataset, **options), Period.parse(start, end))  # type: ignore[arg-type]

    def people(self) -> nx.Graph:
        """Who met whom: :func:`graph.network.projections.people_network`."""
        return people_network(self.dataset)

    def topics(self) -> nx.Graph:
        """Actors and the topics they are tied to: :func:`graph.network.projections.topic_network`."""
        return topic_network(self.dataset)

    def summary(self) -> dict[str, int]:
        """Counts of documents, people, organizations, meetings, topics and triples."""
        return summarize(self.dataset)

    def stats(self, *, top: int = 10) -> Stats:
        """What ``tradegraph stats`` reports (:class:`graph.network.stats.Stats`): counts, rankings, groups."""
        from graph.network.stats import network_stats

        return network_stats(self.dataset, top=top)

    def export(self, fmt: str, *, to: str | Path | None = None, projection: str = "actors") -> list[Path]:
        """Write the graph as ``tradegraph export`` does (default: into the build folder); returns the files."""
        from graph.network.export import default_target, export

        target = Path(to) if to is not None else default_target(self.out, fmt, projection)
        return export(self.dataset, fmt, target, projection=projection)

    def view(self, focus: str | None = None, *, depth: int = 1, projection: str = "actors", height: int = 600,
             start: str | None = None, end: str | None = None, **options: object) -> NetworkView:
        """The interactive network view (as ``tradegraph render`` draws it), to show inline.

        ``start``/``end`` draw the network of one period, as ``tradegraph render --from/--to`` does.
        """
        from graph.network.render import network_page, view_network

        graph, actors, heading, node = view_network(self.dataset, projection=projection, focus=focus, depth=depth,
                                                    start=start, end=end)
        page = network_page(graph, heading=heading, context=actors, focus=node, **options)  # type: ignore[arg-type]
        return NetworkView(page, height)

    def serve(self, *, port: int = 0, timeout: float = 30.0, allow_service: Sequence[str] = (),
              allowed_hosts: Sequence[str] = (), cors: Sequence[str] = (), watch: float | None = None,
              open_page: bool = False) -> Endpoint:
        """Serve this graph as ``tradegraph serve`` does, from a background thread, on 127.0.0.1.

        The same locks as the command (no ``SERVICE`` unless ``allow_service`` lists the host, ``Host``
        checked, CORS only for ``cors`` origins); ``.url`` is its address, ``.close()`` stops it. It serves
        the build in the folder now (``.build`` says which) until ``.reload()`` moves it to the one built
        since (or, with ``watch`` seconds, until a new build is seen there). ``.page_url`` is the query page
        (YASGUI over the library's queries); ``open_page`` opens it in the web browser, as ``--open`` does.
        """
        from graph.serve.server import make_server

        endpoint = make_server(self.out, port=port, timeout=timeout, quiet=True, allow_service=allow_service,
                               allowed_hosts=allowed_hosts, cors=cors)
        if watch is not None:
            endpoint.watch(watch)
        endpoint.start_in_thread()
        if open_page:
            endpoint.open_page()
        return endpoint


def open_graph(out: str | Path = "out") -> TradeGraph:
    """Open the graph built in ``out``."""
    return TradeGraph(Path(out))


def build_graph(docs: Sequence[str | Path], out: str | Path = "out", *, model: str | None = None,
                batch_size: int = 16, judgements_file: Path | None = None, show_progress: bool = True,
                language: str | None = None, workers: int | None = None, client: Any = None,
                scheduler: str | None = None, cache: str | Path | bool = True) -> BuildResult:
    """Build the documents under ``docs`` into ``out`` as ``tradegraph build`` does: the RDF, the query
    store, the merge record and the network page, swapped in together (see :func:`graph.build.run.build`).
    ``language`` (``"en"``, ``"es"``) reads every document as that language; ``None``/``"auto"`` detects each one's.
    ``workers``: local extraction processes (``--workers``); ``client`` (a ``dask.distributed.Client``) or
    ``scheduler``: extract on a Dask cluster; ``cache``: True (``.out-cache`` beside ``out``), a folder, or
    False. ``result.cached`` counts the documents taken from the cache, ``result.timings`` each phase's seconds."""
    from graph.build.run import build
    from graph.network.render import write_main_page

    return build([Path(d) for d in docs], Path(out), model=model, language=language, batch_size=batch_size,
                 judgements_file=judgements_file, show_progress=show_progress, pages={"html": write_main_page},
                 workers=workers, client=client, scheduler=scheduler,
                 cache=cache if isinstance(cache, bool) else Path(cache))


def clear_cache(out: str | Path = "out", *, cache: str | Path | None = None) -> int:
    """Remove the extraction cache of builds into ``out`` (or the folder ``cache``), as ``tradegraph cache
    clear`` does; returns how many cached extractions it held."""
    from graph.build.cache import clear, default_dir

    return clear(Path(cache) if cache is not None else default_dir(Path(out)))
