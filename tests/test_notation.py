"""One notation on every page (docs/notation.md), and none of the letters the site used before.

The notation page names an operation's input x, kernel w and output y; the sizes i -> o of a
convolution and i' -> o' of a transposed convolution, with k, s, p, a, d; and the indices m, n
(input), u, v (kernel taps), r, c (output). Before, the pages mixed others: ``y = out`` made a
convolution's output the transposed convolution's *input* y, the conventions page called the
sizes n and m, and the indices were i, j, q, t or m (for a tap) from page to page. Each rule
below names one old pattern; the pages, the gallery and the public docstrings must hold none.

The second half checks what the notation page states (the two formulas, the full result, the
phases, the stretched input, p', full padding and the spectrum of the full result) against the
package.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import numpy as np
import pytest

import transposed_conv as tc
from transposed_conv import reference

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
PAGES = sorted([*DOCS.glob("*.md"), *(DOCS / "api").glob("*.md")])
GALLERY = sorted([*(ROOT / "gallery").rglob("plot_*.py"), *(ROOT / "gallery").rglob("*.rst")])

ARGS = r"\(\s*(?:torch\.tensor\()?"  # a call's first argument, bare or wrapped in torch.tensor
OLD = {
    # y is an output; a transposed convolution's input is x
    "y = out: an output renamed y to be an input": re.compile(
        r"^\s*y\w*\s*=\s*out\w*\s*$", re.MULTILINE
    ),
    "an animation labels its input y": re.compile(r"input_name\s*=\s*[\"']y"),
    "a transposed convolution called on y": re.compile(
        rf"\b(?:conv_transpose\w*|scatter_stamps|show_zero_insertion|animate_scatter|framed_panel)"
        rf"{ARGS}y(?:\d+)?(?:_t)?\b"
    ),
    "C.T applied to y": re.compile(r"C\.T\s*@\s*y\b"),
    "the input called y in prose": re.compile(
        r"of ``y`` above|input (?:sample|value) \S* ?\(?of ``y``"
    ),
    # sizes are i, o, i', o': never n or m
    "(n - 1) s: a size called n": re.compile(r"\(\s*n\s*-\s*1\s*\)\s*\*?\s*s\b"),
    "n s: a size called n": re.compile(r"(?<![\w'])n\s*\*?\s*s\b(?!\w)"),
    "m samples: a size called m": re.compile(r"\bm samples\b|\\lceil m\s*/\s*s"),
    "n, k, s = ...: a size called n": re.compile(r"\bn,\s*k,\s*s\s*="),
    "a size function of n or m": re.compile(
        r"(?:_output_size|_padding)\((?:\s*\w+,)?\s*[nm]\b(?!\s*=)"
    ),
    # indices are m, n (input), u, v (taps), r, c (output)
    "x, y, w or g indexed by i, j, q, t or o": re.compile(
        r"(?<![\w.])[xywg]\[[^\]\n]*(?<![\w'])(?:i|j|q|t|o|is|js)(?![\w'])[^\]\n]*\]"
    ),
    "a kernel tap indexed by m, n, r or c": re.compile(
        r"(?<![\w.])w\[[^\]\n]*(?<![\w'])[mnrc](?![\w'])[^\]\n]*\]"
    ),
    "i s or j s in an index formula": re.compile(r"(?<![\w'])[ij]\s?s\s*[+-]\s*[a-z]\b"),
    "a sum over j or over i, j": re.compile(r"\\sum_j\b|\\sum_\{i,\s*j\}|sum_ij\b"),
    "a sample, tap or pixel named i, j, q, t or o": re.compile(
        r"\b(?:sample|tap|pixel)s? (?:``|:math:`)?(?:i|j|q|t|o)(?:``|`)?(?![\w'])"
    ),
    # reading order: name the page
    "'the arithmetic section defines'": re.compile(
        r"the arithmetic section </arithmetic>` defines"
    ),
}


def old_uses(text: str) -> list[str]:
    """Each old pattern found in ``text``, with the line it is on."""
    found = []
    for rule, pattern in OLD.items():
        for hit in pattern.finditer(text):
            line = text[: hit.start()].count("\n") + 1
            found.append(f"{rule}: line {line}: {hit.group(0)!r}")
    return found


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("y = out\n", "y = out: an output renamed y to be an input"),
        ("    y6 = out\n", "y = out: an output renamed y to be an input"),
        ('    input_name="y",\n', "an animation labels its input y"),
        ("back = tc.conv_transpose1d(y, kernel, stride=2)", "a transposed convolution called on y"),
        (
            "F.conv_transpose2d(torch.tensor(y3, dtype=float)",
            "a transposed convolution called on y",
        ),
        ("show_zero_insertion(y, kernel,", "a transposed convolution called on y"),
        ("``C.T @ y.ravel()``", "C.T applied to y"),
        ("its input sample j (of ``y`` above) adds", "the input called y in prose"),
        (":math:`(n - 1) s + k + a`", "(n - 1) s: a size called n"),
        ("return (n - 1) * s + k", "(n - 1) s: a size called n"),
        ("``n s`` for ``'same'``", "n s: a size called n"),
        ("return n * s if padding", "n s: a size called n"),
        ("to map m samples to :math:`\\lceil m / s \\rceil`", "m samples: a size called m"),
        ("n, k, s = 4, 3, 2", "n, k, s = ...: a size called n"),
        ("tc.conv_output_size(n, 3, stride=2)", "a size function of n or m"),
        ("tc.tf_conv_transpose_padding(8, n, k, s)", "a size function of n or m"),
        (":math:`x[i, j]\\,w[u, v]`", "x, y, w or g indexed by i, j, q, t or o"),
        (":math:`y[is + u - p, js + v - p]`", "x, y, w or g indexed by i, j, q, t or o"),
        ("``y[n, o, i, j] = ...``", "x, y, w or g indexed by i, j, q, t or o"),
        (":math:`y[j]\\,w[m]`", "a kernel tap indexed by m, n, r or c"),
        (r"\sum_j y[j]\, w[n - j s]", "a kernel tap indexed by m, n, r or c"),
        ("to output sample :math:`j s + m`", "i s or j s in an index formula"),
        (r"\partial w[u, v] = \sum_{i,j} x", "a sum over j or over i, j"),
        ("Output pixel ``o`` belongs to phase", "a sample, tap or pixel named i, j, q, t or o"),
        ("tap ``t``'s products", "a sample, tap or pixel named i, j, q, t or o"),
        (
            "padding as :doc:`the arithmetic section </arithmetic>` defines them",
            "'the arithmetic section defines'",
        ),
    ],
)
def test_each_rule_finds_its_old_pattern(text, rule):
    assert any(use.startswith(f"{rule}:") for use in old_uses(text)), old_uses(text)


@pytest.mark.parametrize(
    "text",
    [
        "Each product x[m, n] w[u, v] is added to y[s m + d u - p, s n + d v - p].",
        r"y[r, c] = \sum_{u, v} x[s r + d u - p,\; s c + d v - p]\; w[u, v]",
        "``y[..., co, r, c] = sum_{ci, u, v} w[co, ci, u, v] x[..., ci, s r + d u - p]``",
        "y = tc.conv_transpose1d(np.ones(o), np.ones(k), stride=s)",
        "its input has length $i' = o$; (i' - 1) s + k",
        "assert y[2, 3] == x[0, 1] * kernel[2, 2]",
        "sum(x[c] for c in range(2)); weight[c, o]; x4[c]; w4[c, 0]",
        "tc.output_padding_for(6, 3, stride=2, padding=1); padding=p, output_padding=a",
        "This is a sample, and it is simple: an input, a kernel. Then i s the",
        "y_torch = F.conv_transpose2d(x_t, weight, stride=2)",
    ],
)
def test_the_notation_itself_is_not_flagged(text):
    assert old_uses(text) == []


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_docs_pages_use_the_notation(page):
    assert old_uses(page.read_text()) == []


def _public_docstrings() -> dict[str, str]:
    docs = {name: inspect.getdoc(getattr(tc, name)) or "" for name in tc.__all__}
    for name, fn in inspect.getmembers(reference, inspect.isfunction):
        if not name.startswith("_"):
            docs[f"reference.{name}"] = inspect.getdoc(fn) or ""
    return docs


DOCSTRINGS = _public_docstrings()


@pytest.mark.parametrize("name", sorted(DOCSTRINGS))
def test_api_docstrings_use_the_notation(name):
    assert old_uses(DOCSTRINGS[name]) == []


@pytest.mark.parametrize(
    "script", GALLERY, ids=[str(p.relative_to(ROOT / "gallery")) for p in GALLERY]
)
def test_gallery_pages_use_the_notation(script):
    assert old_uses(script.read_text()) == []


# --- What docs/notation.md states, checked against the package ------------------------------

NOTATION = (DOCS / "notation.md").read_text()


def test_the_notation_page_states_the_letters_and_the_formulas():
    flat = " ".join(NOTATION.split())
    for row in ("| $m$, $n$ | the input $x$ |", "| $u$, $v$ | the kernel's taps $w$ |"):
        assert row in flat
    assert "| $r$, $c$ | the output $y$ |" in flat
    assert r"y[r, c] = \sum_{u, v} x[s r + d u - p,\; s c + d v - p]\; w[u, v]" in flat
    assert r"$x[m, n]\, w[u, v]$ is added to $$ y[s m + d u - p,\; s n + d v - p] ," in flat
    assert "$(i' - 1)s + d(k - 1) + 1$ per axis" in flat
    assert r"$(d u - p) \bmod s$" in flat


CASES = [  # (i', k, s, p, a, d): every rule of the page, including a > p and a dilation
    (3, 3, 2, 1, 1, 1),
    (2, 3, 3, 1, 2, 1),
    (4, 4, 2, 1, 0, 1),
    (3, 2, 3, 0, 2, 1),
    (3, 3, 1, 0, 1, 2),
    (4, 3, 2, 2, 1, 2),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_two_formulas(case):
    i_, k, s, p, a, d = case
    rng = np.random.default_rng(sum(case))
    x, w = rng.integers(-4, 5, (i_, i_ + 1)), rng.integers(-4, 5, (k, k))
    y = tc.conv_transpose2d(x, w, stride=s, padding=p, output_padding=a, dilation=d)
    by_formula = np.zeros_like(y)
    for m, n, u, v in np.ndindex(*x.shape, *w.shape):
        r, c = s * m + d * u - p, s * n + d * v - p
        if 0 <= r < y.shape[0] and 0 <= c < y.shape[1]:
            by_formula[r, c] += x[m, n] * w[u, v]
    assert np.array_equal(y, by_formula)
    # the convolution: y[r, c] = sum x[s r + d u - p, s c + d v - p] w[u, v], x zero outside
    big = rng.integers(-4, 5, (7, 8))
    conv = tc.conv2d(big, w, stride=s, padding=p, dilation=d)
    padded = np.pad(big, p)
    for r, c in np.ndindex(*conv.shape):
        window = padded[s * r : s * r + d * (k - 1) + 1 : d, s * c : s * c + d * (k - 1) + 1 : d]
        assert conv[r, c] == (window * w).sum()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_full_result_crop_and_phases(case):
    i_, k, s, p, a, d = case
    rng = np.random.default_rng(sum(case))
    x, w = rng.integers(1, 5, i_), rng.integers(1, 5, k)
    full = tc.scatter_stamps(x, w, stride=s, dilation=d).sum(axis=0)
    assert full.shape == ((i_ - 1) * s + d * (k - 1) + 1,)
    y = tc.conv_transpose1d(x, w, stride=s, padding=p, output_padding=a, dilation=d)
    # p samples dropped from the start, p - a from the end (a - p zeros added when a > p)
    expected = np.concatenate([full, np.zeros(max(a - p, 0), dtype=full.dtype)])
    expected = expected[p : len(expected) - max(p - a, 0)]
    assert np.array_equal(y, expected)
    assert len(y) == (i_ - 1) * s - 2 * p + d * (k - 1) + a + 1
    # tap u of every stamp lands on phase (d u - p) mod s
    phases = np.zeros(s, dtype=np.int64)
    for u in range(k):
        phases[(d * u - p) % s] += w[u]
    assert np.array_equal(phases, tc.phase_sums(w, s, padding=p, dilation=d))
    # the stretched input and p'
    assert tc.insert_zeros(x, s).shape == ((i_ - 1) * s + 1,)
    assert tc.transpose_padding((k,), p, a, d) == [(d * (k - 1) - p, d * (k - 1) - p + a)]


@pytest.mark.parametrize(("i", "k", "d"), [(5, 3, 1), (7, 3, 2), (4, 4, 1)])
def test_full_padding(i, k, d):
    assert tc.conv_output_size(i, k, padding=d * (k - 1), dilation=d) == i + d * (k - 1)
    assert tc.transpose_padding((k,), d * (k - 1), 0, d) == [(0, 0)]


@pytest.mark.parametrize(("s", "k"), [(2, 3), (2, 4), (3, 5), (4, 8)])
def test_the_full_result_spectrum(s, k):
    """Y(f) = W(f) X(s f), each spectrum a sum over the array's samples, at 97 frequencies."""
    rng = np.random.default_rng(k)
    x, w = rng.standard_normal(6), rng.standard_normal(k)
    full = tc.conv_transpose1d(x, w, stride=s)

    def spectrum(values, f):
        return values @ np.exp(-2j * np.pi * np.outer(np.arange(len(values)), f))

    f = np.linspace(0, 1, 97)
    np.testing.assert_allclose(spectrum(full, f), spectrum(w, f) * spectrum(x, s * f), atol=1e-9)
