"""MkDocs' list of the site's files, kept from one build to the next while the folders hold the same names.

Each MkDocs build walks the docs folder and makes a File for each file in it (14,800 at ten years), then lists
the theme's files and makes a File for each of those: about 0.25 s of every save in `briefing serve` and of
every build through `briefing daemon`, for a list that an edit seldom changes (an event added or removed adds
or removes pages; a retitle none).  While the docs folder holds the same names, the theme the same folders
(and the project's own theme folders the same names), and the settings that decide a File are the same, a
build is given copies of the Files made then: new objects each build, as MkDocs expects (a build gives each
its Page and plugins mark them), made without walking, sorting and matching patterns again.

:meth:`KeptFiles.used` puts this in the place of MkDocs' ``get_files`` for one build.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import File, Files, get_files


class KeptFiles:
    """The Files of the last build of one project, and what they were made from (owned by the Project)."""

    def __init__(self) -> None:
        self._docs_key: tuple | None = None
        self._docs: list[File] = []
        self._theme_key: tuple | None = None
        self._theme: list[File] = []
        self.made = 0  # how many builds made their list of files (the others were given copies): for tests

    @contextmanager
    def used(self) -> Iterator[None]:
        """MkDocs builds in this block ask this object for their files."""
        mkdocs_build.get_files = self.get_files
        try:
            yield
        finally:
            mkdocs_build.get_files = get_files

    def get_files(self, config: Any) -> Files:
        """What MkDocs' ``get_files(config)`` gives: made by it when the docs folder or the settings changed."""
        key = (_settings(config), _names(config.docs_dir))
        if key != self._docs_key:
            self.made += 1
            files = get_files(config)
            self._docs, self._docs_key = [_copy(f) for f in files], key  # before MkDocs and plugins touch them
            return _KeptFiles(self, files)
        return _KeptFiles(self, map(_copy, self._docs))

    def theme_files(self, env: Any, config: Any) -> list[File]:
        """Copies of the Files of every theme file MkDocs would add (before leaving out those the docs have)."""
        key = (
            tuple(config.theme.dirs),
            tuple(sorted(config.theme.static_templates)),
            config.site_dir,
            config.use_directory_urls,
            tuple(_names(folder) for folder in config.theme.dirs if not _installed(folder)),
        )
        if key != self._theme_key:
            every = Files([])
            Files.add_files_from_theme(every, env, config)
            self._theme, self._theme_key = [_copy(f) for f in every], key
        return [_copy(f) for f in self._theme]


class _KeptFiles(Files):
    """MkDocs' Files, adding the theme's from the :class:`KeptFiles` it came from."""

    def __init__(self, kept: KeptFiles, files: Any) -> None:
        super().__init__(files)
        self._kept = kept

    def add_files_from_theme(self, env: Any, config: Any) -> None:
        for file in self._kept.theme_files(env, config):
            if self.get_file_from_path(file.src_uri) is None:  # as MkDocs: the docs' own file wins
                self.append(file)


def _copy(file: File) -> File:
    copied = File.__new__(File)
    copied.__dict__.update(file.__dict__)  # with the paths and URLs it has worked out
    return copied


def _names(folder: str) -> tuple:
    """Every file under ``folder`` by its folder, as MkDocs walks it."""
    return tuple((top, tuple(sorted(names))) for top, _, names in os.walk(folder, followlinks=True))


def _settings(config: Any) -> tuple:
    return (
        config.docs_dir,
        config.site_dir,
        config.use_directory_urls,
        *(_patterns(config.get(name)) for name in ("exclude_docs", "draft_docs", "not_in_nav")),
    )


def _patterns(spec: Any) -> tuple | None:
    if spec is None:
        return None
    return tuple((p.include, p.regex.pattern if p.regex is not None else None) for p in spec.patterns)


_PACKAGES = tuple(os.path.join(os.path.realpath(p), "") for p in {sys.prefix, sys.base_prefix})


def _installed(folder: str) -> bool:
    """A theme installed with Python (Material's): its files do not change while a preview runs."""
    return os.path.join(os.path.realpath(folder), "").startswith(_PACKAGES)
