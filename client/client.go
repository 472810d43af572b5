// Package client is the Go SDK for the agentgate validation gate.
//
// A Client calls POST /v1/validate with deadlines, retries with backoff on
// 429/5xx/network errors, and a circuit breaker. When the service cannot
// answer, the configured FailureMode decides: FailOpen allows the call and
// spools its hashes to a local file, FailClosed refuses with an error matching
// ErrUnavailable (and spools a record of the refusal). Replay later delivers
// the spool to POST /v1/evidence/replay so every degraded call still becomes
// evidence. A Client is safe for concurrent use; use one per spool file.
package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// FailureMode decides what Validate does when the service cannot answer.
type FailureMode int

const (
	// FailClosed refuses: Validate returns an error matching ErrUnavailable.
	// It is the zero value because refusing is the safe default.
	FailClosed FailureMode = iota
	// FailOpen allows: Validate returns a Result with Degraded set and spools
	// the call's hashes for Replay. It requires SpoolPath.
	FailOpen
)

func (m FailureMode) String() string {
	switch m {
	case FailClosed:
		return "fail_closed"
	case FailOpen:
		return "fail_open"
	}
	return fmt.Sprintf("FailureMode(%d)", int(m))
}

// Backoff shapes the wait between attempts: full jitter, a uniform draw from
// [0, min(Max, Base·2^retry)]. A server's Retry-After raises the wait to at
// least that long; a Retry-After beyond Max ends the retries, because blocking
// a model call longer than Max is worse than degrading now.
type Backoff struct {
	Base time.Duration // default 50ms
	Max  time.Duration // default 2s
}

// BreakerConfig configures the consecutive-failure circuit breaker. After
// Threshold failed attempts in a row it opens and calls degrade at once; after
// OpenFor it lets a single probe attempt through, whose outcome closes or
// reopens it.
type BreakerConfig struct {
	Threshold int           // default 5; negative disables the breaker
	OpenFor   time.Duration // default 30s
}

// Config configures a Client. Zero values take the documented defaults.
type Config struct {
	// BaseURL is the API root, e.g. "https://gate.example.com" (no /v1).
	BaseURL string
	// APIKey is "agk_<keyId>_<secret>" with the validate scope.
	APIKey string
	// HTTPClient defaults to a new http.Client; per-attempt deadlines come
	// from Timeout, so it needs no Timeout of its own.
	HTTPClient *http.Client
	// Timeout bounds each attempt (default 2s). The caller's ctx deadline
	// bounds the whole call including retries.
	Timeout time.Duration
	// MaxRetries is the number of retries after the first attempt: 0 means
	// the default of 2, a negative value means none.
	MaxRetries  int
	Backoff     Backoff
	FailureMode FailureMode
	// SpoolPath is the JSON-lines file for degraded calls. Required for
	// FailOpen; optional for FailClosed (empty: refusals are not recorded).
	// The directory is created if missing. One Client per file.
	SpoolPath string
	Breaker   BreakerConfig
	// ReplayBatchSize is the number of records per replay request (default
	// and maximum 100, the server's limit).
	ReplayBatchSize int
	// AutoReplay starts a background Replay after a successful call while
	// the spool holds records, e.g. when the breaker closes again. Close
	// waits for it.
	AutoReplay bool

	// Now, Rand and Sleep are injectable for deterministic tests. Rand feeds
	// both jitter and record ids (default crypto/rand); Sleep must return
	// ctx.Err() when ctx ends first.
	Now    func() time.Time
	Rand   io.Reader
	Sleep  func(ctx context.Context, d time.Duration) error
	Logger *slog.Logger
}

// Context identifies who made the model call; the same object goes into the
// validate request and the spooled record.
type Context struct {
	UserID        string `json:"userId,omitempty"`
	TenantID      string `json:"tenantId,omitempty"`
	ModelVersion  string `json:"modelVersion,omitempty"`
	ModelProvider string `json:"modelProvider,omitempty"`
	SessionID     string `json:"sessionId,omitempty"`
}

// Document is untrusted content the model is given alongside the input: a
// retrieved page, a tool output, an e-mail. The gate checks it as data that
// may carry instructions addressed to the assistant; evidence records its id,
// source and SHA-256, never its text. IDs must be unique within a request
// (at most 128 of A-Z a-z 0-9 . _ : / @ # = + ~ -); at most 32 documents.
type Document struct {
	ID     string `json:"id"`
	Source string `json:"source,omitempty"`
	Text   string `json:"text"`
}

// Request is one validation: the input alone before the model call, input and
// output after it, and the untrusted documents the model was given.
type Request struct {
	Input     string     `json:"input"`
	Output    string     `json:"output,omitempty"`
	Documents []Document `json:"documents,omitempty"`
	Context   Context    `json:"context"`
	// IdempotencyKey is sent as the Idempotency-Key header on every attempt
	// of the call, so a retry after a lost answer gets the first receipt
	// instead of recording the call twice. Empty: Validate draws a random
	// one per call. Set it to keep one key across your own retries too.
	IdempotencyKey string `json:"-"`
}

// Decision is the gate's verdict.
type Decision string

const (
	DecisionAllow  Decision = "allow"
	DecisionRedact Decision = "redact"
	DecisionBlock  Decision = "block"
)

// Targets of a violation.
const (
	TargetInput    = "input"
	TargetOutput   = "output"
	TargetDocument = "document"
)

type Violation struct {
	Control  string `json:"control"`
	Rule     string `json:"rule"`
	Category string `json:"category"`
	Severity string `json:"severity"`
	Action   string `json:"action"`
	Target   string `json:"target"`
	// Document is the id of the document the finding is in, when Target is
	// TargetDocument; Start and End are then offsets into its text.
	Document string `json:"document,omitempty"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Message  string `json:"message"`
	// Score is the learned layer's score for its findings (0 otherwise).
	Score float64 `json:"score,omitempty"`
}

type Redacted struct {
	Input  string `json:"input"`
	Output string `json:"output"`
	// Documents are the documents that had redacted spans, by id.
	Documents []RedactedDocument `json:"documents,omitempty"`
}

// RedactedDocument is a document with its redact-action spans replaced.
type RedactedDocument struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Scores are the learned layer's per-family scores in [0, 1].
type Scores struct {
	Injection float64 `json:"injection"`
	Jailbreak float64 `json:"jailbreak"`
	Indirect  float64 `json:"indirect"`
}

type Evidence struct {
	ID        string    `json:"id"`
	Chain     string    `json:"chain"`
	Seq       uint64    `json:"seq"`
	Hash      string    `json:"hash"`
	PrevHash  string    `json:"prevHash"`
	Timestamp time.Time `json:"timestamp"`
}

// Result is the gate's answer. A degraded Result (FailOpen, service
// unavailable) has Passed true, Decision allow, Degraded true, the reason, and
// the id of the spooled record; it carries no evidence, violations or
// redactions because no check ran.
type Result struct {
	Passed     bool        `json:"passed"`
	Decision   Decision    `json:"decision"`
	Violations []Violation `json:"violations"`
	Redacted   Redacted    `json:"redacted"`
	// Scores is nil when the gate has no learned layer.
	Scores   *Scores  `json:"scores,omitempty"`
	Evidence Evidence `json:"evidence"`

	Degraded       bool   `json:"-"`
	DegradedReason string `json:"-"`
	SpoolID        string `json:"-"`
}

// Client is safe for concurrent use.
type Client struct {
	cfg         Config
	validateURL string
	replayURL   string
	maxRetries  int
	br          *breaker
	sp          *spool
	log         *slog.Logger

	randMu   sync.Mutex
	replayMu sync.Mutex
	// dirty is set when a record is spooled and cleared when a replay starts,
	// so a record spooled during a replay triggers the next one.
	dirty atomic.Bool

	bgMu      sync.Mutex
	bgClosed  bool
	bgRunning bool
	bgWG      sync.WaitGroup
}

const (
	maxBatch       = 100
	maxResponse    = 4 << 20
	defaultTimeout = 2 * time.Second
)

// New checks cfg and builds a Client. It does no I/O beyond creating the
// spool directory.
func New(cfg Config) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || cfg.BaseURL == "" {
		return nil, fmt.Errorf("client config: base URL %q: invalid", cfg.BaseURL)
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("client config: base URL %q: need http(s)://host", cfg.BaseURL)
	}
	if !strings.HasPrefix(cfg.APIKey, "agk_") || len(cfg.APIKey) <= len("agk_") {
		// Never echo the key: it is a credential.
		return nil, errors.New("client config: API key must have the form agk_<keyId>_<secret>")
	}
	if cfg.FailureMode != FailOpen && cfg.FailureMode != FailClosed {
		return nil, fmt.Errorf("client config: unknown failure mode %d", int(cfg.FailureMode))
	}
	if cfg.FailureMode == FailOpen && cfg.SpoolPath == "" {
		return nil, errors.New("client config: fail-open needs a spool path, or allowed calls would leave no evidence")
	}
	if cfg.Timeout < 0 || cfg.Backoff.Base < 0 || cfg.Backoff.Max < 0 || cfg.Breaker.OpenFor < 0 {
		return nil, errors.New("client config: durations must not be negative")
	}
	if cfg.ReplayBatchSize < 0 || cfg.ReplayBatchSize > maxBatch {
		return nil, fmt.Errorf("client config: replay batch size %d outside 1..%d", cfg.ReplayBatchSize, maxBatch)
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{}
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = defaultTimeout
	}
	if cfg.Backoff.Base == 0 {
		cfg.Backoff.Base = 50 * time.Millisecond
	}
	if cfg.Backoff.Max == 0 {
		cfg.Backoff.Max = 2 * time.Second
	}
	if cfg.Backoff.Max < cfg.Backoff.Base {
		return nil, errors.New("client config: backoff max below base")
	}
	if cfg.Breaker.Threshold == 0 {
		cfg.Breaker.Threshold = 5
	}
	if cfg.Breaker.OpenFor == 0 {
		cfg.Breaker.OpenFor = 30 * time.Second
	}
	if cfg.ReplayBatchSize == 0 {
		cfg.ReplayBatchSize = maxBatch
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Rand == nil {
		cfg.Rand = rand.Reader
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleepCtx
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	c := &Client{
		cfg:         cfg,
		validateURL: u.String() + "/v1/validate",
		replayURL:   u.String() + "/v1/evidence/replay",
		maxRetries:  cfg.MaxRetries,
		br:          newBreaker(cfg.Breaker),
		log:         cfg.Logger,
	}
	if c.maxRetries == 0 {
		c.maxRetries = 2
	} else if c.maxRetries < 0 {
		c.maxRetries = 0
	}
	if cfg.SpoolPath != "" {
		if err := os.MkdirAll(filepath.Dir(cfg.SpoolPath), 0o700); err != nil {
			return nil, fmt.Errorf("client config: spool directory: %w", err)
		}
		c.sp = &spool{path: cfg.SpoolPath}
		// Records left by a previous process count as pending, so the first
		// successful call can replay them.
		if st, err := os.Stat(cfg.SpoolPath); err == nil && st.Size() > 0 {
			c.dirty.Store(true)
		}
	}
	return c, nil
}

// Validate asks the gate about one model call. It returns:
//   - the service's Result and nil, whatever the decision (check Passed);
//   - nil Result and an *APIError for a refused request (4xx other than 429),
//     in every failure mode: a bad request is never allowed through;
//   - when the service cannot answer: in FailOpen a degraded allow Result and
//     nil (or an ErrSpool error if the record could not be written); in
//     FailClosed an error matching ErrUnavailable;
//   - the ctx error if ctx was cancelled (not on deadline: a passed deadline
//     means the service was too slow, which degrades).
func (c *Client) Validate(ctx context.Context, req Request) (Result, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return Result{}, fmt.Errorf("validate: encode request: %w", err)
	}
	key := req.IdempotencyKey
	if key == "" {
		// Without a key (the random source failed) the call still goes
		// out: a retry might then record it twice, which beats not asking.
		key, _ = c.newID()
	}
	var res Result
	err = c.call(ctx, c.validateURL, body, &res, key)
	if err == nil {
		return res, nil
	}
	var ue *UnavailableError
	if !errors.As(err, &ue) {
		return Result{}, fmt.Errorf("validate: %w", err)
	}
	return c.degrade(req, ue)
}

func (c *Client) degrade(req Request, ue *UnavailableError) (Result, error) {
	reason := SpoolFailClosed
	if c.cfg.FailureMode == FailOpen {
		reason = SpoolFailOpen
	}
	var id string
	var spErr error
	if c.sp != nil {
		id, spErr = c.spoolCall(req, reason, ue)
	}
	if c.cfg.FailureMode == FailClosed {
		return Result{}, errors.Join(fmt.Errorf("validate: %w", ue), spErr)
	}
	c.log.Warn("agentgate unavailable, failing open", "reason", ue.Reason, "attempts", ue.Attempts, "spoolId", id)
	res := Result{Passed: true, Decision: DecisionAllow, Degraded: true, DegradedReason: ue.Reason, SpoolID: id}
	if spErr != nil {
		return res, fmt.Errorf("validate failed open: %w", spErr)
	}
	return res, nil
}

func (c *Client) spoolCall(req Request, reason string, ue *UnavailableError) (string, error) {
	id, err := c.newID()
	if err != nil {
		return "", fmt.Errorf("%w: record id: %w", ErrSpool, err)
	}
	rec := Record{
		ID:          id,
		TS:          c.cfg.Now().UTC().Format(time.RFC3339Nano),
		InputSHA256: sha256Hex(req.Input),
		Reason:      reason,
		Error:       ue.Reason,
		Context:     req.Context,
	}
	if req.Output != "" {
		rec.OutputSHA256 = sha256Hex(req.Output)
	}
	var apiErr *APIError
	if errors.As(ue, &apiErr) {
		rec.Error = fmt.Sprintf("%s: status %d", ue.Reason, apiErr.Status)
	}
	if err := c.sp.append(rec); err != nil {
		return "", err
	}
	c.dirty.Store(true)
	return id, nil
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func (c *Client) newID() (string, error) {
	var b [16]byte
	c.randMu.Lock()
	_, err := io.ReadFull(c.cfg.Rand, b[:])
	c.randMu.Unlock()
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}

// Pending counts the records waiting in the spool.
func (c *Client) Pending() (int, error) {
	if c.sp == nil {
		return 0, nil
	}
	return c.sp.count()
}

// BreakerState reports the circuit breaker's state now.
func (c *Client) BreakerState() BreakerState { return c.br.current(c.cfg.Now()) }

// Close stops automatic replays from starting and waits for a running one.
// Validate and Replay keep working after Close.
func (c *Client) Close() error {
	c.bgMu.Lock()
	c.bgClosed = true
	c.bgMu.Unlock()
	c.bgWG.Wait()
	return nil
}

type outcome int

const (
	outOK outcome = iota
	outRefused
	outRetry
	outCanceled
	outLocal
)

// call POSTs body to endpoint and decodes a 2xx answer into out. Errors are an
// *APIError (refused), an *UnavailableError, or the cancelled ctx's error.
//
// idemKey, when set, goes out as the Idempotency-Key header of every attempt:
// the server answers a retry of a request it already recorded with its first
// answer.
func (c *Client) call(ctx context.Context, endpoint string, body []byte, out any, idemKey string) error {
	var last error
	lastReason := ""
	for attempt := 0; ; attempt++ {
		probe, ok := c.br.allow(c.cfg.Now())
		if !ok {
			return &UnavailableError{Reason: ReasonBreakerOpen, Attempts: attempt, Err: last}
		}
		oc, reason, retryAfter, err := c.attempt(ctx, endpoint, body, out, idemKey)
		switch oc {
		case outOK, outRefused:
			if c.br.success(probe) {
				c.log.Info("agentgate reachable again, breaker closed")
			}
			c.kickReplay()
			return err
		case outCanceled, outLocal:
			c.br.release(probe)
			return err
		}
		c.br.failure(probe, c.cfg.Now())
		last, lastReason = err, reason
		giveUp := func() error {
			return &UnavailableError{Reason: lastReason, Attempts: attempt + 1, Err: last}
		}
		if ctx.Err() != nil || attempt >= c.maxRetries {
			return giveUp()
		}
		if retryAfter > c.cfg.Backoff.Max {
			return giveUp()
		}
		delay := c.backoff(attempt, retryAfter)
		// The ctx deadline runs on the wall clock whatever Now says; waiting
		// past it only to be cut off wastes the caller's remaining budget.
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= delay {
			return giveUp()
		}
		if err := c.cfg.Sleep(ctx, delay); err != nil {
			if errors.Is(ctx.Err(), context.Canceled) {
				return fmt.Errorf("wait to retry: %w", ctx.Err())
			}
			return giveUp()
		}
	}
}

// attempt makes one request and classifies its outcome.
func (c *Client) attempt(ctx context.Context, endpoint string, body []byte, out any, idemKey string) (outcome, string, time.Duration, error) {
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return outLocal, "", 0, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "agentgate-go-client")
	if idemKey != "" {
		req.Header.Set("Idempotency-Key", idemKey)
	}

	transportErr := func(op string, err error) (outcome, string, time.Duration, error) {
		switch {
		case errors.Is(ctx.Err(), context.Canceled):
			return outCanceled, "", 0, fmt.Errorf("%s: %w", op, ctx.Err())
		case ctx.Err() != nil:
			return outRetry, ReasonDeadline, 0, fmt.Errorf("%s: %w", op, err)
		case actx.Err() != nil:
			return outRetry, ReasonTimeout, 0, fmt.Errorf("%s: attempt timeout %s: %w", op, c.cfg.Timeout, err)
		}
		return outRetry, ReasonNetwork, 0, fmt.Errorf("%s: %w", op, err)
	}
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return transportErr("post "+endpoint, err)
	}
	defer func() {
		// Drain a little so the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		_ = resp.Body.Close()
	}()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return transportErr("read response", err)
	}
	if len(data) > maxResponse {
		return outRetry, ReasonBadResponse, 0, fmt.Errorf("response over %d bytes", maxResponse)
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		if err := json.Unmarshal(data, out); err != nil {
			// A 2xx we cannot read (a captive proxy, a broken deploy) is no
			// answer at all: treat it like an outage, not like a verdict.
			return outRetry, ReasonBadResponse, 0, fmt.Errorf("decode %d response: %w", resp.StatusCode, err)
		}
		return outOK, "", 0, nil
	}
	apiErr := parseAPIError(resp.StatusCode, resp.Header, data, c.cfg.Now())
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return outRetry, ReasonRateLimited, apiErr.RetryAfter, apiErr
	case resp.StatusCode >= 500:
		return outRetry, ReasonServerError, apiErr.RetryAfter, apiErr
	case resp.StatusCode == http.StatusConflict && apiErr.Code == "idempotency_key_in_use":
		// Our own earlier attempt is still being answered: its receipt is
		// what the next attempt will get.
		return outRetry, ReasonInProgress, apiErr.RetryAfter, apiErr
	}
	return outRefused, "", 0, apiErr
}

// backoff draws the full-jitter wait before retry number retry+1.
func (c *Client) backoff(retry int, retryAfter time.Duration) time.Duration {
	ceil := c.cfg.Backoff.Max
	if retry < 62 {
		if d := c.cfg.Backoff.Base << retry; d > 0 && d>>retry == c.cfg.Backoff.Base && d < ceil {
			ceil = d
		}
	}
	var b [8]byte
	c.randMu.Lock()
	_, err := io.ReadFull(c.cfg.Rand, b[:])
	c.randMu.Unlock()
	d := ceil
	if err == nil {
		d = time.Duration(binary.LittleEndian.Uint64(b[:]) % uint64(ceil+1))
	}
	return max(d, retryAfter)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
