"""The benchmark behind `benchmarks/run` (not a test): synthetic corpora built end to end, measured.

    benchmarks/run                                  # 365, 1,000, 3,650 and 10,000 days; blog at 365 and 1,000
    benchmarks/run --days 365 --blog-days 365       # a quick run
    benchmarks/run --pdf-days 0                     # no PDFs (by default: cold and warm up to 365 days)

For each size: `briefing synth` a project under the work folder (default
/tmp/briefing-bench, outside the repository), then measure `briefing check`,
a cold `briefing build` (no PDFs) and, before it, the same cold build with
`extra.briefing.pictures: false` and the pictures drawn alone (what the charts
and maps add), the bare MkDocs + Material floor on the same day pages, a
rebuild with nothing changed, a one-event title edit, a one-event re-dating,
`briefing serve`'s save-to-page latency, the bytes a first search downloads,
and, where asked, the day PDFs cold and warm and the Material blog plugin
building the same days (posts of our day pages, and short posts).  Prints a
Markdown report (with how each figure grows with the record) and writes the
figures as JSON.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import sys
from pathlib import Path

import blog
import edits
import proctree

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
BRIEFING = VENV / "briefing"
PYTHON = VENV / "python"
STEP = Path(__file__).resolve().parent / "step.py"
PICTURES = Path(__file__).resolve().parent / "pictures.py"


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        int(line.split()[1]) // 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_mb": memory,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "load_average_at_start": os.getloadavg(),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def build_step(project: Path, pdf: bool = False) -> tuple[proctree.Measured, dict]:
    command = [str(PYTHON), str(STEP), "build", str(project)] + ([] if pdf else ["--no-pdf"])
    measured = proctree.run(command, cwd=project).check()
    return measured, json.loads(measured.stdout.strip().splitlines()[-1])


def site_stats(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    biggest = max(html, key=lambda p: p.stat().st_size)
    return {
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "html_pages": len(html),
        "biggest_html": biggest.relative_to(site).as_posix(),
        "biggest_html_bytes": biggest.stat().st_size,
    }


def search_mode(project: Path) -> str:
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip().startswith("search:") and "pagefind" in line:
            return "pagefind"
        if line.strip().startswith("search:") and "theme" in line:
            return "theme"
    return "pagefind" if (project / "site" / "pagefind").is_dir() else "theme"


def measure_cold(project: Path, out: dict) -> None:
    check = proctree.run([str(BRIEFING), "check"], cwd=project).check()
    out["check"] = {"seconds": check.wall, "cpu": check.cpu, "peak_rss": check.peak_rss}
    measured, report = build_step(project)
    out["build"] = {
        "seconds": measured.wall,
        "cpu": measured.cpu,
        "peak_rss": measured.peak_rss,
        "peak_pss": measured.peak_pss,
        "timings": report["timings"],
        "pages": report["pages"],
        "events": report["events"],
        "docs_written": len(report["docs_written"]),
        "peak_by_process": measured.peak_by_name,  # RSS bytes by process name (generator/util/fork.py names them)
        "at_peak": measured.at_peak,
    }
    out["site"] = site_stats(project / "site")


def measure_pictures(project: Path, out: dict) -> None:
    """What the pictures add to a cold build: the build without them, then the drawing alone (CPU)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  briefing:\n", "  briefing:\n    pictures: false\n", 1), encoding="utf-8")
    try:
        measured, report = build_step(project)
        out["build_no_pictures"] = {
            "seconds": measured.wall,
            "cpu": measured.cpu,
            "peak_rss": measured.peak_rss,
            "timings": report["timings"],
            "site": site_stats(project / "site"),
        }
    finally:
        config.write_text(text, encoding="utf-8")
        for folder in (project / ".build", project / "site"):
            shutil.rmtree(folder, ignore_errors=True)
    alone = proctree.run([str(PYTHON), str(PICTURES), str(project)], cwd=project).check()
    out["pictures"] = json.loads(alone.stdout.strip().splitlines()[-1])


def measure_incremental(project: Path, out: dict) -> None:
    site = project / "site"
    docs = project / ".build" / "docs"
    before = edits.snapshot(site)
    measured, report = build_step(project)
    after = edits.snapshot(site)
    changes = edits.compare(before, after)
    out["unchanged"] = {
        "seconds": measured.wall,
        "timings": report["timings"],
        "docs_written": report["docs_written"],
        "site_rewritten": len(changes.rewritten),
        "site_changed": changes.changed,
    }
    picked = edits.pick_event(project)
    edits.retitle(picked)
    before = after
    measured, report = build_step(project)
    after = edits.snapshot(site)
    changes = edits.compare(before, after)
    out["edit_title"] = {
        "event": picked.path.relative_to(project).as_posix(),
        "seconds": measured.wall,
        "timings": report["timings"],
        "docs_written": report["docs_written"],
        "site_rewritten": len(changes.rewritten),
        "site_changed": changes.changed,
    }
    picked = edits.pick_event(project, offset=1)
    old_day = picked.day
    new_day = edits.redate(picked)
    before = after
    docs_before = edits.snapshot(docs)
    measured, report = build_step(project)
    after = edits.snapshot(site)
    changes = edits.compare(before, after)
    out["redate"] = {
        "event": picked.path.relative_to(project).as_posix(),
        "from": old_day.isoformat(),
        "to": new_day.isoformat(),
        "seconds": measured.wall,
        "timings": report["timings"],
        "docs_written": report["docs_written"],
        "docs_changed": edits.compare(docs_before, edits.snapshot(docs)).changed,
        "site_rewritten": len(changes.rewritten),
        "site_changed": changes.changed,
    }


def measure_pdf(project: Path, out: dict) -> None:
    measured, report = build_step(project, pdf=True)
    cold = {
        "seconds": measured.wall,
        "cpu": measured.cpu,
        "peak_rss": measured.peak_rss,
        "timings": report["timings"],
        "rendered": len(report["pdf_rendered"]),
    }
    measured, report = build_step(project, pdf=True)
    warm = {
        "seconds": measured.wall,
        "timings": report["timings"],
        "rendered": len(report["pdf_rendered"]),
        "cached": report["pdf_cached"],
    }
    picked = edits.pick_event(project, offset=2)
    edits.retitle(picked, " (PDF check)")
    measured, report = build_step(project, pdf=True)
    edited = {"seconds": measured.wall, "timings": report["timings"], "rendered": report["pdf_rendered"]}
    out["pdf"] = {"cold": cold, "warm": warm, "edit_title": edited}


def measure_blog(project: Path, work: Path, out: dict) -> None:
    """The Material blog plugin on the same days: posts of our day pages' Markdown, and short posts."""
    for kind, name in (("day", "blog"), ("short", "blog_short")):
        blog_project = work / name
        posts = blog.make_blog(project / ".build" / "docs" / "briefings", blog_project, kind)
        measured = blog.build(blog_project, VENV / "mkdocs")
        out[name] = {"posts": posts, "seconds": measured.wall, "cpu": measured.cpu, "peak_rss": measured.peak_rss}
        shutil.rmtree(blog_project)


def measure_floor(project: Path, work: Path, out: dict) -> None:
    """Bare MkDocs + Material on the same day pages: what MkDocs alone costs, measured in the same run."""
    floor_project = work / "floor"
    pages = blog.make_floor(project / ".build" / "docs" / "briefings", floor_project)
    measured = blog.build(floor_project, VENV / "mkdocs")
    out["floor"] = {"pages": pages, "seconds": measured.wall, "cpu": measured.cpu, "peak_rss": measured.peak_rss}
    shutil.rmtree(floor_project)


def bench(days: int, args: argparse.Namespace) -> dict:
    work = args.work / f"{days}-days"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    project = work / "project"
    synth = proctree.run(
        [str(BRIEFING), "synth", "--days", str(days), "--seed", str(args.seed), str(project)], cwd=work
    ).check()
    out: dict = {"days": days, "seed": args.seed, "synth_seconds": synth.wall}
    if not args.no_pictures:
        print(
            f"[{days} days] synthesised in {synth.wall:.1f} s; cold build without pictures ...",
            file=sys.stderr,
            flush=True,
        )
        measure_pictures(project, out)
    print(f"[{days} days] cold build ...", file=sys.stderr, flush=True)
    measure_cold(project, out)
    print(f"[{days} days] bare MkDocs floor ...", file=sys.stderr, flush=True)
    measure_floor(project, work, out)
    mode = search_mode(project)
    if not args.no_browser:
        import search_bytes

        out["search"] = vars(search_bytes.measure(project / "site", mode))
    if days in args.blog_days:
        print(f"[{days} days] blog plugin ...", file=sys.stderr, flush=True)
        measure_blog(project, work, out)
    print(f"[{days} days] incremental ...", file=sys.stderr, flush=True)
    measure_incremental(project, out)
    if not args.no_serve:
        import serve_latency

        print(f"[{days} days] serve ...", file=sys.stderr, flush=True)
        out["serve"] = vars(serve_latency.measure(project, BRIEFING))
    if days <= args.pdf_days:
        print(f"[{days} days] PDFs ...", file=sys.stderr, flush=True)
        measure_pdf(project, out)
    if not args.keep:
        shutil.rmtree(work)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", default="365,1000,3650,10000", help="corpus sizes in days, comma-separated")
    parser.add_argument("--blog-days", default="365,1000", help="sizes also built with the Material blog plugin")
    parser.add_argument(
        "--pdf-days", type=int, default=365, help="measure day PDFs (cold, warm) up to this size (default 365; 0: none)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("/tmp/briefing-bench"),
        help="scratch folder, outside the repository (default /tmp/briefing-bench)",
    )
    parser.add_argument("--json", type=Path, default=None, help="where to write the JSON (default WORK/results.json)")
    parser.add_argument("--keep", action="store_true", help="keep each size's project and site")
    parser.add_argument("--no-serve", action="store_true", help="skip the `briefing serve` latency")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-search bytes (needs chromium)")
    parser.add_argument(
        "--no-pictures", action="store_true", help="skip the cold build without pictures and the pictures drawn alone"
    )
    args = parser.parse_args(argv)
    args.blog_days = {int(d) for d in args.blog_days.split(",") if d}
    sizes = [int(d) for d in args.days.split(",") if d]
    args.work.mkdir(parents=True, exist_ok=True)
    results = {"machine": machine(), "command": "benchmarks/run " + " ".join(argv or sys.argv[1:]), "sizes": []}
    for days in sizes:
        results["sizes"].append(bench(days, args))
        path = args.json or args.work / "results.json"
        path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    import report

    print(report.markdown(results))
    print(f"\nJSON: {args.json or args.work / 'results.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
