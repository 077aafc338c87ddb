"""`briefing check` warns, at the field and line, about every piece of editor HTML that cleaning will remove."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.markup.removals import removals
from generator.markup.richtext import render_markdown
from generator.project import Project


def messages(text: str) -> list[str]:
    return [r.message for r in removals(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "<script> is removed, with everything inside it"),
        ("<iframe src=x></iframe>", "<iframe> is not allowed here; the tag is removed, its text stays"),
        ("<b onclick=alert(1)>b</b>", "the event handler onclick= on <b> is removed"),
        ('<p style="color:red">p</p>', "the attribute style= on <p> is removed"),
        ("![x](https://tracker.example/p.gif)", "images are not shown here; the image is removed"),
        ("## Background", "headings are not used here; 'Background' is shown as bold text"),
        (
            "[x](javascript:alert(1))",
            "the link to 'javascript:alert(1)' is removed (links may be http, https, mailto "
            "or a path on this site); its words stay",
        ),
        (
            "[x][r]\n\n[r]: data:text/html,x",
            "the link to 'data:text/html,x' is removed (links may be http, https, "
            "mailto or a path on this site); its words stay",
        ),
    ],
)
def test_each_kind_of_removal_is_named(text, expected):
    assert messages(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Plain words, **bold**, *italic*, `<script>` as code, [a link](https://example.org/) and <https://example.org>.",
        "[mail](mailto:desk@example.org), [path](/actors/x/), [anchor](#key_points), <abbr title='x'>X</abbr>",
        "1. one\n2. two\n\n> a quote\n\n---",
        "&lt;script&gt; written as entities",
    ],
)
def test_what_is_kept_gives_no_warning(text):
    assert messages(text) == []


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "mkdocs.yml"


PROJECT = {
    "mkdocs.yml": "site_name: T\nsite_url: https://example.org/\n",
    "content/topics.yaml": "- id: war\n  title: War\n",
    "content/sources/wire.yaml": "title: Wire\npublisher: Wire\n",
}


def test_warnings_name_the_file_the_field_and_the_line_of_the_text(tmp_path):
    config = write(
        tmp_path,
        {
            **PROJECT,
            "content/events/2024/11/e.yaml": (
                "title: T\n"
                "date: 2024-11-05\n"
                "summary: |\n"
                "  First line.\n"
                '  Second <b onclick="x()">line</b>.\n'
                "topics: [war]\n"
                "sources: [wire]\n"
                "corrections:\n"
                "  - date: 2024-11-06\n"
                "    text: Fixed <script>x</script>.\n"
            ),
            "content/briefings/2024-11-05.md": "A lede.\n\nWith <iframe src=x></iframe> in it.\n",
        },
    )
    result = Project.load(config).check()
    assert result.record is not None
    assert [p.format() for p in result.problems] == [
        "content/briefings/2024-11-05.md:3:6: warning: <iframe> is not allowed here; the tag is removed, "
        "its text stays",
        "content/events/2024/11/e.yaml:3:10: warning: summary: the event handler onclick= on <b> is removed "
        "(line 2 of the text)",
        "content/events/2024/11/e.yaml:10:11: warning: corrections[0].text: <script> is removed, with everything "
        "inside it",
    ]


@pytest.mark.parametrize("field", ["url", "archive_url"])
@pytest.mark.parametrize("address", ["javascript:alert(1)", "data:text/html,x", "//evil.example/"])
def test_a_script_or_data_address_in_a_url_field_is_an_error_not_a_warning(tmp_path, field, address):
    source = f"title: Wire\npublisher: Wire\n{field}: '{address}'\n"
    config = write(tmp_path, {**PROJECT, "content/sources/wire.yaml": source})
    result = Project.load(config).check()
    assert result.record is None
    assert [p.field for p in result.errors] == [field]


# --- the audit and the cleaner agree (issue 13) ------------------------------------------------------------

# Links a browser reads as another scheme although it is broken up: browsers (and nh3, which removes
# them) drop tabs and line breaks anywhere in an address and read entities first.
HIDDEN_LINKS = [
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="java&#10;script:alert(1)">x</a>',
    '<a href="java&#13;script:alert(1)">x</a>',
    '<a href="java&Tab;script:alert(1)">x</a>',
    '<a href="java&NewLine;script:alert(1)">x</a>',
    '<a href="&#x6A;ava&#x09;script:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<a href="http://[broken">x</a>',
]


@pytest.mark.parametrize("text", HIDDEN_LINKS)
def test_a_link_the_cleaner_removes_is_always_reported(text):
    rendered = str(render_markdown(text))
    assert "href" not in rendered, "the cleaner keeps no such link"
    found = messages(text)
    assert len(found) == 1 and found[0].startswith("the link to ") and found[0].endswith("its words stay"), found


# Many shapes at once: for each, what the audit reports is exactly what the rendered HTML lacks.
MIXED = [
    '<b onclick="x">b</b> <i style="y">i</i> <em>kept</em> <a href="https://ok.example/" target="_blank">ok</a>',
    "<svg><a href='javascript:1'>svg</a></svg> <math><mi>m</mi></math>",
    "<script>never closed",
    "<table><tr><td><a href='java&#9;script:1'>cell</a></td></tr></table>",
    "![img](https://tracker.example/p.gif) <img src=/local.png> <object data=x></object>",
    '<a title="<b>" href="mailto:desk@example.org">mail</a>',
]


@pytest.mark.parametrize("text", MIXED)
def test_the_audit_is_what_the_cleaning_does(text):
    from generator.markup.richtext import audited_render

    audited = audited_render(text)
    rendered = str(render_markdown(text))
    for tag in audited:
        if tag.after is None:
            continue
        for name, _ in tag.after:
            assert f" {name}=" in rendered or name == "data-briefing-audit"
    assert "data-briefing-audit" not in rendered, "the audit's numbers never reach a page"
    removed = [t for t in audited if t.after is None or len(t.after) < len(t.before)]
    assert bool(removed) == bool(messages(text))
