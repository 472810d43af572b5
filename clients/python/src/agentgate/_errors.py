from __future__ import annotations

import typing

if typing.TYPE_CHECKING:
    from ._types import ValidateResult

__all__ = [
    "AgentgateError",
    "APIError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "PayloadTooLargeError",
    "UnsupportedMediaTypeError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "UnavailableError",
    "SpoolError",
]


class AgentgateError(Exception):
    """Base class of every error this package raises."""


class APIError(AgentgateError):
    """A definitive answer from the service.

    Raised for refusals (4xx other than 429): never retried, never failed
    open. 429 and 5xx answers that exhaust the retries are the ``__cause__``
    of an :class:`UnavailableError` instead.
    """

    def __init__(self, status: int, code: str, message: str, request_id: str, retry_after: float) -> None:
        text = f"agentgate: status {status}"
        if code:
            text += f" {code}"
        if message:
            text += f": {message}"
        if request_id:
            text += f" (request {request_id})"
        super().__init__(text)
        self.status = status
        self.code = code
        self.message = message
        self.request_id = request_id
        #: The server's Retry-After hint in seconds, 0 when absent.
        self.retry_after = retry_after

    @staticmethod
    def from_status(status: int, code: str, message: str, request_id: str, retry_after: float) -> APIError:
        cls = _STATUS_CLASSES.get(status)
        if cls is None:
            cls = InternalServerError if status >= 500 else APIError
        return cls(status, code, message, request_id, retry_after)


class BadRequestError(APIError):
    pass


class AuthenticationError(APIError):
    pass


class PermissionDeniedError(APIError):
    pass


class NotFoundError(APIError):
    pass


class ConflictError(APIError):
    pass


class PayloadTooLargeError(APIError):
    pass


class UnsupportedMediaTypeError(APIError):
    pass


class UnprocessableEntityError(APIError):
    pass


class RateLimitError(APIError):
    pass


class InternalServerError(APIError):
    pass


_STATUS_CLASSES: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    415: UnsupportedMediaTypeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


class UnavailableError(AgentgateError):
    """The service could not give an answer.

    Down, too slow, rate limited past the retry budget, 5xx, or the circuit
    breaker refusing to try. ``failure_mode="closed"`` raises it;
    ``"open"`` allows instead. ``last_error`` (also ``__cause__``) is the
    last attempt's error, an :class:`APIError` for a 429/5xx answer.
    """

    def __init__(self, reason: str, attempts: int, last_error: BaseException | None = None) -> None:
        text = f"agentgate unavailable: {reason} after {attempts} attempt(s)"
        if last_error is not None:
            text += f": {last_error}"
        super().__init__(text)
        self.reason = reason
        self.attempts = attempts
        self.last_error = last_error
        #: Set when a fail-closed refusal could not be spooled either.
        self.spool_error: SpoolError | None = None


class SpoolError(AgentgateError):
    """Writing or rewriting the spool failed.

    A fail-open validate whose record could not be written raises this with
    ``result`` set to the degraded allow, so the caller decides whether
    availability outweighs the missing evidence (Go returns both).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.result: ValidateResult | None = None
