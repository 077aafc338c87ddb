"""What is true of an event whatever shows it: its date and time as the site writes them, and its place.

The web page, the PDF brief, the feeds and exports, and the search corpus all
say these things about an event; each is worked out here, once per event (and
once per date or country: many events share them, and Babel is slow), so the
site cannot say one thing and a feed another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo

from generator.content.dates import When
from generator.content.model import Event, Location
from generator.views import labels


@dataclass(frozen=True, slots=True)
class EventFacts:
    date: str  # '5 Nov 2024, 06:30 EET', 'c. 2 Nov 2024', 'Nov 2024'
    day: str  # the date without its clock time, to show beside ``time``
    time: str | None  # '06:30', for an event known to the minute
    until: str | None  # the end of a range, when it has one
    place: str | None  # 'Kyiv, Ukraine'
    coordinates: tuple[float, float] | None  # (lat, lon)


class Facts:
    """The facts of a record's events in one language and time zone, each event's worked out once."""

    def __init__(self, tz: tzinfo, lang: str, country: Callable[[str | None], str | None]):
        self.tz = tz
        self.lang = lang
        self.country = country  # a country's name in the site language
        self._events: dict[str, EventFacts] = {}
        self._dates: dict[When, str] = {}
        self._countries: dict[str, str] = {}

    def of(self, event: Event) -> EventFacts:
        found = self._events.get(event.id)
        if found is None:
            found = self._events[event.id] = self._facts(event)
        return found

    def _facts(self, event: Event) -> EventFacts:
        when = event.when
        date = self.date(when)
        single_moment = when.precision == "time" and not when.is_range and event.day is not None
        location = event.location
        return EventFacts(
            date=date,
            day=labels.medium_day(event.day, self.lang) if single_moment else date,
            time=labels.local_time(when, self.tz, self.lang),
            until=labels.until_label(when, self.tz, self.lang),
            place=self.place(location),
            coordinates=event.coordinates,
        )

    def date(self, when: When) -> str:
        label = self._dates.get(when)
        if label is None:
            label = self._dates[when] = labels.when_label(when, self.tz, self.lang)
        return label

    def place(self, location: Location | None) -> str | None:
        """'Kyiv, Ukraine': the place and its country's name in the site language."""
        if location is None:
            return None
        code = location.country or ""
        country = self._countries.get(code)
        if country is None:
            country = self._countries[code] = self.country(location.country) or ""
        return location.name + (f", {country}" if country and country != location.name else "")
