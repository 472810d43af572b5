from __future__ import annotations

import email.utils
import hashlib
import http.client
import json
import logging
import os
import re
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Literal

from ._breaker import Breaker
from ._errors import AgentgateError, APIError, SpoolError, UnavailableError
from ._spool import Spool
from ._types import BreakerState, Context, Document, EvidenceRef, ReplayResult, ValidateResult

__all__ = ["Agentgate", "parse_retry_after"]

_MAX_BATCH = 100
_MAX_RESPONSE = 4 << 20
_SYSRAND = secrets.SystemRandom()
_log = logging.getLogger("agentgate")


def _sha256_hex(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def parse_retry_after(value: str | None, now: float) -> float:
    """Retry-After in seconds: delta-seconds, or the HTTP date proxies may send; garbage is 0."""
    v = (value or "").strip()
    if not v:
        return 0.0
    if re.fullmatch(r"-?\d+", v):
        secs = int(v)
        return float(min(secs, 86400)) if secs > 0 else 0.0
    try:
        t = email.utils.parsedate_to_datetime(v)
    except (TypeError, ValueError):
        return 0.0
    if t.tzinfo is None:
        return 0.0
    d = t.timestamp() - now
    return d if d > 0 else 0.0


@dataclass
class _Outcome:
    kind: Literal["ok", "refused", "retry"]
    value: Any = None
    reason: str = ""
    retry_after: float = 0.0
    error: BaseException | None = None


class Agentgate:
    """Calls the agentgate validation gate.

    Per-attempt timeouts, retries with full jitter honouring Retry-After, a
    circuit breaker, and a failure mode: ``"open"`` allows during an outage
    and spools the call's hashes for :meth:`replay`, ``"closed"`` raises
    :class:`UnavailableError`. Safe for concurrent use from threads; one
    client per spool file. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float = 2.0,
        max_retries: int = 2,
        backoff_base: float = 0.05,
        backoff_max: float = 2.0,
        failure_mode: Literal["open", "closed"] = "closed",
        spool_path: str | os.PathLike[str] | None = None,
        breaker_threshold: int = 5,
        breaker_open_for: float = 30.0,
        replay_batch_size: int = _MAX_BATCH,
        auto_replay: bool = False,
        now: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
        random: Callable[[], float] | None = None,
        opener: urllib.request.OpenerDirector | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        u = urllib.parse.urlsplit(base_url or "")
        if u.scheme not in ("http", "https") or not u.netloc:
            raise AgentgateError(f"client config: base URL {base_url!r}: need http(s)://host")
        if not isinstance(api_key, str) or not api_key.startswith("agk_") or len(api_key) <= 4:
            # Never echo the key: it is a credential.
            raise AgentgateError("client config: API key must have the form agk_<keyId>_<secret>")
        if failure_mode not in ("open", "closed"):
            raise AgentgateError(f"client config: unknown failure mode {failure_mode!r}")
        if failure_mode == "open" and not spool_path:
            raise AgentgateError("client config: fail-open needs a spool path, or allowed calls would leave no evidence")
        if min(timeout, backoff_base, backoff_max, breaker_open_for) < 0:
            raise AgentgateError("client config: durations must not be negative")
        # Zero takes the default, as in the Go and TypeScript clients.
        timeout = timeout or 2.0
        backoff_base = backoff_base or 0.05
        backoff_max = backoff_max or 2.0
        breaker_threshold = breaker_threshold or 5
        breaker_open_for = breaker_open_for or 30.0
        if backoff_max < backoff_base:
            raise AgentgateError("client config: backoff max below base")
        if not 1 <= replay_batch_size <= _MAX_BATCH:
            raise AgentgateError(f"client config: replay batch size {replay_batch_size} outside 1..{_MAX_BATCH}")
        base = base_url.rstrip("/")
        self._validate_url = base + "/v1/validate"
        self._replay_url = base + "/v1/evidence/replay"
        self._api_key = api_key
        self._timeout = timeout
        self._max_retries = max(0, int(max_retries))
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._failure_mode = failure_mode
        self._batch = replay_batch_size
        self._auto_replay = auto_replay
        self._now = now or time.time
        self._sleep = sleep or time.sleep
        self._random = random or _SYSRAND.random
        self._opener = opener or urllib.request.build_opener()
        self._log = logger or _log
        self._breaker = Breaker(breaker_threshold, breaker_open_for)
        self._spool: Spool | None = None
        self._replay_lock = threading.Lock()
        self._bg_lock = threading.Lock()
        self._bg: threading.Thread | None = None
        self._closed = False
        # Set when a record is spooled, cleared when a replay starts.
        self._dirty = threading.Event()
        if spool_path:
            path = os.fspath(spool_path)
            d = os.path.dirname(path)
            if d:
                try:
                    os.makedirs(d, mode=0o700, exist_ok=True)
                except OSError as e:
                    raise AgentgateError(f"client config: spool directory: {e}") from e
            self._spool = Spool(path)
            # Records left by a previous process count as pending.
            try:
                if os.path.getsize(path) > 0:
                    self._dirty.set()
            except OSError:
                pass

    def __enter__(self) -> Agentgate:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def validate(
        self,
        input: str,
        *,
        output: str = "",
        documents: Iterable[Document | Mapping[str, str]] | None = None,
        context: Context | Mapping[str, str] | None = None,
        idempotency_key: str = "",
        total_timeout: float | None = None,
    ) -> ValidateResult:
        """Asks the gate about one model call.

        Returns the verdict whatever the decision (check ``passed``), or in
        fail-open during an outage a degraded allow. Raises an
        :class:`APIError` subclass for a refused request in every mode,
        :class:`UnavailableError` in fail-closed during an outage, and
        :class:`SpoolError` (with ``result``) when a fail-open record could not
        be written. ``total_timeout`` bounds the whole call, retries included
        (the Go client's ctx deadline): running out of it degrades with reason
        ``deadline``.
        """
        ctx = Context.from_any(context)
        body: dict[str, Any] = {"input": input}
        if output:
            body["output"] = output
        docs = [d if isinstance(d, Document) else Document(**d) for d in documents or []]
        if docs:
            body["documents"] = [d.to_wire() for d in docs]
        body["context"] = ctx.to_wire()
        key = idempotency_key or secrets.token_hex(16)
        deadline = None if total_timeout is None else time.monotonic() + total_timeout
        try:
            value = self._call(self._validate_url, json.dumps(body).encode(), key, deadline)
        except UnavailableError as ue:
            return self._degrade(input, output, ctx, ue)
        return ValidateResult.from_wire(value)

    def _degrade(self, input: str, output: str, ctx: Context, ue: UnavailableError) -> ValidateResult:
        reason = "fail_open" if self._failure_mode == "open" else "fail_closed"
        spool_id = ""
        spool_err: SpoolError | None = None
        if self._spool is not None:
            try:
                spool_id = self._spool_call(input, output, ctx, reason, ue)
            except SpoolError as e:
                spool_err = e
        if self._failure_mode == "closed":
            ue.spool_error = spool_err
            raise ue
        self._log.warning(
            "agentgate unavailable, failing open",
            extra={"reason": ue.reason, "attempts": ue.attempts, "spoolId": spool_id},
        )
        res = ValidateResult(passed=True, decision="allow", degraded=True, degraded_reason=ue.reason, spool_id=spool_id)
        if spool_err is not None:
            spool_err.result = res
            raise spool_err
        return res

    def _spool_call(self, input: str, output: str, ctx: Context, reason: str, ue: UnavailableError) -> str:
        assert self._spool is not None
        rid = secrets.token_hex(16)
        error = ue.reason
        if isinstance(ue.last_error, APIError):
            error = f"{ue.reason}: status {ue.last_error.status}"
        ts = datetime.fromtimestamp(self._now(), timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        self._spool.append(
            {
                "id": rid,
                "ts": ts,
                "inputSha256": _sha256_hex(input),
                "outputSha256": _sha256_hex(output) if output else "",
                "reason": reason,
                "error": error,
                "context": ctx.to_wire(),
            }
        )
        self._dirty.set()
        return rid

    def pending(self) -> int:
        """Records waiting in the spool."""
        return self._spool.count() if self._spool is not None else 0

    def breaker_state(self) -> BreakerState:
        """The circuit breaker's state now."""
        return self._breaker.current(self._now())

    def close(self) -> None:
        """Stops automatic replays from starting and waits for a running one."""
        with self._bg_lock:
            self._closed = True
            bg = self._bg
        if bg is not None:
            bg.join()

    def replay(self, *, total_timeout: float | None = None) -> ReplayResult:
        """Delivers the spool to POST /v1/evidence/replay in batches.

        A batch is removed only once the server accounted for all of it.
        Replays are serialised. On error the acknowledged part is still
        removed and the error carries ``result`` (the partial ReplayResult).
        """
        res = ReplayResult()
        if self._spool is None:
            return res
        deadline = None if total_timeout is None else time.monotonic() + total_timeout
        with self._replay_lock:
            self._dirty.clear()
            try:
                records, skipped = self._spool.read_all()
            except SpoolError as e:
                self._dirty.set()
                e.result = None
                raise
            res.skipped = skipped
            res.remaining = len(records)
            acked: set[str] = set()
            # Flush in a few large steps: the rewrite costs a pass over the file.
            flush_at = max(10 * self._batch, len(records) // 4)
            pending_skip = skipped

            def flush() -> None:
                nonlocal pending_skip
                if not acked and not pending_skip:
                    return
                res.remaining = self._spool.remove(acked)  # type: ignore[union-attr]
                acked.clear()
                pending_skip = 0

            for start in range(0, len(records), self._batch):
                batch = records[start : start + self._batch]
                try:
                    self._send_batch(batch, res, deadline)
                except AgentgateError as e:
                    if isinstance(e, UnavailableError):
                        self._dirty.set()
                    try:
                        flush()
                    except SpoolError:
                        self._dirty.set()
                    e.result = res  # type: ignore[attr-defined]
                    raise
                acked.update(r["id"] for r in batch)
                if len(acked) >= flush_at:
                    try:
                        flush()
                    except SpoolError as e:
                        self._dirty.set()
                        e.result = res  # type: ignore[assignment]
                        raise
            try:
                flush()
            except SpoolError as e:
                self._dirty.set()
                e.result = res  # type: ignore[assignment]
                raise
        return res

    def _send_batch(self, batch: list[dict[str, Any]], res: ReplayResult, deadline: float | None) -> None:
        out = self._call(self._replay_url, json.dumps({"records": batch}).encode(), "", deadline)
        accepted = out.get("accepted") if isinstance(out, dict) else None
        duplicates = out.get("duplicates") if isinstance(out, dict) else None
        # Anything but a full account of the batch is no acknowledgement.
        if (
            not isinstance(accepted, int)
            or not isinstance(duplicates, int)
            or accepted < 0
            or duplicates < 0
            or accepted + duplicates != len(batch)
        ):
            raise AgentgateError(f"server accounted for {accepted}+{duplicates} of {len(batch)} records")
        res.sent += len(batch)
        res.accepted += accepted
        res.duplicates += duplicates
        for e in out.get("evidence") or []:
            res.evidence.append(EvidenceRef(id=e["id"], chain=e["chain"], seq=int(e["seq"]), hash=e["hash"]))

    def _kick_replay(self) -> None:
        if not self._auto_replay or self._spool is None or not self._dirty.is_set():
            return
        with self._bg_lock:
            if self._closed or (self._bg is not None and self._bg.is_alive()):
                return
            self._bg = threading.Thread(target=self._background_replay, name="agentgate-replay", daemon=True)
            self._bg.start()

    def _background_replay(self) -> None:
        while True:
            try:
                res = self.replay()
            except AgentgateError as e:
                self._log.warning("agentgate background replay stopped: %s", e)
                return
            if res.sent:
                self._log.info("agentgate background replay done: sent %d, duplicates %d", res.sent, res.duplicates)
            # Records spooled during this replay get another round.
            with self._bg_lock:
                if not self._dirty.is_set() or self._closed:
                    return

    def _call(self, url: str, body: bytes, idem_key: str, deadline: float | None) -> Any:
        last: BaseException | None = None
        last_reason = "network"
        attempt = 0
        while True:
            ok, probe = self._breaker.allow(self._now())
            if not ok:
                raise UnavailableError("breaker_open", attempt, last)
            try:
                oc = self._attempt(url, body, idem_key, deadline)
            except BaseException:
                # KeyboardInterrupt and the like: the probe told us nothing.
                self._breaker.release(probe)
                raise
            if oc.kind in ("ok", "refused"):
                if self._breaker.success(probe):
                    self._log.info("agentgate reachable again, breaker closed")
                self._kick_replay()
                if oc.kind == "refused":
                    assert oc.error is not None
                    raise oc.error
                return oc.value
            self._breaker.failure(probe, self._now())
            last, last_reason = oc.error, oc.reason

            def give_up() -> UnavailableError:
                return UnavailableError(last_reason, attempt + 1, last)

            if attempt >= self._max_retries or last_reason == "deadline" or oc.retry_after > self._backoff_max:
                raise give_up() from last
            delay = self._backoff(attempt, oc.retry_after)
            # Waiting past the deadline only to be cut off wastes the caller's budget.
            if deadline is not None and deadline - time.monotonic() <= delay:
                raise give_up() from last
            self._sleep(delay)
            attempt += 1

    def _backoff(self, retry: int, retry_after: float) -> float:
        ceil = min(self._backoff_max, self._backoff_base * 2 ** min(retry, 62))
        return max(self._random() * ceil, retry_after)

    def _attempt(self, url: str, body: bytes, idem_key: str, deadline: float | None) -> _Outcome:
        limit = self._timeout
        at_deadline = False
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return _Outcome("retry", reason="deadline", error=TimeoutError("deadline passed"))
            if remaining < limit:
                limit, at_deadline = remaining, True
        headers = {
            "Authorization": f"Bearer {self._api_key}",
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": "agentgate-python-client",
        }
        if idem_key:
            headers["Idempotency-Key"] = idem_key
        req = urllib.request.Request(url, data=body, headers=headers, method="POST")

        def transport(e: BaseException) -> _Outcome:
            timed_out = isinstance(e, TimeoutError) or (
                isinstance(e, urllib.error.URLError) and isinstance(e.reason, TimeoutError)
            )
            if timed_out:
                return _Outcome("retry", reason="deadline" if at_deadline else "timeout", error=e)
            return _Outcome("retry", reason="network", error=e)

        try:
            try:
                resp = self._opener.open(req, timeout=limit)
            except urllib.error.HTTPError as he:
                resp = he
            with resp:
                status = resp.status if resp.status is not None else 0
                retry_after = resp.headers.get("Retry-After") if resp.headers else None
                data = resp.read(_MAX_RESPONSE + 1)
        except (OSError, http.client.HTTPException) as e:
            return transport(e)
        if len(data) > _MAX_RESPONSE:
            return _Outcome("retry", reason="bad_response", error=AgentgateError(f"response over {_MAX_RESPONSE} bytes"))
        if 200 <= status < 300:
            try:
                value = json.loads(data)
                if not isinstance(value, dict):
                    raise ValueError("not an object")
                if url == self._validate_url:
                    ValidateResult.from_wire(value)
            except (ValueError, KeyError, TypeError) as e:
                # A 2xx we cannot read (a captive proxy, a broken deploy) is
                # no answer at all: treat it like an outage, not a verdict.
                return _Outcome("retry", reason="bad_response", error=AgentgateError(f"decode {status} response: {e}"))
            return _Outcome("ok", value=value)
        err = _parse_api_error(status, retry_after, data, self._now())
        if status == 429:
            return _Outcome("retry", reason="rate_limited", retry_after=err.retry_after, error=err)
        if status >= 500:
            return _Outcome("retry", reason="server_error", retry_after=err.retry_after, error=err)
        if status == 409 and err.code == "idempotency_key_in_use":
            # Our own earlier attempt is still being answered.
            return _Outcome("retry", reason="in_progress", retry_after=err.retry_after, error=err)
        return _Outcome("refused", error=err)


def _parse_api_error(status: int, retry_after: str | None, data: bytes, now: float) -> APIError:
    code = message = request_id = ""
    try:
        env = json.loads(data)
        e = env.get("error") if isinstance(env, dict) else None
        if isinstance(e, dict):
            code = e.get("code") if isinstance(e.get("code"), str) else ""
            message = e.get("message") if isinstance(e.get("message"), str) else ""
            request_id = e.get("requestId") if isinstance(e.get("requestId"), str) else ""
    except ValueError:
        pass  # a proxy's HTML page still yields the status
    if not message:
        message = http.client.responses.get(status, f"HTTP {status}")
    return APIError.from_status(status, code, message, request_id, parse_retry_after(retry_after, now))
