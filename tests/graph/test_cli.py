"""The command line as a user meets it: exit codes, one-line errors, files written."""
import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli import main, parser

ROOT = Path(__file__).resolve().parents[2]


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, cwd=cwd or ROOT)


@pytest.mark.parametrize("command", ["build", "query", "queries", "merges", "check", "render", "stats", "export",
                                     "serve"])
def test_cli_every_command_has_help_and_is_in_the_readme(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0 and capsys.readouterr().out.strip()
    assert f"tradegraph {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("args,needle", [
    (["build", "no/such/folder", "--out", "OUT"], "no/such/folder: no such file or folder"),
    (["query", "no_such_query", "--out", "OUT"], "unknown query 'no_such_query'"),
    (["merges", "--out", "OUT"], "no merge record"),
    (["query", "people_organizations", "--out", "OUT"], "no built graph here"),
    (["render", "--graph", "OUT"], "no built graph here"),
    (["render", "--depth", "2"], "--depth needs --focus NAME"),
    (["stats", "--out", "OUT"], "no built graph here"),
    (["export", "--format", "graphml", "--out", "OUT"], "no built graph here"),
])
def test_cli_user_mistakes_get_one_line_and_no_traceback(tmp_path, args, needle):
    args = [a.replace("OUT", str(tmp_path / "out")) for a in args]
    done = run(*args)
    assert done.returncode == 2
    assert needle in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_cli_build_skips_bad_files_and_keeps_the_rest(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Senator Joni Ernst met Economy Minister Raquel Buenrostro in Mexico City.\n",
                                   encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "bad.md").write_bytes(bytes(range(128, 256)) * 20)
    done = run("build", str(docs), "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert "empty.txt: the file is empty" in done.stderr
    assert "bad.md: not text in a known encoding" in done.stderr
    assert "Traceback" not in done.stderr
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} >= {"graph.trig", "graph.ttl", "network.html", "merges.json"}
    assert "documents 1" in done.stdout and "network view:" in done.stdout


def test_cli_parser_defaults():
    args = parser().parse_args(["build", "seeds"])
    assert args.out == Path("out") and args.batch_size == 16 and args.model is None


def test_cli_render_writes_the_page_and_names_it_after_the_view(tmp_path, tiny_dataset, capsys):
    from graph.build.store import write

    write(tiny_dataset, tmp_path)
    assert main(["render", "--graph", str(tmp_path)]) == 0
    assert f"network view: {(tmp_path / 'network.html').resolve()}" in capsys.readouterr().out
    assert main(["render", "--graph", str(tmp_path), "--focus", "Ana Ruiz", "--depth", "2"]) == 0
    assert main(["render", "--graph", str(tmp_path), "--projection", "people", "--out", str(tmp_path / "p.html"),
                 "--max-nodes", "10"]) == 0
    assert {p.name for p in tmp_path.glob("*.html")} == {"network.html", "network-ana-ruiz.html", "p.html"}
    assert main(["render", "--graph", str(tmp_path), "--focus", "Nobody At All"]) == 2
    assert "no actor named 'Nobody At All'" in capsys.readouterr().err


def test_cli_stats_prints_the_tables(tmp_path, tiny_dataset, capsys):
    from graph.build.store import write

    write(tiny_dataset, tmp_path)
    assert main(["stats", "--out", str(tmp_path), "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "Bridges between United States and Mexico" in out and "U.S. Department of Commerce" in out
    assert "(2 rows)" in out and "Traceback" not in out
    assert main(["stats", "--out", str(tmp_path), "--top", "0"]) == 2
    assert "--top must be 1 or more" in capsys.readouterr().err


def test_cli_export_writes_each_format_where_asked(tmp_path, tiny_dataset, capsys):
    import networkx as nx

    from graph.build.store import write

    write(tiny_dataset, tmp_path)
    assert main(["export", "--format", "graphml", "--out", str(tmp_path)]) == 0
    assert f"wrote {tmp_path / 'network.graphml'}" in capsys.readouterr().out
    assert nx.read_graphml(tmp_path / "network.graphml").number_of_nodes() > 0
    assert main(["export", "--format", "csv", "--out", str(tmp_path), "--projection", "people",
                 "--to", str(tmp_path / "sheets")]) == 0
    assert {p.name for p in (tmp_path / "sheets").iterdir()} == {"nodes.csv", "edges.csv"}
    assert main(["export", "--format", "popolo", "--out", str(tmp_path), "--projection", "people"]) == 2
    assert "a projection applies to graphml, gexf, csv" in capsys.readouterr().err


def test_cli_output_cut_short_by_a_pipe_is_not_an_error():
    import subprocess as sp

    done = sp.run(f"{sys.executable} -m graph queries | head -1", shell=True, capture_output=True, text=True,
                  cwd=ROOT)
    assert done.stdout.strip() and "Traceback" not in done.stderr


def test_an_unknown_language_is_one_line_naming_the_accepted_ones(tmp_path, capsys):
    from graph.cli import main

    (tmp_path / "a.txt").write_text("Ana Ruiz met Luis Soto in Laredo.", encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--language", "fr", "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("tradegraph: unknown language 'fr'; expected one of en, es, auto") and "\n" not in err
