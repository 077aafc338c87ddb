"""`briefing check --format github`: each problem is one valid workflow command on the right file, line and column.

GitHub turns a line ``::error file=F,line=L,col=C,title=T::MESSAGE`` printed by
a step into an annotation on that line of the pull request.  A message that
quotes editor text must not break the command or forge a second one.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.cli import main

PROJECT = {
    "mkdocs.yml": "site_name: Test\nsite_url: https://example.org/\n",
    "content/topics.yaml": "- id: war\n  title: War\n",
    "content/actors/vitali-klitschko.yaml": "name: Vitali Klitschko\n",
    "content/sources/kyiv-live.yaml": "title: Kyiv live\npublisher: The Kyiv Independent\n",
    "content/events/2024/11/kyiv-drones.yaml": (
        "title: Drones shot down over Kyiv\n"
        "date: 2024-11-05\n"
        "summary: Air defence shot down drones over the capital.\n"
        "topics: [war]\n"
        "actors: [klitchko]\n"
        "sources: [kyiv-live]\n"
    ),
}

# ::command key=value,key=value::data — as the runner parses it.
COMMAND = re.compile(r"^::(?P<command>error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)$")


def unescape_property(value: str) -> str:
    for escaped, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(escaped, char)
    return value


def parse_command(line: str) -> dict[str, str]:
    match = COMMAND.match(line)
    assert match, f"not a workflow command: {line!r}"
    props = {}
    for pair in match["props"].split(","):
        key, sep, value = pair.partition("=")
        assert sep and key in {"file", "line", "col", "endLine", "endColumn", "title"}, pair
        assert not re.search(r"%(?!25|0D|0A|3A|2C)", value), f"unescaped % in {pair!r}"
        props[key] = unescape_property(value)
    return {"command": match["command"], "data": match["data"], **props}


def write_project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "mkdocs.yml"


def test_github_format_is_a_workflow_command_on_the_right_file_line_and_column(tmp_path, capsys):
    config = write_project(tmp_path, PROJECT)
    assert main(["check", "--format", "github", "-f", str(config)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "1 error in 1 file."
    command = parse_command(lines[0])
    assert command == {
        "command": "error",
        "file": "content/events/2024/11/kyiv-drones.yaml",
        "line": "5",
        "col": "10",
        "title": "briefing check",
        "data": "actors[0]: unknown actor 'klitchko' (did you mean 'vitali-klitschko'?)",
    }


def test_editor_text_in_a_message_cannot_forge_another_command(tmp_path, capsys):
    hostile = 'status: "draft\\n::error file=README.md,line=1::forged"\n'
    files = {
        **PROJECT,
        "content/events/2024/11/kyiv-drones.yaml": PROJECT["content/events/2024/11/kyiv-drones.yaml"].replace(
            "actors: [klitchko]\n", ""
        )
        + hostile,
    }
    config = write_project(tmp_path, files)
    assert main(["check", "--format", "github", "-f", str(config)]) == 1
    lines = capsys.readouterr().out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 1, lines
    command = parse_command(commands[0])
    assert (command["file"], command["line"], command["col"]) == ("content/events/2024/11/kyiv-drones.yaml", "6", "9")
    # The line break is shown (as \n or %0A), never written: the forged command stays inside the message.
    assert re.search(r"draft(\\n|%0A)::error file=README.md,line=1::forged", command["data"]), command["data"]
