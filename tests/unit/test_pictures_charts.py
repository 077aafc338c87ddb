"""Charts of counts over time: buckets, columns, sparklines, and the escaping of every label."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from generator.pictures import Bar, Mark, Words, buckets, columns, single, sparkline, unit_for
from generator.pictures.svg import clip_words, label_text, number, safe_id

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & "quotes" \u202eevil\u202c ' + "long " * 60


def parse(markup) -> ET.Element:
    """The SVG as XML: it must be well formed, whatever the labels held."""
    return ET.fromstring(str(markup))


def image_group(root: ET.Element) -> ET.Element:
    (group,) = [g for g in root.iter(f"{SVG}g") if g.get("role") == "img"]
    return group


def days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(count)]


def test_units_get_wider_as_the_period_grows():
    start = date(2024, 1, 1)
    assert unit_for(start, start) == "day"
    assert unit_for(start, start + timedelta(days=91)) == "day"
    assert unit_for(start, start + timedelta(days=92)) == "week"
    assert unit_for(start, start + timedelta(days=3 * 365)) == "week"
    assert unit_for(start, start + timedelta(days=3650)) == "month"


def test_weeks_start_on_monday_and_empty_weeks_are_kept():
    counts = single({date(2024, 11, 6): 2, date(2024, 11, 20): 3})  # Wednesdays, a quiet week between
    weeks = buckets(counts, date(2024, 11, 6), date(2024, 11, 20), "week")
    assert [(b.start, b.end, b.counts, b.first_day) for b in weeks] == [
        (date(2024, 11, 4), date(2024, 11, 10), (2,), date(2024, 11, 6)),
        (date(2024, 11, 11), date(2024, 11, 17), (0,), None),
        (date(2024, 11, 18), date(2024, 11, 24), (3,), date(2024, 11, 20)),
    ]


def test_ten_years_of_days_become_120_months_and_lose_no_event():
    first = date(2015, 1, 1)
    counts = {day: (day.day % 4, 1) for day in days(first, 3652)}
    last = max(counts)
    months = buckets(counts, first, last, unit_for(first, last), series=2)
    assert len(months) == 120
    assert months[0].start == first and months[-1].start == date(2024, 12, 1)
    assert sum(b.total for b in months) == sum(sum(c) for c in counts.values())
    weeks = buckets(counts, first, last, "week", series=2)
    assert sum(b.total for b in weeks) == sum(sum(c) for c in counts.values())
    assert all((b.end - b.start).days == 6 for b in weeks)


def test_buckets_refuse_a_backwards_period_and_counts_of_the_wrong_width():
    with pytest.raises(ValueError, match="ends"):
        buckets({}, date(2024, 2, 1), date(2024, 1, 1), "day")
    with pytest.raises(ValueError, match="2 counts for 1 series"):
        buckets({date(2024, 1, 1): (1, 2)}, date(2024, 1, 1), date(2024, 1, 1), "day")


def test_nothing_to_draw_gives_no_picture():
    assert columns([], picture_id="x", name="n") is None
    assert columns([Bar("a", (0,)), Bar("b", (0,))], picture_id="x", name="n") is None
    assert sparkline([Bar("a", (0,))], first=Mark(0, "f"), last=Mark(0, "l"), picture_id="s", name="n") is None


def test_one_bar_is_drawn_with_its_number_and_a_zero_baseline():
    picture = columns(
        [Bar("Tuesday 5 November 2024", (4,), "/briefings/2024-11-05/", "5 Nov")], picture_id="one", name="A day"
    )
    root = parse(picture.svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "4" in texts  # the busiest (only) bar carries its number
    assert any("5 Nov" in (t or "") for t in texts)
    baseline = [p for p in root.iter(f"{SVG}path") if p.get("class") == "bp-baseline"]
    assert len(baseline) == 1
    ((day, total),) = picture.table.rows
    assert (day.text, day.href, total.text, total.numeric) == (
        "Tuesday 5 November 2024",
        "/briefings/2024-11-05/",
        "4",
        True,
    )


def test_a_picture_is_an_image_with_a_name_and_a_description():
    picture = columns([Bar("a", (1,)), Bar("b", (3,))], picture_id="Home chart!", name="Events per day")
    root = parse(picture.svg)
    # The title is the root's first child: a tagged PDF takes the figure's alternative text from there.
    assert root[0].tag == f"{SVG}title" and root.get("role") == "none"
    group = image_group(root)
    title = root.find(f".//{SVG}title[@id='{group.get('aria-labelledby')}']")
    desc = root.find(f".//{SVG}desc[@id='{group.get('aria-describedby')}']")
    assert title.text == "Events per day"
    assert desc.text == picture.note
    assert root.get("id") == "picture_home-chart"  # no editor's id has an underscore: no clash with an event
    assert root.get("viewBox").startswith("0 0 480 ")


def test_bar_links_are_for_the_pointer_only_and_the_table_has_them_for_everyone():
    bars = [Bar(f"day {i}", (i % 3,), f"/briefings/d{i}/") for i in range(10)]
    picture = columns(bars, picture_id="p", name="n")
    root = parse(picture.svg)
    (hits,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "bp-hits"]
    assert hits.get("aria-hidden") == "true"
    links = list(hits.iter(f"{SVG}a"))
    assert links and all(a.get("tabindex") == "-1" for a in links)
    assert {a.get("href") for a in links} == {b.href for b in bars if b.total}
    assert {row[0].href for row in picture.table.rows} == {b.href for b in bars if b.total}
    assert not any(image_group(root).iter(f"{SVG}a"))  # nothing focusable inside role="img"


def test_every_label_an_editor_wrote_is_escaped():
    bars = [Bar(HOSTILE, (1, 2), '/x/"onmouseover="alert(1)', HOSTILE), Bar("b", (3, 0))]
    picture = columns(bars, series=[HOSTILE, "Other <i>"], picture_id="h", name=HOSTILE)
    text = str(picture.svg)
    assert "<script" not in text and "<i>" not in text
    root = parse(picture.svg)
    assert all(el.tag.startswith(SVG) for el in root.iter())
    assert not any(attr.startswith("on") for el in root.iter() for attr in el.attrib)
    (link,) = root.iter(f"{SVG}a")
    assert link.get("href") == '/x/"onmouseover="alert(1)'  # one attribute value, quotes and all
    assert root.find(f"{SVG}title").text == HOSTILE


def test_bidi_controls_in_labels_cannot_reorder_what_follows():
    picture = columns(
        [Bar("a", (1, 1), tick="\u202eabc"), Bar("b", (2, 0))],
        series=["\u202eTopic", "Other"],
        picture_id="b",
        name="n",
    )
    labels = [
        t.text for t in parse(picture.svg).iter(f"{SVG}text") if t.text and "abc" in t.text or "Topic" in (t.text or "")
    ]
    assert labels
    for label in labels:
        assert not any(c in label for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_more_than_six_series_keep_the_five_biggest_and_sum_the_rest():
    series = [f"Topic {i}" for i in range(8)]
    bars = [Bar("d1", tuple(range(8))), Bar("d2", tuple(range(8)))]
    picture = columns(bars, series=series, picture_id="s", name="n")
    assert picture.table.columns == (
        "Day",
        "Topic 3",
        "Topic 4",
        "Topic 5",
        "Topic 6",
        "Topic 7",
        "Other topics",
        "Events",
    )
    assert [c.text for c in picture.table.rows[0][1:]] == ["3", "4", "5", "6", "7", "3", "28"]


def test_the_table_leaves_out_periods_with_nothing_and_the_note_says_so():
    bars = [Bar("Mon", (0,)), Bar("Tue", (5,), "/t/"), Bar("Wed", (0,))]
    picture = columns(bars, picture_id="t", name="Week", words=Words(period="day"))
    assert [row[0].text for row in picture.table.rows] == ["Tue"]
    assert "left out" in picture.table.caption
    assert picture.note.startswith("5 events over 3 days (1 with any).")


def test_thousands_of_bars_are_one_path_per_series():
    bars = [Bar(f"d{i}", (i % 5,), f"/d{i}/") for i in range(3650)]
    picture = columns(bars, picture_id="many", name="n")
    root = parse(picture.svg)
    fills = [p for p in root.iter(f"{SVG}path") if p.get("class") == "bp-bar"]
    assert len(fills) == 1
    assert fills[0].get("d").count("M") == sum(1 for b in bars if b.total)


def test_gridlines_use_round_steps_from_zero():
    picture = columns([Bar("a", (37,)), Bar("b", (3,))], picture_id="g", name="n")
    root = parse(picture.svg)
    labels = [t.text for g in root.iter(f"{SVG}g") if g.get("class") == "bp-text" for t in g.iter(f"{SVG}text")]
    assert labels == ["10", "20", "30", "40"]


def test_sparkline_marks_first_and_last_and_says_so():
    values = [Bar(f"Month {i}", (v,)) for i, v in enumerate([0, 2, 0, 0, 5, 1, 0])]
    words = Words("appearance", "appearances", "month", "Month")
    picture = sparkline(
        values, first=Mark(1, "First: Month 1"), last=Mark(5, "Last: Month 5"), picture_id="s", name="n", words=words
    )
    root = parse(picture.svg)
    marks = [c for c in root.iter(f"{SVG}circle") if c.get("class") == "bp-mark"]
    assert len(marks) == 2
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert any("First: Month 1" in t for t in texts) and any("Last: Month 5" in t for t in texts)
    assert picture.note.startswith(
        "8 appearances across 7 months; the most in one month was 5 appearances, in Month 4."
    )
    assert [row[0].text for row in picture.table.rows] == ["Month 1", "Month 4", "Month 5"]


def test_sparkline_of_one_appearance_has_one_mark():
    values = [Bar("a", (0,)), Bar("b", (1,)), Bar("c", (0,))]
    picture = sparkline(values, first=Mark(1, "Only: b"), last=Mark(1, "Only: b"), picture_id="s", name="n")
    assert len([c for c in parse(picture.svg).iter(f"{SVG}circle")]) == 1
    with pytest.raises(ValueError, match="outside"):
        sparkline(values, first=Mark(3, "x"), last=Mark(1, "y"), picture_id="s", name="n")


def test_svg_helpers():
    assert number(1.25) == "1.2" and number(-0.04) == "0" and number(3.0) == "3"
    assert clip_words("a " * 10, 100) == "a a a a a a a a a a"
    assert clip_words("Zaporizhzhia Nuclear Power Plant", 20) == "Zaporizhzhia…"
    assert safe_id("<Home> chart") == "home-chart" and safe_id("!!!") == "picture"
    assert label_text("a\u202eb\u2066c") == "abc"


def test_the_pictures_package_imports_nothing_else_from_generator():
    # Views hand it plain data; it must keep working wherever the rest of the package moves.
    import ast
    import sys
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "generator" / "pictures"
    allowed = set(sys.stdlib_module_names) | {"markupsafe"}
    for module in folder.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level == 1:  # from .sibling import x
                    continue
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed, f"{module.name} imports {name}"


def test_sparkline_labels_that_meet_take_a_second_row_inside_the_picture():
    values = [Bar(f"m{i}", (1 if i in (10, 11) else 0,)) for i in range(12)]
    picture = sparkline(
        values,
        first=Mark(10, "First: 28 October 2024"),
        last=Mark(11, "Last: 5 November 2024"),
        picture_id="s",
        name="n",
    )
    root = parse(picture.svg)
    rows = sorted(float(t.get("y")) for t in root.iter(f"{SVG}text"))
    assert len(rows) == 2 and rows[1] > rows[0]
    height = float(root.get("viewBox").split()[3])
    assert rows[1] < height
