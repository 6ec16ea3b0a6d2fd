"""layout.window_max gives exactly the numbers of numpy's sliding-window maximum, whatever the lengths."""
from __future__ import annotations

import numpy as np
import pytest

from graph.network.layout import window_max


@pytest.mark.parametrize("seed", range(20))
def test_the_same_numbers_as_the_sliding_window_view(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(50):
        count = int(rng.integers(1, 120))
        width = int(rng.integers(1, count + 1))
        values = np.round(rng.random(count) * 500, int(rng.integers(0, 3)))  # ties as a skyline has them
        expected = np.lib.stride_tricks.sliding_window_view(values, width).max(axis=1)
        assert np.array_equal(window_max(values, width), expected), (count, width)


@pytest.mark.parametrize(("values", "width", "expected"), [
    ([4.0], 1, [4.0]),
    ([0.0, 0.0, 0.0], 3, [0.0]),
    ([1.0, 9.0, 2.0, 3.0, 8.0, 0.0, 7.0], 3, [9.0, 9.0, 8.0, 8.0, 8.0]),
])
def test_small_cases(values: list[float], width: int, expected: list[float]) -> None:
    assert window_max(np.array(values), width).tolist() == expected
