"""Finds the shared conformance fake server.

The one at AGENTGATE_CONFORMANCE_URL (the Go test that runs this suite starts
it), or a ``go run ./clients/conformance/fakeserver`` child that exits when its
stdin closes, so it dies with this process.
"""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[3]
SCENARIOS = REPO_ROOT / "clients" / "conformance" / "scenarios.json"


def load_scenarios() -> dict[str, Any]:
    f = json.loads(SCENARIOS.read_text())
    d = f["defaults"]
    for sc in f["scenarios"]:
        c = sc["config"]
        c.setdefault("failureMode", d["failureMode"])
        c.setdefault("spool", d["spool"])
        c.setdefault("apiKey", f["apiKey"])
        c.setdefault("timeoutMs", d["timeoutMs"])
        c.setdefault("backoff", d["backoff"])
        c.setdefault("breaker", d["breaker"])
        c.setdefault("replayBatchSize", d["replayBatchSize"])
    return f


class FakeServer:
    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None
        url = os.environ.get("AGENTGATE_CONFORMANCE_URL")
        if not url:
            self._proc = subprocess.Popen(
                ["go", "run", "./clients/conformance/fakeserver"],
                cwd=REPO_ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert self._proc.stdout is not None
            url = self._proc.stdout.readline().strip()
            if not url.startswith("http://127.0.0.1:"):
                self.stop()
                raise RuntimeError(f"fakeserver did not print its address (got {url!r})")
        self.url = url
        # The fake lives on loopback: never send its traffic to a proxy.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def state(self, prefix: str) -> dict[str, Any]:
        with self._opener.open(prefix + "/_state", timeout=10) as r:
            return json.loads(r.read())

    def script(self, prefix: str, validate: list[Any], replay: list[Any]) -> None:
        req = urllib.request.Request(
            prefix + "/_script",
            data=json.dumps({"validate": validate, "replay": replay}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with self._opener.open(req, timeout=10) as r:
            if r.status != 204:
                raise RuntimeError(f"script: status {r.status}")

    def stop(self) -> None:
        if self._proc is not None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            self._proc.wait(timeout=30)
            if self._proc.stdout is not None:
                self._proc.stdout.close()
            self._proc = None
