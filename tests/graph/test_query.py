import pytest

from graph.query import QueryError, available, format_table, open_store, resolve_query, run

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", sorted(available()))
def test_query_library_runs_on_the_samples(sample_build, name):
    text, label = resolve_query(name)
    result = run(open_store(sample_build.files["trig"].parent), text, label=label)
    assert result.rows, f"{name} returned no rows"


def test_query_organizations_by_documents_ranks_the_most_mentioned_first(sample_build):
    text, _ = resolve_query("organizations_by_documents")
    rows = run(open_store(sample_build.files["trig"].parent), text).rows
    counts = [int(r[1]) for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 3


def test_query_bad_query_names_the_problem(sample_build):
    store = open_store(sample_build.files["trig"].parent)
    with pytest.raises(QueryError, match="^mine.rq: "):
        run(store, "SELEKT ?x WHERE {}", label="mine.rq")


def test_query_table_format():
    from graph.query import Result

    text = format_table(Result(["a", "bb"], [["1", "x"], ["22", ""]]))
    assert text.splitlines()[0] == "a   bb" and text.endswith("(2 rows)")
