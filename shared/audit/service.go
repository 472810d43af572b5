package audit

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/httpapi/route"
)

// Package statuses.
const (
	StateBuilding = "building"
	StateReady    = "ready"
	StateFailed   = "failed"
)

// Record is a requested package and, once built, where it is.
type Record struct {
	ID          string
	Tenant      string
	Status      string
	From, To    time.Time
	Frameworks  []string
	RequestedBy string
	CreatedAt   time.Time
	CompletedAt time.Time
	SHA256      string // of the zip
	PackageHash string
	Sequence    int64
	Key         string // object key of the zip
	Size        int64
	Error       string // why it failed, in words safe to show the tenant
	// Stage and the counts so far while building (Build's Progress, written
	// at each stage and at most every ProgressEvery in between); the counts
	// stay once it is ready.
	Stage            string
	Entries, Bundles int64
}

// Head is the newest package of a tenant: what the next one extends.
type Head struct {
	ID          string
	PackageHash string
	Sequence    int64
	ManifestKey string
}

// Records keeps package records and each tenant's head.
type Records interface {
	// Create stores a new record; ErrConflict if the id exists.
	Create(ctx context.Context, r Record) error
	// Get returns a tenant's record; ErrNotFound if absent.
	Get(ctx context.Context, tenant, id string) (Record, error)
	Put(ctx context.Context, r Record) error
	// Head returns the tenant's newest package; ErrNotFound before the first.
	Head(ctx context.Context, tenant string) (Head, error)
	// List returns up to limit of a tenant's records in id order, after
	// the id after ("" for the first page), and the id to pass as after for
	// the next page ("" when there is none).
	List(ctx context.Context, tenant, after string, limit int) ([]Record, string, error)
	// Advance makes next the head if the head is still prevHash ("" for
	// none); ErrConflict otherwise. This one condition keeps the chain of
	// packages from forking when two builds race.
	Advance(ctx context.Context, tenant, prevHash string, next Head) error
}

// Blobs stores package files (encrypted at rest by the adapter). A zip is
// written as a multipart upload while it is built (Upload), never staged on
// disk.
type Blobs interface {
	Multipart
	PutBytes(ctx context.Context, key string, body []byte, contentType string) error
	GetBytes(ctx context.Context, key string) ([]byte, error)
	// Presign returns a GET URL for key valid for ttl.
	Presign(ctx context.Context, key string, ttl time.Duration) (string, error)
}

// Trigger starts an asynchronous build of a requested package.
type Trigger interface {
	Requested(ctx context.Context, tenant, id string) error
}

// URLTTL is how long a download URL is valid.
const URLTTL = 15 * time.Minute

// StaleBuild is how long a package may stay "building" before it is
// reported failed: past the asynchronous invocation's retries (EventBridge
// keeps an event for up to an hour) and the packager's 15-minute timeout.
const StaleBuild = 2 * time.Hour

// Service serves the package routes and builds packages.
type Service struct {
	Builder *Builder
	Records Records
	Blobs   Blobs
	Trigger Trigger
	Now     func() time.Time
	Rand    io.Reader
	Log     *slog.Logger
	// PartSize is the first multipart part's size (default
	// DefaultPartSize).
	PartSize int
	// FanOut, when set, builds packages whose plan estimates more than
	// SingleMaxBytes over many invocations (PlanParts, BuildPart,
	// FinishParts); PartBundles is a part's bundles (default
	// DefaultPartBundles). MinPartSize is the store's smallest part but
	// the last (default S3's MinPartSize).
	FanOut         FanOut
	SingleMaxBytes int64
	PartBundles    int
	MinPartSize    int64
	// ByReferenceBytes, when set, builds a package estimated above it by
	// reference (Request.ByReference): the archive's bundles are listed,
	// not copied.
	ByReferenceBytes int64
	// ProgressEvery bounds how often a build records its counts between
	// stages (default DefaultProgressEvery): a write per bundle would cost
	// more than the bundle.
	ProgressEvery time.Duration
}

// DefaultProgressEvery is how often a build's counts are recorded at most.
const DefaultProgressEvery = 5 * time.Second

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}

// PackageKey is where a package's zip is stored.
func PackageKey(tenant, id string) string { return "packages/" + tenant + "/" + id + ".zip" }

// ManifestKey is where a package's manifest is stored beside its zip, so
// the next build reads a few KB instead of the whole zip.
func ManifestKey(tenant, id string) string {
	return "packages/" + tenant + "/" + id + ".manifest.json"
}

// Routes are the package routes: scope "audit" (admin keys pass too).
func (s *Service) Routes() []route.Route {
	return []route.Route{
		{Method: "POST", Pattern: "/v1/packages", Scope: auth.ScopeAudit, Handler: s.create},
		{Method: "GET", Pattern: "/v1/packages", Scope: auth.ScopeAudit, Handler: s.list},
		{Method: "GET", Pattern: "/v1/packages/{id}", Scope: auth.ScopeAudit, Handler: s.get},
	}
}

// CreateRequest is the body of POST /v1/packages.
type CreateRequest struct {
	From       string   `json:"from"`
	To         string   `json:"to"`
	Frameworks []string `json:"frameworks"`
}

// Response is the body of POST and GET /v1/packages/{id}, and a package of
// GET /v1/packages (which gives no URL: presigning every row would make a
// list a download).
type Response struct {
	ID          string   `json:"id"`
	Status      string   `json:"status"`
	SHA256      string   `json:"sha256,omitempty"`
	URL         string   `json:"url,omitempty"`
	ExpiresAt   string   `json:"expiresAt,omitempty"`
	Error       string   `json:"error,omitempty"`
	From        string   `json:"from,omitempty"`
	To          string   `json:"to,omitempty"`
	Frameworks  []string `json:"frameworks,omitempty"`
	CreatedAt   string   `json:"createdAt,omitempty"`
	CompletedAt string   `json:"completedAt,omitempty"`
	Sequence    int64    `json:"sequence,omitempty"`
	Size        int64    `json:"size,omitempty"`
	// Stage is what a building package is doing (reading evidence, writing
	// reports, signing, storing zip); Entries and Bundles what it holds so far.
	Stage   string `json:"stage,omitempty"`
	Entries int64  `json:"entries,omitempty"`
	Bundles int64  `json:"bundles,omitempty"`
}

// ListResponse is the body of GET /v1/packages.
type ListResponse struct {
	Packages []Response `json:"packages"`
	// Next is the opaque token of the following page, if any.
	Next string `json:"next,omitempty"`
}

// Page sizes of GET /v1/packages.
const (
	DefaultListLimit = 50
	MaxListLimit     = 100
)

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// view is what the routes show of a record (no URL).
func view(rec Record) Response {
	out := Response{ID: rec.ID, Status: rec.Status, Error: rec.Error, From: rfc3339(rec.From), To: rfc3339(rec.To),
		Frameworks: rec.Frameworks, CreatedAt: rfc3339(rec.CreatedAt)}
	if rec.Status != StateBuilding {
		out.CompletedAt = rfc3339(rec.CompletedAt)
	} else {
		out.Stage = rec.Stage
	}
	if rec.Status != StateFailed {
		out.Entries, out.Bundles = rec.Entries, rec.Bundles
	}
	if rec.Status == StateReady {
		out.SHA256, out.Sequence, out.Size = rec.SHA256, rec.Sequence, rec.Size
	}
	return out
}

// The next token is the last id of the page, base64url: opaque to clients,
// checked like an id when it comes back.
func nextToken(id string) string { return base64.RawURLEncoding.EncodeToString([]byte(id)) }

func parseNextToken(tok string) (string, bool) {
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || !idRE().Match(b) {
		return "", false
	}
	return string(b), true
}

func (s *Service) list(r *route.Request) (int, any, error) {
	limit := DefaultListLimit
	if v := r.Query.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxListLimit {
			return 0, nil, route.Errorf(400, "invalid_request", "limit must be an integer from 1 to %d", MaxListLimit)
		}
		limit = n
	}
	after := ""
	if v := r.Query.Get("next"); v != "" {
		var ok bool
		if after, ok = parseNextToken(v); !ok {
			return 0, nil, route.Errorf(400, "invalid_request", `"next" is not a token this route returned`)
		}
	}
	recs, last, err := s.Records.List(r.Ctx, r.Tenant, after, limit)
	if err != nil {
		return 0, nil, err
	}
	out := ListResponse{Packages: make([]Response, 0, len(recs))}
	for _, rec := range recs {
		if rec.Status == StateBuilding && r.Now.Sub(rec.CreatedAt) > StaleBuild {
			// As GET /v1/packages/{id} would say (without recording it: a
			// read of many rows writes none).
			rec.Status, rec.Error = StateFailed, "the build did not complete; request the package again"
		}
		out.Packages = append(out.Packages, view(rec))
	}
	if last != "" {
		out.Next = nextToken(last)
	}
	return 200, out, nil
}

// Compiled on first use, not at package init (docs/decisions/232).
var (
	idRE        = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^pkg_[0-9a-z-]{1,64}$`) })
	frameworkRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,31}$`) })
)

// parseWhen accepts an RFC 3339 time or a date (midnight UTC).
func parseWhen(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), true
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

func (s *Service) create(r *route.Request) (int, any, error) {
	var in CreateRequest
	if err := route.DecodeJSON(r, &in); err != nil {
		return 0, nil, err
	}
	from, ok1 := parseWhen(in.From)
	to, ok2 := parseWhen(in.To)
	switch {
	case !ok1 || !ok2:
		return 0, nil, route.Errorf(422, "validation_failed", `"from" and "to" must be RFC 3339 times or YYYY-MM-DD dates`)
	case !from.Before(to):
		return 0, nil, route.Errorf(422, "validation_failed", `"from" must be before "to"`)
	case to.Sub(from) > maxDays*24*time.Hour:
		return 0, nil, route.Errorf(422, "validation_failed", "a package covers at most %d days", maxDays)
	case len(in.Frameworks) > 10:
		return 0, nil, route.Errorf(422, "validation_failed", "at most 10 frameworks")
	}
	for _, f := range in.Frameworks {
		if !frameworkRE().MatchString(f) {
			return 0, nil, route.Errorf(422, "validation_failed", "framework %q is not a framework key such as soc2 or gdpr", f)
		}
	}
	rec, err := s.Request(r.Ctx, r.Tenant, r.KeyID, from, to, in.Frameworks)
	if err != nil {
		return 0, nil, err
	}
	return 202, Response{ID: rec.ID, Status: rec.Status}, nil
}

// Request records a package request and starts its build.
func (s *Service) Request(ctx context.Context, tenant, by string, from, to time.Time, frameworks []string) (Record, error) {
	var raw [10]byte
	if _, err := io.ReadFull(s.Rand, raw[:]); err != nil {
		return Record{}, fmt.Errorf("package id: %w", err)
	}
	rec := Record{
		ID: "pkg_" + hex.EncodeToString(raw[:]), Tenant: tenant, Status: StateBuilding,
		From: from, To: to, Frameworks: normFrameworks(frameworks), RequestedBy: by, CreatedAt: s.now().UTC(),
	}
	if err := s.Records.Create(ctx, rec); err != nil {
		return Record{}, fmt.Errorf("record package %s: %w", rec.ID, err)
	}
	if err := s.Trigger.Requested(ctx, tenant, rec.ID); err != nil {
		rec.Status, rec.Error = StateFailed, "the build could not be started; request the package again"
		_ = s.Records.Put(ctx, rec)
		return Record{}, fmt.Errorf("trigger package %s: %w", rec.ID, err)
	}
	return rec, nil
}

func (s *Service) get(r *route.Request) (int, any, error) {
	id := r.Params["id"]
	if !idRE().MatchString(id) {
		return 0, nil, route.Errorf(404, "not_found", "no such package")
	}
	rec, err := s.Records.Get(r.Ctx, r.Tenant, id)
	if errors.Is(err, ErrNotFound) {
		// Another tenant's package is indistinguishable from none.
		return 0, nil, route.Errorf(404, "not_found", "no such package")
	}
	if err != nil {
		return 0, nil, err
	}
	if rec.Status == StateBuilding && r.Now.Sub(rec.CreatedAt) > StaleBuild {
		// The asynchronous build never finished (its invocation failed all
		// retries): say so instead of "building" forever. A late build
		// finds the record no longer building and leaves it alone.
		rec.Status, rec.Error = StateFailed, "the build did not complete; request the package again"
		rec.CompletedAt = r.Now.UTC()
		if err := s.Records.Put(r.Ctx, rec); err != nil {
			return 0, nil, fmt.Errorf("record package %s: %w", rec.ID, err)
		}
	}
	out := view(rec)
	if rec.Status == StateReady {
		url, err := s.Blobs.Presign(r.Ctx, rec.Key, URLTTL)
		if err != nil {
			return 0, nil, fmt.Errorf("presign %s: %w", rec.Key, err)
		}
		out.URL = url
		out.ExpiresAt = r.Now.Add(URLTTL).UTC().Format(time.RFC3339)
	}
	return 200, out, nil
}

// Process builds a requested package. It is the asynchronous half of POST
// /v1/packages (and of the monthly schedule) and is safe to repeat: a
// record that is no longer building is left alone. A build that cannot
// succeed marks the record failed and returns nil, so the invocation is not
// retried; only a failure to reach storage is returned.
func (s *Service) Process(ctx context.Context, tenant, id string) error {
	rec, err := s.Records.Get(ctx, tenant, id)
	if err != nil {
		return fmt.Errorf("package %s/%s: %w", tenant, id, err)
	}
	if rec.Status != StateBuilding {
		return nil
	}
	byRef, fan, err := s.route(ctx, &rec)
	if err == nil && fan {
		// The state machine plans, builds the parts and finishes (or
		// aborts): the record stays building until then.
		if err = s.FanOut.Start(ctx, tenant, id); err == nil {
			return nil
		}
		err = fmt.Errorf("start the fan-out: %w", err)
	}
	for attempt := 0; err == nil && !fan; attempt++ {
		err = s.build(ctx, &rec, byRef)
		if errors.Is(err, ErrConflict) && attempt < 3 {
			err = nil
			continue // another package became the head: extend it instead
		}
		break
	}
	if err != nil {
		s.log().ErrorContext(ctx, "package build failed", "tenant", tenant, "id", id, "err", err)
		rec.Status, rec.Error = StateFailed, "the package could not be built; see the service logs for "+id
	} else {
		rec.Status = StateReady
	}
	rec.Stage = ""
	rec.CompletedAt = s.now().UTC()
	if err := s.Records.Put(ctx, rec); err != nil {
		return fmt.Errorf("record package %s: %w", id, err)
	}
	return nil
}

func (s *Service) build(ctx context.Context, rec *Record, byRef bool) error {
	prev, err := s.previous(ctx, rec.Tenant)
	if err != nil {
		return err
	}
	key, mkey := PackageKey(rec.Tenant, rec.ID), ManifestKey(rec.Tenant, rec.ID)
	up, err := NewUpload(ctx, s.Blobs, key, "application/zip", s.PartSize)
	if err != nil {
		return err
	}
	defer up.Abort() // a no-op once completed
	h := sha256.New()
	progress := s.recorder(ctx, rec)
	m, err := s.Builder.Build(ctx, Request{ID: rec.ID, Tenant: rec.Tenant, From: rec.From, To: rec.To, Frameworks: rec.Frameworks,
		ByReference: byRef, Progress: progress}, prev, io.MultiWriter(up, h))
	if err != nil {
		return err
	}
	progress(Progress{Stage: StageStoring, Entries: rec.Entries, Bundles: rec.Bundles})
	size := up.Size()
	if err := up.Close(); err != nil {
		return fmt.Errorf("store %s: %w", key, err)
	}
	mb, err := marshalManifest(m)
	if err != nil {
		return err
	}
	if err := s.Blobs.PutBytes(ctx, mkey, mb, "application/json"); err != nil {
		return fmt.Errorf("store %s: %w", mkey, err)
	}
	prevHash := ""
	if prev != nil {
		prevHash = prev.PackageHash
	}
	if err := s.Records.Advance(ctx, rec.Tenant, prevHash, Head{ID: rec.ID, PackageHash: m.PackageHash, Sequence: m.Sequence, ManifestKey: mkey}); err != nil {
		return fmt.Errorf("advance the package chain: %w", err)
	}
	rec.SHA256, rec.PackageHash, rec.Sequence, rec.Key, rec.Size = hex.EncodeToString(h.Sum(nil)), m.PackageHash, m.Sequence, key, size
	return nil
}

// recorder returns the Progress of rec's build: it writes the record at
// each change of stage and, between, at most every ProgressEvery, so a
// build's writes are bounded by its duration, not its entries. A failed
// write is logged and the build goes on: progress is a courtesy.
func (s *Service) recorder(ctx context.Context, rec *Record) func(Progress) {
	every := s.ProgressEvery
	if every <= 0 {
		every = DefaultProgressEvery
	}
	var last time.Time
	return func(p Progress) {
		changed := p.Stage != rec.Stage
		rec.Stage, rec.Entries, rec.Bundles = p.Stage, p.Entries, p.Bundles
		now := s.now()
		if !changed && now.Sub(last) < every {
			return
		}
		last = now
		if err := s.Records.Put(ctx, *rec); err != nil {
			s.log().WarnContext(ctx, "record package progress", "tenant", rec.Tenant, "id", rec.ID, "err", err)
		}
	}
}

// Monthly requests, for each tenant, the package of the previous calendar
// month (UTC) and starts its build asynchronously (one invocation per
// tenant, so one slow tenant cannot time the schedule out). The id is
// derived from the month, so a repeated schedule run requests nothing new.
func (s *Service) Monthly(ctx context.Context, now time.Time, tenants []string) error {
	now = now.UTC()
	to := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	from := to.AddDate(0, -1, 0)
	var errs []error
	for _, t := range slices.Compact(slices.Sorted(slices.Values(tenants))) {
		rec := Record{ID: MonthlyID(from), Tenant: t, Status: StateBuilding, From: from, To: to,
			Frameworks: []string{}, RequestedBy: "schedule", CreatedAt: now}
		err := s.Records.Create(ctx, rec)
		if errors.Is(err, ErrConflict) {
			continue // already requested by an earlier run
		}
		if err == nil {
			err = s.Trigger.Requested(ctx, t, rec.ID)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("tenant %s: %w", t, err))
		}
	}
	return errors.Join(errs...)
}

// MonthlyID is the id of the scheduled package of the month starting at from.
func MonthlyID(from time.Time) string { return "pkg_monthly-" + from.UTC().Format("2006-01") }

func marshalManifest(m *Manifest) ([]byte, error) {
	return jsonIndent(m)
}
