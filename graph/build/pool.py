"""Where the workers are: a pool of local processes, or a Dask cluster; both are one ``concurrent.futures.Executor``.

The build sends batches of documents to an executor and merges the results as they complete
(:func:`completed`), whichever executor it is: one code path for both, chosen for these reasons.

- **Local processes: a ``ProcessPoolExecutor``, not a local Dask cluster.** A ``LocalCluster`` starts a
  scheduler, a nanny per worker and spawned worker processes that import the project and load the
  model afresh (seconds each), and needs Dask installed. A process pool forked from the build, which has
  already loaded the model to report a missing one early, starts in milliseconds with the pipeline in
  memory, and is in the standard library; the default install does not need Dask.
- **A cluster: ``distributed.Client.get_executor()``** (in :class:`DaskExecutor`). It is the same
  ``Executor`` interface, so Dask adds no second engine: a worker runs the same job
  (:func:`graph.build.worker.extract_batch`), keeps its pipeline between batches in the same per-process
  cache a local worker uses, and returns text. Before the first batch, :func:`completed` registers the
  worker plugin :class:`graph.build.dask_worker.LoadPipeline`, so every worker imports the project and
  loads the pipeline once, side by side (``dask worker --preload graph.build.dask_worker`` does it when a
  worker starts). Dask is imported only on this path, when ``--scheduler`` or a ``client`` is given.

How many processes (:func:`processes_for`): ``--workers N`` asks for N, but never more than there are
documents to extract; by default, the machine's cores but no more than one per :data:`DOCS_PER_PROCESS`
documents to extract. Below two, the build stays in its own process, where no text crosses between
processes at all: a worker costs little to fork, but its results are turned to text and back, and a
handful of documents is as fast in one process.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from typing import Any, TypeVar

from graph.build.worker import Outcome, extract_batch, start_worker
from graph.errors import BuildError

__all__ = ["DOCS_PER_PROCESS", "DaskExecutor", "batches", "completed", "dask_executor", "local_executor",
           "processes_for"]

_T = TypeVar("_T")

#: The fewest documents to extract that make another local worker process worth starting.
DOCS_PER_PROCESS = 32
#: How long a new client waits for the Dask scheduler before the build says it cannot reach it.
CONNECT_TIMEOUT = "10s"


def processes_for(documents: int, workers: int | None) -> int:
    """How many local processes extract ``documents``: ``workers`` but no more than there are documents,
    or by default (None) the machine's cores but no more than one per :data:`DOCS_PER_PROCESS` documents;
    at least one (1 means: in the build's own process).

    >>> processes_for(5, 2), processes_for(1, 4), processes_for(5, None)
    (2, 1, 1)
    """
    if workers is not None and workers < 1:
        raise BuildError(f"--workers must be 1 or more, not {workers}")
    if workers is not None:
        return max(1, min(workers, documents))
    return max(1, min(os.cpu_count() or 1, documents // DOCS_PER_PROCESS))


def batches(numbers: list[int], workers: int, batch_size: int) -> list[list[int]]:
    """``numbers`` cut into batches of at most ``batch_size``, and small enough to give each worker about
    four, so that the last batches do not leave the others idle."""
    size = max(1, min(batch_size, -(-len(numbers) // (4 * max(1, workers)))))
    return [numbers[i:i + size] for i in range(0, len(numbers), size)]


@contextmanager
def local_executor(processes: int, model: str | None) -> Iterator[Executor]:
    """A pool of ``processes`` local workers (forked where the system can, so they start with the loaded
    pipeline). On an error or Ctrl-C in the block the pending batches are cancelled and the workers stopped."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(processes, mp_context=context, initializer=start_worker, initargs=(model,))
    try:
        yield pool
    except BaseException:
        workers = list(getattr(pool, "_processes", {}).values())  # the standard library has no public handle
        pool.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.terminate()
        # wait for the pool's own thread to end first: two threads waiting on one process can leave it listed
        # as alive; then reap every worker, and any the pool started in place of one that died
        pool.shutdown(wait=True)
        for process in {*workers, *(getattr(pool, "_processes", None) or {}).values()}:
            process.terminate()
            process.join(timeout=5)
            if process.is_alive():  # still there after SIGTERM: no more waiting
                process.kill()
                process.join()
        raise
    pool.shutdown(wait=True)


class DaskExecutor(Executor):
    """A Dask client's executor (``client.get_executor(pure=False)``), which can also get the workers ready:
    :meth:`load_pipeline` before the batches."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self._executor: Executor = client.get_executor(pure=False)

    def submit(self, fn: Callable[..., _T], /, *args: Any, **kwargs: Any) -> Future[_T]:
        """Run ``fn(*args, **kwargs)`` on a worker; a ``concurrent.futures.Future`` of its result."""
        return self._executor.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop taking work; without ``wait``, the batches not yet done are cancelled."""
        self._executor.shutdown(wait=wait)

    def load_pipeline(self, model: str | None) -> None:
        """Have every worker load the pipeline ``model`` now, side by side (a worker plugin, registered once
        per cluster and model; it returns when they all have it)."""
        from graph.build.dask_worker import LoadPipeline

        self.client.register_plugin(LoadPipeline(model))


@contextmanager
def dask_executor(client: Any = None, scheduler: str | None = None) -> Iterator[tuple[Executor, int]]:
    """The executor of a Dask cluster and its number of workers: ``client`` (a ``distributed.Client``) or a
    new client of ``scheduler`` (``tcp://HOST:8786``), closed at the end. An error or Ctrl-C in the block
    cancels what is pending."""
    own = client is None
    if own:
        try:
            from distributed import Client
        except ImportError:
            raise BuildError("--scheduler needs Dask, which is not installed; "
                             "install it with: pip install 'tradegraph[dask]'") from None
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BuildError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from None
    executor = DaskExecutor(client)
    workers = len(client.nthreads())
    try:
        yield executor, max(1, workers)
    except BaseException:
        executor.shutdown(wait=False)  # cancels the batches not yet done
        raise
    finally:
        if own:
            client.close()


def completed(executor: Executor, jobs: Iterable[list[tuple[int, Any]]], *, model: str | None,
              language: str | None, batch_size: int) -> Iterator[list[Outcome]]:
    """Send each batch of numbered documents to ``executor`` and give their outcomes as batches complete.

    Raises:
        BuildError: a worker died (not a document's failure, which is an outcome's ``failure`` line).
    """
    if isinstance(executor, DaskExecutor):  # a local pool's workers start with it (forked, or start_worker)
        try:
            executor.load_pipeline(model)
        except Exception as exc:
            raise BuildError(f"a Dask worker cannot load the spaCy pipeline ({type(exc).__name__}: "
                             f"{str(exc).splitlines()[0] if str(exc) else ''}); install tradegraph and its "
                             f"model on every worker") from exc
    # no list of the futures is kept here: as_completed lets go of each one it has given, and with it the
    # batch's N-Triples (holding them all would hold every document's graph until the last batch is in)
    submitted: Iterable[Future[list[Outcome]]] = [executor.submit(extract_batch, job, model, language, batch_size)
                                                  for job in jobs]
    waiting = as_completed(submitted)
    del submitted
    for future in waiting:
        try:
            yield future.result()
        except (BuildError, KeyboardInterrupt):
            raise
        except Exception as exc:
            raise BuildError(f"an extraction worker stopped ({type(exc).__name__}: {exc}); "
                             f"try again, or build with --workers 1") from exc
