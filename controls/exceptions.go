package controls

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/agentgate/agentgate/shared/evidence"
)

// KindException is the evidence kind of an exception's state change: every
// step of its lifecycle (opened, assigned, note, remediated, confirmed,
// accepted, expired, resolved) is one entry, so the exception log an auditor
// reads is in the chain and in every package that covers its period.
const KindException = "exception"

// Exception states. Open, assigned, remediated and accepted are active (at
// most one per tenant and control); confirmed and resolved are closed.
const (
	ExceptionOpen       = "open"
	ExceptionAssigned   = "assigned"
	ExceptionRemediated = "remediated" // claimed fixed; the next run must confirm it
	ExceptionAccepted   = "accepted"   // a risk accepted until an expiry; never passing
	ExceptionConfirmed  = "confirmed"  // the run after a remediation found the control passing
	ExceptionResolved   = "resolved"   // the control passed with no remediation claimed
)

// Exception actions, as recorded in events and evidence.
const (
	ActionOpened       = "opened"
	ActionAssigned     = "assigned"
	ActionNote         = "note"
	ActionRemediated   = "remediated"
	ActionConfirmed    = "confirmed"
	ActionNotConfirmed = "remediation_not_confirmed"
	ActionAccepted     = "accepted"
	ActionExpired      = "expired"
	ActionResolved     = "resolved"
)

// RunPrincipal is who the controls run acts as in exception events.
const RunPrincipal = "controls"

// Errors of the exception lifecycle, for errors.Is.
var (
	ErrExceptionNotFound = errors.New("controls: no such exception")
	// ErrExceptionState: the transition is not allowed from the exception's
	// state (remediate a closed one, accept a remediated one, ...).
	ErrExceptionState = errors.New("controls: exception is not in a state that allows this")
	// ErrExceptionStale: the stored exception changed since it was read.
	ErrExceptionStale = errors.New("controls: exception changed concurrently")
	ErrExceptionInput = errors.New("controls: invalid exception input")
)

// ExceptionEvent is one state change of an exception.
type ExceptionEvent struct {
	At     time.Time `json:"at"`
	Action string    `json:"action"`
	By     string    `json:"by"`
	// State is the exception's state after the event.
	State string `json:"state"`
	// Status is the control's status when the event happened.
	Status Status `json:"status,omitempty"`
	Note   string `json:"note,omitempty"`
	// Evidence is the id of the event's evidence entry; empty until it is
	// appended (the next run appends what a crash left out).
	Evidence string `json:"evidence,omitempty"`
}

// Exception is a failing or warning control being dealt with: who owns it,
// by when, what was done, or the risk accepted and until when.
type Exception struct {
	ID      string `json:"id"`
	Control string `json:"control"`
	Name    string `json:"name"`
	State   string `json:"state"`
	// Status and Detail are the control's, as of the latest run that saw it.
	Status   Status    `json:"status"`
	Detail   string    `json:"detail,omitempty"`
	Owner    string    `json:"owner,omitempty"`
	OpenedAt time.Time `json:"openedAt"`
	Due      string    `json:"due"`
	// AcceptedUntil and AcceptReason are set while a risk is accepted (and
	// kept after it expires, in the events).
	AcceptedUntil *time.Time       `json:"acceptedUntil,omitempty"`
	AcceptReason  string           `json:"acceptReason,omitempty"`
	ClosedAt      *time.Time       `json:"closedAt,omitempty"`
	Events        []ExceptionEvent `json:"events"`
	// Rev counts stored versions: writes are conditional on it.
	Rev int `json:"-"`
}

// Active reports whether the exception is still open in some form.
func (e Exception) Active() bool {
	switch e.State {
	case ExceptionOpen, ExceptionAssigned, ExceptionRemediated, ExceptionAccepted:
		return true
	}
	return false
}

// AcceptedAt reports whether e is an accepted risk not expired at now.
func (e Exception) AcceptedAt(now time.Time) bool {
	return e.State == ExceptionAccepted && e.AcceptedUntil != nil && now.Before(*e.AcceptedUntil)
}

// ExceptionStore keeps exceptions per tenant.
type ExceptionStore interface {
	// Exceptions lists the tenant's exceptions, oldest first.
	Exceptions(ctx context.Context, tenant string) ([]Exception, error)
	// Exception reads one; ErrExceptionNotFound if absent.
	Exception(ctx context.Context, tenant, id string) (Exception, error)
	// PutException stores e if the stored revision is still e.Rev-1 (Rev 1:
	// none stored); ErrExceptionStale otherwise.
	PutException(ctx context.Context, tenant string, e Exception) error
}

// EvidenceAppender appends evidence entries (evidence.Appender).
type EvidenceAppender interface {
	Append(ctx context.Context, draft evidence.Entry) (evidence.Entry, error)
}

// Exceptions runs the lifecycle: the controls run opens, confirms, expires
// and resolves; admins assign, annotate, claim remediation and accept
// risks. Every state change is stored first (conditionally on the
// revision read) and then recorded as evidence.
type Exceptions struct {
	Store    ExceptionStore
	Evidence EvidenceAppender
	Now      func() time.Time
	Rand     io.Reader
	// DueFailing and DueWarning are how long a new exception has before it
	// is due: 30 and 90 days by default.
	DueFailing, DueWarning time.Duration
	// MaxAcceptance bounds an accepted risk's expiry: 365 days by default.
	MaxAcceptance time.Duration
	// Log records evidence left pending by an admin's action (the next run
	// appends it); nil: slog.Default.
	Log *slog.Logger
}

func (x *Exceptions) now() time.Time {
	if x.Now == nil {
		return time.Now().UTC()
	}
	return x.Now().UTC()
}

func (x *Exceptions) due(s Status, from time.Time) string {
	d := x.DueWarning
	if d <= 0 {
		d = 90 * 24 * time.Hour
	}
	if s == Failing {
		d = x.DueFailing
		if d <= 0 {
			d = 30 * 24 * time.Hour
		}
	}
	return from.Add(d).UTC().Format(time.DateOnly)
}

func (x *Exceptions) newID(control string, at time.Time) (string, error) {
	r := x.Rand
	if r == nil {
		r = rand.Reader
	}
	b := make([]byte, 4)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", fmt.Errorf("exception id: %w", err)
	}
	return control + "-" + at.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b), nil
}

// Reconcile applies a run's saved results to the tenant's exceptions: a
// warning or failing control without an active exception opens one; a
// remediated one is confirmed when the control passes (and reopened when it
// does not); an accepted risk past its expiry returns to open; an open one
// whose control passes is resolved. An error result changes nothing: a
// control nobody could check confirms nothing. Events whose evidence was
// not appended yet (a crash, an outage) are appended now. now is the run's
// time: accepted risks expire by it.
func (x *Exceptions) Reconcile(ctx context.Context, tenant string, now time.Time, results []Result) error {
	all, err := x.Store.Exceptions(ctx, tenant)
	if err != nil {
		return fmt.Errorf("exceptions of %s: %w", tenant, err)
	}
	active := map[string]Exception{}
	var errs []error
	for _, e := range all {
		if e.Active() {
			active[e.Control] = e
		} else if pendingEvidence(e) {
			if _, err := x.flush(ctx, tenant, e); err != nil {
				errs = append(errs, err)
			}
		}
	}
	now = now.UTC()
	for _, r := range results {
		e, ok := active[r.Control]
		next, changed, err := x.step(e, ok, r, now)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !changed {
			if ok && pendingEvidence(e) {
				if _, err := x.flush(ctx, tenant, e); err != nil {
					errs = append(errs, err)
				}
			}
			continue
		}
		_, evErr, err := x.save(ctx, tenant, next)
		if err != nil && !errors.Is(err, ErrExceptionStale) {
			errs = append(errs, err)
		}
		if evErr != nil {
			errs = append(errs, evErr)
		}
	}
	return errors.Join(errs...)
}

// step is the run's transition for one control; changed false: nothing to
// store.
func (x *Exceptions) step(e Exception, ok bool, r Result, now time.Time) (Exception, bool, error) {
	nonPassing := r.Status == Warning || r.Status == Failing
	ev := func(action, state string) {
		e.State = state
		e.Events = append(e.Events, ExceptionEvent{At: now, Action: action, By: RunPrincipal, State: state, Status: r.Status, Note: r.Detail})
	}
	reopen := func() string {
		if e.Owner != "" {
			return ExceptionAssigned
		}
		return ExceptionOpen
	}
	finish := func(action, state string) {
		ev(action, state)
		t := now
		e.ClosedAt = &t
	}
	if !ok {
		if !nonPassing {
			return e, false, nil
		}
		id, err := x.newID(r.Control, now)
		if err != nil {
			return e, false, err
		}
		name := r.Control
		if c, ok := Lookup(r.Control); ok {
			name = c.Name
		}
		e = Exception{ID: id, Control: r.Control, Name: name, Status: r.Status, Detail: r.Detail, OpenedAt: now, Due: x.due(r.Status, now)}
		ev(ActionOpened, ExceptionOpen)
		return e, true, nil
	}
	if r.Status == Error {
		return e, false, nil
	}
	before := e.State
	prevStatus, prevDetail := e.Status, e.Detail
	e.Status, e.Detail = r.Status, r.Detail
	switch e.State {
	case ExceptionRemediated:
		if r.Status == Passing {
			finish(ActionConfirmed, ExceptionConfirmed)
		} else {
			ev(ActionNotConfirmed, reopen())
		}
	case ExceptionAccepted:
		switch {
		case r.Status == Passing:
			finish(ActionResolved, ExceptionResolved)
		case e.AcceptedUntil == nil || !now.Before(*e.AcceptedUntil):
			ev(ActionExpired, reopen())
		}
	case ExceptionOpen, ExceptionAssigned:
		if r.Status == Passing {
			finish(ActionResolved, ExceptionResolved)
		}
	}
	changed := e.State != before || e.Status != prevStatus || e.Detail != prevDetail
	return e, changed, nil
}

func pendingEvidence(e Exception) bool {
	for _, ev := range e.Events {
		if ev.Evidence == "" {
			return true
		}
	}
	return false
}

// save stores e (one revision after the one read) and appends the evidence
// of its new events, then stores their evidence ids. err is about the
// store (nothing changed); evErr about the evidence (the change is stored,
// its evidence pending for the next run).
func (x *Exceptions) save(ctx context.Context, tenant string, e Exception) (_ Exception, evErr, err error) {
	e.Rev++
	if err := x.Store.PutException(ctx, tenant, e); err != nil {
		if errors.Is(err, ErrExceptionStale) {
			return e, nil, err
		}
		return e, nil, fmt.Errorf("store exception %s: %w", e.ID, err)
	}
	e, evErr = x.flush(ctx, tenant, e)
	return e, evErr, nil
}

// flush appends an evidence entry for each event without one, then stores
// their ids. A failure leaves them pending for the next run.
func (x *Exceptions) flush(ctx context.Context, tenant string, e Exception) (Exception, error) {
	if x.Evidence == nil {
		return e, nil
	}
	appended := false
	var err error
	for i := range e.Events {
		if e.Events[i].Evidence != "" {
			continue
		}
		var ent evidence.Entry
		ent, err = x.Evidence.Append(ctx, exceptionEntry(tenant, e, i))
		if err != nil {
			err = fmt.Errorf("exception %s evidence: %w", e.ID, err)
			break
		}
		e.Events[i].Evidence = ent.ID()
		appended = true
	}
	if !appended {
		return e, err
	}
	e.Rev++
	if perr := x.Store.PutException(ctx, tenant, e); perr != nil {
		// The entries are in the chain; only their ids are not stored. A
		// later flush appends them again, marked with the same event index.
		return e, errors.Join(err, fmt.Errorf("store exception %s evidence ids: %w", e.ID, perr))
	}
	return e, err
}

// exceptionEntry is the evidence of event i of e.
func exceptionEntry(tenant string, e Exception, i int) evidence.Entry {
	ev := e.Events[i]
	meta := map[string]string{
		"exceptionId": e.ID,
		"event":       strconv.Itoa(i),
		"control":     e.Control,
		"state":       ev.State,
		"at":          ev.At.UTC().Format(time.RFC3339Nano),
		"openedAt":    e.OpenedAt.UTC().Format(time.RFC3339Nano),
		"due":         e.Due,
	}
	if ev.Status != "" {
		meta["controlStatus"] = string(ev.Status)
	}
	if e.Owner != "" {
		meta["owner"] = e.Owner
	}
	// A run's note is the control's detail: for an account-wide control it
	// names the operator's IAM users and settings, which the tenant's read
	// keys must not see in the chain (they stay in the control history).
	if ev.Note != "" && !(ev.By == RunPrincipal && HasAccountChecks(e.Control)) {
		meta["note"] = truncate(ev.Note, 1024)
	}
	if ev.Action == ActionAccepted && e.AcceptedUntil != nil {
		meta["acceptedUntil"] = e.AcceptedUntil.UTC().Format(time.RFC3339)
	}
	return evidence.Entry{Kind: KindException, Tenant: tenant, Principal: ev.By, Status: ev.Action, Meta: meta}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// ExceptionAction is an admin's change to an exception.
type ExceptionAction struct {
	// Action is assigned, note, remediated or accepted.
	Action string
	By     string
	Owner  string // assigned: the new owner
	Due    string // assigned: optional new due date (YYYY-MM-DD)
	Note   string // note and remediated: the text; accepted: the reason
	// Until is the accepted risk's expiry (YYYY-MM-DD, end of that day UTC).
	Until string
}

// Act applies an admin's action to the exception id of tenant.
func (x *Exceptions) Act(ctx context.Context, tenant, id string, a ExceptionAction) (Exception, error) {
	e, err := x.Store.Exception(ctx, tenant, id)
	if err != nil {
		return Exception{}, err
	}
	now := x.now()
	invalid := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrExceptionInput, fmt.Sprintf(format, args...))
	}
	note := strings.TrimSpace(a.Note)
	if len(note) > 2048 {
		return Exception{}, invalid("note and reason are at most 2048 bytes")
	}
	state := e.State
	switch a.Action {
	case ActionAssigned:
		owner := strings.TrimSpace(a.Owner)
		if owner == "" || len(owner) > 256 {
			return Exception{}, invalid("owner is required (at most 256 bytes)")
		}
		if a.Due != "" {
			d, err := time.Parse(time.DateOnly, a.Due)
			if err != nil {
				return Exception{}, invalid("due must be a YYYY-MM-DD date")
			}
			if d.Before(now.Truncate(24 * time.Hour)) {
				return Exception{}, invalid("due cannot be in the past")
			}
			e.Due = a.Due
		}
		if !slices.Contains([]string{ExceptionOpen, ExceptionAssigned}, e.State) {
			return Exception{}, fmt.Errorf("%w: exception %s is %s; only an open or assigned one is assigned", ErrExceptionState, id, e.State)
		}
		e.Owner, state = owner, ExceptionAssigned
	case ActionNote:
		if note == "" {
			return Exception{}, invalid("note is required")
		}
		if !e.Active() {
			return Exception{}, fmt.Errorf("%w: exception %s is %s (closed)", ErrExceptionState, id, e.State)
		}
	case ActionRemediated:
		if note == "" {
			return Exception{}, invalid("note is required: say what was remediated")
		}
		if !slices.Contains([]string{ExceptionOpen, ExceptionAssigned}, e.State) {
			return Exception{}, fmt.Errorf("%w: exception %s is %s; only an open or assigned one is marked remediated", ErrExceptionState, id, e.State)
		}
		state = ExceptionRemediated
	case ActionAccepted:
		if note == "" {
			return Exception{}, invalid("reason is required")
		}
		d, err := time.Parse(time.DateOnly, a.Until)
		if err != nil {
			return Exception{}, invalid("until must be a YYYY-MM-DD date")
		}
		until := d.Add(24 * time.Hour) // through the end of that day, UTC
		limit := x.MaxAcceptance
		if limit <= 0 {
			limit = 365 * 24 * time.Hour
		}
		if !until.After(now) || until.Sub(now) > limit+24*time.Hour {
			return Exception{}, invalid("until must be a future date at most %d days away", int(limit.Hours()/24))
		}
		if !slices.Contains([]string{ExceptionOpen, ExceptionAssigned}, e.State) {
			return Exception{}, fmt.Errorf("%w: exception %s is %s; only an open or assigned one is accepted", ErrExceptionState, id, e.State)
		}
		e.AcceptedUntil, e.AcceptReason, state = &until, note, ExceptionAccepted
	default:
		return Exception{}, invalid("unknown action %q", a.Action)
	}
	e.State = state
	e.Events = append(e.Events, ExceptionEvent{At: now, Action: a.Action, By: a.By, State: state, Status: e.Status, Note: note})
	// An evidence failure leaves the change stored and its entry pending:
	// the next run appends it, so the caller is told the change stands.
	out, evErr, err := x.save(ctx, tenant, e)
	if err != nil {
		return Exception{}, err
	}
	if evErr != nil {
		log := x.Log
		if log == nil {
			log = slog.Default()
		}
		log.WarnContext(ctx, "exception change stored, its evidence left for the next run", "tenant", tenant, "exception", id, "err", evErr)
	}
	return out, nil
}
