"""The preview server's side of a failed build: every page answers at once with the problems, and reloads when fixed.

MkDocs' LiveReloadServer makes a request wait until the build it belongs to
has finished; a build that failed never finishes, so the request hangs until
the file is fixed.  Under `briefing serve` the build never fails that way
(:mod:`generator.serve` records the problems instead), and while there are
problems every page of the site answers at once with this error page: each
problem as file:line:col and its message, in the order `briefing check` gives
them.  It carries MkDocs' reload script, so it reloads by itself as soon as a
save fixes the content, and the page the editor was on comes back.  Assets
(styles, scripts, fonts) still come from the last good build.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from html import escape

from generator.errors import Problem, summary_line

ERROR_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Preview: the content has errors</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; color: #15202b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
h1 {{ font-size: 1.4rem; color: #8a1c1c; }}
ol {{ padding-left: 1.4rem; }}
li {{ margin: 0.5rem 0; }}
code {{ font: 0.9rem/1.4 ui-monospace, monospace; background: #fbe9e9; padding: 0.1rem 0.3rem; border-radius: 3px;
       overflow-wrap: anywhere; }}
.warning code {{ background: #fdf3e1; }}
p.note {{ color: #4f5b67; }}
</style>
</head>
<body>
<main>
<h1>The preview cannot be built: {summary}</h1>
<p>Fix these in your editor and save; this page reloads by itself when the content checks.</p>
<ol class="problems">
{items}
</ol>
<p class="note">The same list is printed where <code>briefing serve</code> runs, and by <code>briefing check</code>.</p>
</main>
</body>
</html>
"""


def error_page(problems: Iterable[Problem]) -> bytes:
    """The page every address answers with while the content has errors (editors' text escaped)."""
    shown = list(problems)
    items = "\n".join(f'<li class="{p.severity}"><code>{escape(p.format())}</code></li>' for p in shown)
    return ERROR_PAGE.format(summary=escape(summary_line(shown)), items=items).encode("utf-8")


class PreviewStatus:
    """What the last build of the preview left: nothing (a good site), or the problems that stopped it.

    Written by the build thread and read by every request thread: a tuple, replaced whole.
    """

    def __init__(self) -> None:
        self._problems: tuple[Problem, ...] = ()
        self._lock = threading.Lock()

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self._problems

    def failed(self, problems: Iterable[Problem]) -> None:
        with self._lock:
            self._problems = tuple(problems)

    def succeeded(self) -> None:
        with self._lock:
            self._problems = ()


def wants_page(path: str, mount_path: str) -> bool:
    """Whether a request under the site is for a page (a folder, an .html file, or a name without a suffix)."""
    if not (path + "/").startswith(mount_path):
        return False
    last = path.rsplit("/", 1)[-1]
    return last == "" or last.endswith(".html") or "." not in last
