"""Where every page lives: generated Markdown paths (under docs_dir) and public URLs.

Public URLs are permanent (readers bookmark them, other sites link to them);
change them only with redirects.
"""

from __future__ import annotations

from datetime import date

HOME = "index.md"
ARCHIVE = "briefings/index.md"
ACTORS = "actors/index.md"
TIMELINE = "timeline/index.md"
TOPICS = "topics/index.md"
STORIES = "stories/index.md"
SOURCES = "sources/index.md"


def day_page(day: date) -> str:
    return f"briefings/{day.isoformat()}.md"


def actor_page(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def story_page(story_id: str) -> str:
    return f"stories/{story_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def event_page(event_id: str) -> str:
    """The permanent link of an event: a page that sends the reader to where the event is now."""
    return f"events/{event_id}.md"


def timeline_year_page(year: int) -> str:
    return f"timeline/{year:04d}.md"


def url_of(page: str) -> str:
    """The public URL path of a generated page, as MkDocs makes it with use_directory_urls."""
    if page == HOME:
        return "/"
    stem = page.removesuffix(".md")
    if stem.endswith("/index"):
        stem = stem.removesuffix("/index")
    return f"/{stem}/"
