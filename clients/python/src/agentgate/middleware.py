"""Middleware for the OpenAI and Anthropic Python SDKs.

``guard_openai(client, gate)`` and ``guard_anthropic(client, gate)`` wrap an
SDK client (anything with ``chat.completions.create`` / ``messages.create``;
this module imports neither SDK) and check each call twice: the last user
message (tool outputs as documents) before the call, the completion after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Callable, Literal

from ._client import Agentgate
from ._errors import AgentgateError
from ._types import Context, Document, ValidateResult

__all__ = ["BlockedError", "guard_openai", "guard_anthropic"]

StreamMode = Literal["passthrough", "buffer"]


class BlockedError(AgentgateError):
    """The gate blocked a model call: before it (``stage == "input"``, the model
    was not called) or after it (``stage == "output"``). In pass-through
    streaming, ``stage == "output"`` also means a redact verdict arrived after
    the text was streamed: replace what was shown with
    ``result.redacted.output``."""

    def __init__(self, stage: Literal["input", "output"], result: ValidateResult) -> None:
        rules = ", ".join(v.rule for v in result.violations) or result.decision
        verb = "blocked" if result.decision == "block" else "redacted"
        super().__init__(f"agentgate {verb} the {stage}: {rules}")
        self.stage = stage
        self.result = result


def _get(o: Any, name: str, default: Any = None) -> Any:
    if isinstance(o, Mapping):
        return o.get(name, default)
    return getattr(o, name, default)


def _set(o: Any, name: str, value: Any) -> None:
    if isinstance(o, dict):
        o[name] = value
    else:
        setattr(o, name, value)


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if not isinstance(content, Iterable):
        return ""
    return "\n".join(str(_get(p, "text")) for p in content if _get(p, "type") == "text" and isinstance(_get(p, "text"), str))


def _with_text(content: Any, text: str) -> Any:
    """Content with its text replaced: a string stays a string; parts keep their non-text parts and get one text part."""
    if isinstance(content, str) or not isinstance(content, list):
        return text
    out: list[Any] = []
    placed = False
    for p in content:
        if _get(p, "type") == "text":
            if not placed:
                out.append({**p, "text": text} if isinstance(p, Mapping) else {"type": "text", "text": text})
            placed = True
        else:
            out.append(p)
    if not placed:
        out.insert(0, {"type": "text", "text": text})
    return out


class _Adapter:
    def prompt(self, params: dict[str, Any]) -> tuple[str, list[Document], Callable[[str], dict[str, Any]]]:
        raise NotImplementedError

    def completion(self, resp: Any) -> str:
        raise NotImplementedError

    def redact_completion(self, resp: Any, text: str) -> None:
        raise NotImplementedError

    def chunk_text(self, chunk: Any) -> str:
        raise NotImplementedError

    def set_chunk_text(self, chunk: Any, text: str) -> None:
        raise NotImplementedError


def _last_user(msgs: list[Any]) -> int:
    last = -1
    for i, m in enumerate(msgs):
        if _get(m, "role") == "user":
            last = i
    return last


def _replace_message(params: dict[str, Any], msgs: list[Any], i: int, text: str) -> dict[str, Any]:
    new = list(msgs)
    new[i] = {**msgs[i], "content": _with_text(_get(msgs[i], "content"), text)}
    return {**params, "messages": new}


class _OpenAI(_Adapter):
    def prompt(self, params: dict[str, Any]) -> tuple[str, list[Document], Callable[[str], dict[str, Any]]]:
        msgs = list(params.get("messages") or [])
        last = _last_user(msgs)
        docs = [
            Document(id=_get(m, "tool_call_id") or f"tool-{i}", source="tool", text=_text_of(_get(m, "content")))
            for i, m in enumerate(msgs)
            if _get(m, "role") == "tool"
        ][-32:]
        text = _text_of(_get(msgs[last], "content")) if last >= 0 else ""
        return text, docs, lambda t: _replace_message(params, msgs, last, t)

    def _choice(self, o: Any) -> Any:
        choices = _get(o, "choices") or []
        return choices[0] if choices else None

    def completion(self, resp: Any) -> str:
        ch = self._choice(resp)
        return (_get(_get(ch, "message"), "content") or "") if ch is not None else ""

    def redact_completion(self, resp: Any, text: str) -> None:
        ch = self._choice(resp)
        if ch is not None and _get(ch, "message") is not None:
            _set(_get(ch, "message"), "content", text)

    def chunk_text(self, chunk: Any) -> str:
        ch = self._choice(chunk)
        return (_get(_get(ch, "delta"), "content") or "") if ch is not None else ""

    def set_chunk_text(self, chunk: Any, text: str) -> None:
        ch = self._choice(chunk)
        if ch is not None and _get(ch, "delta") is not None:
            _set(_get(ch, "delta"), "content", text)


class _Anthropic(_Adapter):
    def prompt(self, params: dict[str, Any]) -> tuple[str, list[Document], Callable[[str], dict[str, Any]]]:
        msgs = list(params.get("messages") or [])
        last = _last_user(msgs)
        docs: list[Document] = []
        content = _get(msgs[last], "content") if last >= 0 else None
        if isinstance(content, list):
            for j, b in enumerate(content):
                if _get(b, "type") == "tool_result":
                    docs.append(Document(id=_get(b, "tool_use_id") or f"tool-{j}", source="tool", text=_text_of(_get(b, "content"))))
        text = _text_of(content) if last >= 0 else ""
        return text, docs[-32:], lambda t: _replace_message(params, msgs, last, t)

    def completion(self, resp: Any) -> str:
        return _text_of(_get(resp, "content") or [])

    def redact_completion(self, resp: Any, text: str) -> None:
        placed = False
        for b in _get(resp, "content") or []:
            if _get(b, "type") == "text":
                _set(b, "text", "" if placed else text)
                placed = True

    def chunk_text(self, event: Any) -> str:
        if _get(event, "type") != "content_block_delta":
            return ""
        d = _get(event, "delta")
        return (_get(d, "text") or "") if _get(d, "type") == "text_delta" else ""

    def set_chunk_text(self, event: Any, text: str) -> None:
        _set(_get(event, "delta"), "text", text)


class _Guard:
    def __init__(
        self,
        gate: Agentgate,
        adapter: _Adapter,
        create: Callable[..., Any],
        context: Context | Mapping[str, str] | Callable[[dict[str, Any]], Context | Mapping[str, str]] | None,
        stream: StreamMode,
        on_verdict: Callable[[str, ValidateResult], None] | None,
    ) -> None:
        if stream not in ("passthrough", "buffer"):
            raise ValueError(f"stream must be 'passthrough' or 'buffer', not {stream!r}")
        self._gate, self._a, self._create = gate, adapter, create
        self._context, self._stream, self._on_verdict = context, stream, on_verdict

    def _verdict(self, stage: str, res: ValidateResult) -> None:
        if self._on_verdict is not None:
            self._on_verdict(stage, res)

    def __call__(self, **params: Any) -> Any:
        ctx = self._context(params) if callable(self._context) else self._context
        text, docs, redact = self._a.prompt(params)
        pre = self._gate.validate(text, documents=docs, context=ctx)
        self._verdict("input", pre)
        if pre.decision == "block":
            raise BlockedError("input", pre)
        if pre.decision == "redact":
            text = pre.redacted.input
            params = redact(text)

        def check(output: str) -> ValidateResult:
            post = self._gate.validate(text, output=output, context=ctx)
            self._verdict("output", post)
            return post

        if not params.get("stream"):
            resp = self._create(**params)
            post = check(self._a.completion(resp))
            if post.decision == "block":
                raise BlockedError("output", post)
            if post.decision == "redact":
                self._a.redact_completion(resp, post.redacted.output)
            return resp
        stream = self._create(**params)
        if self._stream == "passthrough":
            return self._passthrough(stream, check)
        chunks = list(stream)
        post = check("".join(self._a.chunk_text(c) for c in chunks))
        if post.decision == "block":
            raise BlockedError("output", post)
        if post.decision == "redact":
            placed = False
            for c in chunks:
                if self._a.chunk_text(c):
                    self._a.set_chunk_text(c, "" if placed else post.redacted.output)
                    placed = True
        return iter(chunks)

    def _passthrough(self, stream: Iterable[Any], check: Callable[[str], ValidateResult]) -> Iterator[Any]:
        parts: list[str] = []
        for c in stream:
            parts.append(self._a.chunk_text(c))
            yield c
        post = check("".join(parts))
        if post.decision != "allow":
            raise BlockedError("output", post)


class _Namespace:
    def __init__(self, **kw: Any) -> None:
        self.__dict__.update(kw)


def guard_openai(
    client: Any,
    gate: Agentgate,
    *,
    context: Context | Mapping[str, str] | Callable[[dict[str, Any]], Context | Mapping[str, str]] | None = None,
    stream: StreamMode = "passthrough",
    on_verdict: Callable[[str, ValidateResult], None] | None = None,
) -> Any:
    """Wraps an OpenAI SDK client: ``.chat.completions.create(**params)`` is checked.

    A blocked prompt raises :class:`BlockedError` without calling the model; a
    redacted one is sent redacted; a redacted completion comes back redacted.
    For ``stream=True``: ``stream="passthrough"`` yields chunks as they come
    and checks when the stream ends (raising from the iterator), ``"buffer"``
    holds every chunk until the completion passed. Returns the SDK's response
    object, or a plain iterator of its chunks.
    """
    g = _Guard(gate, _OpenAI(), client.chat.completions.create, context, stream, on_verdict)
    return _Namespace(chat=_Namespace(completions=_Namespace(create=g)))


def guard_anthropic(
    client: Any,
    gate: Agentgate,
    *,
    context: Context | Mapping[str, str] | Callable[[dict[str, Any]], Context | Mapping[str, str]] | None = None,
    stream: StreamMode = "passthrough",
    on_verdict: Callable[[str, ValidateResult], None] | None = None,
) -> Any:
    """Wraps an Anthropic SDK client: ``.messages.create(**params)`` is checked
    as :func:`guard_openai` does (``tool_result`` blocks of the last user turn
    are documents); streams are iterators of the SDK's events."""
    g = _Guard(gate, _Anthropic(), client.messages.create, context, stream, on_verdict)
    return _Namespace(messages=_Namespace(create=g))
