"""The Python API notebooks use: queries as DataFrames, the projections, stats, exports and the inline view."""
import pytest

from graph.api import NetworkView, open_graph

ID = "https://w3id.org/tradegraph/id/"


@pytest.fixture
def tiny_build(tmp_path, tiny_dataset):
    from graph.build.oxstore import STORE_DIR, write_store
    from graph.build.store import write

    paths = write(tiny_dataset, tmp_path)
    if not (tmp_path / STORE_DIR).exists():
        write_store(paths["trig"], tmp_path / STORE_DIR)
    return open_graph(tmp_path)


def test_api_query_takes_parameters_and_gives_python_values(tiny_build):
    profile = tiny_build.query("person_profile", person="Ana Ruiz")
    assert set(profile.person) == {"Ana Ruiz"} and "role" in set(profile.aspect)
    counts = tiny_build.query("SELECT ?name (COUNT(?d) AS ?n) WHERE { ?d schema:mentions ?p . ?p schema:name ?name } "
                              "GROUP BY ?name ORDER BY ?name")
    assert counts.to_dict("records")[0] == {"name": "Ana Ruiz", "n": 1}
    bound = tiny_build.query("SELECT ?name ?p WHERE { ?p schema:name ?name }", name="Bob Lee")
    assert list(bound.p) == [ID + "person/bob-lee"]


def test_api_projections_and_stats(tiny_build):
    assert ID + "topic/usmca-review" not in tiny_build.network()
    assert ID + "topic/usmca-review" in tiny_build.network(kinds=("person", "meeting", "topic"))
    assert sorted(tiny_build.people().nodes) == [ID + "person/ana-ruiz", ID + "person/bob-lee"]
    assert tiny_build.topics().number_of_edges() == 3
    assert tiny_build.summary()["people"] == 2
    assert tiny_build.stats(top=1).institutions.actor.tolist() == ["U.S. Department of Commerce"]


def test_api_export_writes_into_the_build_folder(tiny_build):
    (path,) = tiny_build.export("popolo")
    assert path == tiny_build.out / "popolo.json" and path.exists()


def test_api_view_is_the_network_page_in_a_sandboxed_frame(tiny_build, tmp_path):
    view = tiny_build.view(focus="Ana Ruiz", height=400)
    assert isinstance(view, NetworkView) and "page" not in repr(view)
    html = view._repr_html_()
    assert html.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in html and "height: 400px" in html
    assert "<script" not in html and "&lt;script" in html  # the page is escaped into the attribute
    assert "Ana Ruiz: links within 1 step" in view.page
    assert view.save(tmp_path / "v.html").read_text(encoding="utf-8") == view.page


# --- the query library through the API, on the hand-made build of tests/graph/data/queries_fixture.trig ---

@pytest.fixture(scope="module")
def fixture_graph(tmp_path_factory):
    from pathlib import Path

    from graph.build.oxstore import write_store

    out = tmp_path_factory.mktemp("api-fixture")
    trig = Path(__file__).parent / "data" / "queries_fixture.trig"
    (out / "graph.trig").write_bytes(trig.read_bytes())
    write_store(out / "graph.trig", out / "store")
    return open_graph(out)


@pytest.mark.parametrize("name,params,column,expected", [
    ("person_roles", {"person": "Marcelo Ebrard"}, "status", ["current", "former"]),
    ("role_holders", {"role_type": "tgid:roletype/deputy-minister"}, "person", ["Roberto Velasco"]),
    ("people_in_several_documents", {"min_documents": 3}, "documents", [3]),
    ("topic_statements", {"topic": "T-MEC"}, "speaker", ["Marcelo Ebrard", "Roberto Velasco"]),
])
def test_api_named_query_with_parameters_gives_a_typed_dataframe(fixture_graph, name, params, column, expected):
    frame = fixture_graph.query(name, **params)
    assert frame[column].tolist() == expected


def test_api_lists_the_library(fixture_graph):
    library = fixture_graph.queries()
    assert len(library) >= 15 and {"person_profile", "shortest_connection"} <= set(library.name)
    assert library.set_index("name").loc["person_profile", "params"].startswith('person = "Roberto Velasco"')


def test_api_query_text_as_written_or_portable(fixture_graph):
    assert "LATERAL {" in fixture_graph.query_text("co_attendance")
    assert "LATERAL" not in fixture_graph.query_text("co_attendance", portable=True).split("SELECT", 1)[1]


def test_api_network_is_the_projection(fixture_graph):
    from graph.network.projections import actor_network

    assert set(fixture_graph.network().nodes) == set(actor_network(fixture_graph.dataset).nodes)


def test_api_errors_are_one_line(fixture_graph, tmp_path):
    from graph.errors import QueryError, StoreError

    with pytest.raises(QueryError, match="person_roles has no parameter 'who'; its parameters are: person"):
        fixture_graph.query("person_roles", who="x")
    with pytest.raises(StoreError, match="no built graph here"):
        open_graph(tmp_path)
