"""Every page of the seed site, opened in chromium: it loads cleanly, asks no other host, and its links lead somewhere."""

from __future__ import annotations

from urllib.parse import urldefrag

import pytest

from tests.browser.harness import Site

SHARDS = 2  # the walk is split so the two pytest-xdist workers share it


def is_redirect(site: Site, path: str) -> bool:
    html = site.site_dir / (path + "index.html" if path.endswith("/") or not path else path)
    return 'http-equiv="refresh"' in html.read_text(encoding="utf-8")


def open_settled(page, watch, site: Site, path: str) -> None:
    if is_redirect(site, path):
        # A permanent link (/events/<id>/) sends the reader on at once; follow it and check where it lands.
        page.goto(site.url(path), wait_until="commit")
        page.wait_for_url(lambda url: "/events/" not in url)
        page.wait_for_load_state("load")
        watch.settle(page)
    else:
        watch.visit(page, site.url(path))


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_page_loads_without_errors_and_asks_no_other_host(seed_site, open_page, shard):
    page, watch = open_page(seed_site)
    pages = seed_site.pages()[shard::SHARDS]
    assert len(seed_site.pages()) > 20, "the seed site is too small to be the real one"
    violations = {}
    for path in pages:
        open_settled(page, watch, seed_site, path)
        found = page.evaluate("window.__violations")
        if found:
            violations[path] = found
    assert watch.problems() == {}
    assert violations == {}


def test_the_policy_comes_first_and_allows_no_inline_script_but_the_themes(seed_site, open_page):
    page, watch = open_page(seed_site)
    watch.visit(page, seed_site.url("briefings/"))
    policy = page.evaluate("""() => {
        const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
        const first = document.querySelector('head script');
        return {
            content: meta && meta.content,
            beforeScripts: !!meta && !!first && !!(meta.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
        };
    }""")
    directives = dict(d.strip().split(" ", 1) for d in policy["content"].split(";"))
    assert policy["beforeScripts"], "the policy must come before the first script of <head>"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
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
    assert len(page.evaluate("window.__violations")) == 2
    # The theme's own inline scripts still ran: they define the helpers its bundle needs.
    assert page.evaluate("typeof __md_get") == "function"


def test_every_internal_link_and_anchor_resolves(seed_site, open_page):
    page, _ = open_page(seed_site)
    ids: dict[str, set[str]] = {}
    links: dict[str, set[str]] = {}
    for path in seed_site.pages():
        if is_redirect(seed_site, path):
            continue
        page.goto(seed_site.url(path), wait_until="domcontentloaded")
        found = page.evaluate("""() => ({
            ids: [...document.querySelectorAll('[id]')].map(e => e.id)
                 .concat([...document.querySelectorAll('a[name]')].map(e => e.name)),
            links: [...document.querySelectorAll('a[href]')].map(a => a.href),
        })""")
        ids[page.url.split("#")[0]] = set(found["ids"])
        for link in found["links"]:
            links.setdefault(link, set()).add(path)
    internal = {link: sources for link, sources in links.items() if link.startswith(seed_site.origin)}
    assert len(internal) > 50
    broken = {}
    for link, sources in sorted(internal.items()):
        target, anchor = urldefrag(link)
        if not seed_site.exists(target):
            broken[link] = sorted(sources)
        elif anchor and target in ids and anchor not in ids[target]:
            broken[link] = sorted(sources)
    assert broken == {}
