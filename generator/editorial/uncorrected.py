"""Facts of a published event that change without a correction: the review summary flags them.

Readers may have read, quoted or shared what was published; a changed fact is
corrected in the open (CONTRIBUTING.md).  Which edits change a fact cannot be
known for sure, so the summary asks the reviewer about the ones that usually
do: the date, a number in the title, summary or a claim, a claim's status, the
place.  A new entry under ``corrections`` answers the question; a reviewer may
also judge that none is needed (a claim that became established is an update).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from generator.content.model import Claim, Event
from generator.editorial.markdown import inert

# A number as written in news text: 12, 1,200, 3.5 (10 000 reads as two, rare enough to accept), and the
# English number words, which desks write for small numbers ("two districts").
NUMBER_WORDS = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|dozens?|half"
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:" + NUMBER_WORDS + r")\b", re.IGNORECASE)


def _numbers(event: Event) -> Counter[str]:
    texts = [event.title, event.summary, *(c.text for c in event.claims)]
    return Counter(n.lower() for text in texts for n in _NUMBER.findall(text))


def _listed(found: Counter[str]) -> str:
    return ", ".join(inert(n) for n in sorted(found.elements()))


def fact_changes(old: Event, new: Event, claims: Iterable[tuple[Claim, Claim]]) -> list[str]:
    """The facts that changed from ``old`` to ``new``, in Markdown; ``claims``: claims paired across the two."""
    changes = []
    if old.when.text != new.when.text:
        changes.append(f"date {inert(old.when.text)} → {inert(new.when.text)}")
    before, after = _numbers(old), _numbers(new)
    if before != after:
        gone, came = before - after, after - before
        changes.append(f"numbers {_listed(gone) or 'none'} → {_listed(came) or 'none'}")
    for was, now in claims:
        if was.status != now.status:
            changes.append(f"a claim's status {was.status} → {now.status}")
    if old.location != new.location:
        changes.append("the place")
    return changes


def corrected(old: Event, new: Event) -> bool:
    """Whether the change comes with a new correction."""
    before = {(c.date.iso(), c.text) for c in old.corrections}
    return any((c.date.iso(), c.text) not in before for c in new.corrections)
