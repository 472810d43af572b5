from __future__ import annotations

import json
import os
import secrets
import threading
from typing import Any

from ._errors import SpoolError


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _sync_dir(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Spool:
    """An append-only JSON-lines file (mode 0600).

    Appends are fsync'd before validate returns; removal rewrites the rest to
    a temp file and renames it over the original, so a crash leaves the old
    file or the new one.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, rec: dict[str, Any]) -> None:
        line = (json.dumps(rec, separators=(",", ":"), ensure_ascii=False) + "\n").encode()
        with self._lock:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            except OSError as e:
                raise SpoolError(f"agentgate spool: open {self.path}: {e}") from e
            try:
                size = os.fstat(fd).st_size
                if size > 0 and os.pread(fd, 1, size - 1) != b"\n":
                    # A crash mid-append can leave a torn last line; start on
                    # a fresh line so the torn bytes cannot swallow this record.
                    line = b"\n" + line
                _write_all(fd, line)
                os.fsync(fd)
            except OSError as e:
                raise SpoolError(f"agentgate spool: append to {self.path}: {e}") from e
            finally:
                os.close(fd)
            if size == 0:
                try:
                    _sync_dir(os.path.dirname(self.path) or ".")
                except OSError as e:
                    raise SpoolError(f"agentgate spool: fsync dir of {self.path}: {e}") from e

    def _scan(self) -> tuple[list[dict[str, Any]], list[str], int]:
        """Parseable records, their lines, and the count of lines that were not. Callers hold the lock."""
        try:
            with open(self.path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except FileNotFoundError:
            return [], [], 0
        except OSError as e:
            raise SpoolError(f"agentgate spool: read {self.path}: {e}") from e
        records: list[dict[str, Any]] = []
        lines: list[str] = []
        skipped = 0
        for raw in text.split("\n"):
            t = raw.strip()
            if not t:
                continue
            try:
                rec = json.loads(t)
            except ValueError:
                skipped += 1
                continue
            if isinstance(rec, dict) and isinstance(rec.get("id"), str) and rec["id"]:
                records.append(rec)
                lines.append(t)
            else:
                skipped += 1
        return records, lines, skipped

    def read_all(self) -> tuple[list[dict[str, Any]], int]:
        with self._lock:
            records, _, skipped = self._scan()
            return records, skipped

    def count(self) -> int:
        with self._lock:
            return len(self._scan()[0])

    def remove(self, acked: set[str]) -> int:
        """Drops acknowledged records (and unreadable lines); returns how many remain.

        Records appended since the caller's read_all are kept, because the file
        is read afresh under the lock.
        """
        with self._lock:
            records, lines, _ = self._scan()
            keep = [line for rec, line in zip(records, lines) if rec["id"] not in acked]
            d = os.path.dirname(self.path) or "."
            tmp = os.path.join(d, f".{os.path.basename(self.path)}.{secrets.token_hex(6)}.tmp")
            renamed = False
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                try:
                    _write_all(fd, "".join(x + "\n" for x in keep).encode())
                    os.fsync(fd)
                finally:
                    os.close(fd)
                os.replace(tmp, self.path)
                renamed = True
                _sync_dir(d)
            except OSError as e:
                if not renamed:
                    try:
                        os.remove(tmp)
                    except OSError:
                        pass
                raise SpoolError(f"agentgate spool: rewrite {self.path}: {e}") from e
            return len(keep)
