"""Saved web pages: metadata from trafilatura and htmldate, live-blog posts from the page's own ``<time>`` marks.

A live blog is a list of posts, each with its own ``<time datetime>``. The
post around a time is the largest element that holds that time and no other;
times in comments, bylines, "Updated at" notes and other page furniture do
not count, and neither do lists of links to posts (a "key events" box). From
each post only the paragraphs trafilatura also kept are read, so its judgement
of what is boilerplate applies inside posts too (unless it kept no sentence of
a post: a short post it took for boilerplate, or one it passed over, is still
a post). A live page whose times carry no ``datetime`` is read from the run
of like elements that hold its posts (each a heading and paragraphs), and
dated by the page.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date, datetime

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.metadata import extract_metadata

from generator.ingest.document import (
    LIVE_TITLE,
    SUMMARY_HEADINGS,
    Block,
    Document,
    ExtractError,
    Post,
    parse_moment,
)
from generator.ingest.sentences import clean_line, ends_sentence, plain
from generator.ingest.zones import writer_zone

# Class, id and role words of page furniture that is never news, whichever extractor runs.
FURNITURE = frozenset(
    """cookie cookies consent gdpr cmp onetrust newsletter newsletters signup subscribe subscription promo
    promotion advert advertisement ad ads adslot dfp sponsor sponsored share sharing social related recommended
    recirculation outbrain taboola popular trending mostread comments comment disqus footer nav navigation menu
    breadcrumb breadcrumbs paywall donate donation support byline tags sidebar keyevents complementary
    contentinfo dialog alertdialog""".split()  # noqa: SIM905
)
FURNITURE_TAGS = frozenset(
    """nav aside footer form button script style noscript template svg iframe figcaption""".split()  # noqa: SIM905
)
BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote")
LINK_SHARE = 0.8  # a paragraph this much link text is a pointer elsewhere ("Related: …", a key-events entry)
MIN_POSTS = 3  # like elements that make a run of posts on a live page without post times
SENTENCE_WORDS = 8  # a paragraph this long that ends like a sentence is news copy, not a label
# A time that says when a post was changed, not written: "Updated at 15.31", "Last modified", "First published on".
_REVISION = re.compile(r"\b(updated|modified|edited|revised|first\s+published)\b\W*(at|on)?\W*$", re.I)
# htmldate compares with "today" by default; a saved page is read as of whenever it says it was published.
DATE_OPTIONS = {"original_date": True, "extensive_search": False, "max_date": "2999-12-31"}


def read_html(data: bytes, file: str, published: datetime | date | None) -> Document:
    tree = trafilatura.utils.load_html(data)
    if tree is None:
        raise ExtractError(f"{file}: is not an HTML page that can be read")
    meta = extract_metadata(copy.deepcopy(tree), date_config=dict(DATE_OPTIONS), extensive=False)
    title = clean_line(meta.title or "") or _first_heading(tree)
    if not title:
        raise ExtractError(f"{file}: the page has no title")
    kept = _kept_blocks(tree)
    posts = _live_posts(tree, kept) or _json_ld_posts(tree)
    if len(posts) < 2 and (LIVE_TITLE.search(title) or _declares_live(tree)):
        posts = _repeated_posts(tree, kept) or posts
    live = len(posts) >= 2
    standfirst = None
    if not live:
        standfirst, blocks = _article_blocks(kept, title)
        posts = (Post(blocks, None),) if blocks else ()
    if not posts:
        raise ExtractError(f"{file}: no article text was found in the page")
    moment = published or _page_time(tree, meta.date)
    return Document(
        file=file,
        shape="html",
        title=title,
        posts=tuple(posts),
        publisher=clean_line(meta.sitename or "") or None,
        url=meta.url or None,
        published=moment,
        standfirst=standfirst,
        # A page that calls itself live but marks no post times is read as one run of headed items.
        language=_language(tree),
        live=live or bool(LIVE_TITLE.search(title)),
        zone=writer_zone("", moment if isinstance(moment, datetime) else None),
    )


def _first_heading(tree: lxml_html.HtmlElement) -> str:
    for element in tree.iter("h1", "title"):
        text = clean_line(element.text_content())
        if text:
            return text
    return ""


def _language(tree: lxml_html.HtmlElement) -> str | None:
    lang = (tree.get("lang") or "").strip()
    return lang or None


def _kept_blocks(tree: lxml_html.HtmlElement) -> list[Block]:
    """The headings and paragraphs trafilatura keeps as the page's main text, in order."""
    xml = trafilatura.extract(
        copy.deepcopy(tree),
        output_format="xml",
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=False,
        deduplicate=False,
    )
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks = []
    for element in main.iter("head", "p", "item", "quote") if main is not None else ():
        if element.tag in ("p", "item") and element.find("p") is not None:
            continue  # the inner paragraphs are read on their own
        text = clean_line("".join(element.itertext()))
        if text:
            blocks.append(Block(text, element.tag == "head"))
    return blocks


def _article_blocks(kept: list[Block], title: str) -> tuple[str | None, tuple[Block, ...]]:
    """An article's text without its title, with its standfirst (a first line that is no sentence) set apart."""
    blocks = [b for b in kept if not (b.heading and plain(b.text) == plain(title))]
    standfirst = None
    if blocks and not blocks[0].heading and not ends_sentence(blocks[0].text) and len(blocks) > 1:
        standfirst, blocks = blocks[0].text, blocks[1:]
    return standfirst, tuple(blocks)


def _page_time(tree: lxml_html.HtmlElement, day: str | None) -> datetime | date | None:
    """The page's publication moment from its metadata, or htmldate's day when no moment agrees with it."""
    found = _declared_time(tree)
    if found is not None and (day is None or found.date().isoformat() == day):
        return found
    try:
        return date.fromisoformat(day) if day else found
    except ValueError:
        return found


def _declared_time(tree: lxml_html.HtmlElement) -> datetime | None:
    for item in json_ld(tree):
        moment = _moment_of(item)
        if moment:
            return moment
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("article:published_time", "datepublished"):
            moment = parse_moment(meta.get("content"))
            if moment:
                return moment
    return None


def _live_posts(tree: lxml_html.HtmlElement, kept: list[Block]) -> list[Post]:
    times = [t for t in tree.iter("time") if _post_time(t)]
    if len(times) < 2:
        return []
    counts: dict[lxml_html.HtmlElement, int] = {}
    for time in times:
        for ancestor in time.iterancestors():
            counts[ancestor] = counts.get(ancestor, 0) + 1
    kept_text = {plain(b.text) for b in kept}
    posts = []
    for time in times:
        container = _container(time, counts)
        blocks = _post_blocks(container, kept_text)
        if any(not b.heading for b in blocks):
            moment = parse_moment(time.get("datetime"))
            zone = writer_zone(clean_line(time.text_content()), moment)
            posts.append(Post(blocks, moment, container.get("id"), _summary(blocks), zone=zone))
    return posts


def _post_time(time: lxml_html.HtmlElement) -> bool:
    """A time that dates a post: it has a moment, and it is not in a byline, a comment or an 'updated' note."""
    if parse_moment(time.get("datetime")) is None:
        return False
    marks = f"{time.get('class') or ''} {time.get('itemprop') or ''}".lower()
    if "modified" in marks or "updated" in marks or _revision_note(time):
        return False
    return not any(furniture(a) for a in time.iterancestors())


def _revision_note(time: lxml_html.HtmlElement) -> bool:
    """Whether the words around a time say it is when something was changed ("Updated at <time>", "<time>Updated
    28 July</time>"): the words before it in its parent, or its own first words."""
    parent = time.getparent()
    before = ""
    if parent is not None:
        whole = parent.text_content()
        before = whole[: max(0, whole.find(time.text_content()))] if time.text_content() else whole
    own = clean_line(time.text_content())
    return bool(_REVISION.search(before[-40:]) or re.match(r"^(updated|modified|edited|revised)\b", own, re.I))


def _container(time: lxml_html.HtmlElement, counts: dict) -> lxml_html.HtmlElement:
    """The largest element around a time that holds no other post time."""
    node = time
    for ancestor in time.iterancestors():
        if counts.get(ancestor, 0) != 1:
            break
        node = ancestor
    return node


def _post_blocks(container: lxml_html.HtmlElement, kept: set[str]) -> tuple[Block, ...]:
    """A post's headings and the paragraphs trafilatura kept; all its paragraphs when it kept no sentence of them
    (a short post it took for boilerplate, or one it passed over: its own time marks it as a post, and the
    splitter still filters). Paragraphs that are mostly a link point elsewhere and are not read."""
    blocks = []
    for element in container.iter(*BLOCK_TAGS):
        if _furniture_between(element, container) or _holds_blocks(element):
            continue
        heading = element.tag.startswith("h")
        if not heading and _mostly_link(element):
            continue
        text = clean_line(element.text_content())
        if text:
            blocks.append(Block(text, heading, _in_list(element, container)))
    trusted = [b for b in blocks if b.heading or plain(b.text) in kept]
    return tuple(trusted if any(_sentence(b) for b in trusted) else blocks)


def _in_list(element: lxml_html.HtmlElement, container: lxml_html.HtmlElement) -> bool:
    """Whether a paragraph is a point of a list (an ``<li>``, or a paragraph inside one)."""
    if element.tag == "li":
        return True
    for ancestor in element.iterancestors():
        if ancestor is container:
            return False
        if ancestor.tag == "li":
            return True
    return False


def _sentence(block: Block) -> bool:
    return not block.heading and ends_sentence(block.text) and len(block.text.split()) >= SENTENCE_WORDS


def _mostly_link(element: lxml_html.HtmlElement) -> bool:
    """A paragraph or list item that is (nearly) all link text: navigation to another post or page."""
    text = len(clean_line(element.text_content()))
    linked = sum(len(clean_line(a.text_content())) for a in element.iter("a"))
    return text > 0 and linked >= LINK_SHARE * text


def _declares_live(tree: lxml_html.HtmlElement) -> bool:
    return any(str(item.get("@type")) in ("LiveBlogPosting", "['LiveBlogPosting']") for item in json_ld(tree))


def _repeated_posts(tree: lxml_html.HtmlElement, kept: list[Block]) -> list[Post]:
    """A live page whose post times carry no moment: its posts are the longest run of like elements (same tag and
    class, under one parent) that each hold a paragraph of news, such as ``<li class="post">`` in a feed."""
    best: list[lxml_html.HtmlElement] = []
    for parent in tree.iter():
        if not isinstance(parent.tag, str) or furniture(parent):
            continue
        runs: dict[tuple[str, str], list[lxml_html.HtmlElement]] = {}
        for child in parent:
            if isinstance(child.tag, str) and _holds_blocks(child) and _holds_news(child):
                runs.setdefault((child.tag, (child.get("class") or "").split(" ")[0]), []).append(child)
        best = max([best, *runs.values()], key=len)
    if len(best) < MIN_POSTS:
        return []
    kept_text = {plain(b.text) for b in kept}
    posts = [Post(_post_blocks(post, kept_text), None, _anchor(post)) for post in best]
    return [Post(p.blocks, None, p.anchor, _summary(p.blocks)) for p in posts if any(not b.heading for b in p.blocks)]


def _holds_news(element: lxml_html.HtmlElement) -> bool:
    return any(
        _sentence(Block(clean_line(p.text_content()), False)) and not _furniture_between(p, element)
        for p in element.iter("p")
    )


def _anchor(element: lxml_html.HtmlElement) -> str | None:
    """The id a post can be linked to: its own, or that of the first element inside it that has one."""
    return element.get("id") or next((e.get("id") for e in element.iter() if e.get("id")), None)


def _holds_blocks(element: lxml_html.HtmlElement) -> bool:
    """Whether other blocks are inside (a list item of paragraphs): those are read instead."""
    return any(inner is not element for inner in element.iter(*BLOCK_TAGS))


def _furniture_between(element: lxml_html.HtmlElement, container: lxml_html.HtmlElement) -> bool:
    if furniture(element):
        return True
    for ancestor in element.iterancestors():
        if ancestor is container:
            return False
        if furniture(ancestor):
            return True
    return False


def _summary(blocks: tuple[Block, ...]) -> bool:
    heading = next((b.text for b in blocks if b.heading), "")
    return bool(SUMMARY_HEADINGS.match(heading))


def _moment_of(item: dict) -> datetime | None:
    value = item.get("datePublished")
    return parse_moment(value) if isinstance(value, str) else None


def _json_ld_posts(tree: lxml_html.HtmlElement) -> list[Post]:
    """Posts declared in a LiveBlogPosting's liveBlogUpdate, for pages whose markup hides them."""
    posts = []
    for item in json_ld(tree):
        updates = item.get("liveBlogUpdate")
        for update in updates if isinstance(updates, list) else []:
            if not isinstance(update, dict):
                continue
            head = clean_line(str(update.get("headline") or ""))
            body = [clean_line(line) for line in str(update.get("articleBody") or "").splitlines()]
            blocks = ([Block(head, True)] if head else []) + [Block(line, False) for line in body if line]
            if any(not b.heading for b in blocks):
                moment = _moment_of(update)
                posts.append(Post(tuple(blocks), moment, None, _summary(tuple(blocks)), zone=writer_zone("", moment)))
    return posts


def furniture(element: lxml_html.HtmlElement) -> bool:
    """Whether an element is page furniture by its tag, class, id or role (a cookie banner, a share bar...)."""
    if not isinstance(element.tag, str):
        return True
    if element.tag in FURNITURE_TAGS:
        return True
    return bool(_names(element) & FURNITURE) or element.get("aria-hidden") == "true"


def _names(element: lxml_html.HtmlElement) -> set[str]:
    """The words of an element's class, id and role, alone and run together ("most-read" → most, read, mostread;
    "adslot2" → adslot). A hash ("block-6786ad2d8f", "dcr-1t8m8f2") says nothing: its letters are no words."""
    text = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("role")))).lower()
    parts = [m.group(1) for p in re.split(r"[^a-z0-9]+", text) if (m := re.fullmatch(r"([a-z]+)\d*", p))]
    return set(parts) | {a + b for a, b in zip(parts, parts[1:], strict=False)}


def json_ld(tree: lxml_html.HtmlElement) -> list[dict]:
    """Every JSON-LD object of the page, flattened out of @graph lists; broken scripts are passed over."""
    found: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
    return found
