package controls

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Status is a control's state.
type Status string

// Statuses, from best to worst. An error (the check could not run) ranks
// worst: a control nobody could verify cannot be reported as met, and the
// operator has to act on it as on a failure.
const (
	Passing Status = "passing"
	Warning Status = "warning"
	Failing Status = "failing"
	Error   Status = "error"
)

// Rank orders statuses for "worst of".
func (s Status) Rank() int {
	switch s {
	case Passing:
		return 0
	case Warning:
		return 1
	case Failing:
		return 2
	default:
		return 3 // error, and anything unknown: never better than error
	}
}

// Valid reports whether s is one of the four statuses.
func (s Status) Valid() bool {
	return s == Passing || s == Warning || s == Failing || s == Error
}

// Worst returns the worst of statuses (Passing for none).
func Worst(statuses ...Status) Status {
	w := Passing
	for _, s := range statuses {
		if s.Rank() > w.Rank() {
			w = s
		}
	}
	return w
}

// Finding is one thing a check found wrong. A check with nothing to report
// returns no findings, and its control passes.
type Finding struct {
	Status Status `json:"status"`
	Detail string `json:"detail"`
	// Check names the check that found it; Account marks a finding of an
	// account-wide check (the operator's AWS account), which only the
	// operator's admin scope sees in detail (RedactAccount).
	Check   string `json:"check,omitempty"`
	Account bool   `json:"account,omitempty"`
}

func warnf(format string, args ...any) Finding {
	return Finding{Status: Warning, Detail: fmt.Sprintf(format, args...)}
}

func failf(format string, args ...any) Finding {
	return Finding{Status: Failing, Detail: fmt.Sprintf(format, args...)}
}

// Input is what a check knows about the run.
type Input struct {
	Tenant string
	Now    time.Time
	// Usage is what the evidence scan found for the tenant; nil with
	// UsageErr set when the scan failed (checks that need it then error).
	Usage    *Usage
	UsageErr error
}

// Check is one check of a control. A control may have several; its status
// is the worst of their findings.
type Check struct {
	Control string
	// Name says what the check reads ("IAM credential report"); it is the
	// detail of an error, so a reader knows which source to look at.
	Name string
	// Account checks read account-wide AWS state: the runner runs them once
	// per run and shares the outcome with every tenant.
	Account bool
	Run     func(ctx context.Context, in Input) ([]Finding, error)
}

// Outcome is one check's result in a run.
type Outcome struct {
	Findings []Finding
	Err      error
}

// Result is a control's status at one run.
type Result struct {
	Control   string    `json:"control"`
	Status    Status    `json:"status"`
	Detail    string    `json:"detail,omitempty"`
	CheckedAt time.Time `json:"checkedAt"`
	Findings  []Finding `json:"findings,omitempty"`
	// Previous is the status this result changed from ("" if unchanged or
	// first); AlertPending is set until the change's alert is published.
	Previous     Status `json:"previous,omitempty"`
	AlertPending bool   `json:"-"`
}

// maxDetails bounds the detail line: a hundred users without MFA are one
// finding for a reader, and the findings list keeps them all.
const maxDetails = 8

// Combine turns a control's check outcomes into its result. A check that
// could not run contributes an error finding, so a failed AWS call can
// never leave a control passing. The detail lists the non-passing findings,
// worst first, joined by "; ".
func Combine(control string, at time.Time, checks []Check, outcomes []Outcome) Result {
	var all []Finding
	for i, o := range outcomes {
		c := checks[i]
		if o.Err != nil {
			all = append(all, Finding{Status: Error, Detail: c.Name + " could not be checked", Check: c.Name, Account: c.Account})
			continue
		}
		for _, f := range o.Findings {
			if f.Status == Passing {
				continue
			}
			if !f.Status.Valid() {
				f.Status = Error
			}
			f.Check, f.Account = c.Name, c.Account
			all = append(all, f)
		}
	}
	return summarise(Result{Control: control, CheckedAt: at.UTC()}, all)
}

// summarise sets r's status, detail and findings from findings.
func summarise(r Result, all []Finding) Result {
	sort.SliceStable(all, func(i, j int) bool { return all[i].Status.Rank() > all[j].Status.Rank() })
	r.Status = Passing
	details := make([]string, 0, len(all))
	for _, f := range all {
		r.Status = Worst(r.Status, f.Status)
		details = append(details, f.Detail)
	}
	if len(details) > maxDetails {
		details = append(details[:maxDetails], fmt.Sprintf("and %d more", len(all)-maxDetails))
	}
	r.Detail = strings.Join(details, "; ")
	r.Findings = all
	return r
}

// accountControls are the controls with account-wide checks. A stored
// result of one of them whose findings carry no check name predates the
// separation of account findings: its details cannot be told apart, so
// RedactAccount withholds them all.
var accountControls = map[string]bool{"CC6.1": true, "CC6.2": true, "C1.2": true, "A1.2": true, "CC6.1-secrets": true, "CC7.1": true, "CC6.7": true}

// HasAccountChecks reports whether control id has account-wide checks,
// whose findings only the operator's admin keys see.
func HasAccountChecks(id string) bool { return accountControls[id] }

// RedactAccount replaces the findings of account-wide checks (IAM user and
// role names, MFA, the account's Config rules and settings) by one finding
// per check saying only its status. Tenants share the operator's AWS
// account: they see that its checks pass or fail, never what they found.
// Applying it twice changes nothing.
func RedactAccount(r Result) Result {
	if len(r.Findings) == 0 {
		return r
	}
	legacy := accountControls[r.Control]
	for _, f := range r.Findings {
		if f.Check != "" {
			legacy = false
		}
	}
	if legacy {
		r.Findings = []Finding{{Status: r.Status, Account: true,
			Detail: "details recorded before account findings were separated are shown to the operator only"}}
		r.Detail = r.Findings[0].Detail
		return r
	}
	var kept []Finding
	worst := map[string]Status{}
	var order []string
	for _, f := range r.Findings {
		if !f.Account {
			kept = append(kept, f)
			continue
		}
		if _, seen := worst[f.Check]; !seen {
			order = append(order, f.Check)
			worst[f.Check] = Passing
		}
		worst[f.Check] = Worst(worst[f.Check], f.Status)
	}
	for _, name := range order {
		kept = append(kept, Finding{Status: worst[name], Check: name, Account: true,
			Detail: fmt.Sprintf("shared AWS account check %q is %s (details are shown to the operator only)", name, worst[name])})
	}
	return summarise(r, kept)
}
