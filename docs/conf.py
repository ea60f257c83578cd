"""Sphinx configuration of "Transposed convolution, explained"."""

from __future__ import annotations

import sys
from pathlib import Path

from sphinx_gallery.sorting import ExplicitOrder

import transposed_conv

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

project = "Transposed convolution, explained"
author = "The transposed-conv developers"
copyright = f"2026, {author}"
release = version = transposed_conv.__version__

extensions = [
    "sphinx.ext.autodoc",
    "numpydoc",
    "myst_nb",
    "sphinx_design",
    "sphinx_gallery.gen_gallery",
    "sphinxext.opengraph",  # <meta name="description"> from each page's first text
    "mathml",  # docs/_ext/mathml.py: math as MathML at build time, nothing loaded at run time
    "color_key",  # docs/_ext/color_key.py: the colour key list the gallery sections show
    "sg_figures",  # docs/_ext/sg_figures.py: figures as HTML panels, animations as players
    "fold_code",  # docs/_ext/fold_code.py: PyTorch, Keras and plotting code folded
    "api_pages",  # docs/_ext/api_pages.py: folded mini-galleries, the overview's links
    "math_font",  # docs/_ext/math_font.py: Noto Sans Math, cut to the equations' glyphs
    "purge_css",  # docs/_ext/purge_css.py: third-party stylesheets cut to the rules used
]
# _templates: the search button and the sidebar's toggles named for screen readers; the
# search scripts deferred
templates_path = ["_templates"]
html_math_renderer = "mathml"

exclude_patterns = [
    "_build",
    "jupyter_execute",
    "gallery/**/*.ipynb",  # sphinx-gallery's notebooks are downloads, not pages
    "gallery/**/*.py",
    "gallery/**/*.md5",
    "gallery/**/*.zip",
]
nitpicky = True
# numpydoc reads these words from "Parameters" types; they are prose, not objects.
nitpick_ignore_regex = [("py:class", r"array_like|ndarray|optional|matplotlib .*|sequence .*")]

autodoc_typehints = "none"  # types are in the numpydoc sections; hints would need intersphinx
autodoc_member_order = "bysource"
numpydoc_show_class_members = False
numpydoc_xref_param_type = False

myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "substitution"]
# The wheel and sdist that `nox -s docs` builds into _build/dist, offered for download
DIST = {
    "wheel": f"transposed_conv-{release}-py3-none-any.whl",
    "sdist": f"transposed_conv-{release}.tar.gz",
}
myst_substitutions = DIST | {
    f"{kind}_link": f"{{download}}`{name} <_build/dist/{name}>`" for kind, name in DIST.items()
}
nb_execution_mode = "cache"
nb_execution_raise_on_error = True
nb_execution_timeout = 120
nb_merge_streams = True

sphinx_gallery_conf = {
    "examples_dirs": ["../gallery"],
    "gallery_dirs": ["gallery"],
    "subsection_order": ExplicitOrder(
        ["../gallery/walkthrough", "../gallery/arithmetic", "../gallery/practice"]
    ),
    "within_subsection_order": "FileNameSortKey",
    "filename_pattern": r"/plot_",
    "doc_module": ("transposed_conv",),
    "backreferences_dir": "api/backreferences",
    "reference_url": {"transposed_conv": None},
    "download_all_examples": True,
    "write_computation_times": False,  # its timing page pulls jQuery/DataTables from a CDN
    "min_reported_time": float("inf"),  # no running times: two builds give the same pages
    "css": ["sg_gallery"],  # no Binder, pandas-table or HTML-output styles: none are used
    "remove_config_comments": True,
    "thumbnail_size": (320, 224),  # shown at 160x112: still sharp at 2x, a third lighter
    "matplotlib_animations": False,
    # docs/_ext/gallery_results.py: notes each block's figures for the tests (draws nothing)
    # docs/_ext/sg_figures.py: figures as HTML panels, animations as step-through players
    "image_scrapers": ("gallery_results", "sg_figures"),
    # after each example, gallery_results writes what it computed to _build/gallery_results
    "reset_modules": ("matplotlib", "gallery_results.write_results"),
    "reset_modules_order": "both",
    "show_memory": False,
    "promote_jupyter_magic": False,
    "first_notebook_cell": None,
    # the examples run in joblib's worker processes, as many as sphinx-build's -j (noxfile:
    # -j auto, a process per core); the scrapers keep no state from one example to the next
    "parallel": True,
}

html_theme = "pydata_sphinx_theme"
html_title = project
FIGURES = HERE / "_build" / "figures"  # written by docs/_ext/figure_html.py
FIGURES.mkdir(parents=True, exist_ok=True)
html_static_path = ["_static", "_build/figures"]  # relative: no absolute path in the build
html_css_files = ["site.css"]
html_favicon = "_static/favicon.svg"
html_show_sourcelink = False
html_copy_source = False  # unlinked, and sphinx-gallery's copies hold its running times
html_theme_options = {
    "navbar_align": "left",
    "header_links_before_dropdown": 6,  # the API in the top bar, not under "More"
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version"],
    # colour-key: on gallery examples only (docs/_ext/color_key.py gives those pages the key)
    "secondary_sidebar_items": ["page-toc", "sg_download_links", "colour-key"],
    "article_header_end": ["colour-key-inline"],  # the same key where that sidebar is a drawer
}
# pages without sub-pages get no (empty) left sidebar
html_sidebars = {
    page: []
    for page in (
        "index",
        "introduction",
        "notation",
        "arithmetic",
        "install",
        "references",
        "explorer",
    )
}
html_context = {
    "default_mode": "auto",
    "site_description": (  # pages without text of their own (docs/_templates/layout.html)
        "Transposed convolution, explained step by step, with the tested NumPy package"
        " that computes every number and draws every figure."
    ),
}
ogp_enable_meta_description = True  # sphinxext-opengraph: Lighthouse's SEO audit asks for it
ogp_description_length = 160  # about what search results show
ogp_social_cards = {"enable": False}  # no matplotlib-drawn preview picture per page
