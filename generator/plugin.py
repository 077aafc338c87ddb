"""The MkDocs side of briefing: generated pages, navigation, theme overrides, permanent links.

Listed in mkdocs.yml as ``plugins: [search, briefing]``.  `briefing build`
generates first and hands its project and result over (:meth:`BriefingPlugin.prepare`);
under `briefing serve` MkDocs keeps the plugin from one rebuild to the next, and
the plugin keeps its project (with its caches) and regenerates on every change,
writing only pages that changed.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from generator.content.reread import WATCHDOG_LOGGERS, FileEvents, LostEvents
from generator.errors import ContentError
from generator.markup.richtext import escape_meta, rebase_site_links, sanitize_page_html, title_from_heading
from generator.pipeline import Generated, generate
from generator.project import Project
from generator.search import pagefind
from generator.settings import load_settings
from generator.site import dirty, fastpage, navcache, parallel, redirects
from generator.site.csp import allow_live_reload, apply_policy, theme_script_hashes
from generator.site.produce import calm_collector
from generator.site.watch import NativeWatch
from generator.util.folder import digests
from generator.util.paths import TEMPLATES
from generator.views.templates import compiled_cache

NEEDED_EXTENSIONS = ("attr_list", "md_in_html", "toc", "tables", "admonition", "footnotes")
STYLESHEETS = ("assets/fonts/fonts.css", "assets/stylesheets/briefing.css")


class BriefingPlugin(BasePlugin):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.prepared: Generated | None = None  # `briefing build`: generated before MkDocs started
        self.generated: Generated | None = None
        self.settings = None
        self.files = None
        self.converted: fastpage.Converted = {}
        self.nav = None
        self.worker = None
        self.theme_env = None
        self.script_hashes: dict[str, frozenset[str]] = {}  # by base_url: the theme's scripts differ only by it
        self.page_hashes: dict[str, frozenset[str]] = {}
        self.serving = False
        self.dirty = False  # this MkDocs build rebuilds only pages whose source changed
        self.watch = None  # `briefing serve`: the file events of content/ and templates/ (generator/site/watch.py)
        self.lost_events = None  # and the filter that hears the system drop some of them
        self.preview_index = pagefind.PreviewIndex()
        self.content_problems: tuple = ()  # what stopped the last build (`briefing serve` shows them on every page)
        # The docs files the site was last built from, with their digests (None: not known, build every page),
        # and those of this build: pages the same in both are left out of a dirty build (generator/site/dirty.py).
        self.built: dict[str, str] | None = None
        self.docs: dict[str, str] | None = None
        self.left_out = 0

    def preview(self, project: Project) -> None:
        """`briefing serve`: the project to preview (its settings say whether drafts are shown), kept across
        rebuilds; mkdocs.yml is read again on each (:meth:`on_config`)."""
        if self.project is None or self.project.settings.root != project.settings.root:
            self.project = project

    def prepare(self, project: Project, generated: Generated) -> None:
        """`briefing build`: the project and what it generated, so the plugin need not generate again."""
        self.project = project
        self.prepared = generated

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.prepared is None:  # `briefing serve` (or `mkdocs` itself): mkdocs.yml may have changed
            settings = load_settings(config.config_file_path)
            self.project = self.project.with_settings(settings) if self.project else Project(settings)
        self.settings = self.project.settings
        for name in NEEDED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        toc = config.mdx_configs.setdefault("toc", {})
        toc.setdefault("permalink", "¶")
        toc.setdefault("permalink_title", "Link to this section")
        overrides = str(TEMPLATES / "overrides")
        if overrides not in config.theme.dirs:
            # After the project's own custom_dir (if any), before the theme.
            position = 1 if config.theme.custom_dir else 0
            config.theme.dirs.insert(position, overrides)
        for sheet in STYLESHEETS:
            if sheet not in config.extra_css:
                config.extra_css.append(sheet)
        pagefind.configure(config, self.settings)
        if self.serving:
            # A preview needs no sitemap, and rendering one of ten years of pages takes a second every save.
            config.theme.static_templates.discard("sitemap.xml")
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.content_problems = ()
        try:
            self.generated = self.prepared or generate(self.project)
        except ContentError as exc:
            # Under `briefing serve` every page shows what to fix (generator/serve.py) until a save fixes it.
            self.content_problems = tuple(exc.problems)
            lines = [p.format() for p in exc.problems]
            raise PluginError("content has errors; fix them and save again:\n" + "\n".join(lines)) from None
        config.nav = self.generated.nav

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"  # with on_startup, MkDocs keeps this object from one rebuild to the next
        self.dirty = dirty
        if command == "serve":
            self.built = None  # a new preview builds into a new folder
            if self.project is not None:
                self.project.page_plan.hold()  # written when the preview stops (generator/site/plan.py)
            calm_collector()
            self.preview_index = pagefind.PreviewIndex()  # a new preview (MkDocs may keep this object between them)

    def watch_files(self, server) -> bool:
        """`briefing serve`, before its first build: hear every change to content/ and templates/ from the
        system from now on; False when it cannot (the server then polls them, :meth:`on_serve`).

        Started before the first build (minutes at ten years), a save made during it is heard and rebuilt;
        and each rebuild then reads only the files named since the last (generator/content/reread.py).
        """
        self.stop_watching()
        settings = self.project.settings
        events = FileEvents(settings.content_dir, [settings.templates_dir])
        watch = NativeWatch(server, events.note)
        if not watch.start([f for f in (settings.content_dir, settings.templates_dir) if f.is_dir()]):
            return False
        self.watch = watch
        self.lost_events = LostEvents(events)
        for name in WATCHDOG_LOGGERS:
            logging.getLogger(name).addFilter(self.lost_events)
        self.project.file_events = events
        return True

    def on_serve(self, server, config: MkDocsConfig, builder):
        # The docs folder is generated: each rebuild writes the pages it changed there, and a watch on it
        # would start a second, useless rebuild after every one.  Editors' files are in content/.
        with contextlib.suppress(KeyError):
            server.unwatch(config.docs_dir)
        if self.watch is None and not self.watch_files(server):
            for folder in (self.settings.content_dir, self.settings.templates_dir):
                if folder.is_dir():
                    server.watch(str(folder))
        allow_live_reload(server)
        return server

    def stop_watching(self, wait: float = 5.0) -> None:
        if self.watch is not None:
            self.watch.stop(wait)
            self.watch = None
            if self.project is not None:
                self.project.file_events = None  # nobody hears changes now: every reading is whole
        if self.lost_events is not None:
            for name in WATCHDOG_LOGGERS:
                logging.getLogger(name).removeFilter(self.lost_events)
            self.lost_events = None

    def on_shutdown(self) -> None:
        # The process ends next: a watching thread may end with it; Pagefind must stop writing into the site.
        self.stop_watching(wait=0)
        self.preview_index.close(wait=3.0)
        if self.serving and self.project is not None and self.project.page_plan.held:
            self.project.page_plan.release()  # the preview's (the build daemon releases its own when it stops)

    def on_files(self, files, config: MkDocsConfig):
        self.left_out = 0
        if self.generated:
            for uri in self.generated.handwritten:
                file = files.get_file_from_path(uri)
                if file is not None and file.is_documentation_page():
                    # A dirty build reads only changed pages, and a page not read has no title: the navigation
                    # every page shows would name an unchanged hand-written page "None".  They are few: always read.
                    file.is_modified = _always
            self.docs = digests(Path(config.docs_dir))
            if self.dirty and dirty.plugins_allow(config.plugins.keys(), self.settings.search):
                always = self.generated.handwritten | dirty.nav_pages(self.generated.nav)
                self.left_out = dirty.leave_out(files, dirty.unchanged_pages(self.docs, self.built, always))
            elif self.dirty:
                # The theme's search (or a plugin not known to make each page alone) gathers from the pages
                # built: a dirty build (the preview's) builds every page, or its index holds the changed ones only.
                for file in files.documentation_pages():
                    file.is_modified = _always
        return files

    def on_nav(self, nav, config: MkDocsConfig, files):
        self.nav = nav
        return nav

    @event_priority(-100)  # last: a worker forked here must see the environment as every plugin left it
    def on_env(self, env, config: MkDocsConfig, files):
        self.files = files  # for links in generated pages, converted as each page is built
        env.bytecode_cache = compiled_cache(self.project.compiled_templates)  # the theme's, compiled once
        navcache.install(env, self.nav)  # the sidebar, once per folder (templates/overrides/partials/nav.html)
        self.theme_env = env
        self.script_hashes = {}
        self.converted = {}  # links between this build's files
        if self.prepared is not None:  # `briefing build`, not the preview server
            pages = [f.page for f in files.documentation_pages() if getattr(f.page, "briefing_lazy", False)]
            self.worker = parallel.start(config, files, self.nav, env, pages)
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files) -> str:
        # The theme prints front matter (title, description) into HTML unescaped, in <title> and the nav.
        page.meta = escape_meta(page.meta)
        if self.generated and page.file.src_uri in self.generated.pages and fastpage.is_html(page):
            fastpage.install(page)  # HTML from our templates: into the theme without Python-Markdown
        return markdown

    def _hashes_for(self, context) -> frozenset[str]:
        base_url = context.get("base_url", "")
        if base_url not in self.script_hashes:
            self.script_hashes[base_url] = theme_script_hashes(self.theme_env, context)
        return self.script_hashes[base_url]

    @event_priority(50)  # before the search plugin reads the page's content
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        fastpage.fill(page, config, self.files, self.converted)
        if page.content:
            # Paths on this site in summaries and hand-written pages: under the folder the site is published in.
            page.content = rebase_site_links(page.content, urlsplit(config.site_url or "/").path)
        self.page_hashes[page.file.src_uri] = self._hashes_for(context)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        fastpage.release(page)
        return apply_policy(output, self.page_hashes.pop(page.file.src_uri, frozenset()))

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        self.page_hashes["template:" + template_name] = self._hashes_for(context)
        if template_name == "sitemap.xml" and self.left_out:
            context["pages"] = dirty.sitemap_entries(self.files, config.site_url, get_build_date())
        return context

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return apply_policy(output, self.page_hashes.pop("template:" + template_name, frozenset()))

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files) -> str:
        if "title" not in page.meta and page.title:
            # The theme runs a title taken from the first heading through `striptags`, which decodes
            # entities (&lt;/title&gt; becomes markup); as front matter it is printed as it stands.
            page.meta["title"] = title_from_heading(page.title)
        # Hand-written pages are editors' Markdown rendered by MkDocs itself: clean them like summaries.
        if self.generated and page.file.src_uri in self.generated.handwritten:
            return sanitize_page_html(html)
        return html

    def on_build_error(self, error: Exception) -> None:
        parallel.abandon(self.worker)
        self.worker = None

    def on_post_build(self, config: MkDocsConfig) -> None:
        parallel.finish(self.worker)
        self.worker = None
        if self.serving:  # not strict: built (`briefing build` keeps it in its state file, if strict mode passes)
            self.built = self.docs
        if self.generated and self.generated.record is None:  # `briefing build`: staged before MkDocs
            self.project.redirects.install(
                redirects.staging(self.settings.root),
                Path(config.site_dir),
                self.generated.redirects if self.dirty else None,
            )
        elif self.generated:
            # The preview's folder is its own, removed when it stops: no other process needs the list of its files.
            record, language = self.generated.record, self.settings.language
            self.project.redirects.write(record, Path(config.site_dir), language, remember=not self.serving)
            if self.prepared is None:  # `briefing serve`: `briefing build` indexes itself
                with self.project.markdown.active():
                    self.preview_index.index(self.generated, self.settings, Path(config.site_dir))


def _always() -> bool:
    return True
