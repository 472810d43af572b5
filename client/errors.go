package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ErrUnavailable is matched (errors.Is) by every error that means "the service
// could not give an answer": down, too slow, rate limited past the retry budget,
// 5xx, or the circuit breaker refusing to try. In FailClosed mode Validate
// returns it; in FailOpen mode Validate allows instead.
var ErrUnavailable = errors.New("agentgate unavailable")

// ErrSpool is matched by errors from writing or rewriting the spool file. A
// fail-open Validate whose record could not be spooled returns the degraded
// allow Result together with an error matching ErrSpool, so the caller decides
// whether availability outweighs the missing evidence.
var ErrSpool = errors.New("agentgate spool")

// Reasons a call was treated as unavailable. They appear in
// Result.DegradedReason, UnavailableError.Reason and the spooled record's
// "error" field.
const (
	ReasonBreakerOpen = "breaker_open"
	ReasonTimeout     = "timeout"
	ReasonNetwork     = "network"
	ReasonServerError = "server_error"
	ReasonRateLimited = "rate_limited"
	ReasonBadResponse = "bad_response"
	ReasonDeadline    = "deadline"
	// ReasonInProgress: the last attempt found the call's earlier attempt
	// still being answered (409 idempotency_key_in_use).
	ReasonInProgress = "in_progress"
)

// APIError is a definitive answer from the service that the request itself was
// refused (4xx other than 429). Such errors are never retried and never fail
// open: a malformed or unauthorised request stays refused however the client is
// configured. 429 and 5xx answers that exhaust the retries surface as the
// cause inside an *UnavailableError instead.
type APIError struct {
	Status    int
	Code      string
	Message   string
	RequestID string
	// RetryAfter is the server's Retry-After hint, zero when absent.
	RetryAfter time.Duration
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "agentgate: status %d", e.Status)
	if e.Code != "" {
		fmt.Fprintf(&b, " %s", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (request %s)", e.RequestID)
	}
	return b.String()
}

// UnavailableError says why the client gave up. It matches ErrUnavailable and
// unwraps to the last attempt's cause (an *APIError for a 429/5xx answer).
type UnavailableError struct {
	Reason   string
	Attempts int
	Err      error
}

func (e *UnavailableError) Error() string {
	msg := fmt.Sprintf("%s: %s after %d attempt(s)", ErrUnavailable, e.Reason, e.Attempts)
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Is lets errors.Is(err, ErrUnavailable) hold without the sentinel being in the
// unwrap chain, which stays free for the underlying cause.
func (e *UnavailableError) Is(target error) bool { return target == ErrUnavailable }

func (e *UnavailableError) Unwrap() error { return e.Err }

// parseAPIError builds an APIError from a non-2xx answer. Bodies that are not
// the contract's error JSON (a proxy's HTML page, say) still yield the status.
func parseAPIError(status int, h http.Header, body []byte, now time.Time) *APIError {
	e := &APIError{Status: status, RetryAfter: parseRetryAfter(h.Get("Retry-After"), now)}
	var env struct {
		Error struct {
			Code      string `json:"code"`
			Message   string `json:"message"`
			RequestID string `json:"requestId"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &env) == nil {
		e.Code, e.Message, e.RequestID = env.Error.Code, env.Error.Message, env.Error.RequestID
	}
	if e.Message == "" {
		e.Message = http.StatusText(status)
	}
	return e
}

// parseRetryAfter accepts the contract's delta-seconds and, because proxies in
// front of the service may send it, the HTTP-date form. Garbage means no hint.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		// Beyond a day the hint is meaningless for an in-call retry; clamp
		// rather than overflow time.Duration.
		if secs > 86400 {
			secs = 86400
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
