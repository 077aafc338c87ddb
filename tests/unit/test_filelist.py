"""MkDocs' list of files, kept between builds (generator/site/filelist.py): what MkDocs itself would list, new
objects each build, made again whenever the folders' names or the settings that decide a File change."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files

from generator.site.filelist import KeptFiles


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "briefings").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "briefings" / "2024-11-05.md").write_text("# A day\n")
    (tmp_path / "docs" / "draft.md").write_text("# Draft\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme: {name: material}\ndraft_docs: draft.md\n")
    return tmp_path


def config(root: Path, extra: str = ""):
    if extra:
        (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + extra)
    return load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))


def listed(files: Files) -> dict[str, tuple]:
    return {f.src_uri: (f.abs_src_path, f.dest_uri, f.url, f.inclusion) for f in files}


def mkdocs_own(c) -> Files:
    files = get_files(c)
    files.add_files_from_theme(c.theme.get_env(), c)
    return files


def kept_list(kept: KeptFiles, c) -> Files:
    files = kept.get_files(c)
    files.add_files_from_theme(c.theme.get_env(), c)
    return files


def test_a_second_build_is_given_new_copies_of_what_mkdocs_lists(project: Path):
    kept = KeptFiles()
    first = kept_list(kept, config(project))
    first.get_file_from_path("index.md").page = "marked by the first build"
    second = kept_list(kept, config(project))
    assert kept.made == 1
    assert listed(second) == listed(first) == listed(mkdocs_own(config(project)))
    assert second.get_file_from_path("index.md").page is None
    assert not {id(f) for f in first} & {id(f) for f in second}
    assert second.get_file_from_path("draft.md").inclusion.is_excluded()


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "docs" / "added.md").write_text("# Added\n"),
        lambda root: (root / "docs" / "briefings" / "2024-11-05.md").unlink(),
        lambda root: (root / "docs" / "draft.md").rename(root / "docs" / "public.md"),
    ],
    ids=["a page added", "a page removed", "a page renamed"],
)
def test_another_set_of_names_in_the_docs_is_listed_again(project: Path, change):
    kept = KeptFiles()
    kept_list(kept, config(project))
    change(project)
    again = kept_list(kept, config(project))
    assert kept.made == 2
    assert listed(again) == listed(mkdocs_own(config(project)))


def test_other_settings_list_again(project: Path):
    kept = KeptFiles()
    kept_list(kept, config(project))
    again = kept_list(kept, config(project, "exclude_docs: briefings/\nuse_directory_urls: false\n"))
    assert kept.made == 2
    assert listed(again) == listed(mkdocs_own(config(project)))
    assert again.get_file_from_path("briefings/2024-11-05.md").inclusion.is_excluded()


def test_a_docs_file_takes_the_place_of_the_themes_and_a_new_theme_file_is_listed(project: Path):
    kept = KeptFiles()
    (project / "overrides").mkdir()
    c = config(project, "theme: {name: material, custom_dir: overrides}\n")
    kept_list(kept, c)
    (project / "overrides" / "extra.css").write_text("p {}\n")
    (project / "docs" / "assets" / "images").mkdir(parents=True)
    (project / "docs" / "assets" / "images" / "favicon.png").write_bytes(b"png")
    again = kept_list(kept, config(project))
    assert listed(again) == listed(mkdocs_own(config(project)))
    assert "extra.css" in again.src_uris
    assert again.get_file_from_path("assets/images/favicon.png").abs_src_path.startswith(str(project / "docs"))


def test_used_puts_mkdocs_own_back(project: Path):
    from mkdocs.commands import build

    kept = KeptFiles()
    with kept.used():
        assert build.get_files == kept.get_files
    assert build.get_files is get_files
