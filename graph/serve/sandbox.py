"""Take network access away from the current process (Linux seccomp), so no query can make it send a request.

The endpoint's query workers call :func:`deny_network` before they open the store when no
``SERVICE`` host is allowed: from then on creating any socket other than a local
(``AF_UNIX``) one fails with "permission denied" in that process and every thread it has or
starts, so neither Oxigraph's ``SERVICE`` client nor a name lookup can reach anything,
whatever a query says. The filter is a fixed eight-instruction BPF program; it needs no
privileges (``PR_SET_NO_NEW_PRIVS`` is set first) and cannot be lifted afterwards.
On a system without seccomp (not Linux, another CPU) it does nothing and says so.
"""
from __future__ import annotations

import ctypes
import errno
import platform
import sys

__all__ = ["deny_network"]

# Linux <linux/audit.h>, <asm/unistd.h>, <linux/seccomp.h>, <linux/filter.h> constants.
_ARCHES = {"x86_64": (0xC000003E, 41, 317), "aarch64": (0xC00000B7, 198, 277)}  # audit arch, socket, seccomp
_PR_SET_NO_NEW_PRIVS, _SECCOMP_SET_MODE_FILTER, _SECCOMP_FILTER_FLAG_TSYNC = 38, 1, 1
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
_LD_ABS, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06
_AF_UNIX, _X32_BIT = 1, 0x40000000


class _Filter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter))]


def _program(arch: int, socket_nr: int) -> list[tuple[int, int, int, int]]:
    """socket(family, …) fails with EACCES unless family is AF_UNIX; other ABIs' calls fail; the rest pass."""
    deny = _RET_ERRNO | errno.EACCES
    return [
        (_LD_ABS, 0, 0, 4),             # 0: A = seccomp_data.arch
        (_JEQ, 0, 6, arch),             # 1: another ABI -> 8 (deny)
        (_LD_ABS, 0, 0, 0),             # 2: A = seccomp_data.nr
        (_JGE, 4, 0, _X32_BIT),         # 3: x32 calls -> 8 (deny)
        (_JEQ, 0, 2, socket_nr),        # 4: not socket() -> 7 (allow)
        (_LD_ABS, 0, 0, 16),            # 5: A = low word of args[0], the address family
        (_JEQ, 0, 1, _AF_UNIX),         # 6: AF_UNIX -> 7 (allow), else -> 8 (deny)
        (_RET, 0, 0, _RET_ALLOW),       # 7
        (_RET, 0, 0, deny),             # 8
    ]


def deny_network() -> bool:
    """Forbid network sockets in this process from now on; ``True`` when the filter is in force."""
    arch = _ARCHES.get(platform.machine())
    if not sys.platform.startswith("linux") or arch is None or sys.byteorder != "little":
        return False
    audit_arch, socket_nr, seccomp_nr = arch
    libc = ctypes.CDLL(None, use_errno=True)
    rows = _program(audit_arch, socket_nr)
    filters = (_Filter * len(rows))(*[_Filter(*row) for row in rows])
    program = _Program(len(rows), ctypes.cast(filters, ctypes.POINTER(_Filter)))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    done = libc.syscall(ctypes.c_long(seccomp_nr), ctypes.c_uint(_SECCOMP_SET_MODE_FILTER),
                        ctypes.c_uint(_SECCOMP_FILTER_FLAG_TSYNC), ctypes.byref(program))
    return bool(done == 0)
