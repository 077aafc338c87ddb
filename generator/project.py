"""A project: its settings, and everything a build remembers to make the next one quicker.

Every command works on one project (the folder of its mkdocs.yml).  What a
build knows besides the content (which files were checked, what Markdown
rendered to, which pages the last generation made, the compiled templates,
the events made from unchanged files) lives here, on an object handed down
to each stage, never in module globals: `briefing serve` keeps one project
for the life of the server, and tests can build many projects in one process.

The stages below never import this module: the pipeline hands each the part
it needs.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.cache import FileCache
from generator.content.check import CheckResult, check_project, record_of
from generator.content.files import Content
from generator.content.model import Kept, Record, carry_indexes
from generator.content.projectfiles import tree_problems
from generator.content.reread import FileEvents
from generator.content.snapshot import Snapshot, scan
from generator.content.validate import Validated
from generator.errors import ContentError, Problem
from generator.exports.assembly import PieceStore
from generator.markup.cache import MarkdownCache
from generator.pictures import Basemap
from generator.settings import Settings, load_settings
from generator.site.plan import PlanStore
from generator.site.redirects import Redirects
from generator.util import fork
from generator.util.keep import BySameItems
from generator.util.paths import node_modules
from generator.views.templates import Templates

if TYPE_CHECKING:
    from generator.site.filelist import KeptFiles


@dataclass
class Project:
    settings: Settings
    kept_made: Kept = field(default_factory=Kept)  # what the last assembly of the record made (model.assemble)
    _keep: Snapshot | None = field(default=None, repr=False)  # the record set aside for the next build
    # `briefing serve`: the files the watcher heard change, and the reading they changed (generator/content/reread.py)
    file_events: FileEvents | None = field(default=None, repr=False)
    _reading: Content | None = field(default=None, repr=False)
    _validation: Validated | None = field(default=None, repr=False)
    _record: Record | None = field(default=None, repr=False)  # and the record it made, whose indexes go on

    @classmethod
    def load(cls, config: str | Path | None = None, cwd: Path | None = None, *, drafts: bool = False) -> Project:
        """The project of a mkdocs.yml (default: the one in the current folder); ``drafts``: preview them too."""
        return cls.of(load_settings(config, cwd), drafts=drafts)

    @classmethod
    def of(cls, settings: Settings, *, drafts: bool = False) -> Project:
        """The project of settings already read; ``drafts``: preview them too."""
        return cls(replace(settings, drafts=True) if drafts else settings)

    def with_settings(self, settings: Settings) -> Project:
        """This project with mkdocs.yml read again (the preview server after a save): its caches go on."""
        settings = replace(settings, drafts=self.settings.drafts)  # a choice of the command, not of mkdocs.yml
        if settings.root != self.settings.root:
            return Project(settings)
        self.settings = settings
        self.__dict__.pop("templates", None)  # the templates folder is part of the settings
        return self

    @cached_property
    def content_cache(self) -> FileCache:
        return FileCache.load(self._cache_file("content.pickle"))

    @cached_property
    def markdown(self) -> MarkdownCache:
        return MarkdownCache(self._cache_file("markdown.pickle"))

    @cached_property
    def export_pieces(self) -> PieceStore:
        return PieceStore(self._cache_file("exports.pickle"))

    @cached_property
    def page_plan(self) -> PlanStore:
        return PlanStore(self._cache_file("pages.pickle"))

    @cached_property
    def kept_views(self) -> BySameItems:
        """Views of each day's events, kept from one generation to the next while its events are the same
        objects (the preview's saves: generator/util/keep.py)."""
        return BySameItems()

    @cached_property
    def basemap(self) -> Basemap:
        """Natural Earth's outlines (npm world-atlas) for the maps, and the frames drawn so far; without
        node_modules, maps show the world's outline and the markers only."""
        modules = node_modules(self.settings.root, "world-atlas")
        return Basemap.load(modules / "world-atlas" if modules else None)

    @cached_property
    def redirects(self) -> Redirects:
        """The permanent links and the old addresses of renamed things, written into the site after MkDocs."""
        return Redirects(self._cache_file("redirects.json"))

    @cached_property
    def mkdocs_files(self) -> KeptFiles:
        """MkDocs' list of the site's files, kept between builds of this process (the preview, the daemon)."""
        from generator.site.filelist import KeptFiles  # MkDocs is imported by the commands that build, only

        return KeptFiles()

    @cached_property
    def templates(self) -> Templates:
        return Templates(self.settings.templates_dir, self.compiled_templates)

    @property
    def compiled_templates(self) -> Path | None:
        """Where compiled templates (ours and the theme's) are kept between builds, once the project is built."""
        return self._cache_file("jinja") if self.settings.cache_dir.parent.is_dir() else None

    def _cache_file(self, name: str) -> Path:
        return self.settings.cache_dir / name

    def check(self) -> CheckResult:
        """Every problem of the content at once, and the record when there are no errors."""
        since = None
        if self.file_events is not None:  # the preview: what changed since its last reading
            changed = self.file_events.take()
            last, self._reading = self._reading, None  # a reading that does not finish leaves none to go on from
            since = (last, changed) if changed is not None and last is not None else None
        validation, self._validation = self._validation, None
        with self.markdown.active():
            result = check_project(
                self.settings.root,
                self.settings.timezone_name,
                cache=self.content_cache,
                kept=self.kept_made,
                also=self.read_folders(generated=since is None),
                drafts=self.settings.drafts,
                since=since,
                last=validation,
            )
        if self.file_events is not None:
            self._reading, self._validation = result.content, result.validation
            if result.record is not None and self._record is not None:
                carry_indexes(result.record, self._record)
            self._record = result.record
        return result

    def read_folders(self, *, generated: bool = True) -> list[Path]:
        """Folders besides content/ that the build reads files from: each is checked for links like content/.

        ``generated``: with the docs folder.  The preview walks it on its first reading only: from then on only
        the generator writes there, and at ten years the walk of its 13,000 files took 0.1 s of every save.
        """
        s = self.settings
        docs = [s.docs_dir] if generated else []
        return [s.templates_dir, *docs, *([s.custom_dir] if s.custom_dir is not None else [])]

    def load_record(self, *, apart: bool = False) -> tuple[Record, list[Problem]]:
        """The record and its warnings; :class:`generator.errors.ContentError` when the content has errors.

        ``apart`` (`briefing build`, where it can fork): content/ exactly as the last build left it gives that
        build's record (:mod:`generator.content.snapshot`); otherwise the check runs in a forked process,
        which keeps the checked files for the next build and sends back the record alone.  The checked files
        take several times the memory of the record, and memory a process has used stays with it (Python
        reuses it, but seldom gives it back): a process that never held them is the one to fork page workers
        from.  That process also sets the record aside for the next build; :meth:`keep_record` keeps it.
        """
        if not (apart and fork.can_fork()):
            return record_of(self.check())
        s = self.settings
        snapshot = Snapshot(self._cache_file("record.pickle"), scan(s.root, s.timezone_name, s.drafts))
        found = snapshot.load()
        # content/ as the last build left it: its record, warnings and file versions; a refused file in the other
        # folders is reported by the check (which walks them anyway)
        if found is not None and not self._read_folder_problems():
            self.__dict__["content_cache"] = FileCache.detached(set(), False, found.versions)
            return found.record, found.warnings
        outcome, found = fork.join(fork.start(lambda: self._check_apart(snapshot), "briefing-check"))
        if outcome == "error":
            raise ContentError(found)
        blob, warnings, changes, cold, versions, rendered = found
        self.__dict__["content_cache"] = FileCache.detached(changes, cold, versions)
        self.markdown.merge(rendered)
        self._keep = snapshot
        return pickle.loads(blob), warnings

    def _check_apart(self, snapshot: Snapshot) -> tuple[str, object]:
        result = self.check()
        if result.record is None:
            return "error", result.problems
        cache = self.content_cache
        cache.save(self._cache_file("content.pickle"))
        versions = cache.versions()
        blob = pickle.dumps(result.record, protocol=pickle.HIGHEST_PROTOCOL)  # sent, and set aside for the next
        snapshot.set_aside(blob, result.problems, versions)
        return "ok", (blob, result.problems, cache.changes, cache.cold, versions, self.markdown.added)

    def keep_record(self) -> None:
        """Keep the record set aside by :meth:`load_record` for the next build, now that its pages are written."""
        if self._keep is not None:
            self._keep.keep()
            self._keep = None

    def _read_folder_problems(self) -> bool:
        """Whether the other folders the build reads hold a refused file (the check says which)."""
        return any(tree_problems(folder, self.settings.root) for folder in dict.fromkeys(self.read_folders()))

    def save_caches(self, *, release: bool = False) -> None:
        """Keep what this build learnt for the next process (only where the project has been built).

        ``release``: the checked files are not needed again in this process (`briefing build`): let them go
        before MkDocs needs the memory.
        """
        self.content_cache.save(self._cache_file("content.pickle"))
        self.markdown.save()
        if release:
            self.__dict__.pop("content_cache", None)
