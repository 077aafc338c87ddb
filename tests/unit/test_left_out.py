"""Pages MkDocs is spared in a dirty build, and the sitemap that still lists them (generator/site/dirty.py)."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.structure.files import InclusionLevel

from generator.site.dirty import nav_pages, sitemap_entries, unchanged_pages

URLS = ["", "briefings/2024-11-05/", "actors/zelensky/", "a:b/", "./odd/", "über/"]


def file(url: str, *, left_out: bool = True, page: bool = True, inclusion=InclusionLevel.EXCLUDED):
    found = SimpleNamespace(url=url, inclusion=inclusion, is_documentation_page=lambda: page)
    if left_out:
        found.briefing_unchanged = True
    return found


@pytest.mark.parametrize("site_url", ["https://example.org/briefing/", "https://example.org/briefing", "http://h/"])
def test_a_left_out_page_gets_the_addresses_mkdocs_gives_a_page(site_url):
    entries = sitemap_entries([file(u) for u in URLS], site_url, "2024-11-05")
    base = site_url if site_url.endswith("/") else site_url + "/"
    for url, entry in zip(URLS, entries, strict=True):
        expected = urljoin(base, url)  # MkDocs' Page._set_canonical_url
        assert (entry.page.canonical_url, entry.page.abs_url) == (expected, urlsplit(expected).path)
        assert entry.page.update_date == "2024-11-05" and entry.page.is_link is False


def test_no_site_url_no_addresses_and_other_files_as_they_are():
    built = file("built/", left_out=False, inclusion=InclusionLevel.INCLUDED)
    excluded = file("excluded/", left_out=False)
    image = file("image.png", left_out=False, page=False, inclusion=InclusionLevel.INCLUDED)
    entries = sitemap_entries([file("x/"), built, excluded, image], None, "2024-11-05")
    assert entries[0].page.canonical_url is None and entries[0].page.abs_url is None
    assert entries[1:] == [built]


def test_unchanged_pages_are_those_built_from_the_same_bytes_but_the_ones_always_built():
    docs = {"a.md": "1", "b.md": "2", "c.md": "3", "fonts/x.woff2": "4", "new.md": "5"}
    built = {"a.md": "1", "b.md": "changed", "c.md": "3", "fonts/x.woff2": "4", "gone.md": "6"}
    assert unchanged_pages(docs, built, {"c.md"}) == {"a.md"}
    assert unchanged_pages(docs, None, ()) == frozenset()  # the last build's pages not known: build all


def test_the_pages_the_navigation_names():
    nav = [{"Home": "index.md"}, {"Briefings": [{"Archive": "archive.md"}, {"5 Nov": "briefings/x.md"}]}, "p.md"]
    nav.append({"Elsewhere": "https://example.org/"})
    assert nav_pages(nav) == {"index.md", "archive.md", "briefings/x.md", "p.md"}
