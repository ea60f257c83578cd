"""Line charts: named series labelled on their lines, shaded bands, filled spectra, panels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from ._style import LINE_COLORS, MAX_WIDTH, MIN_FONTSIZE, _plt, _text_width, _wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MARKERS = ("o", "s", "^", "D", "v", "P")
"""One marker shape per series (with ``markers=True``): lines told apart without colour."""
BAND_COLOR = "#8a8a8a"
"""Fill of a shaded band (at :data:`BAND_ALPHA`): a grey that reads on a light and a dark page."""
BAND_ALPHA = 0.22
FILL_ALPHA = 0.3
"""Opacity of the area under a ``filled`` series, in the series' colour."""
PANELS_WIDTH = 5.8
"""Default width of :func:`show_line_panels`, in inches: on the site, where each panel's numbers
and labels are page text beside it, two panels fit the text column side by side."""
_ORDER = ("input", "output", "kernel", "matrix")
_STYLES = ("-", "--", ":", "-.")


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
    bands: dict[str, tuple[float, float]] | None = None,
    filled: Sequence[str] = (),
    markers: bool = False,
) -> Axes:
    """Plot named 1-D series against a shared x, each labelled on its line, axes labelled.

    Each series is labelled directly, beside its line and clear of the
    others, in its colour (no legend to match up; a single series is named by
    ``ylabel`` instead). Its colour says its role (:data:`LINE_COLORS`); each
    line also gets its own style (solid, dashed, dotted, dash-dot; the first
    widest) and, with ``markers``, its own marker, so the lines are told apart
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
    bands : dict of str to (x0, x1), optional
        Ranges of x shaded grey and named inside, at the top (an image band).
    filled : sequence of str, default ()
        Series drawn as an area down to 0 in their colour (a spectrum to
        read as areas), under the lines.
    markers : bool, default False
        Mark each series' samples with its own shape (every sample of a series
        of up to 32, else about 8 marks a line).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If a role is not a key of :data:`LINE_COLORS`, a band is empty, or
        ``filled`` names no series.

    Examples
    --------
    >>> ax = show_lines({"loss": [3, 2, 1]}, title="Learning curve", xlabel="step", ylabel="MSE")
    >>> ax.get_xlabel(), ax.get_legend(), [t.get_text() for t in ax.texts]
    ('step', None, [])
    >>> ax = show_lines({"a": [1, 2], "b": [2, 1]}, title="Two", xlabel="x", ylabel="y",
    ...                 roles={"a": "input", "b": "kernel"})
    >>> [t.get_text() for t in ax.texts], ax.lines[1].get_color() == LINE_COLORS["kernel"]
    (['a', 'b'], True)
    >>> f = np.linspace(0, 0.5, 65)
    >>> ax = show_lines({"|X|": np.exp(-40 * f), "|W|": np.cos(np.pi * f)}, x=f, title="Spectra",
    ...                 xlabel="f", ylabel="gain", bands={"image band": (0.25, 0.5)},
    ...                 filled=["|X|"], markers=True)
    >>> sorted(t.get_text() for t in ax.texts), len(ax.collections), ax.lines[1].get_marker()
    (['image band', '|W|', '|X|'], 1, 'o')
    """
    plt = _plt()
    if ax is None:
        _, ax = plt.subplots(figsize=(MAX_WIDTH, 3.2), layout="constrained")
    _check(series, filled, bands)
    lines = _draw(ax, series, list(series), x, roles, filled, markers)
    _axes_style(ax, xlabel, ylabel, logy, bands or {})
    fig = cast("Figure", ax.figure)
    fig.suptitle(_wrap(title, fig.get_figwidth() - 0.2, 11), fontsize=11)
    _label(ax, lines if len(lines) > 1 else [], bands or {})
    return ax


def show_line_panels(
    panels: dict[str, dict[str, Any]],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    x: Any = None,
    roles: dict[str, str] | None = None,
    bands: dict[str, tuple[float, float]] | None = None,
    filled: Sequence[str] = (),
    markers: bool = True,
    height: float = 3.4,
    width: float = PANELS_WIDTH,
) -> tuple[Figure, list[Axes]]:
    """Plot groups of named series in panels side by side, on one y scale, each titled.

    Small multiples: each panel is drawn as :func:`show_lines` draws one chart,
    and a series keeps its colour, line style and marker in every panel it is
    in (the same name is the same series: a reference curve repeated, or one
    role shown for several settings). A panel with one series is named by its
    title; several are labelled on their lines. On the site the panels wrap
    into a column on a phone.

    Parameters
    ----------
    panels : dict of str to dict of str to (n,) array_like or (x, y) pair
        Panel titles, each with its series as :func:`show_lines` takes them.
    title : str
        The figure title.
    xlabel, ylabel : str
        Every panel's axis labels (a panel read alone on a phone keeps them).
    x, roles, bands, filled
        As :func:`show_lines`, for every panel.
    markers : bool, default True
        As :func:`show_lines`: panels compare lines, and a marker tells them
        apart without colour.
    height : float, default 3.4
        Figure height in inches.
    width : float, default 5.8
        Figure width in inches, at most :data:`MAX_WIDTH`; on the site, where
        each panel's numbers and names are page text beside it, two panels of
        the default width fit the text column side by side.

    Returns
    -------
    fig, axes

    Raises
    ------
    ValueError
        If ``panels`` or a panel is empty, or as :func:`show_lines`.

    Examples
    --------
    >>> t = np.arange(8)
    >>> outputs = dict(Even={"y": t / 2}, Uneven={"y": t / 2 + t % 2})
    >>> fig, axes = show_line_panels(outputs,
    ...                              title="Two outputs", xlabel="r", ylabel="y[r]",
    ...                              roles={"y": "output"}, markers=True)
    >>> [ax.get_title() for ax in axes], axes[0].get_ylim() == axes[1].get_ylim()
    (['Even', 'Uneven'], True)
    >>> [ax.lines[0].get_marker() for ax in axes], [len(ax.texts) for ax in axes]
    (['o', 'o'], [0, 0])
    """
    plt = _plt()
    if not panels or not all(panels.values()):
        msg = f"panels must be a non-empty dict of non-empty dicts, got {list(panels)!r}"
        raise ValueError(msg)
    everything = {name: v for series in panels.values() for name, v in series.items()}
    _check(everything, filled, bands)
    w = min(width, MAX_WIDTH)
    fig, grid = plt.subplots(
        1, len(panels), figsize=(w, height), squeeze=False, layout="constrained"
    )
    axes = list(grid[0])
    names = list(everything)
    drawn = [
        _draw(ax, series, names, x, roles, filled, markers)
        for ax, series in zip(axes, panels.values(), strict=True)
    ]
    low = min(ax.get_ylim()[0] for ax in axes)
    high = max(ax.get_ylim()[1] for ax in axes)
    for ax, name in zip(axes, panels, strict=True):
        ax.set_ylim(low, high)
        ax.set_title(_wrap(name, w / len(panels) - 0.6, 10), fontsize=10)
        _axes_style(ax, xlabel, ylabel, False, bands or {})
    fig.suptitle(_wrap(title, w - 0.2, 11), fontsize=11)
    for ax, lines in zip(axes, drawn, strict=True):
        _label(ax, lines if len(lines) > 1 else [], bands or {})
    return fig, axes


def _check(
    series: dict[str, Any], filled: Sequence[str], bands: dict[str, tuple[float, float]] | None
) -> None:
    unknown = [name for name in filled if name not in series]
    if unknown:
        msg = f"filled must name series, got {unknown!r}"
        raise ValueError(msg)
    for name, (x0, x1) in (bands or {}).items():
        if not x0 < x1:
            msg = f"bands[{name!r}] must be (x0, x1) with x0 < x1, got {(x0, x1)!r}"
            raise ValueError(msg)


Line = tuple[str, npt.NDArray[np.float64], npt.NDArray[np.float64], str]


def _draw(
    ax: Axes,
    series: dict[str, Any],
    names: list[str],
    x: Any,
    roles: dict[str, str] | None,
    filled: Sequence[str],
    markers: bool,
) -> list[Line]:
    """Draw ``series`` on ``ax``; ``names`` (all series of the figure) fix each one's style."""
    chosen = roles or {}
    lines = []
    drawn = [name for name in series if name not in filled]
    for name, values in series.items():
        if isinstance(values, tuple) and len(values) == 2:
            xs, ys = np.asarray(values[0], dtype=float), np.asarray(values[1], dtype=float)
        else:
            ys = np.asarray(values, dtype=float)
            xs = np.arange(len(ys), dtype=float) if x is None else np.asarray(x, dtype=float)
        default = "neutral" if len(names) == 1 else _ORDER[names.index(name) % len(_ORDER)]
        role = chosen.get(name, default)
        k = drawn.index(name) if name in drawn else 0  # the k-th line of every panel looks alike
        if role not in LINE_COLORS:
            msg = f"roles[{name!r}] must be one of {sorted(LINE_COLORS)}, got {role!r}"
            raise ValueError(msg)
        color = LINE_COLORS[role]
        style: dict[str, Any] = {"linewidth": 3.2 if k == 0 else 2.0, "linestyle": _STYLES[k % 4]}
        if name in filled:
            ax.fill_between(xs, 0, ys, color=color, alpha=FILL_ALPHA, linewidth=0, zorder=1)
            style = {"linewidth": 1.2, "linestyle": "-"}
        elif markers:
            step = 1 if len(xs) <= 32 else -(-len(xs) // 8)
            style |= {"marker": MARKERS[k % len(MARKERS)], "markersize": 6.5 if k == 0 else 4.5}
            style["markevery"] = (k * step // max(1, len(drawn)), step)
        ax.plot(xs, ys, color=color, zorder=2, **style)
        lines.append((name, xs, ys, color))
    if len(series) > 1:
        ax.margins(y=0.12)  # room above the top line for a name
    return lines


def _axes_style(
    ax: Axes, xlabel: str, ylabel: str, logy: bool, bands: dict[str, tuple[float, float]]
) -> None:
    if logy:
        ax.set_yscale("log")
    for x0, x1 in bands.values():
        ax.axvspan(x0, x1, color=BAND_COLOR, alpha=BAND_ALPHA, linewidth=0, zorder=0)
    ax.set_xlabel(xlabel, fontsize=10)
    ax.set_ylabel(ylabel, fontsize=10)
    ax.tick_params(labelsize=9)
    ax.grid(alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _label(ax: Axes, lines: list[Line], bands: dict[str, tuple[float, float]]) -> None:
    """Name each band at its top and each line beside itself, no name over another or a line.

    The figure is laid out once to measure the names. A line's name goes
    inside the axes, clear of every line and of the names placed before,
    within :data:`LABEL_REACH` of its line (twice or four times that where
    nothing nearer is free), where it is nearest its line and farthest from
    the others (the longest names first: they fit in the fewest places). A
    long name is set in lines.
    """
    if not lines and not bands:
        return
    fig = cast("Figure", ax.figure)
    fig.draw_without_rendering()
    taken = []
    for name, (x0, x1) in bands.items():
        text = ax.text(
            (x0 + x1) / 2,
            0.97,
            name,
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="top",
            color=LINE_COLORS["neutral"],
            fontsize=MIN_FONTSIZE,
        )
        taken.append(_box(text))
    paths = {
        name: _dense(ax.transData.transform(np.column_stack([xs, ys]))) for name, xs, ys, _ in lines
    }
    width = ax.get_window_extent().width / fig.dpi
    reach = LABEL_REACH / 72 * fig.dpi
    for name, xs, ys, color in sorted(lines, key=lambda line: -len(line[0])):
        text = ax.text(
            xs[len(xs) // 2],
            ys[len(ys) // 2],
            _lines_of(name, 0.4 * width),
            ha="left",
            va="bottom",
            color=color,
            fontsize=MIN_FONTSIZE,
        )
        box = _box(text)
        others = [path for other, path in paths.items() if other != name]
        corner = _free_corner(ax, box[2:] - box[:2], reach, paths[name], others, taken)
        if corner is not None:  # else it stays on the middle of its line
            x, y = ax.transData.inverted().transform(corner)
            text.set_position((float(x), float(y)))
            taken.append(_box(text))


LABEL_REACH = 9.0
"""Farthest a line's name lies from its line, in points."""


def _free_corner(
    ax: Axes,
    size: npt.NDArray[np.float64],
    reach: float,
    own: npt.NDArray[np.float64],
    others: list[npt.NDArray[np.float64]],
    taken: list[npt.NDArray[np.float64]],
) -> npt.NDArray[np.float64] | None:
    """The lower left corner (pixels) of the best place for a name of ``size``, or None.

    Places are tried every 3 pixels across the axes, 2 pixels inside its edges;
    a place is free 2 pixels clear of every line and name.
    """
    frame = ax.get_window_extent()
    xs = np.arange(frame.x0 + 2, frame.x1 - size[0] - 2, 3.0)
    ys = np.arange(frame.y0 + 2, frame.y1 - size[1] - 2, 3.0)
    corners = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
    boxes = np.hstack([corners, corners + size])
    near = _near(boxes, own)
    room = np.min([_near(boxes, path) for path in others], axis=0) if others else near + 1e6
    apart = np.ones(len(boxes), dtype=bool)  # from the names placed before
    for box in taken:
        apart &= ~_overlap(boxes, box)
    tiers = [
        apart & (near >= 2) & (room >= 2) & (near <= far) for far in (reach, 2 * reach, 4 * reach)
    ]
    for free in [*tiers, apart & (near <= 4 * reach), apart]:  # last: over a line, not a name
        if free.any():
            best = np.argmax(np.where(free, room - near, -np.inf))
            return cast("npt.NDArray[np.float64]", corners[int(best)])
    return None


def _lines_of(name: str, width: float) -> str:
    """``name`` broken between words into lines at most ``width`` inches wide (brackets too)."""
    lines: list[str] = []
    for word in name.split():
        if lines and _text_width(f"{lines[-1]} {word}", MIN_FONTSIZE) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def _box(text: Any) -> npt.NDArray[np.float64]:
    extent = text.get_window_extent()
    return np.array([extent.x0, extent.y0, extent.x1, extent.y1])


def _dense(points: npt.NDArray[np.float64], steps: int = 8) -> npt.NDArray[np.float64]:
    """Points along a polyline (pixels), ``steps`` per segment: a line's path, not its samples."""
    points = points[np.isfinite(points).all(axis=1)]
    if len(points) < 2:
        return points
    t = np.linspace(0, 1, steps, endpoint=False)[:, None, None]
    along = points[:-1] + t * (points[1:] - points[:-1])
    return np.concatenate([along.reshape(-1, 2), points[-1:]])


def _near(boxes: npt.NDArray[np.float64], points: npt.NDArray[np.float64]) -> Any:
    """Distance in pixels from each box (x0, y0, x1, y1) to the nearest of ``points``."""
    if not len(points):
        return np.full(len(boxes), np.inf)
    px, py = points[:, 0], points[:, 1]
    dx = np.maximum(np.maximum(boxes[:, :1] - px, px - boxes[:, 2:3]), 0)
    dy = np.maximum(np.maximum(boxes[:, 1:2] - py, py - boxes[:, 3:4]), 0)
    return np.hypot(dx, dy).min(axis=1)


def _overlap(boxes: npt.NDArray[np.float64], box: npt.NDArray[np.float64]) -> Any:
    """Whether each of ``boxes`` comes within 2 pixels of ``box``."""
    return (
        (boxes[:, 0] < box[2] + 2)
        & (box[0] < boxes[:, 2] + 2)
        & (boxes[:, 1] < box[3] + 2)
        & (box[1] < boxes[:, 3] + 2)
    )
