"""Extraction on a Dask cluster (issue 16, item 2): a local cluster of two worker processes builds the
samples into the bytes of a fresh one-process build, each worker loading the pipeline once (the worker
plugin); a scheduler that is not there is one line.
The workers load the model: ``slow``."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.api import build_graph
from graph.cli import main

pytestmark = pytest.mark.slow
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as dask_client:
        yield dask_client


def test_a_two_worker_cluster_gives_the_bytes_of_one_process(client, sample_build, tmp_path):
    assert (sample_build.cached, sample_build.processes) == (0, 1)  # the reference: fresh, one process
    result = build_graph([SEEDS], tmp_path / "out", client=client, cache=False, show_progress=False)
    assert result.files["trig"].read_bytes() == sample_build.files["trig"].read_bytes()
    assert result.documents == sample_build.documents and not result.failures
    ran = client.run(lambda: __import__("extract.text.pipeline", fromlist=["x"]).load_pipeline.cache_info().currsize)
    assert list(ran.values()) == [1, 1]  # the plugin loaded it on both workers, once each
    plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
    assert all("tradegraph-pipeline-default" in names for names in plugins.values())


def test_an_unreachable_scheduler_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("graph.build.pool.CONNECT_TIMEOUT", "1s")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Nadia Ferrow met Emilio Zárate in Monterrey.\n", encoding="utf-8")
    code = main(["build", str(tmp_path / "docs"), "--out", str(tmp_path / "out"), "--quiet", "--no-cache",
                 "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert err[0].startswith("tradegraph: tcp://127.0.0.1:9: cannot reach the Dask scheduler")
