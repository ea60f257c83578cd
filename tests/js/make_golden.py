"""Write the explorer's golden cases, computed by transposed_conv, for ``node --test tests/js/``.

Usage: ``python tests/js/make_golden.py OUT.json [N] [SEED]`` (``nox -s explorer``).

Random 1-D and 2-D states over every parameter, with integer values, some of them rejected
by the package (then only the name of the parameter it rejects is kept), and random queries
of the parameter finder, answered by trying every kernel, stride, padding and output_padding
through the package's size arithmetic. The file is generated, never committed.
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

import transposed_conv as tc

sys.path.insert(0, str(Path(__file__).parents[1]))  # tests/, for the site's link writer
from explorer_link import explorer_link

RANGE_I = {1: 16, 2: 8}
SMALL = 2_000
"""Largest number of entries a case's matrix or stamps may have to be written out."""


def rejected_name(err: ValueError) -> str:
    """The parameter a package error names: the message's first word, or padding for an empty output."""
    text = str(err)
    return "padding" if text.startswith("empty output") else text.split(maxsplit=1)[0]


def random_state(rng: random.Random) -> dict[str, Any]:
    dim = rng.choice((1, 2))
    i = [rng.randint(1, RANGE_I[dim]) for _ in range(dim)]
    k = [rng.randint(1, 5) for _ in range(dim)]
    s = [rng.randint(1, 4) for _ in range(dim)]
    d = [rng.choice((1, 1, 2, 3)) for _ in range(dim)]
    p = [rng.choice((0, 0, rng.randint(0, 4))) for _ in range(dim)]
    a = [rng.randint(0, min(3, max(si, di) - 1)) for si, di in zip(s, d, strict=True)]
    big = rng.random() < 0.1
    lim = 10**6 if big else 9
    x = [rng.randint(-lim, lim) for _ in range(math.prod(i))]
    w = [rng.randint(-lim, lim) for _ in range(math.prod(k))]
    state = {"dim": dim, "i": i, "k": k, "s": s, "p": p, "a": a, "d": d, "x": x, "w": w}
    if rng.random() < 0.25:  # a state the package refuses
        ax = rng.randrange(dim)
        kind = rng.choice(("a_big", "a_big", "s0", "d0", "p_neg", "a_neg", "p_big"))
        if kind == "a_big":
            a[ax] = max(s[ax], d[ax]) + rng.randint(0, 1)
        elif kind == "s0":
            s[ax] = 0
        elif kind == "d0":
            d[ax] = 0
        elif kind == "p_neg":
            p[ax] = -1
        elif kind == "a_neg":
            a[ax] = -1
        else:
            i[ax], s[ax], k[ax], a[ax], d[ax] = 1, 1, rng.randint(1, 3), 0, 1
            p[ax] = rng.randint(k[ax] // 2 + 1, 4)
            x[:] = [rng.randint(-9, 9) for _ in range(math.prod(i))]
            w[:] = [rng.randint(-9, 9) for _ in range(math.prod(k))]
    return state


def golden(state: dict[str, Any]) -> dict[str, Any]:
    """What the package says about one state."""
    dim, i, k = state["dim"], state["i"], state["k"]
    x = np.array(state["x"], dtype=np.int64).reshape(i)
    w = np.array(state["w"], dtype=np.int64).reshape(k)
    opts = {
        "stride": tuple(state["s"]),
        "padding": tuple(state["p"]),
        "output_padding": tuple(state["a"]),
        "dilation": tuple(state["d"]),
    }
    fn = tc.conv_transpose1d if dim == 1 else tc.conv_transpose2d
    try:
        y = fn(x, w, **opts)
    except ValueError as err:
        return {"state": state, "rejected": rejected_name(err)}
    axes = zip(i, k, state["s"], state["p"], state["a"], state["d"], strict=True)
    sizes = [tc.conv_transpose_output_size(*args) for args in axes]
    conv_inputs = []
    for n, kk, s, p, d in zip(i, k, state["s"], state["p"], state["d"], strict=True):
        lengths = []
        for m in range(1, 200):
            try:
                if tc.conv_output_size(m, kk, s, p, d) == n:
                    lengths.append(m)
            except ValueError:
                continue
        conv_inputs.append(lengths)
    pad = tc.transpose_padding(tuple(k), state["p"], state["a"], state["d"])
    padded = tc.pad_or_crop(tc.insert_zeros(x, tuple(state["s"]), spatial_dims=dim), pad)
    counts = tc.overlap_counts(tuple(i), tuple(k), **opts)
    case: dict[str, Any] = {
        "state": state,
        "output": y.ravel().tolist(),
        "shape": list(y.shape),
        "sizes": sizes,
        "convInputs": conv_inputs,
        "padded": padded.ravel().tolist(),
        "paddedShape": list(padded.shape),
        "rotated": tc.flip_kernel(w).ravel().tolist(),
        "overlap": counts.ravel().tolist(),
        "link": explorer_link(x, w, **opts, page=""),
    }
    full = [
        (n - 1) * s + d * (kk - 1) + 1
        for n, kk, s, d in zip(i, k, opts["stride"], opts["dilation"], strict=True)
    ]
    if x.size * math.prod(full) <= SMALL:
        st = tc.scatter_stamps(x, w, stride=opts["stride"], dilation=opts["dilation"])
        case["stamps"] = st.reshape(x.size, -1).tolist()
    if y.size * x.size <= SMALL:
        c = tc.convolution_matrix(
            tuple(y.shape),
            w,
            stride=opts["stride"],
            padding=opts["padding"],
            dilation=opts["dilation"],
        )
        # With output_padding >= stride (allowed when dilation > stride) the convolution of
        # y's size has more outputs than x has values: keep the rows x has.
        conv_out = [
            tc.conv_output_size(*args)
            for args in zip(
                y.shape, k, opts["stride"], opts["padding"], opts["dilation"], strict=True
            )
        ]
        c = c.reshape(*conv_out, y.size)[tuple(slice(0, n) for n in i)].reshape(x.size, y.size)
        case["matrixT"] = c.T.tolist()
    return case


def finder(n: int, m: int) -> list[list[int]]:
    """Every (k, s, p, a, even) with k <= 5, s <= 4, dilation 1 taking length n to m."""
    found = []
    for s in range(1, 5):
        for k in range(1, 6):
            for a in range(s):
                for p in range(64):
                    try:
                        size = tc.conv_transpose_output_size(n, k, s, p, a)
                    except ValueError:
                        continue
                    if size == m:
                        counts = tc.overlap_counts(40, k, stride=s)[k + s : -(k + s)]
                        found.append([k, s, p, a, int(len(set(counts.tolist())) == 1)])
    return sorted(found)


def main() -> None:
    out = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 13)
    states = [golden(random_state(rng)) for _ in range(count)]
    queries = [(rng.randint(1, 16), rng.randint(1, 70)) for _ in range(150)]
    data = {
        "states": states,
        "finder": [{"n": n, "m": m, "found": finder(n, m)} for n, m in queries],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data))
    rejected = sum("rejected" in c for c in states)
    print(f"{out}: {len(states)} states ({rejected} rejected), {len(queries)} finder queries")


if __name__ == "__main__":
    main()
