"""`briefing daemon`: the builds it makes for `briefing build` give the site, the words and the exit code a
build in the command's own process gives.

The first test keeps one daemon's project (in this process, without the socket) through a sequence of edits,
as a daemon serves an editor's afternoon, and compares its site/ after each with a build from scratch of the
same content, byte for byte.  The others run the real commands in processes of their own: the daemon, and
`briefing build` asking it over its socket.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from generator import cli
from generator.daemon import client
from generator.daemon.keeper import Keeper
from generator.editorial.synth import synthesize
from generator.errors import BriefingError
from generator.project import Project
from tests.conftest import REPO
from tests.e2e.test_incremental_site import DAYS, EDITS, SEED, build_project, different, two_cores  # noqa: F401

# The kinds of edit an editor makes in a day, in the order they are made; after the fourth, a build in a
# process of its own (`--no-daemon`) comes between two of the daemon's, which must then start from the files.
SEQUENCE = ["retitle", "redate", "add_event", "remove_event", "rename_actor", "rename_with_redirect", "add_lede"]
OTHER_BUILD_AFTER = "remove_event"


def ask(keeper: Keeper, config: Path, **options) -> dict:
    out, err = io.StringIO(), io.StringIO()
    said = keeper.answer({"code": client.code_version(), "config": str(config), "no_pdf": True, **options}, out, err)
    return {**said, "out": out.getvalue(), "err": err.getvalue()}


def test_the_daemons_builds_after_each_edit_give_the_site_a_build_from_scratch_gives(tmp_path, monkeypatch, two_cores):  # noqa: F811
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730800000")
    project = tmp_path / "project"
    synthesize(DAYS, SEED, project)
    config = Project.load(project / "mkdocs.yml").settings.config_file
    keeper = Keeper(config, cli.daemon_build)
    first = ask(keeper, config)
    assert first["exit"] == 0 and "Generated" in first["out"], first["err"]
    kept = keeper.project
    for done, edit in enumerate(SEQUENCE, 1):
        EDITS[edit](project)
        said = ask(keeper, config)
        assert said["exit"] == 0, said["err"]
        assert "pages as the last build left them" in said["out"], "MkDocs was not spared the unchanged pages"
        if edit == OTHER_BUILD_AFTER:
            build_project(project)  # --no-daemon: the daemon's project no longer describes the site
        elif SEQUENCE.index(edit) < SEQUENCE.index(OTHER_BUILD_AFTER):
            assert keeper.project is kept, f"after {edit}: the daemon read everything again"

        fresh = tmp_path / f"fresh-{done}"
        synthesize(DAYS, SEED, fresh)
        for earlier in SEQUENCE[:done]:
            EDITS[earlier](fresh)
        monkeypatch.setenv("BRIEFING_PARALLEL", "0")
        build_project(fresh)
        monkeypatch.delenv("BRIEFING_PARALLEL")
        assert different(project / "site", fresh / "site") == [], f"after {SEQUENCE[:done]}"
    assert keeper.project is not kept, "a build by another process went unnoticed"
    builds_of_kept = 1 + SEQUENCE.index(OTHER_BUILD_AFTER) + 1
    assert kept.mkdocs_files.made < builds_of_kept, "MkDocs' list of files was made again for every build"
    keeper.close()
    assert (project / ".build" / "cache" / "pages.pickle").is_file(), "the page plan was not written at the end"


def test_a_daemon_refuses_a_command_of_other_code_or_another_config(tmp_path):
    project = tmp_path / "project"
    synthesize(2, SEED, project)
    config = Project.load(project / "mkdocs.yml").settings.config_file
    keeper = Keeper(config, cli.daemon_build)
    assert "runs other code" in ask(keeper, config, code="other")["refused"]
    assert "builds with" in ask(keeper, config.with_name("other.yml"))["refused"]
    assert keeper.builds == 0


def test_a_build_with_drafts_is_made_from_a_project_of_its_own(tmp_path):
    project = tmp_path / "project"
    synthesize(2, SEED, project)
    config = Project.load(project / "mkdocs.yml").settings.config_file
    keeper = Keeper(config, cli.daemon_build)
    assert ask(keeper, config)["exit"] == 0
    published = keeper.project
    assert ask(keeper, config, drafts=True)["exit"] == 0
    assert keeper.project is not published and keeper.project.settings.drafts
    previewed = keeper.project
    assert ask(keeper, config, drafts=True)["exit"] == 0
    assert keeper.project is previewed
    keeper.close()


# --- the commands, in processes of their own ------------------------------------------------------------


class Daemon:
    def __init__(self, project: Path, env: dict[str, str]):
        self.project, self.env = project, env
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "daemon", "--idle", "10"],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )

    def line(self, pattern: str, seconds: float = 120) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if pattern in line:
                return line
            if not line and self.process.poll() is not None:
                break
        raise AssertionError(f"the daemon never said {pattern!r}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(30)
        self.process.stdout.close()


def briefing(project: Path, env: dict[str, str], *args: str, within: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=within,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def small(tmp_path):
    project = tmp_path / "project"
    synthesize(3, SEED, project)
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1", "SOURCE_DATE_EPOCH": "1730800000"}
    daemons: list[Daemon] = []
    yield project, env, daemons
    for daemon in daemons:
        daemon.stop()


def test_briefing_build_asks_the_running_daemon_and_says_what_its_own_build_says(small):
    project, env, daemons = small
    daemon = Daemon(project, env)
    daemons.append(daemon)
    daemon.line("ready for `briefing build`")
    built = briefing(project, env, "build", "--no-pdf")
    assert built.returncode == 0 and built.stdout.startswith("Generated "), built.stderr
    daemon.line("built in")

    event = next((project / "content" / "events").rglob("*.yaml"))
    event.write_text(event.read_text(encoding="utf-8") + "importance: 9\n", encoding="utf-8")
    by_daemon = briefing(project, env, "build", "--no-pdf")
    daemon.line("built in")
    by_itself = briefing(project, env, "build", "--no-pdf", "--no-daemon")
    assert by_daemon.returncode == by_itself.returncode == 1
    assert by_daemon.stdout == by_itself.stdout == ""
    assert by_daemon.stderr == by_itself.stderr and "importance" in by_daemon.stderr

    status = briefing(project, env, "daemon", "--status")
    assert status.returncode == 0 and f"pid {daemon.process.pid}" in status.stdout
    second = briefing(project, env, "daemon")
    assert second.returncode == 1 and "a build daemon already runs for this project" in second.stderr

    stopped = briefing(project, env, "daemon", "--stop")
    assert stopped.returncode == 0 and stopped.stdout.startswith("stopped the build daemon")
    assert daemon.process.wait(30) == 0
    assert not client.socket_path(Project.load(project / "mkdocs.yml").settings).exists()
    none = briefing(project, env, "daemon", "--status")
    assert none.returncode == 1 and none.stderr.startswith("no build daemon runs for ")


def test_a_killed_daemon_leaves_the_next_build_to_the_command_which_goes_on_from_the_daemons(small):
    project, env, daemons = small
    killed = Daemon(project, env)
    daemons.append(killed)
    killed.line("ready for `briefing build`")
    assert briefing(project, env, "build", "--no-pdf").returncode == 0
    killed.line("built in")
    plan = project / ".build" / "cache" / "pages.pickle"
    deadline = time.monotonic() + 60
    while not plan.is_file() and time.monotonic() < deadline:  # written by the daemon's fork after the build
        time.sleep(0.1)
    killed.process.kill()
    killed.process.wait(30)
    socket_file = client.socket_path(Project.load(project / "mkdocs.yml").settings)
    assert socket_file.exists()  # left behind: nobody answers on it

    EDITS["retitle"](project)
    built = briefing(project, env, "build", "--no-pdf", within=120)
    assert built.returncode == 0 and built.stderr == "", built.stderr
    assert "pages as the last build left them" in built.stdout, "the daemon's last build was not written down"

    again = Daemon(project, env)  # takes the socket over
    daemons.append(again)
    again.line("ready for `briefing build`")
    assert briefing(project, env, "build", "--no-pdf").returncode == 0
    again.line("built in")
    again.process.send_signal(signal.SIGTERM)
    assert again.process.wait(60) == 0
    assert plan.is_file() and not socket_file.exists()


def test_a_command_of_other_code_builds_itself_and_says_why(small, monkeypatch, capsys):
    project, env, daemons = small
    daemon = Daemon(project, env)
    daemons.append(daemon)
    daemon.line("ready for `briefing build`")
    monkeypatch.setattr(client, "code_version", lambda: "other code")
    code = cli.main(["build", "--no-pdf", "-f", str(project / "mkdocs.yml")])
    out, err = capsys.readouterr()
    assert code == 0 and "Generated " in out
    assert err.startswith("briefing: the build daemon runs other code than this command (restart `briefing daemon`); ")
    daemon.line("refused to build")


def test_the_daemons_folder_must_be_the_users_own(monkeypatch):
    short = tempfile.mkdtemp(prefix="bd-", dir="/tmp")  # this test's own (a long one gives way to /tmp)
    try:
        monkeypatch.setenv("TMPDIR", short)
        monkeypatch.setattr("tempfile.tempdir", None)
        settings = Project.load(REPO / "mkdocs.yml").settings
        path = client.socket_path(settings)
        assert path.parent == Path(short) / f"briefing-daemon-{os.getuid()}"
        assert path.parent.stat().st_mode & 0o777 == 0o700
        path.parent.chmod(0o777)
        with pytest.raises(BriefingError, match="not a folder of this user's own"):
            client.socket_path(settings)
    finally:
        shutil.rmtree(short, ignore_errors=True)
