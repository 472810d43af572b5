"""What the shared scenarios do not reach: config checks, Retry-After parsing,
the total timeout, a failing spool, a torn spool line, auto-replay, the exact
request body. A small scripted server on 127.0.0.1 stands in for the API."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

import agentgate
from agentgate import Agentgate, parse_retry_after

VERDICT = {
    "passed": True,
    "decision": "allow",
    "violations": [],
    "redacted": {"input": "x", "output": ""},
    "evidence": {"id": "acme/0/1", "chain": "acme/0", "seq": 1, "hash": "h", "prevHash": "p", "timestamp": "t"},
}
QUIET = logging.getLogger("agentgate.tests")
QUIET.disabled = True

Handler = Callable[[str, dict[str, str], dict[str, Any]], tuple[int, dict[str, str], Any]]


class Server:
    """Answers each POST with handler(path, headers, body) -> (status, headers, json or None to hang)."""

    def __init__(self, handler: Handler) -> None:
        outer = self
        self.handler = handler
        self.requests: list[tuple[str, dict[str, str], dict[str, Any]]] = []
        self.release = threading.Event()

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a: Any) -> None:
                pass

            def do_POST(self) -> None:
                n = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(n))
                hdrs = dict(self.headers.items())
                outer.requests.append((self.path, hdrs, body))
                status, extra, payload = outer.handler(self.path, hdrs, body)
                if payload is None:
                    outer.release.wait(10)
                    return
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in extra.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class UnitTests(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory(prefix="agentgate-py-unit-")
        self.addCleanup(self.tmp.cleanup)

    def serve(self, handler: Handler) -> Server:
        s = Server(handler)
        self.addCleanup(s.close)
        return s

    def client(self, url: str, **kw: Any) -> Agentgate:
        opts: dict[str, Any] = dict(
            failure_mode="open",
            spool_path=os.path.join(self.tmp.name, "spool", "s.jsonl"),
            sleep=lambda s: None,
            logger=QUIET,
        )
        opts.update(kw)
        c = Agentgate(url, "agk_k1_secret", **opts)
        self.addCleanup(c.close)
        return c

    def test_config_refusals_never_echo_the_key(self) -> None:
        cases: list[tuple[dict[str, Any], str]] = [
            ({"base_url": "ftp://x", "api_key": "agk_a_b"}, "need http"),
            ({"base_url": "http://x", "api_key": "sk-secret-value"}, "API key must have the form"),
            ({"base_url": "http://x", "api_key": "agk_a_b", "failure_mode": "open"}, "needs a spool path"),
            ({"base_url": "http://x", "api_key": "agk_a_b", "timeout": -1}, "not be negative"),
            ({"base_url": "http://x", "api_key": "agk_a_b", "replay_batch_size": 101}, "outside 1..100"),
            ({"base_url": "http://x", "api_key": "agk_a_b", "backoff_base": 1, "backoff_max": 0.5}, "max below base"),
        ]
        for kw, msg in cases:
            with self.subTest(msg=msg), self.assertRaises(agentgate.AgentgateError) as cm:
                Agentgate(**kw)
            self.assertIn(msg, str(cm.exception))
            self.assertNotIn("sk-secret-value", str(cm.exception))

    def test_parse_retry_after(self) -> None:
        now = 1795770000.0  # Fri, 27 Nov 2026 09:00:00 GMT
        self.assertEqual(parse_retry_after("3", now), 3.0)
        self.assertEqual(parse_retry_after("0", now), 0.0)
        self.assertEqual(parse_retry_after("-5", now), 0.0)
        self.assertEqual(parse_retry_after("999999", now), 86400.0)
        self.assertEqual(parse_retry_after("Fri, 27 Nov 2026 09:00:10 GMT", now), 10.0)
        self.assertEqual(parse_retry_after("Fri, 27 Nov 2026 08:00:00 GMT", now), 0.0)
        self.assertEqual(parse_retry_after("soon", now), 0.0)
        self.assertEqual(parse_retry_after(None, now), 0.0)

    def test_typed_errors_and_causes(self) -> None:
        for status, cls in [(401, agentgate.AuthenticationError), (422, agentgate.UnprocessableEntityError)]:
            s = self.serve(lambda p, h, b, st=status: (st, {}, {"error": {"code": "c", "message": "m", "requestId": "r"}}))
            with self.subTest(status=status), self.assertRaises(cls) as cm:
                self.client(s.url).validate("hi")
            self.assertEqual((cm.exception.status, cm.exception.request_id), (status, "r"))
        s = self.serve(lambda p, h, b: (429, {"Retry-After": "1"}, {"error": {"code": "rate_limited"}}))
        with self.assertRaises(agentgate.UnavailableError) as cm2:
            self.client(s.url, failure_mode="closed", spool_path=None, max_retries=0).validate("hi")
        self.assertEqual(cm2.exception.reason, "rate_limited")
        self.assertIsInstance(cm2.exception.last_error, agentgate.RateLimitError)
        self.assertEqual(cm2.exception.last_error.retry_after, 1.0)  # type: ignore[union-attr]

    def test_total_timeout_degrades_with_reason_deadline(self) -> None:
        s = self.serve(lambda p, h, b: (200, {}, None))  # hold
        c = self.client(s.url, timeout=5)
        res = c.validate("hi", total_timeout=0.2)
        self.assertTrue(res.degraded)
        self.assertEqual(res.degraded_reason, "deadline")
        self.assertEqual(c.pending(), 1)

    def test_a_wait_past_the_total_timeout_is_not_taken(self) -> None:
        waits: list[float] = []
        s = self.serve(lambda p, h, b: (503, {}, {}))
        c = self.client(s.url, sleep=waits.append, backoff_base=1, backoff_max=1, random=lambda: 0.999)
        res = c.validate("hi", total_timeout=0.5)
        self.assertEqual(res.degraded_reason, "server_error")
        self.assertEqual(len(s.requests), 1)
        self.assertEqual(waits, [])

    def test_unwritable_spool_raises_spool_error_with_the_degraded_result(self) -> None:
        path = os.path.join(self.tmp.name, "spool-is-a-dir")
        os.mkdir(path)  # a directory where the file should be fails for root too
        s = self.serve(lambda p, h, b: (503, {}, {}))
        with self.assertRaises(agentgate.SpoolError) as cm:
            self.client(s.url, spool_path=path, max_retries=0).validate("hi")
        res = cm.exception.result
        assert res is not None
        self.assertTrue(res.degraded)
        self.assertEqual(res.decision, "allow")

    def test_torn_last_line_is_skipped_and_does_not_swallow_the_next_record(self) -> None:
        path = os.path.join(self.tmp.name, "torn.jsonl")
        with open(path, "w") as f:
            f.write('{"id":"abc","ts":"2026-')
        down = [True]
        sent: list[str] = []

        def handler(p: str, h: dict[str, str], b: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
            if down[0]:
                return 503, {}, {}
            sent.extend(r["id"] for r in b["records"])
            return 200, {}, {"accepted": len(b["records"]), "duplicates": 0, "evidence": []}

        s = self.serve(handler)
        c = self.client(s.url, spool_path=path, max_retries=0)
        res = c.validate("secret prompt")
        down[0] = False
        rep = c.replay()
        self.assertEqual(sent, [res.spool_id])
        self.assertEqual((rep.skipped, rep.remaining), (1, 0))
        with open(path) as f:
            self.assertEqual(f.read(), "")

    def test_auto_replay_after_recovery_and_close_waits(self) -> None:
        down = [True]
        replayed = [0]

        def handler(p: str, h: dict[str, str], b: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
            if down[0]:
                return 503, {}, {}
            if p.endswith("/v1/evidence/replay"):
                replayed[0] += len(b["records"])
                return 200, {}, {"accepted": len(b["records"]), "duplicates": 0, "evidence": []}
            return 200, {}, VERDICT

        s = self.serve(handler)
        c = self.client(s.url, auto_replay=True, max_retries=0)
        c.validate("a")
        c.validate("b")
        self.assertEqual(c.pending(), 2)
        down[0] = False
        self.assertFalse(c.validate("c").degraded)
        c.close()
        self.assertEqual(replayed[0], 2)
        self.assertEqual(c.pending(), 0)

    def test_request_body_holds_exactly_the_contract_members(self) -> None:
        s = self.serve(lambda p, h, b: (200, {}, VERDICT))
        self.client(s.url).validate(
            "i",
            output="o",
            idempotency_key="k-1",
            documents=[agentgate.Document(id="d1", text="t")],
            context=agentgate.Context(user_id="u"),
        )
        _, headers, body = s.requests[0]
        self.assertEqual(body, {"input": "i", "output": "o", "documents": [{"id": "d1", "text": "t"}], "context": {"userId": "u"}})
        self.assertEqual(headers["Idempotency-Key"], "k-1")
        self.assertEqual(headers["Authorization"], "Bearer agk_k1_secret")


    def test_threads_during_an_outage_spool_whole_records_and_replay_delivers_each_once(self) -> None:
        received: dict[str, int] = {}
        lock = threading.Lock()

        def handler(p: str, h: dict[str, str], b: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
            if p.endswith("/v1/validate"):
                return 503, {}, {}
            with lock:
                for r in b["records"]:
                    received[r["id"]] = received.get(r["id"], 0) + 1
            return 200, {}, {"accepted": len(b["records"]), "duplicates": 0, "evidence": []}

        s = self.serve(handler)
        c = self.client(s.url, max_retries=0, breaker_threshold=-1, replay_batch_size=7)
        ids: list[str] = []

        def worker(g: int) -> None:
            for i in range(8):
                r = c.validate(f"prompt {g}-{i}")
                with lock:
                    ids.append(r.spool_id)

        threads = [threading.Thread(target=worker, args=(g,)) for g in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(set(ids)), 64)
        self.assertEqual(c.pending(), 64)
        # A call spooled while a replay runs is kept for the next replay.
        late = threading.Thread(target=lambda: ids.append(c.validate("during the replay").spool_id))
        late.start()
        rep = c.replay()
        late.join()
        again = c.replay()
        self.assertEqual(rep.sent + again.sent, 65)
        self.assertEqual(len(received), 65)
        self.assertTrue(all(n == 1 for n in received.values()), "each record delivered once")
        self.assertEqual(c.pending(), 0)


if __name__ == "__main__":
    unittest.main()
