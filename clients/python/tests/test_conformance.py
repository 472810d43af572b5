"""The conformance scenarios (clients/conformance/scenarios.json) against the shared
scripted fake server; see clients/conformance/README.md."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import unittest
from datetime import datetime
from typing import Any

import agentgate
from agentgate import Agentgate, APIError, UnavailableError

from .fakeserver import FakeServer, load_scenarios

FILE = load_scenarios()
RECORD_KEYS = ["id", "ts", "inputSha256", "outputSha256", "reason", "error", "context"]


def sha(s: str) -> str:
    return hashlib.sha256(s.encode()).hexdigest()


def read_spool(path: str) -> tuple[str, list[dict[str, Any]]]:
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        return "", []
    return text, [json.loads(x) for x in text.split("\n") if x.strip()]


def observe_validate(obs: dict[str, Any], res: agentgate.ValidateResult | None, err: BaseException | None) -> None:
    if err is None:
        assert res is not None
        obs["outcome"] = "degraded" if res.degraded else "result"
        if res.degraded:
            obs["reason"] = res.degraded_reason
        obs["passed"] = res.passed
        obs["decision"] = res.decision
        obs["hasEvidence"] = bool(res.evidence and res.evidence.id)
        obs["redactedInput"] = res.redacted.input
        if res.violations:
            obs["violationTarget"] = res.violations[0].target
            obs["violationDocument"] = res.violations[0].document
    elif isinstance(err, UnavailableError):
        obs.update(outcome="unavailable", reason=err.reason, attempts=err.attempts)
        if isinstance(err.last_error, APIError):
            obs["lastStatus"] = err.last_error.status
    elif isinstance(err, APIError):
        obs.update(outcome="api_error", status=err.status, code=err.code, requestId=err.request_id)
    else:
        obs.update(outcome="error", error=repr(err))


class Clock:
    def __init__(self) -> None:
        self.t = datetime.fromisoformat(FILE["clockStart"].replace("Z", "+00:00")).timestamp()
        self.waits: list[float] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.t += seconds


class Conformance(unittest.TestCase):
    server: FakeServer

    @classmethod
    def setUpClass(cls) -> None:
        cls.server = FakeServer()
        cls.tmp = tempfile.TemporaryDirectory(prefix="agentgate-py-conformance-")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.stop()
        cls.tmp.cleanup()

    def run_scenario(self, sc: dict[str, Any]) -> None:
        prefix = f"{self.server.url}/s/{sc['name']}"
        cc = sc["config"]
        spool_path = os.path.join(self.tmp.name, sc["name"], "spool", "agentgate.jsonl")
        clock = Clock()
        seed = [7]

        def rand() -> float:
            seed[0] = (seed[0] * 1103515245 + 12345) % 2**31
            return seed[0] / 2**31

        quiet = logging.getLogger("agentgate.conformance")
        quiet.disabled = True
        gate = Agentgate(
            prefix,
            cc["apiKey"],
            failure_mode=cc["failureMode"],
            spool_path=spool_path if cc["spool"] else None,
            max_retries=cc.get("retries", 2),
            timeout=cc["timeoutMs"] / 1000,
            backoff_base=cc["backoff"]["baseMs"] / 1000,
            backoff_max=cc["backoff"]["maxMs"] / 1000,
            breaker_threshold=cc["breaker"]["threshold"],
            breaker_open_for=cc["breaker"]["openForMs"] / 1000,
            replay_batch_size=cc["replayBatchSize"],
            now=clock.now,
            sleep=clock.sleep,
            random=rand,
            logger=quiet,
        )
        texts: list[str] = []
        with gate:
            for i, st in enumerate(sc["steps"]):
                where = f"{sc['name']} step {i} ({st['op']})"
                if st.get("server") or st.get("replayServer"):
                    self.server.script(prefix, st.get("server", []), st.get("replayServer", []))
                before = self.server.state(prefix)
                waits_before = len(clock.waits)
                pending_before = gate.pending()
                obs: dict[str, Any] = {}
                if st["op"] == "advance":
                    clock.t += st["ms"] / 1000
                elif st["op"] == "validate":
                    r = st["request"]
                    texts.append(r["input"])
                    if r.get("output"):
                        texts.append(r["output"])
                    res = err = None
                    try:
                        res = gate.validate(
                            r["input"],
                            output=r.get("output", ""),
                            documents=r.get("documents"),
                            context=r.get("context"),
                            idempotency_key=r.get("idempotencyKey", ""),
                        )
                    except agentgate.AgentgateError as e:
                        err = e
                    observe_validate(obs, res, err)
                    keys = self.server.state(prefix)["idempotencyKeys"][before["validateHits"] :]
                    obs["sameIdempotencyKey"] = bool(keys) and keys[0] != "" and all(k == keys[0] for k in keys)
                    if keys:
                        obs["idempotencyKey"] = keys[0]
                    if gate.pending() > pending_before:
                        last = read_spool(spool_path)[1][-1]
                        self.assertEqual(last["inputSha256"], sha(r["input"]), where)
                        self.assertEqual(last["outputSha256"], sha(r["output"]) if r.get("output") else "", where)
                        self.assertEqual(last["context"], r.get("context", {}), where)
                elif st["op"] == "replay":
                    try:
                        rr = gate.replay()
                        obs["outcome"] = "replayed"
                    except agentgate.AgentgateError as e:
                        obs["outcome"] = "replay_error"
                        rr = e.result  # type: ignore[attr-defined]
                    obs.update(sent=rr.sent, accepted=rr.accepted, duplicates=rr.duplicates, remaining=rr.remaining)
                after = self.server.state(prefix)
                obs.update(validateHits=after["validateHits"], replayHits=after["replayHits"], recorded=after["recorded"])
                step_waits = clock.waits[waits_before:]
                obs["waits"] = len(step_waits)
                if step_waits:
                    obs["minWaitMs"] = min(step_waits) * 1000
                obs["pending"] = gate.pending()
                text, records = read_spool(spool_path)
                if records:
                    obs["spoolReason"] = records[-1]["reason"]
                    obs["spoolError"] = records[-1]["error"]
                for rec in records:
                    self.assertEqual(list(rec), RECORD_KEYS, where)
                    self.assertRegex(rec["id"], r"^[0-9a-f]{32}$", where)
                    self.assertRegex(rec["ts"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", where)
                obs["breaker"] = gate.breaker_state()
                # Whatever happened, the prompt and completion text never reach the disk.
                for t in texts:
                    self.assertNotIn(t, text, f"{where}: spool holds the text")
                for k, want in st.get("expect", {}).items():
                    self.assertIn(k, obs, f"{where}: nothing observed for {k}; observed {obs}")
                    if k == "minWaitMs":
                        self.assertGreaterEqual(obs[k], want, where)
                    else:
                        self.assertEqual(obs[k], want, f"{where}: {k}; observed {obs}")


def _make(sc: dict[str, Any]):  # type: ignore[no-untyped-def]
    def test(self: Conformance) -> None:
        self.run_scenario(sc)

    test.__doc__ = sc["description"]
    return test


for _sc in FILE["scenarios"]:
    setattr(Conformance, "test_" + re.sub(r"\W", "_", _sc["name"]), _make(_sc))
