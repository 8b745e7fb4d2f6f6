"""Small inline SVG bar charts, rendered on the server (no JavaScript, no build step)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from markupsafe import Markup

WIDTH = 480
HEIGHT = 120
PAD_BOTTOM = 18
PAD_TOP = 14


def bar_chart(series: Sequence[tuple[datetime, int]], *, label: str, css_class: str) -> Markup:
    """Bars per hour, the largest labelled; hours in UTC along the bottom every 6 bars."""
    n = max(len(series), 1)
    peak = max((v for _, v in series), default=0)
    scale = (HEIGHT - PAD_BOTTOM - PAD_TOP) / peak if peak else 0.0
    slot = WIDTH / n
    parts = [
        f'<svg class="chart {escape(css_class)}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    base = HEIGHT - PAD_BOTTOM
    for i, (hour, value) in enumerate(series):
        h = value * scale
        x = i * slot + 1
        parts.append(
            f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{max(slot - 2, 1):.1f}" '
            f'height="{h:.1f}"><title>{hour:%Y-%m-%d %H}:00 UTC: {value}</title></rect>'
        )
        if i % 6 == 0:
            parts.append(f'<text x="{x:.1f}" y="{HEIGHT - 4}" class="axis">{hour:%H}h</text>')
    parts.append(f'<line x1="0" y1="{base}" x2="{WIDTH}" y2="{base}" class="axis"/>')
    parts.append(f'<text x="{WIDTH - 4}" y="11" class="peak" text-anchor="end">max {peak}/h</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - built from numbers and escaped text only
