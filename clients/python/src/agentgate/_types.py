from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

__all__ = [
    "Context",
    "Document",
    "Violation",
    "Redacted",
    "RedactedDocument",
    "Scores",
    "Evidence",
    "ValidateResult",
    "EvidenceRef",
    "ReplayResult",
    "Decision",
    "BreakerState",
]

Decision = Literal["allow", "redact", "block"]
BreakerState = Literal["closed", "open", "half_open"]

_CONTEXT_KEYS = (
    ("user_id", "userId"),
    ("tenant_id", "tenantId"),
    ("model_version", "modelVersion"),
    ("model_provider", "modelProvider"),
    ("session_id", "sessionId"),
)


@dataclass(frozen=True)
class Context:
    """Who made the model call; goes into the request and the spooled record."""

    user_id: str = ""
    tenant_id: str = ""
    model_version: str = ""
    model_provider: str = ""
    session_id: str = ""

    def to_wire(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for attr, wire in _CONTEXT_KEYS:
            value = getattr(self, attr)
            if value:
                out[wire] = value
        return out

    @classmethod
    def from_any(cls, value: Context | Mapping[str, str] | None) -> Context:
        """A Context, or a mapping with snake_case or camelCase keys."""
        if value is None:
            return cls()
        if isinstance(value, Context):
            return value
        kwargs: dict[str, str] = {}
        for attr, wire in _CONTEXT_KEYS:
            if attr in value:
                kwargs[attr] = value[attr]
            elif wire in value:
                kwargs[attr] = value[wire]
        unknown = set(value) - {a for a, _ in _CONTEXT_KEYS} - {w for _, w in _CONTEXT_KEYS}
        if unknown:
            raise ValueError(f"unknown context keys: {sorted(unknown)}")
        return cls(**kwargs)


@dataclass(frozen=True)
class Document:
    """Untrusted content the model is given: a retrieved page, a tool output, an e-mail.

    Evidence records its id, source and SHA-256, never its text.
    """

    id: str
    text: str
    source: str = ""

    def to_wire(self) -> dict[str, str]:
        out = {"id": self.id}
        if self.source:
            out["source"] = self.source
        out["text"] = self.text
        return out


@dataclass(frozen=True)
class Violation:
    control: str
    rule: str
    category: str
    severity: str
    target: str
    start: int
    end: int
    message: str
    action: str = ""
    #: The document's id when target is "document"; start/end index its text.
    document: str = ""
    score: float = 0.0

    @classmethod
    def from_wire(cls, d: Mapping[str, Any]) -> Violation:
        return cls(
            control=str(d.get("control", "")),
            rule=str(d.get("rule", "")),
            category=str(d.get("category", "")),
            severity=str(d.get("severity", "")),
            target=str(d.get("target", "")),
            start=int(d.get("start", 0)),
            end=int(d.get("end", 0)),
            message=str(d.get("message", "")),
            action=str(d.get("action", "")),
            document=str(d.get("document", "")),
            score=float(d.get("score", 0.0)),
        )


@dataclass(frozen=True)
class RedactedDocument:
    id: str
    text: str


@dataclass(frozen=True)
class Redacted:
    input: str = ""
    output: str = ""
    documents: list[RedactedDocument] = field(default_factory=list)


@dataclass(frozen=True)
class Scores:
    injection: float
    jailbreak: float
    indirect: float


@dataclass(frozen=True)
class Evidence:
    id: str
    chain: str
    seq: int
    hash: str
    prev_hash: str
    timestamp: str


@dataclass(frozen=True)
class ValidateResult:
    """The gate's answer.

    A degraded result (fail-open, service unavailable) has passed True,
    decision "allow", degraded True, the reason and the spooled record's id;
    no check ran, so it has no violations or evidence.
    """

    passed: bool
    #: "" only when a 200 answer carried no decision (passed is then False).
    decision: Decision | Literal[""]
    violations: list[Violation] = field(default_factory=list)
    redacted: Redacted = field(default_factory=Redacted)
    scores: Scores | None = None
    evidence: Evidence | None = None
    degraded: bool = False
    degraded_reason: str = ""
    spool_id: str = ""

    @classmethod
    def from_wire(cls, d: Mapping[str, Any]) -> ValidateResult:
        # Like Go's decoding into its Result: a member the answer lacks is its
        # zero value, so an answer without a verdict is never a pass.
        red = d.get("redacted") or {}
        sc = d.get("scores")
        ev = d.get("evidence")
        return cls(
            passed=d.get("passed") is True,
            decision=d.get("decision") or "",
            violations=[Violation.from_wire(v) for v in d.get("violations") or []],
            redacted=Redacted(
                input=str(red.get("input", "")),
                output=str(red.get("output", "")),
                documents=[RedactedDocument(id=x["id"], text=x["text"]) for x in red.get("documents") or []],
            ),
            scores=Scores(float(sc["injection"]), float(sc["jailbreak"]), float(sc["indirect"])) if sc else None,
            evidence=Evidence(
                id=str(ev.get("id", "")),
                chain=str(ev.get("chain", "")),
                seq=int(ev.get("seq", 0)),
                hash=str(ev.get("hash", "")),
                prev_hash=str(ev.get("prevHash", "")),
                timestamp=str(ev.get("timestamp", "")),
            )
            if ev
            else None,
        )


@dataclass(frozen=True)
class EvidenceRef:
    id: str
    chain: str
    seq: int
    hash: str


@dataclass
class ReplayResult:
    #: Records the server acknowledged in this replay.
    sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    #: Records still in the spool afterwards.
    remaining: int = 0
    #: Unreadable lines dropped (torn by a crash mid-append).
    skipped: int = 0
    evidence: list[EvidenceRef] = field(default_factory=list)
