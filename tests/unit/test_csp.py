"""The page policy: the theme's inline scripts by hash, nothing else inline."""

from __future__ import annotations

import base64
import hashlib

from generator.site.csp import PLACEHOLDER, apply_policy, inline_scripts, script_hash

PAGE = (
    '<head><meta http-equiv="Content-Security-Policy" content="script-src \'self\' ' + PLACEHOLDER + '">'
    '<script>theme()</script><script src="bundle.js"></script>'
    '<script id="__config" type="application/json">{"a": 1}</script></head>'
    "<body><p>'briefing-theme-scripts'</p></body>"
)


def test_a_hash_is_the_sha256_of_the_exact_script_text():
    expected = base64.b64encode(hashlib.sha256(b"theme()").digest()).decode()
    assert script_hash("theme()") == f"'sha256-{expected}'"


def test_only_scripts_a_browser_runs_inline_are_counted():
    assert inline_scripts(PAGE) == ["theme()"]


def test_the_placeholder_of_the_policy_is_replaced_and_nothing_else():
    out = apply_policy(PAGE, {script_hash("theme()")})
    assert f"script-src 'self' {script_hash('theme()')}\"" in out
    assert "<p>'briefing-theme-scripts'</p>" in out


def test_a_page_without_the_policy_is_left_alone():
    page = "<head><script>x()</script></head>"
    assert apply_policy(page, {script_hash("x()")}) == page
