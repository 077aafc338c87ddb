"""Prose rendered without Python-Markdown must be exactly what Python-Markdown and the cleaner make of it."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.editorial.synth import Synth
from generator.markup import richtext
from generator.markup.plainmd import plain_paragraphs

PROSE_CHARACTERS = "abcXYZ019 \n.,;:!?'\"()/%€$£“”‘’…°+@–—-йЖ한국語ش"
ANY_CHARACTERS = PROSE_CHARACTERS + "*_`[]<>&\\#=|~^{}\t\xa0\r"


def full_path(text: str) -> str:
    """render_markdown as it is without the shortcut: Python-Markdown, then the cleaner."""
    original = richtext.plain_paragraphs
    richtext.plain_paragraphs = lambda _text: None
    try:
        return str(richtext.render_markdown.__wrapped__(text))
    finally:
        richtext.plain_paragraphs = original


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=PROSE_CHARACTERS, max_size=120))
def test_prose_is_rendered_as_python_markdown_renders_it(text):
    fast = plain_paragraphs(text)
    if fast is not None and text.strip():
        assert fast == full_path(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ANY_CHARACTERS, max_size=80))
def test_text_with_markdown_in_it_takes_the_full_path_or_renders_the_same(text):
    fast = plain_paragraphs(text)
    if fast is not None and text.strip():
        assert fast == full_path(text)


@pytest.mark.parametrize(
    "text",
    [
        "One paragraph.",
        "Two lines\nof one paragraph.",
        "First.\n\nSecond.\n",
        "\n\nLeading blank lines.",
        "Quotes “like” 'these' and \"these\" — with a dash.",
        "Прямо з Києва: 12 дронів.",
    ],
)
def test_common_prose_takes_the_shortcut(text):
    assert plain_paragraphs(text) is not None
    assert plain_paragraphs(text) == full_path(text)


@pytest.mark.parametrize(
    "text",
    [
        "*emphasis*",
        "a [link](https://example.org)",
        "1. a list",
        "- a list",
        "  indented",
        "line  \nbreak",
        "x &amp; y",
        "<b>html</b>",
        "Heading\n===",
        "a\tb",
        "no\xa0break",
    ],
)
def test_markdown_takes_the_full_path(text):
    assert plain_paragraphs(text) is None


def test_every_synthetic_summary_renders_as_before():
    files = Synth(20, 5).make()
    texts = [yaml.safe_load(text)["summary"] for path, text in files.items() if path.startswith("content/events/")]
    shortcut = [t for t in texts if plain_paragraphs(t) is not None]
    assert shortcut, "no synthetic summary is plain prose"
    for text in texts:
        assert str(richtext.render_markdown.__wrapped__(text)) == full_path(text)
