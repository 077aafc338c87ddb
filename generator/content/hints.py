"""'did you mean …?': the id an editor meant when they typed a name, an alias, a publisher or a near miss.

Made once for whoever needs it: `briefing check` for an unknown reference,
`briefing new` for an unknown --topic, --source or --actor, `briefing pdf
--actor trump` for the alias of an actor.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from generator.content.schema import slugify

CUTOFF = 0.75  # how alike a typed id must be to a known key to be suggested
WORD = 4  # words of a name at least this long are keys too: 'klitschko' finds 'vitali-klitschko'


class Names:
    """The ids of one kind, each under every key an editor might type for it."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}  # key → id (the first id to claim a key keeps it)

    def add(self, ident: str, names: Iterable[object] = ()) -> None:
        """An id, under itself and each of ``names`` (a name, a title, aliases, a publisher) made id-like."""
        self._key(ident, ident)
        for name in names:
            if isinstance(name, str):
                self._key(slugify(name), ident)

    def _key(self, key: str, ident: str) -> None:
        if not key:
            return
        self.keys.setdefault(key, ident)
        for part in key.split("-"):
            if len(part) >= WORD:
                self.keys.setdefault(part, ident)

    def meant(self, wrong: str) -> str | None:
        """The id ``wrong`` most likely meant, or None."""
        typed = slugify(wrong) or wrong
        if typed in self.keys:
            return self.keys[typed]
        close = difflib.get_close_matches(typed, list(self.keys), n=1, cutoff=CUTOFF)
        if close:
            return self.keys[close[0]]
        return self._by_words(typed)

    def _by_words(self, typed: str) -> str | None:
        """The one id that shares the most long words with what was typed ('kyiv-independent-live' →
        'independent-live-2024-11-05'); None when none does, or several tie."""
        words = {w for w in typed.split("-") if len(w) >= WORD}
        shared: dict[str, int] = {}
        for key, ident in self.keys.items():
            if "-" in key:
                shared[ident] = max(shared.get(ident, 0), len(words & set(key.split("-"))))
        best = max(shared.values(), default=0)
        found = [ident for ident, count in shared.items() if count == best]
        return found[0] if best and len(found) == 1 else None

    def hint(self, wrong: str) -> str:
        """' (did you mean 'id'?)', or ''."""
        meant = self.meant(wrong)
        return f" (did you mean '{meant}'?)" if meant and meant != wrong else ""


def names_of(values: dict[str, dict], fields: tuple[str, ...] = ("name", "title", "publisher")) -> Names:
    """Names of things given as {id: their fields} (checked values or the record's objects as dicts)."""
    names = Names()
    for ident, value in values.items():
        if isinstance(value, dict):
            aliases = value.get("aliases", ())
            names.add(ident, [*(value.get(f) for f in fields), *(aliases if isinstance(aliases, list | tuple) else ())])
        else:
            names.add(ident)
    return names
