"""Cut the theme's stylesheets to the rules this site can use, and Font Awesome to its icons.

Why: a stylesheet in ``<head>`` blocks the first paint until it has arrived,
and on a phone (Lighthouse's mobile profile: a slow 4G link) its bytes are
most of the wait. pydata-sphinx-theme's stylesheet is 64 KB gzipped, with all
of Bootstrap and every Font Awesome icon's rule; a page uses under a tenth of
it. Its Font Awesome font (115 KB, ``font-display: block``) holds 1,400 icons
for the 15 or so the theme shows.

Once every page is written, this reads every word of the site's pages and
scripts (class names set by the theme's and Bootstrap's scripts are words of
those scripts) and drops each selector naming a class or id that is none of
those words, and each rule left without selectors (what PurgeCSS does). Rules
about elements, attributes and states stay; a selector's ``:not()``, ``:is()``
and ``:has()`` arguments are not judged. ``styles/theme.css``, which only
``@import``-ed ``basic.css`` (a request the browser finds only after the first
has arrived), gets ``basic.css``'s rules themselves. Then the icon fonts are cut
to the private-use characters that the remaining rules name.

The files keep their names, so the theme's templates link them unchanged; a
rebuild removes them first, and the next copy brings the originals back.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

import tinycss2
from fontTools import subset
from fontTools.ttLib import TTFont
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

TRIMMED = (
    "styles/pydata-sphinx-theme.css",
    "basic.css",
    "sphinx-design.min.css",
    "sg_gallery.css",
    "mystnb.*.css",
    "pygments.css",
)
"""Third-party stylesheets under ``_static`` to trim (site.css and the explorer's are ours)."""
IMPORT_ONLY = "styles/theme.css"
ICON_FONTS = "vendor/fontawesome/webfonts/*.woff2"
KEPT_PREFIXES = ("bs-",)
"""Class prefixes always kept: Bootstrap builds ``bs-tooltip-auto`` and kin from pieces."""
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
GROUPS = frozenset({"media", "supports", "layer", "container"})
ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?")


def _is_private(code: int) -> bool:
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000


def site_words(outdir: Path) -> set[str]:
    """Every word of the built pages and of the scripts under ``_static`` (not the index)."""
    words: set[str] = set()
    for path in sorted(outdir.rglob("*")):
        if path.suffix in {".html", ".js", ".mjs"} and path.name != "searchindex.js":
            words.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words


def _selectors(prelude: list[Any]) -> list[list[Any]]:
    """A selector list split at its top-level commas."""
    parts: list[list[Any]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _can_match(selector: list[Any], words: set[str]) -> bool:
    """False when the selector names a class or id that appears nowhere on the site."""
    for token, after in zip(selector, [*selector[1:], None], strict=True):
        if token.type == "literal" and token.value == "." and after is not None:
            name = after.value if after.type == "ident" else None
            if name is not None and name not in words and not name.startswith(KEPT_PREFIXES):
                return False
        if token.type == "hash" and token.value not in words:
            return False
    return True


def _serialize(nodes: list[Any]) -> str:
    # tinycss2 writes the characters its escapes stand for; escape anything past ASCII
    # again, so the file reads the same whatever encoding it is decoded with.
    return "".join(
        c if ord(c) < 128 else f"\\{ord(c):x} " for c in tinycss2.serialize(nodes).strip()
    )


def trim_rules(rules: list[Any], words: set[str]) -> list[str]:
    """The rules, each selector list cut to its selectors that can match, as CSS text."""
    out: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _selectors(rule.prelude) if _can_match(s, words)]
            if kept:
                prelude = ",".join(_serialize(s) for s in kept)
                out.append(prelude + "{" + _serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPS and rule.content:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            body = trim_rules(inner, words)
            if body:
                out.append(f"@{rule.at_keyword} {_serialize(rule.prelude)}{{{''.join(body)}}}")
        elif rule.type not in {"comment", "whitespace"}:
            out.append(_serialize([rule]))
    return out


def trim_css(text: str, words: set[str]) -> str:
    """A stylesheet without the rules that no page of the site can use."""
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    return "\n".join(trim_rules(rules, words)) + "\n"


def private_characters(css: str) -> set[int]:
    """Private-use code points a stylesheet names (icon fonts live there), escaped or not."""
    codes = {int(m.group(1), 16) for m in ESCAPE.finditer(css)}
    codes.update(ord(c) for c in css)
    return {c for c in codes if _is_private(c)}


def _cut_font(path: Path, codes: set[int]) -> None:
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]  # keep the licence and names
    font = TTFont(path, recalcTimestamp=False)  # the same bytes on every build
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codes))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(path, reorderTables=False)


def _zipped(paths: list[Path]) -> int:
    return sum(len(gzip.compress(p.read_bytes(), mtime=0)) for p in paths)


def _trim(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.builder.outdir) / "_static"
    words = site_words(Path(app.builder.outdir))
    sheets = sorted({p for pattern in TRIMMED for p in static.glob(pattern)})
    before = _zipped(sheets)
    for sheet in sheets:
        sheet.write_text(trim_css(sheet.read_text(encoding="utf-8"), words), encoding="utf-8")
    after = _zipped(sheets)
    importer = static / IMPORT_ONLY
    basic = static / "basic.css"
    if importer.is_file() and basic.is_file():
        rules = tinycss2.parse_stylesheet(importer.read_text(encoding="utf-8"), True, True)
        if [getattr(r, "lower_at_keyword", None) for r in rules] == ["import"]:
            importer.write_text(basic.read_text(encoding="utf-8"), encoding="utf-8")
    codes: set[int] = set()
    for sheet in sorted(static.rglob("*.css")):
        codes |= private_characters(sheet.read_text(encoding="utf-8"))
    fonts = sorted(static.glob(ICON_FONTS))
    font_before = sum(p.stat().st_size for p in fonts)
    for font in fonts:
        _cut_font(font, codes)
    font_after = sum(p.stat().st_size for p in fonts)
    logger.info(
        "lean css: %d stylesheets %s -> %s bytes gzipped; %d icons, fonts %s -> %s bytes",
        len(sheets),
        f"{before:,}",
        f"{after:,}",
        len(codes),
        f"{font_before:,}",
        f"{font_after:,}",
    )


def _forget_trimmed(app: Sphinx) -> None:
    # A rebuild copies the originals again; myst-nb refuses to overwrite a file that differs
    # from its own (a warning, an error with -W), so the trimmed copies go first.
    static = Path(app.outdir) / "_static"
    for pattern in (*TRIMMED, IMPORT_ONLY, ICON_FONTS):
        for path in static.glob(pattern):
            path.unlink()


def setup(app: Sphinx) -> dict[str, Any]:
    """Trim the copied stylesheets and icon fonts once every page is written."""
    app.connect("builder-inited", _forget_trimmed)
    app.connect("build-finished", _trim)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
