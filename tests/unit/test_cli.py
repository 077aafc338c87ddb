"""The `briefing` command around the library: output formats, exit codes, --debug, settings errors, `schema`."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from generator.cli import main
from generator.content.schema import json_schema
from generator.project import Project

GITHUB_COMMAND = re.compile(
    r"^::(?P<level>error|warning) file=(?P<file>[^,:]*),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=(?P<title>[^,:]*)::(?P<message>.*)$"
)


def unescape_property(value: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- --format github ------------------------------------------------------------------


def test_github_format_prints_one_workflow_command_per_problem(copy_case, capsys):
    project = copy_case("many-problems")
    code, out, err = run(capsys, "check", "-f", str(project / "mkdocs.yml"), "--format", "github")
    lines = out.splitlines()
    assert code == 1 and err == ""
    assert lines[-1] == "10 errors, 1 warning in 6 files."
    commands = [GITHUB_COMMAND.match(line) for line in lines[:-1]]
    assert all(commands), lines
    assert [m["level"] for m in commands].count("warning") == 1
    first = commands[0]
    assert (first["file"], first["line"], first["col"]) == ("content/actors/vitali-klitschko.yaml", "4", "1")
    assert first["title"] == "briefing check"
    assert first["message"] == "unknown field 'alias' (did you mean 'aliases'?)"
    assert commands[1]["message"] == "date: 2024-11-05T25:00+02:00: 25:00 is not a time of day"


def test_github_format_escapes_commas_and_colons_in_the_file_name(copy_case, capsys):
    project = copy_case("minimal")
    odd = project / "content/events/2024/11/a,b:c%d.yaml"
    odd.write_text("title: x\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "-f", str(project / "mkdocs.yml"), "--format", "github")
    match = GITHUB_COMMAND.match(out.splitlines()[0])
    assert code == 1 and match, out
    assert match["file"] == "content/events/2024/11/a%2Cb%3Ac%25d.yaml"
    assert unescape_property(match["file"]) == "content/events/2024/11/a,b:c%d.yaml"


def test_no_value_can_forge_a_second_line_or_command(copy_case, capsys):
    project = copy_case("minimal")
    event = project / "content/events/2024/11/kyiv-drones.yaml"
    hostile = '"war\\n::error file=x.yaml::forged\\e[31m"'
    event.write_text(event.read_text().replace("  - war", f"  - {hostile}"), encoding="utf-8")
    for fmt in ("text", "github"):
        code, out, _ = run(capsys, "check", "-f", str(project / "mkdocs.yml"), "--format", fmt)
        assert code == 1
        problem_lines = out.splitlines()[:-1]
        assert len(problem_lines) == 1, out
        assert "\\n::error" in problem_lines[0] and "\\x1b[31m" in problem_lines[0]
        assert "\x1b" not in out


# --- --format json ----------------------------------------------------------------------


def test_json_format_is_one_parseable_document_with_every_problem(copy_case, capsys):
    project = copy_case("many-problems")
    code, out, err = run(capsys, "check", "-f", str(project / "mkdocs.yml"), "--format", "json")
    report = json.loads(out)
    assert code == 1 and err == ""
    assert report["ok"] is False
    assert report["summary"] == "10 errors, 1 warning in 6 files"
    assert report["loaded"] == "2 events, 1 actor, 1 source, 2 topics, 0 stories"
    assert len(report["problems"]) == 11
    assert report["problems"][0] == {
        "file": "content/actors/vitali-klitschko.yaml",
        "line": 4,
        "column": 1,
        "field": "",
        "message": "unknown field 'alias' (did you mean 'aliases'?)",
        "severity": "error",
    }
    assert {p["severity"] for p in report["problems"]} == {"error", "warning"}


def test_json_format_of_a_clean_project_says_ok(copy_case, capsys):
    project = copy_case("minimal")
    code, out, _ = run(capsys, "check", "-f", str(project / "mkdocs.yml"), "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "ok": True,
        "summary": "no problems",
        "loaded": "6 events (1 draft), 3 actors, 2 sources, 2 topics, 1 story, 1 lede, 1 page",
        "problems": [],
    }


def test_json_format_of_a_bad_mkdocs_yml_is_still_json(copy_case, capsys):
    project = copy_case("minimal")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("timezone: Europe/Kyiv", "timezone: Mars/Olympus"))
    code, out, _ = run(capsys, "check", "-f", str(config), "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    assert report["problems"][0]["field"] == "extra.briefing.timezone"


def test_warnings_alone_exit_0_and_are_counted_in_the_summary(copy_case, capsys):
    project = copy_case("empty-summary")
    code, out, _ = run(capsys, "check", "-f", str(project / "mkdocs.yml"))
    assert code == 0
    assert (
        out.splitlines()[-1] == "OK: 1 event, 1 actor, 1 source, 1 topic, 0 stories; no errors (1 warning in 1 file)."
    )


# --- --debug: no traceback unless asked --------------------------------------------------


@pytest.fixture
def broken_check(monkeypatch):
    def explode(project):
        raise RuntimeError("boom")

    monkeypatch.setattr(Project, "check", explode)


def test_an_unexpected_error_prints_one_line_without_debug(copy_case, capsys, broken_check):
    project = copy_case("minimal")
    code, out, err = run(capsys, "check", "-f", str(project / "mkdocs.yml"))
    assert code == 2 and out == ""
    assert err == "briefing: internal error: RuntimeError: boom (run with --debug for the traceback)\n"


@pytest.mark.parametrize("where", ["before the command", "after the command"])
def test_debug_shows_the_traceback(copy_case, capsys, broken_check, where):
    project = copy_case("minimal")
    args = ["check", "-f", str(project / "mkdocs.yml")]
    args = ["--debug", *args] if where == "before the command" else [*args, "--debug"]
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.startswith("Traceback (most recent call last):")
    assert err.rstrip().endswith("RuntimeError: boom")


def test_content_problems_never_show_a_traceback_even_with_debug(copy_case, capsys):
    project = copy_case("many-problems")
    code, out, err = run(capsys, "--debug", "check", "-f", str(project / "mkdocs.yml"))
    assert code == 1 and "Traceback" not in out + err


# --- settings: mkdocs.yml extra.briefing ---------------------------------------------------


def write_config(project, briefing_lines: str) -> str:
    config = project / "mkdocs.yml"
    config.write_text(f"site_name: T\nextra:\n  briefing:\n{briefing_lines}", encoding="utf-8")
    return str(config)


def test_a_bad_timezone_names_the_line_and_column_in_mkdocs_yml(copy_case, capsys):
    config = write_config(copy_case("minimal"), "    timezone: Europe/Kiyv\n")
    code, out, err = run(capsys, "check", "-f", config)
    assert code == 1 and out == ""
    assert err == (
        "mkdocs.yml:4:15: extra.briefing.timezone: unknown time zone 'Europe/Kiyv' (did you mean 'Europe/Kyiv'?); "
        "use an IANA name such as Europe/Kyiv\n"
        "1 error in 1 file; nothing was built.\n"
    )


def test_every_bad_option_is_reported_at_once(copy_case, capsys):
    config = write_config(
        copy_case("minimal"),
        "    timezone: Nowhere\n    key_points: 0x10\n    recent_days: '7'\n    serch: pagefind\n"
        "    pdf:\n      enabled: yes\n      paper: A5\n",
    )
    code, _, err = run(capsys, "check", "-f", config)
    assert code == 1
    assert err.splitlines() == [
        "mkdocs.yml:4:15: extra.briefing.timezone: unknown time zone 'Nowhere'; use an IANA name such as Europe/Kyiv",
        "mkdocs.yml:5:17: extra.briefing.key_points: expected a whole number from 1 to 20, found '0x10'",
        "mkdocs.yml:6:18: extra.briefing.recent_days: expected a whole number from 1 to 60, found '7'",
        "mkdocs.yml:7:5: extra.briefing: unknown field 'serch' (did you mean 'search'?)",
        "mkdocs.yml:9:16: extra.briefing.pdf.enabled: expected true or false, found 'yes'",
        "mkdocs.yml:10:14: extra.briefing.pdf.paper: 'A5' is not one of A4, Letter",
        "6 errors in 1 file; nothing was built.",
    ]


def test_settings_errors_follow_the_github_format_too(copy_case, capsys):
    config = write_config(copy_case("minimal"), "    timezone: Nowhere\n")
    code, _, err = run(capsys, "check", "-f", config, "--format", "github")
    assert code == 1 and GITHUB_COMMAND.match(err.splitlines()[0])


def test_options_are_typed_and_defaulted(copy_case):
    from generator.settings import load_settings

    config = write_config(
        copy_case("minimal"), "    timezone: America/New_York\n    key_points: 3\n    pdf:\n      paper: Letter\n"
    )
    settings = load_settings(config)
    assert settings.timezone_name == "America/New_York"
    assert (settings.key_points, settings.recent_days, settings.search) == (3, 7, "pagefind")
    assert (settings.pdf.enabled, settings.pdf.paper) == (True, "Letter")


def test_mkdocs_tags_belong_to_mkdocs_and_are_accepted(copy_case, capsys):
    project = copy_case("minimal")  # its mkdocs.yml uses !!python/name: for the emoji extension
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "  analytics: !ENV [ANALYTICS_ID, '']\n")
    code, out, _ = run(capsys, "check", "-f", str(config))
    assert code == 0, out


def test_invalid_yaml_in_mkdocs_yml_names_its_position(copy_case, capsys):
    project = copy_case("minimal")
    (project / "mkdocs.yml").write_text("site_name: [Briefing\n")
    code, _, err = run(capsys, "check", "-f", str(project / "mkdocs.yml"))
    assert code == 1
    assert err.splitlines()[0] == (
        "mkdocs.yml:2:1: invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence at line 1, column 12)"
    )


def test_a_missing_mkdocs_yml_is_one_plain_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert code == 1 and out == ""
    assert err == (
        f"briefing: no mkdocs.yml in {tmp_path.resolve()}; "
        "run briefing in the project folder or pass -f path/to/mkdocs.yml\n"
    )
    code, _, err = run(capsys, "check", "-f", "nowhere/mkdocs.yml")
    assert code == 1 and err == "briefing: nowhere/mkdocs.yml: no such file\n"


def test_a_project_without_content_is_one_problem(copy_case, capsys):
    project = copy_case("minimal")
    import shutil

    shutil.rmtree(project / "content")
    code, out, _ = run(capsys, "check", "-f", str(project / "mkdocs.yml"))
    assert code == 1
    assert out == "content:1:1: no content/ folder beside mkdocs.yml\n1 error in 1 file.\n"


# --- briefing schema ---------------------------------------------------------------------------


def test_schema_prints_a_valid_json_schema(capsys):
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    jsonschema.Draft202012Validator.check_schema(schema)
    assert sorted(schema["$defs"]) == ["actor", "event", "source", "story", "topics"]
    assert schema == json_schema()  # what the tests validate files with


@pytest.mark.parametrize("kind", ["event", "actor", "source", "topics", "story"])
def test_schema_of_one_kind_is_a_valid_json_schema(capsys, kind):
    code, out, _ = run(capsys, "schema", kind)
    schema = json.loads(out)
    assert code == 0
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(f"/{kind}.json")
