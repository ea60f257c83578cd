"""Median times and peak memory of interpolate against PyTorch's, one thread each.

Run with ``nox -s bench`` (after the convolution rows) or, in the bench
session's environment, ``python tests/benchmarks/bench_interpolate.py``.

- ``image`` rows: one float32 image of 2048 x 2048 up-sampled by 2 (a
  4096 x 4096 output, 64 MiB), and a signal of 20,000 samples (whose dense
  interpolation matrix needed 6 GiB). Target: a peak of at most 4 x the
  output + 32 MiB.
- ``factor`` rows: an 8 x 8 image (a 4-sample signal in 1-D) up-sampled by
  growing factors; the "ns/out" column (time per output value) should not grow
  with the factor: the cost is writing the output.

Both libraries run on one thread, as in bench_conv.py; ``--baseline SRC`` times
an older package side by side, as there.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import torch
from bench_conv import MIB, PEAK_MIB, PEAK_OUTPUTS, load_baseline, median_time, one_thread
from bench_conv import peak_bytes as peak_of

import transposed_conv as tc

IMAGES = [
    ("bilinear", (2048, 2048), 2),
    ("bicubic", (2048, 2048), 2),
    ("nearest", (2048, 2048), 2),
    ("bilinear", (20_000,), 2),
]
FACTORS = [
    *(("bilinear", (8, 8), f) for f in (2, 16, 128, 512)),
    *(("bicubic", (8, 8), f) for f in (2, 16, 128, 512)),
    *(("bilinear", (4,), f) for f in (2, 2**10, 2**18)),
]
TORCH_1D = {"bilinear": "linear", "nearest": "nearest"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--baseline", help="a src folder holding an older transposed_conv")
    parser.add_argument("--only", help="run only the rows of this kind (image, factor)")
    args = parser.parse_args()
    one_thread()
    base = load_baseline(args.baseline) if args.baseline else None
    if base is not None:
        print(f"baseline: {Path(args.baseline).resolve()} (columns 'base')")
    header = (
        f"{'kind':<8}{'mode':<10}{'input':<11}{'f':>7}"
        + (f"{'base ms':>10}" if base else "")
        + f"{'ms':>10}{'torch ms':>10}{'x torch':>9}{'ns/out':>10}{'out MiB':>9}"
        + (f"{'base pk':>9}" if base else "")
        + f"{'peak MiB':>10}{'x out':>7}  target"
    )
    print(header)
    print("-" * len(header))
    rng = np.random.default_rng(0)
    cases = [("image", *case) for case in IMAGES] + [("factor", *case) for case in FACTORS]
    for kind, mode, shape, f in cases:
        if args.only and kind != args.only:
            continue
        x = rng.standard_normal(shape).astype(np.float32)
        xt = torch.from_numpy(x[None, None])
        torch_mode = mode if x.ndim == 2 else TORCH_1D.get(mode, mode)
        extra = {} if mode == "nearest" else {"align_corners": False}

        def ours(pkg, x=x, mode=mode, f=f):
            return pkg.interpolate(x, f, mode)

        def theirs(xt=xt, torch_mode=torch_mode, extra=extra, f=f):
            return torch.nn.functional.interpolate(xt, scale_factor=f, mode=torch_mode, **extra)

        out = ours(tc)
        np.testing.assert_allclose(out, theirs().numpy()[0, 0], rtol=1e-4, atol=1e-4)
        t_new = median_time(lambda ours=ours: ours(tc), args.repeat)
        t_torch = median_time(theirs, args.repeat)
        peak = peak_of(lambda ours=ours: ours(tc))
        cells = f"{kind:<8}{mode:<10}{'x'.join(map(str, shape)):<11}{f:>7}"
        if base is not None:
            t_base = median_time(lambda ours=ours: ours(base), args.repeat)
            peak_base = peak_of(lambda ours=ours: ours(base))
            cells += f"{t_base * 1e3:>10.2f}"
        cells += (
            f"{t_new * 1e3:>10.2f}{t_torch * 1e3:>10.3f}{t_new / t_torch:>9.3g}"
            f"{t_new / out.size * 1e9:>10.3g}{out.nbytes / MIB:>9.2f}"
        )
        if base is not None:
            cells += f"{peak_base / out.nbytes:>9.2f}"
        goal = "-"
        if kind == "image":
            ok = peak <= PEAK_OUTPUTS * out.nbytes + PEAK_MIB * MIB
            goal = "ok" if ok else "MISSED memory"
        print(f"{cells}{peak / MIB:>10.2f}{peak / out.nbytes:>7.2f}  {goal}", flush=True)


if __name__ == "__main__":
    main()
