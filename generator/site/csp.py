"""The Content-Security-Policy of every page: scripts from the site itself, and the theme's inline scripts by hash.

Material writes a few small inline scripts into each page (they read a
reader's saved preferences before the page paints).  Allowing inline script in
general ('unsafe-inline') would also let any markup that slipped past escaping
run.  Instead the policy in ``templates/overrides/main.html`` carries a
placeholder, and each page's copy lists the SHA-256 of exactly the scripts the
theme's own partials produce for that page, rendered here from the same
templates with the same context.  A script anywhere else in a page (one that
came from content, say) matches no hash and the browser refuses to run it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import Environment, TemplateNotFound

PLACEHOLDER = "'briefing-theme-scripts'"
# Every partial of Material 9 that writes an inline script (base.html and header.html include them).
THEME_SCRIPT_PARTIALS = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/announce.html",
    "partials/javascripts/outdated.html",
    "partials/javascripts/content.html",
    "partials/javascripts/consent.html",
)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def script_hash(body: str) -> str:
    """The CSP source expression that allows one inline script, byte for byte."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run (not src=, not JSON data blocks)."""
    found = []
    for attributes, body in _SCRIPT.findall(html):
        if "src=" in attributes or "application/json" in attributes:
            continue
        found.append(body)
    return found


def theme_script_hashes(env: Environment, context: Mapping[str, Any]) -> frozenset[str]:
    """Hashes of every inline script the theme's partials write for a page rendered with ``context``."""
    values = dict(context)
    config = values.get("config")
    # base.html sets `features` before including the partials; they read it.
    values.setdefault("features", (config.theme.get("features") if config else None) or [])
    hashes = set()
    for name in THEME_SCRIPT_PARTIALS:
        try:
            template = env.get_template(name)
        except TemplateNotFound:
            continue
        hashes.update(script_hash(body) for body in inline_scripts(template.render(values)))
    return frozenset(hashes)


def apply_policy(html: str, hashes: Iterable[str]) -> str:
    """The page with the placeholder of its policy replaced by the allowed hashes."""
    sources = " ".join(sorted(hashes))
    match = _POLICY_META.search(html)
    if match is None or PLACEHOLDER not in match.group():
        return html
    meta = match.group().replace(PLACEHOLDER, sources)
    return html[: match.start()] + meta + html[match.end() :]


def with_scripts_allowed(html: str, bodies: Iterable[str]) -> str:
    """The page with its policy also allowing these inline scripts (by hash)."""
    match = _POLICY_META.search(html)
    if match is None:
        return html
    extra = " ".join(script_hash(body) for body in bodies)
    meta = match.group().replace("script-src 'self'", f"script-src 'self' {extra}", 1)
    return html[: match.start()] + meta + html[match.end() :]


def allow_live_reload(server: Any) -> None:
    """`briefing serve`: the preview server adds a reload script to each page it sends; let the policy allow it.

    The script differs on every request, so its hash is added as the page goes out.
    """
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:  # another MkDocs: the preview works, only without live reload
        return

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        # surrogateescape: whatever the bytes, they go out as they came in.
        before = inline_scripts(content.decode("utf-8", "surrogateescape"))
        after = inject(content, epoch).decode("utf-8", "surrogateescape")
        added = [body for body in inline_scripts(after) if body not in before]
        return with_scripts_allowed(after, added).encode("utf-8", "surrogateescape")

    server._inject_js_into_html = inject_allowed
