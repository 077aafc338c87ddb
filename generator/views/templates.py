"""The Jinja environments every writer renders through: pages, PDF briefs and feed entries.

Each kind of output has its folder under templates/ (pages/, pdf/, feeds/);
a project's own templates/<kind>/ comes first, then briefing's.

- ``pages`` write Markdown or HTML pages for MkDocs.  The environment escapes
  every value a template prints as inert Markdown unless it is
  :class:`markupsafe.Markup` (links and HTML made by Python, or Markdown
  already rendered and sanitised), so a template cannot forget to escape an
  editor's text.  The escaped text is HTML-safe as well: ``*.html.j2``
  templates write HTML pages, which MkDocs puts in the theme without
  Python-Markdown (:mod:`generator.site.fastpage`).
- ``pdf`` and ``feeds`` write HTML documents read away from the site:
  ordinary HTML autoescaping, and links only to the web, mail or the document.
"""

from __future__ import annotations

import json
import re
from html import escape as html_escape
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markdown.extensions.toc import slugify as _toc_slugify
from markupsafe import Markup

from generator.markup.richtext import html_block, link_target, plain
from generator.util.paths import TEMPLATES

KINDS = ("pages", "pdf", "feeds")
_SAFE_HREF = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)


class Templates:
    """The environments of one project, made once and kept for the life of the project.

    `briefing serve` regenerates on every save, and compiling the templates again each time would cost half a
    second.  Jinja's auto_reload notices an edited template (it compares modification times), but not a new
    file that overrides a default: the names of the project's templates are part of the key.
    """

    def __init__(self, project_templates: Path | None, compiled: Path | None = None):
        self.project_templates = project_templates
        self.compiled = compiled  # where compiled templates are kept for the next process (None: nowhere)
        self._made: dict[tuple[str, tuple[str, ...]], Environment] = {}

    def folders(self, kind: str) -> list[Path]:
        folders = [TEMPLATES / kind]
        own = self.project_templates / kind if self.project_templates is not None else None
        if own is not None and own.is_dir() and own.resolve() != folders[0].resolve():
            folders.insert(0, own)
        return folders

    def get(self, kind: str) -> Environment:
        folders = self.folders(kind)
        names = tuple(sorted(p.as_posix() for p in folders[0].rglob("*"))) if len(folders) > 1 else ()
        key = (kind, names)
        if key not in self._made:
            env = self._made[key] = environment(kind, folders)
            env.bytecode_cache = compiled_cache(self.compiled)
        return self._made[key]


def compiled_cache(folder: Path | None) -> FileSystemBytecodeCache | None:
    """Compiled templates kept in ``folder`` between processes: compiling is most of what a first render costs
    (Jinja checks each against its source, so a changed template is compiled again)."""
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def environment(kind: str, folders: list[Path]) -> Environment:
    """A new environment of ``kind`` over ``folders`` (first found wins)."""
    if kind not in KINDS:
        raise ValueError(f"no templates of kind {kind!r}")
    loader = ChoiceLoader([FileSystemLoader(str(f)) for f in folders])
    common = {"loader": loader, "undefined": StrictUndefined, "trim_blocks": True, "lstrip_blocks": True}
    if kind != "pages":
        env = Environment(autoescape=True, **common)
        env.filters["href"] = safe_href
        env.filters["url_text"] = breakable_url
        return env
    env = Environment(autoescape=False, auto_reload=True, finalize=_finalize, keep_trailing_newline=True, **common)
    env.filters.update(
        block=html_block,
        url=link_target,
        yaml_string=_yaml_string,
        slug=heading_id,
        href=html_href,
        join_safe=_join_safe,
        count=_count,
    )
    env.globals.update(
        heading=heading,
        approximate_tag=Markup('<span class="tag tag-approximate">approximate date</span>'),
        lead_tag=Markup('<span class="tag tag-lead">lead</span>'),
        # A draft in a preview (`briefing build --drafts`): marked wherever it is shown, never published.
        draft_tag=Markup('<span class="tag tag-draft">DRAFT</span>'),
    )
    return env


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return plain(value)


def heading_id(text: str) -> str:
    """The id the toc extension would give a heading without one (HTML page templates write it themselves)."""
    return _toc_slugify(str(text), "-") or "_1"


def heading(level: int, ident: str, text: Any, css_class: str = "") -> Markup:
    """An HTML heading as the toc extension writes it: its id, its text (escaped), a permalink."""
    ident = html_escape(str(ident), quote=True)
    shown = text if isinstance(text, Markup) else plain(text)
    classes = f' class="{html_escape(css_class, quote=True)}"' if css_class else ""
    return Markup(
        f'<h{level}{classes} id="{ident}">{shown}<a class="headerlink" href="#{ident}" '
        f'title="Link to this section">¶</a></h{level}>'
    )


def html_href(url: str) -> Markup:
    """A web address as an HTML attribute value (and link text): percent-encoded as for Markdown, then escaped."""
    return Markup(html_escape(str(link_target(url)), quote=True))


def safe_href(value: Any) -> Markup:
    """A link target in a document read away from the site: only web, mail and in-document links; '' otherwise."""
    text = str(value or "")
    return Markup(html_escape(text, quote=True)) if _SAFE_HREF.match(text) else Markup("")


# A URL shown in a brief breaks after its slashes and separators, and at least every 24 characters.
_URL_PIECE = re.compile(r"[^/?&=#]{1,24}[/?&=#]{0,8}|[/?&=#]{1,24}")


def breakable_url(value: Any) -> Markup:
    """A URL as text with a line-break opportunity (a zero-width space) after each separator and every 24
    characters.

    WeasyPrint lays out a line by handing the rest of the paragraph to Pango; when a word must be cut at any
    character (CSS ``word-break: break-all``, or ``overflow-wrap: anywhere`` at a line's start) it hands
    over all of it again for every line, so a 40,000-character URL took 17 s and 200,000 characters more
    than ten minutes.  Break points in the text keep every line's work to a line's worth of characters
    (docs/performance.md).  ``<wbr>`` would do the same but makes an inline box of each, slower still.
    """
    return Markup("\u200b".join(html_escape(piece, quote=True) for piece in _URL_PIECE.findall(str(value or ""))))


def _count(n: int, word: str, plural: str | None = None) -> str:
    """'1 event', '2 events'."""
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _join_safe(items: list[Any], separator: str) -> Markup:
    """Join values, escaping each one that is not already Markup."""
    return Markup(separator).join(item if isinstance(item, Markup) else plain(item) for item in items)


def _yaml_string(value: str) -> Markup:
    """A value for YAML front matter: a double-quoted scalar, safe for any text."""
    return Markup(json.dumps(str(value), ensure_ascii=False))
