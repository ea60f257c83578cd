"""Integer inputs give exact int64 results, or a ValueError: never a silent wrap-around."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import transposed_conv as tc

BIG = np.array([2**62, 2**62])
MESSAGE = r"does not fit in int64 .*cast x or weight to float64"


@pytest.mark.parametrize(
    "call",
    [
        lambda: tc.conv1d(BIG, [2, 2]),
        lambda: tc.conv2d(BIG.reshape(1, 2), np.array([[2, 2]])),
        lambda: tc.conv_transpose1d(BIG, [2, 2]),
        lambda: tc.conv_transpose2d(BIG.reshape(1, 2), np.array([[1, 1]])),
        lambda: tc.conv_transpose_by_zero_insertion(BIG, np.array([1, -1]), stride=2),
        lambda: tc.conv_transpose_by_subpixel(BIG.reshape(1, 2), np.ones((2, 2), int), stride=2),
        lambda: tc.scatter_stamps(BIG, np.array([3, 0])),
        lambda: tc.conv1d(np.array([-(2**63)]), [1]),  # |x| itself is 2**63
    ],
    ids=[
        "conv1d",
        "conv2d",
        "conv_transpose1d",
        "conv_transpose2d",
        "zero_insertion",
        "subpixel",
        "scatter_stamps",
        "int64_min",
    ],
)
def test_results_that_int64_cannot_hold_are_refused(call):
    with pytest.raises(ValueError, match=MESSAGE):
        call()


def test_uint64_values_beyond_int64_are_refused_not_wrapped():
    big = np.array([2**63 + 5, 1], dtype=np.uint64)
    with pytest.raises(ValueError, match=r"x holds 9223372036854775813, beyond int64's range"):
        tc.conv1d(big, np.array([1], dtype=np.uint64))
    with pytest.raises(ValueError, match=r"weight holds 9223372036854775813, beyond int64"):
        tc.conv_transpose1d(np.array([1]), big)
    with pytest.raises(ValueError, match=r"weight holds .* beyond int64's range"):
        tc.convolution_matrix((3,), big)
    with pytest.raises(ValueError, match=r"sum\|weight\| = .* does not fit in int64"):
        tc.phase_sums(np.array([2**62, 2**62, 2**62]), 1)


def test_results_up_to_int64s_limit_are_exact():
    top = 2**63 - 1
    np.testing.assert_array_equal(tc.conv1d(np.array([top]), [1]), [top])
    np.testing.assert_array_equal(tc.conv1d(np.array([top, 3], dtype=np.uint64), [1]), [top, 3])
    assert tc.conv_transpose1d(np.array([2**61, 2**61]), [2, 1]).tolist() == [
        2**62,
        2**62 + 2**61,
        2**61,
    ]
    # float inputs are not bounded: they compute in floating point
    assert tc.conv1d(BIG, np.array([2.0, 2.0]))[0] == 2.0**64


@given(
    st.lists(st.integers(-(2**62), 2**62), min_size=1, max_size=6),
    st.lists(st.integers(-(2**40), 2**40), min_size=1, max_size=4),
)
def test_an_integer_result_is_exact_or_refused(xs, ws):
    x, w = np.array(xs, dtype=np.int64), np.array(ws, dtype=np.int64)
    exact = [
        sum(a * b for a, b in zip(xs[i : i + len(ws)], ws, strict=True))
        for i in range(len(xs) - len(ws) + 1)
    ]
    if not exact:  # kernel longer than the input: an empty output, refused elsewhere
        return
    if max(map(abs, xs)) * sum(map(abs, ws)) > 2**63 - 1:
        with pytest.raises(ValueError, match="does not fit in int64"):
            tc.conv1d(x, w)
    else:
        assert tc.conv1d(x, w).tolist() == exact


@pytest.mark.parametrize(
    "fn", [tc.conv1d, tc.conv2d, tc.conv_transpose1d, tc.conv_transpose2d, tc.interpolate]
)
def test_docstrings_state_the_dtype_rule_for_float16(fn):
    """Float16 inputs stay float16 (integer weights are cast to it): the docs must say so."""
    doc = " ".join((fn.__doc__ or "").split())
    assert "float16" in doc
    assert "int64" in doc or fn is tc.interpolate


def test_float16_stays_float16_and_overflows_to_inf():
    with np.errstate(over="ignore"):
        out = tc.conv1d(np.full(3, 300.0, dtype=np.float16), [200, 200])
    assert out.dtype == np.float16
    assert np.isinf(out).all()
