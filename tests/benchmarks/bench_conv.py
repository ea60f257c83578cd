"""Median times and peak memory of conv_transpose2d and conv2d against PyTorch and the loops.

Run with ``nox -s bench``. Calls are float32, given as (N, C_in, C_out, H, k,
s, p) of the transposed convolution. The four decoder layers also time the
matching forward convolution (the adjoint shapes); the other rows are
conv_transpose2d only: a 7x7 kernel at stride 1, a large stride-2 layer, and
a 2x2 input at stride 512, where the output is almost all zeros. PyTorch runs
in the same process with the same thread count as OpenBLAS.

Peak memory is the package's: the most memory that ``tracemalloc`` sees
allocated during one call (NumPy reports its arrays to it), in MiB and as a
multiple of the output's size. PyTorch allocates outside ``tracemalloc``'s
view, so it has no peak column. Targets, checked in the last column: the
decoder layers within 1.5x PyTorch's time, and every target row's peak at
most 4x the output's bytes + 32 MiB.

The reference loops are far too slow for these layers: their time is measured
on one (input channel, output channel) pair of one sample and scaled by the
number of such pairs, marked "est.".
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections.abc import Callable
from functools import partial

import numpy as np
import torch
from threadpoolctl import threadpool_info

import transposed_conv as tc
from transposed_conv import reference

DECODER_LAYERS = [
    (64, 512, 256, 4, 4, 2, 1),
    (16, 128, 64, 16, 4, 2, 1),
    (4, 64, 32, 32, 2, 2, 0),
    (1, 3, 3, 256, 3, 2, 1),
]
MEMORY_TARGETS = [(8, 256, 128, 32, 4, 2, 1)]
REPORTED = [
    (4, 32, 32, 64, 7, 1, 3),  # 7x7, stride 1: the products are 49x the output
    (1, 1, 1, 2, 1, 512, 0),  # stride 512: four nonzero pixels in a 513x513 output
]
TIME_RATIO = 1.5
PEAK_OUTPUTS, PEAK_MIB = 4, 32
MIB = 2**20


def median_time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm up: thread pools, allocator
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_bytes(fn: Callable[[], object]) -> int:
    """The most memory ``tracemalloc`` sees allocated while ``fn`` runs."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def verdict(ratio: float, peak: int, out_bytes: int, *, time_goal: bool, peak_goal: bool) -> str:
    """``ok`` or what missed, for the targets this row has; ``-`` if it has none."""
    missed = []
    if time_goal and ratio > TIME_RATIO:
        missed.append("time")
    if peak_goal and peak > PEAK_OUTPUTS * out_bytes + PEAK_MIB * MIB:
        missed.append("memory")
    if not (time_goal or peak_goal):
        return "-"
    return "MISSED " + ", ".join(missed) if missed else "ok"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    blas = [(i["internal_api"], i.get("architecture"), i["num_threads"]) for i in threadpool_info()]
    torch.set_num_threads(max(n for api, _, n in blas if api == "openblas"))
    print(f"numpy {np.__version__}, torch {torch.__version__}, threads {torch.get_num_threads()}")
    print(f"thread pools: {blas}")
    print(
        f"targets: decoder layers within {TIME_RATIO}x PyTorch's time; "
        f"peak <= {PEAK_OUTPUTS} x output + {PEAK_MIB} MiB on the decoder and memory rows"
    )
    rng = np.random.default_rng(0)
    header = (
        f"{'op':<17}{'(N, C_in, C_out, H, k, s, p)':<31}{'numpy ms':>10}{'torch ms':>10}"
        f"{'ratio':>7}{'out MiB':>9}{'peak MiB':>10}{'x out':>7}{'reference s':>15}  target"
    )
    print(header)
    print("-" * len(header))
    calls = (
        [(layer, "decoder") for layer in DECODER_LAYERS]
        + [(layer, "memory") for layer in MEMORY_TARGETS]
        + [(layer, "reported") for layer in REPORTED]
    )
    for (n, c_in, c_out, h, k, s, p), kind in calls:
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
                y.nbytes,
            ),
        ]
        if kind == "decoder":
            rows.append(
                (
                    "conv2d",
                    partial(tc.conv2d, y, w, **kw),
                    partial(torch.nn.functional.conv2d, yt, wt, **kw),
                    partial(reference.convolve, y[0, 0], w[0, 0], s, p),
                    x.nbytes,
                )
            )
        with torch.no_grad():
            for name, ours, theirs, loops, out_bytes in rows:
                t_ours = median_time(ours, args.repeat)
                t_torch = median_time(theirs, args.repeat)
                t_ref = median_time(loops, 1) * pairs
                peak = peak_bytes(ours)
                ratio = t_ours / t_torch
                transposed = name == "conv_transpose2d"
                goal = verdict(
                    ratio,
                    peak,
                    out_bytes,
                    time_goal=transposed and kind == "decoder",
                    peak_goal=transposed and kind != "reported",
                )
                shape = f"({n}, {c_in}, {c_out}, {h}, {k}, {s}, {p})"
                print(
                    f"{name:<17}{shape:<31}{t_ours * 1e3:>10.2f}{t_torch * 1e3:>10.2f}"
                    f"{ratio:>7.3g}{out_bytes / MIB:>9.2f}{peak / MIB:>10.2f}"
                    f"{peak / out_bytes:>7.2f}{t_ref:>10.3g} est.  {goal}"
                )


if __name__ == "__main__":
    main()
