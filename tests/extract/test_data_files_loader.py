"""The data files read through libyaml give what the pure-Python safe loader gives (extract.reference.data_files)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.data_files import read_yaml

DATA_FILES = sorted(DATA_DIR.glob("*.yaml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_read_yaml_gives_what_the_safe_loader_gives(path):
    assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", ["a: [1, 2\nb: 3\n", "a: !!python/object:os.system ls\n", "\tbad: tab\n"])
def test_read_yaml_refuses_bad_or_unsafe_yaml_naming_the_file(tmp_path: Path, text: str):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.yaml: cannot be read as YAML"):
        read_yaml(bad)


def test_there_are_data_files():
    assert len(DATA_FILES) >= 20
