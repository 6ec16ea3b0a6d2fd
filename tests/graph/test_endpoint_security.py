"""What the endpoint refuses, proved on loopback: SERVICE, foreign Host names, CORS, slow requests; HEAD and q=0.

A tiny HTTP listener on 127.0.0.1 stands in for any server a query might name: every request it
receives is recorded, so "no request left" is checked, not assumed. Every socket has a time limit.
"""
from __future__ import annotations

import http.client
import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from extract.errors import TradegraphError
from graph.cli import parser
from graph.serve.access import Access
from graph.serve.endpoint import negotiate, refused_types
from graph.serve.server import make_server
from graph.serve.service_guard import service_refusal, service_targets
from graph.serve.workers import Request, _pick

ORIGIN = "http://notebook.example:8888"
REMOTE = {"head": {"vars": ["o"]}, "results": {"bindings": [{"o": {"type": "literal", "value": "from afar"}}]}}


class Listener:
    """An HTTP server on a free loopback port that records each request and answers SPARQL JSON."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (the stdlib's name)
                hits.append(f"{self.command} {self.path}")
                body = json.dumps(REMOTE).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.server.shutdown()
    lst.server.server_close()


@pytest.fixture(autouse=True)
def _fresh_listener_log(listener: Listener) -> None:
    listener.hits.clear()


@pytest.fixture(scope="module")
def locked(fixture_out):
    """The endpoint as it starts by default."""
    ep = make_server(fixture_out, port=0, timeout=10, quiet=True, read_timeout=1)
    ep.start_in_thread()
    yield ep
    ep.close()


@pytest.fixture(scope="module")
def opened(fixture_out, listener):
    """The endpoint with SERVICE allowed to the listener, one more Host name and CORS for one origin."""
    ep = make_server(fixture_out, port=0, timeout=10, quiet=True, allow_service=[f"127.0.0.1:{listener.port}"],
                     allowed_hosts=["tradegraph.test"], cors=[ORIGIN])
    ep.start_in_thread()
    yield ep
    ep.close()


def ask(ep, query: str, *, method: str = "GET", headers: dict[str, str] | None = None
        ) -> tuple[int, dict[str, str], bytes]:
    """One request to ``ep`` (any Host header may be given); returns status, headers, body."""
    port = ep.server.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request(method, "/sparql?query=" + quote(query), headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def services(port: int) -> list[str]:
    """SERVICE calls to the listener written every way the grammar allows."""
    at = f"http://127.0.0.1:{port}"
    return [
        f"SELECT * WHERE {{ SERVICE <{at}/plain> {{ ?s ?p ?o }} }}",
        f"select * where {{ sErViCe silent <{at}/cased> {{ ?s ?p ?o }} }}",
        f"PREFIX far: <{at}/> SELECT * WHERE {{ SERVICE far:prefixed {{ ?s ?p ?o }} }}",
        f"BASE <{at}/> SELECT * WHERE {{ SERVICE <relative> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <http:\\u002F/127.0.0.1:{port}/escaped> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?where {{ <{at}/var> }} SERVICE ?where {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{at}/bound> AS ?w) SERVICE ?w {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SELECT * {{ SERVICE <{at}/nested> "
        f"{{ SERVICE <{at}/twice> {{}} }} }} }} }}",
        f"SELECT * WHERE {{ ?s ?p \"a # string\" . #\n SERVICE<{at}/after-comment>{{}} }}",
    ]


@pytest.mark.parametrize("index", range(len(services(1))))
def test_service_is_refused_and_no_request_leaves(locked, listener, index):
    status, _, body = ask(locked, services(listener.port)[index])
    assert status == 403 and body.startswith(b"SERVICE is refused") and body.count(b"\n") == 1
    assert listener.hits == []


@pytest.mark.parametrize("query,status", [
    ("LOAD <{at}/load>", 403),
    ("PREFIX far: <{at}/> LOAD far:load INTO GRAPH <http://e/g>", 403),
    ("INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{at}/update> {{ ?s ?p ?o }} }}", 403),
    ("SELECT * FROM <{at}/from> FROM NAMED <{at}/named> WHERE {{ ?s ?p ?o }}", 200),
    ("DESCRIBE <{at}/describe>", 200),
])
def test_load_updates_and_datasets_send_nothing(locked, listener, query, status):
    got, _, _ = ask(locked, query.format(at=f"http://127.0.0.1:{listener.port}"))
    assert got == status and listener.hits == []


def test_the_query_workers_have_no_network_even_past_the_check(locked, listener):
    """The second wall: a SERVICE query handed straight to a worker cannot reach the listener either."""
    if not locked.pool.sandboxed:
        pytest.skip("this system has no seccomp filter for the workers")
    answer = locked.pool.execute(Request(services(listener.port)[0]))
    assert answer.status == 500 and listener.hits == []
    assert locked.pool.execute(Request("ASK { ?s ?p ?o }")).status == 200


def test_allow_service_reaches_only_the_listed_host(opened, listener):
    status, _, body = ask(opened, services(listener.port)[2])
    assert status == 200 and b"from afar" in body and listener.hits == ["POST /prefixed"]
    for query in (services(listener.port)[5],  # a variable: its address cannot be checked
                  f"SELECT * WHERE {{ SERVICE <http://localhost:{listener.port}/other-name> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port + 1}/other-port> {{ ?s ?p ?o }} }}"):
        status, _, body = ask(opened, query)
        assert status == 403 and b"SERVICE" in body
    assert listener.hits == ["POST /prefixed"]
    assert not opened.pool.sandboxed and opened.pool.network


@pytest.mark.parametrize("host,status", [
    ("evil.example", 403), ("127.0.0.1.evil.example:{port}", 403), ("localhost.evil.example", 403), ("", 403),
    ("localhost:{port}", 200), ("127.0.0.1:{port}", 200), ("[::1]:{port}", 200),
])
def test_host_header_must_name_the_endpoint(locked, host, status):
    port = locked.server.server_address[1]
    got, _, body = ask(locked, "ASK {}", headers={"Host": host.format(port=port)})
    assert got == status
    if status == 403:
        assert body.startswith(b"misdirected request")


def test_allowed_host_adds_a_name(opened, locked):
    assert ask(opened, "ASK {}", headers={"Host": "tradegraph.test:80"})[0] == 200
    assert ask(locked, "ASK {}", headers={"Host": "tradegraph.test:80"})[0] == 403


def test_cors_is_off_by_default(locked):
    _, headers, _ = ask(locked, "ASK {}", headers={"Origin": ORIGIN})
    assert not [h for h in headers if h.startswith("access-control-")]
    status, headers, _ = ask(locked, "ASK {}", method="OPTIONS", headers={"Origin": ORIGIN})
    assert status == 204 and not [h for h in headers if h.startswith("access-control-")]


def test_cors_only_for_the_listed_origin(opened):
    _, headers, _ = ask(opened, "ASK {}", headers={"Origin": ORIGIN})
    assert headers["access-control-allow-origin"] == ORIGIN and headers["vary"] == "Origin"
    _, headers, _ = ask(opened, "ASK {}", headers={"Origin": "http://elsewhere.example"})
    assert "access-control-allow-origin" not in headers
    status, headers, _ = ask(opened, "ASK {}", method="OPTIONS", headers={"Origin": ORIGIN})
    assert status == 204 and "POST" in headers["access-control-allow-methods"]


def raw(ep, data: bytes, *, pause: float = 0.0, drip: bool = False, limit: float = 10.0) -> tuple[bytes, float]:
    """Send ``data`` (byte by byte every ``pause`` seconds when ``drip``) and read until the server closes."""
    start = time.monotonic()
    with socket.create_connection(ep.server.server_address[:2], timeout=limit) as sock:
        try:
            if drip:
                for byte in data:
                    sock.sendall(bytes([byte]))
                    time.sleep(pause)
            else:
                sock.sendall(data)
        except OSError:  # closed on us while we were still sending
            pass
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
    return b"".join(chunks), time.monotonic() - start


def test_head_is_get_without_a_body(locked):
    get_status, get_headers, get_body = ask(locked, "ASK {}")
    request = f"HEAD /sparql?query={quote('ASK {}')} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode()
    reply, _ = raw(locked, request)
    head, _, rest = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 200") and rest == b""
    assert f"Content-Length: {len(get_body)}".encode() in head and get_status == 200
    assert f"Content-Type: {get_headers['content-type']}".encode() in head


@pytest.mark.parametrize("accept,expected", [
    ("application/sparql-results+json;q=0, */*", "application/sparql-results+xml"),
    ("application/sparql-results+json;q=0", "application/sparql-results+xml"),
    ("text/*;q=0, */*;q=0.5", "application/sparql-results+json"),
    ("text/*;q=0, text/csv", "text/csv"),
    ("*/*;q=0", None),
    ("application/sparql-results+json;q=0, application/sparql-results+xml;q=0, text/*;q=0", None),
])
def test_q_zero_is_never_sent(locked, accept, expected):
    status, headers, _ = ask(locked, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", headers={"Accept": accept})
    if expected is None:
        assert status == 406
    else:
        assert status == 200 and headers["content-type"].split(";")[0] == expected


@pytest.mark.parametrize("accept,offered,expected", [
    ("text/turtle;q=0", ("text/turtle", "application/n-triples"), "application/n-triples"),
    ("text/turtle;q=0, text/*", ("text/turtle", "application/n-triples"), None),
    ("text/turtle;q=0.0, text/turtle", ("text/turtle",), None),
    ("application/*;q=0, application/n-triples", ("text/turtle", "application/n-triples"), "application/n-triples"),
])
def test_pick_skips_what_accept_refuses(accept, offered, expected):
    assert _pick(negotiate(accept, None), offered, refused_types(accept)) == expected


@pytest.mark.parametrize("data,drip", [
    (b"", False),                                                              # connects, says nothing
    (b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\n", False),   # stops before the blank line
    (b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Length: 50\r\n\r\nquery=", False),  # body short
    (b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"x" * 40, True),  # trickles
])
def test_idle_and_slow_requests_are_closed_within_the_read_timeout(locked, data, drip):
    reply, took = raw(locked, data, pause=0.1, drip=drip)
    assert took < 4.0, f"held for {took:.1f} s with a 1 s read timeout"
    assert reply == b"" or reply.startswith(b"HTTP/1.0 408")
    assert ask(locked, "ASK { ?s ?p ?o }")[0] == 200  # and the endpoint still answers


def test_listen_backlog_is_at_least_128(locked):
    assert locked.server.request_queue_size >= 128


@pytest.mark.parametrize("query,targets", [
    ("SELECT * { ?s ?p 'SERVICE <http://a/>' }", []),
    ('SELECT * { ?s ?p """x\n SERVICE <http://a/> "" """ }', []),
    ("SELECT * { ?s <http://e/SERVICE> ?o . ?service ?p ?o . ?s ?p 'x'@service }", []),
    ("PREFIX service: <http://e/> SELECT * { ?s service:x ?o }", []),
    ("SELECT * { SERVICE <http://a.example/q> {} SERVICE ?v {} SERVICE nope:x {} }",
     ["http://a.example/q", None, None]),
    ("PREFIX : <http://a.example/> SELECT * { SERVICE :x\\/y {} }", ["http://a.example/x/y"]),
])
def test_service_targets_read_as_the_grammar_does(query, targets):
    assert service_targets(query) == targets


@pytest.mark.parametrize("target,allowed", [
    ("http://query.example/sparql", True), ("https://QUERY.example:443/x", True),
    ("http://query.example.evil.example/", False), ("http://user@query.example/", False),
    ("ftp://query.example/", False), ("http://10.0.0.5:3030/ds", True), ("http://10.0.0.5:3031/ds", False),
])
def test_allow_service_matches_host_and_port(target, allowed):
    refusal = service_refusal(f"SELECT * {{ SERVICE <{target}> {{}} }}", ["query.example", "10.0.0.5:3030"])
    assert (refusal is None) is allowed


@pytest.mark.parametrize("kwargs", [{"services": ("http://x/",)}, {"services": ("a b",)}, {"cors": ("notebook",)},
                                    {"cors": ("http://x.example/path",)}])
def test_bad_policy_options_are_one_line_errors(kwargs):
    with pytest.raises(TradegraphError):
        Access(**kwargs)


def test_serve_options_on_the_command_line():
    args = parser().parse_args(["serve", "--allow-service", "a.example", "b.example:3030", "--allowed-host", "box",
                                "--cors", ORIGIN, "--cors", "http://x.example", "--read-timeout", "2"])
    assert args.allow_service == ["a.example", "b.example:3030"] and args.allowed_host == ["box"]
    assert args.cors == [ORIGIN, "http://x.example"] and args.read_timeout == 2.0
    assert parser().parse_args(["serve"]).allow_service == []


def test_python_api_serves_locked_down(fixture_out, listener):
    from graph.api import open_graph

    ep = open_graph(fixture_out).serve(timeout=10)
    try:
        assert ask(ep, services(listener.port)[0])[0] == 403 and listener.hits == []
        assert ask(ep, "ASK { ?s ?p ?o }")[0] == 200
    finally:
        ep.close()


def test_twenty_clients_at_once_get_every_answer_and_the_same_one(locked):
    """A short bounded load (issue 14): 20 loopback clients, 10 requests each, half of them next to a client that
    holds a connection open without sending. Every request is answered 200 with the same rows; no timing is
    asserted here (the latency figures are `make bench-endpoint`'s, in BENCHMARKS.md)."""
    from concurrent.futures import ThreadPoolExecutor

    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    port = locked.server.server_address[1]
    idle = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(10)]
    try:
        with ThreadPoolExecutor(max_workers=20) as pool:
            answers = list(pool.map(lambda _: ask(locked, query, headers={"Accept": "application/json"}),
                                    range(200)))
    finally:
        for conn in idle:
            conn.close()
    assert {status for status, _, _ in answers} == {200}
    assert len({json.dumps(json.loads(body)["results"]) for _, _, body in answers}) == 1
