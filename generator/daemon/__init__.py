"""`briefing daemon`: a process that keeps a project between builds, so `briefing build` after an edit is quick.

A `briefing build` in a new process starts from nothing: at ten years it reads back the checks of about
49,000 files, runs the rules across them, makes 40,000 events and sends them between processes before it
renders a page (most of a one-edit rebuild, docs/performance.md).  The daemon keeps the project as
`briefing serve` does (the checked files, the record, the page plan, the views of each day) and builds the
real site, in site/, whenever `briefing build` asks it:

- ``briefing daemon`` runs in the foreground until Ctrl+C (or SIGTERM, or an hour without a build);
- ``briefing build`` asks the daemon of its project when one is running and builds itself otherwise.  It
  also builds itself, and says why, when the daemon cannot be trusted with the build: it runs other code
  (the generator or its libraries changed since it started), or another mkdocs.yml of the same folder.

What changed since the daemon's last build is found by comparing the state of every entry of content/
(``lstat``: size, times, inode) with the one it saw then, never by file events that may arrive late; a file
changed, added or removed is read again, a folder added or removed means a whole reading
(generator/content/reread.py).  A build made by another process in between (`briefing build --no-daemon`,
a preview) makes the daemon start again from the files, as a new process would.

The site is the same, byte for byte, as a build without the daemon gives (tests/e2e/test_daemon.py), and so
are the messages and the exit code.  The socket lives in a folder of the user's own (mode 0700) in the
temporary folder, named by the project's path.
"""
