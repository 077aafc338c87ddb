"""ingest/extract.py and ingest/page.py: saved pages and plain text → a document with metadata and posts."""

from __future__ import annotations

import socket
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from generator.ingest.document import ExtractError, parse_moment
from generator.ingest.extract import read_document, read_text
from generator.ingest.page import furniture
from tests.ingest_gold import FIXTURES

LIVEBLOG = FIXTURES / "liveblog.html"
ARTICLE = FIXTURES / "article.html"


def all_text(doc) -> str:
    return "\n".join(b.text for post in doc.posts for b in post.blocks)


# --- plain text -------------------------------------------------------------------------------------------


def test_plain_text_first_line_is_the_title_and_a_short_unpunctuated_second_line_the_standfirst():
    doc = read_text("Live: the war\nTroops advance near Kursk, says Seoul\nA paragraph.\nAnother one.\n", "x.txt", None)
    assert doc.title == "Live: the war"
    assert doc.standfirst == "Troops advance near Kursk, says Seoul"
    assert [b.text for b in doc.posts[0].blocks] == ["A paragraph.", "Another one."]
    assert all(b.heading is None for b in doc.posts[0].blocks)  # plain text does not say; split decides
    assert doc.live


def test_two_paragraphs_glued_when_the_page_was_saved_are_parted():
    doc = read_text("Title\nYour support makes all the difference.Ukraine is repelling drones.\n", "x.txt", None)
    assert [b.text for b in doc.posts[0].blocks] == [
        "Your support makes all the difference.",
        "Ukraine is repelling drones.",
    ]


def test_abbreviations_are_not_taken_for_glued_paragraphs():
    doc = read_text("Title\nThe U.S. on Wednesday imposed sanctions.\n", "x.txt", None)
    assert [b.text for b in doc.posts[0].blocks] == ["The U.S. on Wednesday imposed sanctions."]


def test_markdown_marks_and_odd_spaces_are_taken_off():
    doc = read_text("# Title\n\n## Drones over Kyiv\n- Air\u00a0defences  were\tactive.\u200b\n", "x.md", None)
    assert doc.title == "Title"
    assert [(b.text, b.heading) for b in doc.posts[0].blocks] == [
        ("Drones over Kyiv", True),
        ("Air defences were active.", None),
    ]


def test_bulleted_lines_are_points_of_a_list_and_a_summary_heading_is_no_standfirst():
    doc = read_text(
        "Floods live\nSummary\n• Rivers rose overnight\n- Schools closed in two towns\nA paragraph.\n", "x.txt", None
    )
    assert doc.standfirst is None
    assert [(b.text, b.item) for b in doc.posts[0].blocks] == [
        ("Summary", False),
        ("Rivers rose overnight", True),
        ("Schools closed in two towns", True),
        ("A paragraph.", False),
    ]


def test_an_empty_text_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(ExtractError, match="the document is empty"):
        read_document(path)


def test_text_that_is_not_utf8_is_refused_with_the_byte(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Title\nKyiv caf\xe9\n")
    with pytest.raises(ExtractError, match=r"is not UTF-8 \(byte 15\)"):
        read_document(path)


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    with pytest.raises(ExtractError, match="no such file"):
        read_document(tmp_path / "nothing.txt")
    with pytest.raises(ExtractError, match="is a folder"):
        read_document(tmp_path)


def test_the_publication_time_given_is_kept():
    doc = read_text("Title\nA line.\n", "x.txt", date(2024, 11, 5))
    assert doc.published == date(2024, 11, 5) and doc.published_day == date(2024, 11, 5)


# --- a saved live blog ------------------------------------------------------------------------------------


def test_a_live_blog_page_gives_its_metadata():
    doc = read_document(LIVEBLOG)
    assert doc.shape == "html" and doc.live
    assert doc.title.startswith("Russia-Ukraine war live: Kyiv downs drones overnight")
    assert doc.publisher == "Meridian News"
    assert doc.url == "https://www.meridian-news.example/world/live/2024/nov/21/russia-ukraine-war-live-updates"
    assert doc.published == datetime(2024, 11, 21, 7, 2, 11, tzinfo=UTC)
    assert doc.language == "en-GB"


def test_each_post_is_read_with_its_own_time_and_anchor():
    doc = read_document(LIVEBLOG)
    assert len(doc.posts) == 10
    first = doc.posts[0]
    assert first.published == datetime(2024, 11, 21, 22, 30, tzinfo=UTC)
    assert first.anchor == "post-1019"
    assert first.blocks[0].heading and first.blocks[0].text == "Ukraine says it hit an oil depot in Bryansk region"
    untitled = next(p for p in doc.posts if p.anchor == "post-1009")
    assert not any(b.heading for b in untitled.blocks)


@pytest.mark.parametrize(
    "furniture_text",
    [
        "We use cookies",
        "Sign up to First Edition",
        "Enter your email address",
        "Most read",
        "Ten warming soups",
        "Advertisement",
        "Stay strong Kyiv",
        "Does anyone know",
        "Key events",
        "Copy link",
        "Anna Kowalczyk",
        "All rights reserved",
        "Subscribe from",
    ],
)
def test_page_furniture_and_comments_are_not_read_into_posts(furniture_text):
    assert furniture_text not in all_text(read_document(LIVEBLOG))


def test_times_in_comments_and_the_byline_do_not_make_posts():
    doc = read_document(LIVEBLOG)
    times = {p.published for p in doc.posts}
    assert datetime(2024, 11, 21, 8, 1, tzinfo=UTC) not in times  # a comment's
    assert datetime(2024, 11, 21, 7, 2, 11, tzinfo=UTC) not in times  # the byline's


def test_posts_declared_only_in_json_ld_are_read(tmp_path):
    page = tmp_path / "ld.html"
    page.write_text(
        """<!DOCTYPE html><html><head><title>Election live</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"LiveBlogPosting",
        "headline":"Election live","datePublished":"2024-11-05T06:00:00Z","liveBlogUpdate":[
        {"@type":"BlogPosting","headline":"Polls open","datePublished":"2024-11-05T07:00:00Z",
         "articleBody":"Polls opened across the country this morning."},
        {"@type":"BlogPosting","headline":"Turnout high","datePublished":"2024-11-05T12:00:00Z",
         "articleBody":"Officials said turnout was high."}]}</script></head>
        <body><main><div id="app">Loading…</div><p>Updates appear here as they happen.</p></main></body></html>""",
        encoding="utf-8",
    )
    doc = read_document(page)
    assert doc.live and [p.blocks[0].text for p in doc.posts] == ["Polls open", "Turnout high"]
    assert doc.posts[1].published == datetime(2024, 11, 5, 12, tzinfo=UTC)


def page(tmp_path: Path, body: str, title: str = "Floods live: rivers rise across the region") -> Path:
    path = tmp_path / "page.html"
    path.write_text(
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2025-03-04T06:00:00Z"></head>'
        f"<body><main>{body}</main></body></html>",
        encoding="utf-8",
    )
    return path


def post(ident: str, moment: str, headline: str, *paragraphs: str, extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<article id="{ident}" class="block x-9f3"><header><time datetime="{moment}">{moment[11:16]}</time>'
        f"<h2>{headline}</h2></header>{body}{extra}</article>"
    )


def test_a_list_of_links_to_posts_with_their_times_makes_no_posts(tmp_path):
    links = "".join(
        f'<li class="k-1x"><a href="#{i}"><time datetime="2025-03-04T0{n}:00:00Z">0{n}.00</time>'
        f"<span>Headline {n}</span></a></li>"
        for n, i in ((9, "p2"), (8, "p1"))
    )
    posts = post(
        "p2", "2025-03-04T09:00:00Z", "Dam opened", "Engineers opened the dam gates early this morning."
    ) + post("p1", "2025-03-04T08:00:00Z", "Roads closed", "Police closed four roads near the river overnight.")
    doc = read_document(page(tmp_path, f'<details class="k-7q"><ul>{links}</ul></details>{posts}'))
    assert [p.anchor for p in doc.posts] == ["p2", "p1"]


def test_an_updated_at_note_does_not_take_a_post_apart(tmp_path):
    note = '<div class="n-2"><p>Updated at <time datetime="2025-03-04T09:20:00Z">09.20 GMT</time></p></div>'
    doc = read_document(
        page(
            tmp_path,
            post(
                "p2",
                "2025-03-04T09:00:00Z",
                "Dam opened",
                "Engineers opened the dam gates early this morning to relieve the river.",
                extra=note,
            )
            + post(
                "p1",
                "2025-03-04T08:00:00Z",
                "Roads closed",
                "Police closed four roads near the river overnight as the water rose.",
            ),
        )
    )
    assert [(p.anchor, p.published.hour) for p in doc.posts] == [("p2", 9), ("p1", 8)]
    assert doc.posts[0].blocks[0].text == "Dam opened"


def test_a_hashed_id_is_not_read_for_furniture_words():
    from lxml import html

    tree = html.fromstring(
        '<div><article id="block-6786ad2d8f08" class="dcr-1t8m8f2">x</article><div class="adslot2">x</div></div>'
    )
    assert [furniture(e) for e in tree] == [False, True]


def test_a_post_whose_sentences_the_extractor_dropped_is_read_whole():
    from lxml import html

    from generator.ingest.page import _post_blocks

    container = html.fromstring(
        "<article><h2>Dam opened</h2><p>Jo Bloggs</p>"
        "<p>Engineers opened the dam gates early this morning to relieve the river.</p></article>"
    )
    # The extractor kept the byline (seen in another post) and none of this post's sentences.
    assert [b.text for b in _post_blocks(container, {"jo bloggs"})] == [
        "Dam opened",
        "Jo Bloggs",
        "Engineers opened the dam gates early this morning to relieve the river.",
    ]
    kept = {"engineers opened the dam gates early this morning to relieve the river"}
    assert [b.text for b in _post_blocks(container, kept)][1:] == [
        "Engineers opened the dam gates early this morning to relieve the river."
    ]


def test_the_points_of_a_list_in_a_post_are_marked(tmp_path):
    points = "<ul><li><p>The river peaked at 6.2 metres overnight.</p></li><li>Two bridges were closed.</li></ul>"
    doc = read_document(
        page(
            tmp_path,
            post("p2", "2025-03-04T09:00:00Z", "Summary", extra=points)
            + post(
                "p1",
                "2025-03-04T08:00:00Z",
                "Roads closed",
                "Police closed four roads near the river overnight as the water rose.",
            ),
        )
    )
    assert [(b.text, b.item) for b in doc.posts[0].blocks if not b.heading] == [
        ("The river peaked at 6.2 metres overnight.", True),
        ("Two bridges were closed.", True),
    ]


def test_a_live_page_whose_times_have_no_moment_is_read_post_by_post(tmp_path):
    feed = "".join(
        f'<li class="feed-item"><article id="e{n}"><time><span>1{n}:05</span></time><h3>Headline {n}</h3>'
        f"<p>Volunteers filled sandbags along the embankment in district {n} through the afternoon.</p>"
        "</article></li>"
        for n in range(4)
    )
    summary = "<ol><li>Rivers rose overnight</li><li>Schools closed</li></ol>"
    doc = read_document(page(tmp_path, f"<div>{summary}</div><ol class='feed'>{feed}</ol>"))
    assert doc.live and [p.anchor for p in doc.posts] == ["e0", "e1", "e2", "e3"]
    assert [b.text for b in doc.posts[1].blocks][:1] == ["Headline 1"] and doc.posts[1].published is None


def test_an_article_is_not_read_as_a_run_of_posts(tmp_path):
    paragraphs = "".join(f"<p>The river rose by {n} centimetres in the hour to noon, they said.</p>" for n in range(6))
    doc = read_document(page(tmp_path, f"<article><h1>River rises</h1>{paragraphs}</article>", title="River rises"))
    assert not doc.live and len(doc.posts) == 1


# --- a saved article --------------------------------------------------------------------------------------


def test_an_article_is_one_post_with_its_standfirst_apart():
    doc = read_document(ARTICLE)
    assert not doc.live and len(doc.posts) == 1
    assert doc.publisher == "The Harbour Post"
    assert doc.published == datetime(2025, 1, 2, 9, 15, tzinfo=UTC)
    assert doc.standfirst.startswith("Moldova's president accuses the Kremlin")
    blocks = [b.text for b in doc.posts[0].blocks]
    assert blocks[0].startswith("Authorities in Transnistria")
    assert not any("Tiraspol, the region's main city" in b or "Europe Briefing" in b for b in blocks)


def test_a_page_with_no_text_is_refused(tmp_path):
    page = tmp_path / "blank.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    with pytest.raises(ExtractError, match="no article text"):
        read_document(page)


def test_reading_pages_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for page in (LIVEBLOG, ARTICLE):
        assert read_document(page).posts


# --- helpers ----------------------------------------------------------------------------------------------


def test_furniture_is_known_by_tag_class_id_and_role():
    from lxml import html

    tree = html.fromstring(
        '<div><div class="most-read">x</div><div id="onetrust-banner-sdk">x</div><aside>x</aside>'
        '<div role="complementary">x</div><div class="story-body">x</div><div class="ad-slot">x</div></div>'
    )
    assert [furniture(e) for e in tree] == [True, True, True, True, False, True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-21T07:02:11+00:00", datetime(2024, 11, 21, 7, 2, 11, tzinfo=UTC)),
        ("2024-11-21T07:02:11Z", datetime(2024, 11, 21, 7, 2, 11, tzinfo=UTC)),
        ("2024-11-21T07:02:11+0000", datetime(2024, 11, 21, 7, 2, 11, tzinfo=UTC)),
        ("2024-11-21T07:02:11", None),  # no offset: not one moment
        ("yesterday", None),
        (None, None),
    ],
)
def test_moments_in_metadata(text, expected):
    assert parse_moment(text) == expected


def test_the_seed_document_is_read_as_a_live_blog():
    doc = read_document(FIXTURES / "seed.txt", date(2024, 11, 5))
    assert doc.title.startswith("Ukraine-Russia war latest")
    assert doc.standfirst.startswith("Significant number of North Korean troops")
    assert Path(doc.file).name == "seed.txt"


def test_a_page_saved_as_a_single_file_web_archive_is_read(tmp_path):
    from email.message import EmailMessage

    archive = EmailMessage()
    archive["From"] = "<Saved by Blink>"
    archive["Subject"] = "Russia-Ukraine war live"
    archive["MIME-Version"] = "1.0"
    archive.set_content(LIVEBLOG.read_text(encoding="utf-8"), subtype="html", cte="quoted-printable")
    archive.add_attachment(b"\x89PNG...", maintype="image", subtype="png", filename="logo.png")
    path = tmp_path / "live.mhtml"
    path.write_bytes(archive.as_bytes())
    doc = read_document(path)
    assert doc.live and len(doc.posts) == 10 and doc.publisher == "Meridian News"


def test_a_posts_zone_is_the_one_its_time_shows_else_its_offset(tmp_path):
    shown = (
        '<article id="a"><time datetime="2024-07-29T03:47:00Z">July 28, 11:47 p.m. ET</time><h2>Count</h2>'
        "<p>The electoral council declared the result shortly before midnight on Sunday.</p></article>"
    )
    offset = (
        '<article id="b"><time datetime="2024-07-28T22:50:00-04:00">10:50</time><h2>Plot</h2>'
        "<p>The interior minister said yesterday that several people had been arrested.</p></article>"
    )
    bare = (
        '<article id="c"><time datetime="2024-07-28T20:00:00Z">2h ago</time><h2>Polls</h2>'
        "<p>Polling stations stayed open late in several districts of the capital.</p></article>"
    )
    doc = read_document(page(tmp_path, shown + offset + bare))
    zones = {p.anchor: p.zone for p in doc.posts}
    assert zones["a"].key == "America/New_York"
    assert zones["b"].utcoffset(None).total_seconds() == -4 * 3600
    assert zones["c"] is None
