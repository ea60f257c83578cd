"""Write the explorer's golden cases, computed by transposed_conv, for ``node --test tests/js/``.

Usage: ``python tests/js/make_golden.py OUT.json [N] [SEED]`` (``nox -s explorer``).

Random 1-D and 2-D states over every setting in the explorer's ranges (read from
``docs/_static/explorer/limits.mjs``, the one source the JavaScript imports too), a third of
them with decimal values (one to LIMITS["decimals"] places), some rejected by the package (then only the
name of the parameter it rejects is kept), and random queries of the parameter finder,
answered by trying every kernel, stride, padding and output_padding through the package's
size arithmetic. The file is generated, never committed.

The explorer adds exactly: it holds x in units of 10**-px and w in units of 10**-pw (px, pw:
the decimal places the values use) and sums integers. The package computes the same units
from integer arrays (int64, exact), which is what the cases hold; its float64 result on the
decimals themselves must agree with them to rounding.
"""

from __future__ import annotations

import json
import math
import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

import transposed_conv as tc

sys.path.insert(0, str(Path(__file__).parents[1]))  # tests/, for the site's link writer
from explorer_link import explorer_link

LIMITS_FILE = Path(__file__).resolve().parents[2] / "docs" / "_static" / "explorer" / "limits.mjs"
LIMITS: dict[str, Any] = json.loads(
    LIMITS_FILE.read_text(encoding="utf-8")
    .strip()
    .removeprefix("export default ")
    .removesuffix(";")
)
SMALL = 2_000
"""Largest number of entries a case's matrix or stamps may have to be written out."""


def rand_in(rng: random.Random, key: str, dim: int = 1) -> int:
    lo, hi = LIMITS[key][str(dim)] if key == "i" else LIMITS[key]
    return rng.randint(lo, hi)


def places(values: list[float | int]) -> int:
    """The decimal places the explorer uses for a list of values (as JavaScript writes them)."""
    return max(max(0, -int(Decimal(repr(v)).normalize().as_tuple().exponent)) for v in values)


def units(values: list[float | int], n: int) -> list[int]:
    return [int(Decimal(repr(v)).scaleb(n)) for v in values]


def random_values(rng: random.Random, count: int, lim: int, n_places: int) -> list[float | int]:
    scale = 10**n_places
    raw = [rng.randint(-lim * scale, lim * scale) for _ in range(count)]
    if n_places == 0:
        return raw
    return [float(Decimal(v).scaleb(-n_places)) for v in raw]


def rejected_name(err: ValueError) -> str:
    """The parameter a package error names: the message's first word, or padding for an empty output."""
    text = str(err)
    return "padding" if text.startswith("empty output") else text.split(maxsplit=1)[0]


def random_state(rng: random.Random) -> dict[str, Any]:
    dim = rng.choice((1, 2))
    i = [rand_in(rng, "i", dim) for _ in range(dim)]
    k = [rand_in(rng, "k") for _ in range(dim)]
    s = [rand_in(rng, "s") for _ in range(dim)]
    d = [rng.choice((1, 1, rand_in(rng, "d"))) for _ in range(dim)]
    p = [rng.choice((0, 0, rand_in(rng, "p"))) for _ in range(dim)]
    a_max = LIMITS["a"][1]
    a = [rng.randint(0, min(a_max, max(si, di) - 1)) for si, di in zip(s, d, strict=True)]
    big = rng.random() < 0.1
    decimal = rng.random() < 1 / 3
    lim = 10**6 if big else 9
    most = LIMITS["decimals"]
    px, pw = (rng.randint(1, most), rng.randint(0, most)) if decimal else (0, 0)
    if decimal and rng.random() < 0.5:
        px, pw = pw, px
    x = random_values(rng, math.prod(i), lim, px)
    w = random_values(rng, math.prod(k), lim, pw)
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
            p[ax] = rng.randint(k[ax] // 2 + 1, LIMITS["p"][1])
            x[:] = random_values(rng, math.prod(i), 9, px)
            w[:] = random_values(rng, math.prod(k), 9, pw)
    return state


def golden(state: dict[str, Any]) -> dict[str, Any]:
    """What the package says about one state."""
    dim, i, k = state["dim"], state["i"], state["k"]
    px, pw = places(state["x"]), places(state["w"])
    x = np.array(units(state["x"], px), dtype=np.int64).reshape(i)
    w = np.array(units(state["w"], pw), dtype=np.int64).reshape(k)
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
    case: dict[str, Any] = {"state": state, "places": px + pw}
    if np.abs(x).max() * np.abs(w).max() * w.size > LIMITS["maxExact"]:
        # too large for the explorer's exact sums, in its units: it refuses the larger side
        big_x = np.abs(x).max() * 10**pw >= np.abs(w).max() * 10**px
        return case | {"refused": "x" if big_x else "weight"}
    floats = fn(
        np.array(state["x"], dtype=float).reshape(i),
        np.array(state["w"], dtype=float).reshape(k),
        **opts,
    )
    scale = 10.0 ** (px + pw)
    if not np.allclose(floats, y / scale, rtol=1e-12, atol=1e-9 * max(1.0, np.abs(floats).max())):
        msg = f"float64 and the exact units disagree for {state}"
        raise AssertionError(msg)
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
    case |= {
        "output": y.ravel().tolist(),
        "shape": list(y.shape),
        "sizes": sizes,
        "convInputs": conv_inputs,
        "padded": padded.ravel().tolist(),
        "paddedShape": list(padded.shape),
        "rotated": tc.flip_kernel(w).ravel().tolist(),
        "overlap": counts.ravel().tolist(),
        "link": explorer_link(x, w, **opts, page="") if px + pw == 0 else None,
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
        case["convFromOut"] = conv_out
        c = c.reshape(*conv_out, y.size)[tuple(slice(0, n) for n in i)].reshape(x.size, y.size)
        case["matrixT"] = c.T.tolist()
    return case


def phase_counts(k: int, s: int, p: int) -> list[int]:
    """Taps per output phase r mod s away from the border, read off the package's overlap counts."""
    full = tc.overlap_counts(12 + 2 * (k + s), k, stride=s)  # padding 0: index f = r + p
    counts: dict[int, set[int]] = {}
    for f in range(k + s, len(full) - k - s):
        counts.setdefault((f - p) % s, set()).add(int(full[f]))
    if any(len(c) != 1 for c in counts.values()):
        msg = f"no single tap count per phase for k={k}, s={s}"
        raise AssertionError(msg)
    return [counts[rho].pop() for rho in range(s)]


def finder(n: int, m: int) -> list[list[Any]]:
    """Every (k, s, p, a, taps per phase) with dilation 1 in the explorer's ranges taking n to m."""
    found = []
    k_lo, k_hi = LIMITS["k"]
    s_lo, s_hi = LIMITS["s"]
    for s in range(s_lo, s_hi + 1):
        for k in range(k_lo, k_hi + 1):
            for a in range(s):
                for p in range(64):
                    try:
                        size = tc.conv_transpose_output_size(n, k, s, p, a)
                    except ValueError:
                        continue
                    if size == m:
                        found.append([k, s, p, a, phase_counts(k, s, p)])
    return sorted(found)


def main() -> None:
    out = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 13)
    states = [golden(random_state(rng)) for _ in range(count)]
    n_lo, n_hi = LIMITS["finder"]["i"]
    queries = [(rng.randint(n_lo, n_hi), rng.randint(1, 70)) for _ in range(150)]
    data = {
        "limits": LIMITS,
        "states": states,
        "finder": [{"n": n, "m": m, "found": finder(n, m)} for n, m in queries],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data))
    rejected = sum("rejected" in c for c in states)
    shown = [c for c in states if "output" in c]
    decimal = sum(c["places"] > 0 for c in shown)
    print(
        f"{out}: {len(states)} states ({rejected} rejected by the package, "
        f"{sum('refused' in c for c in states)} too large for exact sums; "
        f"{len(shown)} computed, {decimal} of them with decimals), {len(queries)} finder queries"
    )


if __name__ == "__main__":
    main()
