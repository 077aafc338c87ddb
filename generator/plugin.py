"""The MkDocs side of briefing: generated pages, navigation, theme overrides, permanent links.

Listed in mkdocs.yml as ``plugins: [search, briefing]``.  `briefing build`
generates first and hands its result over (:data:`PREPARED`); under
`briefing serve` MkDocs reloads the plugin on every change and the plugin
regenerates, writing only pages that changed.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from .render import DEFAULT_TEMPLATES
from .richtext import sanitize_page_html
from .settings import load_settings

PREPARED: dict[str, object] = {}
NEEDED_EXTENSIONS = ("attr_list", "md_in_html", "toc", "tables", "admonition", "footnotes")
STYLESHEETS = ("assets/fonts/fonts.css", "assets/stylesheets/briefing.css")


class BriefingPlugin(BasePlugin):
    def __init__(self) -> None:
        self.generated = None
        self.settings = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = load_settings(config.config_file_path)
        for name in NEEDED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        toc = config.mdx_configs.setdefault("toc", {})
        toc.setdefault("permalink", "¶")
        toc.setdefault("permalink_title", "Link to this section")
        overrides = str(DEFAULT_TEMPLATES / "overrides")
        if overrides not in config.theme.dirs:
            # After the project's own custom_dir (if any), before the theme.
            position = 1 if config.theme.custom_dir else 0
            config.theme.dirs.insert(position, overrides)
        for sheet in STYLESHEETS:
            if sheet not in config.extra_css:
                config.extra_css.append(sheet)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        from .build import generate

        self.generated = PREPARED.get(config.config_file_path) or generate(self.settings)
        config.nav = self.generated.nav

    def on_serve(self, server, config: MkDocsConfig, builder):
        for folder in (self.settings.content_dir, self.settings.templates_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files) -> str:
        # Hand-written pages are editors' Markdown rendered by MkDocs itself: clean them like summaries.
        if self.generated and page.file.src_uri in self.generated.handwritten:
            return sanitize_page_html(html)
        return html

    def on_post_build(self, config: MkDocsConfig) -> None:
        from pathlib import Path

        from .build import write_redirects

        if self.generated:
            write_redirects(self.generated.record, Path(config.site_dir), self.settings.language)
