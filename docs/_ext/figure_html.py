"""Figures as HTML: each panel a picture of its cells, every word page text.

Why: a figure saved as one picture is a white slab in dark mode, keeps its row of panels
on a phone (shrinking its digits or scrolling sideways), and its words are pixels that
follow neither the theme nor the reader's font size. Here a figure is drawn once, at 2x on
a transparent background, and cut into its panels' *data areas* (cells with their values,
a photograph, a chart's lines, a colour bar's bar), as 256-colour PNGs (the same bytes
every build). Titles, tick numbers, axis labels, the operators between panels and a
chart's line labels become HTML. Panels are flex items, so on a phone the output moves to
a row of its own. A panel with values in its cells is never narrower than keeps its digits
``legibility.PHONE_DIGIT_PX`` tall (``min-width``; ``data-digit-px``, their height at 1x,
is what the browser check reads).
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from legibility import DPI_2X, digit_px, min_width
from matplotlib import colors as mpl_colors
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from PIL import Image

FIGURES = Path(__file__).parents[1] / "_build" / "figures"
"""Where the images go: ``html_static_path`` publishes the folder's files in ``_static``."""
INK = "#8a8a8a"
"""Lines inside a chart's image that are not data (axes, grid): readable on both themes."""
MATRIX_PAD = 2.5
"""Points around a matrix's cells in its image: room for a highlight box on an edge cell."""
MAX_ALT_CELLS = 64
"""Matrices up to this many cells list their values in their image's alt text."""


class Op(str):
    """An operator between panels (``"="``), with its place in the figure's grid."""

    place: tuple[int, int] = (0, 0)


@dataclass
class Shot:
    """One panel of a figure: its image and its words."""

    image: Image.Image
    kind: str  # "matrix", "image", "chart" or "colorbar"
    place: tuple[int, int] = (0, 0)  # row and column of its grid slot
    title: str = ""
    ticks: list[tuple[str, str, float]] = field(default_factory=list)  # (axis, text, fraction)
    xlabel: str = ""
    ylabel: str = ""
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # text, CSS place, colour
    bar: Shot | None = None
    digits: float | None = None  # smallest cell text, in points
    alt: str = ""


def _kind(ax: Any) -> str | None:
    """What an axes shows: a matrix, an image, a chart, a colour bar, an operator, or nothing."""
    kinds = [
        ("colorbar", ax.get_label() == "<colorbar>"),
        (None, not ax.get_visible()),
        ("matrix", any(isinstance(c, PatchCollection) for c in ax.collections)),
        ("image", bool(ax.images)),
        ("chart", bool(ax.lines)),
        ("operator", not ax.axison and len(ax.texts) == 1),
    ]
    return next((kind for kind, found in kinds if found), None)


_MATH = re.compile(r"\$\\mathdefault\{(.*)\}\$")


def text_html(text: str) -> str:
    r"""A tick label's text as HTML: matplotlib's ``$\mathdefault{10^{-2}}$`` as 10<sup>−2</sup>.

    >>> text_html(r"$\mathdefault{10^{-2}}$"), text_html("0.5")
    ('10<sup>−2</sup>', '0.5')
    """
    match = _MATH.fullmatch(text)
    if match is None:
        return html.escape(text)
    inner = match.group(1).replace("\\times", "×").replace("{-", "{−")
    return re.sub(r"\^\{([^}]*)\}", r"<sup>\1</sup>", inner).replace("{", "").replace("}", "")


def _note(
    text: str, extent: Any, colour: str, box: tuple[int, ...], height: int
) -> tuple[str, str, str]:
    """A word over a chart, placed by its edge nearer the chart's side, so it stays inside."""
    width = box[2] - box[0]
    top = (height - (extent.y0 + extent.y1) / 2 - box[1]) / (box[3] - box[1])
    if (extent.x0 + extent.x1) / 2 - box[0] > width / 2:
        side = f"right: {100 * (box[2] - extent.x1) / width:.2f}%"
    else:
        side = f"left: {100 * (extent.x0 - box[0]) / width:.2f}%"
    return text, f"{side}; top: {100 * top:.2f}%", mpl_colors.to_hex(colour)


def _ticks(ax: Any, box: tuple[int, ...], height: int) -> list[tuple[str, str, float]]:
    """``ax``'s visible tick labels, each placed as a fraction of the crop ``box`` on its axis.

    A label counts while its middle lies within the box or half its own size
    past an end: a short colour bar's end ticks sit a little past its ends.
    """
    out = []
    for name, axis in (("x", ax.xaxis), ("y", ax.yaxis)) if ax.axison else ():
        for label in axis.get_ticklabels():
            text, extent = label.get_text(), label.get_window_extent()
            if not (label.get_visible() and text):
                continue
            if name == "x":
                span, size = box[2] - box[0], extent.width
                frac = round(float(((extent.x0 + extent.x1) / 2 - box[0]) / span), 4)
            else:
                span, size = box[3] - box[1], extent.height
                frac = round(float((height - (extent.y0 + extent.y1) / 2 - box[1]) / span), 4)
            slack = max(0.01, size / 2 / span)
            if -slack <= frac <= 1 + slack:
                out.append((name, text, frac))
    return out


def _box(ax: Any, height: int, grow: float = 0.0) -> tuple[int, int, int, int]:
    """The pixels under ``ax``'s data area, ``grow`` pixels around it (top-down, whole)."""
    extent = ax.get_window_extent()
    x0, x1 = extent.x0 - grow, extent.x1 + grow
    y0, y1 = extent.y0 - grow, extent.y1 + grow
    return int(x0), int(height - y1), -int(-x1), -int(-(height - y0))


def _crop(image: Image.Image, ax: Any, pad: float) -> tuple[Any, tuple[int, ...]]:
    """The part of ``image`` under ``ax``'s data area, ``pad`` points around it."""
    x0, y0, x1, y1 = _box(ax, image.height, pad / 72 * ax.figure.dpi)
    box = (max(0, x0), max(0, y0), min(image.width, x1), min(image.height, y1))
    return image.crop(box), box


def _without_bars(image: Image.Image, bars: list[Any]) -> Image.Image:
    """``image`` with the colour bars wiped out (transparent).

    A panel's crop reaches :data:`MATRIX_PAD` past its cells; a colour bar drawn
    closer than that would leave a sliver of itself beside the cells.
    """
    wiped = image.copy()
    for bar in bars:  # a pixel more on each side: the bar's antialiased edges
        x0, y0, x1, y1 = _box(bar, image.height)
        wiped.paste((0, 0, 0, 0), (x0 - 1, y0 - 1, x1 + 1, y1 + 1))
    return wiped


def _cell_alt(ax: Any) -> str:
    """The values of a matrix, row by row, for its alt text (empty when it has many)."""
    (x0, x1), (y1, y0) = ax.get_xlim(), ax.get_ylim()
    cols, rows = round(x1 - x0), round(y1 - y0)
    if cols * rows > MAX_ALT_CELLS or not ax.texts:
        return ""
    cells = {(round(y), round(x)): t.get_text() for t in ax.texts for x, y in [t.get_position()]}
    top, left = round(y0 + 0.5), round(x0 + 0.5)
    lines = [
        " ".join(cells.get((r, c), "·") for c in range(left, left + cols))
        for r in range(top, top + rows)
    ]
    return "values by row: " + "; ".join(lines)


def prepare(fig: Any) -> None:
    """Set ``fig`` up to be cut into panels: at 2x, transparent, chart axes in :data:`INK`.

    Transparent: the page shows between the cells. A chart's axes and grid are not data.
    """
    fig.set_dpi(DPI_2X)
    fig.patch.set_alpha(0)
    for ax in fig.axes:
        ax.patch.set_alpha(0)
        if _kind(ax) == "chart":
            for spine in ax.spines.values():
                spine.set_color(INK)
            ax.tick_params(colors=INK)
            ax.grid(color=INK, alpha=0.35)


def shoot(fig: Any, *, prepared: bool = False) -> list[Shot | Op]:
    """The figure's panels (and the operators between them), in reading order.

    Drawn once (after :func:`prepare`; if ``prepared``, as last drawn unless changed since),
    the words over a chart or a photo taken out of the picture first.
    """
    if not prepared:
        prepare(fig)
    axes = [(ax, _kind(ax)) for ax in fig.axes]
    notes: dict[Any, list[tuple[str, Any, str]]] = {}
    written = [ax for ax, kind in axes if kind in ("chart", "image") and ax.texts]
    if written:  # their words become HTML: where they are, then out of the picture
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
        for ax in written:
            notes[ax] = [(t.get_text(), t.get_window_extent(), t.get_color()) for t in ax.texts]
            for text in ax.texts:
                text.set_visible(False)
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    if fig.stale or not prepared:  # an animation's frame is drawn already by anim.save
        canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).copy()
    cells = _without_bars(image, [ax for ax, kind in axes if kind == "colorbar"])
    shots: dict[Any, Shot] = {}
    items: list[Shot | Op] = []
    for ax, kind in axes:
        if kind is None or kind == "colorbar":
            continue
        spec = ax.get_subplotspec()
        where = (spec.rowspan.start, spec.colspan.start) if spec is not None else (0, 0)
        if kind == "operator":
            op = Op(ax.texts[0].get_text())
            op.place = where
            items.append(op)
            continue
        pad = MATRIX_PAD if kind == "matrix" else 1.5 if kind == "chart" else 0.0
        crop, box = _crop(cells, ax, pad)
        digits = [
            float(t.get_fontsize()) for t in ax.texts if t.get_visible() and t.get_text().strip()
        ]
        shot = Shot(
            crop,
            kind,
            where,
            title=" ".join(ax.get_title().split()),
            ticks=_ticks(ax, box, image.height),
            xlabel=ax.get_xlabel(),
            ylabel=ax.get_ylabel(),
            notes=[_note(t, extent, c, box, image.height) for t, extent, c in notes.get(ax, [])],
            digits=min(digits) if kind == "matrix" and digits else None,
            alt=_cell_alt(ax) if kind == "matrix" else "",
        )
        shots[ax] = shot
        items.append(shot)
    for ax, kind in axes:
        if kind != "colorbar" or not shots:
            continue
        crop, box = _crop(image, ax, 0.0)
        bar_ticks = _ticks(ax, box, image.height)
        bar = Shot(crop, "colorbar", ticks=bar_ticks, ylabel=ax.get_ylabel())
        # the bar belongs to the panel just left of it, in its row
        edge, extents = ax.get_window_extent(), {a: a.get_window_extent() for a in shots}
        left = [a for a in shots if extents[a].x1 <= edge.x0 + 1]
        beside = [a for a in left if extents[a].y0 < edge.y1 and extents[a].y1 > edge.y0]
        shots[max(beside or left or shots, key=lambda a: extents[a].x1)].bar = bar
    if not shots:  # nothing to cut (a legend alone, say): the whole figure, on white
        whole = Image.new("RGBA", image.size, "white")
        whole.alpha_composite(image)
        return [Shot(whole, "image")]
    return sorted(items, key=lambda item: item.place)


def png_bytes(image: Image.Image) -> bytes:
    """A 256-colour PNG of ``image``: the same bytes on every build."""
    buffer = io.BytesIO()
    small = image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    small.save(buffer, "png", optimize=True)
    return buffer.getvalue()


@dataclass
class Writer:
    """Writes images into ``folder`` (published at ``url``) as ``<stem>_<name>.png``, once each."""

    folder: Path
    url: str
    stem: str
    seen: dict[bytes, str] = field(default_factory=dict)

    def write(self, data: bytes, name: str) -> str:
        """The URL of ``data``, written unless the same bytes were written before."""
        if data not in self.seen:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f"{self.stem}_{name}.png").write_bytes(data)
            self.seen[data] = f"{self.url}{self.stem}_{name}.png"
        return self.seen[data]


def _size(image: Image.Image) -> tuple[int, int]:
    """1x size of a 2x image."""
    return round(image.width / 2), round(image.height / 2)


def _labels(shot: Shot) -> str:
    parts = []
    for axis, text, frac in shot.ticks:
        where = "left" if axis == "x" else "top"
        parts.append(
            f'<span class="tcf-{axis}" style="{where}: {100 * frac:.2f}%">{text_html(text)}</span>'
        )
    for text, place, colour in shot.notes:  # in lines where matplotlib broke it
        lines = "<br>".join(html.escape(line) for line in text.split("\n"))
        parts.append(f'<span class="tcf-note" style="{place}; color: {colour}">{lines}</span>')
    return "".join(parts)


def _plot(shot: Shot, src: str, alt: str) -> str:
    width, height = _size(shot.image)
    room = max((len(text) for axis, text, _ in shot.ticks if axis == "y"), default=0)
    style, digits = f"--w: {width}px; --ylab: {room}", ""
    if shot.digits is not None:
        style += f"; --min-w: {min_width(shot.digits, width)}px"
        digits = f' data-digit-px="{digit_px(shot.digits):.2f}"'
    return (
        f'<div class="tcf-plot tcf-{shot.kind}" style="{style}"{digits}>'
        f'<img class="dark-light" src="{src}" width="{width}" height="{height}"'
        f' alt="{html.escape(alt, quote=True)}"'
        f' loading="lazy" decoding="async">{_labels(shot)}</div>'
    )


def _p(kind: str, text: str) -> str:
    """``text`` in a paragraph of class ``tcf-<kind>``; nothing without text."""
    return f'<p class="tcf-{kind}">{html.escape(text)}</p>' if text else ""


def panel_html(shot: Shot, src: str, bar_src: str | None, at: str = "") -> str:
    """One panel: its title, its image with the numbers around it, its colour bar."""
    title, alt = shot.title, shot.alt or ("" if shot.title else "figure panel")
    alt = f"{title}: {alt}" if title and alt else title or alt
    plot = _p("ylabel", shot.ylabel) + _plot(shot, src, alt)
    if shot.bar is not None and bar_src is not None:
        bar = _plot(shot.bar, bar_src, "colour scale")
        plot = f'<div class="tcf-withbar">{plot}{bar}{_p("barlabel", shot.bar.ylabel)}</div>'
    body = f'{_p("title", title)}<div class="tcf-body">{plot}</div>{_p("xlabel", shot.xlabel)}'
    return f'<div class="tcf-panel"{at}>{body}</div>'


def panels_html(items: list[Shot | Op], writer: Writer, name: str) -> tuple[str, list[str]]:
    """The panels and operators as HTML, their images written; and each panel's image URL.

    Panels in several rows of the figure's grid that fit the text column keep their
    rows and columns (a CSS grid) on a wide screen; otherwise they wrap in order.
    """
    parts, srcs = [], []
    grid = len({i.place[0] for i in items}) > 1 and _grid_width(items) <= GRID_WIDTH
    for item in items:
        row, col = item.place
        at = f' style="grid-area: {row + 1} / {col + 1}"' if grid else ""
        if isinstance(item, str):
            parts.append(f'<p class="tcf-op" aria-hidden="true"{at}>{html.escape(item)}</p>')
            continue
        k = len(srcs)
        src = writer.write(png_bytes(item.image), f"{name}_{k}")
        bar = writer.write(png_bytes(item.bar.image), f"{name}_{k}bar") if item.bar else None
        srcs.append(src)
        parts.append(panel_html(item, src, bar, at))
    kind = "tcf-panels tcf-grid" if grid else "tcf-panels"
    return f'<div class="{kind}">{"".join(parts)}</div>', srcs


def _width(items: list[Shot | Op]) -> int:
    """The widest row of the figure's grid, in CSS px at 1x (panels, their numbers, gaps)."""
    rows: dict[int, int] = {}
    for item in items:
        extra = 40 if isinstance(item, str) else _size(item.image)[0] + 40
        rows[item.place[0]] = rows.get(item.place[0], 0) + extra
    return max(rows.values(), default=0)


def _grid_width(items: list[Shot | Op]) -> int:
    """The width of the figure's grid in CSS px at 1x: each column as wide as its widest item.

    >>> eq, plus = Op("="), Op("+")
    >>> eq.place, plus.place = (0, 1), (1, 1)  # two rows, one column
    >>> _grid_width([eq, plus])
    40
    """
    cols: dict[int, int] = {}
    for item in items:
        extra = 40 if isinstance(item, str) else _size(item.image)[0] + 40
        cols[item.place[1]] = max(cols.get(item.place[1], 0), extra)
    return sum(cols.values())


GRID_WIDTH = 600
"""Widest grid of panels kept as a grid, in CSS px: it fits the text column on a laptop."""


def is_wide(items: list[Shot | Op]) -> bool:
    """Whether the panels in one row are wider than the text column (656 px)."""
    return _width(items) > 656


def eager(page: str) -> str:
    """``page`` with its images loaded at once: a page's first figure may be its largest paint."""
    return page.replace(' loading="lazy"', "")


def figure_html(fig: Any, writer: Writer, name: str) -> tuple[str, list[Shot | Op]]:
    """The whole figure: caption, panels; its images written. Also the panels."""
    items = shoot(fig)
    body, _ = panels_html(items, writer, name)
    caption = html.escape(" ".join(fig.get_suptitle().split()))
    wide = " tcf-wide" if is_wide(items) else ""
    return (
        f'<figure class="tcf-figure{wide}">'
        + (f'<figcaption class="tcf-caption">{caption}</figcaption>' if caption else "")
        + f"{body}</figure>"
    ), items


def notebook(fig: Any, name: str) -> Any:
    """``fig`` as HTML panels in a top-level MyST-NB page (run in ``docs/``); ``fig`` closed."""
    from IPython.display import HTML  # noqa: PLC0415 (only a notebook's kernel has IPython)

    page, _ = figure_html(fig, Writer(FIGURES, "_static/", f"page_{name}"), "01")
    plt.close(fig)
    return HTML(eager(page))
