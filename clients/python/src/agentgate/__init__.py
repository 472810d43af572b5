"""Python client for the agentgate validation gate.

Standard library only. Same behaviour as the Go client (docs/client.md in the
agentgate repository is the contract), held to the shared conformance
scenarios.
"""

from ._client import Agentgate, parse_retry_after
from ._errors import (
    AgentgateError,
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    SpoolError,
    UnavailableError,
    UnprocessableEntityError,
    UnsupportedMediaTypeError,
)
from ._types import (
    BreakerState,
    Context,
    Decision,
    Document,
    Evidence,
    EvidenceRef,
    Redacted,
    RedactedDocument,
    ReplayResult,
    Scores,
    ValidateResult,
    Violation,
)

__version__ = "0.1.0"

__all__ = [
    "Agentgate",
    "parse_retry_after",
    "AgentgateError",
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "SpoolError",
    "UnavailableError",
    "UnprocessableEntityError",
    "UnsupportedMediaTypeError",
    "BreakerState",
    "Context",
    "Decision",
    "Document",
    "Evidence",
    "EvidenceRef",
    "Redacted",
    "RedactedDocument",
    "ReplayResult",
    "Scores",
    "ValidateResult",
    "Violation",
]
