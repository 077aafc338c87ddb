"""The exports' shortcut for plain-prose summaries gives exactly what rendering them as Markdown gives."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.publication import summary_html
from generator.richtext import render_markdown

REPO = Path(__file__).resolve().parents[2]

# Pieces that look like prose and pieces Markdown reads as syntax, whitespace of every kind, controls.
PIECES = list("ab Zé1. )(-\n'\":;,?/%$@—“”’…ÿ٣:\u2000\u3000\u202f\u200b\ufeff\u202e\u1680\U0001F6F0") + [
    "http://x.org", "o\u0301", "1986.", "\r\n", "\x85", "\x1c", "\x0b", "  ", "\n\n", "1.", "- ", "2)", "\u00a0",
    "\t", "*", "=", "#", "_", "<b>", "&amp;", "[a](b)", "    ", "> ", "+ ", "---", "`",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_plain_prose_shortcut_equals_markdown_rendering(text):
    assert summary_html(text) == render_markdown(text)


def test_every_summary_in_the_repository_renders_the_same_either_way():
    files = list((REPO / "content").rglob("*.yaml")) + list((REPO / "tests" / "cases").rglob("events/**/*.yaml"))
    summaries = []
    for path in files:
        try:
            value = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # every scalar a string
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # the broken-file cases
        if isinstance(value, dict) and isinstance(value.get("summary"), str):
            summaries.append(value["summary"])
    assert len(summaries) > 20
    assert [summary_html(s) for s in summaries] == [render_markdown(s) for s in summaries]
