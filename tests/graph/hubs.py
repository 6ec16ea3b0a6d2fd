"""Made-up graphs for the page at scale: a council whose members are seen in many documents and sentences."""
from __future__ import annotations

import networkx as nx

from graph.network.evidence import Evidence


def ev(doc: str, text: str, start: int = 0) -> Evidence:
    """A sentence ``text`` read in ``doc`` from character ``start``."""
    return Evidence(doc, start, start + len(text), text)


def hub(members: int, documents: int = 1, sentences: int = 1) -> nx.MultiDiGraph:
    """A council with ``members`` made-up people, each seen in ``documents`` documents and ``sentences``
    sentences about their membership."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.graph["documents"] = {f"d{j:04}.txt": {"title": f"Report {j}", "date": f"2024-01-{1 + j % 28:02}"}
                            for j in range(documents)}
    g.add_node("hub", label="Harbour Council", kind="organization", country="US",
               documents=sorted(g.graph["documents"]))
    for i in range(members):
        person = f"p{i:04}"
        g.add_node(person, label=f"Ana Ruiz {i:04}", kind="person", country="MX",
                   documents=[f"d{j:04}.txt" for j in range(documents)])
        g.add_edge(person, "hub", relation="memberOf", label="Director",
                   evidence=[ev(f"d{j:04}.txt", f"Ana Ruiz {i:04} leads the council, report {j}.")
                             for j in range(sentences)])
    return g
