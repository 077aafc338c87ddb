"""Reading built HTML back with a real HTML5 parser (tinyhtml5, WeasyPrint's own)."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

import tinyhtml5

NS = "{http://www.w3.org/1999/xhtml}"


class Page:
    def __init__(self, path: Path):
        self.path = path
        self.root: Element = tinyhtml5.parse(path.read_text(encoding="utf-8"))

    def all(self, tag: str) -> list[Element]:
        return list(self.root.iter(NS + tag))

    def by_id(self, ident: str) -> Element | None:
        return next((e for e in self.root.iter() if e.get("id") == ident), None)

    def ids(self) -> list[str]:
        return [e.get("id") for e in self.root.iter() if e.get("id")]

    def content(self) -> Element:
        """The article body (Material's .md-content), without navigation."""
        return next(e for e in self.root.iter(NS + "article"))

    def text(self, element: Element | None = None) -> str:
        return " ".join("".join((element if element is not None else self.content()).itertext()).split())

    def links(self, element: Element | None = None) -> list[tuple[str, str]]:
        scope = element if element is not None else self.content()
        return [(a.get("href") or "", " ".join("".join(a.itertext()).split())) for a in scope.iter(NS + "a")]

    def headings(self, level: int) -> list[tuple[str | None, str]]:
        return [(h.get("id"), self.text(h).rstrip("¶").strip()) for h in self.content().iter(NS + f"h{level}")]
