"""End-to-end: build a small project with the real MkDocs + Material and read the HTML back."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.pipeline import build, generate
from generator.project import Project
from tests.conftest import copy_case
from tests.html import Page


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_case("site", tmp_path_factory.mktemp("built"))
    build(Project.load(project / "mkdocs.yml"))
    return project / "site"


def page(site: Path, url: str) -> Page:
    return Page(site / url.strip("/") / "index.html")


def test_day_page_lists_its_events_under_topics_in_order(site):
    day = page(site, "/briefings/2024-11-05/")
    assert [text for _, text in day.headings(1)] == ["Tuesday 5 November 2024"]
    assert [h for h in day.headings(2)] == [
        ("key_points", "Key points"),
        ("topic_front-line", "Front line"),
        ("topic_diplomacy", "Diplomacy"),
    ]
    assert [ident for ident, _ in day.headings(3)] == ["drones-over-kyiv", "washington-late-call"]
    assert day.by_id("drones-over-kyiv") is not None


def test_pages_are_titled_once_with_the_site_name(site):
    def title(url: str) -> str:
        return " ".join(page(site, url).text(page(site, url).all("title")[0]).split())

    assert title("/") == "Golden Desk"
    assert title("/briefings/2024-11-05/") == "Tuesday 5 November 2024 - Golden Desk"


def test_titles_are_shown_literally(site):
    day = page(site, "/briefings/2024-11-05/")
    assert 'Drones over Kyiv <overnight> & "second wave"' in day.text()
    assert not any(e.tag.endswith("overnight") for e in day.root.iter())


def test_timed_event_lands_on_its_day_in_the_site_time_zone(site):
    # 23:30 in Washington on 4 November is 06:30 on 5 November in Kyiv.
    day = page(site, "/briefings/2024-11-05/")
    assert day.by_id("washington-late-call") is not None
    assert "06:30 EET" in day.text()
    assert not (site / "briefings" / "2024-11-04").exists()


def test_key_points_link_to_lead_event_anchors(site):
    day = page(site, "/briefings/2024-11-05/")
    box = next(e for e in day.content().iter() if "key-points" in (e.get("class") or ""))
    assert day.links(box) == [("#drones-over-kyiv", 'Drones over Kyiv <overnight> & "second wave"')]


def test_claims_show_who_said_it_and_a_status_word(site):
    text = page(site, "/briefings/2024-11-05/").text()
    assert "Claimed Oleksandra Kovalenko: All drones were shot down." in text
    assert "Confirmed Kyiv City Council: Debris fell in two districts." in text


def test_sources_are_numbered_with_publisher_title_date_quote_and_link(site):
    day = page(site, "/briefings/2024-11-05/")
    sources = next(e for e in day.content().iter() if "event-sources" in (e.get("class") or ""))
    text = day.text(sources)
    assert "Example Wire, Morning wire: Kyiv & the front, 5 Nov 2024, 08:00." in text
    assert "“drones over the capital”" in text
    hrefs = [href for href, _ in day.links(sources)]
    assert "https://wire.example.org/live/2024-11-05#post-2" in hrefs
    assert "https://wire.example.org/live/2024-11-05?a=1&b=%282%29" in hrefs


def test_correction_is_visible(site):
    assert (
        "Correction · 6 Nov 2024 An earlier version gave the wrong district."
        in page(site, "/briefings/2024-11-05/").text()
    )


def test_approximate_and_ranged_events_are_marked_on_their_first_day(site):
    text = page(site, "/briefings/2024-11-02/").text()
    assert "approximate date" in text
    assert "until Sunday 3 November 2024" in text
    assert not (site / "briefings" / "2024-11-03").exists()


def test_month_precision_event_is_on_the_timeline_but_on_no_day_page(site):
    timeline = page(site, "/timeline/")
    item = timeline.by_id("november-talks")
    assert item is not None and timeline.text(item) == "November 2024 (day unknown)"
    for day in (site / "briefings").iterdir():
        if day.is_dir():
            assert "november-talks" not in (day / "index.html").read_text(encoding="utf-8")


def test_timeline_is_chronological_and_honest_about_precision(site):
    timeline = page(site, "/timeline/")
    labels = [timeline.text(e) for e in timeline.content().iter() if "when" in (e.get("class") or "").split()]
    assert labels == ["20 Oct", "November 2024 (day unknown)", "c. 2 Nov", "2–3 Nov", "5 Nov", "5 Nov, 06:30"]


def test_day_with_a_single_event_has_its_page_and_neighbour_links(site):
    day = page(site, "/briefings/2024-10-20/")
    assert [ident for ident, _ in day.headings(3)] == ["single-day"]
    assert ("../2024-11-02/", "Saturday 2 November 2024 →") in day.links()


def test_actor_profile_lists_roles_events_claims_and_companions(site):
    actor = page(site, "/actors/oleksandra-kovalenko/")
    text = actor.text()
    assert "Also known as: Олександра Коваленко, O. Kovalenko" in text
    assert "Spokesperson, Kyiv City Council (since January 2023)" in text
    assert (
        "../../briefings/2024-11-05/#drones-over-kyiv",
        'Drones over Kyiv <overnight> & "second wave"',
    ) in actor.links()
    assert "Claimed All drones were shot down." in text
    assert "Kyiv City Council · 1 event" in text


def test_actor_with_no_events_still_has_a_profile(site):
    assert "No published events yet." in page(site, "/actors/unused-actor/").text()
    assert "Zoë Quiet · 0 events" in page(site, "/actors/").text()


def test_non_ascii_names_are_kept(site):
    assert "José Núñez" in page(site, "/actors/jose-nunez/").text()
    assert "Міністерство оборони" in page(site, "/sources/statement/").text()


def test_drafts_appear_nowhere(site):
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt"}:
            content = path.read_text(encoding="utf-8", errors="replace")
            assert "SECRET DRAFT" not in content, path
            assert "secret-draft" not in content, path


def test_permanent_links_send_readers_to_the_event(site):
    redirect = (site / "events" / "washington-late-call" / "index.html").read_text(encoding="utf-8")
    assert 'url=../../briefings/2024-11-05/#washington-late-call"' in redirect
    month = (site / "events" / "november-talks" / "index.html").read_text(encoding="utf-8")
    assert "url=../../timeline/#november-talks" in month


def test_every_internal_link_and_anchor_resolves(site):
    for html in site.rglob("*.html"):
        if html.parent.parent.name == "events" or html.name == "404.html":
            continue  # redirect stubs are checked above; 404.html uses root-relative links by design
        current = Page(html)
        for href, _ in current.links(current.root):
            if not href or href.startswith(("http://", "https://", "mailto:")):
                continue
            path, _, anchor = href.partition("#")
            folder = html.parent
            target = (folder / path).resolve() if path else html
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{html.relative_to(site)}: broken link {href}"
            if anchor and target.suffix == ".html":
                assert anchor in Page(target).ids(), f"{html.relative_to(site)}: missing anchor {href}"


def test_navigation_stays_small(site):
    home = Page(site / "index.html")
    nav_links = [href for href, _ in home.links(home.root) if "briefings/20" in href]
    # recent_days is 3 in this project: the nav shows at most 3 days, wherever else days are linked.
    nav = next(e for e in home.root.iter() if (e.get("class") or "").startswith("md-nav md-nav--primary"))
    assert len([h for h, _ in home.links(nav) if "briefings/20" in h]) <= 3
    assert nav_links


def test_hand_written_page_is_published(site):
    assert "We curate the news with its sources." in page(site, "/about/").text()


def test_no_page_requests_another_host(site):
    for html in site.rglob("*.html"):
        current = Page(html)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in current.all(tag):
                value = element.get(attribute) or ""
                if tag == "link" and element.get("rel") in ("canonical", "alternate"):
                    continue
                assert not value.startswith(("http:", "https:", "//")), f"{html}: {tag} {value}"


def test_rebuild_after_one_edit_rewrites_few_files(case):
    project = case("site")
    loaded = Project.load(project / "mkdocs.yml")
    first = generate(loaded)
    assert generate(loaded).report.written == []
    event = project / "content" / "events" / "2024" / "10" / "single-day.yaml"
    event.write_text(
        event.read_text(encoding="utf-8").replace("A day with a single event", "A retitled day"), encoding="utf-8"
    )
    # Pages only: the feeds and data files hold the whole record, so an edit rewrites each of them that shows it.
    written = set(generate(loaded).report.written) & set(first.pages)
    assert "briefings/2024-10-20.md" in written
    assert "briefings/2024-11-05.md" not in written
    assert len(written) < len(first.pages) / 2, written


def test_broken_link_in_a_hand_written_page_fails_the_build(case, capsys):
    project = case("site")
    (project / "content" / "pages" / "about.md").write_text("See [nowhere](missing.md).\n", encoding="utf-8")
    assert main(["build", "-f", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert "missing.md" in err
    assert "Traceback" not in err


def test_content_errors_stop_the_build_before_mkdocs(case, capsys):
    project = case("site")
    broken = project / "content" / "events" / "2024" / "10" / "single-day.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("topics: [front-line]", "topics: [frontline]"), encoding="utf-8"
    )
    assert main(["build", "-f", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert (
        "content/events/2024/10/single-day.yaml:4:10: topics[0]: unknown topic 'frontline' (did you mean 'front-line'?)"
        in err
    )
    assert err.strip().endswith("1 error in 1 file; nothing was built.")
    assert not (project / "site").exists()


def test_paths_on_the_site_in_a_summary_work_on_a_site_in_a_folder(case):
    """An editor links another briefing as "/briefings/…": the page, the feeds and the PDF each get a link
    that works where they are read, on a site published under /desk/."""
    import pypdf

    from generator.exports.formats import site_files

    project = case("site")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "site_url: https://desk.example.org/", "site_url: https://example.org/desk/"
        ),
        encoding="utf-8",
    )
    event = project / "content" / "events" / "2024" / "10" / "single-day.yaml"
    event.write_text(
        event.read_text(encoding="utf-8").replace(
            "summary: The only thing that happened.",
            "summary: The only thing; see [the next day](/briefings/2024-11-02/#top) and [this](#single-day).",
        ),
        encoding="utf-8",
    )
    loaded = Project.load(config)
    build(loaded, pdf=True)
    day = page(project / "site", "/briefings/2024-10-20/")
    hrefs = [href for href, text in day.links(day.content()) if text in ("the next day", "this")]
    assert hrefs == ["/desk/briefings/2024-11-02/#top", "#single-day"]
    assert (project / "site" / "briefings" / "2024-11-02" / "index.html").is_file()
    atom = site_files(loaded.load_record()[0], loaded.settings)[0]["feeds/topics/front-line.atom"].decode("utf-8")
    assert 'href="https://example.org/desk/briefings/2024-11-02/#top"' in atom.replace("&quot;", '"')
    pdf = pypdf.PdfReader(project / "site" / "pdf" / "2024-10-20.pdf")
    uris = {a.get_object().get("/A", {}).get("/URI") for p in pdf.pages for a in p.get("/Annots") or []}
    assert "https://example.org/desk/briefings/2024-11-02/#top" in uris
