"""Every way a Graph calendar call can fail, as one typed exception tree.

The dialogs map these classes (or their stable `code`) to sentences; the text of an
exception is for logs only and is never shown to a user. Graph's own `code`,
`message` and `request-id` are kept as attributes for diagnosis.

    GraphError                      any failure talking to Graph
    ├── NotFound                    404 / ErrorItemNotFound: no such event in that mailbox
    ├── Forbidden                   403: no permission for that mailbox or calendar
    ├── NotAllowed                  400: Graph refused the action (`reason` says why:
    │                               own_meeting, not_organizer, proposals_not_allowed, other)
    ├── Throttled                   429 still returned after the retry budget (`retry_after`)
    ├── Unavailable                 503/504, connection errors or timeouts after retries
    ├── AuthExpired                 401 even after one forced token refresh
    ├── BadResponse                 malformed JSON or an unexpected shape
    └── InvalidRequest              refused locally, before any request was sent
        ├── CommentTooLong          comment over 2,000 characters (never truncated)
        ├── OwnMeeting              the user organizes the meeting: offer cancel instead
        └── ProposalNotAllowed      a new time cannot be proposed for this meeting
"""

from __future__ import annotations

from typing import Any, TypedDict

COMMENT_LIMIT = 2000


class GraphError(Exception):
    """Base class; `code` is a stable snake_case name the dialogs may switch on."""

    code = "graph_error"

    def __init__(
        self,
        detail: str = "",
        *,
        status: int | None = None,
        graph_code: str | None = None,
        graph_message: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(detail or self.code)
        self.status = status
        self.graph_code = graph_code
        self.graph_message = graph_message
        self.request_id = request_id


class NotFound(GraphError):
    code = "not_found"


class Forbidden(GraphError):
    code = "forbidden"


class NotAllowed(GraphError):
    """Graph answered 400 to an action; `reason` classifies Graph's message."""

    code = "not_allowed"

    def __init__(self, detail: str = "", *, reason: str = "other", **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.reason = reason
        if reason != "other":
            self.code = reason


class Throttled(GraphError):
    code = "throttled"

    def __init__(self, detail: str = "", *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.retry_after = retry_after


class Unavailable(GraphError):
    code = "unavailable"


class AuthExpired(GraphError):
    code = "auth_expired"


class BadResponse(GraphError):
    code = "bad_response"


class InvalidRequest(GraphError):
    code = "invalid_request"


class CommentTooLong(InvalidRequest):
    code = "comment_too_long"

    def __init__(self, length: int, limit: int = COMMENT_LIMIT) -> None:
        super().__init__(f"comment has {length} characters; the limit is {limit}")
        self.length = length
        self.limit = limit


class OwnMeeting(InvalidRequest):
    code = "own_meeting"


class ProposalNotAllowed(InvalidRequest):
    code = "proposal_not_allowed"


def _refusal_reason(message: str) -> str:
    text = message.lower()
    if "you're the meeting organizer" in text or "you are the meeting organizer" in text:
        return "own_meeting"
    if "need to be an organizer" in text:
        return "not_organizer"
    if "proposal" in text or "new time" in text:
        return "proposals_not_allowed"
    return "other"


class _Info(TypedDict):
    status: int
    graph_code: str | None
    graph_message: str | None
    request_id: str | None


def from_response(status: int, body: Any, request_id: str | None = None) -> GraphError:
    """The exception for a non-success Graph answer (status plus parsed JSON body, if any)."""
    error = body.get("error") if isinstance(body, dict) else None
    error = error if isinstance(error, dict) else {}
    code = str(error.get("code") or "") or None
    message = str(error.get("message") or "")
    info = _Info(status=status, graph_code=code, graph_message=message or None, request_id=request_id)
    detail = f"Graph answered {status} {code or ''}".strip()
    if status == 404:
        return NotFound(detail, **info)
    if status == 403:
        return Forbidden(detail, **info)
    if status == 401:
        return AuthExpired(detail, **info)
    if status == 429:
        return Throttled(detail, **info)
    if status in (500, 502, 503, 504):
        return Unavailable(detail, **info)
    if status == 400:
        return NotAllowed(detail, reason=_refusal_reason(message), **info)
    return GraphError(detail, **info)
