"""Small guarantees of the command line and the schema that editors rely on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from generator.content.projectfiles import RefusedFile, read_bytes
from generator.content.schema import json_schema
from generator.content.texthygiene import char_name, findings
from generator.errors import ContentError
from generator.project import Project
from generator.settings import load_settings

REPO = Path(__file__).resolve().parents[2]
BRIEFING = Path(sys.executable).parent / "briefing"


def test_closing_the_output_early_is_not_an_internal_error(copy_case):
    project = copy_case("minimal")
    # `head -c 10` closes the pipe after a few bytes; briefing must not print a traceback or "internal error".
    result = subprocess.run(
        f"'{BRIEFING}' schema | head -c 10 >/dev/null", shell=True, cwd=project, capture_output=True, text=True
    )
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr


def test_an_optional_field_left_empty_is_valid_in_the_json_schema():
    event = {
        "title": "A title",
        "date": "2024-11-05",
        "summary": "Said.",
        "topics": ["t"],
        "sources": ["s"],
        "story": None,
        "location": None,
    }
    jsonschema.validate(event, json_schema("event"))


def test_mkdocs_yml_may_use_anchors_and_aliases_of_its_own(copy_case):
    project = copy_case("minimal")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\nx_shared: &shared {a: 1}\nx_again: *shared\n", encoding="utf-8"
    )
    assert load_settings(config).site_name


# --- issue 13: hostile files and text ------------------------------------------------------------------------

RTL_EVENT = """\
title: "وزير الخارجية يلتقي نظيره الإسرائيلي — שר החוץ נפגש עם עמיתו — وزیر خارجه می\u200cخواهد"
date: 2024-11-05
summary: |
  قال وزير الخارجية إن المحادثات «بناءة». אמר שר החוץ כי השיחות היו חיוביות.
  وزیر امور خارجه گفت که گفت\u200cوگوها ادامه می\u200cیابد؛ 👩\u200d🚀 and नमस्ते क्\u200dष.
topics: [war]
actors: [vitali-klitschko]
location:
  name: "تل أبيب / תל אביב"
sources:
  - source: kyiv-independent-live
    quote: "«المحادثات بناءة»"
"""


def test_real_right_to_left_text_builds_without_a_single_warning(copy_case):
    # Arabic, Hebrew and Persian with the zero width non-joiner it needs, Devanagari with a joiner, emoji.
    project = copy_case("minimal")
    (project / "content/events/2024/11/rtl-talks.yaml").write_text(RTL_EVENT, encoding="utf-8")
    (project / "content/briefings/2024-11-05.md").write_text(
        "صباح الخير. בוקר טוב. صبح بخیر، می\u200cخواهم بدانم.\n", encoding="utf-8"
    )
    result = Project.load(project / "mkdocs.yml").check()
    assert [p.format() for p in result.problems] == []
    event = next(e for e in result.record.events if e.id == "rtl-talks")
    assert "می\u200cخواهد" in event.title and event.location.name == "تل أبيب / תל אביב"


@pytest.mark.parametrize(
    ("char", "severity"),
    [
        ("\x00", "error"),
        ("\x1b", "error"),
        ("\x0b", "error"),
        ("\x0c", "error"),
        ("\x7f", "error"),
        ("\x85", "error"),
        ("\x9b", "error"),
        ("\u2028", "error"),
        ("\u2029", "error"),
        *[(chr(c), "error") for c in range(0x202A, 0x202F)],
        *[(chr(c), "error") for c in range(0x2066, 0x206A)],
        ("\u200b", "warning"),
        ("\u2060", "warning"),
        ("\ufeff", "warning"),
        ("\u00ad", "warning"),
    ],
)
def test_every_character_of_the_rule_is_named_in_every_kind_of_text(char, severity):
    for line_breaks in (False, True):
        found = findings(f"before {char} after", line_breaks=line_breaks)
        assert [(f.offset, f.severity) for f in found] == [(7, severity)]
        assert char_name(char) in found[0].message and char_name(char).startswith(f"U+{ord(char):04X} ")


@pytest.mark.parametrize("char", ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\n"])
def test_joiners_marks_and_line_breaks_of_multiline_text_are_allowed(char):
    assert findings(f"a{char}b", line_breaks=True) == []


def test_a_nul_in_a_lede_is_never_silently_dropped(copy_case, capsys):
    project = copy_case("minimal")
    (project / "content/briefings/2024-11-05.md").write_bytes(b"A lede\x00 with a NUL.\n")
    result = Project.load(project / "mkdocs.yml").check()
    assert [p.format() for p in result.errors] == [
        "content/briefings/2024-11-05.md:1:7: contains U+0000 NULL: control characters are not text: they are "
        "dropped or garbled on pages, in feeds and in calendars; remove it"
    ]


@pytest.mark.parametrize(
    ("option", "value"), [("site_name", '"Desk \\u202Egnp.exe"'), ("extra.briefing.author", '"Night\\u2028desk"')]
)
def test_mkdocs_yml_texts_follow_the_same_rule(copy_case, option, value):
    project = copy_case("minimal")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if option == "site_name":
        text = text.replace("site_name: Minimal briefing", f"site_name: {value}")
    else:
        text = text.replace("    key_points: 5\n", f"    key_points: 5\n    author: {value}\n")
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_settings(config)
    assert [p.field for p in raised.value.problems] == [option]
    assert (
        "U+202E RIGHT-TO-LEFT OVERRIDE" in raised.value.problems[0].message
        or "U+2028" in raised.value.problems[0].message
    )


def test_read_bytes_never_follows_a_link_even_one_made_after_the_listing(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cret")
    link = tmp_path / "x.yaml"
    link.symlink_to(secret)
    with pytest.raises(RefusedFile, match="is a symbolic link"):
        read_bytes(link)
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(RefusedFile, match="not a regular file"):
        read_bytes(fifo)  # refused at once, never waiting for a writer
    os.link(secret, tmp_path / "twice.yaml")
    with pytest.raises(RefusedFile, match="has 2 hard links"):
        read_bytes(tmp_path / "twice.yaml")
