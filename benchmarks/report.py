"""The benchmark's figures as Markdown tables (the JSON holds everything; these are what docs quote).

.venv/bin/python benchmarks/report.py RESULTS.json     # print the tables of an earlier run again
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

MB = 1024 * 1024


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _mb(value: int | None) -> str:
    return "–" if value is None else f"{value / MB:.0f} MB" if value >= 10 * MB else f"{value / MB:.1f} MB"


def _kb(value: int | None) -> str:
    return "–" if value is None else f"{value / 1024:.0f} KB" if value < MB else _mb(value)


def machine_line(machine: dict) -> str:
    load = ", ".join(f"{x:.1f}" for x in machine.get("load_average_at_start", ()))
    return (
        f"{machine['cpu']}, {machine['cores']} cores, {machine['memory_mb']:,} MB RAM, Python "
        f"{machine['python']}, {machine['system']}; {machine['date']}; load average at start {load}"
    )


def build_table(sizes: list[dict]) -> str:
    rows = [
        "| days | events | pages | check s | generate s | MkDocs s | Pagefind s (beside MkDocs) | total build s "
        "| peak RSS (tree) | peak PSS (tree) | output | files | biggest page | first search |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        build, site, timings = size["build"], size["site"], size["build"]["timings"]
        search = size.get("search") or {}
        rows.append(
            f"| {size['days']:,} | {build['events']:,} | {build['pages']:,} | {_s(size['check']['seconds'])} "
            f"| {_s(timings.get('generate'))} | {_s(timings.get('mkdocs'))} | {_s(timings.get('search'))} "
            f"| {_s(build['seconds'])} | {_mb(build['peak_rss'])} | {_mb(build.get('peak_pss'))} "
            f"| {_mb(site['bytes'])} | {site['files']:,} | {_kb(site['biggest_html_bytes'])} "
            f"| {_kb(search.get('bytes'))} ({search.get('mode', '?')}) |"
        )
    return "\n".join(rows)


def incremental_table(sizes: list[dict]) -> str:
    rows = [
        "| days | case | build s | generate s | MkDocs s | docs files written | site files rewritten "
        "| site files changed |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        for case in ("unchanged", "edit_title", "redate"):
            c = size.get(case)
            if not c:
                continue
            rows.append(
                f"| {size['days']:,} | {case.replace('_', ' ')} | {_s(c['seconds'])} "
                f"| {_s(c['timings'].get('generate'))} | {_s(c['timings'].get('mkdocs'))} "
                f"| {len(c['docs_written'])} | {c['site_rewritten']:,} | {len(c['site_changed']):,} |"
            )
    return "\n".join(rows)


def floor_table(sizes: list[dict]) -> str:
    rows = [
        "| days | day pages | bare MkDocs + Material s | its peak RSS | our build s (no PDF) | our peak RSS "
        "| ours ÷ floor |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        f = size.get("floor")
        if not f:
            continue
        ours = size["build"]["seconds"]
        rows.append(
            f"| {size['days']:,} | {f['pages']:,} | {_s(f['seconds'])} | {_mb(f['peak_rss'])} | {_s(ours)} "
            f"| {_mb(size['build']['peak_rss'])} | {ours / f['seconds']:.2f}× |"
        )
    return "\n".join(rows)


def blog_table(sizes: list[dict]) -> str:
    rows = [
        "| days | posts | blog plugin s | blog peak RSS | our build s (no PDF) | our peak RSS | blog ÷ ours |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        ours = size["build"]["seconds"]  # `briefing build` checks the content as it loads it
        for name, label in (("blog", "our day pages' Markdown"), ("blog_short", "about 900 words")):
            b = size.get(name)
            if b:
                rows.append(
                    f"| {size['days']:,} | {label} | {_s(b['seconds'])} | {_mb(b['peak_rss'])} | {_s(ours)} "
                    f"| {_mb(size['build']['peak_rss'])} | {b['seconds'] / ours:.1f}× |"
                )
    return "\n".join(rows)


# What grows with the record, and how: each figure of one size against the same figure of the size before.
GROWTH = (
    ("check s", lambda s: s["check"]["seconds"]),
    ("generate s", lambda s: s["build"]["timings"].get("generate")),
    ("MkDocs s", lambda s: s["build"]["timings"].get("mkdocs")),
    ("cold build s", lambda s: s["build"]["seconds"]),
    ("peak RSS", lambda s: s["build"]["peak_rss"]),
    ("rebuild after a title edit s", lambda s: (s.get("edit_title") or {}).get("seconds")),
    ("serve: save → page s", lambda s: (s.get("serve") or {}).get("seconds")),
)


def exponent(before: float | None, after: float | None, ratio: float) -> str:
    """How a figure grows against the record: 1.00 is in proportion, below 1 slower, above 1 faster."""
    if not before or not after or ratio <= 1:
        return "–"
    return f"{math.log(after / before) / math.log(ratio):.2f}"


def growth_table(sizes: list[dict]) -> str:
    """Each figure's growth exponent between consecutive sizes (figure ∝ events^k)."""
    header = "| from → to (days) | events × | " + " | ".join(f"{name} k" for name, _ in GROWTH) + " |"
    rows = [header, "|---|---:|" + "---:|" * len(GROWTH)]
    for before, after in zip(sizes, sizes[1:], strict=False):
        ratio = after["build"]["events"] / before["build"]["events"]
        cells = [exponent(get(before), get(after), ratio) for _, get in GROWTH]
        rows.append(f"| {before['days']:,} → {after['days']:,} | {ratio:.2f} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def other_table(sizes: list[dict]) -> str:
    rows = [
        "| days | serve: first build s | serve: save → page s | PDF cold s (rendered) | PDF warm s "
        "| PDFs re-rendered after a title edit |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        serve = size.get("serve") or {}
        pdf = size.get("pdf") or {}
        cold, warm, edited = pdf.get("cold", {}), pdf.get("warm", {}), pdf.get("edit_title", {})
        cold_text = f"{_s(cold['timings'].get('pdf'))} ({cold['rendered']})" if cold else "not run"
        warm_text = _s(warm["timings"].get("pdf")) if warm else "not run"
        edited_text = ", ".join(edited.get("rendered", [])) or "none" if edited else "not run"
        rows.append(
            f"| {size['days']:,} | {_s(serve.get('first_build'))} | {_s(serve.get('seconds'))} "
            f"| {cold_text} | {warm_text} | {edited_text} |"
        )
    return "\n".join(rows)


def pictures_table(sizes: list[dict]) -> str:
    rows = [
        "| days | cold build s, with pictures | without | added | added % | CPU s, with | without | added % "
        "| drawing and placing alone, CPU s (one core) | of which day maps | actor sparklines | frames drawn "
        "| SVG bytes | site bytes added |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        off, alone = size.get("build_no_pictures"), size.get("pictures")
        if not off or not alone:
            continue
        on = size["build"]["seconds"]
        added = on - off["seconds"]
        kinds = alone["kinds"]
        svg = sum(k["bytes"] for name, k in kinds.items() if name != "placing")  # placing: the figures' bytes
        share = 100 * added / off["seconds"]
        cpu_on, cpu_off = size["build"].get("cpu"), off.get("cpu")
        cpu = (
            f"| {_s(cpu_on)} | {_s(cpu_off)} | {100 * (cpu_on - cpu_off) / cpu_off:+.1f} % "
            if cpu_on and cpu_off
            else "| | | "
        )
        rows.append(
            f"| {size['days']:,} | {_s(on)} | {_s(off['seconds'])} | {added:+.1f} | {share:+.1f} % {cpu}"
            f"| {_s(alone['total_seconds'])} | {_s(kinds['day_maps']['seconds'])} | {_s(kinds['actors']['seconds'])} "
            f"| {alone['frames_drawn']:,} | {_mb(svg)} | {_mb(size['site']['bytes'] - off['site']['bytes'])} |"
        )
    return "\n".join(rows)


def memory_table(sizes: list[dict]) -> str:
    """The cold build's memory by process: what each held when the tree peaked, and its own peak."""
    rows = ["| days | process | RSS when the tree peaked | its own peak RSS |", "|---:|---|---:|---:|"]
    for size in sizes:
        at_peak, own = size["build"].get("at_peak") or {}, size["build"].get("peak_by_process") or {}
        for name in sorted(own, key=lambda n: -own[n]):
            rows.append(f"| {size['days']:,} | {name} | {_mb(at_peak.get(name, 0))} | {_mb(own[name])} |")
    return "\n".join(rows)


def markdown(results: dict) -> str:
    sizes = results["sizes"]
    parts = [
        f"Machine: {machine_line(results['machine'])}.",
        f"Command: `{results['command'].strip()}`",
        "### Full build (cold: no .build/ and no site/ before it; no PDFs)",
        build_table(sizes),
        "### Memory of the cold build by process (RSS: a forked worker's shared pages count in both)",
        memory_table(sizes),
        "### What the pictures add (the cold build without them: `extra.briefing.pictures: false`)",
        pictures_table(sizes),
        "### Incremental rebuilds (`briefing build` again after the cold build)",
        incremental_table(sizes),
    ]
    if any(s.get("floor") for s in sizes):
        parts += ["### Against bare MkDocs + Material (the same day pages, built in the same run)", floor_table(sizes)]
    if any(s.get("blog") or s.get("blog_short") for s in sizes):
        title = "### Against the Material blog plugin (same days, one post per day)"
        parts += [title, blog_table(sizes)]
    if len(sizes) > 1:
        parts += [
            "### Growth (each figure ∝ events^k between two sizes: k = 1 grows with the record)",
            growth_table(sizes),
        ]
    parts += ["### Preview and PDFs", other_table(sizes)]
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    print(markdown(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))))
