package audit

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/agentgate/agentgate/shared/evidence"
)

// Statuses of a control check, worst last.
const (
	StatusPassing = "passing"
	StatusWarning = "warning"
	StatusFailing = "failing"
	StatusError   = "error"
)

func statusRank(s string) int {
	switch s {
	case StatusPassing:
		return 1
	case StatusWarning:
		return 2
	case StatusFailing:
		return 3
	case StatusError:
		return 4
	}
	return 0
}

// ControlResult is one run of one control check.
type ControlResult struct {
	Control    string              `json:"control"`
	Name       string              `json:"name"`
	Status     string              `json:"status"`
	Detail     string              `json:"detail,omitempty"`
	Frameworks map[string][]string `json:"frameworks,omitempty"`
	At         time.Time           `json:"at"`
}

// ControlSource returns control results: those with At in [from, to), plus
// each control's last result before from (so the status the period starts
// in is known), oldest first.
type ControlSource interface {
	ControlResults(ctx context.Context, tenant string, from, to time.Time) ([]ControlResult, error)
}

// Table is a register as rows of text under a header.
type Table struct {
	Header []string
	Rows   [][]string
}

// Register names, one CSV each.
const (
	RegisterVendors         = "vendors"
	RegisterAccessReviews   = "access-reviews"
	RegisterModelChanges    = "model-changes"
	RegisterAdversarialRuns = "adversarial-runs"
	RegisterBiasRuns        = "bias-runs"
	RegisterRunbooks        = "incident-runbooks"
	RegisterDatasets        = "training-datasets"
	RegisterOutputReviews   = "output-reviews"
)

// Registers lists the registers every package holds, in the report's order.
var Registers = []string{RegisterVendors, RegisterAccessReviews, RegisterModelChanges, RegisterAdversarialRuns,
	RegisterBiasRuns, RegisterRunbooks, RegisterDatasets, RegisterOutputReviews}

// RegisterSource returns a register's records relevant to [from, to): the
// current vendor list, reviews, changes and runs within the period.
type RegisterSource interface {
	Register(ctx context.Context, tenant, name string, from, to time.Time) (Table, error)
}

// RegisterHeaders are each register's columns: the register source writes
// them, and they are written alone when no source is wired, so every
// package has the same files and an auditor sees the register is empty.
var RegisterHeaders = map[string][]string{
	RegisterVendors:         {"id", "name", "providers", "dpa", "soc2ReportDate", "nextReviewDue", "sla", "fallback", "updatedBy", "updatedAt"},
	RegisterAccessReviews:   {"id", "scope", "reviewer", "date", "findings", "principals", "recordedBy", "recordedAt"},
	RegisterModelChanges:    {"version", "provider", "status", "fineTuned", "benchmarks", "submittedBy", "submittedAt", "approvedBy", "approvedAt", "rolledBackBy", "rolledBackAt", "rollbackReason"},
	RegisterAdversarialRuns: {"id", "ranAt", "ranBy", "policyHash", "attacks", "detected", "detectionRate", "benign", "falsePositives", "falsePositiveRate", "reportSha256", "evidence"},
	RegisterBiasRuns:        {"id", "modelVersion", "groups", "metric", "comparison", "threshold", "result", "passed", "date", "notes", "recordedBy", "recordedAt"},
	RegisterRunbooks:        {"id", "name", "scope", "owner", "location", "lastDrill", "drillNotes", "updatedBy", "updatedAt"},
	RegisterDatasets:        {"id", "name", "modelVersions", "consentBasis", "tenantIsolation", "source", "reviewedAt", "updatedBy", "updatedAt"},
	RegisterOutputReviews:   {"id", "from", "to", "reviewed", "sampleRate", "reviewer", "findings", "recordedBy", "recordedAt"},
}

var registerFiles = map[string]string{
	RegisterVendors:         FileVendors,
	RegisterAccessReviews:   FileAccessReviews,
	RegisterModelChanges:    FileModelChanges,
	RegisterAdversarialRuns: FileAdversarialRuns,
	RegisterBiasRuns:        FileBiasRuns,
	RegisterRunbooks:        FileRunbooks,
	RegisterDatasets:        FileDatasets,
	RegisterOutputReviews:   FileOutputReviews,
}

// controlEvidence links each control of the catalog to the package files
// that evidence it; every control also links its results in
// control-results.csv (ControlEvidence).
var controlEvidence = map[string][]string{
	"CC6.1":         {FileExceptions},
	"CC6.2":         {FileAccessReviews},
	"CC6.6":         {FileBundles, FileReport + "#decisions"},
	"CC8.1":         {FileModelChanges, FileBundles},
	"CC9.2":         {FileVendors},
	"PI1.1":         {FileBundles, FileManifest + "#chains"},
	"CC4.1":         {FileAdversarialRuns},
	"C1.2":          {FileManifest + "#period"},
	"A1.2":          {FileBundles},
	"PI1.3":         {FileBiasRuns, FileBundles},
	"CC7.4":         {FileRunbooks},
	"A1.1":          {FileVendors, FileBundles},
	"C1.1":          {FileDatasets, FileModelChanges},
	"PI1.4":         {FileOutputReviews, FileBundles},
	"CC6.1-secrets": {},
	"CC7.1":         {},
	"CC6.7":         {},
}

// ControlEvidence is the package files that evidence a control: its own
// (registers, bundles) and its results. A control of no known kind links
// its results alone.
func ControlEvidence(control string) []string {
	return append(slices.Clone(controlEvidence[control]), FileControlResults+"#"+control)
}

// csvBytes renders a table. Cells that a spreadsheet would run as a formula
// are prefixed with a quote: auditors open these files in spreadsheets.
func csvBytes(header []string, rows [][]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(header)
	for _, r := range rows {
		out := make([]string, len(r))
		for i, c := range r {
			out[i] = csvSafe(c)
		}
		_ = w.Write(out)
	}
	w.Flush()
	return buf.Bytes()
}

func csvSafe(c string) string {
	if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}

// MatrixRow is one criterion → control row of the control matrix.
type MatrixRow struct {
	Framework string         `json:"framework"`
	Criterion string         `json:"criterion"`
	Control   string         `json:"control"`
	Name      string         `json:"name"`
	Runs      int            `json:"runs"`
	Counts    map[string]int `json:"counts"`
	// StartStatus is the status the period began in ("" if unknown);
	// FinalStatus the last result; WorstStatus the worst in the period.
	StartStatus string   `json:"startStatus,omitempty"`
	FinalStatus string   `json:"finalStatus,omitempty"`
	WorstStatus string   `json:"worstStatus,omitempty"`
	LastRun     string   `json:"lastRun,omitempty"`
	Changes     []Change `json:"changes"`
	Exceptions  int      `json:"exceptions"`
	Evidence    []string `json:"evidence"`
	timeline    []ControlResult
}

// Change is a status transition within the period.
type Change struct {
	At     string `json:"at"`
	Status string `json:"status"`
	Detail string `json:"detail,omitempty"`
}

// Exception is a period during which a control failed (or could not run).
type Exception struct {
	Control    string `json:"control"`
	Name       string `json:"name"`
	Status     string `json:"status"`
	Opened     string `json:"opened"`
	Remediated string `json:"remediated,omitempty"`
	Detail     string `json:"detail,omitempty"`
}

// controlView is the per-control digest of the results.
type controlView struct {
	id, name   string
	frameworks map[string][]string
	before     *ControlResult
	runs       []ControlResult
}

func groupControls(results []ControlResult, from time.Time) []*controlView {
	byID := map[string]*controlView{}
	var order []string
	sorted := slices.Clone(results)
	slices.SortStableFunc(sorted, func(a, b ControlResult) int { return a.At.Compare(b.At) })
	for i := range sorted {
		r := sorted[i]
		v, ok := byID[r.Control]
		if !ok {
			v = &controlView{id: r.Control}
			byID[r.Control] = v
			order = append(order, r.Control)
		}
		if r.Name != "" {
			v.name = r.Name
		}
		if len(r.Frameworks) > 0 {
			v.frameworks = r.Frameworks
		}
		if r.At.Before(from) {
			v.before = &r
			continue
		}
		v.runs = append(v.runs, r)
	}
	slices.Sort(order)
	out := make([]*controlView, len(order))
	for i, id := range order {
		out[i] = byID[id]
	}
	return out
}

func exceptionsOf(views []*controlView) []Exception {
	var out []Exception
	for _, v := range views {
		var open *Exception
		seq := v.runs
		if v.before != nil {
			seq = append([]ControlResult{*v.before}, seq...)
		}
		for _, r := range seq {
			bad := statusRank(r.Status) >= statusRank(StatusFailing)
			switch {
			case bad && open == nil:
				open = &Exception{Control: v.id, Name: v.name, Status: r.Status, Opened: r.At.UTC().Format(time.RFC3339), Detail: r.Detail}
			case bad && statusRank(r.Status) > statusRank(open.Status):
				open.Status = r.Status
			case !bad && open != nil:
				open.Remediated = r.At.UTC().Format(time.RFC3339)
				out = append(out, *open)
				open = nil
			}
		}
		if open != nil {
			out = append(out, *open)
		}
	}
	return out
}

func matrixOf(views []*controlView, frameworks []string, exc []Exception) []MatrixRow {
	var rows []MatrixRow
	for _, v := range views {
		base := MatrixRow{Control: v.id, Name: v.name, Counts: map[string]int{}, Changes: []Change{}, timeline: v.runs}
		if v.before != nil {
			base.StartStatus = v.before.Status
		}
		last := base.StartStatus
		for _, r := range v.runs {
			base.Runs++
			base.Counts[r.Status]++
			if statusRank(r.Status) > statusRank(base.WorstStatus) {
				base.WorstStatus = r.Status
			}
			base.FinalStatus = r.Status
			base.LastRun = r.At.UTC().Format(time.RFC3339)
			if r.Status != last {
				base.Changes = append(base.Changes, Change{At: base.LastRun, Status: r.Status, Detail: r.Detail})
				last = r.Status
			}
		}
		for _, e := range exc {
			if e.Control == v.id {
				base.Exceptions++
			}
		}
		base.Evidence = ControlEvidence(v.id)
		if base.Exceptions > 0 {
			base.Evidence = append(base.Evidence, FileExceptions+"#"+v.id)
		}
		crit := v.frameworks
		if len(crit) == 0 {
			crit = map[string][]string{"agentgate": {v.id}}
		}
		fws := make([]string, 0, len(crit))
		for fw := range crit {
			fws = append(fws, fw)
		}
		slices.Sort(fws)
		for _, fw := range fws {
			if len(frameworks) > 0 && !slices.Contains(frameworks, strings.ToLower(fw)) {
				continue
			}
			for _, c := range crit[fw] {
				r := base
				r.Framework, r.Criterion = fw, c
				rows = append(rows, r)
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b MatrixRow) int {
		if c := strings.Compare(a.Framework, b.Framework); c != 0 {
			return c
		}
		if c := strings.Compare(a.Criterion, b.Criterion); c != 0 {
			return c
		}
		return strings.Compare(a.Control, b.Control)
	})
	return rows
}

func matrixCSV(rows []MatrixRow) []byte {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = []string{r.Framework, r.Criterion, r.Control, r.Name, fmt.Sprint(r.Runs),
			fmt.Sprint(r.Counts[StatusPassing]), fmt.Sprint(r.Counts[StatusWarning]), fmt.Sprint(r.Counts[StatusFailing]), fmt.Sprint(r.Counts[StatusError]),
			r.StartStatus, r.WorstStatus, r.FinalStatus, r.LastRun, fmt.Sprint(r.Exceptions), strings.Join(r.Evidence, " ")}
	}
	return csvBytes([]string{"framework", "criterion", "control", "name", "runs", "passing", "warning", "failing", "error",
		"startStatus", "worstStatus", "finalStatus", "lastRun", "exceptions", "evidence"}, out)
}

// matrixJSON is control-matrix.json: the rows, and the framework summaries
// when the build had them (omitted otherwise: absent, not zero).
func matrixJSON(m *Manifest, rows []MatrixRow, summaries []FrameworkSummary) ([]byte, error) {
	if rows == nil {
		rows = []MatrixRow{}
	}
	return json.MarshalIndent(struct {
		Tenant     string             `json:"tenant"`
		Period     Period             `json:"period"`
		Frameworks []string           `json:"frameworks"`
		Summaries  []FrameworkSummary `json:"summaries,omitempty"`
		Rows       []MatrixRow        `json:"rows"`
	}{m.Tenant, m.Period, m.Frameworks, summaries, rows}, "", "  ")
}

// controlResultsCSV lists each control's result at the period's start and
// every result in the period whose status or detail differs from the one
// before: the findings, as they changed, without a row per run.
func controlResultsCSV(views []*controlView) []byte {
	var rows [][]string
	for _, v := range views {
		seq := v.runs
		if v.before != nil {
			seq = append([]ControlResult{*v.before}, seq...)
		}
		for i, r := range seq {
			if i > 0 && r.Status == seq[i-1].Status && r.Detail == seq[i-1].Detail {
				continue
			}
			rows = append(rows, []string{v.id, v.name, r.At.UTC().Format(time.RFC3339), r.Status, r.Detail})
		}
	}
	return csvBytes([]string{"control", "name", "checkedAt", "status", "detail"}, rows)
}

func exceptionsCSV(exc []Exception) []byte {
	rows := make([][]string, len(exc))
	for i, e := range exc {
		rows[i] = []string{e.Control, e.Name, e.Status, e.Opened, e.Remediated, e.Detail}
	}
	return csvBytes([]string{"control", "name", "status", "opened", "remediated", "detail"}, rows)
}

// dayStats counts validations and decisions per UTC day of the period.
type dayStats struct {
	from, to  string // entry timestamps bounding the period
	start     time.Time
	days      []dayCount
	models    map[string]*int64
	entries   int64
	outOfDays int64
	// earlier counts the period's entries that earlier packages hold, by
	// the package that holds them ("" for packages before the previous one,
	// whose ids this build does not know).
	earlier map[string]int64
}

type dayCount struct {
	Day                                      string
	Validations, Allow, Redact, Block, Other int64
}

// maxDays bounds the per-day series (about three years).
const maxDays = 1100

func newDayStats(from, to time.Time) *dayStats {
	s := &dayStats{from: evidence.FormatTime(from), to: evidence.FormatTime(to), models: map[string]*int64{}, earlier: map[string]int64{}}
	s.start = time.Date(from.UTC().Year(), from.UTC().Month(), from.UTC().Day(), 0, 0, 0, 0, time.UTC)
	for d := s.start; d.Before(to) && len(s.days) < maxDays; d = d.AddDate(0, 0, 1) {
		s.days = append(s.days, dayCount{Day: d.Format("2006-01-02")})
	}
	return s
}

// add counts one entry if it lies in the period and says whether it did.
// Entry timestamps are fixed-width UTC, so string comparison is time
// comparison.
func (s *dayStats) add(e *evidence.Entry) bool {
	if e.TS < s.from || e.TS >= s.to {
		return false
	}
	s.entries++
	t, err := time.Parse(evidence.TimeFormat, e.TS)
	if err != nil {
		return true
	}
	i := int(t.Sub(s.start) / (24 * time.Hour))
	if i < 0 || i >= len(s.days) {
		s.outOfDays++
		return true
	}
	d := &s.days[i]
	if e.Kind == evidence.KindValidate || e.Kind == evidence.KindReplay {
		d.Validations++
	}
	switch e.Decision {
	case "allow":
		d.Allow++
	case "redact":
		d.Redact++
	case "block":
		d.Block++
	default:
		d.Other++
	}
	if e.ModelVersion != "" {
		// Only look up with e's strings: they alias a reused buffer, and a
		// map assignment would store the aliasing key.
		if n, ok := s.models[e.ModelVersion]; ok {
			*n++
		} else if len(s.models) < 1000 {
			s.models[strings.Clone(e.ModelVersion)] = new(int64(1))
		}
	}
	return true
}
