"""The shape the codebase keeps (docs/architecture.md): small modules, short positional signatures, and
packages whose module-level imports form no cycle."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for package in ("extract", "graph") for p in (ROOT / package).rglob("*.py"))
MAX_LINES = 300
MAX_POSITIONAL = 5


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top_level_imports(tree: ast.Module, name: str) -> set[str]:
    """Modules imported when ``name`` is imported: module level only, ``if TYPE_CHECKING:`` blocks left out."""
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return {m for m in found if m.split(".")[0] in ("extract", "graph") and m != name}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_holds_one_concept_in_at_most_300_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_takes_more_than_five_positional_parameters(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [f"{node.name}: {len(args)}" for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            for args in [[a for a in node.args.posonlyargs + node.args.args if a.arg not in ("self", "cls")]]
            if len(args) > MAX_POSITIONAL]
    assert not long, f"use keyword-only parameters or a small object: {long}"


def test_module_imports_form_no_cycle() -> None:
    modules = {module_name(p): p for p in SOURCES}
    imports = nx.DiGraph()
    for name, path in modules.items():
        imports.add_node(name)
        for target in top_level_imports(ast.parse(path.read_text(encoding="utf-8")), name):
            if target in modules:
                imports.add_edge(name, target)
    parents = [(name, name.rsplit(".", 1)[0]) for name in modules if "." in name]
    imports.remove_edges_from(parents)  # a package's module may use what its package's __init__ offers
    cycles = sorted(sorted(c) for c in nx.simple_cycles(imports))
    assert not cycles, cycles


def test_reading_commands_import_neither_rdflib_nor_spacy() -> None:
    """``tradegraph query``/``queries`` and the endpoint's workers start without the heavy libraries (issue 16)."""
    import subprocess
    import sys

    code = ("import sys, graph.cli, graph.query.run, graph.query.formats, graph.build.oxstore, graph.serve.workers; "
            "print(sorted(m for m in ('rdflib', 'spacy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_the_plain_prefixes_are_the_namespaces_rdflib_uses() -> None:
    from extract.prefixes import PREFIX_IRIS
    from extract.vocab import PREFIXES

    assert {k: str(v) for k, v in PREFIXES.items()} == PREFIX_IRIS
