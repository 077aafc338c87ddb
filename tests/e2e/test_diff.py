"""`briefing diff` on a throw-away git repository: each scripted commit must give its exact summary lines.

Every test starts from the same first commit (two events, two actors, one
source), makes one editorial change, and compares what `briefing diff` says
with what a reviewer should read.
"""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from generator.cli import main

MKDOCS = """\
site_name: Test briefing
site_url: https://example.org/
docs_dir: .build/docs
site_dir: site
extra:
  briefing:
    timezone: Europe/Kyiv
"""

FILES = {
    "content/topics.yaml": """\
        - id: war
          title: War in Ukraine
        - id: diplomacy
          title: Diplomacy
        """,
    "content/actors/vitali-klitschko.yaml": """\
        name: Vitali Klitschko
        kind: person
        """,
    "content/actors/kyiv-city-administration.yaml": """\
        name: Kyiv City Military Administration
        kind: organization
        """,
    "content/sources/kyiv-live.yaml": """\
        title: Kyiv live blog
        publisher: The Kyiv Independent
        kind: live-blog
        published: 2024-11-05
        """,
    "content/events/2024/11/kyiv-drones.yaml": """\
        title: Drones shot down over Kyiv
        date: 2024-11-05
        summary: |
          Air defence shot down drones over the capital overnight; debris fell
          in two districts, the city administration said.
        topics: [war]
        actors: [vitali-klitschko]
        claims:
          - text: Twelve drones were shot down.
            by: vitali-klitschko
            status: reported
        sources: [kyiv-live]
        """,
    "content/events/2024/11/grain-talks.yaml": """\
        title: Talks on grain exports
        date: 2024-11-06
        summary: Officials met to discuss the Black Sea grain corridor.
        topics: [diplomacy]
        sources: [kyiv-live]
        """,
}

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Desk",
    "GIT_AUTHOR_EMAIL": "desk@example.org",
    "GIT_COMMITTER_NAME": "Desk",
    "GIT_COMMITTER_EMAIL": "desk@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


class Repo:
    """A git repository holding a small briefing project, changed and committed by the test."""

    def __init__(self, root: Path, project: str = ""):
        self.root = root
        self.project = root / project if project else root
        self.project.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")
        self.write("mkdocs.yml", MKDOCS)
        for name, text in FILES.items():
            self.write(name, textwrap.dedent(text))
        self.base = self.commit("first version")

    def git(self, *args: str) -> str:
        env = {**os.environ, **GIT_ENV}
        done = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    def write(self, name: str, text: str) -> None:
        path = self.project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.project / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def remove(self, name: str) -> None:
        (self.project / name).unlink()

    def rename(self, old: str, new: str) -> None:
        (self.project / new).parent.mkdir(parents=True, exist_ok=True)
        (self.project / old).rename(self.project / new)

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD")

    def diff(self, capsys, *revisions: str) -> tuple[int, str]:
        code = main(["diff", "-f", str(self.project / "mkdocs.yml"), *revisions])
        return code, capsys.readouterr().out


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "newsroom")


def committed_diff(repo: Repo, capsys) -> list[str]:
    head = repo.commit("the change")
    code, out = repo.diff(capsys, repo.base, head)
    assert code == 0, out
    return out.splitlines()


def test_added_event_is_listed_with_its_day_and_the_pages_it_creates(repo, capsys):
    repo.write(
        "content/events/2024/11/odesa-port-strike.yaml",
        textwrap.dedent("""\
        title: Missile strike on Odesa port
        date: 2024-11-07T06:30+02:00
        summary: A missile hit grain silos in the port of Odesa.
        topics: [war]
        sources: [kyiv-live]
        """),
    )
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Events added (1)") + 2] == (
        "- Missile strike on Odesa port (`odesa-port-strike`) — 2024-11-07T06:30+02:00, /briefings/2024-11-07/"
    )
    pages = lines[lines.index("### Pages that appear (2)") + 2 :][:2]
    assert pages == ["- /briefings/2024-11-07/", "- /events/odesa-port-strike/"]
    assert "### Pages that disappear" not in "\n".join(lines)


def test_deleted_event_is_listed_and_its_pages_disappear(repo, capsys):
    repo.remove("content/events/2024/11/grain-talks.yaml")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Events removed (1)") + 2] == (
        "- Talks on grain exports (`grain-talks`) — 2024-11-06, /briefings/2024-11-06/"
    )
    # The diplomacy topic keeps its page; the day and the event's permanent link go.
    assert lines[lines.index("### Pages that disappear (2)") + 2 :][:2] == [
        "- /briefings/2024-11-06/",
        "- /events/grain-talks/",
    ]


def test_redated_event_names_the_briefing_pages_it_moves_between(repo, capsys):
    repo.edit("content/events/2024/11/kyiv-drones.yaml", "date: 2024-11-05", "date: 2024-11-04")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Events re-dated (1)") + 2] == (
        "- Drones shot down over Kyiv (`kyiv-drones`): 2024-11-05 → 2024-11-04, "
        "moves from /briefings/2024-11-05/ to /briefings/2024-11-04/"
    )
    assert "- /briefings/2024-11-04/" in lines
    assert "- /briefings/2024-11-05/" in lines


def test_redated_event_in_the_same_day_stays_on_its_page(repo, capsys):
    repo.edit("content/events/2024/11/kyiv-drones.yaml", "date: 2024-11-05", "date: 2024-11-05T04:10+02:00")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Events re-dated (1)") + 2] == (
        "- Drones shot down over Kyiv (`kyiv-drones`): 2024-11-05 → 2024-11-05T04:10+02:00, "
        "stays on /briefings/2024-11-05/"
    )


def test_event_dated_to_a_month_leaves_its_briefing_page(repo, capsys):
    repo.edit("content/events/2024/11/grain-talks.yaml", "date: 2024-11-06", "date: 2024-11")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Events re-dated (1)") + 2] == (
        "- Talks on grain exports (`grain-talks`): 2024-11-06 → 2024-11, "
        "leaves /briefings/2024-11-06/ (now timeline only)"
    )


def test_retitled_event_shows_the_old_and_the_new_title(repo, capsys):
    repo.edit(
        "content/events/2024/11/grain-talks.yaml",
        "title: Talks on grain exports",
        "title: Talks on grain exports stall",
    )
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Events retitled (1)") + 2] == (
        "- `grain-talks`: “Talks on grain exports” → “Talks on grain exports stall”"
    )
    assert "### Pages that appear" not in "\n".join(lines)


def test_claim_status_change_is_shown_from_old_to_new(repo, capsys):
    repo.edit("content/events/2024/11/kyiv-drones.yaml", "status: reported", "status: confirmed")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Claims (1)") + 2] == (
        "- Drones shot down over Kyiv (`kyiv-drones`): claim by Vitali Klitschko, "
        "“Twelve drones were shot down.”: reported → confirmed"
    )


def broken(old: str, title: str, new: str, year_month: str = "2024/11") -> str:
    return (
        f"- **⚠ /events/{old}/ will break**: the permanent link of “{title}” (`{old}`): the event is gone; "
        f"it seems to live on as `{new}`: add `replaces: [{old}]` to `content/events/{year_month}/{new}.yaml` "
        "to keep this address"
    )


def test_id_rename_is_flagged_as_a_broken_permanent_link(repo, capsys):
    repo.rename("content/events/2024/11/kyiv-drones.yaml", "content/events/2024/11/drones-over-kyiv.yaml")
    lines = committed_diff(repo, capsys)
    heading = lines.index("### ⚠ Addresses that will break (1)")
    assert heading == 4, "broken links come first, before anything else"
    assert lines[heading + 2] == broken("kyiv-drones", "Drones shot down over Kyiv", "drones-over-kyiv")
    # A renamed event is not also reported as one removed and one added.
    assert "### Events added" not in "\n".join(lines)
    assert "### Events removed" not in "\n".join(lines)
    assert "- /events/kyiv-drones/" in lines[lines.index("### Pages that disappear (1)") :]


def test_id_rename_with_a_new_title_is_recognised_by_its_summary(repo, capsys):
    repo.rename("content/events/2024/11/kyiv-drones.yaml", "content/events/2024/11/kyiv-air-defence.yaml")
    repo.edit(
        "content/events/2024/11/kyiv-air-defence.yaml",
        "title: Drones shot down over Kyiv",
        "title: Kyiv air defence repels drone attack",
    )
    lines = committed_diff(repo, capsys)
    assert broken("kyiv-drones", "Drones shot down over Kyiv", "kyiv-air-defence") in lines
    assert lines[lines.index("### Events retitled (1)") + 2] == (
        "- `kyiv-air-defence`: “Drones shot down over Kyiv” → “Kyiv air defence repels drone attack”"
    )


def test_id_rename_is_found_in_a_mass_move_too(repo, capsys, monkeypatch):
    # Past FUZZY_PAIRS removed × added events, only events with the same date or summary are compared.
    monkeypatch.setattr("generator.editorial.diff.FUZZY_PAIRS", 0)
    repo.rename("content/events/2024/11/kyiv-drones.yaml", "content/events/2024/11/drones-over-kyiv.yaml")
    repo.rename("content/events/2024/11/grain-talks.yaml", "content/events/2024/11/grain-corridor-talks.yaml")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### ⚠ Addresses that will break (2)") + 2 :][:2] == [
        broken("grain-talks", "Talks on grain exports", "grain-corridor-talks"),
        broken("kyiv-drones", "Drones shot down over Kyiv", "drones-over-kyiv"),
    ]


def test_correction_added_is_listed_with_its_date_and_text(repo, capsys):
    repo.edit(
        "content/events/2024/11/kyiv-drones.yaml",
        "sources: [kyiv-live]\n",
        textwrap.dedent("""\
        sources: [kyiv-live]
        corrections:
          - date: 2024-11-06
            text: An earlier version said debris fell in three districts; it was two.
        """),
    )
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Corrections (1)") + 2] == (
        "- Drones shot down over Kyiv (`kyiv-drones`): correction of 2024-11-06 added: "
        "“An earlier version said debris fell in three districts; it was two.”"
    )


def test_a_correction_taken_out_is_flagged(repo, capsys):
    repo.edit(
        "content/events/2024/11/grain-talks.yaml",
        "sources: [kyiv-live]\n",
        "sources: [kyiv-live]\ncorrections:\n  - date: 2024-11-07\n    text: The talks were in Istanbul.\n",
    )
    base = repo.commit("correction")
    repo.edit(
        "content/events/2024/11/grain-talks.yaml",
        "    text: The talks were in Istanbul.\n",
        "    text: The talks were in Ankara.\n",
    )
    head = repo.commit("correction reworded")
    code, out = repo.diff(capsys, base, head)
    assert code == 0
    lines = out.splitlines()
    assert lines[lines.index("### Corrections (2)") + 2 :][:2] == [
        "- Talks on grain exports (`grain-talks`): correction of 2024-11-07 added: “The talks were in Ankara.”",
        "- **⚠ Talks on grain exports (`grain-talks`): correction of 2024-11-07 removed or reworded** "
        "(published corrections stay): “The talks were in Istanbul.”",
    ]


def test_actor_merged_into_another_is_named_as_a_merge(repo, capsys):
    repo.write(
        "content/actors/vitali-klitschko.yaml",
        "name: Vitali Klitschko\nkind: person\naliases: [Kyiv City Military Administration]\n",
    )
    repo.remove("content/actors/kyiv-city-administration.yaml")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Actors (1)") + 2] == (
        "- actor `kyiv-city-administration` (Kyiv City Military Administration) merged into "
        "`vitali-klitschko` (Vitali Klitschko)"
    )
    assert "- /actors/kyiv-city-administration/" in lines
    assert lines[lines.index("### ⚠ Addresses that will break (1)") + 2] == (
        "- **⚠ /actors/kyiv-city-administration/ will break**: actor “Kyiv City Military Administration” "
        "(`kyiv-city-administration`) removed; it seems to live on as `vitali-klitschko`: add "
        "`replaces: [kyiv-city-administration]` to `content/actors/vitali-klitschko.yaml` to keep this address"
    )


def test_actor_renamed_keeps_its_id(repo, capsys):
    repo.edit("content/actors/vitali-klitschko.yaml", "name: Vitali Klitschko", "name: Vitalii Klychko")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Actors (1)") + 2] == (
        "- actor renamed: `vitali-klitschko`: Vitali Klitschko → Vitalii Klychko"
    )


def test_actor_id_change_is_flagged_as_a_broken_permanent_link(repo, capsys):
    repo.rename("content/actors/vitali-klitschko.yaml", "content/actors/klitschko.yaml")
    repo.edit("content/events/2024/11/kyiv-drones.yaml", "actors: [vitali-klitschko]", "actors: [klitschko]")
    repo.edit("content/events/2024/11/kyiv-drones.yaml", "by: vitali-klitschko", "by: klitschko")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### ⚠ Addresses that will break (1)") + 2] == (
        "- **⚠ /actors/vitali-klitschko/ will break**: actor “Vitali Klitschko” (`vitali-klitschko`) removed; it "
        "seems to live on as `klitschko`: add `replaces: [vitali-klitschko]` to `content/actors/klitschko.yaml` "
        "to keep this address"
    )
    # The event names the same person under the new id: no claim or actor change is reported for it.
    assert [line for line in lines if line.startswith("### ")] == [
        "### ⚠ Addresses that will break (1)",
        "### Actors (1)",
        "### Pages that appear (1)",
        "### Pages that disappear (1)",
    ]
    assert "- actor `vitali-klitschko` (Vitali Klitschko) now has the id `klitschko`" in lines


def test_sources_added_and_cited_are_listed(repo, capsys):
    repo.write("content/sources/reuters-kyiv.yaml", "title: Drones over Kyiv\npublisher: Reuters\n")
    repo.edit("content/events/2024/11/kyiv-drones.yaml", "sources: [kyiv-live]", "sources: [reuters-kyiv]")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Sources (3)") + 2 :][:3] == [
        "- new source `reuters-kyiv`: Drones over Kyiv (Reuters)",
        "- Drones shot down over Kyiv (`kyiv-drones`): now cites `reuters-kyiv`",
        "- Drones shot down over Kyiv (`kyiv-drones`): no longer cites `kyiv-live`",
    ]


def test_editor_text_is_inert_in_markdown(repo, capsys):
    repo.edit(
        "content/events/2024/11/grain-talks.yaml",
        "title: Talks on grain exports",
        "title: 'Talks | *stall* <script>alert(1)</script> [link](x) `code` $x$'",
    )
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Events retitled (1)") + 2] == (
        r"- `grain-talks`: “Talks on grain exports” → "
        r"“Talks \| \*stall\* \<script\>alert(1)\</script\> \[link\](x) \`code\` \$x\$”"
    )


def test_unchanged_record_says_so(repo, capsys):
    repo.rename("content/events/2024/11/grain-talks.yaml", "content/events/grain-talks.yaml")  # files move, ids stay
    lines = committed_diff(repo, capsys)
    assert lines == [
        "## What this changes in the published record",
        "",
        f"Comparing `{repo.base[:7]}` with `{repo.git('rev-parse', 'HEAD')[:7]}`.",
        "",
        "No change to the published record.",
    ]


def test_head_defaults_to_the_working_tree(repo, capsys):
    repo.edit("content/events/2024/11/grain-talks.yaml", "title: Talks on grain exports", "title: Grain talks")
    code, out = repo.diff(capsys, "main")
    assert code == 0
    lines = out.splitlines()
    assert lines[2] == f"Comparing `{repo.base[:7]}` with the working tree."
    assert "- `grain-talks`: “Talks on grain exports” → “Grain talks”" in lines


def test_whole_summary_is_sorted_and_stable(repo, capsys):
    repo.edit("content/events/2024/11/kyiv-drones.yaml", "date: 2024-11-05", "date: 2024-11-06")
    repo.edit("content/events/2024/11/grain-talks.yaml", "title: Talks on grain exports", "title: Grain talks")
    head = repo.commit("two changes")
    code, first = repo.diff(capsys, repo.base, head)
    _, second = repo.diff(capsys, repo.base, head)
    assert code == 0 and first == second
    assert first == textwrap.dedent(f"""\
        ## What this changes in the published record

        Comparing `{repo.base[:7]}` with `{head[:7]}`.

        ### ⚠ Addresses that will break (1)

        - **⚠ /briefings/2024-11-05/ will break**: no published event is on Tuesday 5 November 2024 any more

        ### ⚠ Changed after publication without a correction (1)

        - **⚠ Drones shot down over Kyiv (`kyiv-drones`)**: date 2024-11-05 → 2024-11-06; add a correction, or say in the review why none is needed

        ### Events re-dated (1)

        - Drones shot down over Kyiv (`kyiv-drones`): 2024-11-05 → 2024-11-06, moves from /briefings/2024-11-05/ to /briefings/2024-11-06/

        ### Events retitled (1)

        - `grain-talks`: “Talks on grain exports” → “Grain talks”

        ### Pages that disappear (1)

        - /briefings/2024-11-05/
        """)  # noqa: E501


def test_content_errors_are_said_plainly_and_exit_1(repo, capsys):
    repo.edit("content/events/2024/11/kyiv-drones.yaml", "actors: [vitali-klitschko]", "actors: [klitchko]")
    head = repo.commit("typo")
    code, out = repo.diff(capsys, repo.base, head)
    assert code == 1
    assert out.splitlines()[4:10] == [
        f"**`{head[:7]}` has content errors, so its record cannot be compared.** "
        "Fix them first (`briefing check` lists them with their lines):",
        "",
        "```text",
        "content/events/2024/11/kyiv-drones.yaml:7:10: actors[0]: unknown actor 'klitchko' "
        "(did you mean 'vitali-klitschko'?)",
        "1 error in 1 file",
        "```",
    ]
    assert "Traceback" not in out


def test_unknown_revision_is_a_plain_error(repo, capsys):
    assert main(["diff", "-f", str(repo.project / "mkdocs.yml"), "no-such-branch"]) == 1
    assert capsys.readouterr().err == (
        "briefing: unknown revision 'no-such-branch': not a commit, branch or tag of this repository\n"
    )


def test_a_project_outside_git_is_a_plain_error(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    assert main(["diff", "-f", str(tmp_path / "mkdocs.yml"), "main"]) == 1
    assert capsys.readouterr().err == (
        f"briefing: {tmp_path} is not in a git repository; briefing diff compares git revisions\n"
    )


def test_project_in_a_sub_folder_of_the_repository(tmp_path, capsys):
    repo = Repo(tmp_path / "monorepo", project="briefing")
    repo.edit("content/events/2024/11/grain-talks.yaml", "date: 2024-11-06", "date: 2024-11-07")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Events re-dated (1)") + 2] == (
        "- Talks on grain exports (`grain-talks`): 2024-11-06 → 2024-11-07, "
        "moves from /briefings/2024-11-06/ to /briefings/2024-11-07/"
    )


def test_export_ignore_attributes_do_not_hide_content(repo, capsys):
    # git archive would leave these files out; the diff must see the record as committed.
    repo.write(".gitattributes", "content/** export-ignore\n")
    repo.edit("content/events/2024/11/grain-talks.yaml", "title: Talks on grain exports", "title: Grain talks")
    lines = committed_diff(repo, capsys)
    assert "- `grain-talks`: “Talks on grain exports” → “Grain talks”" in lines


# --- ledes and hand-written pages (issue 13: a new lede read "No change to the published record") ---------


def test_a_lede_added_changed_and_removed_is_listed_with_its_day(repo, capsys):
    repo.write("content/briefings/2024-11-05.md", "Drones over the capital, and a **quiet** front.\n")
    lines = committed_diff(repo, capsys)
    assert "### Ledes (1)" in lines
    assert (
        "- Lede of 2024-11-05 (/briefings/2024-11-05/) added: “Drones over the capital, and a \\*\\*quiet\\*\\* "
        "front.”" in lines
    )
    first = repo.git("rev-parse", "HEAD")
    repo.edit("content/briefings/2024-11-05.md", "quiet", "busy")
    head = repo.commit("busier")
    assert (
        "- Lede of 2024-11-05 (/briefings/2024-11-05/) changed: Drones over the capital, and a "
        "~~\\*\\*quiet\\*\\*~~ **\\*\\*busy\\*\\*** front." in repo.diff(capsys, first, head)[1].splitlines()
    )
    repo.remove("content/briefings/2024-11-05.md")
    gone = repo.commit("no lede")
    assert (
        "- Lede of 2024-11-05 (/briefings/2024-11-05/) removed (it said “Drones over the capital, and a "
        "\\*\\*busy\\*\\* front.”)" in repo.diff(capsys, head, gone)[1].splitlines()
    )


def test_a_hand_written_page_added_changed_and_removed_is_listed(repo, capsys):
    repo.write("content/pages/about.md", "# About\n\nWho we are <script>x</script>.\n")
    lines = committed_diff(repo, capsys)
    assert "### Hand-written pages (1)" in lines
    assert "- `content/pages/about.md` (/about/) added: “# About Who we are \\<script\\>x\\</script\\>.”" in lines
    first = repo.git("rev-parse", "HEAD")
    repo.edit("content/pages/about.md", "Who we are", "Who we were")
    head = repo.commit("past tense")
    assert (
        "- `content/pages/about.md` (/about/) changed: # About Who we ~~are~~ **were** \\<script\\>x\\</script\\>."
        in repo.diff(capsys, first, head)[1].splitlines()
    )
    repo.remove("content/pages/about.md")
    gone = repo.commit("no page")
    out = repo.diff(capsys, head, gone)[1]
    assert (
        "- `content/pages/about.md` (/about/) removed (it said “# About Who we were \\<script\\>x\\</script\\>.”)"
        in out.splitlines()
    )
    assert "No change to the published record." not in out


# --- the lifecycle: retractions, declared renames and merges, addresses, wording (issue 15) ----------------------

RETRACTION = """\
status: retracted
retraction:
  date: 2024-11-08
  text: The city administration withdrew its statement; no drones reached Kyiv.
"""


def test_a_retraction_has_its_own_section_and_keeps_the_permanent_link(repo, capsys):
    path = "content/events/2024/11/kyiv-drones.yaml"
    repo.write(path, (repo.project / path).read_text(encoding="utf-8") + RETRACTION)
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### Events retracted (1)") + 2] == (
        "- Drones shot down over Kyiv (`kyiv-drones`) — 2024-11-05: retracted on 2024-11-08: “The city "
        "administration withdrew its statement; no drones reached Kyiv.”; /events/kyiv-drones/ shows the notice"
    )
    assert "### Events removed" not in "\n".join(lines)
    # The permanent link stays (it shows the notice); the day page of its only event goes, and says so.
    assert lines[lines.index("### ⚠ Addresses that will break (1)") + 2] == (
        "- **⚠ /briefings/2024-11-05/ will break**: no published event is on Tuesday 5 November 2024 any more"
    )


def test_a_removed_event_is_a_broken_permanent_link_with_the_way_to_keep_it(repo, capsys):
    repo.remove("content/events/2024/11/grain-talks.yaml")
    lines = committed_diff(repo, capsys)
    warnings = lines[lines.index("### ⚠ Addresses that will break (2)") + 2 :][:2]
    assert warnings == [
        "- **⚠ /briefings/2024-11-06/ will break**: no published event is on Wednesday 6 November 2024 any more",
        "- **⚠ /events/grain-talks/ will break**: the permanent link of “Talks on grain exports” (`grain-talks`): "
        "the event is removed; retract it instead (`status: retracted` with a `retraction`), so its permanent "
        "link keeps a notice",
    ]


def test_a_renamed_event_that_says_replaces_breaks_nothing(repo, capsys):
    repo.rename("content/events/2024/11/kyiv-drones.yaml", "content/events/2024/11/drones-over-kyiv.yaml")
    repo.edit(
        "content/events/2024/11/drones-over-kyiv.yaml",
        "sources: [kyiv-live]\n",
        "sources: [kyiv-live]\nreplaces: [kyiv-drones]\n",
    )
    lines = committed_diff(repo, capsys)
    assert not any("⚠" in line for line in lines), lines
    assert lines[lines.index("### Renamed and merged (the old addresses redirect) (1)") + 2] == (
        "- event `kyiv-drones` → Drones shot down over Kyiv (`drones-over-kyiv`): /events/kyiv-drones/ redirects"
    )
    assert "- /events/kyiv-drones/ (redirects to /briefings/2024-11-05/)" in lines


def test_two_actors_merged_with_replaces_break_nothing(repo, capsys):
    repo.write(
        "content/actors/vitali-klitschko.yaml",
        "name: Vitali Klitschko\nkind: person\nreplaces: [kyiv-city-administration]\n",
    )
    repo.remove("content/actors/kyiv-city-administration.yaml")
    lines = committed_diff(repo, capsys)
    assert not any("⚠" in line for line in lines), lines
    assert lines[lines.index("### Renamed and merged (the old addresses redirect) (1)") + 2] == (
        "- actor `kyiv-city-administration` (Kyiv City Military Administration) merged into `vitali-klitschko` "
        "(Vitali Klitschko): /actors/kyiv-city-administration/ redirects"
    )


def test_edited_summary_claim_and_quote_show_the_changed_words(repo, capsys):
    path = "content/events/2024/11/kyiv-drones.yaml"
    repo.edit(path, "debris fell\n  in two districts", "debris fell\n  in several districts")
    repo.edit(path, "Twelve drones were shot down.", "Twelve drones were shot down over the city.")
    repo.edit(path, "sources: [kyiv-live]", 'sources:\n  - source: kyiv-live\n    quote: "Debris fell."')
    base = repo.commit("a quote")
    repo.edit(path, 'quote: "Debris fell."', 'quote: "Debris fell on a school."')
    head = repo.commit("the quote completed")
    code, out = repo.diff(capsys, repo.base, base)
    lines = out.splitlines()
    assert lines[lines.index("### Text edited (2)") + 2 :][:2] == [
        "- Drones shot down over Kyiv (`kyiv-drones`): summary: … overnight; debris fell in "
        "~~two~~ **several** districts, the city administration said.",
        "- Drones shot down over Kyiv (`kyiv-drones`): quote from `kyiv-live`: **Debris fell.**",
    ]
    assert lines[lines.index("### Claims (1)") + 2] == (
        "- Drones shot down over Kyiv (`kyiv-drones`): claim by Vitali Klitschko reworded: Twelve drones were shot "
        "~~down.~~ **down over the city.**"
    )
    # "two" → "several" is a number gone from a published event, and no correction came with it.
    assert lines[lines.index("### ⚠ Changed after publication without a correction (1)") + 2] == (
        "- **⚠ Drones shot down over Kyiv (`kyiv-drones`)**: numbers two → none; add a correction, or say in the "
        "review why none is needed"
    )
    code, out = repo.diff(capsys, base, head)
    assert (
        "- Drones shot down over Kyiv (`kyiv-drones`): quote from `kyiv-live`: Debris ~~fell.~~ **fell on a "
        "school.**" in out.splitlines()
    )


def test_a_changed_fact_with_a_correction_is_not_flagged(repo, capsys):
    path = "content/events/2024/11/kyiv-drones.yaml"
    repo.edit(path, "in two districts", "in three districts")
    repo.edit(
        path,
        "sources: [kyiv-live]\n",
        "sources: [kyiv-live]\ncorrections:\n  - date: 2024-11-07\n"
        "    text: Debris fell in three districts, not two.\n",
    )
    lines = committed_diff(repo, capsys)
    assert "### ⚠ Changed after publication without a correction" not in "\n".join(lines)
    assert "### Corrections (1)" in lines


def test_a_claim_status_changed_without_a_correction_is_flagged(repo, capsys):
    repo.edit("content/events/2024/11/kyiv-drones.yaml", "status: reported", "status: confirmed")
    lines = committed_diff(repo, capsys)
    assert lines[lines.index("### ⚠ Changed after publication without a correction (1)") + 2] == (
        "- **⚠ Drones shot down over Kyiv (`kyiv-drones`)**: a claim's status reported → confirmed; add a "
        "correction, or say in the review why none is needed"
    )


def test_every_warning_is_a_github_annotation_on_its_file(repo, capsys):
    repo.remove("content/events/2024/11/grain-talks.yaml")
    head = repo.commit("removed")
    code = main(["diff", "-f", str(repo.project / "mkdocs.yml"), repo.base, head, "--format", "github"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out == [
        "::warning file=content/events/2024/11/grain-talks.yaml,line=1,col=1,title=briefing diff::"
        "/briefings/2024-11-06/ will break: no published event is on Wednesday 6 November 2024 any more",
        "::warning file=content/events/2024/11/grain-talks.yaml,line=1,col=1,title=briefing diff::"
        "/events/grain-talks/ will break: the permanent link of “Talks on grain exports” (grain-talks): the event "
        "is removed; retract it instead (status: retracted with a retraction), so its permanent link keeps a notice",
    ]
