"""`briefing serve`: MkDocs' live-reloading server with the briefing plugin regenerating on each change."""

from __future__ import annotations

from generator.project import Project


def serve(project: Project, dev_addr: str, *, open_browser: bool = False) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    settings = project.settings
    # Fail before starting the server when the content does not check.
    project.load_record()
    settings.docs_dir.mkdir(parents=True, exist_ok=True)
    # MkDocs makes its own plugin, with a project of its own: it starts from the files checked here.
    project.save_caches()
    mkdocs_serve(
        config_file=str(settings.config_file),
        livereload=True,
        build_type="dirty",
        # A preview must survive a broken link or MkDocs' own "dirty build" notice; `briefing build` stays strict.
        strict=False,
        dev_addr=dev_addr,
        open_in_browser=open_browser,
    )
