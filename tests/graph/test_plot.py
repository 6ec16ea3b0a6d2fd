"""Static charts: the meetings table behind the timeline, and both drawings on a real (Agg) canvas."""
import matplotlib
import networkx as nx
import pandas as pd
import pytest

from graph.network.plot import draw_network, meetings, plot_timeline
from graph.network.projections import KINDS, actor_network

matplotlib.use("Agg")


def test_plot_meetings_counts_attendees_by_side(tiny_dataset):
    table = meetings(actor_network(tiny_dataset, kinds=KINDS))
    row = table.iloc[0]
    assert (row.meeting, row.date, row["dated by"], row.place) \
        == ("Border Talks", "2024-01-22", "meeting", "Washington")
    assert (row.attendees, row.people, row.US, row.MX, row.other) == (3, 2, 2, 1, 0)  # Ana, Bob, the Council
    assert row.when == pd.Timestamp("2024-01-22")


@pytest.mark.parametrize("date,when", [("2025", "2025-01-01"), ("2025-04", "2025-04-01"), ("", None)])
def test_plot_meetings_read_partial_dates(date, when):
    g = nx.MultiDiGraph(documents={})
    g.add_node("m", kind="meeting", label="M", date=date, documents=[])
    row = meetings(g).iloc[0]
    assert (row.when == pd.Timestamp(when)) if when else pd.isna(row.when)


def test_plot_meetings_fall_back_on_the_document_date_and_sort_undated_last():
    g = nx.MultiDiGraph(documents={"a.txt": {"date": "2023-05-02"}, "b.txt": {"date": ""}})
    g.add_node("x", kind="meeting", label="Undated", date="", documents=["b.txt"])
    g.add_node("y", kind="meeting", label="Reported", date="", documents=["a.txt"])
    g.add_node("z", kind="meeting", label="Dated", date="2024-01-01", documents=[])
    table = meetings(g)
    assert table.meeting.tolist() == ["Reported", "Dated", "Undated"]
    assert table["dated by"].tolist() == ["document", "meeting", ""]


def test_plot_draws_networks_and_timelines(tiny_dataset):
    import matplotlib.pyplot as plt

    actors = actor_network(tiny_dataset, kinds=KINDS)
    ax = draw_network(actors, highlight="https://w3id.org/tradegraph/id/person/ana-ruiz", labels=3)
    assert len(ax.texts) == 3 + 1 and ax.get_legend() is not None
    ax = draw_network(actors, groups=[set(list(actors)[:3])])
    assert any(t.get_text() == "group 1" for t in ax.get_legend().get_texts())
    ax = plot_timeline(meetings(actors))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Border Talks\n2024-01-22 · US 2 · MX 1"]
    assert draw_network(nx.Graph()).texts[0].get_text() == "nothing to draw"
    plt.close("all")
