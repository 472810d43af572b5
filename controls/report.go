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
}

// StatusReport is the documented GET /v1/compliance/status shape.
type StatusReport struct {
	Overall  Status          `json:"overall"`
	LastRun  *time.Time      `json:"lastRun"`
	Controls []ControlStatus `json:"controls"`
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
	if framework != "" && !slices.Contains(FrameworkKeys, framework) {
		return StatusReport{}, ErrUnknownFramework
	}
	cat, err := Catalog()
	if err != nil {
		return StatusReport{}, err
	}
	rep := StatusReport{Overall: Passing, Controls: []ControlStatus{}}
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
		rep.Overall = Worst(rep.Overall, cs.Status)
		rep.Controls = append(rep.Controls, cs)
	}
	return rep, nil
}
