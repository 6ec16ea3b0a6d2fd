"""Run SPARQL over a built graph: by file or by the name of a query in ``queries/``.

Queries run on an Oxigraph store loaded from ``graph.trig``, with the default
graph as the union of all graphs (so a query need not name document graphs).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from extract.errors import TradegraphError
from graph.store import TRIG

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"


class QueryError(TradegraphError):
    """A query that cannot be found, parsed or run."""


@dataclass(frozen=True)
class Result:
    """A SELECT result: column names and rows of plain strings (``""`` for unbound)."""

    columns: list[str]
    rows: list[list[str]]


def available(queries_dir: Path = QUERIES_DIR) -> dict[str, Path]:
    """Library queries by name (file stem)."""
    return {p.stem: p for p in sorted(queries_dir.glob("*.rq"))}


def resolve_query(name_or_file: str, queries_dir: Path = QUERIES_DIR) -> tuple[str, str]:
    """The query's text and a label for messages, from a file path or a library name."""
    path = Path(name_or_file)
    if path.suffix == ".rq" or path.exists():
        if not path.exists():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8"), str(path)
    library = available(queries_dir)
    if name_or_file not in library:
        names = ", ".join(library) or "(none)"
        raise QueryError(f"unknown query {name_or_file!r}; library queries are: {names}")
    return library[name_or_file].read_text(encoding="utf-8"), name_or_file


def open_store(out: Path) -> ox.Store:
    """An in-memory Oxigraph store holding the dataset built in ``out``."""
    path = out / TRIG if out.is_dir() else out
    if not path.exists():
        raise TradegraphError(f"{path}: no built graph here; run `tradegraph build DOCS --out {out}` first")
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return store


def _text(term: object) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def run(store: ox.Store, query: str, *, label: str = "query") -> Result:
    """Run a SELECT query; raises :class:`QueryError` with the parser's message on a bad query."""
    try:
        solutions = store.query(query, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"{label}: {str(exc).splitlines()[0]}") from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError(f"{label}: only SELECT queries print as a table")
    columns = [v.value for v in solutions.variables]
    rows = [[_text(sol[c]) for c in columns] for sol in solutions]
    return Result(columns, rows)


def format_table(result: Result, max_width: int = 60) -> str:
    """A plain-text table."""
    cut = lambda s: s if len(s) <= max_width else s[: max_width - 1] + "…"  # noqa: E731
    rows = [[cut(c) for c in r] for r in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(result.columns)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(result.columns), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
