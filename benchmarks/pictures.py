"""What the pictures cost, measured alone: every chart and map a cold build draws, in one process.

    .venv/bin/python benchmarks/pictures.py PROJECT      # prints JSON

Loads the project's record, then draws what `briefing build` draws (the home chart, the
timeline's strips, every topic's and story's strip, every actor's sparkline, every day's
locator map, the map page) with a fresh basemap, timing each kind in CPU seconds, then
places each picture as the pages do (templates/pages/_picture.html.j2: the figure, its
note and its table), timed as "placing". The build spreads these over two cores; this
adds them up on one. Bytes are the SVG's. The garbage collector is set as `briefing
build` sets it (the record frozen, few full collections): without that, every full
collection walks the record, and the outlines' JSON alone seemed to take seconds.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path


def measure(project_dir: Path) -> dict:
    from generator.pictures import Basemap
    from generator.project import Project
    from generator.site.produce import calm_collector
    from generator.util.paths import node_modules
    from generator.views import pictures, urls
    from generator.views.pages import Context, Links

    calm_collector()
    project = Project.load(project_dir / "mkdocs.yml")
    record, _ = project.load_record()
    gc.freeze()
    ctx = Context(record, project.settings.language, project.settings.key_points)
    modules = node_modules(project.settings.root, "world-atlas")
    basemap = Basemap.load(modules / "world-atlas" if modules else None)
    kinds: dict[str, dict] = {}
    every: list = []

    def timed(kind: str, jobs) -> None:
        start = time.process_time()
        drawn = [job() for job in jobs]
        seconds = time.process_time() - start
        made = [p for p in drawn if p is not None]
        every.extend(made)
        kinds[kind] = {"seconds": round(seconds, 3), "pictures": len(made), "bytes": sum(len(p.svg) for p in made)}

    events = record.events
    years = sorted({e.when.start.year for e in events})
    timed("home", [lambda: pictures.home_chart(ctx, Links(urls.HOME))])

    def strip(page: str, chosen, what: str = "Events"):
        return lambda: pictures.activity_strip(ctx, Links(page), chosen, picture_id="strip", what=what)

    in_year = {y: [e for e in events if e.when.start.year == y] for y in years}
    timed(
        "timeline",
        [strip(urls.TIMELINE, events)]
        + [strip(urls.timeline_year_page(y), in_year[y], f"Events in {y}") for y in years],
    )
    timed("topics", [strip(urls.topic_page(t.id), record.events_of_topic(t.id)) for t in record.topics])
    timed("stories", [strip(urls.story_page(s), record.events_of_story(s)) for s in record.stories])
    timed("actors", [lambda a=a: pictures.actor_sparkline(ctx, a) for a in record.actors])
    timed("day_maps", [lambda d=d: pictures.day_map(ctx, d, basemap) for d in record.days])
    start = time.process_time()
    view = pictures.map_view(ctx, urls.MAP, basemap)
    kinds["map_page"] = {
        "seconds": round(time.process_time() - start, 3),
        "pictures": 1,
        "bytes": len(view.picture.svg) if view.picture else 0,
    }
    if view.picture:
        every.append(view.picture)
    figure = project.templates.get("pages").get_template("_picture.html.j2")
    start = time.process_time()
    placed = sum(len(figure.render(picture=picture)) for picture in every)
    kinds["placing"] = {"seconds": round(time.process_time() - start, 3), "pictures": len(every), "bytes": placed}
    return {
        "kinds": kinds,
        "total_seconds": round(sum(k["seconds"] for k in kinds.values()), 3),
        "frames_drawn": basemap.frames_drawn,
        "days": len(record.days),
        "actors": len(record.actors),
        "events": len(events),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(measure(Path(argv[0]).resolve())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
