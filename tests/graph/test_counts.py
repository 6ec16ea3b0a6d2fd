"""Counts that agree (issue 17, item 3): the page's legend and the build summary count the same topics.

The summary counts every topic a document, meeting or statement is about; the map draws those a meeting or
statement links and its legend adds how many others (only documents are about them) it leaves out.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from rdflib import Dataset

from extract.vocab import ID, RDF, SDO, SKOS
from graph.network.render import page_data, view_network
from graph.network.summary import summarize


def legend(ds: Dataset) -> dict[str, tuple[int, int]]:
    """Kind -> (nodes drawn, nodes left out as unlinked), as the page's legend shows them."""
    data = page_data(view_network(ds)[0])
    drawn = Counter(n["kind"] for n in data["nodes"])
    return {kind: (drawn[kind], style["unlinked"]) for kind, style in data["kinds"].items()}


def test_counts_a_topic_only_a_document_is_about_is_counted_by_both(dataset_factory: Callable[[], Dataset]):
    ds = dataset_factory()
    lonely = ID["topic/lonely-topic"]
    ds.default_graph.add((lonely, RDF.type, SKOS.Concept))
    ds.graph(ID["doc/b"]).add((ID["doc/b"], SDO.about, lonely))
    assert summarize(ds)["topics"] == 2
    assert legend(ds)["topic"] == (1, 1)


def test_counts_a_topic_only_a_meeting_is_about_is_in_the_summary(dataset_factory: Callable[[], Dataset]):
    ds = dataset_factory()
    ds.graph(ID["doc/a"]).remove((ID["doc/a"], SDO.about, None))
    assert summarize(ds)["topics"] == 1 and legend(ds)["topic"] == (1, 0)


def test_counts_sample_legend_and_summary_agree(sample_build):
    counts, shown = summarize(sample_build.dataset), legend(sample_build.dataset)
    assert sum(shown["topic"]) == counts["topics"]
    for kind, key in (("person", "people"), ("organization", "organizations"), ("meeting", "meetings")):
        assert shown[kind] == (counts[key], 0)
