// Package route is what a handler of the HTTP API sees and answers: the
// request, the route, the documented error and the strict JSON decoding.
// The server and the API's own handlers are shared/httpapi, which aliases
// these; this leaf lets a package that only declares routes (shared/audit)
// leave the server, and the gate its validate handler links, out of the
// functions that do not serve HTTP (docs/decisions/232).
package route

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Request is what a route handler sees: the authenticated caller, the route's
// parameters and the raw body.
type Request struct {
	Ctx       context.Context
	Tenant    string
	KeyID     string
	Owner     string // the key's owner (auth.Key.OwnerID): four-eyes rules compare owners, not keys
	Scopes    []string
	Method    string
	Path      string
	Params    map[string]string
	Query     url.Values
	Header    http.Header
	Body      []byte
	RequestID string
	Now       time.Time
	// Received is when the gateway received the request (for latency).
	Received time.Time
}

// Handler answers one request: a status and a body to encode as JSON, or an
// error (an *Error keeps its status; others are mapped in one place).
type Handler func(r *Request) (status int, body any, err error)

// Route binds a method and a pattern such as "/v1/evidence/{tenant}/{shard}/{seq}"
// to a handler that needs scope (admin satisfies every scope).
type Route struct {
	Method, Pattern, Scope string
	Handler                Handler
}

// Error is an error answered to the client as is.
type Error struct {
	Status  int
	Code    string
	Message string
	// RetryAfter, in seconds, is sent as a header on 429/503 when set.
	RetryAfter int
}

func (e *Error) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message) }

// Errorf builds an *Error.
func Errorf(status int, code, format string, args ...any) error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// DecodeJSON decodes r.Body into v strictly: JSON content type, valid UTF-8,
// one value, no unknown fields. Malformed input is 400; well-formed JSON of the
// wrong shape is 422.
func DecodeJSON(r *Request, v any) error {
	ct := r.Header.Get("Content-Type")
	mt, params, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
		return Errorf(415, "unsupported_media_type", "Content-Type must be application/json")
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return Errorf(415, "unsupported_media_type", "charset must be utf-8")
	}
	if !utf8.Valid(r.Body) {
		return Errorf(400, "invalid_request", "body must be valid UTF-8")
	}
	if len(r.Body) == 0 {
		return Errorf(400, "invalid_request", "body is empty; a JSON object is required")
	}
	if err := checkJSON(r.Body); err != nil {
		if errors.Is(err, errJSONSyntax) {
			return Errorf(400, "invalid_request", "malformed JSON")
		}
		return Errorf(400, "invalid_request", "%s", err.Error())
	}
	dec := json.NewDecoder(bytes.NewReader(r.Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return Errorf(400, "invalid_request", "malformed JSON at byte %d", se.Offset)
		case errors.As(err, &te):
			if te.Field != "" {
				return Errorf(422, "validation_failed", "field %q must be %s", te.Field, jsonKind(te.Type.Kind().String()))
			}
			return Errorf(422, "validation_failed", "body must be a JSON object")
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return Errorf(400, "invalid_request", "malformed JSON: unexpected end of input")
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			return Errorf(422, "validation_failed", "unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
		default:
			return Errorf(400, "invalid_request", "malformed JSON")
		}
	}
	if dec.More() {
		return Errorf(400, "invalid_request", "body must hold exactly one JSON value")
	}
	if _, err := dec.Token(); err == nil {
		return Errorf(400, "invalid_request", "body must hold exactly one JSON value")
	}
	return nil
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "struct", "map":
		return "an object"
	case "slice", "array":
		return "an array"
	case "bool":
		return "a boolean"
	case "ptr":
		return "an object"
	default:
		return "a number"
	}
}
