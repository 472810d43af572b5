package audit

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"
	"time"
)

// writeReports adds every file but the bundles, the bundle index and the
// manifest: the control matrix, exceptions, registers, report and VERIFY.txt.
func (b *Builder) writeReports(ctx context.Context, req Request, m *Manifest, stats *dayStats, zw *zipOut) error {
	var results []ControlResult
	if b.Controls != nil {
		var err error
		if results, err = b.Controls.ControlResults(ctx, req.Tenant, req.From, req.To); err != nil {
			return fmt.Errorf("control results: %w", err)
		}
	}
	views := groupControls(results, req.From)
	exc := exceptionsOf(views)
	rows := matrixOf(views, m.Frameworks, exc)
	summaries, err := b.summaries(ctx, req, m)
	if err != nil {
		return err
	}
	mj, err := matrixJSON(m, rows, summaries)
	if err != nil {
		return err
	}
	registers := map[string]Table{}
	for _, name := range Registers {
		t := Table{Header: RegisterHeaders[name]}
		if b.Registers != nil {
			got, err := b.Registers.Register(ctx, req.Tenant, name, req.From, req.To)
			if err != nil {
				return fmt.Errorf("register %s: %w", name, err)
			}
			if len(got.Header) > 0 {
				t = got
			}
		}
		registers[name] = t
	}
	files := []struct {
		name string
		body []byte
	}{
		{FileMatrixCSV, matrixCSV(rows)},
		{FileMatrixJSON, mj},
		{FileExceptions, exceptionsCSV(exc)},
		{FileControlResults, controlResultsCSV(views)},
	}
	for _, name := range Registers {
		files = append(files, struct {
			name string
			body []byte
		}{registerFiles[name], csvBytes(registers[name].Header, registers[name].Rows)})
	}
	html, err := renderReport(m, views, rows, summaries, exc, stats, registers, b.Controls != nil, b.Registers != nil)
	if err != nil {
		return err
	}
	files = append(files, struct {
		name string
		body []byte
	}{FileReport, html}, struct {
		name string
		body []byte
	}{FileVerify, []byte(verifyText(m))})
	for _, f := range files {
		if err := zw.add(f.name, f.body); err != nil {
			return err
		}
	}
	return nil
}

// FrameworkSummary is one framework's criteria counted by status, as GET
// /v1/compliance/status?framework= counts them: the controls package
// computes it (controls.SummariesAt) and the package shows it as given, so
// the two never count differently.
type FrameworkSummary struct {
	Framework string `json:"framework"`
	Title     string `json:"title,omitempty"`
	Covered   int    `json:"covered"`
	Passing   int    `json:"passing"`
	Warning   int    `json:"warning"`
	Failing   int    `json:"failing"`
	Accepted  int    `json:"accepted"`
	Error     int    `json:"error"`
}

// Verdict is the worst status any of the framework's criteria has: an
// error (a criterion nobody could check) first, then failing, warning,
// accepted and passing ("none": no criterion covered).
func (s FrameworkSummary) Verdict() string {
	for _, c := range []struct {
		n      int
		status string
	}{{s.Error, StatusError}, {s.Failing, StatusFailing}, {s.Warning, StatusWarning}, {s.Accepted, "accepted"}, {s.Passing, StatusPassing}} {
		if c.n > 0 {
			return c.status
		}
	}
	return "none"
}

// SummarySource is what a ControlSource also implements when it can count
// the frameworks as they stood at a time (the end of the period, or the
// build if the period has not ended).
type SummarySource interface {
	FrameworkSummaries(ctx context.Context, tenant string, at time.Time) ([]FrameworkSummary, error)
}

// summaries returns the framework summaries at the period's end (or the
// build time, if sooner), of the package's frameworks (every one if it
// names none); nil when the control source cannot count them.
func (b *Builder) summaries(ctx context.Context, req Request, m *Manifest) ([]FrameworkSummary, error) {
	src, ok := b.Controls.(SummarySource)
	if !ok {
		return nil, nil
	}
	at := req.To
	if created, err := time.Parse(time.RFC3339Nano, m.CreatedAt); err == nil && created.Before(at) {
		at = created
	}
	all, err := src.FrameworkSummaries(ctx, req.Tenant, at)
	if err != nil {
		return nil, fmt.Errorf("framework summaries: %w", err)
	}
	out := []FrameworkSummary{}
	for _, s := range all {
		if len(m.Frameworks) == 0 || slices.Contains(m.Frameworks, strings.ToLower(s.Framework)) {
			out = append(out, s)
		}
	}
	return out, nil
}

// statusColor is the one palette of the report (colour-blind safe-ish:
// passing and failing also differ in lightness).
var statusColor = map[string]string{
	StatusPassing: "#2e7d32",
	StatusWarning: "#f9a825",
	StatusFailing: "#c62828",
	StatusError:   "#6a1b9a",
	"":            "#e0e0e0",
}

type svgRect struct {
	X, Y, W, H   float64
	Fill, Class  string
	Title, Attrs string
}

type svgText struct {
	X, Y   float64
	Anchor string
	Text   string
	Rotate bool // vertical (an axis title)
}

type chart struct {
	ID, Title string
	W, H      float64
	Rects     []svgRect
	Texts     []svgText
}

// Charts are drawn for the page's full width (the SVG scales to it, so
// text keeps about its size): chartW in user units, chartRight the room
// the last day label needs.
const chartW, chartRight = 1060.0, 76.0

// statusChart is a grid: a row per control, a column per day, each cell the
// worst status that day (or the status carried from the last run).
func statusChart(views []*controlView, days []dayCount) chart {
	const left, top, cellH = 70.0, 24.0, 18.0
	n := max(len(days), 1)
	cellW := max(2.0, (chartW-left-chartRight)/float64(n))
	c := chart{ID: "chart-control-status", Title: "Control status over time", W: left + cellW*float64(n) + chartRight, H: top + cellH*float64(max(len(views), 1)) + 30}
	for i, v := range views {
		y := top + cellH*float64(i)
		c.Texts = append(c.Texts, svgText{X: left - 6, Y: y + cellH*0.7, Anchor: "end", Text: v.id})
		status := ""
		if v.before != nil {
			status = v.before.Status
		}
		k := 0
		for d, day := range days {
			worst := ""
			for k < len(v.runs) && v.runs[k].At.UTC().Format("2006-01-02") <= day.Day {
				if v.runs[k].At.UTC().Format("2006-01-02") == day.Day && statusRank(v.runs[k].Status) > statusRank(worst) {
					worst = v.runs[k].Status
				}
				status = v.runs[k].Status
				k++
			}
			if worst == "" {
				worst = status
			}
			c.Rects = append(c.Rects, svgRect{
				X: left + cellW*float64(d), Y: y + 1, W: cellW - 0.5, H: cellH - 2,
				Fill: statusColor[worst], Class: "cell status-" + orNone(worst),
				Title: fmt.Sprintf("%s %s: %s", v.id, day.Day, orNone(worst)),
			})
		}
	}
	addDayAxis(&c, days, left, cellW, c.H-10)
	return c
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// decisionChart stacks allow / redact / block (and other) per day.
func decisionChart(days []dayCount) chart {
	const left, top, plotH = 70.0, 24.0, 180.0
	n := max(len(days), 1)
	barW := max(2.0, (chartW-left-chartRight)/float64(n))
	c := chart{ID: "chart-decisions", Title: "Validations and decisions per day", W: left + barW*float64(n) + chartRight, H: top + plotH + 30}
	var peak int64 = 1
	for _, d := range days {
		peak = max(peak, d.Allow+d.Redact+d.Block+d.Other)
	}
	// Ticks at 0, half and the peak, with gridlines, and the axis named.
	for _, v := range []int64{0, peak / 2, peak} {
		if v == peak/2 && (v == 0 || v == peak) {
			continue
		}
		y := top + plotH - plotH*float64(v)/float64(peak)
		c.Texts = append(c.Texts, svgText{X: left - 6, Y: y + 4, Anchor: "end", Text: fmt.Sprint(v)})
		c.Rects = append(c.Rects, svgRect{X: left, Y: y, W: barW * float64(n), H: 0.6, Fill: "#bdbdbd", Class: "grid"})
	}
	c.Texts = append(c.Texts, svgText{X: 14, Y: top + plotH/2, Anchor: "middle", Text: "calls", Rotate: true})
	for i, d := range days {
		x := left + barW*float64(i)
		y := top + plotH
		for _, part := range []struct {
			n     int64
			class string
			fill  string
		}{{d.Allow, "allow", "#2e7d32"}, {d.Redact, "redact", "#f9a825"}, {d.Block, "block", "#c62828"}, {d.Other, "other", "#757575"}} {
			if part.n == 0 {
				continue
			}
			h := plotH * float64(part.n) / float64(peak)
			y -= h
			c.Rects = append(c.Rects, svgRect{X: x + barW*0.1, Y: y, W: max(barW*0.8, 1.5), H: h, Fill: part.fill, Class: "bar decision-" + part.class,
				Title: fmt.Sprintf("%s: %d %s", d.Day, part.n, part.class)})
		}
	}
	addDayAxis(&c, days, left, barW, c.H-10)
	return c
}

func addDayAxis(c *chart, days []dayCount, left, w, y float64) {
	if len(days) == 0 {
		return
	}
	// At least ~72 px between labels, and at most about six of them.
	step := max(1, len(days)/6, int(72/w)+1)
	for i := 0; i < len(days); i += step {
		t := svgText{X: left + w*float64(i), Y: y, Anchor: "start", Text: days[i].Day}
		if w >= 72 { // a label fits under its own column: centre it there
			t.X, t.Anchor = t.X+w/2, "middle"
		}
		c.Texts = append(c.Texts, t)
	}
}

type reportData struct {
	M               *Manifest
	Rows            []MatrixRow
	Frameworks      []frameworkSection
	Summaries       []FrameworkSummary
	Changed         []MatrixRow
	Open, Closed    int
	Fingerprint     string
	HasDays         bool
	PrevSeq         int64
	Witnessed       []chainWitness
	Exceptions      []Exception
	Status, Decide  chart
	Totals          dayCount
	Entries         int64
	Earlier         []earlierCount
	EarlierTotal    int64
	Models          []string
	Registers       []registerSummary
	NoControls      bool
	Generated       string
	ChainsTotal     int64
	Legend          []legendItem
	DecisionsLegend []legendItem
}

// frameworkSection is one framework of the matrix: its rows in natural
// order of criterion, under the verdict of its summary ("" when the build
// had none).
type frameworkSection struct {
	Framework string
	Verdict   string
	Rows      []MatrixRow
}

// naturalCompare orders ids as people read them: "CC6.10" after "CC6.2",
// "Art.5(1)(b)" after "Art.5(1)(a)", "A.10.3" after "A.9.1".
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitsPrefix(a), digitsPrefix(b)
		if da != "" && db != "" {
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if len(na) != len(nb) {
				return len(na) - len(nb)
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digitsPrefix(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// frameworkSections groups the matrix by framework (in the manifest's order,
// then any other), each sorted by criterion in natural order, then control.
func frameworkSections(rows []MatrixRow, order []string, summaries []FrameworkSummary) []frameworkSection {
	by := map[string][]MatrixRow{}
	var names []string
	for _, r := range rows {
		if _, ok := by[r.Framework]; !ok {
			names = append(names, r.Framework)
		}
		by[r.Framework] = append(by[r.Framework], r)
	}
	rank := func(f string) int {
		if i := slices.Index(order, f); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(names, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	out := make([]frameworkSection, 0, len(names))
	for _, f := range names {
		rs := by[f]
		slices.SortStableFunc(rs, func(a, b MatrixRow) int {
			if c := naturalCompare(a.Criterion, b.Criterion); c != 0 {
				return c
			}
			return naturalCompare(a.Control, b.Control)
		})
		sec := frameworkSection{Framework: f, Rows: rs}
		for _, s := range summaries {
			if s.Framework == f {
				sec.Verdict = s.Verdict()
			}
		}
		out = append(out, sec)
	}
	return out
}

// chainWitness is one chain's checkpoint and the witnesses that cosigned it.
type chainWitness struct {
	Chain     string
	Witnesses []string
}

// cosigners names the witnesses whose cosignature lines a cosigned note
// carries: every signature line but the log's own (named as the origin,
// the note's first line).
func cosigners(note string) []string {
	text, sigs, ok := strings.Cut(note, "\n\n")
	if !ok {
		return nil
	}
	origin, _, _ := strings.Cut(text, "\n")
	var out []string
	for _, line := range strings.Split(sigs, "\n") {
		rest, ok := strings.CutPrefix(line, "\u2014 ")
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(rest, " ")
		if name != origin && name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

type registerSummary struct {
	Name, File string
	Rows       int
	Missing    bool
}

type legendItem struct{ Label, Color string }

// earlierCount is how many of the period's entries a package before this
// one holds (ID "" for the packages before the previous one).
type earlierCount struct {
	ID string
	N  int64
}

func renderReport(m *Manifest, views []*controlView, rows []MatrixRow, summaries []FrameworkSummary, exc []Exception, stats *dayStats, regs map[string]Table, haveControls, haveRegisters bool) ([]byte, error) {
	d := reportData{M: m, Rows: rows, Exceptions: exc, NoControls: !haveControls, Generated: m.CreatedAt,
		Status: statusChart(views, stats.days), Decide: decisionChart(stats.days), Entries: stats.entries,
		Frameworks: frameworkSections(rows, m.Frameworks, summaries), PrevSeq: m.Sequence - 1, Summaries: summaries}
	seen := map[string]bool{}
	for _, r := range rows {
		if !seen[r.Control] && r.StartStatus != r.FinalStatus {
			seen[r.Control] = true
			d.Changed = append(d.Changed, r)
		}
	}
	slices.SortStableFunc(d.Changed, func(a, b MatrixRow) int { return naturalCompare(a.Control, b.Control) })
	for _, e := range exc {
		if e.Remediated == "" {
			d.Open++
		} else {
			d.Closed++
		}
	}
	for _, c := range m.Chains {
		if c.Checkpoint != nil && c.Checkpoint.Cosigned != "" {
			d.Witnessed = append(d.Witnessed, chainWitness{Chain: c.Chain, Witnesses: cosigners(c.Checkpoint.Cosigned)})
		}
	}
	if fp, err := KeyFingerprint(m.PublicKey); err == nil {
		d.Fingerprint = fp
	}
	for _, day := range stats.days {
		d.Totals.Validations += day.Validations
		d.Totals.Allow += day.Allow
		d.Totals.Redact += day.Redact
		d.Totals.Block += day.Block
		d.Totals.Other += day.Other
	}
	d.HasDays = d.Totals.Allow+d.Totals.Redact+d.Totals.Block+d.Totals.Other > 0
	for id, n := range stats.earlier {
		d.Earlier = append(d.Earlier, earlierCount{ID: id, N: n})
		d.EarlierTotal += n
	}
	slices.SortFunc(d.Earlier, func(a, b earlierCount) int { return strings.Compare(b.ID, a.ID) })
	for mv, n := range stats.models {
		d.Models = append(d.Models, fmt.Sprintf("%s (%d)", mv, *n))
	}
	slices.Sort(d.Models)
	for _, c := range m.Chains {
		d.ChainsTotal += c.NextSeq - c.FirstSeq
	}
	for _, name := range Registers {
		d.Registers = append(d.Registers, registerSummary{Name: name, File: registerFiles[name], Rows: len(regs[name].Rows), Missing: !haveRegisters})
	}
	for _, s := range []string{StatusPassing, StatusWarning, StatusFailing, StatusError, ""} {
		d.Legend = append(d.Legend, legendItem{orNone(s), statusColor[s]})
	}
	d.DecisionsLegend = []legendItem{{"allow", "#2e7d32"}, {"redact", "#f9a825"}, {"block", "#c62828"}, {"other", "#757575"}}
	var buf bytes.Buffer
	if err := reportTmpl().Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("render report: %w", err)
	}
	return buf.Bytes(), nil
}

func f1(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

func shortTime(s string) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return s
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// The report is one file with no external resource of any kind: no
// scripts, fonts, images or stylesheets (the CSP forbids them), so it
// renders the same offline, years later, in any browser.
// It is parsed on first use, not at package init (docs/decisions/232).
var reportTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{"f": f1, "time": shortTime}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>agentgate audit package {{.M.ID}} — {{.M.Tenant}}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1100px;color:#212121;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}h3{font-size:1.02em;margin:1.2em 0 .3em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f5f5f5}.muted{color:#616161}.chart{width:100%;height:auto;display:block}.chart text{font-size:11px;fill:#424242}.chart-title{font-weight:600;font-size:12px}
.legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle}
.s-passing{color:#2e7d32}.s-warning{color:#8a6100}.s-failing{color:#c62828}.s-error{color:#6a1b9a}.s-accepted{color:#1565c0}code{font-size:12px;word-break:break-all}
.verdict{font-weight:600}.nodata{padding:1.5em;border:1px dashed #bdbdbd;text-align:center;color:#616161}
.cards{display:flex;flex-wrap:wrap;gap:.6em}.card{border:1px solid #ddd;border-radius:4px;padding:.4em .7em;min-width:12em}
@page{size:A4;margin:14mm}
@media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid;page-break-after:avoid}h3{break-after:avoid}
tr,.card,svg{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}a{color:inherit;text-decoration:none}
#matrix,#verification{break-before:page;page-break-before:always}.chart text{font-size:10px}}
</style>
</head>
<body>
<h1>Audit package {{.M.ID}}</h1>
<p>Tenant <b>{{.M.Tenant}}</b> · period {{.M.Period.From}} to {{.M.Period.To}} (end exclusive) · package #{{.M.Sequence}} · built {{time .Generated}}{{if .M.Frameworks}} · frameworks {{range $i, $f := .M.Frameworks}}{{if $i}}, {{end}}{{$f}}{{end}}{{end}}</p>
<p class="muted">Everything in this report is derived from the files beside it; <a href="VERIFY.txt">VERIFY.txt</a> explains how to check them without trusting agentgate.</p>

<h2 id="executive-summary">Executive summary</h2>
{{if .NoControls}}<p class="muted">No control results were available to this build.</p>{{end}}
<div class="cards">{{range .Summaries}}<div class="card framework-summary" id="summary-{{.Framework}}"><div><b>{{.Framework}}</b>{{if .Title}} <span class="muted">{{.Title}}</span>{{end}}</div><div class="verdict s-{{.Verdict}}">{{.Verdict}}</div><div><span class="covered">{{.Covered}} criteria covered</span>: <span class="s-passing">{{.Passing}} passing</span> · <span class="s-warning">{{.Warning}} warning</span> · <span class="s-failing">{{.Failing}} failing</span> · <span class="s-accepted">{{.Accepted}} accepted</span>{{if .Error}} · <span class="s-error">{{.Error}} not checked or in error</span>{{end}}</div></div>{{else}}<p class="muted">No framework summary was available to this build.</p>{{end}}</div>
{{if .Summaries}}<p class="muted">Criteria as they stood at the period's end (or when the package was built, if sooner), counted as <code>GET /v1/compliance/status?framework=</code> counts them: a criterion takes the worst status of its controls; a warning or failing control under a risk accepted and not expired counts as accepted, never as passing. The same counts are in <a href="control-matrix.json">control-matrix.json</a> (<code>summaries</code>).</p>{{end}}
<table>
<tr><th>Exceptions</th><td>{{.Open}} open · {{.Closed}} remediated (<a href="exceptions.csv">exceptions.csv</a>)</td></tr>
<tr><th>Validations in the period</th><td>{{.Totals.Validations}} (allow {{.Totals.Allow}} · redact {{.Totals.Redact}} · block {{.Totals.Block}}{{if .Totals.Other}} · other {{.Totals.Other}}{{end}}) in {{.Entries}} evidence entries of the period{{if .EarlierTotal}}, of which {{range $i, $e := .Earlier}}{{if $i}} and {{end}}<span class="earlier">{{$e.N}} are evidenced in {{if $e.ID}}package <code>{{$e.ID}}</code>{{else}}packages before the previous one{{end}}</span>{{end}} (counted here, carried there){{end}}; this package carries {{.ChainsTotal}} evidence entries in {{len .M.Chains}} chain(s)</td></tr>
<tr><th>Changed since the period began</th><td>{{range $i, $r := .Changed}}{{if $i}}; {{end}}{{$r.Control}} {{if $r.StartStatus}}<span class="s-{{$r.StartStatus}}">{{$r.StartStatus}}</span>{{else}}new{{end}} → <span class="s-{{$r.FinalStatus}}">{{$r.FinalStatus}}</span>{{else}}<span class="muted">no control changed status</span>{{end}}</td></tr>
<tr><th>Model versions seen</th><td>{{range $i, $m := .Models}}{{if $i}}, {{end}}{{$m}}{{else}}<span class="muted">none</span>{{end}}</td></tr>
<tr><th>Previous package</th><td>{{if eq .M.Sequence 1}}none: this is the tenant's first package{{else}}#{{.PrevSeq}}, hash <code>{{.M.PreviousPackageHash}}</code>; evidence archived before it is in that package, not this one{{end}}</td></tr>
</table>

<h2 id="status">Control status over time</h2>
{{if .NoControls}}<p class="nodata">No data: no control results were available to this build.</p>{{else}}
<p class="legend">{{range .Legend}}<span><i style="background:{{.Color}}"></i>{{.Label}}</span>{{end}}</p>
{{template "chart" .Status}}{{end}}

<h2 id="decisions">Validations and decisions per day</h2>
{{if .HasDays}}<p class="legend">{{range .DecisionsLegend}}<span><i style="background:{{.Color}}"></i>{{.Label}}</span>{{end}}</p>
{{template "chart" .Decide}}{{if .EarlierTotal}}<p class="muted">The whole period is counted, including the {{.EarlierTotal}} entries evidenced in earlier packages.</p>{{end}}{{else}}<p class="nodata">No data: the evidence holds no validation in the period.</p>{{end}}

<h2 id="matrix">Control matrix</h2>
<p class="muted">By framework, criteria in natural order. Each evidence reference is a file of this package (<a href="control-matrix.csv">control-matrix.csv</a>, <a href="control-matrix.json">control-matrix.json</a>).</p>
{{range .Frameworks}}<h3 id="matrix-{{.Framework}}">{{.Framework}}{{if .Verdict}} <span class="verdict s-{{.Verdict}}">{{.Verdict}}</span>{{end}}</h3>
<table>
<thead><tr><th>Criterion</th><th>Control</th><th>Runs</th><th>Start</th><th>Worst</th><th>Final</th><th>Exceptions</th><th>Evidence</th></tr></thead>
<tbody>{{range .Rows}}<tr><td>{{.Criterion}}</td><td>{{.Control}} {{.Name}}</td><td>{{.Runs}}</td><td class="s-{{.StartStatus}}">{{.StartStatus}}</td><td class="s-{{.WorstStatus}}">{{.WorstStatus}}</td><td class="s-{{.FinalStatus}}">{{.FinalStatus}}</td><td>{{.Exceptions}}</td><td>{{range .Evidence}}<a class="evidence" href="{{.}}"><code>{{.}}</code></a> {{end}}</td></tr>
{{end}}</tbody>
</table>
{{else}}<p class="nodata">No data: no control results in the period.</p>{{end}}

<h2 id="exceptions">Exceptions</h2>
<table>
<tr><th>Control</th><th>Status</th><th>Opened</th><th>Remediated</th><th>Detail</th></tr>
{{range .Exceptions}}<tr id="exception-{{.Control}}"><td>{{.Control}} {{.Name}}</td><td class="s-{{.Status}}">{{.Status}}</td><td>{{.Opened}}</td><td>{{if .Remediated}}{{.Remediated}}{{else}}<b>open</b>{{end}}</td><td>{{.Detail}}</td></tr>
{{else}}<tr><td colspan="5" class="muted">None.</td></tr>{{end}}
</table>

<h2 id="registers">Registers</h2>
<table>
<tr><th>Register</th><th>File</th><th>Records</th></tr>
{{range .Registers}}<tr><td>{{.Name}}</td><td><a href="{{.File}}"><code>{{.File}}</code></a></td><td>{{.Rows}}{{if .Missing}} <span class="muted">(register not available to this build)</span>{{end}}</td></tr>{{end}}
</table>

<h2 id="verification">Verification</h2>
<table>
<tr><th>Package hash</th><td>in <a href="manifest.json">manifest.json</a> (<code>packageHash</code>); this report is one of the files it covers, so it cannot print it</td></tr>
<tr><th>Signing key fingerprint (SHA-256 of the DER public key)</th><td>{{if .Fingerprint}}<code>{{.Fingerprint}}</code> — compare with the fingerprint your organisation obtained out of band{{else}}<span class="muted">no key in the manifest</span>{{end}}</td></tr>
<tr><th>Previous package hash</th><td><code>{{.M.PreviousPackageHash}}</code></td></tr>
<tr><th>Witnesses</th><td>{{range $i, $w := .Witnessed}}{{if $i}}; {{end}}{{$w.Chain}}: {{range $j, $n := $w.Witnesses}}{{if $j}}, {{end}}<code>{{$n}}</code>{{else}}<span class="muted">none</span>{{end}}{{else}}<span class="muted">no checkpoint in this package was cosigned by a witness</span>{{end}}{{if .Witnessed}} — add <code>--witness NAME+KEY</code> (the witness's verifier key, obtained out of band) to the command below to require their cosignatures{{end}}</td></tr>
<tr><th>Verify</th><td><code>agentgate verify THIS.zip --fingerprint {{if .Fingerprint}}{{.Fingerprint}}{{else}}SHA256{{end}}{{if ne .M.Sequence 1}} --previous PREVIOUS.zip{{end}}</code>, or by hand as <a href="VERIFY.txt">VERIFY.txt</a> says</td></tr>
</table>
<h3 id="chains">Evidence chains and checkpoints</h3>
<table>
<tr><th>Chain</th><th>Seqs</th><th>Bundles</th><th>First / last entry</th><th>Signed checkpoint</th></tr>
{{range .M.Chains}}<tr><td>{{.Chain}}</td><td>{{.FirstSeq}}–{{.NextSeq}} (end exclusive)</td><td>{{.Bundles}} (<a href="evidence-bundles.jsonl">evidence-bundles.jsonl</a>)</td><td>{{.FirstTS}}<br>{{.LastTS}}</td><td>{{with .Checkpoint}}size {{.Size}}<br><code>{{.RootHash}}</code>{{else}}<span class="muted">none</span>{{end}}</td></tr>{{end}}
</table>
</body>
</html>
{{define "chart"}}<svg id="{{.ID}}" class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{{.Title}}" width="{{f .W}}" height="{{f .H}}" viewBox="0 0 {{f .W}} {{f .H}}" preserveAspectRatio="xMinYMin meet">
<text class="chart-title" x="4" y="14">{{.Title}}</text>
{{range .Rects}}<rect class="{{.Class}}" x="{{f .X}}" y="{{f .Y}}" width="{{f .W}}" height="{{f .H}}" fill="{{.Fill}}"><title>{{.Title}}</title></rect>
{{end}}{{range .Texts}}<text x="{{f .X}}" y="{{f .Y}}" text-anchor="{{.Anchor}}"{{if .Rotate}} transform="rotate(-90 {{f .X}} {{f .Y}})"{{end}}>{{.Text}}</text>
{{end}}</svg>{{end}}
`))
})

// verifyText is VERIFY.txt: how to check the package by hand, with common
// tools, without agentgate.
func verifyText(m *Manifest) string {
	return fmt.Sprintf(`How to verify this audit package
=================================

Package %s of tenant %s, number %d in the tenant's chain of packages.
Period: %s to %s (end exclusive).

The quick way:   agentgate verify THIS.zip --fingerprint SHA256 [--previous PREVIOUS.zip]
(SHA256 is the signing key's fingerprint you obtained out of band, e.g. by
running the stack output SigningKeyFingerprintCommand; without a pin verify
reports UNPINNED.)
It checks everything below and names the first thing that does not hold.
Below is how to do the same by hand: nothing here needs agentgate.

1. Files. manifest.json lists every other file with its SHA-256 and size.
   For each entry: sha256sum FILE  must print the listed sha256.
   No file may be in the zip that the manifest does not list.

2. The package hash. packageHash = SHA-256 of the bytes
      "agentgate/package/v1\n" || JCS(manifest without "packageHash" and "signature")
   where JCS is RFC 8785 JSON canonicalisation. If "signature" is present it
   is a base64 ASN.1 DER ECDSA P-256 signature over SHA-256 of the text
      "agentgate package v1\ntenant <tenant>\nid <id>\nsequence <n>\nhash <packageHash>\n"
   verifiable with the manifest's publicKey:
      openssl dgst -sha256 -verify key.pem -signature sig.der statement.txt
   Compare that public key with the one your organisation obtained from
   agentgate out of band (its SHA-256 fingerprint is printed by agentgate
   verify); a package signed by another key proves nothing.

3. Evidence bundles. evidence-bundles.jsonl has one line per bundle, per
   chain in seq order. For each line:
   - bundleHash = SHA-256("agentgate/bundle/v1\n" || JCS(the line without
     "bundleHash" and "file")), and prevBundleHash is the previous line's
     bundleHash (for the chain's first bundle in this package: the
     manifest's chains[].prevBundleHash; 64 zeros at the chain's start).
   - firstSeq is the previous line's lastSeq + 1; count = lastSeq-firstSeq+1.
   - sha256sum of the file named by "file" is objectSha256.
   - decompress it: files ending .jsonl.sz are Snappy framed streams
     (python -m snappy -d, snzip -d), .jsonl.gz are gzip. One JSON entry
     per line. For every entry,
       hash = SHA-256("agentgate/evidence/v1\n" || JCS(entry without "hash"))
     (a .jsonl.sz line is already JCS: drop its ,"hash":"..." member and
     hash the rest as it stands)
     seq increases by one, and prevHash is the previous entry's hash (the
     first entry's prevHash is the line's firstPrevHash; 64 zeros at seq 0).
     The last entry's hash is lastHash.

4. Checkpoints. manifest.json chains[].checkpoint.body is a signed text:
      agentgate checkpoint v1 / origin / chain / size / root / time
   signature is base64 DER ECDSA P-256 over SHA-256(body), verifiable with
   the public key as in step 2. The checkpoint must cover the package:
   size >= chains[].nextSeq.
   chains[].checkpoint.note, when present, is the same tree head as a C2SP
   tlog-checkpoint signed note (c2sp.org/tlog-checkpoint): the lines
   "<origin>/<chain>", size and base64 root, a blank line, and a signature
   line "<em dash> <same origin> base64(key ID || DER ECDSA signature over
   SHA-256 of the text)", key ID = first 4 bytes of SHA-256 of the DER
   public key. transparency-dev/formats checks it as it is: note verifier
   key "<origin>+<hex key ID>+base64(0x02 || DER)", then log.ParseCheckpoint.
   It must state the body's size and root.

   chains[].checkpoint.cosigned, when present, is that note with the
   cosignature lines of the witnesses that accepted it (c2sp.org/tlog-witness,
   c2sp.org/tlog-cosignature, Ed25519 cosignature/v1) appended: its text must
   be the note's. Check each witness you trust with log.ParseCheckpoint and
   its key through note.NewVerifierForCosignatureV1 (transparency-dev/formats),
   or run agentgate verify --witness NAME+KEY --quorum N. A checkpoint no
   witness you trust cosigned may have been shown to you alone.

5. The checkpoint covers these entries. The checkpoint root is an RFC 6962
   Merkle tree (SHA-256; leaf = SHA-256(0x00 || 32-byte entry hash), node =
   SHA-256(0x01 || left || right)) over every entry of the chain from seq 0.
   The manifest gives the compact range (the perfect subtree roots, left to
   right) of leaves [0, firstSeq) as startCompact and of [nextSeq, size) as
   tailCompact. Append this package's leaves to startCompact, append
   tailCompact, fold to the root: it must equal the signed root. (No other
   hashes could reproduce it.) endCompact must be the range after the
   package's own leaves.

6. The previous package. previousPackageHash is the previous package's
   packageHash, sequence is one more, the public key is the same, and every
   chain continues where the previous package stopped: firstSeq,
   prevEntryHash, prevBundleHash and startCompact equal the previous
   package's nextSeq, lastEntryHash, lastBundleHash and endCompact. The
   previous package's signed roots must be reproduced by this package's
   entries where its checkpoint falls inside them.

The reports (report.html, control-matrix.*, exceptions.csv and the register
CSVs) are covered by steps 1 and 2: they cannot be changed without changing
the package hash and, if present, breaking its signature.
`, m.ID, m.Tenant, m.Sequence, m.Period.From, m.Period.To)
}
