package controls

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/agentgate/agentgate/events"
)

// ErrStale: the latest result moved since it was read (another run won the
// race). The loser stores its history but sends no alert.
var ErrStale = errors.New("controls: latest result changed concurrently")

// ErrUnknownControl is returned for an id not in the catalog.
var ErrUnknownControl = errors.New("controls: unknown control")

// ResultStore keeps each control's latest result and its history.
type ResultStore interface {
	// Latest returns the latest result of each control of tenant.
	Latest(ctx context.Context, tenant string) (map[string]Result, error)
	// Save appends next to the control's history and makes it the latest,
	// if the stored latest is still prev (nil: none stored); ErrStale
	// otherwise. Saving the same result twice is harmless.
	Save(ctx context.Context, tenant string, next Result, prev *Result) error
	// MarkAlerted clears the alert-pending flag of the latest result if it
	// is still the one checked at checkedAt.
	MarkAlerted(ctx context.Context, tenant, control string, checkedAt time.Time) error
	// History returns results older than before (zero: all), newest first.
	History(ctx context.Context, tenant, control string, before time.Time, limit int) ([]Result, error)
}

// Tenants lists the tenants to check.
type Tenants interface {
	Tenants(ctx context.Context) ([]string, error)
}

// FindingExporter sends a control's result where the account's other
// findings are (AWS Security Hub) when its status changes.
type FindingExporter interface {
	Export(ctx context.Context, tenant string, ctl Control, r Result) error
}

// Alerter publishes a status-change alert.
type Alerter interface {
	Publish(ctx context.Context, e events.ControlStatusChanged) error
}

// Runner runs every check for every tenant, stores the results and alerts
// on each status change, once.
type Runner struct {
	Checks  []Check
	Tenants Tenants
	Scanner *Scanner
	Results ResultStore
	Alerts  Alerter
	Log     *slog.Logger
	// Operator is the tenant that runs the deployment (OPERATOR_TENANT).
	// Its results keep the account checks' findings in full; every other
	// tenant's are stored through RedactAccount, so the operator's IAM
	// users, roles and settings never reach a tenant's result, history or
	// alert. "" stores every tenant's redacted.
	Operator string
	// Exceptions, if set, opens, confirms, expires and resolves the
	// tenant's exceptions from the results this run stored.
	Exceptions *Exceptions
	// Export, if set, receives every change of status (as the alert does,
	// before it; a failure keeps the change pending for the next run).
	Export FindingExporter
}

// Summary is what one run did.
type Summary struct {
	Tenants int `json:"tenants"`
	Results int `json:"results"`
	Changes int `json:"changes"`
	Alerts  int `json:"alerts"`
	Failed  int `json:"failed"`
}

func (r *Runner) log() *slog.Logger {
	if r.Log == nil {
		return slog.Default()
	}
	return r.Log
}

// Run checks every tenant at now. A tenant whose results cannot be stored
// is reported in the error and the others still run; the next run retries
// (results are recomputed, and a pending alert is re-sent).
func (r *Runner) Run(ctx context.Context, now time.Time) (Summary, error) {
	var sum Summary
	now = now.UTC()
	cat, err := Catalog()
	if err != nil {
		return sum, err
	}
	tenants, err := r.Tenants.Tenants(ctx)
	if err != nil {
		return sum, fmt.Errorf("list tenants: %w", err)
	}
	// Account-wide checks read AWS once per run, for every tenant.
	account := map[int]Outcome{}
	for i, c := range r.Checks {
		if c.Account {
			account[i] = r.runCheck(ctx, c, Input{Now: now})
		}
	}
	var errs []error
	for _, t := range tenants {
		sum.Tenants++
		if err := r.runTenant(ctx, t, now, cat, account, &sum); err != nil {
			sum.Failed++
			errs = append(errs, fmt.Errorf("tenant %s: %w", t, err))
		}
	}
	return sum, errors.Join(errs...)
}

func (r *Runner) runCheck(ctx context.Context, c Check, in Input) Outcome {
	f, err := c.Run(ctx, in)
	if err != nil {
		// The detail says which source failed; the cause goes to the log only.
		r.log().WarnContext(ctx, "control check could not run", "control", c.Control, "check", c.Name, "tenant", in.Tenant, "err", err)
	}
	return Outcome{Findings: f, Err: err}
}

func (r *Runner) runTenant(ctx context.Context, tenant string, now time.Time, cat []Control, account map[int]Outcome, sum *Summary) error {
	in := Input{Tenant: tenant, Now: now}
	if r.Scanner != nil {
		in.Usage, in.UsageErr = r.Scanner.Scan(ctx, tenant)
		if in.UsageErr != nil {
			r.log().WarnContext(ctx, "evidence scan failed", "tenant", tenant, "err", in.UsageErr)
		}
	} else {
		in.UsageErr = ErrNotConfigured
	}
	latest, err := r.Results.Latest(ctx, tenant)
	if err != nil {
		return fmt.Errorf("latest results: %w", err)
	}
	var errs []error
	var saved []Result
	for _, ctl := range cat {
		var checks []Check
		var outcomes []Outcome
		for i, c := range r.Checks {
			if c.Control != ctl.ID {
				continue
			}
			checks = append(checks, c)
			if o, ok := account[i]; ok {
				outcomes = append(outcomes, o)
			} else {
				outcomes = append(outcomes, r.runCheck(ctx, c, in))
			}
		}
		if len(checks) == 0 {
			outcomes = append(outcomes, Outcome{Err: ErrNotConfigured})
			checks = append(checks, Check{Control: ctl.ID, Name: "control " + ctl.ID})
		}
		next := Combine(ctl.ID, now, checks, outcomes)
		if tenant != r.Operator || r.Operator == "" {
			next = RedactAccount(next)
		}
		ok, err := r.record(ctx, tenant, ctl, next, latest, sum)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", ctl.ID, err))
		}
		if ok {
			saved = append(saved, next)
		}
	}
	// Only the run whose results were stored moves the exceptions, so two
	// concurrent runs do not open two for one failure.
	if r.Exceptions != nil && len(saved) > 0 {
		if err := r.Exceptions.Reconcile(ctx, tenant, now, saved); err != nil {
			errs = append(errs, fmt.Errorf("exceptions: %w", err))
		}
	}
	return errors.Join(errs...)
}

// record stores next and alerts if the status changed. The alert goes out
// only after the change is stored, and only by the run whose conditional
// save won, so concurrent runs (EventBridge delivers at least once) send one
// alert. A publish failure leaves the alert pending: the next run re-sends it.
func (r *Runner) record(ctx context.Context, tenant string, ctl Control, next Result, latest map[string]Result, sum *Summary) (saved bool, err error) {
	prev, had := latest[ctl.ID]
	var prevPtr *Result
	switch {
	case !had:
		// A first result is news only when it is not passing.
		if next.Status != Passing {
			next.AlertPending = true
		}
	case prev.Status != next.Status:
		next.Previous = prev.Status
		next.AlertPending = true
	case prev.AlertPending:
		// The change was stored but its alert never went out.
		next.Previous = prev.Previous
		next.AlertPending = true
	}
	if had {
		prevPtr = &prev
		if !next.CheckedAt.After(prev.CheckedAt) {
			// A late or repeated run must not rewrite a newer result.
			return false, nil
		}
	}
	if err := r.Results.Save(ctx, tenant, next, prevPtr); err != nil {
		if errors.Is(err, ErrStale) {
			return false, nil
		}
		return false, fmt.Errorf("save result: %w", err)
	}
	sum.Results++
	if !next.AlertPending {
		return true, nil
	}
	if !had || prev.Status != next.Status {
		sum.Changes++
	}
	if r.Export != nil {
		if err := r.Export.Export(ctx, tenant, ctl, next); err != nil {
			return true, fmt.Errorf("export finding: %w", err)
		}
		if r.Alerts == nil {
			if err := r.Results.MarkAlerted(ctx, tenant, ctl.ID, next.CheckedAt); err != nil {
				r.log().WarnContext(ctx, "finding exported but not marked", "tenant", tenant, "control", ctl.ID, "err", err)
			}
		}
	}
	if r.Alerts == nil {
		return true, nil
	}
	ev := events.ControlStatusChanged{
		Type: events.ControlStatusChangedType, Version: 1, Tenant: tenant, Control: ctl.ID, Name: ctl.Name,
		From: string(next.Previous), To: string(next.Status), Detail: next.Detail, At: next.CheckedAt,
	}
	if err := r.Alerts.Publish(ctx, ev); err != nil {
		return true, fmt.Errorf("publish alert: %w", err)
	}
	sum.Alerts++
	if err := r.Results.MarkAlerted(ctx, tenant, ctl.ID, next.CheckedAt); err != nil {
		// The alert went out; at worst the next run sends it again.
		r.log().WarnContext(ctx, "alert sent but not marked", "tenant", tenant, "control", ctl.ID, "err", err)
	}
	r.log().InfoContext(ctx, "control status changed", "tenant", tenant, "control", ctl.ID, "from", ev.From, "to", ev.To)
	return true, nil
}
