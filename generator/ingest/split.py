"""A document's posts → its news items: headlines found, boilerplate dropped, repeats merged.

A live blog is a run of items, each a headline and its paragraphs (in HTML,
each post; in plain text, a short line with no full stop and the paragraphs
under it). Its opening summary, before the first headline, is a list of
separate points. An article is one item, whatever its subheadings. A live blog
repeats itself (the same headline and lead two or three times, a summary point
that a later post tells in full): a repeat is merged into the first telling.
Donation asks, sign-up prompts, "Most read" and the like are never items; every
line dropped is reported with its reason, nothing silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo

from rapidfuzz import fuzz

from generator.ingest.claims import attributions, paragraph_speaker
from generator.ingest.dating import Dated, find_expressions, first_sentence_date
from generator.ingest.document import SUMMARY_HEADINGS, Block, Document, Post
from generator.ingest.sentences import containment, content_words, ends_sentence, plain, sentences, strip_quoted

MAX_HEADLINE_WORDS = 25
MAX_KICKER_WORDS = 8  # a page's line over a post's first paragraph, no sentence: a byline, a kicker, a dateline
SAME_TEXT = 90  # rapidfuzz ratio of two headlines or leads that are one text told twice
POINT_REPEAT = 0.8  # share of a summary point's words already in another item
HEADLINE_IN_POINT = 0.75  # share of a post's headline words a summary point tells (the seed's Pentagon point: 0.58)

_FURNITURE_LINE = re.compile(
    r"^(comments?|most (read|popular|viewed|shared)|related( (articles|stories|content|links))?|read (more|next)|"
    r"advertisement|sponsored( content)?|share( this)?( article| page| story)?|sign up|subscribe|support us|"
    r"show (more|less|key events)|load more|skip to (main )?content|key (events|points)|follow us|topics|tags|"
    r"more on this story|you may also like|recommended|trending|live|updated|listen|watch|image|photograph)\b"
    r"[\W\d]*(\w+[\W\d]*){0,3}$",
    re.I,
)
# A publisher's line about itself or its page: "Our Standards: The … Trust Principles.", "4 minute read",
# "Listen to this article | 4 mins", "Source: Courier and news agencies", "Follow Courier on WhatsApp", a round-up's
# own introduction ("Here is the situation on Thursday, January 16").
_SOCIAL = r"(?:whatsapp|telegram|x|twitter|facebook|instagram|youtube|tiktok|threads|bluesky|linkedin|google news)"
_HOUSE_LINE = re.compile(
    r"^(?:our\s+(?:standards|editorial\s+(?:standards|guidelines|values|policy))|editorial\s+(?:standards|guidelines))"
    r"\s*(?::.{0,80})?$|^\d{1,3}[\s-]*(?:min|mins|minute|minutes)\s+read$"
    r"|^listen\s+to\s+(?:this|the)\s+(?:article|story|report)\b[^.!?]{0,30}$"
    r"|^sources?\s*:\s*[^.!?]{0,80}$"
    rf"|^follow\s+[^.!?]{{1,40}}\s+on\s+{_SOCIAL}\b[^.!?]{{0,40}}[.!]?$"
    r"|^here(?:'s|’s|\s+is|\s+are)\s+(?:the\s+)?(?:situation|latest|state\s+of\s+play|main\s+developments"
    r"|key\s+events|where\s+things\s+stand|what\s+we\s+know)\b[^.!?:]{0,60}[.:]?$",
    re.I,
)
_ASK = re.compile(
    r"\b(subscri(be|ber|bers|ption)|donat(e|ion|ions)|newsletters?|sign[- ]?up|sign in|log in|register|bookmark"
    r"|paywalls?|premium|cookies?|privacy (policy|notice|settings)|terms (of use|and conditions|of service)"
    r"|all rights reserved|©|commenting|comments? (are|is) (closed|open)|download (our|the) app|follow us"
    r"|your (support|inbox|email|donation|contribution)|(support|fund) (our|us|independent|quality) journalism"
    r"|funded by readers|read our|advert\w*|ad-free|inbox|javascript|your browser|reuse this content"
    r"|explore more|turn on notifications|(?:every|your|any|make\s+a|a\s+monthly|a\s+one-off)\s+contributions?"
    r"|opens?\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window))\b|©|https?://\S|www\.\S",
    re.I,
)
# The writer speaking as "we" of its own journalism ("we keep correspondents in…"): a plea, not news. "Our
# correspondent reported" is news, so it takes "we" or "us", not "our".
_OWN_JOURNALISM = re.compile(
    r"\b(we|us)\b[^.!?]*\b(reporting|journalism|journalists|correspondents?|newsrooms?)\b"
    r"|\b(reporting|journalism|journalists|correspondents?|newsrooms?)\b[^.!?]*\b(we|us)\b",
    re.I,
)
# Credits: who reported, wrote or edited the copy ("Reporting by A and B; Editing by C", "Edited by …",
# "… contributed to this report"), never news.
_CREDIT = re.compile(
    r"^(?:(?:additional\s+|with\s+)?(?:reporting|writing|editing|edited|written|compiled|produced|research|graphics"
    r"|photos?|video|live\s+reporting)\s+by\s+[^.;]{2,80}(?:;\s*|$))+$"
    r"|\bcontributed\s+(?:reporting\s+)?to\s+(?:this|the)\s+(?:report|story|article)\b"
    r"|\bcontributed\s+reporting\b",
    re.I,
)
# A pointer to another page: "Read more: How the deal would work", "Related: What to know about…".
_LINK_LABEL = re.compile(
    r"^(read more|read next|more on this( story)?|related( article| story| content)?|see also|watch|listen"
    r"|explainer|analysis|opinion|video|in pictures|live)\s*:\s*[^.!?]*[.!?]?$",
    re.I,
)
# A post's time as saved pages show it ("14.45 GMT", "9:05am", "2h ago", "Thu 21 Nov 2024 07.02 GMT",
# "Updated at 10.15"), and a date alone on its line: the time of a post, not news.
_STAMP = re.compile(
    r"^(?:(?:updated|published|posted|last (?:updated|modified))(?: at| on)?:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}\s+[a-z]{3,9}\.?,?\s+(?:\d{4},?\s*)?|[a-z]{3,9}\.?\s+"
    r"\d{1,2},?\s+(?:\d{4},?\s*)?)?(?:\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[a-z]{2,5}(?:[+-]\d{1,2})?)?)?$"
    r"|^\d+\s*(?:m|mins?|minutes?|h|hrs?|hours?)\s+ago$",
    re.I,
)
_GREETING = re.compile(
    r"^(hello|hi|good (morning|afternoon|evening)|welcome)\b[^.!]{0,40}\b(welcome|live|coverage|blog|updates)\b", re.I
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w'’.-]*(?:\s+(?:and\s+|&\s+|,\s*)?[A-Z][\w'’.-]*){0,7}$", re.I)
_READER = re.compile(r"\b(you|your|we|our|us)\b", re.I)
_IMPERATIVE = re.compile(
    r"^(join|follow|sign|subscribe|share|read|watch|listen|download|click|tap|support|donate|get)\b", re.I
)
_CONTINUES = re.compile(
    r"^[“\"‘]|^(he|she|it|they|his|her|its|their|this|these|those|that|but|and|however|also|mr|ms|mrs|dr|the "
    r"(move|decision|announcement|attack|strike|comments?|remarks?|statement|visit|meeting|talks|news|report|"
    r"estimates?|figures?|ministry|spokes\w+))\b",
    re.I,
)
_DETERMINER = re.compile(r"^(the|a|an|another|some|several|two|three|many|more than|at least)\s+", re.I)


@dataclass(frozen=True)
class Item:
    """One news item: its headline (None when it has none), paragraphs, and the time and place it came from."""

    headline: str | None
    paragraphs: tuple[str, ...]
    published: datetime | date | None
    anchor: str | None = None
    origin: str = "post"  # post, point (of a summary), article or background (a dated paragraph of another item)
    repeats: tuple[str, ...] = field(default=())
    zone: tzinfo | None = None  # the zone the writer counts days in, when the document says (zones.py)

    @property
    def texts(self) -> list[str]:
        """Headline (or '') then paragraphs: what dating reads, in order."""
        return [self.headline or "", *self.paragraphs]

    @property
    def text(self) -> str:
        return " ".join(t for t in self.texts if t)

    @property
    def label(self) -> str:
        return self.headline or _shorten(self.paragraphs[0])


@dataclass(frozen=True)
class Skipped:
    text: str
    reason: str


def split_items(doc: Document) -> tuple[list[Item], list[Skipped]]:
    """The document's items in reading order, and every line or item left out, with why."""
    skipped: list[Skipped] = []
    if doc.standfirst:
        why = boilerplate_reason(doc.standfirst)
        skipped.append(Skipped(doc.standfirst, f"boilerplate: {why}" if why else "the standfirst, under the title"))
    sections: list[tuple[str | None, list[str], Post]] = []
    posts = _posts_at_stamps(doc)
    listed: set[str] = set()  # the points of lists: each stands on its own in a summary
    greeted: set[int] = set()  # posts that open with the writer's greeting: a round-up follows
    names = proper_words(doc)
    for post in posts:
        blocks, dropped = drop_boilerplate(post.blocks)
        skipped += dropped
        listed |= {b.text for b in blocks if b.item}
        if any(s.reason.endswith("the writer's greeting") for s in dropped):
            greeted.add(id(post))
        sections += _sections(blocks, post, skipped, doc.shape == "html" and len(doc.posts) > 1, names)
    published = [post.published or doc.published for _, _, post in sections]
    # Plain text says nothing of its shape but its headlines; a web page's subheadings are an article's sections.
    headed = sum(1 for headline, _, _ in sections if headline)
    live = doc.live or (doc.shape == "text" and (headed >= 2 or len(posts) > 2))  # headlines, or time-stamped posts
    if not live:
        paragraphs = tuple(p for _, paras, _ in sections for p in paras)
        items = [Item(doc.title, paragraphs, doc.published, None, "article", zone=doc.zone)] if paragraphs else []
        skipped += [Skipped(h, "a subheading of the article (its paragraphs are kept)") for h, _, _ in sections if h]
    else:
        # A round-up under topic headings has several; one such line alone is more likely a terse headline.
        topics = {h for h, paras, _ in sections if h and section_heading(h, paras[0])}
        topics = topics if len(topics) >= 2 else set()
        items = [
            item
            for (headline, paras, post), when in zip(sections, published, strict=True)
            for item in _items_of(
                headline,
                paras,
                replace(post, zone=post.zone or doc.zone),
                when,
                names,
                skipped,
                listed,
                id(post) in greeted,
                headline in topics,
            )
        ]
    items, merged = merge_repeats(items)
    return [_without_repeated_paragraphs(i) for i in items], skipped + merged


def _posts_at_stamps(doc: Document) -> list[Post]:
    """Plain text saved from a live blog keeps each post's time stamp on a line of its own ("14.45 GMT"): a new
    post starts there, headline or not. What comes before the first stamp is the blog's opening."""
    if doc.shape != "text":
        return list(doc.posts)
    posts: list[Post] = []
    for post in doc.posts:
        runs: list[tuple[list[Block], bool]] = [([], post.opening)]
        for block in post.blocks:
            if _STAMP.match(block.text):
                runs.append(([], False))
            runs[-1][0].append(block)
        posts += [replace(post, blocks=tuple(run), opening=opening) for run, opening in runs if run]
    return posts


def _shorten(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def boilerplate_reason(text: str) -> str | None:
    """Why a line is page furniture rather than news, or None when it may be news."""
    if _FURNITURE_LINE.match(text) or _HOUSE_LINE.match(text):
        return "page furniture"
    if _STAMP.match(text):
        return "a time stamp or date line"
    if _BYLINE.match(text):
        return "a byline"
    if _CREDIT.search(text):
        return "a credit (who reported, wrote or edited)"
    if _LINK_LABEL.match(text):
        return "a link to another page"
    if _GREETING.match(text):
        return "the writer's greeting"
    said = strip_quoted(text)
    if _ASK.search(said) and (_READER.search(said) or _IMPERATIVE.match(said) or len(said.split()) <= 12):
        return "a request to readers (subscribe, donate, sign up)"
    if _OWN_JOURNALISM.search(said) or (_IMPERATIVE.match(said) and re.search(r"\b(our|us)\b", said, re.I)):
        return "a request to readers (subscribe, donate, sign up)"
    return None


def drop_boilerplate(blocks: tuple[Block, ...]) -> tuple[list[Block], list[Skipped]]:
    """Blocks without boilerplate; a line that speaks to readers between two boilerplate lines goes with them."""
    reasons = [boilerplate_reason(b.text) for b in blocks]
    for index in range(1, len(blocks) - 1):
        said = strip_quoted(blocks[index].text)
        talks_to_reader = _READER.search(said) or _IMPERATIVE.match(said)
        if reasons[index] is None and reasons[index - 1] and reasons[index + 1] and talks_to_reader:
            reasons[index] = "a request to readers (between two others)"
    for index in range(len(blocks) - 1):  # "Stay ahead of the story" over an ask is the ask's heading
        text = blocks[index].text
        if reasons[index] is None and _ask(reasons[index + 1]) and not ends_sentence(text) and len(text.split()) <= 12:
            reasons[index] = "the heading of a request to readers"
    kept = [b for b, r in zip(blocks, reasons, strict=True) if r is None]
    return kept, [Skipped(b.text, f"boilerplate: {r}") for b, r in zip(blocks, reasons, strict=True) if r]


def _ask(reason: str | None) -> bool:
    return bool(reason and reason.startswith("a request to readers"))


def headline_like(text: str) -> bool:
    """A headline: short, no final full stop, and opening with a capital, a digit or a quote mark."""
    count = len(text.split())
    return (
        2 <= count <= MAX_HEADLINE_WORDS
        and not ends_sentence(text)
        and not text.endswith(":")
        and bool(re.match(r"^[\"'“‘]?[A-Z0-9À-ÖØ-ÞА-Я]", text))
    )


def _sections(
    blocks: list[Block], post: Post, skipped: list[Skipped], one_headline: bool, names: set[str] = frozenset()
) -> list[tuple[str | None, list[str], Post]]:
    """Headline-and-paragraphs runs. In HTML the page says which block is a heading, and a post's first is its
    headline (later ones are subheadings); in plain text every heading starts an item, and where no mark says
    so, the shape of the line does."""
    sections: list[tuple[str | None, list[str], Post]] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        heading = block.heading if block.heading is not None else _text_headline(block, following)
        if not heading and _subject_line(block, following, sections, names):
            skipped.append(Skipped(block.text, "a subject heading (a place, a name): a new item starts under it"))
            sections.append((None, [], post))
        elif not heading and _label(block.text):
            skipped.append(Skipped(block.text, "a label (a tag, a caption or a credit), not a paragraph"))
        elif block.heading is False and not any(s[1] for s in sections) and _over_the_post(block.text):
            skipped.append(Skipped(block.text, "a line over the post (a byline, a kicker), not a paragraph"))
        elif not heading and block.text.rstrip().endswith(":") and following is not None:
            skipped.append(Skipped(block.text, "an introduction to a list"))
        elif not heading:
            if not sections:
                sections.append((None, [], post))
            sections[-1][1].append(block.text)
        elif following is None or following.heading:
            skipped.append(Skipped(block.text, "a heading with no paragraph under it"))
        elif one_headline and sections:
            skipped.append(Skipped(block.text, "a subheading (kept out of the item's text)"))
        else:
            sections.append((block.text, [], post))
    return [s for s in sections if s[1]]


def _over_the_post(text: str) -> bool:
    """A page's short unpunctuated line before a post's first paragraph ("Hannah Ellery in Jerusalem")."""
    return len(text.split()) <= MAX_KICKER_WORDS and not ends_sentence(text) and not text.rstrip().endswith(":")


def _label(text: str) -> bool:
    """A line of at most three words that is no sentence: a tag ("Ukraine"), a credit, a button's words."""
    return len(text.split()) <= 3 and not ends_sentence(text)


def _subject_line(
    block: Block, following: Block | None, sections: list[tuple[str | None, list[str], Post]], names: set[str]
) -> bool:
    """In plain text, a name alone on a line ("Moldova", "Gaza City") between a finished paragraph and one that
    opens a subject of its own (a name, a date, a new voice): a live blog's one-word heading, not a tag or a
    credit inside a story (the paragraph after those goes on with the story)."""
    words = block.text.split()
    if block.heading is not None or following is None or not sections or not sections[-1][1]:
        return False
    if not _label(block.text) or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    return ends_sentence(following.text) and _opens(following.text, sections[-1][1][-1], names)


def _text_headline(block: Block, following: Block | None) -> bool:
    """A headline-shaped line followed by a paragraph: a sentence, or a line much longer than it (a repeated
    lead is often saved without its full stop)."""
    if not headline_like(block.text) or following is None:
        return False
    words, next_words = len(block.text.split()), len(following.text.split())
    if ends_sentence(following.text) or following.text.rstrip().endswith(":"):
        return True
    return next_words > MAX_HEADLINE_WORDS or next_words >= max(8, 2 * words)


def proper_words(doc: Document) -> set[str]:
    """Words written with a capital somewhere other than at the start of a sentence: names, not common words."""
    found: set[str] = set()
    for post in doc.posts:
        for block in post.blocks:
            for sentence in sentences(block.text):
                for word in re.findall(r"(?<=\s)[A-Z][\w’'-]+", sentence):
                    found.add(word.split("’")[0].split("'")[0])
    return found


def _items_of(
    headline: str | None,
    paragraphs: list[str],
    post: Post,
    when: datetime | date | None,
    names: set[str],
    skipped: list[Skipped],
    listed: set[str] = frozenset(),
    greeted: bool = False,
    section: bool = False,
) -> list[Item]:
    """A post's items: itself, or, for a summary, its separate points. A summary is a "Key events" or "Summary"
    post, or an untitled run that rounds up the news: plain text's opening, the writer's greeting and what
    follows it, or a list; or a ``section`` of a round-up under a topic heading."""
    round_up = post.opening or greeted or sum(p in listed for p in paragraphs) >= 2
    summary = post.summary or bool(headline and SUMMARY_HEADINGS.match(headline)) or (headline is None and round_up)
    if not summary and not section:
        return [Item(headline, tuple(paragraphs), when, post.anchor, zone=post.zone)]
    if headline:
        why = "a section's heading in a round-up" if section and not summary else "a summary's heading"
        skipped.append(Skipped(headline, f"{why} (its points are items)"))
    points = group_points(paragraphs, names, listed)
    return [Item(None, tuple(group), when, post.anchor, "point", zone=post.zone) for group in points]


def section_heading(heading: str, lead: str) -> bool:
    """A round-up's topic heading ("Politics and diplomacy", "Military aid"), not a headline: a few words of
    which only the first has a capital, none of them told again in the paragraph under it (a headline's words
    come back in its lead: "Ceasefire collapses" over "The ceasefire collapsed…")."""
    words = heading.split()
    if not 1 <= len(words) <= 4 or ends_sentence(heading) or re.search(r"\d", heading):
        return False
    if not all(w.islower() or w in ("&",) for w in words[1:]):
        return False
    stems = {w[:5] for w in content_words(lead)}
    return not any(w[:5] in stems for w in content_words(heading))


def group_points(paragraphs: list[str], names: set[str], listed: set[str] = frozenset()) -> list[list[str]]:
    """A summary's paragraphs in groups, one a point: a point of a list, or a paragraph that opens a subject of
    its own (a name, a date) starts a group; one that goes on with the last (a pronoun, the same speaker, no
    subject) joins it."""
    groups: list[list[str]] = []
    for paragraph in paragraphs:
        if groups and paragraph not in listed and not _opens(paragraph, groups[-1][-1], names):
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    return groups


def _opens(paragraph: str, previous: str, names: set[str]) -> bool:
    if _CONTINUES.match(paragraph):
        return False
    speaker = paragraph_speaker(paragraph)
    if speaker and speaker == paragraph_speaker(previous):
        return False
    said = attributions(paragraph)
    if said and paragraph.lstrip('“"‘ ').startswith(said[0].speaker):  # "Ukraine's air force said …": a new voice
        return True
    if any(not e.reference for e in find_expressions(paragraph)):
        return True
    first = _DETERMINER.sub("", paragraph).split(" ", 1)[0].strip("“\"‘’',")
    return first.split("’")[0].split("'")[0] in names


def merge_repeats(items: list[Item]) -> tuple[list[Item], list[Skipped]]:
    """Items told twice merged into the first telling; a summary point merged into the item that tells it."""
    kept: list[Item] = []
    skipped: list[Skipped] = []
    for item in sorted(items, key=lambda i: i.origin == "point"):  # headed items first: points merge into them
        other = next((k for k in kept if _same(item, k)), None)
        if other is None:
            kept.append(item)
            continue
        extra = () if item.origin == "point" else item.paragraphs  # a summary point adds nothing to the full telling
        merged = replace(other, paragraphs=other.paragraphs + extra, repeats=other.repeats + (item.label,))
        kept[kept.index(other)] = merged
        skipped.append(Skipped(item.label, f"a repeat of '{_shorten(other.label, 80)}': merged into it"))
    return sorted(kept, key=lambda k: _position(k, items)), skipped


def _position(item: Item, items: list[Item]) -> int:
    return next((n for n, i in enumerate(items) if i.paragraphs[0] == item.paragraphs[0]), len(items))


def _same(item: Item, other: Item) -> bool:
    if item.headline and other.headline and fuzz.ratio(plain(item.headline), plain(other.headline)) >= SAME_TEXT:
        return True
    lead, other_lead = plain(item.paragraphs[0]), plain(other.paragraphs[0])
    if fuzz.ratio(lead, other_lead) >= SAME_TEXT or (len(lead) > 40 and (lead in other_lead or other_lead in lead)):
        return True
    if item.origin != "point":
        return False
    # A summary point tells the same news as a post when the post's headline is in it, or it is in the post.
    told = other.headline is not None and len(content_words(other.headline)) >= 4
    return containment(item.text, other.text) >= POINT_REPEAT or (
        told and containment(other.headline, item.text) >= HEADLINE_IN_POINT
    )


def _without_repeated_paragraphs(item: Item) -> Item:
    """An item whose repeats were merged in keeps each paragraph once (the fuller telling)."""
    kept: list[str] = []
    for paragraph in item.paragraphs:
        mine = plain(paragraph)
        twin = next((k for k in kept if fuzz.ratio(plain(k), mine) >= SAME_TEXT or mine in plain(k)), None)
        if twin is None:
            kept.append(paragraph)
        elif len(paragraph) > len(twin) and plain(twin) in mine:
            kept[kept.index(twin)] = paragraph
    return replace(item, paragraphs=tuple(kept))


def split_background(item: Item, dated: Dated, place: int, tz: tzinfo) -> tuple[Item, list[Item]]:
    """Paragraphs after the one that dated an item, opening with an earlier day or week of their own (another
    day's event told as background: "North Korea on Thursday tested…"), become items of their own."""
    if item.origin == "background" or item.published is None:
        return item, []
    stays, moves = list(item.paragraphs[: max(place, 0) + 1]), []
    for paragraph in item.paragraphs[max(place, 0) + 1 :]:
        own = first_sentence_date(paragraph, item.published, tz, item.zone)
        # Only an earlier day is background: a later one ("Sandu said on Friday" under Thursday's news) is the
        # item's own follow-up, a reaction an editor keeps with it.
        if own is not None and own.day < dated.day and not own.when.startswith(dated.when.rstrip("~")):
            moves.append(Item(None, (paragraph,), item.published, item.anchor, "background", zone=item.zone))
        else:
            stays.append(paragraph)
    return replace(item, paragraphs=tuple(stays)), moves
