"""explorer_link: the explorer's address for a case, or None outside its ranges."""

from __future__ import annotations

import numpy as np
import pytest
from explorer_link import explorer_link

WALK_X = [[1, 3], [2, 3]]
WALK_W = [[2, 3, 2], [1, 4, 2], [3, 4, 1]]


def test_walk_through_case_is_the_explorer_default_hash():
    link = explorer_link(WALK_X, WALK_W, page="")
    assert link == "#dim=2&i=2,2&k=3,3&s=1,1&p=0,0&a=0,0&d=1,1&x=1,3,2,3&w=2,3,2,1,4,2,3,4,1"


def test_per_axis_settings_and_negative_values():
    link = explorer_link(
        np.array([[1, -2, 3]]),
        np.array([[1], [-4]]),
        stride=(2, 1),
        padding=(1, 0),
        output_padding=(1, 0),
        dilation=(1, 2),
    )
    assert link == "explorer.html#dim=2&i=1,3&k=2,1&s=2,1&p=1,0&a=1,0&d=1,2&x=1,-2,3&w=1,-4"


def test_whole_floats_are_integers():
    assert explorer_link([1.0, 2.0], [3.0]) == (
        "explorer.html#dim=1&i=2&k=1&s=1&p=0&a=0&d=1&x=1,2&w=3"
    )


@pytest.mark.parametrize(
    ("x", "w", "opts"),
    [
        ([0.5, 1.0], [1, 2], {}),
        (np.ones((9, 2), int), np.ones((3, 3), int), {}),
        (np.ones(17, int), np.ones(3, int), {}),
        (np.ones((2, 2), int), np.ones((6, 1), int), {}),
        ([1, 2], [1, 2], {"stride": 5}),
        ([1, 2], [1, 2], {"padding": 5}),
        ([1, 2], [1, 2], {"dilation": 4}),
        ([1, 2], [1, 2], {"stride": 2, "output_padding": 2}),
        ([1], [1], {"padding": 1}),
        ([2**40, 1], [2**12, 1], {}),
        (np.ones((2, 2, 2), int), np.ones((2, 2, 2), int), {}),
        ([1, 2], [[1, 2]], {}),
    ],
    ids=[
        "fraction",
        "input-too-tall",
        "input-too-long",
        "kernel-too-big",
        "stride",
        "padding",
        "dilation",
        "output-padding",
        "empty-output",
        "not-exact",
        "3-d",
        "mixed-dims",
    ],
)
def test_cases_the_explorer_cannot_show(x, w, opts):
    assert explorer_link(x, w, **opts) is None


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"x": "abc"}, TypeError, r"x must hold real integers or floats, got dtype <U3"),
        ({"weight": [[1.0, 2.0], [3.0]]}, ValueError, r"weight must be a rectangular .* ragged"),
        ({"stride": (1, 2, 3)}, ValueError, r"stride must be an int or a sequence of 2 ints"),
        ({"stride": 1.5}, TypeError, r"stride must be an int, got 1\.5"),
        ({"page": 3}, TypeError, r"page must be a str, .* got 3"),
    ],
    ids=["x-strings", "weight-ragged", "stride-3", "stride-float", "page-int"],
)
def test_bad_values_raise_like_the_package(kwargs, error, match):
    call = {"x": [[1, 2], [3, 4]], "weight": [[2, 3], [1, 4]]} | kwargs
    with pytest.raises(error, match=match):
        explorer_link(**call)
