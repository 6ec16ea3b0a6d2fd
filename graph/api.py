"""The Python API for notebooks and scripts: open a built graph, ask it, get DataFrames and networks.

>>> tg = open_graph("out")                       # doctest: +SKIP
>>> tg.query("organizations_by_documents").head() # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import networkx as nx
import pandas as pd
import pyoxigraph as ox
from rdflib import Dataset

from graph import store
from graph.projections import actor_network
from graph.query import open_store, resolve_query, run
from graph.summary import summarize


@dataclass
class TradeGraph:
    """A built graph: ``out`` is the build folder (holding ``graph.trig``)."""

    out: Path
    _store: ox.Store = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._store = open_store(self.out)

    @cached_property
    def dataset(self) -> Dataset:
        """The rdflib dataset (for graph walking; prefer :meth:`query` for questions)."""
        return store.load(self.out)

    def query(self, name_or_text: str) -> pd.DataFrame:
        """Run a library query by name, an ``.rq`` file, or SPARQL text; rows as a DataFrame."""
        if "select" in name_or_text.lower() and "{" in name_or_text:
            text, label = name_or_text, "query"
        else:
            text, label = resolve_query(name_or_text)
        result = run(self._store, text, label=label)
        return pd.DataFrame(result.rows, columns=result.columns)

    def network(self) -> nx.MultiDiGraph:
        """People, organizations, meetings and places as a networkx graph."""
        return actor_network(self.dataset)

    def summary(self) -> dict[str, int]:
        return summarize(self.dataset)


def open_graph(out: str | Path = "out") -> TradeGraph:
    """Open the graph built in ``out``."""
    return TradeGraph(Path(out))
