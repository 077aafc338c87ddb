"""Counts over time as columns (stacked by series or not) and as a sparkline.

The conventions are Datawrapper's and the Financial Times': counts start at a zero
baseline, there is no 3D and no legend box (the series are named in a key row in
stacking order, and the busiest bar carries its number), and a short note says what
the reader sees. Colours are classes; the site's stylesheet maps them to CSS custom
properties so the light and dark schemes apply, and the fill attributes are the print
colours WeasyPrint uses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from .picture import Cell, Picture, Table
from .svg import clip_words, document, element, label_text, number

WIDTH = 480.0
FONT = 13.0
CHAR = FONT * 0.58  # average advance of Inter at this size, for fitting labels
SERIES_SHOWN = 6  # more colours than this cannot be told apart: beyond it the smallest are summed as "other"
SERIES_FILLS = ("#1a5fb4", "#c64600", "#26a269", "#8c3a96", "#a67c00", "#0f7b8a")
OTHER_FILL = "#8a949e"
INK = "#4f5b67"
RULE = "#c8ced5"


@dataclass(frozen=True)
class Bar:
    """One period: its full label (table, tooltip), its counts per series, its link, its axis tick."""

    label: str
    counts: tuple[int, ...]
    href: str | None = None
    tick: str | None = None
    total: int = field(init=False, repr=False, compare=False)  # asked for many times while drawing: kept

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", sum(self.counts))


@dataclass(frozen=True)
class Words:
    """How the numbers are spoken: 'event'/'events', 'day', and the table's first column."""

    one: str = "event"
    many: str = "events"
    period: str = "day"
    period_column: str = "Day"

    def count(self, n: int) -> str:
        return f"{n:,} {self.one if n == 1 else self.many}"


def _nice_step(top: int, most: int = 4) -> int:
    """A step of 1, 2 or 5 × 10^k giving at most ``most`` gridlines up to ``top``."""
    power = 10 ** max(0, int(math.log10(max(top, 1))) - 1)
    while True:
        for factor in (1, 2, 5):
            step = factor * power
            if math.ceil(top / step) <= most:
                return step
        power *= 10


def _fold_series(bars: Sequence[Bar], series: Sequence[str]) -> tuple[list[Bar], list[str]]:
    """All series when they are few; else the biggest SERIES_SHOWN - 1 in their given order, the rest as 'Other'."""
    if len(series) <= SERIES_SHOWN:
        return list(bars), list(series)
    totals = [sum(bar.counts[i] for bar in bars) for i in range(len(series))]
    keep = sorted(sorted(range(len(series)), key=lambda i: -totals[i])[: SERIES_SHOWN - 1])
    rest = [i for i in range(len(series)) if i not in keep]
    folded = [
        Bar(bar.label, (*(bar.counts[i] for i in keep), sum(bar.counts[i] for i in rest)), bar.href, bar.tick)
        for bar in bars
    ]
    return folded, [*(series[i] for i in keep), "Other topics"]


def _key_row(series: Sequence[str], top: float, folded: bool) -> tuple[list[Markup], float]:
    """Swatches and names left to right, wrapping; returns the elements and the height used."""
    items: list[Markup] = []
    x, y = 0.0, top
    for index, name in enumerate(series):
        label = clip_words(name, 28)
        width = 14 + len(label) * CHAR + 14
        if x > 0 and x + width > WIDTH:
            x, y = 0.0, y + FONT + 6
        css, fill = _series_paint(index, len(series), folded)
        items.append(element("rect", {"x": x, "y": y + 2, "width": 10.0, "height": 10.0, "class": css, "fill": fill}))
        items.append(element("text", {"x": x + 14, "y": y + FONT - 2}, label_text(label)))
        x += width
    return [element("g", {"class": "bp-key bp-text", "fill": INK, "font-size": FONT}, items)], y + FONT + 8 - top


def _series_paint(index: int, count: int, folded: bool) -> tuple[str, str]:
    if folded and index == count - 1:
        return "bp-other", OTHER_FILL
    return f"bp-s{index}", SERIES_FILLS[index % len(SERIES_FILLS)]


def _ticks(bars: Sequence[Bar], x_of, slot: float, y: float) -> Markup:
    """Axis labels under the bars that asked for one, dropped where they would overlap."""
    out: list[Markup] = []
    right_edge = -math.inf
    for index, bar in enumerate(bars):
        if not bar.tick:
            continue
        label = clip_words(bar.tick, 16)
        width = len(label) * CHAR
        centre = x_of(index) + slot / 2
        left = min(max(centre - width / 2, 0), WIDTH - width)
        if left < right_edge + 8:
            continue
        out.append(element("text", {"x": left, "y": y}, label_text(label)))
        right_edge = left + width
    return element("g", {"class": "bp-text bp-ticks", "fill": INK, "font-size": FONT}, out)


def _grid(top_value: int, step: int, y_of, left: float) -> list[Markup]:
    lines, labels = [], []
    value = step
    while value <= top_value:
        y = y_of(value)
        lines.append(f"M{number(left)} {number(y)}H{number(WIDTH)}")
        labels.append(element("text", {"x": 0.0, "y": y + FONT * 0.35}, f"{value:,}"))
        value += step
    drawn = [element("path", {"class": "bp-grid", "d": "".join(lines), "stroke": RULE, "fill": "none"})]
    if labels:
        drawn.append(element("g", {"class": "bp-text", "fill": INK, "font-size": FONT}, labels))
    return drawn


def columns(
    bars: Sequence[Bar],
    *,
    picture_id: str,
    name: str,
    series: Sequence[str] = (),
    words: Words = Words(),
    plot_height: float = 120.0,
) -> Picture | None:
    """Columns of counts, stacked by series when there are several; None when nothing happened.

    ``series`` names the parts of each bar's ``counts`` (bottom first); with none or one the
    bars are single. Bars with an ``href`` are links (for the pointer; the table carries the
    same links for the keyboard and screen readers).
    """
    bars = list(bars)
    if not bars or not any(bar.total for bar in bars):
        return None
    width_of_counts = {len(bar.counts) for bar in bars}
    if len(width_of_counts) != 1 or (series and width_of_counts != {len(series)}):
        raise ValueError("every bar needs one count per series")
    folded = len(series) > SERIES_SHOWN
    bars, series = _fold_series(bars, series)
    stacked = len(series) > 1

    drawing: list[Markup] = []
    top = 0.0
    if stacked:
        key, used = _key_row(series, 0.0, folded)
        drawing += key
        top = used
    peak = max(bar.total for bar in bars)
    step = _nice_step(peak, most=max(2, int(plot_height // 28)))  # gridlines at least 28 units apart
    top_value = math.ceil(peak / step) * step
    label_room = len(f"{top_value:,}") * CHAR + 6
    plot_top = top + FONT + 4  # room for the busiest bar's number
    baseline = plot_top + plot_height
    left = label_room
    slot = (WIDTH - left) / len(bars)
    bar_width = min(slot * (0.8 if slot >= 4 else 1.0), 40.0)
    offset = left + max(0.0, (WIDTH - left - slot * len(bars)) / 2)

    def x_of(index: int) -> float:
        return offset + index * slot

    def y_of(value: float) -> float:
        return baseline - value / top_value * plot_height

    drawing += _grid(top_value, step, y_of, left)
    drawing += _bars(bars, len(series) or 1, x_of, y_of, (slot - bar_width) / 2, bar_width, stacked, folded)
    drawing.append(
        element(
            "path",
            {
                "class": "bp-baseline",
                "d": f"M{number(left)} {number(baseline)}H{number(WIDTH)}",
                "stroke": INK,
                "stroke-width": 1.5,
            },
        )
    )
    busiest = max(range(len(bars)), key=lambda i: (bars[i].total, i))
    drawing.append(
        element(
            "text",
            {
                "class": "bp-text bp-value",
                "x": x_of(busiest) + slot / 2,
                "y": y_of(peak) - 4,
                "text-anchor": "middle",
                "fill": INK,
                "font-size": FONT,
                "font-weight": "600",
            },
            f"{peak:,}",
        )
    )
    drawing.append(_ticks(bars, x_of, slot, baseline + FONT + 4))
    height = baseline + FONT + 8
    links = _hit_layer(bars, x_of, slot, plot_top, baseline, words)
    note = _column_note(bars, busiest, words, stacked)
    table = _column_table(bars, series, name, words)
    return _chart(drawing, links, height, name=name, note=note, table=table, picture_id=picture_id, kind="bp-columns")


def _chart(drawing, links, height: float, *, name: str, note: str, table: Table, picture_id: str, kind: str) -> Picture:
    """A chart's SVG, full width, with its words and its table."""
    box = (0.0, 0.0, WIDTH, height)
    svg = document(
        box=box, name=name, description=note, picture_id=picture_id, drawing=drawing, links=links, css_class=kind
    )
    return Picture(svg, name, note, table, WIDTH, height)


def _bars(bars, parts: int, x_of, y_of, inset: float, bar_width: float, stacked: bool, folded: bool) -> list[Markup]:
    """One path per series: bars as sub-paths, which is far smaller than a <rect> each."""
    paths = [[] for _ in range(parts)]
    gap = 1.0 if stacked and bar_width >= 4 else 0.0
    for index, bar in enumerate(bars):
        x = x_of(index) + inset
        below = 0
        for part, count in enumerate(bar.counts):
            if not count:
                continue
            y0, y1 = y_of(below), y_of(below + count)
            height = y0 - y1 - (gap if below + count < bar.total else 0.0)
            if height > 0:
                paths[part].append(
                    f"M{number(x)} {number(y1 + (y0 - y1 - height))}h{number(bar_width)}"
                    f"v{number(height)}h{number(-bar_width)}z"
                )
            below += count
    out = []
    for part, commands in enumerate(paths):
        if not commands:
            continue
        css, fill = _series_paint(part, parts, folded) if stacked else ("bp-bar", SERIES_FILLS[0])
        out.append(element("path", {"class": css, "fill": fill, "d": "".join(commands)}))
    return out


def _hit_layer(bars, x_of, slot, top, baseline, words: Words) -> list[Markup]:
    """Whole-height click targets for the bars that link somewhere.

    Hidden from assistive technology and out of the tab order on purpose: a year of days
    would be 365 tab stops, and the table under the picture holds the same links.
    """
    links = []
    for index, bar in enumerate(bars):
        if not bar.href or not bar.total:
            continue
        hint = f"{bar.label}: {words.count(bar.total)}"
        links.append(
            element(
                "a",
                {"href": bar.href, "tabindex": "-1"},
                [
                    element("title", None, hint),
                    element(
                        "rect",
                        {"x": x_of(index), "y": top, "width": slot, "height": baseline - top, "fill": "transparent"},
                    ),
                ],
            )
        )
    if not links:
        return []
    return [element("g", {"class": "bp-hits", "aria-hidden": "true"}, links)]


def _column_note(bars: Sequence[Bar], busiest: int, words: Words, stacked: bool) -> str:
    total = sum(bar.total for bar in bars)
    active = sum(1 for bar in bars if bar.total)
    parts = [
        f"{words.count(total)} over {len(bars):,} {words.period}{'' if len(bars) == 1 else 's'} ({active:,} with any).",
    ]
    if len(bars) > 1:
        parts.append(f"The busiest was {bars[busiest].label}, with {words.count(bars[busiest].total)}.")
    if stacked:
        parts.append("Bars are stacked by topic, in the order of the key.")
    return " ".join(parts)


def _column_table(bars: Sequence[Bar], series: Sequence[str], name: str, words: Words) -> Table:
    stacked = len(series) > 1
    columns = (words.period_column, *(series if stacked else ()), words.many.capitalize())
    rows = []
    for bar in bars:
        total = sum(bar.counts)
        if not total:
            continue
        counts = [Cell(f"{count:,}", numeric=True) for count in bar.counts] if stacked else []
        rows.append((Cell(bar.label, bar.href), *counts, Cell(f"{total:,}", numeric=True)))
    caption = f"{name} ({words.period}s without {words.many} are left out)"
    return Table(caption, columns, tuple(rows))


@dataclass(frozen=True)
class Mark:
    """A point the sparkline marks: the index of its period and the words beside it."""

    index: int
    text: str


def sparkline(
    values: Sequence[Bar], *, first: Mark, last: Mark, picture_id: str, name: str, words: Words = Words()
) -> Picture | None:
    """A line of counts per period from zero, with the first and last appearance marked."""
    values = list(values)
    if not values or not any(bar.total for bar in values):
        return None
    for mark in (first, last):
        if not 0 <= mark.index < len(values):
            raise ValueError(f"mark '{mark.text}' is outside the {len(values)} periods")
    peak = max(bar.total for bar in values)
    plot_top, baseline = 6.0, 40.0
    inset = 4.0
    span = max(len(values) - 1, 1)

    def x_of(index: int) -> float:
        return inset + index * (WIDTH - 2 * inset) / span if len(values) > 1 else WIDTH / 2

    def y_of(value: float) -> float:
        return baseline - value / peak * (baseline - plot_top)

    totals = [bar.total for bar in values]
    end = len(totals) - 1
    # A flat run needs only its two ends: an actor seen in three months of ten years is a short path.
    corners = [
        i for i in range(len(totals)) if i in (0, end) or totals[i] != totals[i - 1] or totals[i] != totals[i + 1]
    ]
    line = "M" + "L".join(f"{number(x_of(i))} {number(y_of(totals[i]))}" for i in corners)
    area = line + f"L{number(x_of(end))} {number(baseline)}L{number(x_of(0))} {number(baseline)}z"
    drawing = [
        element("path", {"class": "bp-area", "d": area, "fill": "#d5e2f3"}),
        element("path", {"class": "bp-baseline", "d": f"M0 {number(baseline)}H{number(WIDTH)}", "stroke": INK}),
        element(
            "path",
            {
                "class": "bp-line",
                "d": line,
                "fill": "none",
                "stroke": SERIES_FILLS[0],
                "stroke-width": 1.5,
                "stroke-linejoin": "round",
            },
        ),
    ]
    marks = [first] if first.index == last.index else [first, last]
    for mark in marks:
        x, y = x_of(mark.index), y_of(totals[mark.index])
        drawing.append(
            element("circle", {"class": "bp-mark", "cx": x, "cy": y, "r": 3.5, "fill": "#b3261e", "stroke": "#ffffff"})
        )
    labels, lowest = _mark_labels(marks, x_of, baseline + FONT + 6)
    drawing.append(labels)
    height = lowest + 6
    note = _sparkline_note(values, first, last, words)
    table = _column_table(values, (), name, words)
    return _chart(drawing, [], height, name=name, note=note, table=table, picture_id=picture_id, kind="bp-sparkline")


def _mark_labels(marks: Sequence[Mark], x_of, y: float) -> tuple[Markup, float]:
    """First label from its point rightwards, last label leftwards to its point; a second row if they meet."""
    out = []
    first_right = -math.inf
    lowest = y
    for position, mark in enumerate(marks):
        label = clip_words(mark.text, 40)
        width = len(label) * CHAR
        x = x_of(mark.index)
        row = y
        if position == 0:
            left = min(max(x - 4, 0), WIDTH - width)
            first_right = left + width
        else:
            left = max(min(x + 4 - width, WIDTH - width), 0)
            if left < first_right + 8:
                row += FONT + 4
        out.append(element("text", {"x": left, "y": row}, label_text(label)))
        lowest = max(lowest, row)
    return element("g", {"class": "bp-text", "fill": INK, "font-size": FONT}, out), lowest


def _sparkline_note(values: Sequence[Bar], first: Mark, last: Mark, words: Words) -> str:
    total = sum(bar.total for bar in values)
    peak = max(range(len(values)), key=lambda i: (values[i].total, -i))
    note = (
        f"{words.count(total)} across {len(values):,} {words.period}s; the most in one {words.period} was "
        f"{words.count(values[peak].total)}, in {values[peak].label}."
    )
    if first.index == last.index:
        return f"{note} Marked: {first.text}."
    return f"{note} Marked: {first.text}; {last.text}."
