"""Where briefing's own files are: the package, its default templates, and the npm packages it vendors."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def _templates() -> Path:
    # An installed wheel carries the templates inside the package; a checkout has them beside it, at the top.
    inside = PACKAGE / "templates"
    return inside if inside.is_dir() else PACKAGE.parent / "templates"


TEMPLATES = _templates()


def node_modules(root: Path, package: str) -> Path | None:
    """The node_modules folder that holds an npm ``package``: the project's own, else the checkout's."""
    for candidate in (root / "node_modules", PACKAGE.parent / "node_modules"):
        if (candidate / package).is_dir():
            return candidate
    return None
