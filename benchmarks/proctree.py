"""Run a command and measure it: wall time, CPU time and peak memory of its whole process tree.

Memory is sampled from /proc every 50 ms (no psutil): the peak of the summed
resident set (RSS) of the command and every descendant, and the peak of the
summed proportional set (PSS, from smaps_rollup), which counts pages a forked
worker shares with its parent once instead of twice.  Each process is also
counted under its name (`briefing` forks name their workers: briefing-prep,
briefing-check, briefing-pages…; generator/util/fork.py): the peak of each
name, and what each name held at the moment the tree peaked.  CPU time is the user +
system time of the tree, from the kernel's accounting of reaped children.
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Measured:
    command: list[str]
    returncode: int
    wall: float
    cpu: float
    peak_rss: int  # bytes, summed over the tree
    peak_pss: int  # bytes, summed over the tree
    stdout: str
    stderr: str
    peak_by_name: dict[str, int] = field(default_factory=dict)  # bytes of RSS: each name's own peak
    at_peak: dict[str, int] = field(default_factory=dict)  # bytes of RSS of each name when the tree peaked

    def check(self) -> Measured:
        if self.returncode != 0:
            raise RuntimeError(f"{' '.join(self.command)} failed ({self.returncode}):\n{self.stdout}\n{self.stderr}")
        return self


def _parents() -> dict[int, int]:
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: fields start after the last ')'.
        fields = stat[stat.rindex(b")") + 2 :].split()
        found[int(entry.name)] = int(fields[1])
    return found


def tree(root: int) -> list[int]:
    """The process and every descendant still alive."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def _memory(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return rss, pss


class Sampler(threading.Thread):
    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_by_name: dict[str, int] = {}
        self.at_peak: dict[str, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            rss = pss = 0
            named: dict[str, int] = {}
            for pid in tree(self.pid):
                r, p = _memory(pid)
                rss += r
                pss += p
                name = _name(pid)
                named[name] = named.get(name, 0) + r
            if rss > self.peak_rss:
                self.at_peak = named
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            for name, r in named.items():
                self.peak_by_name[name] = max(self.peak_by_name.get(name, 0), r)
            self.done.wait(self.interval)


def _name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm") as handle:
            return handle.read().strip()
    except OSError:
        return "?"


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float | None = None) -> Measured:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = Sampler(process.pid)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    finally:
        sampler.done.set()
        sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(
        command,
        process.returncode,
        wall,
        cpu,
        sampler.peak_rss,
        sampler.peak_pss,
        stdout,
        stderr,
        sampler.peak_by_name,
        sampler.at_peak,
    )
