"""End to end against the local system: run by ``go test ./clients/e2e``, which
starts the system, serves its API on a port it can stop and start, and passes
AGENTGATE_E2E_URL, AGENTGATE_E2E_KEY and AGENTGATE_E2E_CONTROL."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import unittest
import urllib.parse
import urllib.request
from typing import Any

from agentgate import Agentgate, Context

URL = os.environ.get("AGENTGATE_E2E_URL", "")
KEY = os.environ.get("AGENTGATE_E2E_KEY", "")
CTL = os.environ.get("AGENTGATE_E2E_CONTROL", "")
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_quiet = logging.getLogger("agentgate.e2e")
_quiet.disabled = True


def sha(s: str) -> str:
    return hashlib.sha256(s.encode()).hexdigest()


def get(path: str) -> Any:
    req = urllib.request.Request(URL + path, headers={"Authorization": f"Bearer {KEY}"})
    with _direct.open(req, timeout=30) as r:
        return json.loads(r.read())


def api(action: str) -> None:
    with _direct.open(urllib.request.Request(f"{CTL}/{action}", data=b"", method="POST"), timeout=30) as r:
        assert r.status == 204, f"{action} the API: {r.status}"


@unittest.skipUnless(URL, "AGENTGATE_E2E_URL is not set (go test ./clients/e2e runs this)")
class EndToEnd(unittest.TestCase):
    def test_validate_outage_fail_open_replay_into_the_chain(self) -> None:
        with tempfile.TemporaryDirectory(prefix="agentgate-py-e2e-") as d, Agentgate(
            URL,
            KEY,
            timeout=5,
            max_retries=0,  # three failed attempts stay under the breaker threshold (5); see clients/e2e
            failure_mode="open",
            spool_path=os.path.join(d, "spool.jsonl"),
            logger=_quiet,
        ) as gate:
            ctx = Context(user_id="u-py", model_version="e2e@1")
            res = gate.validate("py: before the outage", context=ctx)
            self.assertFalse(res.degraded)
            assert res.evidence is not None
            first = get("/v1/evidence/" + res.evidence.id)
            self.assertEqual(first["inputSha256"], sha("py: before the outage"))

            api("stop")
            by_spool_id = {}
            for text in ("py: during the outage 1", "py: during the outage 2", "py: during the outage 3"):
                r = gate.validate(text, context=ctx)
                self.assertTrue(r.degraded)
                self.assertEqual(r.degraded_reason, "network")
                by_spool_id[r.spool_id] = text
            self.assertEqual(gate.pending(), 3)

            api("start")
            rep = gate.replay()
            self.assertEqual((rep.sent, rep.accepted, rep.remaining, len(rep.evidence)), (3, 3, 0, 3))
            last = 0
            for ref in rep.evidence:
                e = get("/v1/evidence/" + ref.id)
                self.assertEqual(e["kind"], "replay")
                self.assertEqual(e["status"], "fail_open")
                self.assertEqual(e["chain"], first["chain"])
                self.assertIn(e["meta"]["replayId"], by_spool_id)
                self.assertEqual(e["inputSha256"], sha(by_spool_id[e["meta"]["replayId"]]))
                last = max(last, e["seq"])
            q = urllib.parse.urlencode({"chain": first["chain"], "from": 0, "to": last})
            v = get("/v1/evidence/verify?" + q)
            self.assertTrue(v["valid"])
            self.assertEqual(v["checked"], last + 1)
            self.assertEqual(gate.replay().sent, 0)


if __name__ == "__main__":
    unittest.main()
