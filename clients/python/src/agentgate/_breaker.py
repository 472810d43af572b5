from __future__ import annotations

import threading

from ._types import BreakerState


class Breaker:
    """Consecutive-failure circuit breaker over attempts, not calls.

    After ``threshold`` failed attempts in a row it opens; after ``open_for``
    seconds one probe goes through, whose outcome closes or reopens it.
    """

    def __init__(self, threshold: int, open_for: float) -> None:
        self._threshold = threshold
        self._open_for = open_for
        self._lock = threading.Lock()
        self._state: BreakerState = "closed"
        self._failures = 0
        self._opened_at = 0.0
        self._probing = False

    def allow(self, now: float) -> tuple[bool, bool]:
        """(ok, probe): whether an attempt may start and whether it is the half-open probe."""
        if self._threshold < 0:
            return True, False
        with self._lock:
            if self._state == "closed":
                return True, False
            if self._state == "open":
                if now < self._opened_at + self._open_for:
                    return False, False
                self._state = "half_open"
            # Half-open: one probe in flight; everyone else keeps failing fast.
            if self._probing:
                return False, False
            self._probing = True
            return True, True

    def success(self, probe: bool) -> bool:
        if self._threshold < 0:
            return False
        with self._lock:
            if probe and self._state == "half_open":
                self._state, self._failures, self._probing = "closed", 0, False
                return True
            if self._state == "closed":
                self._failures = 0
            return False

    def failure(self, probe: bool, now: float) -> None:
        if self._threshold < 0:
            return
        with self._lock:
            if probe and self._state == "half_open":
                self._state, self._opened_at, self._probing = "open", now, False
            elif self._state == "closed":
                self._failures += 1
                if self._failures >= self._threshold:
                    self._state, self._opened_at = "open", now

    def release(self, probe: bool) -> None:
        if not probe or self._threshold < 0:
            return
        with self._lock:
            if self._state == "half_open":
                self._probing = False

    def current(self, now: float) -> BreakerState:
        if self._threshold < 0:
            return "closed"
        with self._lock:
            if self._state == "open" and now >= self._opened_at + self._open_for:
                return "half_open"
            return self._state
