"""What pages say, decided in Python: the order of a day, quotation marks never doubled, "on" for a single day,
drafts marked (a preview) and never in the published record."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.content.dates import parse_when
from generator.content.model import assemble
from generator.project import Project
from generator.views import pages as views
from generator.views.templates import Templates

TOPICS = [{"id": "front", "title": "Front"}, {"id": "talks", "title": "Talks"}]
ACTORS = {"envoy": {"name": "The envoy"}}
SOURCES = {"wire": {"title": "Wire", "publisher": "Wire"}}


def event(ident: str, title: str, when: str, topic: str, importance: int = 2, **more) -> tuple:
    values = {
        "title": title,
        "date": parse_when(when),
        "summary": "",
        "topics": [topic],
        "sources": [{"source": "wire"}],
        "importance": importance,
        **more,
    }
    return (ident, f"content/events/{ident}.yaml", values)


def record_of(*events: tuple, drafts: bool = False):
    return assemble("Europe/Kyiv", TOPICS, ACTORS, SOURCES, {}, list(events), drafts=drafts)


def test_a_day_leads_with_the_section_of_its_lead_then_orders_by_importance_time_and_title():
    record = record_of(
        event("minor-front", "Minor front item", "2024-11-05", "front", 3),
        event("talks-lead", "The lead", "2024-11-05T09:00+02:00", "talks", 1),
        event("talks-b", "Beta talks", "2024-11-05T08:00+02:00", "talks"),
        event("talks-a", "Alpha talks", "2024-11-05T08:00+02:00", "talks"),
        event("talks-early", "Zulu early", "2024-11-05T07:00+02:00", "talks"),
        event("front-normal", "Front normal", "2024-11-05", "front"),
    )
    day = views.day_view(views.Context(record), date(2024, 11, 5))
    order = [(s.title, [e.id for e in s.events]) for s in day.sections]
    assert order == [
        ("Talks", ["talks-lead", "talks-early", "talks-a", "talks-b"]),  # the lead's section first; then time, title
        ("Front", ["front-normal", "minor-front"]),
    ]


def test_sections_of_equal_weight_keep_the_order_of_topics_yaml():
    record = record_of(event("b", "B", "2024-11-05", "talks"), event("a", "A", "2024-11-05", "front"))
    day = views.day_view(views.Context(record), date(2024, 11, 5))
    assert [s.title for s in day.sections] == ["Front", "Talks"]


@pytest.mark.parametrize(
    ("quote", "marked"),
    [
        ("Debris fell.", False),
        ('"Debris fell," he said.', True),
        ("“Debris fell.”", True),
        ("«Ukraine»", True),
        ("'Quoted'", True),
        ("„Gänsefüßchen“", True),
        ("  “Spaced”", True),
    ],
)
def test_a_quote_that_starts_with_its_own_quotation_mark_is_marked(quote, marked):
    assert views.Excerpt(quote, None).marked is marked


def render_day(record) -> str:
    from generator.site.render import Renderer

    renderer = Renderer(record, Templates(None).get("pages"))
    return renderer.render("briefings/2024-11-05.md", "day", date(2024, 11, 5))


def test_a_quote_with_its_own_marks_is_not_wrapped_in_a_second_pair():
    record = record_of(
        event(
            "e",
            "E",
            "2024-11-05",
            "front",
            sources=[
                {"source": "wire", "quote": "“Debris fell,” the mayor said."},
                {"source": "wire", "quote": "No one was hurt."},
            ],
        )
    )
    html = render_day(record)
    assert "<li>“Debris fell,” the mayor said.</li>" in html
    assert "<li>“No one was hurt.”</li>" in html
    assert "““" not in html


def test_an_actor_seen_on_one_day_is_in_the_record_on_that_day(tmp_path):
    from generator.site.render import Renderer

    record = record_of(
        event("e", "E", "2024-11-05", "front", actors=[{"id": "envoy"}]),
        event("f", "F", "2024-11-05", "talks", actors=[{"id": "envoy"}]),
    )
    html = Renderer(record, Templates(None).get("pages")).render("actors/envoy.md", "actor", "envoy")
    assert "in the record on " in html and " to " not in html.split("in the record on", 1)[1].split("</p>", 1)[0]


def test_a_draft_is_shown_only_in_a_preview_and_with_its_badge():
    draft = event("d", "Draft item", "2024-11-05", "front", status="draft")
    published = record_of(event("p", "Published", "2024-11-05", "talks"), draft)
    assert [e.id for e in published.events] == ["p"]
    preview = record_of(event("p", "Published", "2024-11-05", "talks"), draft, drafts=True)
    assert [e.id for e in preview.events] == ["d", "p"]
    assert [e.id for e in preview.published().events] == ["p"], "what feeds and exports get"
    html = render_day(preview)
    block = html.split('id="d"', 1)[1].split("</h3>", 1)[1][:200]
    assert '<span class="tag tag-draft">DRAFT</span>' in block
    assert html.count("tag-draft") == 2, "the draft, in the key points and in its section: nothing else"


def test_the_seed_record_checks_without_problems():
    result = Project.load(Path(__file__).resolve().parents[2] / "mkdocs.yml").check()
    assert result.problems == []
