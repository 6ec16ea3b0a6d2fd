"""Web pages read once are taken from the extraction cache when their bytes are the same (graph.build.pages_read)."""
from __future__ import annotations

import pytest

from extract.errors import InputError
from graph.build import pages_read
from graph.build.cache import TAG, clear

PAGE = b"<html><body><article><p>Nadia Ferrow met Tomas Hale in Laredo on May 2, 2025.</p></article></body></html>"


def entries(folder):
    return sorted((folder / "pages").glob("*/*.json"))


def test_a_page_read_before_is_not_read_again(tmp_path, monkeypatch):
    first = pages_read.read(tmp_path, "a.html", PAGE, key="a")
    assert len(entries(tmp_path)) == 1 and (tmp_path / TAG).exists()

    def unread(*args, **kwargs):
        raise AssertionError("the page was read again")

    monkeypatch.setattr(pages_read, "decode", unread)
    assert pages_read.read(tmp_path, "a.html", PAGE, key="a") == first
    with pytest.raises(AssertionError):  # other bytes, another name or key: read
        pages_read.read(tmp_path, "a.html", PAGE.replace(b"Laredo", b"Nogales"), key="a")
    with pytest.raises(AssertionError):
        pages_read.read(tmp_path, "a.html", PAGE, key="a-2")
    assert clear(tmp_path) == 0 and not tmp_path.exists()  # a cache folder: clear removes it


def test_a_damaged_entry_is_read_again_and_rewritten(tmp_path):
    first = pages_read.read(tmp_path, "a.html", PAGE, key="a")
    [entry] = entries(tmp_path)
    entry.write_text(entry.read_text(encoding="utf-8")[:40], encoding="utf-8")
    assert pages_read.read(tmp_path, "a.html", PAGE, key="a") == first
    assert pages_read._load(entry, entry.stem) == first


@pytest.mark.parametrize(("folder", "name"), [(None, "a.html"), ("cache", "a.txt"), ("cache", "a.md")])
def test_plain_text_and_builds_without_a_cache_read_directly(tmp_path, folder, name):
    where = tmp_path / folder if folder else None
    assert "Laredo" in pages_read.read(where, name, PAGE, key="a").text
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_only_costs_time_and_errors_stay_errors(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    assert "Laredo" in pages_read.read(tmp_path / "file", "a.html", PAGE, key="a").text
    with pytest.raises(InputError, match="no visible text"):
        pages_read.read(tmp_path, "b.html", b"<html><body></body></html>", key="b")
    assert entries(tmp_path) == []
