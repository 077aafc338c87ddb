"""Writing SVG markup: every attribute and text node goes through markupsafe's escape.

Pictures are assembled from strings, not a DOM, because a map or a strip is a few
hundred short elements and string joining is fast; the one rule that keeps it safe is
that nothing reaches the output without :func:`element` or :func:`text` escaping it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape as html_escape

from markupsafe import Markup, escape

# Marks that reorder text (embeddings, overrides, isolates). `briefing check` refuses them in content, and
# no page may hold one; a label drawn in a picture drops any that reach it. Each label is a <text> of its
# own, so its direction cannot run into the words beside it.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_ID_UNSAFE = re.compile(r"[^a-z0-9-]+")

Attrs = Mapping[str, object | None]
# The text face of every picture (a PDF embeds the first it has; the site's stylesheet may set another).
FONT_FAMILY = "Inter, system-ui, sans-serif"


def number(value: float) -> str:
    """A coordinate as short as it can be: one decimal, no trailing zero, no '-0'."""
    text = f"{value:.1f}"
    if text[-2:] == ".0":
        text = text[:-2]
        return "0" if text == "-0" else text
    return text


def attributes(attrs: Attrs) -> str:
    """name="value" for each attribute whose value is not None: numbers written short, anything else escaped."""
    out = ""
    for name, value in attrs.items():
        kind = type(value)
        if kind is float:
            out += f' {name}="{number(value)}"'
        elif kind is int:
            out += f' {name}="{value}"'
        elif value is not None:
            out += f' {name}="{escape_plain(str(value))}"'
    return out


def element(tag: str, attrs: Attrs | None = None, children: Iterable[str] | str | None = None) -> Markup:
    """<tag a="v">children</tag>; attributes whose value is None are left out.

    Children that are Markup (from this module) go in as they are; plain strings are escaped,
    and so is every attribute value that is not a number.
    """
    head = f"<{tag}{attributes(attrs)}" if attrs else f"<{tag}"
    if children is None:
        return Markup(head + "/>")
    if isinstance(children, str):
        children = (children,)
    inner = "".join([child if isinstance(child, Markup) else escape_plain(str(child)) for child in children])
    return Markup(f"{head}>{inner}</{tag}>")


def escape_plain(value: str) -> str:
    # The standard library's escaping (& < > " ') as plain text: markupsafe's does the same, but makes a
    # Markup object of every value on the way, which is most of the cost of a map's hundred elements.
    return html_escape(value, quote=True)


def text(value: str) -> Markup:
    return escape(value)


def label_text(value: str) -> str:
    """Words for a label drawn in the picture: any bidi control dropped."""
    return _BIDI_CONTROLS.sub("", value)


def clip_words(value: str, limit: int) -> str:
    """At most ``limit`` characters for a label drawn in the picture (the full text is in the table)."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[: limit - 1].rstrip()
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut + "…"


def safe_id(value: str) -> str:
    """An id fragment made only of [a-z0-9-], never empty."""
    return _ID_UNSAFE.sub("-", value.lower()).strip("-") or "picture"


def document(
    *,
    box: tuple[float, float, float, float],
    name: str,
    description: str,
    picture_id: str,
    drawing: Iterable[Markup],
    links: Iterable[Markup] = (),
    css_class: str,
) -> Markup:
    """The outer <svg>: its title and description, a role="img" group that is the picture, then the links.

    Links cannot sit inside role="img" (its children are presentational, and axe reports
    focusable content in there as nested-interactive), so the drawing is one named image
    and the links are a sibling layer drawn on top. The <title> is the root's first child
    because that is where WeasyPrint looks for a tagged PDF figure's alternative text; the
    root itself is role="none", so a screen reader meets the name once, on the image.
    """
    pid = f"picture_{safe_id(picture_id)}"  # never an editor's id: theirs have no underscore
    title_id, desc_id = f"{pid}-title", f"{pid}-desc"
    image = element("g", {"role": "img", "aria-labelledby": title_id, "aria-describedby": desc_id}, list(drawing))
    root_attrs = {
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": " ".join(number(v) for v in (box[0], box[1], box[2] - box[0], box[3] - box[1])),
        "class": f"briefing-picture {css_class}",
        "id": pid,
        "role": "none",
        "font-family": FONT_FAMILY,
    }
    children = [element("title", {"id": title_id}, name), element("desc", {"id": desc_id}, description), image]
    return element("svg", root_attrs, [*children, *links])
