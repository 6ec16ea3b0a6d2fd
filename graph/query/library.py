"""The SPARQL query library in ``queries/``: find a query by name or file and read its header.

Each ``.rq`` file opens with a comment block::

    # title: Person profile
    # answers: Everything the graph says about one person …
    #   (a line indented under a key continues it)
    # param: person = "Roberto Velasco" — the person's name
    # param: role_type (iri) = tgid:roletype/minister — the kind of role
    # param: country — ISO code; every country when not given

A parameter is ``NAME [(TYPE)] [= DEFAULT] — DESCRIPTION``. ``TYPE`` is one of
:data:`TYPES` (``string`` unless the default says otherwise: ``<…>`` or
``prefix:name`` is an ``iri``, digits an ``integer``). A parameter without a
default is optional: left unbound, it matches anything. The query uses each
parameter as a SPARQL variable of the same name (``?person``) and must project
it, since values are bound as RDF terms, never spliced into the text.

One name is reserved: ``# param: limit (integer) = 100 — …`` caps the number of rows. It is
not a variable of the query: the value is checked to be a positive integer and the code
writes ``LIMIT n`` after the query, or in place of its ``# LIMIT ?limit`` comment line
(:func:`graph.query.run.apply_limit`), so the query's own ``ORDER BY`` decides which rows come
first; an empty value returns every row. ``docs/queries.md`` says more.

>>> info = parse("# title: T\\n# param: n (integer) = 2 — at least\\nSELECT ?n WHERE {}", name="t")
>>> info.title, info.params[0].name, info.params[0].type, info.params[0].default
('T', 'n', 'integer', '2')
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import QueryError

__all__ = ["LIMIT_PARAM", "QUERIES_DIR", "TYPES", "Param", "QueryInfo", "available", "load", "parse"]

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
TYPES = ("string", "iri", "integer", "decimal", "date", "boolean")
#: The reserved parameter that caps the rows (``LIMIT n``), an ``integer``.
LIMIT_PARAM = "limit"

_PARAM = re.compile(
    r"""^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*
        (?:\((?P<type>[a-z]+)\))?\s*
        (?:=\s*(?P<default>"(?:[^"\\]|\\.)*"|<[^>\s]*>|[^\s—]+))?\s*
        (?:(?:—|--|-)\s*(?P<doc>.*))?$""",
    re.VERBOSE,
)
_KEY = re.compile(r"^#\s?(?P<key>[a-z_]+):\s?(?P<value>.*)$")


@dataclass(frozen=True)
class Param:
    """A declared parameter: ``default`` is the value as a user would type it (``None``: unbound)."""

    name: str
    type: str = "string"
    default: str | None = None
    doc: str = ""

    def describe(self) -> str:
        """``name (type) = default — doc``, as the header declares it."""
        text = self.name if self.type == "string" else f"{self.name} ({self.type})"
        if self.default is not None:
            text += f" = {json.dumps(self.default, ensure_ascii=False) if self.type == 'string' else self.default}"
        return f"{text} — {self.doc}" if self.doc else text


@dataclass(frozen=True)
class QueryInfo:
    """A library query: its text and what its header says."""

    name: str
    text: str
    title: str = ""
    answers: str = ""
    params: tuple[Param, ...] = field(default_factory=tuple)
    path: Path | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def _param(line: str, label: str) -> Param:
    m = _PARAM.match(line.strip())
    if not m:
        raise QueryError(f"{label}: cannot read parameter line {line.strip()!r}; "
                         "expected `# param: NAME [(TYPE)] [= DEFAULT] — DESCRIPTION`")
    default, kind = m["default"], m["type"]
    if default is not None and default.startswith('"'):
        default = json.loads(default)
        kind = kind or "string"
    elif default is not None:
        if kind is None:
            kind = "integer" if re.fullmatch(r"[+-]?\d+", default) else \
                "iri" if default.startswith("<") or ":" in default else "string"
        if kind == "iri" and default.startswith("<") and default.endswith(">"):
            default = default[1:-1]
    kind = kind or "string"
    if kind not in TYPES:
        raise QueryError(f"{label}: parameter {m['name']} has unknown type {kind!r}; types are: {', '.join(TYPES)}")
    return Param(m["name"], kind, default, (m["doc"] or "").strip())


def parse(text: str, *, name: str, path: Path | None = None) -> QueryInfo:
    """Read the header comment block of a query's text."""
    fields: dict[str, list[str]] = {}
    last: list[str] | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _KEY.match(line)
        if m:
            last = fields.setdefault(m["key"], [])
            last.append(m["value"].strip())
        elif last is not None and line[1:].strip():
            last[-1] = f"{last[-1]} {line[1:].strip()}".strip()
    params = [_param(p, name) for p in fields.get("param", [])]
    for p in params:
        if p.name == LIMIT_PARAM and p.type != "integer":
            raise QueryError(f"{name}: parameter {LIMIT_PARAM} caps the rows and must be an integer")
    seen = [p.name for p in params]
    if len(set(seen)) != len(seen):
        raise QueryError(f"{name}: a parameter is declared twice ({', '.join(seen)})")
    return QueryInfo(name=name, text=text, title=" ".join(fields.get("title", [])) or name,
                     answers=" ".join(fields.get("answers", [])), params=tuple(params), path=path)


def available(queries_dir: Path = QUERIES_DIR) -> dict[str, Path]:
    """Library queries by name (file stem), in name order."""
    return {p.stem: p for p in sorted(queries_dir.glob("*.rq"))}


def load(name_or_file: str | Path, queries_dir: Path = QUERIES_DIR) -> QueryInfo:
    """A query from a library name or an ``.rq`` file path.

    Raises:
        QueryError: no such file, or no such library query (the message lists the library).
    """
    path = Path(name_or_file)
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return parse(path.read_text(encoding="utf-8"), name=str(path), path=path)
    library = available(queries_dir)
    if str(name_or_file) not in library:
        names = ", ".join(library) or "(none)"
        raise QueryError(f"unknown query {str(name_or_file)!r}; library queries are: {names}")
    found = library[str(name_or_file)]
    return parse(found.read_text(encoding="utf-8"), name=found.stem, path=found)
