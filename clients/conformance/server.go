package conformance

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Server is the scripted fake agentgate. Each scenario lives under its own
// prefix, /s/<scenario>/, with its own state, so runners need no reset call
// and one server serves a whole run:
//
//	POST /s/<sc>/v1/validate, /s/<sc>/v1/evidence/replay  the contract
//	POST /s/<sc>/_script  {"validate":[Response...],"replay":[Response...]} queues answers
//	GET  /s/<sc>/_state   counters the runners compare with a step's expectations
//
// Outside a script it follows the contract: it checks the key, media type,
// Idempotency-Key syntax and body shape (unknown members are refused, so a
// client that misspells a field fails), answers validate with a verdict and
// an evidence receipt, and checks and de-duplicates replayed records by id.
type Server struct {
	apiKey string
	mu     sync.Mutex
	scs    map[string]*scenarioState
}

type scenarioState struct {
	validateQ, replayQ []Response
	validateHits       int
	keys               []string
	replayHits         int
	recorded           map[string]bool
	seq                uint64
}

// State is what GET _state returns.
type State struct {
	ValidateHits    int      `json:"validateHits"`
	IdempotencyKeys []string `json:"idempotencyKeys"`
	ReplayHits      int      `json:"replayHits"`
	Recorded        int      `json:"recorded"`
}

// Script is what POST _script takes.
type Script struct {
	Validate []Response `json:"validate"`
	Replay   []Response `json:"replay"`
}

// NewServer returns a fake that accepts only apiKey.
func NewServer(apiKey string) *Server {
	return &Server{apiKey: apiKey, scs: map[string]*scenarioState{}}
}

func (s *Server) state(name string) *scenarioState {
	st := s.scs[name]
	if st == nil {
		st = &scenarioState{recorded: map[string]bool{}}
		s.scs[name] = st
	}
	return st
}

func writeErr(w http.ResponseWriter, status int, code, msg, retryAfter string) {
	w.Header().Set("Content-Type", "application/json")
	if retryAfter != "" {
		w.Header().Set("Retry-After", retryAfter)
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"error": map[string]string{"code": code, "message": msg, "requestId": fmt.Sprintf("req-%d", status)},
	})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

var idemKey = regexp.MustCompile(`^"?[A-Za-z0-9._:~-]{1,128}"?$`)

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// No connection is reused: Go's transport silently resends a request
	// that carries an Idempotency-Key when a reused connection is closed
	// under it, which would make a scripted hang-up cost two script entries
	// in one attempt, and hit counts differ between languages.
	w.Header().Set("Connection", "close")
	rest, ok := strings.CutPrefix(r.URL.Path, "/s/")
	name, route, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || name == "" {
		writeErr(w, http.StatusNotFound, "not_found", "no such route", "")
		return
	}
	switch {
	case route == "_state" && r.Method == http.MethodGet:
		s.mu.Lock()
		st := s.state(name)
		out := State{ValidateHits: st.validateHits, IdempotencyKeys: append([]string{}, st.keys...), ReplayHits: st.replayHits, Recorded: len(st.recorded)}
		s.mu.Unlock()
		writeJSON(w, out)
		return
	case route == "_script" && r.Method == http.MethodPost:
		var sc Script
		if err := json.NewDecoder(r.Body).Decode(&sc); err != nil {
			writeErr(w, http.StatusBadRequest, "invalid_request", "bad script", "")
			return
		}
		s.mu.Lock()
		st := s.state(name)
		st.validateQ = append(st.validateQ, sc.Validate...)
		st.replayQ = append(st.replayQ, sc.Replay...)
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
		return
	}

	var script *Response
	s.mu.Lock()
	st := s.state(name)
	switch route {
	case "v1/validate":
		// Every request that reaches the server counts, refused or not.
		st.validateHits++
		st.keys = append(st.keys, r.Header.Get("Idempotency-Key"))
		if len(st.validateQ) > 0 {
			script, st.validateQ = &st.validateQ[0], st.validateQ[1:]
		}
	case "v1/evidence/replay":
		st.replayHits++
		if len(st.replayQ) > 0 {
			script, st.replayQ = &st.replayQ[0], st.replayQ[1:]
		}
	}
	s.mu.Unlock()

	if r.Method != http.MethodPost {
		writeErr(w, http.StatusNotFound, "not_found", "no such route", "")
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+s.apiKey {
		writeErr(w, http.StatusUnauthorized, "unauthorized", "missing or bad API key", "")
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		writeErr(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "use application/json", "")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 256<<10+1))
	if err != nil {
		writeErr(w, http.StatusBadRequest, "invalid_request", "unreadable body", "")
		return
	}
	if len(body) > 256<<10 {
		writeErr(w, http.StatusRequestEntityTooLarge, "too_large", "body over 256 KiB", "")
		return
	}
	if script != nil && playScript(w, r, *script) {
		return
	}
	switch route {
	case "v1/validate":
		s.validate(w, r, name, body)
	case "v1/evidence/replay":
		s.replay(w, name, body, script != nil && script.Miscount)
	default:
		writeErr(w, http.StatusNotFound, "not_found", "no such route", "")
	}
}

// playScript answers as the scripted response says; false means "answer as
// the contract says" (an empty or miscount response).
func playScript(w http.ResponseWriter, r *http.Request, sr Response) bool {
	switch {
	case sr.DelayMs > 0:
		// Hold until the client gives up (closes the connection) or the
		// delay passes; then answer nothing useful either way.
		t := time.NewTimer(time.Duration(sr.DelayMs) * time.Millisecond)
		defer t.Stop()
		select {
		case <-r.Context().Done():
		case <-t.C:
		}
		writeErr(w, http.StatusServiceUnavailable, "unavailable", "too late", "")
		return true
	case sr.Hangup:
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			_ = conn.Close()
		}
		return true
	case sr.Garbage:
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, "<html>captive portal</html>")
		return true
	case sr.HTML:
		if sr.RetryAfter != "" {
			w.Header().Set("Retry-After", sr.RetryAfter)
		}
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(sr.Status)
		_, _ = io.WriteString(w, "<html>bad gateway</html>")
		return true
	case len(sr.Body) > 0:
		status := sr.Status
		if status == 0 {
			status = http.StatusOK
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(sr.Body)
		return true
	case sr.Status != 0:
		code := sr.Code
		if code == "" {
			code = strings.ToLower(strings.ReplaceAll(http.StatusText(sr.Status), " ", "_"))
		}
		writeErr(w, sr.Status, code, "scripted "+http.StatusText(sr.Status), sr.RetryAfter)
		return true
	}
	return false
}

type validateReq struct {
	Input     *string `json:"input"`
	Output    string  `json:"output"`
	Documents []struct {
		ID     string `json:"id"`
		Source string `json:"source"`
		Text   string `json:"text"`
	} `json:"documents"`
	Context struct {
		UserID        string `json:"userId"`
		TenantID      string `json:"tenantId"`
		ModelVersion  string `json:"modelVersion"`
		ModelProvider string `json:"modelProvider"`
		SessionID     string `json:"sessionId"`
	} `json:"context"`
}

type violation struct {
	Control  string `json:"control"`
	Rule     string `json:"rule"`
	Category string `json:"category"`
	Severity string `json:"severity"`
	Action   string `json:"action"`
	Target   string `json:"target"`
	Document string `json:"document,omitempty"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Message  string `json:"message"`
}

func strictDecode(body []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

const injection = "ignore previous instructions"

func (s *Server) validate(w http.ResponseWriter, r *http.Request, name string, body []byte) {
	if k := r.Header.Get("Idempotency-Key"); k != "" && !idemKey.MatchString(k) {
		writeErr(w, http.StatusBadRequest, "invalid_idempotency_key", "bad Idempotency-Key", "")
		return
	}
	var req validateReq
	if err := strictDecode(body, &req); err != nil {
		writeErr(w, http.StatusBadRequest, "invalid_request", "body is not a validate request: "+err.Error(), "")
		return
	}
	if req.Input == nil || *req.Input == "" {
		writeErr(w, http.StatusBadRequest, "invalid_request", "input is required", "")
		return
	}
	if req.Context.TenantID != "" && req.Context.TenantID != "acme" {
		writeErr(w, http.StatusForbidden, "forbidden", "tenant mismatch", "")
		return
	}
	in := *req.Input
	res := map[string]any{"passed": true, "decision": "allow", "violations": []violation{},
		"redacted": map[string]any{"input": in, "output": req.Output}}
	block := func(v violation) {
		res["passed"], res["decision"] = false, "block"
		res["violations"] = []violation{v}
		res["scores"] = map[string]float64{"injection": 0.97, "jailbreak": 0.1, "indirect": 0.2}
	}
	switch {
	case strings.Contains(strings.ToLower(in), injection):
		block(violation{Control: "CC6.6", Rule: "prompt_injection.instruction_override", Category: "prompt_injection",
			Severity: "high", Action: "block", Target: "input", Start: 0, End: len(in), Message: "instruction override"})
	case strings.Contains(in, "@"):
		res["passed"], res["decision"] = false, "redact"
		res["redacted"] = map[string]any{"input": "[EMAIL]", "output": req.Output}
		res["violations"] = []violation{{Control: "CC6.6", Rule: "pii.email", Category: "pii", Severity: "medium",
			Action: "redact", Target: "input", Start: 0, End: len(in), Message: "e-mail address"}}
	}
	for _, d := range req.Documents {
		if strings.Contains(strings.ToLower(d.Text), injection) {
			block(violation{Control: "CC6.6", Rule: "prompt_injection.indirect", Category: "prompt_injection",
				Severity: "high", Action: "block", Target: "document", Document: d.ID, Start: 0, End: len(d.Text), Message: "instructions in a document"})
			break
		}
	}
	s.mu.Lock()
	st := s.state(name)
	st.seq++
	seq := st.seq
	s.mu.Unlock()
	res["evidence"] = map[string]any{"id": fmt.Sprintf("acme/0/%018d", seq), "chain": "acme/0", "seq": seq,
		"hash": strings.Repeat("a", 64), "prevHash": strings.Repeat("0", 64), "timestamp": "2026-11-27T09:01:02.000000003Z"}
	writeJSON(w, res)
}

// Record is a replayed record as the contract defines it.
type Record struct {
	ID           string            `json:"id"`
	TS           string            `json:"ts"`
	InputSHA256  string            `json:"inputSha256"`
	OutputSHA256 string            `json:"outputSha256"`
	Reason       string            `json:"reason"`
	Error        string            `json:"error"`
	Context      map[string]string `json:"context"`
}

func isHex(s string, n int) bool {
	if len(s) != n || strings.ToLower(s) != s {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// CheckRecord holds a spooled record to the replay contract.
func CheckRecord(r Record) error {
	switch {
	case !isHex(r.ID, 32):
		return fmt.Errorf("id %q is not 32 lowercase hex chars", r.ID)
	case !isHex(r.InputSHA256, 64):
		return fmt.Errorf("record %s: bad inputSha256", r.ID)
	case r.OutputSHA256 != "" && !isHex(r.OutputSHA256, 64):
		return fmt.Errorf("record %s: bad outputSha256", r.ID)
	case r.Reason != "fail_open" && r.Reason != "fail_closed":
		return fmt.Errorf("record %s: bad reason %q", r.ID, r.Reason)
	case r.Error == "":
		return fmt.Errorf("record %s: no error", r.ID)
	}
	for k := range r.Context {
		switch k {
		case "userId", "tenantId", "modelVersion", "modelProvider", "sessionId":
		default:
			return fmt.Errorf("record %s: unknown context member %q", r.ID, k)
		}
	}
	ts, err := time.Parse(time.RFC3339Nano, r.TS)
	if err != nil || ts.Location() != time.UTC || !strings.HasSuffix(r.TS, "Z") {
		return fmt.Errorf("record %s: ts %q is not RFC3339Nano UTC", r.ID, r.TS)
	}
	return nil
}

func (s *Server) replay(w http.ResponseWriter, name string, body []byte, miscount bool) {
	var req struct {
		Records []Record `json:"records"`
	}
	if err := strictDecode(body, &req); err != nil {
		writeErr(w, http.StatusBadRequest, "invalid_request", "body is not a replay request: "+err.Error(), "")
		return
	}
	if len(req.Records) == 0 || len(req.Records) > 100 {
		writeErr(w, http.StatusRequestEntityTooLarge, "too_large", "1..100 records per call", "")
		return
	}
	for _, rec := range req.Records {
		if err := CheckRecord(rec); err != nil {
			writeErr(w, http.StatusBadRequest, "invalid_request", err.Error(), "")
			return
		}
	}
	type ref struct {
		ID    string `json:"id"`
		Chain string `json:"chain"`
		Seq   uint64 `json:"seq"`
		Hash  string `json:"hash"`
	}
	out := struct {
		Accepted   int   `json:"accepted"`
		Duplicates int   `json:"duplicates"`
		Evidence   []ref `json:"evidence"`
	}{Evidence: []ref{}}
	s.mu.Lock()
	st := s.state(name)
	for _, rec := range req.Records {
		if st.recorded[rec.ID] {
			out.Duplicates++
			continue
		}
		st.recorded[rec.ID] = true
		st.seq++
		out.Accepted++
		out.Evidence = append(out.Evidence, ref{ID: fmt.Sprintf("acme/0/%018d", st.seq), Chain: "acme/0", Seq: st.seq, Hash: strings.Repeat("b", 64)})
	}
	s.mu.Unlock()
	if miscount {
		// Recorded, but the answer does not account for the whole batch.
		out.Accepted--
	}
	writeJSON(w, out)
}
