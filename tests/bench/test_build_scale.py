"""The scale benchmark's arithmetic and memory reading (bench/scale_report.py, bench/peak_memory.py) on made-up
results: the ratios issue 16 asks for, the simulated 100,000 row, the targets, and a child's peak seen."""
from __future__ import annotations

import doctest
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import scale_report  # noqa: E402
from bench.peak_memory import TreeSampler, descendants  # noqa: E402


def made_up(n: int, per_doc: float) -> dict[str, object]:
    """One size's results: spaCy 1.5x faster with 2 processes, the build 2x the bare parse, 1.2x faster with
    2 workers, Dask 5% slower than 2 workers, rebuilds 2%, 12% (no reuse) and 8% of the full build."""
    bare = n * per_doc
    steps = {"bare1": bare, "bare2": bare / 1.5, "w1": 2 * bare, "w2": 2 * bare / 1.2, "dask": 2 * bare / 1.2 * 1.05,
             "daskcold": 2 * bare / 1.2 * 1.25,
             "nochange": 0.02 * 2 * bare, "allcached": 0.12 * 2 * bare, "onechange": 0.08 * 2 * bare}
    size: dict[str, object] = {name: {"seconds": s} for name, s in steps.items()}
    size["nochange"] = {"seconds": steps["nochange"], "cached": n}
    size["w1"] = {"seconds": steps["w1"], "timings": {"extract": steps["w1"] * 0.8, "merge": steps["w1"] * 0.2}}
    size["w2"] = {"seconds": steps["w2"], "client_mib": 300 + n * 0.1, "worker_mib": 400.0, "total_mib": 1100.0}
    size["words"] = n * 300
    return size


SIZES = {1000: made_up(1000, 0.1), 10000: made_up(10000, 0.1 * 1.2)}  # per document 20% dearer at 10k


def test_the_ratios_of_one_size() -> None:
    d = scale_report.derived(SIZES[1000])
    assert d["build_vs_bare"] == pytest.approx(2.0)
    assert d["spacy_speedup"] == pytest.approx(1.5) and d["build_speedup"] == pytest.approx(1.2)
    assert d["speedup_ratio"] == pytest.approx(0.8)
    assert d["dask_vs_w2"] == pytest.approx(1.05)
    assert d["nochange_share"] == pytest.approx(0.02) and d["onechange_share"] == pytest.approx(0.08)


def test_the_simulated_row_follows_the_fitted_curve() -> None:
    simulated = scale_report.simulate(SIZES)
    exponent = 1 + 0.07918124604762482  # log10(1.2): 20% dearer per document for 10x the documents
    assert simulated["exponent_w1"] == pytest.approx(exponent)
    assert simulated["w1"] == pytest.approx(SIZES[10000]["w1"]["seconds"] * 10 ** exponent)  # type: ignore[index]
    assert scale_report.simulate({1000: SIZES[1000]}) == {}
    assert scale_report.simulate({20: made_up(20, 0.1), 50: made_up(50, 0.1)}) == {}  # start-up, not growth


def test_the_markdown_has_every_table_the_simulated_row_and_the_targets() -> None:
    text = scale_report.markdown(SIZES, "header line")
    assert text.startswith("header line\n")
    assert "| 100,000 *(simulated)* |" in text and "| 10,000 | 3,000,000 |" in text
    assert "| 1,000 | 2.00× | 1.50× | 1.20× | 0.80× | 1.05× | 1.25× | 2.0% | 12.0% | 8.0% |" in text
    assert "| 10,000 | build --workers 2 | 1,300 | 400 | 1,100 |" in text
    assert "| documents | whole | extract | merge |" in text
    assert "1→2 worker speed-up ÷ spaCy's n_process 1→2 = 0.800 (target ≥ 0.9): NOT met" in text
    assert "Dask, 2 workers (preloaded) ÷ --workers 2 = 1.050 (target ≤ 1.1): met" in text
    assert "Dask, 2 cold workers ÷ --workers 2 = 1.250 (target ≤ 1.1): NOT met" in text
    assert "10,000 documents: peak memory, client + one worker (--workers 2) = 1,700 MiB" in text
    assert "1,000 documents: peak memory, client + one worker (--workers 2) = 800 MiB (target ≤ 1,536 MiB at " \
           "10,000): not measured at 10,000 documents" in text
    assert "client + one worker at 100,000 documents *(simulated" in text and "10,700 MiB" in text
    assert "from the cache at 1,000 documents: rebuild, no change: 1,000 of 1,000." in text


def test_a_step_not_run_is_a_dash_not_a_number() -> None:
    size = dict(SIZES[1000], dask={"skipped": "no dask"})
    assert scale_report.derived(size)["dask_vs_w2"] is None
    assert "| 166.7 s | — | 208.3 s | 4.0 s |" in "\n".join(scale_report.time_table({1000: size}))
    assert "| 1.20× | 0.80× | — |" in "\n".join(scale_report.ratio_table({1000: size}))


def test_the_report_docstring_examples_hold() -> None:
    result = doctest.testmod(scale_report)
    assert result.attempted and not result.failed


def test_the_sampler_sees_a_childs_peak_and_the_tree() -> None:
    code = "import sys, time; b = bytearray(150 * 2**20); b[::4096] = b'x' * len(b[::4096]); sys.stdin.read()"
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE)
    sampler = TreeSampler(child.pid, interval=0.05)
    try:
        for _ in range(3000):  # until the child has touched its 150 MiB (well under a minute)
            sampler.sample()
            if max(sampler.hwm_kib.values(), default=0) >= 150 * 1024 or child.poll() is not None:
                break
            time.sleep(0.01)
        assert child.pid in descendants(child.pid)
    finally:
        child.communicate(b"")
    assert sampler.hwm_kib[child.pid] >= 150 * 1024
    assert sampler.peak_total_mib >= 150


def test_an_unknown_step_is_one_clear_line(capsys) -> None:
    from bench import build_scale

    with pytest.raises(SystemExit):
        build_scale.main(["--steps", "w2,w3", "--work", "/nonexistent/never-made"])
    assert "--steps: unknown step(s) w3; choose among bare1" in capsys.readouterr().err
