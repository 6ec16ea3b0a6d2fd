"""The Dask path's preparation, without a cluster: the worker plugin loads the pipeline it names, off the
worker's event loop, and a worker that cannot load it stops the build with one line."""
from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from graph.build import dask_worker
from graph.build.pool import DaskExecutor, completed
from graph.errors import BuildError


class FakeClient:
    """What DaskExecutor uses of a ``distributed.Client``: an executor, and plugin registration."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.fail, self.pool = fail, ThreadPoolExecutor(1)
        self.plugins: list[Any] = []

    def get_executor(self, pure: bool) -> ThreadPoolExecutor:
        return self.pool

    def register_plugin(self, plugin: Any) -> None:
        if self.fail:
            raise self.fail
        self.plugins.append(plugin)


@pytest.mark.parametrize("model,name", [(None, "tradegraph-pipeline-default"),
                                        ("my_model", "tradegraph-pipeline-my_model")])
def test_the_plugin_loads_the_named_pipeline_in_a_thread(monkeypatch, model, name):
    seen: list[tuple[str | None, bool]] = []
    monkeypatch.setattr(dask_worker, "load_pipeline",
                        lambda m: seen.append((m, threading.current_thread() is threading.main_thread())))
    plugin = dask_worker.LoadPipeline(model)
    asyncio.run(plugin.setup(worker=None))
    assert seen == [(model, False)]  # loaded, and not on the event loop's thread
    assert (plugin.name, plugin.idempotent) == (name, True)


def test_the_preload_loads_the_default_pipeline(monkeypatch):
    seen: list[str | None] = []
    monkeypatch.setattr(dask_worker, "load_pipeline", seen.append)
    dask_worker.dask_setup(worker=None)
    assert seen == [None]


def test_the_build_registers_the_plugin_before_the_batches(monkeypatch):
    client = FakeClient()
    monkeypatch.setattr("graph.build.pool.extract_batch", lambda job, *args: [len(client.plugins), *job])
    done = list(completed(DaskExecutor(client), [[1], [2]], model="m", language=None, batch_size=4))
    assert sorted(done) == [[1, 1], [1, 2]]  # every batch ran after the one registration
    assert [p.model for p in client.plugins] == ["m"]


def test_a_worker_that_cannot_load_the_pipeline_is_one_line(monkeypatch):
    client = FakeClient(fail=OSError("[E050] Can't find model 'm'.\nmore"))
    with pytest.raises(BuildError) as info:
        list(completed(DaskExecutor(client), [[1]], model="m", language=None, batch_size=4))
    assert str(info.value).startswith("a Dask worker cannot load the spaCy pipeline (OSError: [E050] Can't find")
    assert "\n" not in str(info.value)
