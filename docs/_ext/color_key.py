"""Draw the site's colour key once per build, for the gallery sections and the arithmetic page.

Why: every figure colours its arrays by role (input, kernel, output, matrix) and draws
padding, inserted zeros and cropped cells in styles of their own. The key that names them is
drawn by the package (``transposed_conv.plotting.show_color_key``), so it can never disagree
with the figures; this extension saves it as ``docs/_build/color_key.png`` before any page is
read, and the pages include it with ``.. image:: /_build/color_key.png``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt

from transposed_conv.plotting import show_color_key

KEY = Path(__file__).parents[1] / "_build" / "color_key.png"


def write_key(_app: Any) -> None:
    """Save the colour key at 100 dpi, tightly cropped (it is shown 1:1)."""
    KEY.parent.mkdir(parents=True, exist_ok=True)
    fig = show_color_key()
    fig.savefig(KEY, dpi=100, bbox_inches="tight", pad_inches=0.05, metadata={"Software": None})
    plt.close(fig)


def setup(app: Any) -> dict[str, Any]:
    """Register the build step."""
    app.connect("builder-inited", write_key)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
