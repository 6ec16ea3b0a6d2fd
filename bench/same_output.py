"""Check that a change preserves behaviour: the working tree builds byte-identical graphs to a reference commit.

Usage: python bench/same_output.py [--against REV] [--file graph.trig ...] [--quads] [DOCS ...]

Each folder of documents (default: ``seeds``, ``tests/data/docs`` and ``../shared/eval/dev/docs`` when it is
there) is built twice, once with the code of ``REV`` (default ``HEAD``, checked out into a temporary git
worktree) and once with the working tree, each in its own process with its own code first on ``PYTHONPATH``.
The named output files (default ``graph.trig``) must be byte-identical; the first differing lines are shown
when they are not. Exit status 0 when every build matches, 1 otherwise. A refactor keeps this green at every
stage; an extraction change is expected to fail it and is measured with ``make score`` instead.

``--quads`` compares the RDF files (``.trig``, ``.ttl``) as data instead of bytes: each is read with rdflib, as
the scorer and the notebooks read it, and its quads compared as sorted N-Quads lines, so a change of the
writer (layout, prefixes, order) passes when it says the same thing.
"""
from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = [ROOT / "seeds", ROOT / "tests" / "data" / "docs", ROOT.parent / "shared" / "eval" / "dev" / "docs"]


def build(code: Path, docs: Path, out: Path) -> None:
    """Build ``docs`` into ``out`` with the package found in ``code``."""
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONHASHSEED": "0"}
    cmd = [sys.executable, "-m", "graph", "build", str(docs), "--out", str(out), "--quiet"]
    done = subprocess.run(cmd, cwd=code, env=env, capture_output=True, text=True)
    if not (out / "graph.trig").exists():
        raise SystemExit(f"build of {docs} with {code} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")


def nquads(path: Path) -> list[str]:
    """The quads of a TriG or Turtle file as read by rdflib, one N-Quads line each, sorted."""
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(path, format="trig" if path.suffix == ".trig" else "turtle")
    return sorted(line for line in ds.serialize(format="nquads").splitlines() if line.strip())


def same_quads(a: Path, b: Path) -> tuple[bool, str]:
    """Whether two RDF files hold the same quads, and the first lines that differ when they do not."""
    qa, qb = nquads(a), nquads(b)
    if qa == qb:
        return True, ""
    diff = difflib.unified_diff(qa, qb, str(a), str(b), n=0, lineterm="")
    return False, f"{len(qa)} / {len(qb)} quads\n" + "\n".join(list(diff)[:20])


def first_difference(a: Path, b: Path, context: int = 3) -> str:
    """A short unified diff of two text files."""
    lines = difflib.unified_diff(a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines(),
                                 str(a), str(b), n=context, lineterm="")
    return "\n".join(list(lines)[:40])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", nargs="*", type=Path, help="folders of documents (default: samples, test documents, dev)")
    ap.add_argument("--against", default="HEAD", help="the reference commit (default: HEAD)")
    ap.add_argument("--file", action="append", dest="files", help="output file to compare (default: graph.trig)")
    ap.add_argument("--quads", action="store_true", help="compare .trig/.ttl files as quads, not bytes")
    args = ap.parse_args()
    sets = [d.resolve() for d in args.docs] or [d for d in DEFAULT_SETS if d.is_dir()]
    files = args.files or ["graph.trig"]
    failed = False
    with tempfile.TemporaryDirectory(prefix="tg-same-") as tmp:
        ref = Path(tmp) / "ref"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(ref), args.against],
                       check=True)
        try:
            for i, docs in enumerate(sets):
                before, after = Path(tmp) / f"before-{i}", Path(tmp) / f"after-{i}"
                build(ref, docs, before)
                build(ROOT, docs, after)
                for name in files:
                    as_quads = args.quads and name.endswith((".trig", ".ttl"))
                    if as_quads:
                        same, diff = same_quads(before / name, after / name)
                    else:
                        same = (before / name).read_bytes() == (after / name).read_bytes()
                        diff = "" if same else first_difference(before / name, after / name)
                    print(f"{'same' if same else 'DIFFERENT'}  {name}{' (quads)' if as_quads else ''}  {docs}")
                    if not same:
                        failed = True
                        print(diff)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(ref)], check=False)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
