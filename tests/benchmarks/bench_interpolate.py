"""Median times and peak memory of interpolate against PyTorch's interpolate.

Run with ``nox -s bench`` (after the convolution rows) or, in the bench
session's environment, ``python tests/benchmarks/bench_interpolate.py``. One
float32 image of 2048 x 2048 up-sampled by 2 (a 4096 x 4096 output, 64 MiB);
PyTorch runs in the same process with the same thread count as OpenBLAS. Peak
memory is what ``tracemalloc`` sees during one call of ours (NumPy reports its
arrays to it), next to the output's own size; the 1-D row is the signal of
20,000 samples whose dense interpolation matrix needed 6 GiB.
"""

from __future__ import annotations

import argparse

import numpy as np
import torch
from bench_conv import median_time, peak_bytes  # the same timer and memory probe
from threadpoolctl import threadpool_info

import transposed_conv as tc

CASES = [
    ("bilinear", (2048, 2048)),
    ("bicubic", (2048, 2048)),
    ("nearest", (2048, 2048)),
    ("bilinear", (20_000,)),
]
FACTOR = 2
TORCH_1D = {"bilinear": "linear", "nearest": "nearest"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    blas = [(i["internal_api"], i.get("architecture"), i["num_threads"]) for i in threadpool_info()]
    threads = [n for api, _, n in blas if api == "openblas"]
    torch.set_num_threads(max(threads) if threads else 1)
    print(f"numpy {np.__version__}, torch {torch.__version__}, threads {torch.get_num_threads()}")
    rng = np.random.default_rng(0)
    header = (
        f"{'interpolate':<12}{'input':<14}{'numpy ms':>10}{'torch ms':>10}{'ratio':>7}"
        f"{'peak MiB':>10}{'output MiB':>12}"
    )
    print(header)
    print("-" * len(header))
    for mode, shape in CASES:
        x = rng.standard_normal(shape).astype(np.float32)
        xt = torch.from_numpy(x[None, None])
        torch_mode = mode if x.ndim == 2 else TORCH_1D.get(mode, mode)
        extra = {} if mode == "nearest" else {"align_corners": False}

        def ours(x: np.ndarray = x, mode: str = mode) -> np.ndarray:
            return tc.interpolate(x, FACTOR, mode)

        def theirs(
            xt: torch.Tensor = xt, torch_mode: str = torch_mode, extra: dict = extra
        ) -> torch.Tensor:
            return torch.nn.functional.interpolate(
                xt, scale_factor=FACTOR, mode=torch_mode, **extra
            )

        out = ours()
        np.testing.assert_allclose(out, theirs().numpy()[0, 0], rtol=1e-4, atol=1e-4)
        t_ours = median_time(ours, args.repeat)
        t_torch = median_time(theirs, args.repeat)
        peak = peak_bytes(ours) / 2**20
        size = "x".join(map(str, shape))
        print(
            f"{mode:<12}{size:<14}{t_ours * 1e3:>10.1f}{t_torch * 1e3:>10.1f}"
            f"{t_ours / t_torch:>7.2f}{peak:>10.1f}{out.nbytes / 2**20:>12.1f}"
        )


if __name__ == "__main__":
    main()
