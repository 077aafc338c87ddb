"""Every page of the seed site, opened in chromium: it loads cleanly, asks no other host, and its links lead somewhere.

The pages are opened once per run (the ``seed_walk`` fixture); each test
below reads what that walk saw.
"""

from __future__ import annotations

from urllib.parse import urldefrag

from tests.browser.harness import PAGE_REPORT


def test_the_walk_opened_every_page_of_the_real_seed_site(seed_site, seed_walk):
    pages = seed_walk["pages"]
    assert sorted(pages) == sorted(seed_site.pages())
    assert len(pages) > 40, "the seed site is too small to be the real one"
    assert {"", "briefings/", "actors/", "timeline/"} <= set(pages)


def test_every_page_loads_with_no_console_error_and_no_failed_request(seed_walk):
    found = {
        path: {name: problems for name, problems in report["problems"].items() if name != "foreign_requests"}
        for path, report in seed_walk["pages"].items()
    }
    assert {path: problems for path, problems in found.items() if problems} == {}


def test_every_request_stays_on_the_sites_own_origin(seed_walk):
    foreign = {
        path: report["problems"]["foreign_requests"]
        for path, report in seed_walk["pages"].items()
        if report["problems"].get("foreign_requests")
    }
    assert foreign == {}


def test_no_page_reports_a_policy_violation(seed_walk):
    assert {path: r["violations"] for path, r in seed_walk["pages"].items() if r["violations"]} == {}


def test_every_internal_link_and_anchor_resolves(seed_site, seed_walk):
    origin = seed_walk["origin"]
    pages = seed_walk["pages"]
    ids = {r["url"].split("#")[0]: set(r["ids"]) for r in pages.values() if not r["redirect"]}
    sources: dict[str, set[str]] = {}
    for path, report in pages.items():
        if not report["redirect"]:
            for link in report["links"]:
                if link.startswith(origin + "/"):
                    sources.setdefault(link, set()).add(path)
    assert len(sources) > 50
    broken = {}
    for link, where in sorted(sources.items()):
        target, anchor = urldefrag(link)
        if not seed_site.exists(target) or (anchor and target in ids and anchor not in ids[target]):
            broken[link[len(origin) :]] = sorted(where)
    assert broken == {}


def test_permanent_links_land_on_the_event(seed_walk):
    stubs = {path: r for path, r in seed_walk["pages"].items() if r["redirect"]}
    assert stubs, "the seed site has /events/<id>/ permanent links"
    for path, report in stubs.items():
        event_id = path.split("/")[1]
        assert report["url"].endswith("#" + event_id), (path, report["url"])
        assert event_id in report["ids"]


def test_the_policy_comes_first_and_allows_no_inline_script_but_the_themes(seed_site, open_page):
    page, watch = open_page(seed_site)
    watch.visit(page, seed_site.url("briefings/"))
    policy = page.evaluate("""() => {
        const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
        const first = document.querySelector('head script');
        return {
            content: meta && meta.content,
            beforeScripts: !!meta && !!first
                && !!(meta.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
        };
    }""")
    directives = dict(d.strip().split(" ", 1) for d in policy["content"].split(";"))
    assert policy["beforeScripts"], "the policy must come before the first script of <head>"
    assert "'unsafe-inline'" not in directives["script-src"].split()
    assert "'unsafe-eval'" not in directives["script-src"].split()
    assert "briefing-theme-scripts" not in directives["script-src"], "the plugin did not fill in the theme's hashes"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert watch.problems() == {}


def test_a_script_that_is_not_the_themes_is_refused(seed_site, open_page):
    # Defence in depth: even if markup slipped past escaping, the policy keeps it from running.
    page, watch = open_page(seed_site)
    url = seed_site.url("briefings/")
    html = (seed_site.site_dir / "briefings" / "index.html").read_text(encoding="utf-8")
    injected = html.replace(
        '<article class="md-content__inner md-typeset">',
        '<article class="md-content__inner md-typeset"><script>document.title = "ran"</script>'
        '<img src="../assets/images/favicon.png" onload="document.title = \'ran\'">',
    )
    assert injected != html
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=injected))
    page.goto(url, wait_until="load")
    watch.settle(page)
    assert page.title() != "ran"
    assert len(page.evaluate(PAGE_REPORT)["violations"]) == 2
    # The theme's own inline scripts still ran: they define the helpers its bundle needs.
    assert page.evaluate("typeof __md_get") == "function"
