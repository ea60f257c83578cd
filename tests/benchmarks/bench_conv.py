"""Median times of conv_transpose2d and conv2d against PyTorch and the reference loops.

Run with ``nox -s bench``. Layers are decoder-sized, float32, given as
(N, C_in, C_out, H, k, s, p) of the transposed convolution; each conv2d row is
the matching forward convolution (the adjoint shapes). PyTorch runs in the
same process with the same thread count as OpenBLAS.

The reference loops are far too slow for these layers: their time is measured
on one (input channel, output channel) pair of one sample and scaled by the
number of such pairs, marked "est.".
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial

import numpy as np
import torch
from threadpoolctl import threadpool_info

import transposed_conv as tc
from transposed_conv import reference

LAYERS = [
    (64, 512, 256, 4, 4, 2, 1),
    (16, 128, 64, 16, 4, 2, 1),
    (4, 64, 32, 32, 2, 2, 0),
    (1, 3, 3, 256, 3, 2, 1),
]


def median_time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm up: thread pools, allocator
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    blas = [(i["internal_api"], i.get("architecture"), i["num_threads"]) for i in threadpool_info()]
    torch.set_num_threads(max(n for api, _, n in blas if api == "openblas"))
    print(f"numpy {np.__version__}, torch {torch.__version__}, threads {torch.get_num_threads()}")
    print(f"thread pools: {blas}")
    rng = np.random.default_rng(0)
    header = f"{'op':<17}{'(N, C_in, C_out, H, k, s, p)':<31}{'numpy ms':>10}{'torch ms':>10}{'ratio':>7}{'reference s':>14}"
    print(header)
    print("-" * len(header))
    for n, c_in, c_out, h, k, s, p in LAYERS:
        x = rng.standard_normal((n, c_in, h, h)).astype(np.float32)
        w = rng.standard_normal((c_in, c_out, k, k)).astype(np.float32)
        y = tc.conv_transpose2d(x, w, stride=s, padding=p)
        xt, wt, yt = map(torch.from_numpy, (x, w, y))
        np.testing.assert_allclose(
            y,
            torch.nn.functional.conv_transpose2d(xt, wt, stride=s, padding=p).numpy(),
            rtol=1e-3,
            atol=1e-3,
        )
        pairs = n * c_in * c_out
        kw = {"stride": s, "padding": p}
        rows = [
            (
                "conv_transpose2d",
                partial(tc.conv_transpose2d, x, w, **kw),
                partial(torch.nn.functional.conv_transpose2d, xt, wt, **kw),
                partial(reference.conv_transpose, x[0, 0], w[0, 0], s, p),
            ),
            (
                "conv2d",
                partial(tc.conv2d, y, w, **kw),
                partial(torch.nn.functional.conv2d, yt, wt, **kw),
                partial(reference.convolve, y[0, 0], w[0, 0], s, p),
            ),
        ]
        with torch.no_grad():
            for name, ours, theirs, loops in rows:
                t_ours = median_time(ours, args.repeat)
                t_torch = median_time(theirs, args.repeat)
                t_ref = median_time(loops, 1) * pairs
                shape = f"({n}, {c_in}, {c_out}, {h}, {k}, {s}, {p})"
                print(
                    f"{name:<17}{shape:<31}{t_ours * 1e3:>10.2f}{t_torch * 1e3:>10.2f}"
                    f"{t_ours / t_torch:>7.2f}{t_ref:>10.0f} est."
                )


if __name__ == "__main__":
    main()
