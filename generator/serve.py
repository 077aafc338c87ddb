"""`briefing serve`: MkDocs' live-reloading server with the briefing plugin regenerating on each change."""

from __future__ import annotations

from .check import load_record
from .settings import Settings


def serve(settings: Settings, dev_addr: str, *, open_browser: bool = False) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    # Fail before starting the server when the content does not check.
    load_record(settings)
    settings.docs_dir.mkdir(parents=True, exist_ok=True)
    mkdocs_serve(
        config_file=str(settings.config_file),
        livereload=True,
        build_type="dirty",
        # A preview must survive a broken link or MkDocs' own "dirty build" notice; `briefing build` stays strict.
        strict=False,
        dev_addr=dev_addr,
        open_in_browser=open_browser,
    )
