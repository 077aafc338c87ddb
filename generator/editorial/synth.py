"""A synthetic briefing project for measuring and testing at scale: `briefing synth --days N --seed S OUT`.

The corpus imitates a desk publishing every day: about 11 events a day with
1–4 actors out of a pool that grows to about 2,000, 1–3 sources from the
day's live blogs and statements, topics, developing stories, claims, a few
approximate, month-only, ranged and timed events, drafts, corrections and
editors' ledes.  Names come in many scripts (:mod:`generator.editorial.synth_words`).

The same (days, seed, start) always gives the same bytes, and the result
passes `briefing check` with no problem at all: a benchmark that measures a
broken corpus measures error reporting, not building.
"""

from __future__ import annotations

import json
import random
import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.content.schema import MAX_TITLE, slugify
from generator.editorial import synth_words as words
from generator.errors import BriefingError

TIMEZONE = "Europe/Kyiv"
DEFAULT_START = date(2015, 1, 1)
INITIAL_PEOPLE = 60
NEW_ACTOR_EVERY = 2  # days: ~150 actors at the start, ~2,000 after ten years
MAJOR_ACTORS = 12
# Letters Unicode does not decompose into a base letter, spelt as an editor would in an id.
TRANSLITERATE = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D", "ø": "o", "æ": "ae", "ı": "i"})
ORGANISATION_PATTERNS = words.ORGANISATION_PATTERNS + words.CITY_ORGANISATION_PATTERNS + words.COMPANY_PATTERNS

MKDOCS_YML = """\
site_name: {name}
site_description: A synthetic briefing desk ({days} days, seed {seed}) made by `briefing synth`.
site_url: https://example.org/synth/
docs_dir: .build/docs
site_dir: site
strict: true

theme:
  name: material
  language: en
  font: false

extra:
  briefing:
    timezone: {timezone}

plugins:
  - search
  - briefing
"""


def q(text: str) -> str:
    """A YAML scalar for any text: a JSON string is a valid double-quoted YAML scalar."""
    return json.dumps(text, ensure_ascii=False)


def block(text: str, indent: str = "  ") -> str:
    """A literal block scalar (|) holding Markdown, as editors write summaries."""
    return "|\n" + "\n".join((indent + line) if line else "" for line in text.split("\n")) + "\n"


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str
    aliases: tuple[str, ...] = ()
    since: int = 0  # the day index from which events may name it
    lines: list[str] = field(default_factory=list)  # extra YAML lines (roles, description, wikidata)


@dataclass
class Story:
    id: str
    title: str
    topic: str
    start: int
    end: int
    events: list[str] = field(default_factory=list)  # published, oldest first
    pending: list[str] = field(default_factory=list)  # today's, until drafts are known


@dataclass
class Source:
    id: str
    publisher: str
    url: str
    text: str


class Synth:
    """Makes the files of one corpus into ``self.files`` ({relative path: text})."""

    def __init__(self, days: int, seed: int, start: date = DEFAULT_START):
        if days < 1:
            raise BriefingError("--days must be at least 1")
        self.days = days
        self.seed = seed
        self.start = start
        self.rng = random.Random(seed)
        self.tz = ZoneInfo(TIMEZONE)
        self.files: dict[str, str] = {}
        self.actors: list[Actor] = []
        self.actor_ids: set[str] = set()
        self.names: set[str] = set()
        self.stories: list[Story] = []
        self.event_ids: set[str] = set()
        self.published: list[tuple[str, int]] = []  # today's published events
        self.plain_days: set[date] = set()  # days with an event dated exactly that day

    # --- ids and names -------------------------------------------------------

    def unique_id(self, text: str, taken: set[str], limit: int = 60) -> str:
        slug = slugify(text.translate(TRANSLITERATE))
        base = slug[: slug.rfind("-", 0, limit + 1)] if len(slug) > limit and "-" in slug[:limit] else slug[:limit]
        base = base.strip("-") or "item"
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        taken.add(ident)
        return ident

    def add_actor(self, name: str, kind: str, country: str, since: int, aliases: tuple[str, ...] = ()) -> Actor | None:
        keys = [name.casefold(), *(a.casefold() for a in aliases)]
        if any(k in self.names for k in keys):
            return None
        self.names.update(keys)
        latin = aliases[0] if aliases and not name.isascii() and any(c.isascii() for c in aliases[0]) else name
        actor = Actor(self.unique_id(latin, self.actor_ids), name, kind, country, aliases, since)
        self.actors.append(actor)
        return actor

    def person(self, since: int) -> Actor:
        rng = self.rng
        for attempt in range(200):
            culture = rng.choice(words.CULTURES)
            given_latin, given_native, gender = rng.choice(culture.given)
            if attempt >= 50:
                # Decades of record outgrow the pairs of one given and one family name: a second given name,
                # as many people have (drawn only then, so a shorter record is made exactly as before).
                second_latin, second_native, _ = rng.choice([g for g in culture.given if g[2] in (gender, "")])
                given_latin = f"{given_latin} {second_latin}"
                given_native = (
                    f"{given_native}{culture.native_separator}{second_native}" if given_native and second_native else ""
                )
            family = rng.choice(culture.family)
            female = gender == "f" or (gender == "" and rng.random() < 0.5)
            family_latin, family_native = (family[2], family[3]) if female else (family[0], family[1])
            parts = (family_latin, given_latin) if culture.family_first else (given_latin, family_latin)
            latin = " ".join(parts)
            native = ""
            if given_native and family_native:
                native_parts = (family_native, given_native) if culture.family_first else (given_native, family_native)
                native = culture.native_separator.join(native_parts)
            # Some desks write a name in its own script, with the Latin spelling as an alias.
            if native and rng.random() < 0.2:
                name, aliases = native, (latin,)
            else:
                name, aliases = latin, ((native,) if native else ())
            actor = self.add_actor(name, "person", culture.country, since, aliases)
            if actor:
                self.person_details(actor)
                return actor
        raise AssertionError("the name pool is exhausted")  # pragma: no cover - 100,000+ names per culture

    def person_details(self, actor: Actor) -> None:
        rng = self.rng
        if rng.random() < 0.6:
            roles = ["roles:"]
            of = [a for a in self.actors if a.kind in ("state", "organization") and a.country == actor.country]
            for _ in range(rng.randint(1, 2)):
                began = self.start - timedelta(days=rng.randint(30, 3000))
                roles.append(f"  - title: {q(rng.choice(words.ROLE_TITLES))}")
                if of and rng.random() < 0.7:
                    roles.append(f"    of: {rng.choice(of).id}")
                roles.append(f"    from: {began.isoformat()}")
                if rng.random() < 0.3:
                    roles.append(f"    to: {(began + timedelta(days=rng.randint(100, 900))).isoformat()}")
            actor.lines.extend(roles)
        if rng.random() < 0.5:
            role = rng.choice(words.ROLE_TITLES).lower()
            text = f"{role.capitalize()} quoted in the record; *profile in progress*."
            actor.lines.append("description: " + block(text))
        if rng.random() < 0.3:
            actor.lines.append(f"wikidata: Q{rng.randint(1000, 99999999)}")

    def organisation_or_group(self, since: int, kind: str) -> Actor:
        rng = self.rng
        for _ in range(200):
            state = rng.choice(words.STATES)
            city = rng.choice(words.CITIES)
            family = rng.choice(rng.choice(words.CULTURES).family)[0]
            pattern = rng.choice(words.GROUP_PATTERNS if kind == "group" else ORGANISATION_PATTERNS)
            name = pattern.format(state=state[0], adj=state[2], city=city[0], family=family)
            country = city[1] if "{city}" in pattern else state[1]
            actor = self.add_actor(name, kind, country, since)
            if actor:
                return actor
        return self.add_actor(f"Group {len(self.actors)}", kind, "UA", since)  # type: ignore[return-value]

    def make_initial_actors(self) -> None:
        for name, code, _adj in words.STATES:
            self.add_actor(name, "state", code, 0)
        for _ in range(40):
            self.organisation_or_group(0, "organization")
        for _ in range(5):
            self.organisation_or_group(0, "group")
        for _ in range(INITIAL_PEOPLE):
            self.person(0)

    def grow_actors(self, day_index: int) -> None:
        if day_index == 0 or day_index % NEW_ACTOR_EVERY:
            return
        roll = self.rng.random()
        if roll < 0.7:
            self.person(day_index)
        else:
            self.organisation_or_group(day_index, "organization" if roll < 0.9 else "group")

    # --- stories ---------------------------------------------------------------

    def grow_stories(self, day_index: int, day: date) -> None:
        rng = self.rng
        if day_index % 25:
            return
        city = rng.choice(words.CITIES)[0]
        state = rng.choice(words.STATES)[0]
        title = rng.choice(
            (
                f"Siege of {city}",
                f"Election in {state}, {day.year}",
                f"Winter power cuts {day.year}–{day.year + 1}",
                f"Talks in {city}",
                f"Grain exports through {city}",
                f"Corruption inquiry in {city}",
                f"{state}'s troops abroad",
            )
        )
        topic = rng.choice(words.TOPICS)[0]
        taken = {s.id for s in self.stories}
        story = Story(self.unique_id(title, taken), title, topic, day_index, day_index + rng.randint(30, 240))
        self.stories.append(story)
        summary = f"Developments in the *{title}* story, collected by the desk since {day.isoformat()}."
        self.files[f"content/stories/{story.id}.yaml"] = f"title: {q(title)}\nsummary: {block(summary)}"

    def active_stories(self, day_index: int) -> list[Story]:
        return [s for s in self.stories[-12:] if s.start <= day_index <= s.end]

    # --- sources ------------------------------------------------------------------

    def day_sources(self, day: date) -> list[Source]:
        rng = self.rng
        taken: set[str] = set()
        found = []
        for publisher, domain, language in rng.sample(words.PUBLISHERS, rng.randint(1, 2)):
            ident = self.unique_id(f"{publisher}-live-{day.isoformat()}", taken, limit=90)
            url = f"https://{domain}/live/{day.isoformat()}"
            text = (
                f"title: {q(f'Live: the war and the region, {day.day} {day:%B} {day.year}')}\n"
                f"publisher: {q(publisher)}\nkind: live-blog\npublished: {day.isoformat()}\n"
                f"url: {url}\nlanguage: {language}\n"
            )
            found.append(Source(ident, publisher, url, text))
        if rng.random() < 0.4:
            issuer = rng.choice([a for a in self.actors if a.kind in ("state", "organization")])
            kind = rng.choice(("statement", "statement", "report", "social-post"))
            ident = self.unique_id(f"{issuer.id}-{kind}-{day.isoformat()}", taken, limit=90)
            url = f"https://{issuer.id}.example/{kind}/{day.isoformat()}"
            moment = datetime.combine(day, time(rng.randint(7, 21), rng.choice((0, 15, 30, 45))), self.tz)
            label = kind.replace("-", " ").capitalize()
            text = (
                f"title: {q(f'{label} by {issuer.name}')}\n"
                f"publisher: {q(issuer.name)}\nkind: {kind}\npublished: {moment.isoformat(timespec='minutes')}\n"
                f"url: {url}\narchive_url: https://archive.example/{day:%Y%m%d}/{url}\n"
            )
            found.append(Source(ident, issuer.name, url, text))
        for source in found:
            self.files[f"content/sources/{source.id}.yaml"] = source.text
        return found

    # --- one day ----------------------------------------------------------------

    def pick_actors(self, day_index: int, count: int) -> list[Actor]:
        rng = self.rng
        # Actors are made the day they may first appear, so the whole list is available; half the events
        # draw from the newer ones, as a desk's cast changes over the years.
        pool = self.actors[-400:] if rng.random() < 0.5 else self.actors
        chosen: list[Actor] = []
        while len(chosen) < count:
            roll = rng.random()
            if roll < 0.3:
                actor = self.actors[rng.randrange(MAJOR_ACTORS)]
            elif roll < 0.5:
                actor = rng.choice(pool[-40:])
            else:
                actor = rng.choice(pool)
            if actor not in chosen:
                chosen.append(actor)
        return chosen

    def when(self, day: date) -> tuple[str, str]:
        """The event's date as written, and its precision ('day' when it has a briefing page)."""
        rng = self.rng
        roll = rng.random()
        iso = day.isoformat()
        if roll < 0.62:
            return iso, "day"
        if roll < 0.90:
            moment = datetime.combine(day, time(rng.randint(5, 22), rng.choice((0, 10, 20, 30, 40, 50))), self.tz)
            return moment.isoformat(timespec="minutes"), "day"
        if roll < 0.92:
            offset = rng.choice(("Z", "+09:00", "-05:00"))
            return f"{iso}T{rng.randint(0, 23):02d}:{rng.choice(('05', '35'))}{offset}", "time"
        if roll < 0.95:
            return iso + "~", "day"
        if roll < 0.98:
            last = day + timedelta(days=rng.randint(1, 3))
            return f"{iso}/{last.isoformat()}" + ("~" if rng.random() < 0.2 else ""), "day"
        if roll < 0.99:
            start = datetime.combine(day, time(rng.randint(6, 12), 0), self.tz)
            end = start + timedelta(hours=rng.randint(1, 6), minutes=30)
            return f"{start.isoformat(timespec='minutes')}/{end.isoformat(timespec='minutes')}", "day"
        return f"{day:%Y-%m}" + ("~" if rng.random() < 0.3 else ""), "month"

    def slots(self, actors: list[Actor], day: date) -> dict[str, str]:
        rng = self.rng
        city, country, _, _ = rng.choice(words.CITIES)
        return {
            "a": actors[0].name,
            "b": actors[1].name if len(actors) > 1 else rng.choice(self.actors[:MAJOR_ACTORS]).name,
            "city": city,
            "city2": rng.choice(words.CITIES)[0],
            "n": str(rng.randint(2, 180)),
            "m": str(rng.randint(2, 40)),
            "pct": f"{rng.randint(1, 25)}.{rng.randint(0, 9)}",
            "thing": rng.choice(words.THINGS),
            "facility": rng.choice(words.FACILITIES),
            "aid": rng.choice(words.AID),
            "amount": rng.choice(("€", "$", "£")) + f"{rng.randint(2, 900)}m",
            "year": str(day.year - rng.randint(1, 9)),
            "country": country,
        }

    def event(self, day_index: int, day: date, number: int, sources: list[Source], lead: bool) -> tuple[str, str]:
        """One event file: (path, text)."""
        rng = self.rng
        actors = self.pick_actors(day_index, rng.choices((1, 2, 3, 4), (25, 35, 25, 15))[0])
        values = self.slots(actors, day)
        topic, title_pattern, lead_sentence, quote, claim = rng.choice(TEMPLATES)
        title = title_pattern.format(**values)
        if len(title) > MAX_TITLE:
            title = title[: MAX_TITLE - 1].rstrip() + "…"
        ident = self.unique_id(title, self.event_ids)
        written, precision = self.when(day)
        summary = block(self.summary(lead_sentence, values)).rstrip()
        lines = [f"title: {q(title)}", f"date: {written}", f"summary: {summary}"]
        if precision == "day" and (lead or rng.random() < 0.05):
            lines.append("importance: 1")
        elif rng.random() < 0.15:
            lines.append("importance: 3")
        topics = [topic] + ([rng.choice(words.TOPICS)[0]] if rng.random() < 0.25 else [])
        lines.append("topics:")
        lines.extend(f"  - {t}" for t in dict.fromkeys(topics))
        lines.extend(self.actor_lines(actors))
        lines.extend(self.location_lines(values["city"]))
        if rng.random() < 0.5:
            claimant = rng.choice(actors)
            status = rng.choice(("confirmed", "reported", "claimed", "claimed", "disputed", "denied", "unverified"))
            lines += [
                "claims:",
                f"  - text: {q(claim.format(**values))}",
                f"    by: {claimant.id}",
                f"    status: {status}",
            ]
        lines.extend(self.citation_lines(sources, number, quote.format(**values)))
        lines.extend(self.story_lines(day_index, ident))
        if rng.random() < 0.005:
            fixed = day + timedelta(days=rng.randint(1, 5))
            lines += [
                "corrections:",
                f"  - date: {fixed.isoformat()}",
                f"    text: {q('An earlier version gave the wrong number of injured; it is now **corrected**.')}",
            ]
        draft = rng.random() < 0.005
        if draft:
            lines.append("status: draft")
        elif precision == "day" and not written.endswith("~") and "/" not in written:
            self.plain_days.add(day)
        path = f"content/events/{day:%Y}/{day:%m}/{ident}.yaml"
        if not draft:
            self.published.append((ident, day_index))
        return path, "\n".join(lines) + "\n"

    def summary(self, lead_sentence: str, values: dict[str, str]) -> str:
        rng = self.rng
        sentences = [lead_sentence.format(**values)]
        sentences += [s.format(**values) for s in rng.sample(FILLERS, rng.randint(1, 3))]
        text = textwrap.fill(" ".join(sentences), 88, break_long_words=False, break_on_hyphens=False)
        if rng.random() < 0.08:
            text += f"\n\nThe statement listed:\n\n- {values['thing']}\n- {values['facility']}\n- spare parts"
        return text

    def actor_lines(self, actors: list[Actor]) -> list[str]:
        lines = ["actors:"]
        for actor in actors:
            if self.rng.random() < 0.4:
                lines += [f"  - id: {actor.id}", f"    role: {q(self.rng.choice(words.PARTICIPANT_ROLES))}"]
            else:
                lines.append(f"  - {actor.id}")
        return lines

    def location_lines(self, city_name: str) -> list[str]:
        rng = self.rng
        if rng.random() < 0.15:
            return []
        city = next(c for c in words.CITIES if c[0] == city_name)
        lines = ["location:", f"  name: {q(city[0])}", f"  country: {city[1]}"]
        if rng.random() < 0.7:
            lines += [f"  lat: {city[2]}", f"  lon: {city[3]}"]
        return lines

    def citation_lines(self, sources: list[Source], number: int, quote: str) -> list[str]:
        rng = self.rng
        count = rng.choices((1, 2, 3), (50, 35, 15))[0]
        # Every source of the day is cited at least once: the first events take them in turn.
        chosen = [sources[number % len(sources)]] + [rng.choice(sources) for _ in range(count - 1)]
        lines = ["sources:"]
        for index, source in enumerate(chosen):
            if index == 0 and rng.random() < 0.6:
                lines += [f"  - source: {source.id}", f"    quote: {q(quote)}"]
                if rng.random() < 0.3:
                    lines.append(f"    url: {source.url}#update-{rng.randint(1000, 9999)}")
            else:
                lines.append(f"  - {source.id}")
        return lines

    def story_lines(self, day_index: int, ident: str) -> list[str]:
        rng = self.rng
        stories = self.active_stories(day_index)
        if not stories or rng.random() > 0.3:
            return []
        story = rng.choice(stories)
        lines = [f"story: {story.id}"]
        if story.events and rng.random() < 0.4:
            lines += ["related:", f"  - {story.events[-1]}"]
        story.pending.append(ident)
        return lines

    def day(self, day_index: int, day: date) -> None:
        self.grow_actors(day_index)
        self.grow_stories(day_index, day)
        sources = self.day_sources(day)
        self.published = []
        for story in self.stories:
            story.pending.clear()
        for number in range(self.rng.randint(8, 14)):
            path, text = self.event(day_index, day, number, sources, lead=number == 0 and self.rng.random() < 0.85)
            self.files[path] = text
        published = {ident for ident, _ in self.published}
        for story in self.stories:
            # Only published events may be related to: a draft would be an error.
            story.events.extend(i for i in story.pending if i in published)
        if day in self.plain_days and self.rng.random() < 0.15:
            self.files[f"content/briefings/{day.isoformat()}.md"] = self.lede(day)

    def lede(self, day: date) -> str:
        return (
            f"The desk's summary for {day.day} {day:%B}: *{self.rng.choice(words.TOPICS)[1].lower()}* led the day, "
            f"with {self.rng.choice(words.CITIES)[0]} in the news again.\n"
        )

    # --- the whole project ---------------------------------------------------------

    def make(self) -> dict[str, str]:
        self.make_initial_actors()
        for index in range(self.days):
            self.day(index, self.start + timedelta(days=index))
        self.files["content/topics.yaml"] = "".join(
            f"- id: {ident}\n  title: {q(title)}\n  description: {q(text)}\n" for ident, title, text in words.TOPICS
        )
        for actor in self.actors:
            self.files[f"content/actors/{actor.id}.yaml"] = self.actor_text(actor)
        self.files["content/pages/about.md"] = ABOUT
        self.files["mkdocs.yml"] = MKDOCS_YML.format(
            name=f"Synthetic briefing ({self.days} days)", days=self.days, seed=self.seed, timezone=TIMEZONE
        )
        return dict(sorted(self.files.items()))

    def actor_text(self, actor: Actor) -> str:
        lines = [f"name: {q(actor.name)}", f"kind: {actor.kind}"]
        if actor.aliases:
            lines.append("aliases:")
            lines.extend(f"  - {q(a)}" for a in actor.aliases)
        lines.append(f"country: {actor.country}")
        lines.extend(actor.lines)
        return "\n".join(line.rstrip("\n") for line in lines) + "\n"


ABOUT = """# About this briefing

This project was made by `briefing synth`: every person, outlet and event in it is invented.
"""

# (topic, title, first sentence of the summary, a quote, a claim)
TEMPLATES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "attacks-and-front-line",
        "Drones strike {city} overnight; {n} injured",
        "Drones hit {city} overnight, injuring {n} people and damaging homes in two districts, according to {a}.",
        "“The night was long, but the city held,” the statement said.",
        "{n} people were injured and {m} homes damaged in {city}.",
    ),
    (
        "attacks-and-front-line",
        "{a} says {n} {thing} were shot down over {city}",
        "Air defences engaged {thing} over {city} for several hours, {a} said in the morning.",
        "Explosions were heard across the city shortly after midnight.",
        "{n} {thing} were destroyed before reaching their targets.",
    ),
    (
        "energy",
        "Strike on {facility} near {city} cuts power to {n},000 homes",
        "A strike on {facility} near {city} left {n},000 homes without electricity, {a} said.",
        "Crews are working to restore supply as quickly as possible.",
        "Power will be restored within {m} hours.",
    ),
    (
        "diplomacy-and-aid",
        "{a} meets {b} in {city}",
        "{a} and {b} held talks in {city} on {aid} and the next steps of their cooperation.",
        "“We agreed to keep working together,” one of them told reporters after the meeting.",
        "The two sides agreed on a new package of {aid}.",
    ),
    (
        "diplomacy-and-aid",
        "{a} pledges {amount} in {aid}",
        "{a} announced {amount} in {aid}, the largest such package since {year}.",
        "The money will be disbursed in tranches over the coming months.",
        "The package is worth {amount}.",
    ),
    (
        "sanctions",
        "{a} sanctions {n} firms accused of supplying {thing}",
        "{a} added {n} companies to its sanctions list, accusing them of helping to supply {thing}.",
        "The designations target procurement networks in several jurisdictions.",
        "The firms shipped parts used in {thing}.",
    ),
    (
        "energy",
        "Scheduled blackouts return to {city} after damage to {facility}",
        "Residents of {city} face scheduled blackouts again after damage to {facility}, {a} said.",
        "Consumers are asked to limit their use of electricity in the evening.",
        "Blackouts will last up to {m} hours a day.",
    ),
    (
        "humanitarian",
        "{n} civilians evacuated from villages near {city}",
        "Volunteers and officials evacuated {n} civilians, among them children, from villages near {city}.",
        "“Everyone who wanted to leave has been taken out,” a volunteer said.",
        "{n} civilians were evacuated in one day.",
    ),
    (
        "north-korea",
        "{a} reports a North Korean missile launch towards the sea",
        "{a} said North Korea fired a ballistic missile that flew about {n}0 km before falling into the sea.",
        "The launch was detected early in the morning from an area near Pyongyang.",
        "The missile flew about {n}0 km.",
    ),
    (
        "russia-domestic",
        "Court in {city} jails {b} for {m} years",
        "A court in {city} sentenced {b} to {m} years in prison in a case rights groups call political.",
        "The defence said it would appeal the verdict.",
        "The case against {b} is politically motivated.",
    ),
    (
        "region",
        "{a} claims victory in the vote in {country}",
        "{a} claimed victory after a tight vote, with turnout at {pct}%, ahead of the official count.",
        "Observers reported attempts to buy votes in several districts.",
        "Turnout was {pct}%.",
    ),
    (
        "economy",
        "{a} cuts its key rate to {pct}%",
        "{a} lowered its key interest rate to {pct}%, citing slowing inflation and a stable currency.",
        "Further cuts will depend on the security situation, the statement said.",
        "Inflation slowed for the {m}th month in a row.",
    ),
    (
        "cyber-and-information",
        "Outage at {a} blamed on a cyberattack",
        "Services of {a} were down for several hours in what officials called a coordinated cyberattack.",
        "No personal data was stolen, according to preliminary findings.",
        "The attack came from servers abroad.",
    ),
    (
        "diplomacy-and-aid",
        "Talks on {aid} open in {city} with {n} delegations",
        "Delegations from {n} states gathered in {city} for talks on {aid}, hosted by {a}.",
        "The talks are expected to last two days.",
        "{n} delegations attended.",
    ),
    (
        "attacks-and-front-line",
        "{a} warns of a powerful offensive towards {city}",
        "{a} warned that forces were massing for an offensive towards {city} and asked partners for more {thing}.",
        "“The coming weeks will be difficult,” the warning said.",
        "An offensive towards {city} is being prepared.",
    ),
    (
        "economy",
        "Prices in {city} up {pct}% — “worst month since {year}”, says {a}",
        "Consumer prices in {city} rose {pct}% in a month, {a} said, driven by food and fuel.",
        "Analysts had expected a smaller rise.",
        "Food prices rose faster than any other item.",
    ),
    (
        "diplomacy-and-aid",
        "{a} & {b} sign a memorandum on {aid}",
        "{a} and {b} signed a memorandum in {city} on {aid}, to be followed by a full agreement.",
        "The memorandum is not legally binding, officials noted.",
        "A full agreement will follow within {m} months.",
    ),
    (
        "humanitarian",
        "Aid convoy with {thing} reaches {city}",
        "A convoy organised with {a} brought {thing} and medicine to {city}.",
        "More convoys are planned if security allows.",
        "The convoy carried {n} tonnes of supplies.",
    ),
)

FILLERS: tuple[str, ...] = (
    "Officials in {city} said repairs would take *several days*.",
    "The figures could not be independently verified.",
    "{b} did not respond to a request for comment.",
    "It was the latest of several such incidents this month, according to [local officials](https://example.org/officials).",
    "**Update:** later in the day {b} gave a different account.",
    "Residents were told to stay in shelters until the all-clear.",
    "Follow-up talks are expected next week in {city2}.",
    "Analysts said the move was largely symbolic.",
    "The announcement came a day after a similar step by {b}.",
    "Earlier estimates put the figure at about {m}.",
    "Local media in {city2} reported the same numbers, citing their own sources.",
    "The issue is expected to come up again at the summit in {city2} — if it goes ahead.",
)


def synthesize(days: int, seed: int, out: Path, start: date = DEFAULT_START) -> int:
    """Write a project of ``days`` days into ``out`` (which must be empty or absent); return the number of files."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BriefingError(f"{out}: exists and is not an empty folder; choose a new one")
    files = Synth(days, seed, start).make()
    folders = {str(Path(rel).parent) for rel in files}
    for folder in sorted(folders):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        (out / rel).write_text(text, encoding="utf-8")
    return len(files)
