"""The package as others install it: a wheel built from the project holds every sub-package and the templates,
and a project builds with it, found from the installed package rather than from this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built with `pip wheel .`, installed (alone) into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(work / "dist"),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((work / "dist").glob("briefing-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(work / "site"), str(wheel)],
        check=True,
        capture_output=True,
    )
    return work


def test_the_wheel_holds_every_sub_package_and_every_template(installed):
    wheel = next((installed / "dist").glob("briefing-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {p.relative_to(REPO).as_posix() for p in (REPO / "generator").rglob("__init__.py")}
    assert packages <= names, sorted(packages - names)
    templates = {
        "generator/templates/" + p.relative_to(REPO / "templates").as_posix()
        for p in (REPO / "templates").rglob("*")
        if p.is_file()
    }
    assert templates <= names, sorted(templates - names)


def test_a_project_builds_with_the_installed_package(installed, case):
    project = case("site")
    env = {**os.environ, "PYTHONPATH": str(installed / "site")}
    where = subprocess.run(
        [sys.executable, "-c", "import generator.util.paths as p; print(p.PACKAGE, p.TEMPLATES)"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert where == [str(installed / "site" / "generator"), str(installed / "site" / "generator" / "templates")]
    built = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--no-pdf"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "index.html").is_file()
