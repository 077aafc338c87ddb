"""events.ics: the published events as an iCalendar file (RFC 5545) calendar apps can subscribe to.

Written here rather than with the `icalendar` package so the tests can read
the file back with that package as an independent reader.  The few rules
that matter: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
sequence), TEXT values escaped (backslash, semicolon, comma, line break).

How dates map (the Data page says the same to readers):

- a day (or a range of days): an all-day event, DTEND the day after the last;
- a time (or a range of times): a timed event in UTC (the instant the record
  gives with its offset), so every calendar shows it at the right local time;
- a month or a year, at either end: left out (a calendar has no "some day in
  November"); they are in the other exports;
- approximate dates: STATUS:TENTATIVE, and "Date approximate" in the description.

UID is ``<event id>@<site host>``, so re-dating or correcting an event updates
it in subscribers' calendars instead of adding a copy.  DTSTAMP must be a UTC
instant and is the event's last change as the record knows it: the newest of
its start, its sources' publication and its corrections (00:00 UTC for a date
without a time) — never the time of the build.  SEQUENCE is the number of
corrections.

A retracted event stays in the calendar, as its notice: STATUS:CANCELLED
(subscribers' apps strike it through or remove it), the retraction as its
description, and SEQUENCE one higher, so the change reaches every subscriber.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from generator.content.dates import Point
from generator.content.model import Event
from generator.exports.parts import Parts, whole
from generator.exports.publication import Publication, clean_text

EVENTS_ICS = "data/events.ics"
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
REFRESH = "PT6H"  # how often subscribers' apps should fetch the calendar again


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    # U+2028 and U+2029 are refused in content (generator/texthygiene.py); a calendar app that splits lines
    # on them would read the rest as new properties, so they are line breaks here too, whatever reaches this.
    value = _LINE_BREAKS.sub("\n", clean_text(value))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> bytes:
    """One content line, folded so no physical line is longer than 75 octets (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    out = bytearray()
    limit = 75
    while data:
        cut = min(limit, len(data))
        while cut < len(data) and (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 sequence
            cut -= 1
        out += data[:cut] + b"\r\n"
        data = data[cut:]
        if data:
            out += b" "
            limit = 74  # the leading space counts
    return bytes(out)


def _date(day: date) -> str:
    return day.strftime("%Y%m%d")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _instant(point: Point) -> datetime:
    if point.moment is not None:
        return point.moment
    return datetime.combine(point.first_day(UTC), time(0), tzinfo=UTC)


def in_calendar(event: Event) -> bool:
    """Whether the event is precise enough for a calendar: a day or a time at both ends."""
    ends = [event.when.start] + ([event.when.end] if event.when.end else [])
    return all(p.precision in ("day", "time") for p in ends)


def _span(event: Event, tz) -> list[str]:
    start, end = event.when.start, event.when.end
    timed = start.moment is not None and (end is None or end.moment is not None)
    if timed:
        lines = [f"DTSTART:{_utc(start.moment)}"]
        if end is not None:
            lines.append(f"DTEND:{_utc(end.moment)}")
        return lines
    first = start.local_day(tz)
    last = end.local_day(tz) if end is not None else first
    return [f"DTSTART;VALUE=DATE:{_date(first)}", f"DTEND;VALUE=DATE:{_date(last + timedelta(days=1))}"]


def dtstamp(pub: Publication, event: Event) -> datetime:
    stamps = [_instant(event.when.start)]
    stamps += [
        _instant(pub.record.sources[c.source].published)
        for c in event.sources
        if pub.record.sources[c.source].published is not None
    ]
    stamps += [_instant(c.date) for c in event.corrections]
    if event.retraction:
        stamps.append(_instant(event.retraction.date))
    return max(stamps, key=lambda m: m.timestamp())


def _description(pub: Publication, event: Event) -> str:
    parts = []
    if event.when.approximate:
        parts.append(f"Date approximate ({pub.date_label(event.when)}).")
    parts.append(event.summary.strip())
    cited = event.source_ids
    sources = [f"{pub.record.sources[s].publisher}: {pub.record.sources[s].title}" for s in cited]
    parts.append("Sources: " + "; ".join(sources))
    parts.append(pub.permalink(event))
    return "\n\n".join(parts)


def vevent(pub: Publication, event: Event) -> list[str]:
    record = pub.record
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{pub.host}",
        f"DTSTAMP:{_utc(dtstamp(pub, event))}",
        *_span(event, pub.tz),
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(_description(pub, event))}",
        f"URL;VALUE=URI:{pub.permalink(event)}",
        "CATEGORIES:" + ",".join(escape_text(record.topic_by_id[t].title) for t in event.topics),
        f"STATUS:{'TENTATIVE' if event.when.approximate else 'CONFIRMED'}",
        f"SEQUENCE:{len(event.corrections)}",
        "TRANSP:TRANSPARENT",  # news is not a meeting: it never makes the subscriber look busy
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(pub.place(event))}")
        if event.location.lat is not None and event.location.lon is not None:
            lines.append(f"GEO:{event.location.lat!r};{event.location.lon!r}")
    lines.append("END:VEVENT")
    return lines


def retracted_vevent(pub: Publication, event: Event) -> list[str]:
    """A retracted event: the same UID, cancelled, with the notice instead of its facts."""
    notice = event.retraction.text.strip() if event.retraction else ""
    return [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{pub.host}",
        f"DTSTAMP:{_utc(dtstamp(pub, event))}",
        *_span(event, pub.tz),
        f"SUMMARY:{escape_text('Retracted: ' + event.title)}",
        f"DESCRIPTION:{escape_text(notice + chr(10) + chr(10) + pub.permalink(event))}",
        f"URL;VALUE=URI:{pub.permalink(event)}",
        "STATUS:CANCELLED",
        f"SEQUENCE:{len(event.corrections) + 1}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar(pub: Publication) -> bytes:
    """The whole calendar: published events precise to the day, in record order."""
    return whole(CALENDAR_PARTS, pub)


def _head(pub: Publication) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//briefing//{pub.host}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(pub.site_name)}",
        f"X-WR-CALNAME:{escape_text(pub.site_name)}",
        f"DESCRIPTION:{escape_text('Events of ' + pub.site_name)}",
        f"URL;VALUE=URI:{pub.site_url}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
    ]
    return b"".join(fold(line) for line in lines)


def _piece(pub: Publication, event: Event) -> bytes:
    if not in_calendar(event):
        return b""
    lines = retracted_vevent(pub, event) if event.status == "retracted" else vevent(pub, event)
    return b"".join(fold(line) for line in lines)


CALENDAR_PARTS = Parts(head=_head, piece=_piece, between=b"", tail=lambda pub: fold("END:VCALENDAR"))
