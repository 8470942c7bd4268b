"""How busy the rest of the machine keeps its CPUs: for a task worker that gives way.

On one machine running both the web server and the task worker (bin/serve, the
benchmark), the worker competes with signers for the CPUs. SCHED_IDLE keeps it off
a CPU another process wants, but not out of the caches and memory both share: in
the benchmark, a worker sending a surge's emails while it was being signed slowed
signing by a quarter to a third. A worker that asks this module before claiming
work can wait until the surge has passed (petitio.core.tasks_worker).

Linux only (it reads /proc/stat); elsewhere the machine is never reported busy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# /proc/stat counts in clock ticks (USER_HZ).
_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# A reading over less than this many ticks of all CPUs together says too little.
_SHORTEST_WINDOW_TICKS = 10


@dataclass(frozen=True)
class _Reading:
    busy: int  # ticks spent in user, system, irq and softirq time, all CPUs
    total: int  # ticks of all kinds, idle included
    own: int  # ticks of this process's that count as busy


class OthersLoad:
    """The share of the machine's CPU time that other processes kept busy between
    two calls of busy_share().

    Niced processes (nice > 0) count as idle: Linux books their user time apart.
    This process's own time is taken off too.
    """

    def __init__(self, stat_path: Path = Path("/proc/stat")) -> None:
        self.stat_path = stat_path
        self.last: _Reading | None = None
        self.last_share = 0.0

    def busy_share(self) -> float:
        """A fraction between 0 and 1; 0 where /proc/stat cannot be read."""
        reading = self._read()
        if reading is None:
            return 0.0
        last, self.last = self.last, reading
        if last is None or reading.total - last.total < _SHORTEST_WINDOW_TICKS:
            if last is not None:
                self.last = last  # keep the older reading: a longer window next time
            return self.last_share
        others = (reading.busy - last.busy) - (reading.own - last.own)
        self.last_share = min(1.0, max(0.0, others / (reading.total - last.total)))
        return self.last_share

    def _read(self) -> _Reading | None:
        try:
            with self.stat_path.open() as stat:
                fields = stat.readline().split()
        except OSError:
            return None
        if not fields or fields[0] != "cpu":
            return None
        ticks = [int(value) for value in fields[1:]]
        user, _nice, system, _idle, _iowait, irq, softirq = (ticks + [0] * 7)[:7]
        # Guest time is already inside user time; steal is another machine's.
        total = sum(ticks[:8])
        times = os.times()
        own_seconds = times.system
        if os.getpriority(os.PRIO_PROCESS, 0) <= 0:  # else its user time is booked as nice
            own_seconds += times.user
        return _Reading(
            busy=user + system + irq + softirq,
            total=total,
            own=round(own_seconds * _TICKS_PER_SECOND),
        )
