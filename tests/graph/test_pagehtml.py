"""The page written in pieces (graph/network/pagehtml.py) is, byte for byte, the page Jinja renders in one go."""
from __future__ import annotations

from typing import Any

import jinja2
import networkx as nx
import pytest
from jinja2.utils import htmlsafe_json_dumps

import graph.network.pagehtml as pagehtml
from extract.errors import TradegraphError
from graph.network.pagehtml import json_chunks, page_chunks
from graph.network.render import page_data

ODD = "Ana <b>Ruiz</b> & O'Brien — “Zoë” 🚢 </script>"


def _data(items: int) -> dict[str, Any]:
    return {"heading": ODD, "nodes": [{"id": f"n{i}", "label": f"{ODD} {i}", "x": i / 3, "seen": [[ODD, None]]}
                                     for i in range(items)],
            "edges": [], "kinds": {"person": {"label": ODD}}, "sides": {}, "lines": [ODD], "period": None}


@pytest.mark.parametrize("items", [0, 1, 3, 2500])
@pytest.mark.parametrize("chunk", [1, 100, 1 << 16])
def test_the_json_in_pieces_is_jinjas_tojson(items: int, chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagehtml, "_CHUNK_CHARS", chunk)
    data = _data(items)
    pieces = list(json_chunks(data))
    expected = str(htmlsafe_json_dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
    assert "".join(pieces) == expected
    assert items < 2500 or chunk > 100 or len(pieces) > items / 2  # the lists do come in pieces


def _rendered_whole(data: dict[str, Any]) -> str:
    """The page as render.network_page made it before pagehtml: the template rendered with the whole data."""
    scripts = [(pagehtml.VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
               (pagehtml.DATA_DIR / "network.js").read_text(encoding="utf-8")]
    csp = ("default-src 'none'; script-src " + " ".join(pagehtml._csp_hash(s) for s in scripts)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    styles = [(pagehtml.VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
              (pagehtml.DATA_DIR / "network.css").read_text(encoding="utf-8")]
    return pagehtml._environment().get_template("network.html.j2").render(
        heading=data["heading"], data=data, csp=csp, vis_js=scripts[0], page_js=scripts[1], styles=styles,
        kinds=data["kinds"], sides=data["sides"], lines=data["lines"])


def test_the_page_in_pieces_is_the_template_rendered_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagehtml, "_CHUNK_CHARS", 500)
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for i in range(40):
        g.add_node(f"p{i}", label=f"{ODD} {i}", kind="person", country="MX", names=[ODD])
        if i:
            g.add_edge(f"p{i}", "p0", relation="memberOf", label=ODD, evidence=[])
    data = page_data(g, heading=ODD)
    pieces = list(page_chunks(data))
    assert len(pieces) > 10
    assert b"".join(pieces).decode("utf-8") == _rendered_whole(data)


def test_a_template_without_the_data_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader({"network.html.j2": "<p>{{ heading }}</p>"}))
    monkeypatch.setattr(pagehtml, "_environment", lambda: env)
    with pytest.raises(TradegraphError, match="exactly once"):
        list(page_chunks(_data(1)))
