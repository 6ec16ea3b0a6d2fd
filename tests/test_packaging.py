"""Every data file the code reads is installed with the package: a file of ``extract/data`` or ``graph/data``
that no ``package-data`` glob of pyproject.toml covers works from a checkout and is missing from a wheel."""
from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("package", ["extract", "graph"])
def test_every_data_file_is_package_data(package: str) -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    data = ROOT / package / "data"
    files = [p.relative_to(ROOT / package).as_posix() for p in data.rglob("*") if p.is_file()
             and "__pycache__" not in p.parts]
    assert files
    left_out = [f for f in files if not any(fnmatch.fnmatch(f, g) for g in globs[package])]
    assert left_out == [], f"add a package-data glob for {left_out}"
