"""What a Dask worker does before its first batch: import the project and load the spaCy pipeline, once.

:class:`LoadPipeline` is the worker plugin a build registers on the cluster (:mod:`graph.build.pool`)
before it sends any batch: every worker loads the pipeline at once, side by side, and a worker that joins
the cluster later loads it as it starts; the batches then find it loaded (the per-process cache of
:func:`extract.text.pipeline.load_pipeline`, which a local worker uses too). It is idempotent by name, so
a second build on the same cluster registers nothing new and loads nothing again.

Workers started for tradegraph can pay that cost when they start rather than during the first build:
``dask worker tcp://HOST:8786 --preload graph.build.dask_worker`` runs :func:`dask_setup`, which loads
the default pipeline. This module imports ``distributed`` and is imported only on the Dask path.
"""
from __future__ import annotations

import asyncio
from typing import Any

from distributed import WorkerPlugin

from extract.text.pipeline import load_pipeline

__all__ = ["LoadPipeline", "dask_setup"]


class LoadPipeline(WorkerPlugin):
    """Load the pipeline ``model`` (None: the default) on each worker, off its event loop (a load takes
    seconds; the worker keeps answering the scheduler meanwhile)."""

    idempotent = True  # registered again by the next build on the same cluster: nothing to do

    def __init__(self, model: str | None) -> None:
        self.model = model
        self.name = f"tradegraph-pipeline-{model or 'default'}"

    async def setup(self, worker: Any) -> None:
        """Run when the plugin is registered (on every worker) or when a new worker starts."""
        await asyncio.to_thread(load_pipeline, self.model)


def dask_setup(worker: Any) -> None:
    """``dask worker --preload graph.build.dask_worker``: the default pipeline, loaded as the worker starts."""
    load_pipeline(None)
