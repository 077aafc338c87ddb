"""Browser fixtures: the seed site and the hostile corpus, each built once per test run, served on loopback.

Builds happen in copies under pytest's temporary folder (never the repo's
site/); with pytest-xdist the workers share one build per site through a file
lock.  Debian's chromium runs headless through Playwright.  Without it the
tests skip on a developer's machine, and fail under CI=true.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    WATCH_SCRIPT,
    Site,
    Watch,
    build_once,
    copy_case,
    copy_seed,
    serve,
    walk_once,
)


def _shared_dir(tmp_path_factory, worker_id: str) -> Path:
    base = tmp_path_factory.getbasetemp()
    # Every xdist worker has its own basetemp inside the run's; builds go to the run's, shared.
    return base.parent if worker_id != "master" else base


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory, worker_id) -> Iterator[Site]:
    project = build_once(_shared_dir(tmp_path_factory, worker_id) / "browser-seed", copy_seed)
    with serve(project) as site:
        yield site


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, worker_id) -> Iterator[Site]:
    project = build_once(_shared_dir(tmp_path_factory, worker_id) / "browser-hostile", copy_case("hostile"))
    with serve(project) as site:
        yield site


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser) -> Iterator[Callable[..., tuple]]:
    """open_page(site, viewport=DESKTOP, **context options) → (page, watch): a fresh context per call."""
    contexts = []

    def make(site: Site, viewport: dict | None = None, **options):
        context = browser.new_context(viewport=viewport or DESKTOP, **options)
        contexts.append(context)
        context.add_init_script(WATCH_SCRIPT)
        page = context.new_page()
        watch = Watch(site.origin)
        watch.attach(context, page)
        return page, watch

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def seed_walk(browser, seed_site) -> dict:
    """Every page of the seed site opened once per test run (see harness.walk)."""
    return walk_once(browser, seed_site)


@pytest.fixture(scope="session")
def hostile_walk(browser, hostile_site) -> dict:
    return walk_once(browser, hostile_site)
