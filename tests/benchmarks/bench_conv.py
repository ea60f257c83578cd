"""Median times and peak memory of the convolutions against PyTorch, one thread each.

Run with ``nox -s bench``. Every row gives its operation's own
``(N, C_in, C_out, H, k, s, p)``: ``H`` is that operation's input size. Each
layer times ``conv_transpose2d`` and its adjoint ``conv2d`` (the forward
convolution with the same weight), in float32 and in float64:

- ``layer`` rows, the targets: four decoder layers, the image layer
  (N1 3->3 256^2 k3 s2 p1), a 7x7 stride-1 layer and a 3x3 one. The goal is
  PyTorch's time times 1.5 in float32 and 1.1 in float64, and a peak of at
  most 4 x the output + 32 MiB.
- ``memory`` rows: a layer with 32 MiB of output and a 9x9 convolution of a
  1024 x 1024 image; peak target only.
- ``taps`` rows: one channel, a 32 x 32 input, k = 3, 15, 63, 127 at stride 1
  (and their adjoints); the "us/tap" column is the median time over k^2. The
  zero-insertion and sub-pixel routes are timed there too.
- ``reported``: stride 512, four nonzero pixels in a 513 x 513 output.

The "loops s" column is the reference loops' time (:mod:`transposed_conv.reference`) on
the float32 layers, measured on one (input channel, output channel) pair of one sample and
scaled by the number of such pairs: far too slow to run whole.

Both libraries run on one thread: NumPy's BLAS is limited to one by
threadpoolctl and PyTorch by ``torch.set_num_threads(1)`` (on a shared
two-core machine two-thread timings swing by several times between runs).
Times are the process's CPU time (``time.process_time``), which on one
thread is the wall time of a quiet machine but does not count the time
other processes hold the core.

Peak memory is the most that ``tracemalloc`` sees allocated during one call
(NumPy reports its arrays to it), as a multiple of the output's bytes.
PyTorch allocates outside its view, so it has no peak column.

``--baseline SRC`` also times the package in another source folder (say an
older checkout's ``src``, unpacked with ``git archive``) in the same process,
so that before and after are measured side by side on the same machine: the
"base" columns are its time, its ratio to PyTorch and its peak as a multiple
of the output. ``--only KIND`` runs one kind of row.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import torch
from threadpoolctl import threadpool_info, threadpool_limits

import transposed_conv as tc
from transposed_conv import reference

F = torch.nn.functional

# (N, C_in, C_out, H, k, s, p) of the transposed convolution
LAYERS = [
    (64, 512, 256, 4, 4, 2, 1),
    (16, 128, 64, 16, 4, 2, 1),
    (4, 64, 32, 32, 2, 2, 0),
    (1, 3, 3, 256, 3, 2, 1),  # the image layer
    (8, 64, 32, 32, 7, 1, 3),  # 7x7, stride 1: the products are 49x the output
    (16, 128, 64, 32, 3, 1, 1),  # its adjoint is conv2d N16 64->128 32^2 k3 p1
]
MEMORY = [(8, 256, 128, 32, 4, 2, 1), (1, 1, 1, 1024, 9, 1, 4)]
TAPS = [(1, 1, 1, 32, k, 1, 0) for k in (3, 15, 63, 127)]
REPORTED = [(1, 1, 1, 2, 1, 512, 0)]  # stride 512: four nonzero pixels in a 513x513 output
TIME_RATIO = {"float32": 1.5, "float64": 1.1}
PEAK_OUTPUTS, PEAK_MIB = 4, 32
MIB = 2**20
BUDGET = 3.0
"""Seconds of timed calls after which a row stops repeating (at least three calls)."""


def median_time(fn: Callable[[], object], repeat: int, budget: float = BUDGET) -> float:
    """The median of up to ``repeat`` timed calls after a warm-up, at least three of them.

    A warm-up call that takes more than ``budget`` is the only measurement.
    """
    start = time.process_time()
    fn()  # warm up: allocator, caches
    first = time.process_time() - start
    if first > budget:
        return first
    times: list[float] = []
    while len(times) < repeat and (len(times) < 3 or sum(times) < budget):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def peak_bytes(fn: Callable[[], object]) -> int:
    """The most memory ``tracemalloc`` sees allocated while ``fn`` runs."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def load_baseline(src: str) -> ModuleType:
    """The package found in ``src`` (a folder holding ``transposed_conv``), under another name."""
    folder = Path(src) / "transposed_conv"
    spec = importlib.util.spec_from_file_location(
        "transposed_conv_baseline", folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    if spec is None or spec.loader is None:
        msg = f"no transposed_conv package in {src}"
        raise SystemExit(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def one_thread() -> None:
    """Limit NumPy's BLAS and PyTorch to one thread each, and say so."""
    threadpool_limits(1)
    torch.set_num_threads(1)
    pools = [
        (i["internal_api"], i.get("architecture"), i["num_threads"]) for i in threadpool_info()
    ]
    print(f"numpy {np.__version__}, torch {torch.__version__}, threads {torch.get_num_threads()}")
    print(f"thread pools: {pools}")


def verdict(ratio: float | None, peak: int, out_bytes: int, time_goal: float | None) -> str:
    """``ok`` or what missed, for the targets this row has; ``-`` if it has none."""
    missed = []
    if time_goal is not None and ratio is not None and ratio > time_goal:
        missed.append("time")
    if peak > PEAK_OUTPUTS * out_bytes + PEAK_MIB * MIB:
        missed.append("memory")
    return "MISSED " + ", ".join(missed) if missed else "ok"


Row = tuple[str, tuple[int, ...], Callable[[ModuleType], Any], Callable[[], Any], int]
"""One benchmark row: op, its own shape tuple, ours(pkg), torch's, output bytes."""


def calls(
    pkg: ModuleType, layer: tuple[int, ...], dtype: str, kind: str, rng: np.random.Generator
) -> list[Row]:
    """The rows for one layer: its routes, and the convolution it is the adjoint of."""
    n, c_in, c_out, h, k, s, p = layer
    x = rng.standard_normal((n, c_in, h, h)).astype(dtype)
    w = rng.standard_normal((c_in, c_out, k, k)).astype(dtype)
    y = pkg.conv_transpose2d(x, w, stride=s, padding=p)
    xt, wt, yt = map(torch.from_numpy, (x, w, y))
    tol = 1e-3 if dtype == "float32" else 1e-9
    expected = F.conv_transpose2d(xt, wt, stride=s, padding=p).numpy()
    np.testing.assert_allclose(y, expected, rtol=tol, atol=tol * np.abs(expected).max())
    kw = {"stride": s, "padding": p}
    adjoint = (n, c_out, c_in, y.shape[-1], k, s, p)

    def transposed(op: str, name: str = "") -> Row:
        """A route (the package's function ``name``) to the layer, timed against PyTorch's."""
        return (
            op,
            layer,
            lambda m: getattr(m, name or op)(x, w, **kw),
            lambda: F.conv_transpose2d(xt, wt, **kw),
            y.nbytes,
        )

    conv: Row = (
        "conv2d",
        adjoint,
        lambda m: m.conv2d(y, w, **kw),
        lambda: F.conv2d(yt, wt, **kw),
        x.nbytes,
    )
    rows = [transposed("conv_transpose2d"), conv]
    if kind == "taps":
        rows += [
            transposed("zero_insertion", "conv_transpose_by_zero_insertion"),
            transposed("subpixel", "conv_transpose_by_subpixel"),
        ]
    if kind == "reported":
        rows = rows[:1]
    return rows


def reference_time(op: str, layer: tuple[int, ...]) -> float:
    """The reference loops' time for ``op`` on ``layer``: one channel pair, times the pairs."""
    n, c_in, c_out, h, k, s, p = layer
    rng = np.random.default_rng(1)
    x, w = rng.standard_normal((h, h)), rng.standard_normal((k, k))
    if op == "conv2d":
        y = reference.conv_transpose(x, w, s, p)
        seconds = median_time(lambda: reference.convolve(y, w, s, p), 1)
    else:
        seconds = median_time(lambda: reference.conv_transpose(x, w, s, p), 1)
    return seconds * n * c_in * c_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--baseline", help="a src folder holding an older transposed_conv")
    parser.add_argument("--only", help="run only the rows of this kind (layer, memory, taps, ...)")
    args = parser.parse_args()
    one_thread()
    base = load_baseline(args.baseline) if args.baseline else None
    print(
        f"targets: layer rows within {TIME_RATIO} x PyTorch's time (float32, float64); "
        f"peak <= {PEAK_OUTPUTS} x output + {PEAK_MIB} MiB on layer and memory rows"
    )
    if base is not None:
        print(f"baseline: {Path(args.baseline).resolve()} (columns 'base')")
    header = (
        f"{'kind':<9}{'op':<17}{'dtype':<8}{'(N, C_in, C_out, H, k, s, p)':<30}"
        + (f"{'base ms':>10}" if base else "")
        + f"{'ms':>10}{'torch ms':>10}"
        + (f"{'base x':>9}" if base else "")
        + f"{'x torch':>9}{'us/tap':>9}{'out MiB':>9}"
        + (f"{'base pk':>9}" if base else "")
        + f"{'peak MiB':>10}{'x out':>8}{'loops s':>10}  target"
    )
    print(header)
    print("-" * len(header))
    plan = (
        [(layer, dt, "layer") for dt in ("float32", "float64") for layer in LAYERS]
        + [(layer, "float32", "memory") for layer in MEMORY]
        + [(layer, "float32", "taps") for layer in TAPS]
        + [(layer, "float32", "reported") for layer in REPORTED]
    )
    rng = np.random.default_rng(0)
    with torch.no_grad():
        for layer, dtype, kind in plan:
            if args.only and kind != args.only:
                continue
            for op, shape, ours, theirs, out_bytes in calls(tc, layer, dtype, kind, rng):
                t_new = median_time(lambda ours=ours: ours(tc), args.repeat)
                t_torch = median_time(theirs, args.repeat)
                peak = peak_bytes(lambda ours=ours: ours(tc))
                cells = f"{kind:<9}{op:<17}{dtype:<8}{shape!s:<30}"
                if base is not None:
                    t_base = median_time(lambda ours=ours: ours(base), args.repeat)
                    peak_base = peak_bytes(lambda ours=ours: ours(base))
                    cells += f"{t_base * 1e3:>10.2f}"
                cells += f"{t_new * 1e3:>10.2f}{t_torch * 1e3:>10.2f}"
                if base is not None:
                    cells += f"{t_base / t_torch:>9.3g}"
                per_tap = f"{t_new / shape[4] ** 2 * 1e6:.3g}" if kind == "taps" else "-"
                cells += f"{t_new / t_torch:>9.3g}{per_tap:>9}{out_bytes / MIB:>9.2f}"
                if base is not None:
                    cells += f"{peak_base / out_bytes:>9.3g}"
                loops = "-"
                if kind == "layer" and dtype == "float32":
                    loops = f"{reference_time(op, layer):.3g}"
                goal = "-"
                if kind in ("layer", "memory"):
                    limit = TIME_RATIO[dtype] if kind == "layer" else None
                    goal = verdict(t_new / t_torch, peak, out_bytes, limit)
                cells += f"{peak / MIB:>10.2f}{peak / out_bytes:>8.3g}{loops:>10}"
                print(f"{cells}  {goal}", flush=True)


if __name__ == "__main__":
    main()
