"""Weekly series of flights and people by destination, drawn as inline SVG stacked bars
(server-side, readable without JavaScript). Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

WIDTH = 960
HEIGHT = 220
PAD_LEFT = 36
PAD_BOTTOM = 22
PAD_TOP = 16
PALETTE = (
    "#0969da",
    "#cf222e",
    "#1a7f37",
    "#9a6700",
    "#8250df",
    "#bf3989",
    "#0a7a7a",
    "#6e7781",
)
OTHER = "other"


@dataclass(frozen=True, slots=True)
class Point:
    """One record as the charts see it."""

    flight_date: date
    destination: str | None
    flights: int
    people: int


@dataclass(frozen=True, slots=True)
class Weekly:
    weeks: tuple[date, ...]
    """Monday of each week, oldest first."""
    series: dict[str, tuple[int, ...]]
    """Destination (or ``other``) -> value per week."""


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly(
    points: Iterable[Point], today: date, *, metric: str, weeks: int = 52, top: int = 7
) -> Weekly:
    """Values per week and destination over the last ``weeks`` weeks; destinations beyond
    the ``top`` largest are summed as ``other``."""
    last = week_start(today)
    first = last - timedelta(weeks=weeks - 1)
    axis = tuple(first + timedelta(weeks=i) for i in range(weeks))
    index = {w: i for i, w in enumerate(axis)}
    raw: dict[str, list[int]] = defaultdict(lambda: [0] * weeks)
    for p in points:
        slot = index.get(week_start(p.flight_date))
        if slot is None:
            continue
        raw[p.destination or "??"][slot] += p.flights if metric == "flights" else p.people
    ranked = sorted(raw, key=lambda d: (-sum(raw[d]), d))
    series: dict[str, tuple[int, ...]] = {d: tuple(raw[d]) for d in ranked[:top] if sum(raw[d])}
    rest = ranked[top:]
    if rest:
        series[OTHER] = tuple(sum(raw[d][i] for d in rest) for i in range(weeks))
    return Weekly(axis, series)


def _legend(names: Sequence[str]) -> list[str]:
    parts = []
    for i, name in enumerate(names):
        x = PAD_LEFT + i * 80
        color = PALETTE[i % len(PALETTE)]
        parts.append(
            f'<rect class="key" x="{x}" y="2" width="10" height="10" style="fill:{color}"/>'
            f'<text class="legend" x="{x + 14}" y="11">{escape(name)}</text>'
        )
    return parts


def stacked_svg(data: Weekly, *, label: str, css_class: str) -> str:
    """A stacked bar per week; each bar's parts carry a tooltip (week, destination, value)."""
    n = max(len(data.weeks), 1)
    totals = [sum(s[i] for s in data.series.values()) for i in range(n)] if data.series else [0]
    peak = max(totals, default=0)
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    scale = plot_h / peak if peak else 0.0
    slot = (WIDTH - PAD_LEFT) / n
    base = HEIGHT - PAD_BOTTOM
    parts = [
        f'<svg class="chart {escape(css_class)}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
        *_legend(list(data.series)),
    ]
    for i, week in enumerate(data.weeks):
        y = float(base)
        x = PAD_LEFT + i * slot + 1
        for k, (name, values) in enumerate(data.series.items()):
            value = values[i]
            if not value:
                continue
            h = value * scale
            y -= h
            parts.append(
                f'<rect class="bar" data-week="{week.isoformat()}" '
                f'data-destination="{escape(name)}" '
                f'x="{x:.1f}" y="{y:.1f}" width="{max(slot - 2, 1):.1f}" height="{h:.1f}" '
                f'style="fill:{PALETTE[k % len(PALETTE)]}"><title>week of {week.isoformat()}, '
                f"{escape(name)}: {value}</title></rect>"
            )
        if i % 4 == 0:
            parts.append(f'<text class="axis" x="{x:.1f}" y="{HEIGHT - 6}">{week:%d %b}</text>')
    parts.append(f'<line class="axis" x1="{PAD_LEFT}" y1="{base}" x2="{WIDTH}" y2="{base}"/>')
    parts.append(f'<text class="axis" x="2" y="{PAD_TOP + 8}">{peak}</text>')
    parts.append(f'<text class="axis" x="2" y="{base}">0</text>')
    parts.append("</svg>")
    return "".join(parts)
