"""The `briefing` command: thin sub-commands over the library.

Each command parses its arguments, calls the library, prints, and returns an
exit code: 0 success, 1 problems an editor can fix, 2 wrong usage or a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator import __version__
from generator.errors import BriefingError, ContentError, Problem, errors_only, summary_line

if TYPE_CHECKING:
    from generator.project import Project
    from generator.settings import Settings

Handler = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Command:
    help: str
    run: Handler
    arguments: Arguments


COMMANDS: dict[str, Command] = {}


def register(name: str, help: str, run: Handler, arguments: Arguments) -> None:
    COMMANDS[name] = Command(help, run, arguments)


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        default=None,
        help="the project's mkdocs.yml (default: ./mkdocs.yml); content/ is beside it",
    )


def project_from(args: argparse.Namespace, *, drafts: bool = False) -> Project:
    """The project of the command's mkdocs.yml (imported here: `briefing build` may hand its build to the
    daemon before the stages are imported at all)."""
    from generator.project import Project

    return Project.load(args.config_file, drafts=drafts)


def print_problems(problems: list[Problem], fmt: str = "text", stream=None) -> None:
    stream = stream or sys.stdout
    for problem in problems:
        print(problem.format_github() if fmt == "github" else problem.format(), file=stream)


# --- check ------------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    from generator.site.produce import calm_collector

    project = project_from(args)
    calm_collector()  # tens of thousands of files make millions of objects and no garbage cycles
    result = project.check()
    problems, errors = result.problems, result.errors
    if args.format == "json":
        print(
            json.dumps(
                {
                    "ok": not errors,
                    "summary": summary_line(problems) if problems else "no problems",
                    "loaded": result.counts(),
                    "problems": [p.as_json() for p in problems],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 1 if errors else 0
    print_problems(problems, args.format)
    if errors:
        print(f"{summary_line(problems)}.")
        return 1
    warned = f" ({summary_line(problems)})" if problems else ""
    print(f"OK: {result.counts()}; no errors{warned}.")
    return 0


def check_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (file:line:col: field: message), json, or github (workflow annotations)",
    )


register("check", "check every content file and report all problems at once", run_check, check_arguments)


# --- schema -----------------------------------------------------------------


def run_schema(args: argparse.Namespace) -> int:
    from generator.content.schema import json_schema

    print(json.dumps(json_schema(None if args.kind == "all" else args.kind), indent=2, ensure_ascii=False))
    return 0


def schema_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind",
        nargs="?",
        default="all",
        choices=("all", "event", "actor", "source", "topics", "story"),
        help="one file kind, or all of them under $defs (default)",
    )


register("schema", "print the JSON Schema of the content files", run_schema, schema_arguments)


# --- new --------------------------------------------------------------------


def run_new(args: argparse.Namespace) -> int:
    from generator.editorial.new import write_skeleton

    project = project_from(args)
    settings = project.settings
    path = write_skeleton(
        settings,
        args.kind,
        args.title,
        ident=args.id,
        day=args.date,
        kind_of_actor=args.actor_kind,
        source=args.source,
        topic=args.topic,
        publisher=args.publisher,
        url=args.url,
        actors=args.actor or (),
    )
    print(settings.rel(path))
    return 0


def new_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument("kind", choices=("event", "actor", "source"))
    parser.add_argument("title", help="the event's title, the actor's name or the source's title")
    parser.add_argument("--id", help="id (file name) to use instead of one made from the title")
    parser.add_argument(
        "--date", help="the event's date, or the source's publication date (default: today in the site's time zone)"
    )
    parser.add_argument(
        "--actor-kind", choices=("person", "organization", "state", "group"), default=None, dest="actor_kind"
    )
    parser.add_argument("--source", help="source id the new event cites (default: the newest source)")
    parser.add_argument("--topic", help="topic id of the new event (default: the first topic)")
    parser.add_argument(
        "--actor", action="append", metavar="ID", help="actor id who takes part in the new event (again for each actor)"
    )
    parser.add_argument("--publisher", help="who published the new source (required for a source)")
    parser.add_argument("--url", help="web address of the new source")


register("new", "write a new event, actor or source file in the right place", run_new, new_arguments)


# --- find -------------------------------------------------------------------


def run_find(args: argparse.Namespace) -> int:
    from generator.content.files import read_content
    from generator.editorial.find import find_events, listing

    project = project_from(args)
    found = find_events(read_content(project.settings.root, project.content_cache), args.words)
    for line in listing(found):
        print(line)
    asked = " ".join(args.words)
    if not found:
        print(f"No event mentions all of: {asked}")
        return 1
    print(f"{len(found)} event{'s' if len(found) != 1 else ''} mention{'s' if len(found) == 1 else ''} {asked}")
    return 0


def find_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument(
        "words",
        metavar="WORD",
        nargs="+",
        help="words every event listed mentions (in its text, or the names of its actors, "
        "topics, story and sources; letter case and accents do not matter)",
    )


register("find", "list the events that mention every word given: date, id, title and file", run_find, find_arguments)


# --- diff -------------------------------------------------------------------


def run_diff(args: argparse.Namespace) -> int:
    from generator.editorial.diff import review_summary
    from generator.settings import find_config

    # Only the place of mkdocs.yml is taken from the working tree: each revision's
    # own mkdocs.yml is read, so a broken one is reported in the summary.
    summary, readable = review_summary(find_config(args.config_file), args.base, args.head, args.format)
    print(summary, end="")
    return 0 if readable else 1


def diff_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument("base", metavar="BASE", help="git revision to compare with: a branch, tag or commit (main)")
    parser.add_argument(
        "head",
        metavar="HEAD",
        nargs="?",
        default=None,
        help="git revision with the changes (default: the working tree, as it is on disk)",
    )
    parser.add_argument(
        "--format",
        choices=("markdown", "github"),
        default="markdown",
        help="markdown (the review summary) or github (its ⚠ warnings as workflow annotations)",
    )


register(
    "diff",
    "summarise in Markdown what changes in the published record between two git revisions",
    run_diff,
    diff_arguments,
)


# --- build, serve -------------------------------------------------------------


def run_build(args: argparse.Namespace) -> int:
    from generator.project import Project
    from generator.settings import load_settings

    settings = load_settings(args.config_file)
    if not args.no_daemon:
        code = _build_by_daemon(settings, args)
        if code is not None:
            return code
    return build_and_say(Project.of(settings, drafts=args.drafts), no_pdf=args.no_pdf)


def _build_by_daemon(settings: Settings, args: argparse.Namespace) -> int | None:
    """The exit code of the build the project's daemon made, or None: no daemon, or one that would not build."""
    from generator.daemon import client

    request = {
        "config": str(settings.config_file),
        "drafts": args.drafts,
        "no_pdf": args.no_pdf,
        "debug": args.debug,
    }
    answer = client.ask(settings, request, sys.stdout, sys.stderr)
    if answer is None:
        return None
    if answer.refused is not None:
        print(f"briefing: {answer.refused}; building in this process", file=sys.stderr)
        return None
    return answer.code


def build_and_say(project: Project, *, no_pdf: bool, keep: bool = False) -> int:
    """Build ``project`` (`briefing build`) and say what was made; ``keep``: the project lives on (the daemon)."""
    from generator.pipeline import build

    settings = project.settings
    report = build(project, pdf=False if no_pdf else None, keep=keep)
    generated = report.generated
    print_problems(generated.warnings, stream=sys.stderr)
    written = generated.report
    print(
        f"Generated {len(generated.pages)} pages from {generated.events} events "
        f"({len(written.written)} files written, {len(written.deleted)} removed) "
        f"in {report.timings['generate']:.2f} s"
    )
    if report.briefs is not None:
        briefs = report.briefs
        for warning in briefs.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(
            f"Made {len(briefs.files)} PDF briefs ({len(briefs.rendered)} rendered, {briefs.cached} from cache) "
            f"in {report.timings['pdf']:.2f} s"
        )
    unchanged = f" ({report.left_out} pages as the last build left them)" if report.left_out else ""
    print(f"Built {settings.rel(settings.site_dir)}/ with MkDocs in {report.timings['mkdocs']:.2f} s{unchanged}")
    return 0


def build_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument(
        "--no-pdf", action="store_true", help="skip the PDF briefs of the days (also: extra.briefing.pdf.enabled)"
    )
    parser.add_argument(
        "--no-daemon",
        action="store_true",
        help="build in this process even when `briefing daemon` runs for the project",
    )
    add_drafts_option(parser)


def add_drafts_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--drafts",
        action="store_true",
        help="a preview with the drafts too, each marked DRAFT (never in feeds or data files); not for publishing",
    )


register("build", "check, generate the pages and build the site into site/", run_build, build_arguments)


# --- pdf --------------------------------------------------------------------


def run_pdf(args: argparse.Namespace) -> int:
    from pathlib import Path

    from generator.pdf.write import write_brief

    project = project_from(args)
    record, _ = project.load_record()
    output = Path(args.output) if args.output else None
    path, report = write_brief(
        project.settings,
        record,
        output,
        templates=project.templates,
        basemap=project.basemap,
        day=args.date,
        first=args.first,
        last=args.last,
        actor=args.actor,
    )
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    cwd = Path.cwd().resolve()
    path = path.resolve()
    print(path.relative_to(cwd) if path.is_relative_to(cwd) else path)
    return 0


def pdf_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument("date", metavar="DATE", nargs="?", help="the day to print (YYYY-MM-DD)")
    parser.add_argument("--from", dest="first", metavar="DATE", help="first day of a period brief")
    parser.add_argument("--to", dest="last", metavar="DATE", help="last day of a period brief")
    parser.add_argument("--actor", metavar="ID", help="an actor's dossier: profile, every event and claim")
    parser.add_argument("-o", "--output", metavar="FILE", help="where to write the PDF (default: site/pdf/...)")


register("pdf", "make a printable PDF brief of a day, a period or an actor into site/pdf/", run_pdf, pdf_arguments)


def run_serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    serve(project_from(args, drafts=args.drafts), args.dev_addr, open_browser=args.open)
    return 0


def serve_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument(
        "-a",
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="IP:PORT",
        help="address to serve on (default 127.0.0.1:8000)",
    )
    parser.add_argument("-o", "--open", action="store_true", help="open the site in a browser")
    add_drafts_option(parser)


register(
    "serve", "preview the site, rebuilding when content/, templates/ or mkdocs.yml change", run_serve, serve_arguments
)


# --- daemon -------------------------------------------------------------------


def run_daemon(args: argparse.Namespace) -> int:
    from generator.daemon import client

    if not client.supported():
        raise BriefingError("the build daemon needs Unix sockets, which this system does not have")
    project = project_from(args)
    settings = project.settings
    if args.stop or args.status:
        answer = client.ask(settings, {"op": "stop" if args.stop else "status"}, sys.stdout, sys.stderr)
        if answer is None:
            print(f"no build daemon runs for {settings.root}", file=sys.stderr)
            return 1
        if answer.status is not None:
            status = answer.status
            print(f"a build daemon runs for {settings.root}: pid {status['pid']}, {status['builds']} builds made")
        else:
            print(f"stopped the build daemon of {settings.root}")
        return 0

    from generator.daemon.keeper import Keeper, serve_builds

    serve_builds(
        Keeper(settings.config_file, daemon_build), settings, lambda text: print(text, flush=True), idle=args.idle
    )
    return 0


def daemon_build(kept: Project, request: dict) -> int:
    """A build the daemon makes for `briefing build` (``request``: its options), said as that command says it."""
    return guarded(
        lambda: build_and_say(kept, no_pdf=bool(request.get("no_pdf")), keep=True),
        debug=bool(request.get("debug")),
        interrupt=False,
    )


def daemon_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument(
        "--idle",
        type=float,
        default=60.0,
        metavar="MINUTES",
        help="stop after this many minutes without a build (default 60; 0: never)",
    )
    parser.add_argument("--stop", action="store_true", help="stop the build daemon of the project")
    parser.add_argument("--status", action="store_true", help="say whether a build daemon runs for the project")


register(
    "daemon",
    "keep the project in memory between builds: `briefing build` asks it, and an edit's rebuild takes seconds",
    run_daemon,
    daemon_arguments,
)


# --- export -------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from generator.exports.formats import export

    project = project_from(args)
    record, warnings = project.load_record()
    print_problems(warnings, stream=sys.stderr)
    data = export(args.format, record, project.settings, project.templates)
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    path = Path(args.output)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise BriefingError(f"{args.output}: cannot write the export ({exc.strerror or exc})") from None
    print(args.output)
    return 0


def export_arguments(parser: argparse.ArgumentParser) -> None:
    from generator.exports.formats import FORMATS

    add_config_option(parser)
    parser.add_argument(
        "format",
        metavar="FORMAT",
        choices=tuple(FORMATS),
        help="one of " + ", ".join(f"{name} ({fmt.path})" for name, fmt in FORMATS.items()),
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


register(
    "export",
    "print a feed or data file of the published record (the ones the build puts in site/feeds and site/data)",
    run_export,
    export_arguments,
)

# --- ingest -------------------------------------------------------------------


def run_ingest(args: argparse.Namespace) -> int:
    from pathlib import Path

    from generator.ingest import ingest
    from generator.ingest.report import as_json, as_text

    project = project_from(args)
    try:
        report = ingest(
            project,
            Path(args.file),
            published=args.published,
            source=args.source,
            url=args.url,
            publisher=args.publisher,
            dry_run=args.dry_run,
            new_actors=args.new_actors,
        )
    except ContentError as exc:  # drafts are checked against the record, so it must be clean first
        errors = errors_only(exc.problems)
        print_problems(errors, stream=sys.stderr)
        print(f"{summary_line(errors)}; fix them first (nothing was written).", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(as_json(report), ensure_ascii=False, indent=2))
    else:
        print(as_text(report), end="")
    return 0


def ingest_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_option(parser)
    parser.add_argument("file", metavar="FILE", help="a saved web page (.html) or plain text, one paragraph a line")
    parser.add_argument(
        "--published",
        metavar="DATE",
        help="when the document was published: 2024-11-05 or 2024-11-05T09:30[+02:00] (required for plain text)",
    )
    parser.add_argument("--source", metavar="ID", help="cite this existing source instead of writing one")
    parser.add_argument("--url", metavar="URL", help="the document's address (default: the page's canonical link)")
    parser.add_argument("--publisher", metavar="NAME", help="who published it (default: from the page)")
    parser.add_argument(
        "--new-actors",
        action="store_true",
        dest="new_actors",
        help="also write the proposed new actors as files to complete",
    )
    parser.add_argument(
        "--dry-run", action="store_true", dest="dry_run", help="report what would be written; write nothing"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="the report: text (default) or json")


register(
    "ingest",
    "turn a saved page or text into draft events to check (status: draft; nothing is published)",
    run_ingest,
    ingest_arguments,
)

# --- synth --------------------------------------------------------------------


def run_synth(args: argparse.Namespace) -> int:
    from datetime import date
    from pathlib import Path

    from generator.editorial.synth import synthesize

    try:
        start = date.fromisoformat(args.start)
    except ValueError:
        raise BriefingError(f"--start: '{args.start}' is not a day (YYYY-MM-DD)") from None
    count = synthesize(args.days, args.seed, Path(args.out), start)
    print(f"Wrote {count} files for {args.days} days (seed {args.seed}) into {args.out}")
    return 0


def synth_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="folder to write the project into (new or empty)")
    parser.add_argument("--days", type=int, default=365, help="days of briefings (default 365)")
    parser.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same files")
    parser.add_argument("--start", default="2015-01-01", help="first day, YYYY-MM-DD (default 2015-01-01)")


register(
    "synth",
    "write a synthetic project of N days of events, for benchmarks and scale tests",
    run_synth,
    synth_arguments,
)

# --- entry point ------------------------------------------------------------


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Build briefing pages, actor profiles and a timeline from the curated YAML in content/.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, cmd in COMMANDS.items():
        command = sub.add_parser(name, help=cmd.help, description=cmd.help)
        # Also after the command (`briefing check --debug`); SUPPRESS keeps a
        # --debug given before the command from being reset to False.
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        cmd.arguments(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    whole_process = argv is None  # the `briefing` command itself, not a caller in the same process
    args = make_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    code = _run(args)
    if whole_process and args.command in ("serve", "daemon"):
        _leave(code)
    return code


def _leave(code: int) -> None:
    """End the process now, without Python freeing each of its objects first.

    A preview or a build daemon holds the record (a gigabyte of objects at ten years): freeing them one by one
    kept the terminal waiting 8 s after Ctrl+C at 3,650 days, with nothing left to do.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone, or a stream closed: nothing more to say
            stream.flush()
    os._exit(code)


def _run(args: argparse.Namespace) -> int:
    return guarded(lambda: COMMANDS[args.command].run(args), debug=args.debug, fmt=getattr(args, "format", None))


def guarded(run: Callable[[], int], *, debug: bool, fmt: str | None = None, interrupt: bool = True) -> int:
    """The exit code of ``run``, with what went wrong said as the command says it: never a traceback unless
    ``debug``.  ``fmt``: the command's --format, for a bad mkdocs.yml; ``interrupt``: Ctrl+C is an exit code
    (not in the build daemon, which it stops)."""
    try:
        return run()
    except ContentError as exc:
        if fmt == "json":  # a bad mkdocs.yml: still one JSON document, as a tool reading stdout expects
            print(
                json.dumps(
                    {
                        "ok": False,
                        "summary": summary_line(exc.problems),
                        "loaded": "nothing",
                        "problems": [p.as_json() for p in exc.problems],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return 1
        fmt = "github" if fmt == "github" else "text"
        print_problems(exc.problems, fmt, sys.stderr)
        if errors_only(exc.problems):
            print(f"{summary_line(exc.problems)}; nothing was built.", file=sys.stderr)
        return 1
    except BriefingError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if not interrupt:
            raise
        return 130
    except BrokenPipeError:
        # The reader went away (`briefing check | head`): not an error of ours; keep Python quiet at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # a bug: say so plainly, and show the traceback only when asked
        if debug:
            traceback.print_exc()
        else:
            print(
                f"briefing: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
                file=sys.stderr,
            )
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
