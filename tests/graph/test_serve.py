"""The SPARQL endpoint as a client meets it: SPARQLWrapper over HTTP on a loopback port.

Each server listens on 127.0.0.1 on a free port, in a thread of the test process, and is stopped
at the end of the module; every request has a client-side time limit.
"""
import json
import urllib.error
import urllib.request

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph.serve.endpoint import negotiate
from graph.serve.server import make_server

PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"""


@pytest.fixture(scope="module")
def endpoint(fixture_out):
    ep = make_server(fixture_out, host="127.0.0.1", port=0, timeout=10, quiet=True)
    ep.start_in_thread()
    yield ep
    ep.close()


def client(endpoint, query, fmt=JSON, method=None):
    sparql = SPARQLWrapper(endpoint.url)
    sparql.setTimeout(20)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(method)
    return sparql


def test_serve_listens_on_loopback_only(endpoint):
    assert endpoint.url.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("method", [None, POST])
def test_serve_select_json(endpoint, method):
    result = client(endpoint, PEOPLE, method=method).queryAndConvert()
    names = [b["name"]["value"] for b in result["results"]["bindings"]]
    assert names[:3] == ["Francisco Cervantes", "Jamieson Greer", "John Murphy"] and len(names) == 7


def test_serve_select_xml_and_csv(endpoint):
    xml = client(endpoint, PEOPLE, XML).queryAndConvert()
    assert len(xml.getElementsByTagName("result")) == 7
    csv = client(endpoint, PEOPLE, CSV).queryAndConvert().decode("utf-8")
    assert csv.splitlines()[:2] == ["name", "Francisco Cervantes"]


def test_serve_default_graph_is_the_union_and_graph_reaches_a_document(endpoint):
    count = client(endpoint, 'SELECT (COUNT(*) AS ?n) WHERE { ?p <https://schema.org/name> "Roberto Velasco" }')
    assert count.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "1"
    docs = client(endpoint, 'SELECT ?g WHERE { GRAPH ?g { ?p <https://schema.org/name> "Roberto Velasco" } } '
                            "ORDER BY ?g").queryAndConvert()
    assert [b["g"]["value"].rsplit("/", 1)[1] for b in docs["results"]["bindings"]] == ["a", "b", "c"]


@pytest.mark.parametrize("query,expected", [
    ('ASK { ?p <https://schema.org/name> "Roberto Velasco" }', True),
    ('ASK { ?p <https://schema.org/name> "Nobody" }', False),
])
def test_serve_ask(endpoint, query, expected):
    assert client(endpoint, query).queryAndConvert()["boolean"] is expected


def test_serve_construct_turtle(endpoint):
    data = client(endpoint, """PREFIX schema: <https://schema.org/>
        CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }""", TURTLE).queryAndConvert()
    g = Graph().parse(data=data, format="turtle")
    assert len(g) == 7


def test_serve_describe_ntriples(endpoint):
    req = urllib.request.Request(endpoint.url + "?query=" + urllib.request.quote(
        "DESCRIBE <https://w3id.org/tradegraph/id/person/laura-diaz>"), headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=20) as resp:
        assert resp.headers["Content-Type"] == "application/n-triples"
        assert len(Graph().parse(data=resp.read().decode("utf-8"), format="nt")) >= 3


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
    "PREFIX e: <http://e/>\nDELETE WHERE { ?s ?p ?o }",
])
def test_serve_refuses_updates(endpoint, update):
    sparql = SPARQLWrapper(endpoint.url, updateEndpoint=endpoint.url)
    sparql.setTimeout(20)
    sparql.setMethod(POST)
    sparql.setQuery(update)
    with pytest.raises(Exception) as err:  # SPARQLWrapper re-raises the HTTP 403
        sparql.query()
    assert "403" in str(err.value)
    for data, ctype in [(update.encode(), "application/sparql-update"),
                        (("query=" + urllib.request.quote(update)).encode(), "application/x-www-form-urlencoded")]:
        req = urllib.request.Request(endpoint.url, data=data, headers={"Content-Type": ctype}, method="POST")
        with pytest.raises(urllib.error.HTTPError) as http:
            urllib.request.urlopen(req, timeout=20)
        assert http.value.code == 403
    still = client(endpoint, "ASK { <http://e/a> <http://e/b> <http://e/c> }").queryAndConvert()
    assert still["boolean"] is False


@pytest.mark.filterwarnings("ignore:.*query type:RuntimeWarning")
def test_serve_malformed_query_is_a_400_with_the_reason(endpoint):
    with pytest.raises(QueryBadFormed) as err:
        client(endpoint, "SELEKT ?x WHERE { ?x ?y ?z }").query()
    assert "malformed query" in str(err.value)


def test_serve_unacceptable_format_is_a_406(endpoint):
    req = urllib.request.Request(endpoint.url + "?query=ASK%7B%7D", headers={"Accept": "image/png"})
    with pytest.raises(urllib.error.HTTPError) as http:
        urllib.request.urlopen(req, timeout=20)
    assert http.value.code == 406


def test_serve_injection_through_the_query_string_stays_one_query(endpoint):
    query = 'SELECT ?p WHERE { ?p <https://schema.org/name> "x\\" } UNION { ?p ?q ?r } #" }'
    result = client(endpoint, query).queryAndConvert()
    assert result["results"]["bindings"] == []


def test_serve_stops_a_query_past_its_time_limit_and_keeps_serving(fixture_out):
    ep = make_server(fixture_out, port=0, timeout=1, workers=1, quiet=True)
    ep.start_in_thread()
    try:
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        req = urllib.request.Request(ep.url + "?query=" + urllib.request.quote(slow))
        with pytest.raises(urllib.error.HTTPError) as http:
            urllib.request.urlopen(req, timeout=30)
        assert http.value.code == 503 and b"time limit of 1 s" in http.value.read()
        assert client(ep, "ASK { ?s ?p ?o }").queryAndConvert()["boolean"] is True
    finally:
        ep.close()


def test_serve_help_page_and_unknown_path(endpoint):
    with urllib.request.urlopen(endpoint.url, timeout=20) as resp:
        assert b"read-only" in resp.read()
    with pytest.raises(urllib.error.HTTPError) as http:
        urllib.request.urlopen(endpoint.url.replace("/sparql", "/nope"), timeout=20)
    assert http.value.code == 404


@pytest.mark.parametrize("accept,fmt,expected", [
    (None, None, ("*/*",)),
    ("text/csv;q=0.5, application/sparql-results+json", None, ("application/sparql-results+json", "text/csv")),
    ("application/json", None, ("application/sparql-results+json",)),
    ("*/*", "csv", ("text/csv", "*/*")),
    ("text/turtle;q=0", None, ("*/*",)),
])
def test_serve_negotiation(accept, fmt, expected):
    assert negotiate(accept, fmt) == expected


def test_serve_cli_without_a_build_is_one_line(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "graph", "serve", "--out", str(tmp_path), "--port", "0"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "no built graph here" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_serve_json_results_are_standard(endpoint):
    with urllib.request.urlopen(endpoint.url + "?query=" + urllib.request.quote(PEOPLE) + "&format=json",
                                timeout=20) as resp:
        body = json.loads(resp.read())
    assert body["head"]["vars"] == ["name"]
