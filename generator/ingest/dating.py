"""When an item happened: find the time expressions in its text, pick the one that anchors it, resolve it.

Expressions are resolved against the day the item was published (the post's
own time, else the page's) in the writer's calendar: the zone the page shows
its times in ("11:47 p.m. ET"), else the site's time zone (zones.py says how
it is known). "Yesterday" written at 10.50pm in New York is the day before in
New York, though it is already the next day in Kyiv. An item with no
expression is dated by the moment it was published, in the site's time zone,
marked approximate. Dates are written in the record's date grammar: a day
(2024-11-05), an approximate day (2024-11-05~), a range
(2024-11-02/2024-11-03) or a month (2024-10). A text never gets more
precision than it has: "last week" is a range marked approximate.

Expressions that do not say when the item happened are references, and never
anchor it: "Sunday's runoff" (a possessive names another event), "since
February 2022", "until 5 December", "will meet on Friday", any date after
the publication day, and the date of a wire dateline ("KYIV, Nov 6 (Reuters) -"
says when the copy was filed, not when the news happened).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta, weekday

from generator.ingest.sentences import content_words, sentences

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A month's name, never the start of a longer word ("in Maracaibo" is no "in Mar", "5 Marines" no "5 Mar").
MONTHS = (
    r"(?:(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may"
    r"|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z]))"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?:19|20)\d{2})"
# One alternation, longest forms first, each group named for how it is resolved.
_EXPRESSION = re.compile(
    rf"""\b(?:
      (?P<explicit>(?:{_DAY}\s+(?:of\s+)?{MONTHS}{_YEAR}?|{MONTHS}\s+{_DAY}\b{_YEAR}?|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}))
    | (?P<ago>(?:\d+|two|three|four|five|six)\s+days\s+ago)
    | (?P<before_yesterday>the\s+day\s+before\s+yesterday)
    | (?P<yesterday>yesterday|last\s+night)
    | (?P<today>today|tonight|this\s+(?:morning|afternoon|evening)|overnight)
    | (?P<weekday>(?:(?:late|early)\s+)?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)
                  (?:\s+(?:morning|afternoon|evening|night))?)
    | (?P<weekend>(?:over|at)\s+the\s+weekend|this\s+(?:past\s+)?weekend|last\s+weekend)
    | (?P<earlier_week>earlier\s+this\s+week)
    | (?P<this_week>this\s+week)
    | (?P<last_week>last\s+week)
    | (?P<last_month>last\s+month)
    | (?P<this_month>(?:earlier\s+)?this\s+month)
    | (?P<month>in\s+{MONTHS}(?:\s+(?:19|20)\d{{2}})?)
    | (?P<last_year>last\s+year)
    )(?P<possessive>['’]s\b)?""",
    re.IGNORECASE | re.VERBOSE,
)
# How precise each kind is: when one paragraph has several expressions, the most precise anchors.
PRECISION = {
    "explicit": 4,
    "ago": 3,
    "before_yesterday": 3,
    "yesterday": 3,
    "today": 3,
    "weekday": 3,
    "weekend": 2,
    "earlier_week": 2,
    "this_week": 2,
    "last_week": 2,
    "last_month": 1,
    "this_month": 1,
    "month": 1,
    "last_year": 0,
}
# Words that make what follows a reference to another time: right before it ("from 1 January", "next Monday"),
# or earlier in the same clause ("since the start of the war in February 2022", "will meet on Friday").
_REFERENCE_RIGHT_BEFORE = re.compile(r"\b(from|by|until|till|next|before|after|every)\s+(the\s+)?$", re.IGNORECASE)
_REFERENCE_IN_CLAUSE = re.compile(
    # "planned" only as a verb: "is planned for Friday", not "a planned trip … on Tuesday"
    r"\b(since|ahead\s+of|will|would|shall|expected|scheduled|set\s+to|plans?\s+to|planned\s+(?:for|to)"
    r"|(?:is|are|was|were|be|been)\s+planned|going\s+to|due\s+to)\b"
    r"[^,;:—–()]{0,100}$",  # "will sign a comprehensive strategic partnership treaty in Moscow on Friday"
    re.IGNORECASE,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# A wire dateline opening a paragraph: "KYIV, Nov 6 (Reuters) -", "BEIRUT (AP) —", "Kyiv, Ukraine (AFP) –",
# "WASHINGTON, Jan. 3 (Courier) -", or a city in capitals with no agency: "CHISINAU, Jan. 3 -", "GENEVA —".
DATELINE = re.compile(
    r"^\s*(?:[A-Z][^()\n!?]{0,60}?\s*\([A-Z][A-Za-z .&-]{0,30}\)"
    r"|[A-Z]{2}[A-Z .'’-]{0,30}(?:,[^()\n!?]{0,40}?)?)\s*[-–—]+\s"
)


@dataclass(frozen=True)
class Found:
    """A time expression in an item: where it is (headline -1, then paragraph 0, 1...) and what kind."""

    text: str
    kind: str
    place: int
    start: int
    reference: bool

    @property
    def precision(self) -> int:
        return PRECISION[self.kind]


@dataclass(frozen=True)
class Dated:
    """An item's date in the record's grammar, and what dated it (None: the post's or page's own date)."""

    when: str
    expression: str | None
    day: date

    @property
    def approximate(self) -> bool:
        return self.when.endswith("~")


def find_expressions(text: str, place: int = 0) -> list[Found]:
    """Every time expression in a paragraph (or headline), each marked when it is only a reference."""
    found = []
    dateline = DATELINE.match(text)
    for match in _EXPRESSION.finditer(text):
        kind = next(name for name, value in match.groupdict().items() if value and name != "possessive")
        before = text[max(0, match.start() - 120) : match.start()]
        reference = bool(
            match.group("possessive")
            or _REFERENCE_RIGHT_BEFORE.search(before)
            or _REFERENCE_IN_CLAUSE.search(before)
            or (dateline and match.start() < dateline.end())
        )
        found.append(Found(match.group(0).strip(), kind, place, match.start(), reference))
    return found


def anchor(expressions: list[Found]) -> Found | None:
    """The expression that dates an item: the first place (headline, lead, then on) that has one; there, the most
    precise, and of equals the first. References never anchor."""
    usable = [e for e in expressions if not e.reference]
    if not usable:
        return None
    first = min(e.place for e in usable)
    here = [e for e in usable if e.place == first]
    return max(here, key=lambda e: (e.precision, -e.start))


def base_day(published: datetime | date | None, tz: tzinfo) -> date | None:
    """The publication day in a time zone: in the site's, what dates an item whose words do not; in the writer's,
    what the words ("today", "on Monday") are relative to."""
    if isinstance(published, datetime):
        return published.astimezone(tz).date()
    return published


def resolve(found: Found, base: date) -> tuple[str, date] | None:
    """The expression as a date of the grammar and its first day; None when it names a time after ``base``."""
    kind, text = found.kind, found.text.lower()
    if kind in ("today", "yesterday", "before_yesterday", "ago", "weekday"):
        return _day(_relative_day(kind, text, base), base)
    if kind == "explicit":
        return _day(_explicit_day(found.text, base), base)
    if kind in ("weekend", "earlier_week", "this_week", "last_week"):
        return _week_part(kind, base)
    return _month_or_year(kind, text, base)


def _day(day: date | None, base: date) -> tuple[str, date] | None:
    if day is None or day > base:
        return None
    return day.isoformat(), day


def _relative_day(kind: str, text: str, base: date) -> date | None:
    if kind == "today":
        return base
    if kind == "yesterday":
        return base - timedelta(days=1)
    if kind == "before_yesterday":
        return base - timedelta(days=2)
    if kind == "ago":
        count = text.split()[0]
        return base - timedelta(days=int(count) if count.isdigit() else _NUMBERS[count])
    name = next(w for w in WEEKDAYS if w in text)
    return base + relativedelta(weekday=weekday(WEEKDAYS.index(name))(-1))


def _explicit_day(text: str, base: date) -> date | None:
    """'5 November', 'Nov. 5', 'November 5, 2024': without a year, the year that puts it nearest ``base``."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(".", " ")).replace(" of ", " ")
    try:
        parsed = date_parser.parse(cleaned, default=datetime(base.year, base.month, 1), dayfirst=True).date()
    except (ValueError, OverflowError):
        return None
    if re.search(r"(19|20)\d{2}", text):
        return parsed
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(parsed.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(candidates, key=lambda d: abs((d - base).days)) if candidates else None


def _week_part(kind: str, base: date) -> tuple[str, date]:
    monday = base - timedelta(days=base.weekday())
    if kind == "weekend":
        saturday = base - timedelta(days=(base.weekday() - 5) % 7)
        end = min(saturday + timedelta(days=1), base)
        return (f"{saturday}/{end}" if end > saturday else saturday.isoformat()), saturday
    if kind == "last_week":  # the working week before this one; a weekend is "over the weekend"
        start = monday - timedelta(days=7)
        return f"{start}/{start + timedelta(days=4)}~", start
    end = base - timedelta(days=1) if kind == "earlier_week" else base
    if end <= monday:
        return f"{monday}~", monday
    return f"{monday}/{end}~", monday


def _month_or_year(kind: str, text: str, base: date) -> tuple[str, date] | None:
    if kind == "last_year":
        return str(base.year - 1), date(base.year - 1, 1, 1)
    if kind == "this_month":
        return f"{base:%Y-%m}", base.replace(day=1)
    if kind == "last_month":
        first = base.replace(day=1) - relativedelta(months=1)
        return f"{first:%Y-%m}", first
    parsed = date_parser.parse(text.replace("in ", "", 1).replace(".", " "), default=datetime(base.year, 1, 1))
    first = parsed.date().replace(day=1)
    if not re.search(r"\d{4}", text) and first > base:
        first = first.replace(year=first.year - 1)
    return (f"{first:%Y-%m}", first) if first <= base else None


def date_item(texts: list[str], published: datetime | date, tz: tzinfo, zone: tzinfo | None = None) -> Dated:
    """Date an item from its headline (texts[0], may be '') and paragraphs, relative to when it was published:
    its words in the writer's calendar (``zone``, else the site's ``tz``), its moment alone in the site's."""
    base = base_day(published, zone or tz)
    found = [
        e
        for place, text in enumerate(texts, start=-1)
        if place <= 0 or _about_the_lead(text, texts[:2])
        for e in find_expressions(text, place)
    ]
    while found:
        chosen = anchor(found)
        if chosen is None:
            break
        resolved = resolve(chosen, base)
        if resolved is not None:
            return Dated(resolved[0], chosen.text, resolved[1])
        found = [e for e in found if e is not chosen]  # a future date says nothing of when it happened
    day = base_day(published, tz)
    return Dated(f"{day.isoformat()}~", None, day)


def _about_the_lead(paragraph: str, lead: list[str]) -> bool:
    """Whether a later paragraph shares a word with the headline and lead (word starts, so "resignation" is
    "resigns"); one that does not ("Sweden last week began…" under a Finnish item) tells another story and
    cannot date this one."""
    stems = {w[:5] for w in content_words(" ".join(lead))}
    return any(w[:5] in stems for w in content_words(paragraph))


def first_sentence_date(
    paragraph: str, published: datetime | date, tz: tzinfo, zone: tzinfo | None = None
) -> Dated | None:
    """The day a paragraph's opening sentence puts itself on, if it names one (for background events)."""
    opening = (sentences(paragraph) or [""])[0]
    chosen = anchor([e for e in find_expressions(opening) if e.precision >= 2 and not e.reference])
    if chosen is None:
        return None
    resolved = resolve(chosen, base_day(published, zone or tz))
    return Dated(resolved[0], chosen.text, resolved[1]) if resolved else None
