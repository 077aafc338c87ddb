"""Time every feed and data export on a synthetic record at newsroom scale (not a test).

    .venv/bin/python benchmarks/bench_exports.py [EVENTS ACTORS DAYS]   # default 40000 2000 3650

Prints the seconds each export takes and the total, and the size of each file.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from generator.content.dates import parse_when
from generator.content.model import assemble
from generator.exports import ical, opendata, timelinejs
from generator.exports.feeds import BRIEFINGS_ATOM, FeedMaker, atom, json_feed, rss
from generator.exports.formats import _collector_paused, publication_files
from generator.exports.publication import Publication

TOPICS = [{"id": f"topic-{i}", "title": f"Topic {i}"} for i in range(12)]


def synthetic_record(events: int, actors: int, days: int, seed: int = 7):
    rng = random.Random(seed)
    first = date(2015, 1, 1)
    actor_ids = [f"actor-{i}" for i in range(actors)]
    made = []
    for i in range(events):
        day = first + timedelta(days=rng.randrange(days))
        kind = rng.random()
        if kind < 0.05:
            text = day.strftime("%Y-%m")
        elif kind < 0.35:
            text = f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}+02:00"
        elif kind < 0.40:
            text = f"{day.isoformat()}/{(day + timedelta(days=2)).isoformat()}"
        else:
            text = day.isoformat() + ("~" if kind > 0.97 else "")
        # Most summaries are plain prose (15 of the 16 curated ones); some carry a link or emphasis.
        summary = f"Officials said that event {i} happened overnight, according to two sources.\n"
        if rng.random() < 0.15:
            summary += f"See [the report](https://example.org/{i}) for **details**.\n"
        values = {
            "title": f"Event number {i} in the record",
            "date": parse_when(text),
            "summary": summary,
            "topics": [TOPICS[rng.randrange(len(TOPICS))]["id"]],
            "sources": [{"source": "wire"}],
            "actors": [{"id": a} for a in rng.sample(actor_ids, 3)],
            "importance": rng.choice((1, 2, 2, 3)),
        }
        if rng.random() < 0.3:
            values["location"] = {"name": "Kyiv", "country": "UA", "lat": 50.45, "lon": 30.52}
        made.append((f"event-{i}", f"content/events/{i}.yaml", values))
    return assemble(
        "Europe/Kyiv",
        TOPICS,
        {a: {"name": a.title()} for a in actor_ids},
        {"wire": {"title": "Wire", "publisher": "Example Wire", "published": parse_when("2015-01-01")}},
        {},
        made,
    )


def main() -> None:
    events, actors, days = (int(a) for a in sys.argv[1:4]) if len(sys.argv) > 3 else (40000, 2000, 3650)
    start = time.perf_counter()
    record = synthetic_record(events, actors, days)
    print(
        f"record: {len(record.events)} events, {len(record.actors)} actors, {len(record.days)} days "
        f"({time.perf_counter() - start:.1f} s to make)"
    )

    def timed(label, make):
        wall, cpu = time.perf_counter(), time.process_time()
        with _collector_paused():  # as publication_files runs them
            out = make()
        size = len(out) if isinstance(out, bytes) else sum(len(v) for v in out.values())
        print(
            f"{label:28s} {time.perf_counter() - wall:6.2f} s wall {time.process_time() - cpu:6.2f} s CPU "
            f"{size / 1e6:8.2f} MB"
        )
        return out

    pub = Publication(record, "https://example.org/briefing/", "Bench")
    maker = FeedMaker(pub)
    timed(
        "briefings atom+rss+json", lambda: b"".join(f(maker.briefings(BRIEFINGS_ATOM)) for f in (atom, rss, json_feed))
    )
    timed(f"{len(TOPICS)} topic feeds", lambda: {t["id"]: atom(maker.topic(t["id"])) for t in TOPICS})
    timed(f"{actors} actor feeds", lambda: {a: atom(maker.actor(a)) for a in record.actors})
    timed("events.ics", lambda: ical.calendar(pub))
    timed("record.json", lambda: opendata.record_json(pub))
    timed("events.csv + actors.csv", lambda: opendata.events_csv(pub) + opendata.actors_csv(pub))
    timed("events.geojson", lambda: opendata.events_geojson(pub))
    timed("timeline.json", lambda: timelinejs.timeline_json(pub))
    fresh = Publication(record, "https://example.org/briefing/", "Bench")
    timed("all files, as the build", lambda: publication_files(fresh))


if __name__ == "__main__":
    main()
