"""timeline.json for TimelineJS 3, and TimelineJS itself vendored into the site for the /timeline/visual/ page.

One slide per published event: start (and end) dates at the event's
precision (a month-precision event has no day; a timed event has its hour and
minute in the site's zone), the date as the site writes it, the headline and
the rendered summary, the event's main topic as its group, no media.

TimelineJS inserts ``text.headline`` and ``text.text`` as HTML after cleaning
them with DOMPurify, so the headline is the title escaped once.  The group is
different: TimelineJS strips markup from it by *decoding* it to text and then
writes that text back as HTML, so a topic called ``&lt;img onerror=…&gt;``
would become a live tag; the group is therefore escaped twice, and shows as
written.

The page loads TimelineJS from the site (npm package @knight-lab/timelinejs,
copied by the build, never a CDN) and starts it from a script file, so it
works under the site's Content-Security-Policy; it passes ``font: null`` and
``script_path`` so TimelineJS asks no font or locale host for anything.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from generator.content.dates import Point
from generator.content.model import Event
from generator.exports.parts import Parts, whole
from generator.exports.publication import Publication, clean_text
from generator.markup.richtext import balance_bidi
from generator.util.paths import TEMPLATES, node_modules

TIMELINE_JSON = "data/timeline.json"
ASSETS = "assets/timelinejs/"
PACKAGE = ("@knight-lab", "timelinejs")
# dist/ files the page needs, and where they go under ASSETS (the CSS finds its icons at ../css/icons/).
DIST_FILES = {
    "js/timeline.js": "js/timeline.js",
    "js/timeline.js.LICENSE.txt": "js/timeline.js.LICENSE.txt",
    "css/timeline.css": "css/timeline.css",
    **{f"css/icons/tl-icons.{ext}": f"css/icons/tl-icons.{ext}" for ext in ("eot", "svg", "ttf", "woff", "woff2")},
}
OWN_FILES = ("briefing-timeline.js", "briefing-timeline.css")  # templates/timelinejs/: the page's start script and size


def _date(point: Point, tz) -> dict[str, int]:
    local = point.local_moment(tz)
    if local is not None:
        return {"year": local.year, "month": local.month, "day": local.day, "hour": local.hour, "minute": local.minute}
    out = {"year": point.year}
    if point.month is not None:
        out["month"] = point.month
    if point.day is not None:
        out["day"] = point.day
    return out


def slide(pub: Publication, event: Event, topic_titles: dict[str, str]) -> dict[str, Any]:
    text = pub.summary_html(event) + Markup('\n<p><a href="{}">Permanent link</a></p>').format(pub.permalink(event))
    out: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": _date(event.when.start, pub.tz),
    }
    if event.when.end is not None:
        out["end_date"] = _date(event.when.end, pub.tz)
    out.update(
        {
            "display_date": pub.date_label(event.when),
            "text": {"headline": str(escape(balance_bidi(clean_text(event.title)))), "text": clean_text(str(text))},
            # markupsafe would not escape its own output again: the second pass is on a plain str.
            "group": str(escape(str(escape(balance_bidi(clean_text(topic_titles[event.topics[0]])))))),
        }
    )
    return out


def timeline(pub: Publication) -> dict[str, Any]:
    titles = {t.id: t.title for t in pub.record.topics}
    return {**_title(pub), "events": [slide(pub, e, titles) for e in pub.record.events], "scale": "human"}


def _title(pub: Publication) -> dict[str, Any]:
    count = len(pub.record.events)
    return {
        "title": {
            # '_' never appears in an event id, so the title slide cannot take an event's id.
            "unique_id": "title_slide",
            "text": {
                "headline": str(escape(balance_bidi(clean_text(pub.site_name)))),
                "text": f"<p>{count} published event{'s' if count != 1 else ''}, oldest first.</p>",
            },
        },
    }


def timeline_json(pub: Publication) -> bytes:
    return whole(TIMELINE_PARTS, pub)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _slide_piece(pub: Publication, event: Event) -> bytes:
    if event.status == "retracted":  # the timeline shows the published record only
        return b""
    return _json(slide(pub, event, {t.id: t.title for t in pub.record.topics}))


# timeline.json is compact JSON of {"title": {...}, "events": [...], "scale": "human"}.
TIMELINE_PARTS = Parts(
    head=lambda pub: _json(_title(pub))[:-1] + b',"events":[',
    piece=_slide_piece,
    between=b",",
    tail=lambda pub: b'],"scale":"human"}\n',
)


# --- vendoring -----------------------------------------------------------------------


def package_dir(root: Path) -> Path | None:
    """node_modules/@knight-lab/timelinejs/dist of the project, else of briefing's own checkout."""
    modules = node_modules(root, "/".join(PACKAGE))
    dist = modules.joinpath(*PACKAGE, "dist") if modules is not None else None
    return dist if dist is not None and (dist / "js" / "timeline.js").is_file() else None


def locale_code(dist: Path | None, language: str) -> str:
    """TimelineJS's name for the site language (its locale files are lower case: pt-br.json), else 'en'."""
    if dist is None:
        return "en"
    code = language.lower().replace("_", "-")
    for candidate in (code, code.split("-")[0]):
        if (dist / "js" / "locale" / f"{candidate}.json").is_file():
            return candidate
    return "en"


def vendored_files(root: Path, language: str) -> dict[str, bytes]:
    """{path under docs_dir: bytes}: TimelineJS, its licence, the site language's locale and the start script."""
    dist = package_dir(root)
    if dist is None:
        return {}
    files = {ASSETS + target: (dist / source).read_bytes() for source, target in DIST_FILES.items()}
    licence = dist.parent / "LICENSE"
    if licence.is_file():
        files[ASSETS + "LICENSE.txt"] = licence.read_bytes()
    code = locale_code(dist, language)
    if code != "en":  # English is built into timeline.js
        files[ASSETS + f"js/locale/{code}.json"] = (dist / "js" / "locale" / f"{code}.json").read_bytes()
    for name in OWN_FILES:
        files[ASSETS + name] = (TEMPLATES / "timelinejs" / name).read_bytes()
    return files
