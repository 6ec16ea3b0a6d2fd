"""The query page's tabs: one per library query (``queries/*.rq``), its parameters ready to edit.

Each tab holds the query's own text, header included (title, what it answers, its ``# param:``
lines), so the editor shows what the query is for. Every parameter line carries a value after
``=`` (a parameter without a default gets ``= ""``, which leaves it free), and a ``# usage:`` line
after them (a header key the library does not read) says how to change them. When the query
runs, the page sends the values of those lines as ``param.NAME`` arguments and the endpoint binds
them as RDF terms, as ``tradegraph query --param`` does (:mod:`graph.serve.bindings`): the query
text itself is never rewritten with the values, so the library's evaluation order and its
``limit`` behave exactly as on the command line.

>>> from graph.query.library import parse
>>> info = parse('# title: T\\n# param: who — a name\\n# param: n (integer) = 2 — at least\\nSELECT ?who ?n {}',
...              name="t")
>>> print(tab_text(info))
# title: T
# param: who = "" — a name
# param: n (integer) = 2 — at least
# usage: the query runs with the value after "=" in each "# param:" line above; edit one to ask
#   about something else ("" leaves that parameter free: any value). Ctrl+Enter runs the query.
SELECT ?who ?n {}
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TypedDict

from graph.query.library import QUERIES_DIR, Param, QueryInfo, available, load

__all__ = ["HOW_TO", "ParamData", "TabData", "library_tabs", "tab_text"]

HOW_TO = ('# usage: the query runs with the value after "=" in each "# param:" line above; edit one to ask\n'
          '#   about something else ("" leaves that parameter free: any value). Ctrl+Enter runs the query.')
_PARAM_LINE = re.compile(r"^#\s?param:\s?(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:\s*\([a-z]+\))?")


class ParamData(TypedDict):
    """A parameter as the page lists it."""

    name: str
    type: str
    default: str
    doc: str


class TabData(TypedDict):
    """One tab: the query's library name, title, what it answers, parameters and the editor's text."""

    name: str
    title: str
    answers: str
    params: list[ParamData]
    query: str


def _with_value(line: str, param: Param | None) -> str:
    """A ``# param:`` line with a value after ``=``: as written when it has one, else with ``= ""`` added."""
    m = _PARAM_LINE.match(line)
    if m is None or param is None or param.default is not None:
        return line
    return f'{line[:m.end()].rstrip()} = ""{line[m.end():]}' if line[m.end():].strip() else f'{line.rstrip()} = ""'


def tab_text(info: QueryInfo) -> str:
    """The query's text for its tab: each parameter line with a value, then how to change them."""
    lines = info.text.splitlines()
    header = 0
    while header < len(lines) and lines[header].startswith("#"):
        header += 1
    params = {p.name: p for p in info.params}
    out = []
    for line in lines[:header]:
        m = _PARAM_LINE.match(line)
        out.append(_with_value(line, params.get(m["name"]) if m else None))
    if info.params:
        out.append(HOW_TO)
    return "\n".join([*out, *lines[header:]]) + ("\n" if info.text.endswith("\n") else "")


def library_tabs(queries_dir: Path = QUERIES_DIR) -> list[TabData]:
    """A tab for every library query, in name order.

    Raises:
        QueryError: a query's header cannot be read (naming the query).
    """
    tabs: list[TabData] = []
    for name in available(queries_dir):
        info = load(name, queries_dir)
        tabs.append(TabData(name=name, title=info.title, answers=info.answers, query=tab_text(info),
                            params=[ParamData(name=p.name, type=p.type, default=p.default or "", doc=p.doc)
                                    for p in info.params]))
    return tabs
