"""Editor text made safe: plain text is inert, Markdown keeps basic formatting and safe links, and nothing else."""

from __future__ import annotations

import re

import pytest

from generator.markup.richtext import (
    balance_bidi,
    escape_meta,
    plain,
    render_markdown,
    sanitize_page_html,
    title_from_heading,
)


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_plain_text_turns_markup_and_markdown_into_entities():
    out = str(plain("<script>alert(1)</script> [x](javascript:y) **b** {: #id }"))
    assert "<" not in out and ">" not in out and "[" not in out and "*" not in out and "{" not in out


def test_plain_text_is_one_line_whatever_breaks_it():
    assert str(plain("a\nb\r\nc\u2028d\u2029e")) == "a b c d e"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\u202eb", "a\u202eb\u202c"),
        ("a\u202eb\u202c c", "a\u202eb\u202c c"),
        ("\u2067x\u202ey", "\u2067x\u202ey\u202c\u2069"),
        ("\u2067x\u202ey\u2069 z", "\u2067x\u202ey\u2069 z"),
        ("no controls", "no controls"),
    ],
)
def test_an_unclosed_right_to_left_override_is_closed_at_the_end_of_the_text(text, expected):
    assert balance_bidi(text) == expected


def test_summary_keeps_basic_formatting_and_safe_links():
    html = str(
        render_markdown(
            "**bold** *it* `code` [web](https://example.org/a) [mail](mailto:a@b.org) "
            "[path](/briefing/actors/x/) [anchor](#key_points)\n\n- one\n- two\n\n> quote"
        )
    )
    for tag in ("<strong>", "<em>", "<code>", "<ul>", "<li>", "<blockquote>"):
        assert tag in html
    assert hrefs(html) == ["https://example.org/a", "mailto:a@b.org", "/briefing/actors/x/", "#key_points"]


@pytest.mark.parametrize(
    "link",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x](//evil.example/)",
        '<a href="\\\\evil.example/">x</a>',
        '<a href="/\\evil.example/">x</a>',
        "[x][r]\n\n[r]: javascript:alert(1)",
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" javascript:alert(1)">x</a>',
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="/&#x09;/evil.example/">x</a>',
    ],
)
def test_a_refused_link_leaves_its_words_and_no_link(link):
    html = str(render_markdown(link))
    assert "<a" not in html
    assert "x" in html


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        '<iframe src="https://evil.example/"></iframe>',
        "<style>body{display:none}</style>",
        '<form action="https://evil.example/"><input></form>',
        "<b onclick=alert(1)>b</b>",
        "![pixel](https://tracker.example/p.gif)",
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    ],
)
def test_raw_html_outside_the_allow_list_is_removed(source):
    html = str(render_markdown(source))
    assert not re.search(r"<(script|img|svg|iframe|style|form|input|meta|math|table)\b|\son\w+=", html, re.I), html


def test_entities_that_decode_to_markup_stay_text():
    html = str(render_markdown("&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(2)&#62;"))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_a_raw_block_left_open_takes_the_rest_of_the_text_but_nothing_before_it():
    # As in a browser: an unclosed <style> on a line of its own hides all that follows.
    html = str(render_markdown("before\n\n<style>\nswallowed\n\nafter"))
    assert html == "<p>before</p>"


def test_an_inline_script_goes_with_its_content():
    assert str(render_markdown("said <script>alert(1)</script> ten")) == "<p>said  ten</p>"


def test_an_inline_tag_left_open_takes_only_itself():
    assert str(render_markdown("a <style> b\n\nnext *para*")) == "<p>a  b</p>\n<p>next <em>para</em></p>"


def test_a_heading_in_a_summary_becomes_bold_text():
    assert str(render_markdown("## Heading\n\ntext")) == "<p><strong>Heading</strong></p>\n<p>text</p>"


def test_a_numbered_list_keeps_its_first_number():
    assert '<ol start="3">' in str(render_markdown("3. three\n4. four"))


def test_ten_thousand_characters_of_summary_are_kept():
    text = ("word " * 2000).strip()
    assert str(render_markdown(text)).count("word") == 2000


def test_front_matter_is_escaped_for_the_theme():
    meta = {"title": "</title><script>x</script>", "hide": ["toc"], "search": {"exclude": True}, "n": 3}
    assert escape_meta(meta) == {
        "title": "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;",
        "hide": ["toc"],
        "search": {"exclude": True},
        "n": 3,
    }


def test_a_title_from_a_heading_keeps_no_markup_even_after_decoding():
    # The theme runs heading titles through `striptags`, which decodes &lt; back into <.
    assert title_from_heading("Heading &lt;/title&gt;&lt;script&gt;") == "Heading &lt;/title&gt;&lt;script&gt;"
    assert title_from_heading("A <code>b</code> &amp; c") == "A b &amp; c"


def test_hand_written_pages_keep_local_images_but_no_remote_ones():
    html = sanitize_page_html(
        '<img src="../assets/a.png" alt="a"><img src="https://tracker.example/p.gif" alt="t">'
        '<img src="//tracker.example/p.gif" alt="u">'
    )
    assert html.count("src=") == 1 and 'src="../assets/a.png"' in html
