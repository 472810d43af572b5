package controls

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// ControlStatus is one control in GET /v1/compliance/status.
type ControlStatus struct {
	ID         string              `json:"id"`
	Name       string              `json:"name"`
	Status     Status              `json:"status"`
	Detail     string              `json:"detail,omitempty"`
	CheckedAt  *time.Time          `json:"checkedAt,omitempty"`
	Frameworks map[string][]string `json:"frameworks"`
	// Accepted: the control is warning or failing under a risk accepted
	// until Exception.AcceptedUntil. Its status stays what was checked.
	Accepted  bool          `json:"accepted,omitempty"`
	Exception *ExceptionRef `json:"exception,omitempty"`
}

// ExceptionRef is the active exception of a control, as the status shows it.
type ExceptionRef struct {
	ID            string     `json:"id"`
	State         string     `json:"state"`
	Owner         string     `json:"owner,omitempty"`
	Due           string     `json:"due"`
	AcceptedUntil *time.Time `json:"acceptedUntil,omitempty"`
}

// StatusReport is the documented GET /v1/compliance/status shape.
type StatusReport struct {
	Overall  Status          `json:"overall"`
	LastRun  *time.Time      `json:"lastRun"`
	Controls []ControlStatus `json:"controls"`
	// Summaries count each framework's criteria by status (the requested
	// framework only, with ?framework=).
	Summaries []FrameworkSummary `json:"summaries"`
}

// Criterion statuses of a framework summary: a control's status, or
// accepted for a warning or failing control under an accepted risk.
const Accepted Status = "accepted"

// criterionRank orders criterion statuses: an accepted risk is known and
// owned until it expires, so it ranks above an unattended warning and
// below a failure; an error (unknown) is the worst.
func criterionRank(s Status) int {
	switch s {
	case Passing:
		return 0
	case Accepted:
		return 1
	case Warning:
		return 2
	case Failing:
		return 3
	}
	return 4
}

// CriterionStatus is one criterion of a framework: the worst of the
// controls mapped to it.
type CriterionStatus struct {
	Criterion string   `json:"criterion"`
	Status    Status   `json:"status"`
	Controls  []string `json:"controls"`
}

// FrameworkSummary counts one framework's covered criteria by status.
type FrameworkSummary struct {
	Framework string            `json:"framework"`
	Title     string            `json:"title"`
	Covered   int               `json:"covered"`
	Passing   int               `json:"passing"`
	Warning   int               `json:"warning"`
	Failing   int               `json:"failing"`
	Accepted  int               `json:"accepted"`
	Error     int               `json:"error"`
	Criteria  []CriterionStatus `json:"criteria"`
}

// ErrUnknownFramework is returned for a ?framework= not in FrameworkKeys.
var ErrUnknownFramework = fmt.Errorf("controls: unknown framework; use one of %s", strings.Join(FrameworkKeys, ", "))

// NotChecked is the detail of a control no run has checked yet.
const NotChecked = "not checked yet"

// Report builds the status of every catalog control from the latest
// results. framework ("" for all) keeps only the controls mapped in it and
// only that framework's criteria. A control never checked is "error": its
// state is unknown, and unknown is never reported as passing.
func Report(latest map[string]Result, framework string) (StatusReport, error) {
	return ReportAt(latest, nil, framework, time.Now())
}

// ReportAt is Report with the tenant's exceptions: a control's active
// exception is shown with it, and one under a risk accepted (and not
// expired at now) is marked accepted, which the framework summaries count
// apart. It is never counted as passing.
func ReportAt(latest map[string]Result, exceptions []Exception, framework string, now time.Time) (StatusReport, error) {
	if framework != "" && !slices.Contains(FrameworkKeys, framework) {
		return StatusReport{}, ErrUnknownFramework
	}
	cat, err := Catalog()
	if err != nil {
		return StatusReport{}, err
	}
	active := map[string]Exception{}
	for _, e := range exceptions {
		if e.Active() {
			active[e.Control] = e
		}
	}
	rep := StatusReport{Overall: Passing, Controls: []ControlStatus{}, Summaries: []FrameworkSummary{}}
	for _, c := range cat {
		fw := c.Frameworks
		if framework != "" {
			crit, ok := fw[framework]
			if !ok {
				continue
			}
			fw = map[string][]string{framework: crit}
		}
		cs := ControlStatus{ID: c.ID, Name: c.Name, Status: Error, Detail: NotChecked, Frameworks: fw}
		if r, ok := latest[c.ID]; ok {
			at := r.CheckedAt
			cs.Status, cs.Detail, cs.CheckedAt = r.Status, r.Detail, &at
			if cs.Status == Passing {
				cs.Detail = ""
			}
			if rep.LastRun == nil || at.After(*rep.LastRun) {
				rep.LastRun = &at
			}
		}
		if e, ok := active[c.ID]; ok {
			cs.Exception = &ExceptionRef{ID: e.ID, State: e.State, Owner: e.Owner, Due: e.Due}
			if e.State == ExceptionAccepted {
				cs.Exception.AcceptedUntil = e.AcceptedUntil
			}
			cs.Accepted = e.AcceptedAt(now) && (cs.Status == Warning || cs.Status == Failing)
		}
		rep.Overall = Worst(rep.Overall, cs.Status)
		rep.Controls = append(rep.Controls, cs)
	}
	fws, err := Frameworks()
	if err != nil {
		return StatusReport{}, err
	}
	for _, fw := range fws {
		if framework != "" && fw.Key != framework {
			continue
		}
		rep.Summaries = append(rep.Summaries, summarize(fw, rep.Controls))
	}
	return rep, nil
}

// summarize counts fw's criteria by the worst status of their controls.
func summarize(fw Framework, controls []ControlStatus) FrameworkSummary {
	sum := FrameworkSummary{Framework: fw.Key, Title: fw.Title, Criteria: []CriterionStatus{}}
	byCrit := map[string]*CriterionStatus{}
	var order []string
	for _, c := range controls {
		st := c.Status
		if c.Accepted {
			st = Accepted
		}
		for _, crit := range c.Frameworks[fw.Key] {
			cs, ok := byCrit[crit]
			if !ok {
				cs = &CriterionStatus{Criterion: crit, Status: Passing}
				byCrit[crit] = cs
				order = append(order, crit)
			}
			cs.Controls = append(cs.Controls, c.ID)
			if criterionRank(st) > criterionRank(cs.Status) {
				cs.Status = st
			}
		}
	}
	slices.Sort(order)
	for _, crit := range order {
		cs := byCrit[crit]
		sum.Covered++
		switch cs.Status {
		case Passing:
			sum.Passing++
		case Accepted:
			sum.Accepted++
		case Warning:
			sum.Warning++
		case Failing:
			sum.Failing++
		default:
			sum.Error++
		}
		sum.Criteria = append(sum.Criteria, *cs)
	}
	return sum
}

// SummariesAt is every framework's summary as GET /v1/compliance/status
// would have answered at at: latest holds each control's newest result
// before at, and each exception counts in the state its events had
// reached by at (ExceptionsAt). An audit package counts its frameworks
// with it, so the package and the status route share one definition.
func SummariesAt(latest map[string]Result, exceptions []Exception, at time.Time) ([]FrameworkSummary, error) {
	rep, err := ReportAt(latest, ExceptionsAt(exceptions, at), "", at)
	if err != nil {
		return nil, err
	}
	return rep.Summaries, nil
}

// ExceptionsAt returns the exceptions as they stood at at: each in the
// state of its last event at or before at, and none opened after it. An
// accepted risk keeps its stored expiry: a later acceptance of the same
// exception replaces it, and the stored events do not keep each one's.
func ExceptionsAt(exceptions []Exception, at time.Time) []Exception {
	var out []Exception
	for _, e := range exceptions {
		state := ""
		for _, ev := range e.Events {
			if ev.At.After(at) {
				break
			}
			state = ev.State
		}
		if state == "" {
			continue
		}
		e.State = state
		out = append(out, e)
	}
	return out
}
