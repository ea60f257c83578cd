"""Images and spectra: photographs, their power spectra, and line plots."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from .._validation import as_int
from ._style import LINE_COLORS, MAX_WIDTH, MIN_FONTSIZE, _as_2d, _plt, _wrap, signed_cmap

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def show_image(image: Any, *, ax: Axes | None = None, title: str = "", cmap: str = "gray") -> Axes:
    """Draw a photograph-sized array without cell values, grey scale by default.

    An image with negative and positive values (a difference) is drawn on the
    diverging map :data:`SIGNED_CMAP` centred on 0, with a colour bar.

    Parameters
    ----------
    image : (H, W) array_like
    ax : matplotlib Axes, optional
    title : str
        Its name.
    cmap : str, default 'gray'
        The map of images that are not signed.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> show_image(np.zeros((8, 8)), title="Photo").get_title()
    'Photo'
    """
    plt = _plt()
    arr = _as_2d(image)
    if ax is None:
        _, ax = plt.subplots(figsize=(3, 3), layout="constrained")
    lo, hi = float(arr.min()), float(arr.max())
    if lo < 0 < hi:
        m = max(-lo, hi)
        shown = ax.imshow(arr, cmap=signed_cmap(), vmin=-m, vmax=m, interpolation="nearest")
        bar = ax.figure.colorbar(shown, ax=ax, fraction=0.05, pad=0.03, shrink=0.9)
        bar.ax.tick_params(labelsize=MIN_FONTSIZE)
    else:
        ax.imshow(arr, cmap=cmap, interpolation="nearest")
    ax.set_axis_off()
    ax.set_title(title, fontsize=10)
    return ax


def show_images(
    images: dict[str, Any],
    *,
    title: str,
    ncols: int = 3,
    cmap: str = "gray",
    same_scale: bool = False,
    width: float = MAX_WIDTH,
) -> tuple[Figure, list[Axes]]:
    """Draw photograph-sized arrays in a grid, each with its name and shape.

    Parameters
    ----------
    images : dict of str to (H, W) array_like
        Names (titles) and images, in reading order.
    title : str
        The figure title (the alt text on the site).
    ncols : int, default 3
    cmap : str, default 'gray'
    same_scale : bool, default False
        One grey scale for all images (to compare brightness), instead of each
        image's own range; a signed image (a difference) keeps its own scale.
    width : float
        Figure width in inches, at most :data:`MAX_WIDTH`.

    Returns
    -------
    fig, axes

    Examples
    --------
    >>> fig, axes = show_images({"a": np.zeros((4, 4)), "b": np.ones((4, 4))}, title="Two")
    >>> [ax.get_title() for ax in axes]
    ['a', 'b']
    """
    plt = _plt()
    if not images:
        msg = "images must not be empty"
        raise ValueError(msg)
    cols = min(ncols, len(images))
    rows = -(-len(images) // cols)
    w = min(MAX_WIDTH, width)
    arrays = {name: _as_2d(img) for name, img in images.items()}
    aspect = max(a.shape[0] / a.shape[1] for a in arrays.values())  # height / width
    fig, grid = plt.subplots(
        rows,
        cols,
        figsize=(w, rows * (w / cols * aspect + 0.45) + 0.5),
        squeeze=False,
        layout="constrained",
    )
    axes = list(grid.flat)
    unsigned = [a for a in arrays.values() if not a.min() < 0 < a.max()] or [np.zeros(1)]
    lo = min(float(a.min()) for a in unsigned)
    hi = max(float(a.max()) for a in unsigned)
    for ax, (name, arr) in zip(axes, arrays.items(), strict=False):
        show_image(arr, ax=ax, title=name, cmap=cmap)
        ax.set_title(_wrap(name, w / cols - 0.2, 10), fontsize=10)  # within its column
        if same_scale and not arr.min() < 0 < arr.max():  # a difference keeps its own scale
            ax.images[0].set_clim(lo, hi)
    for ax in axes[len(arrays) :]:
        ax.set_axis_off()
    fig.suptitle(_wrap(title, w - 0.2, 11), fontsize=11)
    return fig, axes[: len(arrays)]


def show_lines(
    series: dict[str, Any],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    x: Any = None,
    logy: bool = False,
    ax: Axes | None = None,
    roles: dict[str, str] | None = None,
) -> Axes:
    """Plot named 1-D series against a shared x, each labelled at its end, axes labelled.

    Each series is labelled directly, at the end of its line, in its colour
    (no legend to match up; a single series is named by ``ylabel`` instead).
    Its colour says its role (:data:`LINE_COLORS`); each series also gets its
    own line style (solid, dashed, dotted, dash-dot; the first drawn widest),
    so a curve under another stays visible and the lines are told apart
    without colour vision.

    Parameters
    ----------
    series : dict of str to (n,) array_like or to an (x, y) pair
        A pair gives a series its own x (no values are invented where it has none).
    title : str
        The title (the figure's alt text when the figure has one axes).
    xlabel, ylabel : str
    x : (n,) array_like, optional
        Default ``0 .. n - 1``.
    logy : bool, default False
    ax : matplotlib Axes, optional
    roles : dict of str to str, optional
        The role of each series (a key of :data:`LINE_COLORS`), which gives
        its colour; by default ``"neutral"`` for one series and ``"input"``,
        ``"output"``, ``"kernel"``, ``"matrix"`` in turn for several.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = show_lines({"loss": [3, 2, 1]}, title="Learning curve", xlabel="step", ylabel="MSE")
    >>> ax.get_xlabel(), ax.get_legend(), [t.get_text() for t in ax.texts]
    ('step', None, [])
    >>> ax = show_lines({"a": [1, 2], "b": [2, 1]}, title="Two", xlabel="x", ylabel="y",
    ...                 roles={"a": "input", "b": "kernel"})
    >>> [t.get_text() for t in ax.texts], ax.lines[1].get_color() == LINE_COLORS["kernel"]
    (['a', 'b'], True)
    """
    plt = _plt()
    if ax is None:
        _, ax = plt.subplots(figsize=(MAX_WIDTH, 3.2), layout="constrained")
    order = ["input", "output", "kernel", "matrix"]
    chosen = roles or {}
    styles = ["-", "--", ":", "-."]
    lines = []
    for k, (name, values) in enumerate(series.items()):
        if isinstance(values, tuple) and len(values) == 2:
            xs, ys = np.asarray(values[0], dtype=float), np.asarray(values[1], dtype=float)
        else:
            ys = np.asarray(values, dtype=float)
            xs = np.arange(len(ys), dtype=float) if x is None else np.asarray(x, dtype=float)
        role = chosen.get(name, "neutral" if len(series) == 1 else order[k % len(order)])
        if role not in LINE_COLORS:
            msg = f"roles[{name!r}] must be one of {sorted(LINE_COLORS)}, got {role!r}"
            raise ValueError(msg)
        ax.plot(
            xs,
            ys,
            color=LINE_COLORS[role],
            linewidth=3.2 if k == 0 else 2.0,
            linestyle=styles[k % 4],
        )
        lines.append((name, xs, ys, LINE_COLORS[role]))
    if logy:
        ax.set_yscale("log")
    if len(lines) > 1:
        _label_lines(ax, lines, logy)
    ax.set_xlabel(xlabel, fontsize=10)
    ax.set_ylabel(ylabel, fontsize=10)
    ax.tick_params(labelsize=9)
    ax.grid(alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig = cast("Figure", ax.figure)
    fig.suptitle(_wrap(title, fig.get_figwidth() - 0.2, 11), fontsize=11)
    return ax


def _label_lines(ax: Axes, lines: list[tuple[str, Any, Any, str]], logy: bool) -> None:
    """Name each line beside itself, where it is farthest from the others.

    Candidates are five points along each line (from a tenth to nine tenths of
    its x range); the one farthest, in the axes' height, from every other line
    gets the label, just above the line, in the line's colour, reaching from
    there into the plot (leftwards in its right half).
    """
    low, high = ax.get_ylim()

    def height(y: Any) -> Any:
        y = np.log10(np.maximum(y, 1e-300)) if logy else np.asarray(y)
        lo, hi = (np.log10(low), np.log10(high)) if logy else (low, high)
        return (y - lo) / (hi - lo)

    for name, xs, ys, color in lines:
        best, where = -1.0, (float(xs[-1]), float(ys[-1]))
        for share in (0.1, 0.3, 0.5, 0.7, 0.9):
            i = min(len(xs) - 1, round(share * (len(xs) - 1)))
            gaps = [
                abs(float(height(ys[i])) - float(height(np.interp(xs[i], oxs, oys))))
                for other, oxs, oys, _ in lines
                if other != name
            ]
            room = min(min(gaps, default=1.0), 1 - float(height(ys[i])))  # and below the top
            if room > best:
                best, where = room, (float(xs[i]), float(ys[i]))
        right = where[0] > sum(ax.get_xlim()) / 2  # the label reaches into the plot
        ax.annotate(
            name,
            where,
            xytext=(0, 5),
            textcoords="offset points",
            ha="right" if right else "left",
            va="bottom",
            color=color,
            fontsize=MIN_FONTSIZE,
        )


def show_spectrum(image: Any, *, ax: Axes | None = None, title: str = "") -> Axes:
    """Draw an image's power spectrum, zero frequency at the centre, on a log scale.

    Parameters
    ----------
    image : (H, W) array_like
    ax : matplotlib Axes, optional
    title : str
        Its name.

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    Frequencies run from -1/2 to 1/2 cycles per pixel; a pattern repeating
    every ``s`` pixels shows as bright points at multiples of ``1 / s``. Spectra
    larger than 128 x 128 are averaged over blocks of neighbouring frequencies.

    Examples
    --------
    >>> show_spectrum(np.indices((8, 8)).sum(axis=0) % 2, title="Checkerboard").get_title()
    'Checkerboard'
    """
    plt = _plt()
    arr = _as_2d(image).astype(float)
    if ax is None:
        _, ax = plt.subplots(figsize=(3.2, 3.2), layout="constrained")
    power = np.abs(np.fft.fftshift(np.fft.fft2(arr - arr.mean()))) ** 2
    # average blocks of frequencies down to at most 128 x 128 bins: the picture stays light
    # (raw spectra are noise, which images compress badly) and peaks stay bright
    bins = [max(1, -(-n // 128)) for n in power.shape]
    rows, cols = (power.shape[0] // bins[0]) * bins[0], (power.shape[1] // bins[1]) * bins[1]
    blocks = power[:rows, :cols].reshape(rows // bins[0], bins[0], cols // bins[1], bins[1])
    power = blocks.mean(axis=(1, 3))
    ax.imshow(
        np.log10(power + 1e-12 * power.max() + 1e-30),
        cmap="magma",
        extent=(-0.5, 0.5, 0.5, -0.5),
        interpolation="nearest",
    )
    ax.set_xlabel("horizontal frequency (cycles / pixel)", fontsize=8)
    ax.set_ylabel("vertical frequency (cycles / pixel)", fontsize=8)
    ax.tick_params(labelsize=8)
    ax.set_title(title, fontsize=10)
    return ax


def sample_photo(size: int = 512) -> npt.NDArray[np.float64]:
    """Grace Hopper's portrait from matplotlib's sample data, grey, in [0, 1].

    Parameters
    ----------
    size : int, default 512
        Side of the square crop (from the top left, where her face is), at most 512.

    Returns
    -------
    (size, size) ndarray of float64

    Notes
    -----
    The file ships with matplotlib (``matplotlib.cbook.get_sample_data``), so
    nothing is downloaded.

    Examples
    --------
    >>> photo = sample_photo(64)
    >>> photo.shape, bool(0 <= photo.min() <= photo.max() <= 1)
    ((64, 64), True)
    """
    from matplotlib import cbook

    plt = _plt()
    if not 1 <= as_int(size, "size") <= 512:
        msg = f"size must be between 1 and 512, got {size!r}"
        raise ValueError(msg)
    path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
    rgb = plt.imread(path)
    grey: npt.NDArray[np.float64] = rgb[:size, :size].mean(axis=2) / 255.0
    return grey


def show_spectra(images: dict[str, Any], *, title: str) -> tuple[Figure, list[Axes]]:
    """Draw the power spectra of named images side by side, on one scale with a colour bar.

    Parameters
    ----------
    images : dict of str to (H, W) array_like
    title : str
        The figure title.

    Returns
    -------
    fig, axes

    Examples
    --------
    >>> fig, axes = show_spectra({"flat": np.ones((4, 4)), "noise": np.eye(4)}, title="Two spectra")
    >>> len(axes), axes[0].images[0].get_clim() == axes[1].images[0].get_clim()
    (2, True)
    """
    plt = _plt()
    fig, grid = plt.subplots(
        1,
        len(images),
        figsize=(MAX_WIDTH, MAX_WIDTH / len(images) + 0.8),
        squeeze=False,
        layout="constrained",
    )
    axes = list(grid[0])
    for ax, (name, img) in zip(axes, images.items(), strict=True):
        show_spectrum(img, ax=ax, title=name)
    # one scale for all: equal colours are equal powers, read on the one colour bar
    lo = min(float(ax.images[0].get_array().min()) for ax in axes)
    hi = max(float(ax.images[0].get_array().max()) for ax in axes)
    for ax in axes:
        ax.images[0].set_clim(lo, hi)
    bar = fig.colorbar(axes[-1].images[0], ax=axes, fraction=0.04, pad=0.02, shrink=0.85)
    bar.set_label("log10 power", fontsize=MIN_FONTSIZE)
    bar.ax.tick_params(labelsize=MIN_FONTSIZE)
    fig.suptitle(_wrap(title, fig.get_figwidth() - 0.2, 11), fontsize=11)
    return fig, axes
