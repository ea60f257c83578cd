"""The API pages document every public name, so nothing the package offers is hidden."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import transposed_conv as tc

DOCS = Path(__file__).parents[1] / "docs"
PAGES = sorted((DOCS / "api").glob("*.md"))
DOCUMENTED = {
    name
    for page in PAGES
    for name in re.findall(r"auto(?:function|class|data):: (\w+)", page.read_text())
}


@pytest.mark.parametrize("name", tc.__all__)
def test_public_name_is_on_an_api_page(name):
    assert name in DOCUMENTED


def test_plotting_helpers_are_on_the_api_pages():
    plotting = pytest.importorskip("transposed_conv.plotting")
    assert plotting.__all__
    pages = [DOCS / "api" / f"{stem}.md" for stem in ("plotting", "charts", "styles")]
    documented = {n for p in pages for n in re.findall(r"auto\w+:: (\w+)", p.read_text())}
    assert set(plotting.__all__) <= documented


def test_every_api_page_is_in_the_overview():
    """Each page is in the overview's contents and has its list of names (old links land there)."""
    overview = (DOCS / "api.md").read_text()
    for page in PAGES:
        assert f"\napi/{page.stem}\n" in overview
        assert f"```{{api-names}} api/{page.stem}\n" in overview


def test_the_overview_counts_its_pages():
    overview = " ".join((DOCS / "api.md").read_text().split())
    words = ["six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    assert f"The reference is in {words[len(PAGES) - 6]} pages, one per section" in overview
    assert overview.count(" ## [") == len(PAGES)  # a section per page


def test_the_readme_lists_exactly_the_public_names():
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    section = readme.split("\n## API\n", 1)[1].split("\n## ", 1)[0]
    items = section.split("\n- ", 1)[1].split("\n\n", 1)[0]  # the list of names
    listed = re.findall(r"`(\w+)`", items)
    assert sorted(listed) == sorted(tc.__all__)


def test_the_version_has_a_changelog_section():
    import tomllib

    root = Path(__file__).parents[1]
    pyproject = tomllib.loads((root / "pyproject.toml").read_text())
    # one source: hatch reads the version from the package, pyproject.toml states none
    assert "version" not in pyproject["project"]
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/transposed_conv/__init__.py"
    changelog = (root / "docs" / "changelog.md").read_text()
    assert f"\n## {tc.__version__}\n" in changelog


def test_the_api_overview_states_the_limits_the_package_enforces():
    from transposed_conv._validation import MAX_ELEMENTS, MAX_LIST

    overview = " ".join((DOCS / "api.md").read_text().split())
    assert f"may exceed `2**30` = {MAX_ELEMENTS:,}," in overview
    assert f"holds at most `2**20` = {MAX_LIST:,} items" in overview
    assert (MAX_ELEMENTS, MAX_LIST) == (2**30, 2**20)
