"""Static checks of the built site's HTML: links, resources, fragments, template leftovers.

Every internal ``a href``, ``img src``/``srcset``, ``video src``/``poster``,
``source src``/``srcset``, ``track src``, ``link href`` and ``script src`` must
name a file of the built site, and every ``#fragment`` an id on its target
page (the explorer's state fragments, such as ``#dim=2``, aside). No page may
show a ``{{`` or ``}}`` left over from a template or a MyST substitution, and
every page has a meta description. Pages with equations link the math font
(built when ``npm ci`` could run; the browser check needs npm anyway). Every object documented on the API pages
(``api/*.html``) keeps its id on ``api.html``, where it was before the split, so
old links land on a link to its new place.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

RESOURCE_ATTRS = {
    "a": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "source": ("src", "srcset"),
    "track": ("src",),
    "script": ("src",),
    "iframe": ("src",),
}


class _Page(HTMLParser):
    """The ids a page defines and the URLs it refers to, with the tag that holds them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.description = ""
        self.has_math = False
        self.css = ""
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        if "id" in values:
            self.ids.add(values["id"])
        self.has_math = self.has_math or tag == "math"
        if tag == "link" and values.get("rel") == "stylesheet":
            self.css += " " + values.get("href", "").split("?")[0]
        if tag == "meta" and values.get("name") == "description":
            self.description = values.get("content", "").strip()
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for attr in RESOURCE_ATTRS.get(tag, ()):
            value = values.get(attr)
            if value is None:
                continue
            if attr == "srcset":
                urls = [part.strip().split()[0] for part in value.split(",") if part.strip()]
            else:
                urls = [value.strip()]
            self.refs.extend((f"{tag} {attr}", url) for url in urls)
        self._in_script = tag in {"script", "style"}

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if not self._in_script:
            self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def check_links(root: Path, pages: list[str]) -> dict[str, list[str]]:
    """Problems per page: broken internal links and fragments, leftover ``{{``/``}}``."""
    parsed: dict[Path, _Page] = {}

    def load(path: Path) -> _Page:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    root = root.resolve()
    failures: dict[str, list[str]] = {}
    for name in pages:
        source = root / name
        page = load(source)
        problems: list[str] = []
        if not page.description:
            problems.append("no meta description")
        if page.has_math and "_static/math/math-font.css" not in page.css:
            problems.append("equations without the math font: was the site built after npm ci?")
        text = "".join(page.text)
        for brace in ("{{", "}}"):
            if brace in text:
                at = text.index(brace)
                problems.append(f"template leftover {brace!r}: ...{text[at - 40 : at + 40]!r}...")
        for where, url in page.refs:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:")):
                continue  # other hosts are the browser check's business
            target = (source.parent / unquote(parts.path)).resolve() if parts.path else source
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or root not in target.parents:
                problems.append(f"{where} {url!r}: no such file in the site")
                continue
            fragment = unquote(parts.fragment)
            if not fragment or "=" in fragment or target.suffix != ".html":
                continue
            if fragment not in load(target).ids:
                problems.append(f"{where} {url!r}: no id {fragment!r} on that page")
        if problems:
            failures[name] = problems
    return failures


def check_old_api_links(root: Path) -> dict[str, list[str]]:
    """Ids of objects on ``api/*.html`` missing from the overview ``api.html``."""
    overview = _parse(root / "api.html").ids
    moved = {
        i
        for page in sorted((root / "api").glob("*.html"))
        for i in _parse(page).ids
        if i.startswith("transposed_conv.")
    }
    missing = sorted(moved - overview)
    if not moved:
        return {"api.html": ["no documented objects found on api/*.html"]}
    if missing:
        return {"api.html": [f"old link api.html#{i} no longer lands" for i in missing]}
    return {}
