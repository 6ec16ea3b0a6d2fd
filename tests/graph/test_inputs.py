"""The bad-input zoo: every file a build is given is read or skipped with its reason, nothing hangs or crashes.

Made-up documents and people only. The fast tests check collecting, reading and decoding without the
model; the slow ones run ``tradegraph build`` over the whole zoo and build a document longer than the
parser's limit in pieces.
"""
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import spacy

from extract.errors import InputError, TradegraphError
from extract.text.document import decode
from extract.text.long_text import PIECE, parse, pieces
from graph.build import sources

ROOT = Path(__file__).resolve().parents[2]
GOOD = "Senator Jo Ames met Economy Minister Luz Vera in Monterrey on 3 May 2024 to discuss steel tariffs.\n"
LATIN = "Minister José Núñez met Senator Ana Peñalosa in Querétaro on 4 June 2024.\n"
WIDE = "Senator Kay Dorn met Minister Ilse Ortiz in Puebla on 5 July 2024.\n"
PAGE = ("<html><body><script>var smuggled = 'Admiral Evil Payload';</script>"
        "<p>Governor Sam Reyes met Mayor Tina Loza in Laredo on 6 August 2024.</p></body></html>")
NOISE = bytes(range(128, 256)) * 20  # no UTF-8, and no Western European code page reads it as text


def make_zoo(root: Path) -> Path:
    """A folder holding one of each kind of input, good and bad, some in a subfolder."""
    docs = root / "zoo"
    (docs / "sub").mkdir(parents=True)
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    (docs / "latin.txt").write_bytes(LATIN.encode("latin-1"))
    (docs / "wide.txt").write_bytes(WIDE.encode("utf-16"))
    (docs / "page.html").write_text(PAGE, encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "nul.txt").write_bytes(b"GIF89a\x00\x01\x02binary")
    (docs / "noise.md").write_bytes(NOISE)
    (docs / "sub" / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (docs / "sub" / "memo.docx").write_bytes(b"PK\x03\x04")
    (docs / "sub" / "gone.txt").symlink_to(docs / "sub" / "nowhere.txt")
    os.mkfifo(docs / "sub" / "pipe.txt")
    (docs / "README.md").write_text("What this folder holds.\n", encoding="utf-8")
    (docs / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (docs / "judgements.yaml").write_text("{}\n", encoding="utf-8")
    return docs


#: What the build says of each bad file of the zoo.
SKIPPED = {
    "empty.txt": "the file is empty",
    "nul.txt": "looks binary",
    "noise.md": "not text in a known encoding",
    "sub/report.pdf": "unsupported kind of file '.pdf'",
    "sub/memo.docx": "unsupported kind of file '.docx'",
    "sub/gone.txt": "broken link",
    "sub/pipe.txt": "not a regular file (a named pipe)",
}


def test_collect_sorts_every_file_of_a_folder_into_read_or_skipped(tmp_path):
    docs = make_zoo(tmp_path)
    found = sources.collect([docs], companions=["judgements.yaml"])
    assert [f.relative_to(docs).as_posix() for f in found.files] == [
        "empty.txt", "good.txt", "latin.txt", "noise.md", "nul.txt", "page.html", "wide.txt"]
    reasons = {s.path.relative_to(docs).as_posix(): s.reason for s in found.skipped}
    assert set(reasons) == {"sub/report.pdf", "sub/memo.docx", "sub/gone.txt", "sub/pipe.txt"}
    for name, reason in reasons.items():
        assert SKIPPED[name] in reason and "\n" not in reason


def test_collect_skips_bad_files_named_directly_and_refuses_missing_ones(tmp_path):
    docs = make_zoo(tmp_path)
    found = sources.collect([docs / "sub" / "pipe.txt", docs / "sub" / "gone.txt", docs / "good.txt"])
    assert found.files == [docs / "good.txt"]
    assert [str(s) for s in found.skipped] == [
        f"{docs / 'sub' / 'pipe.txt'}: not a regular file (a named pipe); only regular files are read",
        f"{docs / 'sub' / 'gone.txt'}: broken link (to {docs / 'sub' / 'nowhere.txt'}, which does not exist)"]
    with pytest.raises(TradegraphError, match="no such file or folder"):
        sources.collect([tmp_path / "missing"])


def test_collect_follows_a_link_to_a_folder_once_and_survives_a_loop(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(GOOD, encoding="utf-8")
    (docs / "loop").symlink_to(docs)
    assert sources.collect([docs]).files == [docs / "a.txt"]


def test_read_bytes_never_blocks_on_a_named_pipe(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: outcome.append(pytest.raises(InputError, sources.read_bytes, fifo).value),
                              daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "reading a named pipe blocked"
    assert "not a regular file (a named pipe)" in str(outcome[0])


def test_read_bytes_refuses_a_file_over_the_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputError, match=r"big.txt: too large \(0.0 MB; documents over 0.0001 MB are not read"):
        sources.read_bytes(big, limit=100)
    assert sources.read_bytes(big, limit=1000) == b"word " * 100


@pytest.mark.parametrize("data,text,encoding", [
    (LATIN.encode("latin-1"), LATIN, "cp1252"),
    ("Señora Núñez said “yes” – twice.".encode("cp1252"), "Señora Núñez said “yes” – twice.", "cp1252"),
    (b"\xff\xfe" + WIDE.encode("utf-16-le"), WIDE, "UTF-16"),
    (b"\xfe\xff" + WIDE.encode("utf-16-be"), WIDE, "UTF-16"),
    (b"\xef\xbb\xbf" + GOOD.encode("utf-8"), GOOD, "utf-8"),
    (GOOD.encode("utf-8"), GOOD, "utf-8"),
])
def test_decode_reads_marked_and_western_european_text_and_says_how(data, text, encoding):
    doc = decode("doc.txt", data)
    assert (doc.text, doc.encoding) == (text, encoding)


@pytest.mark.parametrize("data,reason", [
    (b"", "the file is empty"),
    (b"\xff\xfe", "the file is empty"),  # a byte-order mark and nothing else
    (b"GIF89a\x00\x01", "looks binary"),
    (NOISE, "not text in a known encoding"),
    (b"\xff\xfe\x00\xd8", "not valid UTF-16 although it starts with a UTF-16 byte-order mark"),
])
def test_decode_refuses_what_is_not_text_in_one_line(data, reason):
    with pytest.raises(InputError) as err:
        decode("doc.txt", data)
    assert str(err.value).startswith("doc.txt: ") and reason in str(err.value) and "\n" not in str(err.value)


def test_decode_keeps_an_html_page_s_text_without_its_scripts():
    text = decode("page.html", PAGE.encode("utf-8")).text
    assert "Governor Sam Reyes" in text and "Payload" not in text and "smuggled" not in text


@pytest.mark.parametrize("text,size,expected", [
    ("one\n\ntwo three\n\nfour", 12, ["one\n\n", "two three\n\n", "four"]),
    ("one two\nthree four", 10, ["one two\n", "three four"]),
    ("alpha beta gamma", 8, ["alpha ", "beta ", "gamma"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ("short", 100, ["short"]),
])
def test_pieces_cut_at_the_best_break_and_give_the_text_back(text, size, expected):
    cut = pieces(text, size)
    assert cut == expected and "".join(cut) == text and all(len(p) <= size for p in cut)


def test_a_document_over_the_parser_limit_is_parsed_in_pieces_with_its_offsets():
    nlp = spacy.blank("en")
    paragraph = "Delegates from Laredo met in the afternoon to talk about the border crossings.\n\n"
    text = paragraph * (nlp.max_length // len(paragraph) + 200) + "The end."
    assert len(text) > nlp.max_length
    doc = parse(nlp, text)
    assert doc.text == text
    last = doc[-3:]
    assert (last.text, last.start_char) == ("The end.", len(text) - len("The end."))
    assert len(pieces(text)) == len(text) // PIECE + 1


# -- through the command line, with the model ------------------------------------------------------------------

def run_build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", "build", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)


@pytest.mark.slow
def test_cli_build_accounts_for_every_file_of_the_zoo(tmp_path):
    docs = make_zoo(tmp_path)
    out = tmp_path / "out"
    done = run_build(str(docs), "--out", str(out))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    for name, reason in SKIPPED.items():
        line = next(x for x in lines if x.startswith(f"skipped {docs / name}: "))
        assert reason in line
    assert f"note: {docs / 'latin.txt'}: read as cp1252 (not UTF-8)" in lines
    assert f"note: {docs / 'wide.txt'}: read as UTF-16 (not UTF-8)" in lines
    assert lines[-1] == "files: 4 built, 7 skipped; the others were built"
    assert not any("README" in x or "hidden" in x or "judgements" in x for x in lines)
    assert "documents 4" in done.stdout
    graph = (out / "graph.trig").read_text(encoding="utf-8")
    for name in ("Jo Ames", "José Núñez", "Ana Peñalosa", "Kay Dorn", "Ilse Ortiz", "Sam Reyes", "Tina Loza"):
        assert name in graph
    assert "Payload" not in graph


@pytest.mark.slow
def test_cli_build_of_good_files_exits_0_with_the_count(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    (docs / "README.md").write_text("About these documents.\n", encoding="utf-8")
    done = run_build(str(docs), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "files: 1 built, 0 skipped" in done.stdout and "skipped" not in done.stderr


@pytest.mark.slow
def test_cli_build_with_only_bad_files_says_why_in_one_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (docs / "empty.txt").write_bytes(b"")
    done = run_build(str(docs), "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "none of the 2 file(s) could be built" in done.stderr and "report.pdf: unsupported kind" in done.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_build_reads_a_document_over_the_parser_limit_in_pieces_into_one_graph(tmp_path, monkeypatch):
    from rdflib import Literal

    from extract.text.pipeline import load_pipeline
    from extract.vocab import SDO
    from graph.build.run import build

    monkeypatch.setattr(load_pipeline(None), "max_length", 3000)  # a small limit stands for spaCy's 1,000,000
    filler = "The delegations spent the morning on customs procedures at the crossings.\n\n" * 60
    text = GOOD + "\n" + filler + WIDE
    assert len(text) > 3000
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "long.txt").write_text(text, encoding="utf-8")
    result = build([docs], tmp_path / "out", show_progress=False)
    assert result.failures == [] and result.documents == ["long.txt"]
    graphs = [g for g in result.dataset.graphs() if (None, SDO.name, Literal("Jo Ames")) in g]
    assert len(graphs) == 1 and (None, SDO.name, Literal("Kay Dorn")) in graphs[0]
