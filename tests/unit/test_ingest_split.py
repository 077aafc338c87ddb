"""ingest/split.py: items found, headlines recognised, boilerplate dropped, repeats merged."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from generator.ingest.dating import date_item
from generator.ingest.document import Block, Document, Post
from generator.ingest.extract import read_document, read_text
from generator.ingest.split import (
    Item,
    boilerplate_reason,
    drop_boilerplate,
    group_points,
    headline_like,
    section_heading,
    split_background,
    split_items,
)
from tests.ingest_gold import FIXTURES

DAY = date(2024, 11, 5)


def items_of(text: str) -> tuple[list[Item], list]:
    return split_items(read_text(text, "x.txt", DAY))


# --- boilerplate --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Your support helps us to tell the story",
        "Subscribe to Independent Premium to bookmark this article",
        "Want to bookmark your favourite articles and stories to read or reference later? Start your subscription.",
        "Join our commenting forum",
        "Comments",
        "Comments 65",
        "Most read",
        "Sign up to our newsletter for the stories that matter, in your inbox every morning.",
        "We use cookies to improve your experience. You can manage your preferences.",
        "Support our journalism today and help keep our reporting open to all.",
        "Advertisement",
        "© 2024 Meridian News Media Ltd. All rights reserved.",
        "14.45 GMT",
        "9:05am",
        "2h ago",
        "Thu 21 Nov 2024 07.02 GMT",
        "Updated at 10.15",
        "21 November 2024",
        "By Anna Kowalczyk and Tom Reed",
        # asks in other words than the seed's
        "Good reporting costs money, and we still send correspondents where others have stopped going.",
        "Every contribution, however small, keeps us independent.",
        "Join our Telegram channel for alerts",
        "Follow our coverage of the region at https://news.example/hub/region",
        # credits, stamps and pointers of other outlets
        "Reporting by Jane Roe and John Doe; Editing by Sam Poe",
        "Edited by Jane Roe and Sam Poe",
        "Associated Press writer John Doe in Cairo contributed to this report.",
        "Posted at 15:02",
        "July 28, 2024, 11:47 p.m. ET",
        "Read more: What the new law means for tenants",
        "Related: Five things to know about the vote",
        "Our Standards: The Trust Principles., opens new tab",
        "Our Standards: The Harbour Wire Trust Principles.",
        "Editorial guidelines: how we report conflicts",
        "4 minute read",
        "3-min read",
        "Listen to this article | 4 mins",
        "Source: Courier and news agencies",
        "Follow Harbour News on WhatsApp",
        "Here is the situation on Thursday, January 16, 2025.",
        "Here’s where things stand on day 400 of the war:",
    ],
)
def test_boilerplate_lines_are_recognised(line):
    assert boilerplate_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "“We urge Europe to realize that the troops are now carrying an aggressive war,” he told a briefing.",
        "Sweden will send Ukraine a new military aid package, the prime minister announced today.",
        "The ministry said it would subscribe to the new sanctions regime agreed in Brussels on Monday.",
        "Most of the drones were shot down over the capital, the mayor said.",
        "By-election held in Rostov",
        "Putin signs decree on reservists",
        "Our correspondent in Kherson reported heavy shelling through the night.",
        "Germany’s contribution to the fund rose to €2bn, the finance ministry said.",
        "Watch the skies, the governor told residents as air raid sirens sounded.",
        "Our standards of living have fallen, the union's leader told the rally.",
        "Here is the situation: the dam has burst and the town is flooded, the mayor said.",
        "Follow-up strikes on Kharkiv hit a school on Sunday, officials said.",
    ],
)
def test_news_is_not_boilerplate(line):
    assert boilerplate_reason(line) is None


def test_a_line_that_speaks_to_readers_between_two_asks_goes_with_them():
    blocks = (
        Block("Your support helps us to tell the story"),
        Block("From climate to Big Tech, we are on the ground when the story is developing."),
        Block("Your donation allows us to keep sending journalists."),
        Block("Drones were shot down over Kyiv, the mayor said."),
    )
    kept, dropped = drop_boilerplate(blocks)
    assert [b.text for b in kept] == ["Drones were shot down over Kyiv, the mayor said."]
    assert len(dropped) == 3 and all(d.reason.startswith("boilerplate") for d in dropped)


def test_a_short_line_over_an_ask_is_its_heading():
    blocks = (
        Block("Be part of the story"),
        Block("Every contribution, however small, keeps us independent."),
        Block("Floodwater reached the city centre overnight, the mayor said."),
    )
    kept, dropped = drop_boilerplate(blocks)
    assert [b.text for b in kept] == ["Floodwater reached the city centre overnight, the mayor said."]
    assert dropped[0].reason == "boilerplate: the heading of a request to readers"


def test_a_short_line_over_news_is_not_taken_for_an_asks_heading():
    blocks = (Block("Dam opened"), Block("Engineers opened the dam gates early this morning."))
    assert drop_boilerplate(blocks)[1] == []


# --- headlines --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Germany pledges €200m in winter aid for Ukraine", True),
        ("Ukraine, Germany discuss need for 'decisive response' to N. Korean involvement in war", True),
        ("“We will not give up,” says Zelensky", True),
        ("Germany will give Ukraine another €200m in aid, the minister said.", False),  # a full stop: a sentence
        (
            "The U.S. on Wednesday imposed sanctions on 398 firms across Russia, India, China, and more than a dozen "
            "other nations accusing them of providing products and services that enable the war",
            False,
        ),  # too long
        ("Key points:", False),
        ("a lower-case start", False),
    ],
)
def test_headline_shape(line, expected):
    assert headline_like(line) is expected


def test_a_headline_needs_a_paragraph_under_it():
    items, skipped = items_of(
        "Live\nFirst headline here\nSecond headline here\nA paragraph under the second one.\n"
        "Third headline\nAnother paragraph here.\n"
    )
    assert [i.headline for i in items] == ["Second headline here", "Third headline"]
    assert items[0].paragraphs == ("A paragraph under the second one.",)


def test_time_stamps_and_bylines_of_a_saved_text_are_not_headlines_or_paragraphs():
    items, skipped = items_of(
        "Ukraine war live\nBy Anna Kowalczyk\n14.45 GMT\nPutin signs decree\nPutin signed a decree on Tuesday.\n"
        "13.00 GMT\nUS approves sale\nThe State Department approved a sale on 18 November.\n"
    )
    assert [(i.headline, i.paragraphs) for i in items] == [
        ("Putin signs decree", ("Putin signed a decree on Tuesday.",)),
        ("US approves sale", ("The State Department approved a sale on 18 November.",)),
    ]
    assert sorted(s.reason for s in skipped) == [
        "boilerplate: a byline",
        "boilerplate: a time stamp or date line",
        "boilerplate: a time stamp or date line",
    ]


def test_a_name_alone_on_a_line_between_two_stories_starts_an_item():
    items, skipped = items_of(
        "Live\nDrones over Odesa\nDrones hit Odesa port overnight, the governor said.\n"
        "Moldova\nMoldova's president Maia Sandu said on 12 November that gas talks would start.\n"
    )
    assert [i.paragraphs for i in items] == [
        ("Drones hit Odesa port overnight, the governor said.",),
        ("Moldova's president Maia Sandu said on 12 November that gas talks would start.",),
    ]
    assert "a new item starts under it" in skipped[0].reason


def test_a_credit_inside_a_story_does_not_split_it():
    items, skipped = items_of(
        "Live\nDrones over Odesa\nDrones hit Odesa port overnight, the governor said.\nReuters\n"
        "He added that two workers were hurt.\nTalks in Doha\nTalks began in Doha on Monday.\n"
    )
    assert [i.headline for i in items] == ["Drones over Odesa", "Talks in Doha"]
    assert items[0].paragraphs == (
        "Drones hit Odesa port overnight, the governor said.",
        "He added that two workers were hurt.",
    )
    assert [s.text for s in skipped] == ["Reuters"]


def test_markdown_headings_start_items():
    items, _ = split_items(
        read_text("# Live\n## Drones over Kyiv\nDrones were downed.\n## Talks in Doha\nTalks began.\n", "x.md", DAY)
    )
    assert [i.headline for i in items] == ["Drones over Kyiv", "Talks in Doha"]


# --- repeats ----------------------------------------------------------------------------------------------


def test_an_item_told_twice_is_merged_into_the_first_telling():
    items, skipped = items_of(
        "Live\nUS sanctions 398 firms\nThe U.S. on Wednesday imposed sanctions on 398 firms.\nMore details here.\n"
        "Zelensky thanks allies\nZelensky thanked allies.\nUS sanctions 398 firms\n"
        "The U.S. on Wednesday imposed sanctions on 398 firms\n"
    )
    assert [i.headline for i in items] == ["US sanctions 398 firms", "Zelensky thanks allies"]
    assert items[0].paragraphs == ("The U.S. on Wednesday imposed sanctions on 398 firms.", "More details here.")
    assert [s.reason for s in skipped] == ["a repeat of 'US sanctions 398 firms': merged into it"]


def test_a_summary_point_that_a_later_post_tells_is_merged_into_the_post():
    items, skipped = items_of(
        "Live\nSeoul says 10,000 North Korean troops are in Kursk, the defence ministry said today.\n"
        "Seoul says 10,000 troops in Kursk\n"
        "More than 10,000 North Korean troops are in Russia and many are in Kursk, Seoul's defence ministry said "
        "today.\nThe ministry said it could not confirm casualties.\n"
    )
    assert [i.headline for i in items] == ["Seoul says 10,000 troops in Kursk"]
    assert skipped[0].reason.startswith("a repeat of 'Seoul says 10,000 troops in Kursk'")


# --- the untitled opening of a live blog: separate points ------------------------------------------------------


def test_summary_points_group_by_subject():
    names = {"Pentagon", "Kyiv", "Russia"}
    groups = group_points(
        [
            "Ukraine is repelling drones over Kyiv, the mayor said this morning.",
            "Blasts were heard in the capital.",  # no subject of its own: goes with the point before
            "The Pentagon said that 10,000 soldiers were in Kursk.",  # a named subject: a new point
            "Russia is handing out uniforms to them, the Pentagon said.",  # the same speaker: the same point
            "Kyiv said yesterday that it had struck the troops.",  # its own date: a new point
            "He added that more strikes would follow.",  # a pronoun: goes on
        ],
        names,
    )
    assert [len(g) for g in groups] == [2, 2, 2]


def test_an_article_is_one_item_whatever_its_subheadings():
    doc = read_document(FIXTURES / "article.html")
    items, _ = split_items(doc)
    assert len(items) == 1 and items[0].origin == "article"
    assert items[0].headline == doc.title


def test_a_post_without_a_headline_is_one_item():
    items, _ = split_items(read_document(FIXTURES / "liveblog.html"))
    untitled = [i for i in items if i.anchor == "post-1009"]
    assert len(untitled) == 1 and len(untitled[0].paragraphs) == 2


# --- the seed ---------------------------------------------------------------------------------------------


def test_the_seed_splits_into_its_items_without_boilerplate_or_repeats():
    doc = read_document(FIXTURES / "seed.txt", DAY)
    items, skipped = split_items(doc)
    headlines = [i.headline for i in items if i.headline]
    assert len(headlines) == 10 and len(set(headlines)) == 10
    assert len([i for i in items if i.origin == "point"]) == 3
    text = " ".join(i.text for i in items)
    for ask in ("Your support", "bookmark", "commenting", "paywalls", "Comments"):
        assert ask not in text
    assert sum(s.reason.startswith("a repeat") for s in skipped) == 3
    assert sum(s.reason.startswith("boilerplate") for s in skipped) == 10


# --- background paragraphs --------------------------------------------------------------------------------------


def test_a_paragraph_dated_to_another_day_becomes_its_own_item():
    tz = ZoneInfo("Europe/Kyiv")
    item = Item(
        "US bomber drill with Seoul and Tokyo",
        (
            "The US flew a bomber with South Korea and Japan on Sunday.",
            "North Korea on Thursday tested a new missile.",
            "It comes as troops fight in Ukraine.",
        ),
        DAY,
    )
    dated = date_item(item.texts, DAY, tz)
    kept, moved = split_background(item, dated, 0, tz)
    assert kept.paragraphs == (item.paragraphs[0], item.paragraphs[2])
    assert [m.paragraphs for m in moved] == [("North Korea on Thursday tested a new missile.",)]
    assert moved[0].origin == "background"


def test_a_paragraph_on_the_same_day_stays():
    tz = ZoneInfo("Europe/Kyiv")
    item = Item(
        None, ("Heating was cut on Wednesday.", "Zelensky said on Wednesday that transit had ended."), date(2025, 1, 2)
    )
    kept, moved = split_background(item, date_item(item.texts, item.published, tz), 0, tz)
    assert moved == [] and kept == item


def test_a_page_that_calls_itself_live_without_post_times_is_split_at_its_headings(tmp_path):
    page = tmp_path / "live.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Election live: results as they come in</title>"
        '<meta property="article:published_time" content="2024-11-05T21:00:00+00:00"></head><body><main><article>'
        "<h1>Election live: results as they come in</h1>"
        "<h2>Polls close in the east</h2><p>Polls closed in six eastern states at 7pm, officials said.</p>"
        "<p>Counting began at once in most districts.</p>"
        "<h2>Turnout above 60%</h2><p>Turnout passed 60% for the first time since 1992, the commission said.</p>"
        "</article></main></body></html>",
        encoding="utf-8",
    )
    items, _ = split_items(read_document(page))
    assert [i.headline for i in items] == ["Polls close in the east", "Turnout above 60%"]


def test_an_articles_subheadings_do_not_split_it(tmp_path):
    page = tmp_path / "article.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Why the vote matters</title>"
        '<meta property="article:published_time" content="2024-11-05T21:00:00+00:00"></head><body><main><article>'
        "<h1>Why the vote matters</h1><p>Voters chose a new parliament on Sunday, officials said.</p>"
        "<h2>The background</h2><p>The last election was held four years ago, in a crisis.</p>"
        "<h2>What comes next</h2><p>Coalition talks are expected to take weeks, analysts said.</p>"
        "</article></main></body></html>",
        encoding="utf-8",
    )
    items, skipped = split_items(read_document(page))
    assert len(items) == 1 and len(items[0].paragraphs) == 3
    assert [s.text for s in skipped] == ["The background", "What comes next"]


def test_time_stamps_part_posts_and_a_post_without_a_headline_is_one_item():
    items, skipped = items_of(
        "Ukraine war live\nA short standfirst without a stop\nThu 21 Nov 2024 14.02 GMT\n"
        "Hungary's prime minister Viktor Orbán said on Wednesday that Ukraine could not win.\n"
        "“The reality is that Ukraine has lost,” Orbán told state radio.\n"
        "Thu 21 Nov 2024 12.10 GMT\nFinland to publish guidance\nFinland's ministry said it would publish a brochure.\n"
        "Explore more on these topics\nUkraine\nRussia\n"
    )
    assert [(i.headline, len(i.paragraphs), i.origin) for i in items] == [
        (None, 2, "post"),
        ("Finland to publish guidance", 1, "post"),
    ]
    reasons = [s.reason for s in skipped]
    assert reasons.count("a label (a tag, a caption or a credit), not a paragraph") == 2


def test_a_summary_post_in_text_lists_points_and_its_introduction_is_no_point():
    items, skipped = items_of(
        "Ukraine war live\nThu 21 Nov 2024 16.45 GMT\nSummary of the day\nHere is a recap of the day:\n"
        "The Kremlin declined to comment on the weapon used.\nUkraine's air force said eight missiles were downed.\n"
        "Thu 21 Nov 2024 09.15 GMT\nHello and welcome to our live coverage of the war. I'm Tom Reed.\n"
    )
    assert [(i.origin, i.paragraphs[0][:20]) for i in items] == [
        ("point", "The Kremlin declined"),
        ("point", "Ukraine's air force "),
    ]
    assert {
        "a summary's heading (its points are items)",
        "an introduction to a list",
        "boilerplate: the writer's greeting",
    } <= {s.reason for s in skipped}


def html_doc(*posts: tuple[tuple[Block, ...], str]) -> Document:
    return Document(
        "x.html", "html", "Floods live", tuple(Post(b, None, a) for b, a in posts), published=DAY, live=True
    )


def test_a_line_over_a_pages_post_is_no_lead():
    doc = html_doc(
        (
            (
                Block("Flood warning upgraded", True),
                Block("Jo Bloggs in Shrewsbury", False),
                Block("The river is expected to peak tonight, forecasters said.", False),
            ),
            "p1",
        ),
        ((Block("Roads shut", True), Block("Police shut four roads overnight.", False)), "p2"),
    )
    items, skipped = split_items(doc)
    assert items[0].paragraphs == ("The river is expected to peak tonight, forecasters said.",)
    assert ("Jo Bloggs in Shrewsbury", "a line over the post (a byline, a kicker), not a paragraph") in [
        (s.text, s.reason) for s in skipped
    ]


def test_a_post_that_greets_the_reader_rounds_up_the_news_point_by_point():
    greeting = Block("Good morning and welcome to our live coverage of the floods. Here is what we know:", False)
    points = (
        Block("The river peaked at 6.2 metres in Shrewsbury overnight.", False, True),
        Block("Two bridges were closed to traffic.", False, True),
    )
    doc = html_doc(((greeting, *points), "p0"), ((Block("Roads shut", True), Block("Police shut roads.", False)), "p1"))
    items, _ = split_items(doc)
    assert [(i.origin, i.paragraphs[0]) for i in items] == [
        ("point", "The river peaked at 6.2 metres in Shrewsbury overnight."),
        ("point", "Two bridges were closed to traffic."),
        ("post", "Police shut roads."),
    ]


def test_each_bulleted_line_of_a_summary_is_a_point_of_its_own():
    items, _ = items_of(
        "Floods live\nSummary\n• The river peaked overnight\n• Far fewer homes flooded than feared\n"
        "Police close roads near the river\nPolice shut four roads near the river overnight.\n"
    )
    assert [i.paragraphs[0] for i in items if i.origin == "point"] == [
        "The river peaked overnight",
        "Far fewer homes flooded than feared",
    ]


@pytest.mark.parametrize(
    ("heading", "lead", "section"),
    [
        ("Politics and diplomacy", "The president met his Polish counterpart on Monday.", True),
        ("Military aid", "The Pentagon announced a $500m weapons package on Tuesday.", True),
        ("Fighting", "Drones struck Odesa overnight, officials said.", True),
        ("Ceasefire collapses", "The ceasefire in the north collapsed on Sunday.", False),  # its words come back
        ("Markets tumble", "Markets tumbled across Asia after the announcement.", False),
        ("Sweden sends aid", "Sweden will send a new package.", False),  # a name: a headline's shape
        ("Drones hit power plant in 2 regions", "Drones hit a plant.", False),
    ],
)
def test_a_round_ups_topic_heading_is_told_from_a_headline(heading, lead, section):
    assert section_heading(heading, lead) is section
