"""Junk in, a result or a ValueError/TypeError out: never a crash, a raw error or a hang.

Each public function of the package (plotting aside) gets one small valid call
(tests/junk.py) with one or two arguments replaced by junk: wrong types, None,
strings, NaN, 0-d, empty, ragged and huge arrays, zero, negative numbers and
integers far beyond what any result may hold. A call may return anything or
raise ValueError or TypeError; any other exception fails (MemoryError too: the
calls run with at most ``HEADROOM`` more address space), and so does a call
still running after ``HANG`` seconds: a generous bound that catches a hang,
not a slow call (speed is measured by ``nox -s bench``).

Random integers stay small (-4..16), huge (tests/junk.py's ``HUGE``, all
beyond the package's 2**30 bound) or at the bound's edge (``FACTORS``, up to
2**30: allowed as parameters, so the calls must check their results' sizes
before allocating); other mid-sized parameters are legitimate work. Array
junk includes broadcast views of 2**32 elements (``VIEWS``), which take a
few bytes but would take 32 GiB copied: they must be refused on their shape.
"""

from __future__ import annotations

import math
import signal
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from junk import CALLS, FACTORS, HUGE, JUNK

import transposed_conv as tc

HANG = 20.0
"""Seconds after which a call counts as hung."""

HEADROOM = 9 * 2**30
"""Address space a junk call may add (bytes): past it, NumPy raises MemoryError
(a failure) instead of the machine's out-of-memory killer ending the run. It is
the largest result the package may return, 2**30 float64 values (8 GiB; the
phase sums of a stride of 2**30 are one, reserved by ``np.zeros`` but barely
touched), plus 1 GiB."""


class Hung(Exception):
    """Raised in the test when a call runs past ``HANG`` seconds."""


@contextmanager
def memory_cap(headroom: int) -> Iterator[None]:
    """Cap this process's address space at its current size plus ``headroom`` (Linux)."""
    try:
        import resource

        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (ImportError, OSError):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = pages * resource.getpagesize() + headroom
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@contextmanager
def hang_alarm(seconds: float) -> Iterator[None]:
    def ring(*_: Any) -> None:
        raise Hung

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def call_with_junk(fn: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    """Call ``fn``; fail on anything but a result, a ValueError or a TypeError."""
    try:
        with hang_alarm(HANG), memory_cap(HEADROOM), warnings.catch_warnings():
            # NaN and inf in float arithmetic warn, as NumPy does; that is not an error
            warnings.simplefilter("ignore", RuntimeWarning)
            fn(**kwargs)
    except (ValueError, TypeError):
        pass
    except Hung:
        pytest.fail(f"{fn.__name__}(**{kwargs!r:.300}) still ran after {HANG} s")
    except Exception as err:  # noqa: BLE001 - any other exception is the failure sought
        pytest.fail(f"{fn.__name__}(**{kwargs!r:.300}) raised {type(err).__name__}: {err}")


def test_every_public_function_has_a_valid_call():
    assert set(CALLS) == set(tc.__all__)
    for name, kwargs in CALLS.items():
        getattr(tc, name)(**kwargs)  # the baseline the junk replaces


@pytest.mark.parametrize("name", sorted(CALLS))
def test_each_argument_replaced_by_each_junk(name):
    """All of tests/junk.py's junk, in every argument, one at a time."""
    fn = getattr(tc, name)
    for parameter in CALLS[name]:
        for junk in JUNK:
            call_with_junk(fn, CALLS[name] | {parameter: junk})


junk_values = st.one_of(
    st.sampled_from(JUNK),
    st.integers(-4, 16),
    st.sampled_from(HUGE),
    st.sampled_from(FACTORS),
    st.floats(allow_nan=True, allow_infinity=True),
    st.tuples(st.integers(-4, 16), st.integers(-4, 16)),
    st.tuples(st.sampled_from(HUGE), st.integers(1, 3)),
    st.tuples(st.sampled_from(FACTORS), st.integers(1, 3)),
)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.sampled_from(sorted(CALLS)), st.data())
def test_random_junk_in_one_or_two_arguments(name, data):
    kwargs = dict(CALLS[name])
    chosen = data.draw(
        st.lists(st.sampled_from(sorted(kwargs)), min_size=1, max_size=2, unique=True)
    )
    for parameter in chosen:
        kwargs[parameter] = data.draw(junk_values, label=parameter)
    call_with_junk(getattr(tc, name), kwargs)


def test_the_hang_alarm_rings():
    def spin() -> None:
        while True:
            math.factorial(100)

    with pytest.raises(Hung), hang_alarm(0.05):
        spin()


def test_the_memory_cap_turns_a_huge_allocation_into_memory_error():
    import numpy as np

    with pytest.raises(MemoryError), memory_cap(2**28):
        np.ones(2**30)
