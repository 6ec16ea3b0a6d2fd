"""The build folder as one unit: a lock beside it, a fresh folder to write into, one swap at the end.

A build never writes into ``out/`` itself. It holds an exclusive ``fcntl.flock`` on ``.out.lock``
beside the folder (released by the kernel if the process dies; the file stays, holding the last
holder's pid), writes every file into a fresh sibling ``.out.building-<pid>-<random>`` on the same
filesystem, and only when all of them are written puts that folder in ``out/``'s place:

- on Linux with ``renameat2(RENAME_EXCHANGE)`` the two folders trade names in one atomic step, so a
  reader of ``out/`` sees the old build or the new one, never a mix and never no folder;
- elsewhere (or on a filesystem without it) ``out/`` is renamed aside to ``.out.old-<pid>-<random>``
  and the new folder renamed to ``out/``: for an instant between the two renames there is no ``out/``.

Then the old build is removed. (A reader opening ``out/``'s files one by one across the swap can
still get one from each build; what the swap promises is the folder, not a reader's sequence.)
An exception, Ctrl-C or SIGTERM (:func:`term_as_interrupt`) before the swap removes the fresh
folder and leaves ``out/`` as it was; one after it leaves the new build whole. A process killed
outright (SIGKILL, power loss) may leave a ``.out.building-…`` or ``.out.old-…`` folder, which the
next build into the same ``out/`` removes (or, if ``out/`` is missing, puts back) once it holds the lock.

The build's own files are replaced as a set; any other file in ``out/`` (a log the user writes
there, a page from ``render``, files from ``export``) is moved into the new folder just before the
swap, so nothing of the user's is lost. A folder holding the build's own input documents is refused.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from graph.errors import BuildError

__all__ = ["BuildLocked", "atomic_write", "fresh", "locked", "target", "term_as_interrupt"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_MARK = "graph.trig"  # a folder holding it is a build that may be replaced


class BuildLocked(BuildError):
    """Another build is writing the same output folder."""


def target(out: Path, inputs: list[Path]) -> Path:
    """The folder a build into ``out`` replaces (a symlink's target), checked before anything is read.

    Raises:
        TradegraphError: ``out`` is a file, or holds one of the ``inputs``.
    """
    out = Path(os.path.abspath(out))
    if out.is_symlink():
        out = out.resolve()
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: is a file, not a folder; choose another output folder")
    for path in inputs:
        if Path(os.path.abspath(path)).resolve().is_relative_to(out):
            raise BuildError(f"{path}: is inside the output folder {out}, which a build replaces; "
                                  f"choose another output folder")
    return out


def _siblings(out: Path, kind: str) -> list[Path]:
    """Leftover ``.out.<kind>-…`` folders of builds into ``out`` that were killed outright."""
    prefix = f".{out.name}.{kind}-"
    return sorted(p for p in out.parent.iterdir() if p.name.startswith(prefix))


def _recover(out: Path) -> None:
    """Put a killed build's old folder back if ``out/`` is missing, and remove every leftover folder."""
    for old in _siblings(out, "old"):
        if not out.exists() and (old / _MARK).exists():
            os.rename(old, out)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for stray in _siblings(out, "building"):
        shutil.rmtree(stray, ignore_errors=True)


@contextmanager
def term_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises ``KeyboardInterrupt`` like Ctrl-C, so the clean-up still runs
    (by default SIGTERM ends Python at once). Only the main thread can set a handler; elsewhere a no-op."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the build lock of ``out`` (``.out.lock`` beside it) for the block.

    Raises:
        BuildLocked: another process holds it; nothing was changed.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out.with_name(f".{out.name}.lock"), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise BuildLocked(f"{out}: another build (pid {pid}) is writing this folder; "
                              f"wait for it to finish or choose another output folder") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        _recover(out)
        yield
    finally:
        os.close(fd)  # releases the lock


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names of ``a`` and ``b`` in one step; False where the system cannot."""
    try:
        rename = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    rename.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if rename(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap(new: Path, out: Path) -> None:
    """Put ``new`` in ``out``'s place; afterwards ``new`` holds the old build, if there was one."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        return
    aside = out.with_name(f".{out.name}.old-{os.getpid()}-{secrets.token_hex(4)}")
    os.rename(out, aside)
    try:
        os.rename(new, out)
    except BaseException:
        os.rename(aside, out)
        raise
    os.rename(aside, new)  # removed with the fresh folder's name


@contextmanager
def fresh(out: Path) -> Iterator[Path]:
    """A new empty folder beside ``out`` for the block to write a build into; swapped in if the block ends well.

    Call it while holding :func:`locked`. Whatever happens, the fresh folder's name is gone afterwards.
    """
    work = out.with_name(f".{out.name}.building-{os.getpid()}-{secrets.token_hex(4)}")
    work.mkdir()  # the usual mode under the umask, like the files in it (not mkdtemp's 0700)
    try:
        yield work
        carried = _carry_over(out, work)
        try:
            _swap(work, out)
        except BaseException:
            for name in carried:  # the old folder is still ``out/``: its other files go back into it
                os.rename(work / name, out / name)
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _carry_over(out: Path, work: Path) -> list[str]:
    """Move into the new build the files of ``out/`` that a build does not write (a log the user keeps
    there, a page from ``render``): a build replaces its own files, never the user's."""
    if not out.is_dir():
        return []
    carried = [entry.name for entry in sorted(out.iterdir()) if not (work / entry.name).exists()]
    for name in carried:
        os.rename(out / name, work / name)
    return carried


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    with atomic_file(path) as fh:
        fh.write(data)


@contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A file to write ``path``'s bytes into, bit by bit: a temporary file in the same folder, renamed to
    ``path`` when the block ends without an error (and removed when it raises)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes owner-only files; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
