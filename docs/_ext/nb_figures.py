"""Notebook figures (MyST-NB) at 1x and 2x, kept legible on a phone like the gallery's.

Why: a notebook cell that draws with ``InlineBackend.figure_formats = ["retina"]`` gives
one PNG at twice the size it is shown (``width`` and ``height`` say half). That is what a
phone needs to show it sharp, but a laptop at 1x downloads four times the pixels it
shows. After the build, each such image gets a 1x copy (the 2x one halved with a
Lanczos filter), ``src`` points to it and ``srcset`` offers both, so every screen takes
the one it needs.

A figure whose PNG carries its cell-value size (a ``Cell text size`` text chunk, which the
cell writes with ``set_matplotlib_formats(..., metadata=...)``) is also framed as
``docs/_ext/sg_legible.py`` frames the gallery's: never narrower than the width at
which its digits stay legible, scrolling sideways inside its frame on a narrower column.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PIL import Image
from sg_legible import frame_open

from transposed_conv.plotting import min_display_width

IMG = re.compile(r'<img [^>]*src="(?P<src>[^"]*_images/[^"/]+\.png)"[^>]*/?>')
ATTR = re.compile(r'(\w+)="([^"]*)"')
SKIP = {"_static", "_images", "_downloads", "_sources"}


def one_x(png: Path) -> Path:
    """The 1x copy of a 2x PNG, written next to it once."""
    small = png.with_name(f"{png.stem}_1x.png")
    if not small.exists():
        with Image.open(png) as image:
            half = image.resize((image.width // 2, image.height // 2), Image.Resampling.LANCZOS)
        if half.mode == "RGBA" and half.getextrema()[3][0] == 255:
            half = half.convert("RGB")  # opaque: no alpha channel to store (a tenth lighter)
        half.save(small, optimize=True)
    return small


def rewrite(page: str, images: Path) -> str:
    """Every 2x image of ``page`` with a 1x ``src`` and a ``srcset``; legible ones framed."""

    def fix(match: re.Match[str]) -> str:
        tag, src = match.group(0), match.group("src")
        attrs = dict(ATTR.findall(tag))
        png = images / src.rsplit("/", 1)[1]
        if "srcset" in attrs or "width" not in attrs or not png.is_file():
            return tag
        with Image.open(png) as image:
            width, cell_text, dpi = (
                image.width,
                image.info.get("Cell text size"),
                image.info.get("dpi"),
            )
        if width != 2 * int(attrs["width"]):
            return tag
        small = src.rsplit("/", 1)[0] + "/" + one_x(png).name
        tag = tag.replace(f'src="{src}"', f'src="{small}" srcset="{small}, {src} 2x"')
        if cell_text is None:
            return tag
        shown_dpi = round(float(dpi[0]) / 2) if dpi else 100
        size = float(cell_text)
        least = min_display_width(size, int(attrs["width"]), dpi=shown_dpi)
        return f"{frame_open(least, size)}{tag}</div>"

    return IMG.sub(fix, page)


def _rewrite_pages(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for page in out.rglob("*.html"):
        if SKIP & set(page.relative_to(out).parts):
            continue
        text = page.read_text(encoding="utf-8")
        if "_images/" in text:
            new = rewrite(text, out / "_images")
            if new != text:
                page.write_text(new, encoding="utf-8")


def _script_for_frames(
    app: Any, _page: str, _template: str, context: dict[str, Any], _doctree: Any
) -> None:
    body = context.get("body", "")
    if "cell_output" in body and "<img" in body:  # it may be framed after the build
        app.add_js_file("figure_scroll.js", loading_method="defer")


def setup(app: Any) -> dict[str, Any]:
    """Rewrite the pages once they are written; their frames get the script that marks them."""
    app.connect("html-page-context", _script_for_frames)
    app.connect("build-finished", _rewrite_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
