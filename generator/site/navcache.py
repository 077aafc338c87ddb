"""The site navigation (and the theme's other per-page constants), rendered once per folder, not once per page.

Material renders the whole navigation sidebar into every page: with a few
thousand day, actor and source pages that was half the time the theme took
per page.  For a page that is not itself in the navigation, the sidebar marks
nothing as active and differs from its neighbours' only in its relative
links, which depend on the folder the page's URL is in.  So the sidebar of
such a page is rendered once per folder and reused; pages in the navigation
(home, the archive, the recent days, section indexes) are rendered as usual.

templates/overrides/partials/nav.html calls :func:`render` in place of
Material's partial, which is compiled here from the theme's own file.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import material
from jinja2 import Environment, Template, pass_context
from markupsafe import Markup

MATERIAL_NAV = Path(material.__file__).resolve().parent / "templates" / "partials" / "nav.html"


class NavCache:
    def __init__(self, env: Environment, nav: Any):
        self.template: Template = env.from_string(MATERIAL_NAV.read_text(encoding="utf-8"))
        self.in_nav = {id(page) for page in getattr(nav, "pages", ())}
        self.nav_urls = tuple(page.url for page in getattr(nav, "pages", ()))
        self.rendered: dict[str, Markup] = {}

    def key(self, page: Any) -> str | None:
        """The folder whose pages share a sidebar, or None when this page's sidebar is its own."""
        if page is None or id(page) in self.in_nav or not page.url:
            return None
        if any(url.startswith(page.url) for url in self.nav_urls):
            return None  # a page in the navigation lives under this one: links to it read differently
        return posixpath.dirname(page.url.rstrip("/"))

    def render(self, context: Any) -> Markup:
        key = self.key(context.get("page"))
        if key is None:
            return Markup(self.template.render(context.get_all()))
        if key not in self.rendered:
            self.rendered[key] = Markup(self.template.render(context.get_all()))
        return self.rendered[key]


def install(env: Environment, nav: Any) -> None:
    """Make the caches of this build available to the theme overrides.

    ``briefing_nav()``: the sidebar (templates/overrides/partials/nav.html).  ``briefing_cached(name)`` and
    ``briefing_keep(name, html)``: a piece of a page that depends only on the page's ``base_url`` (the
    theme's configuration script, the search box), rendered by the first page at each depth.
    """
    cache = NavCache(env, nav)
    pieces: dict[tuple[str, str], Markup] = {}

    @pass_context
    def briefing_nav(context: Any) -> Markup:
        return cache.render(context)

    @pass_context
    def briefing_cached(context: Any, name: str) -> Markup | None:
        return pieces.get((name, context.get("base_url", "")))

    @pass_context
    def briefing_keep(context: Any, name: str, html: str) -> Markup:
        kept = pieces[(name, context.get("base_url", ""))] = Markup(html)
        return kept

    env.globals.update(briefing_nav=briefing_nav, briefing_cached=briefing_cached, briefing_keep=briefing_keep)
