"""The time zone a document's writer counts days in: "today" and "yesterday" are days of the writer's calendar.

A page states each post's moment in its markup (``datetime="2024-07-28T23:47:00-04:00"``) and shows it to
readers in the desk's own zone ("11:47 p.m. ET", "21.05 GMT"). "Yesterday" in a post written at 10.50pm in
New York is the day before in New York, even though it is already the next day in the site's time zone. So the
writer's zone is the one the page shows ("ET", "GMT+3"), else the moment's own offset when it is not zero (a page
that writes -04:00 writes its local time; many pages write every moment in UTC whatever their desk's zone, so a
zero offset says nothing), else unknown, and the site's time zone is used.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

# Abbreviations news pages show beside a time, and the zone each names (the rules of summer time come with it,
# so "ET" is right in July and in January). Ambiguous ones (IST, AST, CST in China) are left out.
ABBREVIATIONS = {
    "GMT": "UTC",
    "UTC": "UTC",
    "Z": "UTC",
    "BST": "Europe/London",
    "WET": "Europe/Lisbon",
    "WEST": "Europe/Lisbon",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "EET": "Europe/Athens",
    "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow",
    "TRT": "Europe/Istanbul",
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CT": "America/Chicago",
    "CDT": "America/Chicago",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage",
    "HST": "Pacific/Honolulu",
    "BRT": "America/Sao_Paulo",
    "ART": "America/Argentina/Buenos_Aires",
    "SAST": "Africa/Johannesburg",
    "WAT": "Africa/Lagos",
    "CAT": "Africa/Maputo",
    "EAT": "Africa/Nairobi",
    "GST": "Asia/Dubai",
    "PKT": "Asia/Karachi",
    "ICT": "Asia/Bangkok",
    "WIB": "Asia/Jakarta",
    "HKT": "Asia/Hong_Kong",
    "SGT": "Asia/Singapore",
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "AWST": "Australia/Perth",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
}
_SHOWN = re.compile(
    r"(?<![\w+-])(?:(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?|(?P<name>[A-Z]{1,5}))"
    r"(?![\w+-])"
)


def zone_shown(text: str) -> tzinfo | None:
    """The zone a time as shown to readers names ("21.05 GMT", "11:47 p.m. ET", "6:02 PM GMT+2"), or None."""
    for match in _SHOWN.finditer(text):
        if match.group("hours") is not None:
            minutes = int(match.group("hours")) * 60 + int(match.group("minutes") or 0)
            return timezone(timedelta(minutes=-minutes if match.group("sign") == "-" else minutes))
        name = ABBREVIATIONS.get(match.group("name") or "")
        if name:
            return UTC if name == "UTC" else ZoneInfo(name)
    return None


def writer_zone(shown: str, moment: datetime | None) -> tzinfo | None:
    """The zone the writer counts days in: the one shown beside the time, else the moment's own offset when it is
    not UTC's; None when the page does not say (the site's zone is then used)."""
    zone = zone_shown(shown)
    if zone is not None:
        return zone
    if isinstance(moment, datetime) and moment.utcoffset() not in (None, timedelta(0)):
        return moment.tzinfo
    return None
