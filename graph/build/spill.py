"""Documents' graphs kept on disk between extraction and the merge, so a build holds one at a time.

A build of tens of thousands of documents cannot keep every document's graph in memory until the merge: at
~200 triples a document that alone grows by tens of MiB per thousand documents, and the merge then reads each
graph twice (into its records, then to rewrite it). Each graph's N-Triples lines are written once to an
anonymous temporary file beside the build's output as they arrive (from the cache, from a worker, from this
process), and read back, one document at a time, when the merge needs them. The file has no name: it goes
when the build ends, however it ends.

>>> spill = Spill()
>>> kept = spill.put(['<http://e/a> <http://e/p> "x"', '<http://e/a> <http://e/q> <http://e/b>'])
>>> len(kept), kept.lines()[1]
(2, '<http://e/a> <http://e/q> <http://e/b>')
>>> spill.close()
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from graph.build.docgraph import DocGraph

__all__ = ["Spill", "Spilled"]


class Spill:
    """An append-only temporary file of documents' lines; :meth:`put` gives the handle to read them back."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix=".tradegraph-spill-", dir=folder)
        self._end = 0

    def put(self, lines: list[str]) -> Spilled:
        """Keep ``lines`` (N-Triples without `` .``, no line breaks inside) and say where they are."""
        data = "\n".join(lines).encode("utf-8")
        self._file.write(data)
        kept = Spilled(self, self._end, len(data), len(lines))
        self._end += len(data)
        return kept

    def read(self, offset: int, size: int) -> bytes:
        """The ``size`` bytes written at ``offset``."""
        self._file.flush()
        return os.pread(self._file.fileno(), size, offset)

    def close(self) -> None:
        """Remove the file (the handles given out can no longer be read)."""
        self._file.close()


@dataclass(frozen=True)
class Spilled:
    """One document's lines in a :class:`Spill`: read them again with :meth:`lines` or :meth:`graph`."""

    spill: Spill
    offset: int
    size: int
    count: int

    def __len__(self) -> int:
        return self.count

    def lines(self) -> list[str]:
        """The lines, in the order they were put."""
        return self.spill.read(self.offset, self.size).decode("utf-8").split("\n") if self.count else []

    def graph(self) -> DocGraph:
        """The lines as a :class:`graph.build.docgraph.DocGraph`, its recorded triples parsed."""
        return DocGraph(self.lines())
