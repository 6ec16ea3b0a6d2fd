"""The collector is paused inside the block and left as it was found afterwards, on error too."""
from __future__ import annotations

import gc

import pytest

from graph.network.bulk import collector_paused


@pytest.mark.parametrize("on_before", [True, False])
def test_the_collector_is_off_inside_and_as_before_after(on_before: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if on_before else gc.disable)()
        with collector_paused():
            assert not gc.isenabled()
            with collector_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # an inner block does not turn it back on early
        assert gc.isenabled() is on_before
    finally:
        (gc.enable if was else gc.disable)()


def test_an_error_in_the_block_still_turns_it_back_on() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()
