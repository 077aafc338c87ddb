"""What a drawing function hands back: the SVG, and the words and numbers behind it."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class Cell:
    """One table cell: plain text (the template escapes it), a link when there is one."""

    text: str
    href: str | None = None
    numeric: bool = False


@dataclass(frozen=True)
class Table:
    """The numbers behind a picture, for a <details> table under it (Our World in Data's way)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Picture:
    """An inline SVG with its accessible name, a short note of what it shows, and its table.

    ``name`` is also the SVG's <title>; ``note`` is the sentence a caption carries
    ("the busiest day was ..."), Datawrapper's "what the reader sees".
    """

    svg: Markup
    name: str
    note: str
    table: Table
    width: float
    height: float

    def __html__(self) -> str:  # so a template can place a picture with {{ picture }}
        return str(self.svg)
