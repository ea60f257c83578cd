"""Images and spectra: photographs and their power spectra."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .._validation import as_int
from ._matrices import highlight
from ._style import MAX_WIDTH, MIN_FONTSIZE, _as_2d, _plt, _wrap, signed_cmap

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
    colorbar: str | None = None,
    outline: tuple[Any, Any] | None = None,
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
    colorbar : str, optional
        Label of a colour bar for the images' one scale (when there are
        several, ``same_scale`` must be True).
    outline : (rows, cols), optional
        A block of pixels outlined in every image, as :func:`highlight` takes
        it (half-open ``(start, stop)`` pairs or slices): a dark line with a
        white one inside, seen on dark and light pixels.

    Returns
    -------
    fig, axes

    Raises
    ------
    ValueError
        If ``images`` is empty, or ``colorbar`` is asked for several images
        on scales of their own.

    Examples
    --------
    >>> fig, axes = show_images({"a": np.zeros((4, 4)), "b": np.ones((4, 4))}, title="Two")
    >>> [ax.get_title() for ax in axes]
    ['a', 'b']
    >>> fig, axes = show_images({"a": np.zeros((8, 8)), "b": np.ones((8, 8))}, title="Two",
    ...                         same_scale=True, colorbar="value", outline=((2, 6), (2, 6)))
    >>> fig.axes[-1].get_ylabel(), axes[1].patches[0].get_xy()
    ('value', (1.5, 1.5))
    """
    plt = _plt()
    if not images:
        msg = "images must not be empty"
        raise ValueError(msg)
    if colorbar is not None and len(images) > 1 and not same_scale:
        msg = f"colorbar={colorbar!r} needs same_scale=True: one bar reads one scale"
        raise ValueError(msg)
    cols = min(ncols, len(images))
    rows = -(-len(images) // cols)
    w = min(MAX_WIDTH, width) - (0.8 if colorbar is not None else 0.0)  # room for the bar
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
        if outline is not None:
            highlight(ax, *outline)
    for ax in axes[len(arrays) :]:
        ax.set_axis_off()
    if colorbar is not None:
        shown = axes[: len(arrays)]
        bar = fig.colorbar(shown[-1].images[0], ax=shown, fraction=0.04, pad=0.02, shrink=0.85)
        bar.set_label(colorbar, fontsize=MIN_FONTSIZE)
        bar.ax.tick_params(labelsize=MIN_FONTSIZE)
    fig.suptitle(_wrap(title, w - 0.2, 11), fontsize=11)
    return fig, axes[: len(arrays)]


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
