"""Overlap counts and per-phase kernel sums: what a constant input comes out as."""

from __future__ import annotations

import numpy as np
import pytest

import transposed_conv as tc


@pytest.mark.parametrize(
    ("k", "s", "interior"),
    [
        (3, 2, [1, 2]),
        (4, 2, [2, 2]),
        (5, 2, [2, 3]),
        (3, 3, [1, 1, 1]),
        (4, 3, [1, 1, 2]),
        (1, 2, [1, 0]),
    ],
    ids=["k3s2", "k4s2", "k5s2", "k3s3", "k4s3", "k1s2"],
)
def test_counts_1d_interior_period(k, s, interior):
    counts = tc.overlap_counts(12, k, stride=s)
    middle = counts[2 * k : 2 * k + s]  # one period, away from the edges
    assert sorted(middle.tolist()) == sorted(interior)
    assert counts.sum() == 12 * k  # every tap lands somewhere
    assert (counts.max() == counts[k:-k].min()) == (k % s == 0)


def test_counts_2d_multiply():
    c2 = tc.overlap_counts((6, 6), 3, stride=2)
    c1 = tc.overlap_counts(6, 3, stride=2)
    np.testing.assert_array_equal(c2, np.outer(c1, c1))
    assert set(np.unique(c2[2:-2, 2:-2]).tolist()) == {1, 2, 4}


def test_counts_with_dilation_and_padding_match_conv_transpose():
    counts = tc.overlap_counts(
        (5, 4), (3, 2), stride=(2, 3), padding=1, dilation=2, output_padding=(1, 0)
    )
    direct = tc.conv_transpose2d(
        np.ones((5, 4)),
        np.ones((3, 2)),
        stride=(2, 3),
        padding=1,
        dilation=2,
        output_padding=(1, 0),
    )
    np.testing.assert_array_equal(counts, direct)
    assert counts.dtype == np.int64


def test_phase_sums_predict_a_constant_inputs_output():
    rng = np.random.default_rng(0)
    k = rng.integers(1, 9, (4, 4))
    sums = tc.phase_sums(k, 2, padding=1)
    out = tc.conv_transpose2d(np.ones((8, 8), dtype=int), k, stride=2, padding=1)
    for r in range(2):
        for c in range(2):
            assert np.all(out[2 + r : -2 : 2, 2 + c : -2 : 2] == sums[r, c])


def test_equal_counts_unequal_sums():
    """Kernel 4, stride 2: every phase gets two taps, yet the sums differ."""
    assert set(tc.overlap_counts(8, 4, stride=2)[2:-2].tolist()) == {2}
    np.testing.assert_array_equal(tc.phase_sums([1, 2, 3, 4], 2), [4, 6])
    np.testing.assert_array_equal(
        tc.phase_sums([[1, 2], [3, 4]], (2, 1), dilation=(1, 3)), [[3], [7]]
    )


def test_zero_insertion_waste_counts_products_with_zeros():
    """Count the products directly on the zero-inserted, padded input."""
    for shape, k, s, p in [
        ((2, 2), 3, 1, 0),
        ((2, 2), 3, 2, 0),
        ((3, 4), (2, 3), 2, 1),
        (5, 4, 3, 2),
    ]:
        x = np.ones(shape if isinstance(shape, tuple) else (shape,), dtype=np.int64)
        nsp = x.ndim
        kernel = (k,) * nsp if isinstance(k, int) else k
        framed = tc.pad_or_crop(
            tc.insert_zeros(x, s, spatial_dims=nsp), tc.transpose_padding(kernel, p)
        )
        # a product is useful exactly when its sample is a real (one) value
        useful = (tc.conv2d if nsp == 2 else tc.conv1d)(
            framed, np.ones(kernel, dtype=np.int64)
        ).sum()
        out_pixels = (
            tc.conv_transpose2d(x, np.ones(kernel), stride=s, padding=p).size
            if nsp == 2
            else (tc.conv_transpose1d(x, np.ones(kernel), stride=s, padding=p).size)
        )
        total, wasted = tc.zero_insertion_waste(shape, k, stride=s, padding=p)
        assert total == out_pixels * int(np.prod(kernel))
        assert total - wasted == useful
    assert tc.zero_insertion_waste((2, 2), 3) == (144, 108)  # 75 % wasted at stride 1
    assert tc.zero_insertion_waste((2, 2), 3, stride=2) == (225, 189)  # 84 % at stride 2


def test_equalize_phase_sums_keeps_a_constant_constant_and_keeps_the_total():
    rng = np.random.default_rng(4)
    k = rng.uniform(0.1, 1, (4, 4))
    balanced = tc.equalize_phase_sums(k, 2, padding=1)
    sums = tc.phase_sums(balanced, 2, padding=1)
    np.testing.assert_allclose(sums, sums.mean())
    assert balanced.sum() == pytest.approx(k.sum())
    out = tc.conv_transpose2d(np.ones((6, 6)), balanced, stride=2, padding=1)
    assert np.ptp(out[2:-2, 2:-2]) < 1e-12
    with pytest.raises(ValueError, match="a phase's taps sum to zero"):
        tc.equalize_phase_sums([1, -1, 2, 1], 2)  # phase 1: -1 + 1 = 0
