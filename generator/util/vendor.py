"""Fonts vendored from npm (@fontsource) into the site, so no page asks a font host for anything.

`scripts/setup` runs `npm ci`; the build copies the few faces the theme uses
(WOFF2 only, every script subset the package has) and one stylesheet that
declares them.  Without node_modules the site falls back to system fonts.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.util.paths import node_modules

FACES = {
    "source-serif-4": ("400", "400-italic", "600", "700"),
    "inter": ("400", "500", "600", "700"),
}
FONT_CSS = "assets/fonts/fonts.css"
_WOFF_FALLBACK = re.compile(r",\s*url\(\./files/[^)]+\.woff\) format\('woff'\)")
_FILE_URL = re.compile(r"url\(\./files/([^)]+\.woff2)\)")


def font_files(root: Path) -> dict[str, str | bytes]:
    """{path under docs_dir: content} for the font stylesheet and the WOFF2 files it names."""
    modules = node_modules(root, "@fontsource")
    if modules is None:
        return {FONT_CSS: "/* @fontsource packages not installed (run scripts/setup): system fonts are used */\n"}
    css_parts: list[str] = []
    files: dict[str, str | bytes] = {}
    for package, weights in FACES.items():
        folder = modules / "@fontsource" / package
        for weight in weights:
            css = (folder / f"{weight}.css").read_text(encoding="utf-8")
            css = _WOFF_FALLBACK.sub("", css)
            for name in _FILE_URL.findall(css):
                files[f"assets/fonts/{name}"] = (folder / "files" / name).read_bytes()
            css_parts.append(_FILE_URL.sub(r"url(\1)", css))
    files[FONT_CSS] = "\n".join(css_parts)
    return files
