package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func reportOf(t *testing.T) []byte {
	w := smallWorld(t)
	b := w.builder(buildTime)
	b.Controls = sampleControls(periodFrom, 5)
	data, _ := w.build(t, b, "pkg-r", periodFrom, time.Date(2026, 10, 6, 0, 0, 0, 0, time.UTC), nil)
	z, err := OpenZip(bytes.NewReader(data), int64(len(data)), DefaultLimits)
	require.NoError(t, err)
	html, _, err := z.Read(FileReport, 16<<20)
	require.NoError(t, err)
	return html
}

// The report must stand alone: nothing fetched, ever.
func TestReportIsSelfContained(t *testing.T) {
	html := string(reportOf(t))
	for _, banned := range []string{"<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "http://", "https://"} {
		if banned == "http://" {
			// The SVG namespace is an identifier, not a fetch.
			html = strings.ReplaceAll(html, `xmlns="http://www.w3.org/2000/svg"`, "")
		}
		assert.NotContains(t, html, banned)
	}
	assert.Contains(t, html, `Content-Security-Policy`)
	// 5 days x 3 controls cells; the period's days have decisions.
	assert.Equal(t, 15, strings.Count(html, `class="cell status-`))
	assert.Contains(t, html, `class="cell status-failing"`)
	assert.Contains(t, html, `class="bar decision-block"`)
}

// TestReportRendersInChromium opens report.html in headless Chromium and
// checks, in the DOM Chromium built, that both charts are SVG elements with
// their cells and bars. Skipped only when chromium is not installed (`make
// chromium` installs it).
func TestReportRendersInChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed; run `make chromium`")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(page, reportOf(t), 0o600))
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	shot := filepath.Join(dir, "shot.png")
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--no-first-run", "--user-data-dir="+filepath.Join(dir, "profile"), "--dump-dom", "file://"+page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	require.NoError(t, err, "chromium: %s", stderr.String())
	d := string(dom)

	for _, id := range []string{"chart-control-status", "chart-decisions"} {
		re := regexp.MustCompile(`<svg[^>]*id="` + id + `"[^>]*>`)
		assert.Regexp(t, re, d, "the %s chart is an element of the rendered DOM", id)
	}
	assert.Equal(t, 15, strings.Count(d, `class="cell status-`), "one cell per control per day")
	assert.Greater(t, strings.Count(d, `class="bar decision-`), 5, "stacked decision bars")
	assert.Contains(t, d, "<title>CC6.1 2026-10-04: failing</title>", "cells carry their status")

	// And it paints: a screenshot is not blank where the charts are.
	cmd = exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--no-first-run", "--user-data-dir="+filepath.Join(dir, "profile2"), "--window-size=1200,1600", "--screenshot="+shot, "file://"+page)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assertPaintsColour(t, shot, statusColor[StatusFailing])
	assertPaintsColour(t, shot, statusColor[StatusPassing])
}

// reportZip builds a package of the small world with the sample controls
// (and one criterion that a text sort misplaces) over [from, to).
func reportZip(t *testing.T, from, to time.Time) (*Zip, string) {
	t.Helper()
	w := smallWorld(t)
	b := w.builder(buildTime)
	ctl := sampleControls(periodFrom, 5)
	ctl = append(ctl, ControlResult{Control: "CC6.10", Name: "Later criterion", Status: StatusFailing, At: periodFrom.Add(8 * time.Hour),
		Frameworks: map[string][]string{"soc2": {"CC6.10"}}})
	b.Controls = summarizedControls{fixedControls: ctl, sums: sampleSummaries, at: new(time.Time)}
	data, _ := w.build(t, b, "pkg-v2", from, to, nil)
	z, err := OpenZip(bytes.NewReader(data), int64(len(data)), DefaultLimits)
	require.NoError(t, err)
	html, _, err := z.Read(FileReport, 16<<20)
	require.NoError(t, err)
	return z, string(html)
}

func TestNaturalCompare(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int // sign
	}{
		{"numbers compare by value", "CC6.2", "CC6.10", -1},
		{"equal", "CC6.1", "CC6.1", 0},
		{"a prefix first", "CC6", "CC6.1", -1},
		{"leading zeros", "A.09", "A.10", -1},
		{"letters", "Art.5(1)(a)", "Art.5(1)(b)", -1},
		{"article numbers", "Art.9", "Art.15", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := naturalCompare(tt.a, tt.b)
			assert.Equal(t, tt.want, sign(got), "%s vs %s", tt.a, tt.b)
			assert.Equal(t, -tt.want, sign(naturalCompare(tt.b, tt.a)), "antisymmetric")
		})
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Report v2: the executive summary first, then the charts, the matrix by
// framework in natural order, exceptions, registers and the verification
// block; print CSS; every link is a file of the package.
func TestReportV2Sections(t *testing.T) {
	z, html := reportZip(t, periodFrom, time.Date(2026, 10, 6, 0, 0, 0, 0, time.UTC))

	at := reportSections(t, html)
	assert.Contains(t, html, "@media print", "print CSS")
	assert.Contains(t, html, "@page")

	// The executive summary: each framework's summary as the control
	// source counted it, its verdict the worst status counted.
	summary := html[at[0]:at[1]]
	assert.Contains(t, summary, `<b>soc2</b> <span class="muted">SOC 2</span></div><div class="verdict s-failing">failing</div><div><span class="covered">5 criteria covered</span>: <span class="s-passing">2 passing</span> · <span class="s-warning">1 warning</span> · <span class="s-failing">1 failing</span> · <span class="s-accepted">1 accepted</span></div>`)
	assert.Contains(t, summary, `<b>gdpr</b> <span class="muted">GDPR</span></div><div class="verdict s-accepted">accepted</div>`)
	assert.NotContains(t, summary, "euaiact", "the package's frameworks only")
	assert.Contains(t, summary, "1 open · 1 remediated", "CC6.1's exception remediated in the period, CC6.10's open")
	assert.Contains(t, summary, `CC6.10 new → <span class="s-failing">failing</span>`, "what changed")

	// The matrix: a table per framework, criteria in natural order.
	matrix := html[at[3]:at[4]]
	soc2 := matrix[strings.Index(matrix, `id="matrix-soc2"`):]
	soc2 = soc2[:strings.Index(soc2, "</table>")]
	crit := regexp.MustCompile(`<tr><td>([^<]+)</td>`).FindAllStringSubmatch(soc2, -1)
	var got []string
	for _, c := range crit {
		got = append(got, c[1])
	}
	assert.Equal(t, []string{"CC6.1", "CC6.6", "CC6.10", "CC9.2", "PI1.2"}, got)
	assert.Contains(t, matrix, `<h3 id="matrix-soc2">soc2 <span class="verdict s-failing">failing</span></h3>`)
	assert.Contains(t, matrix, `<h3 id="matrix-gdpr">gdpr <span class="verdict s-accepted">accepted</span></h3>`)

	assertLinksInZip(t, z, html)
	assert.Positive(t, strings.Count(html, `class="evidence"`), "evidence references are links")

	// The verification block: the key's fingerprint and the command.
	m, _, err := z.Read(FileManifest, 1<<20)
	require.NoError(t, err)
	var man Manifest
	require.NoError(t, json.Unmarshal(m, &man))
	fp, err := KeyFingerprint(man.PublicKey)
	require.NoError(t, err)
	verification := html[at[6]:]
	assert.Contains(t, verification, "<code>"+fp+"</code>")
	assert.Contains(t, verification, "agentgate verify THIS.zip --fingerprint "+fp)
}

// A period without validations says so instead of drawing an empty chart.
func TestReportNoDataState(t *testing.T) {
	from := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	_, html := reportZip(t, from, time.Date(2026, 9, 3, 0, 0, 0, 0, time.UTC))
	assert.Contains(t, html, "No data: the evidence holds no validation in the period.")
	assert.NotContains(t, html, `id="chart-decisions"`)
}

// "Save as PDF" gives a document: Chromium prints report.html to a PDF of
// several A4 pages (the print CSS starts the matrix and the verification
// block on pages of their own). Skipped only without chromium.
func TestReportPrintsToPDF(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed; run `make chromium`")
	}
	dir := t.TempDir()
	_, html := reportZip(t, periodFrom, time.Date(2026, 10, 6, 0, 0, 0, 0, time.UTC))
	page := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(page, []byte(html), 0o600))
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	pdf := filepath.Join(dir, "report.pdf")
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--no-first-run", "--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	b, err := os.ReadFile(pdf)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(b, []byte("%PDF-")), "a PDF")
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(b, -1))
	t.Logf("%d pages", pages)
	assert.GreaterOrEqual(t, pages, 3, "summary and charts, the matrix, the verification block: each from a new page")
}

func TestCosigners(t *testing.T) {
	const note = "agentgate.local/acme/0\n12\nq2k=\n\n\u2014 agentgate.local/acme/0 AAAA\n\u2014 witness.example/w1 BBBB\n\u2014 witness.example/w2 CCCC\n\u2014 witness.example/w1 DDDD\n"
	tests := []struct {
		name, note string
		want       []string
	}{
		{"the log's own signature is not a witness; each witness once", note, []string{"witness.example/w1", "witness.example/w2"}},
		{"no cosignature", "agentgate.local/acme/0\n12\nq2k=\n\n\u2014 agentgate.local/acme/0 AAAA\n", nil},
		{"not a note", "garbage", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, cosigners(tt.note))
		})
	}
}

// The verification block names the witnesses that cosigned each chain's
// checkpoint, and says so when none did.
func TestReportNamesWitnesses(t *testing.T) {
	render := func(cp *Checkpoint) string {
		m := &Manifest{ID: "pkg-w", Tenant: "acme", Sequence: 1, Period: Period{From: "2026-10-01T00:00:00Z", To: "2026-10-02T00:00:00Z"},
			Chains: []Chain{{Chain: "acme/0", NextSeq: 12, Checkpoint: cp}}}
		html, err := renderReport(m, nil, nil, nil, nil, newDayStats(periodFrom, periodFrom.AddDate(0, 0, 1)), map[string]Table{}, true, true)
		require.NoError(t, err)
		return string(html)
	}
	cosigned := "agentgate.local/acme/0\n12\nq2k=\n\n\u2014 agentgate.local/acme/0 AAAA\n\u2014 witness.example/w1 BBBB\n"
	html := render(&Checkpoint{Size: 12, Note: "n", Cosigned: cosigned})
	assert.Contains(t, html, "acme/0: <code>witness.example/w1</code>")
	assert.Contains(t, html, "--witness NAME+KEY")
	html = render(&Checkpoint{Size: 12})
	assert.Contains(t, html, "no checkpoint in this package was cosigned by a witness")
	assert.NotContains(t, html, "--witness")
}

// reportSections returns where report v2's sections begin, checking they
// are all there and in order.
func reportSections(t *testing.T, html string) []int {
	t.Helper()
	var at []int
	for _, id := range []string{"executive-summary", "status", "decisions", "matrix", "exceptions", "registers", "verification", "chains"} {
		i := strings.Index(html, `id="`+id+`"`)
		require.GreaterOrEqual(t, i, 0, "section %s", id)
		at = append(at, i)
	}
	assert.IsIncreasing(t, at, "sections in order, the executive summary first")
	return at
}

// assertLinksInZip checks that every link of the report names a file of
// the package.
func assertLinksInZip(t *testing.T, z *Zip, html string) {
	t.Helper()
	links := regexp.MustCompile(`href="([^"]+)"`).FindAllStringSubmatch(html, -1)
	require.Greater(t, len(links), 5)
	for _, l := range links {
		file, _, _ := strings.Cut(l[1], "#")
		assert.True(t, z.Has(file), "link %q names a file of the package", l[1])
	}
}

func reportOfZip(t *testing.T, data []byte) (*Zip, string) {
	t.Helper()
	z, err := OpenZip(bytes.NewReader(data), int64(len(data)), DefaultLimits)
	require.NoError(t, err)
	html, _, err := z.Read(FileReport, 16<<20)
	require.NoError(t, err)
	return z, string(html)
}

// A second package whose period overlaps the first's counts the whole
// period, though most of its evidence sits in the first package, and names
// that package; its counts are those of one package built from genesis over
// the same period.
func TestReportCountsTheWholePeriodAcrossPackages(t *testing.T) {
	w := smallWorld(t) // acme/0: 2,500 entries a minute apart from Oct 1; acme/1: 1,200
	day1, day3 := periodFrom.AddDate(0, 0, 1), periodFrom.AddDate(0, 0, 3)
	_, m1 := w.build(t, w.builder(buildTime), "pkg_first", periodFrom, day1, nil)
	// p1 carries acme/0's first two bundles (the second starts on Oct 1)
	// and all of acme/1; acme/0's third bundle (from Oct 2 09:20) is left.
	require.Equal(t, int64(2000), m1.ChainByName("acme/0").NextSeq)

	p2, m2 := w.build(t, w.builder(buildTime), "pkg_second", periodFrom, day3, m1)
	require.Equal(t, int64(2000), m2.ChainByName("acme/0").FirstSeq, "p2 carries only what p1 does not")
	fresh, _ := w.build(t, w.builder(buildTime), "pkg_fresh", periodFrom, day3, nil)

	z, html := reportOfZip(t, p2)
	_, want := reportOfZip(t, fresh)
	at := reportSections(t, html)
	assertLinksInZip(t, z, html)
	summary := html[at[0]:at[1]]
	row := regexp.MustCompile(`<tr><th>Validations in the period</th><td>(\d+) \(allow (\d+) · redact (\d+) · block (\d+)\) in (\d+) evidence entries`)
	got, exp := row.FindStringSubmatch(summary), row.FindStringSubmatch(want)
	require.NotNil(t, got, summary)
	require.NotNil(t, exp)
	assert.Equal(t, "3700", got[1], "all of both chains' entries fall in Oct 1-3")
	assert.Equal(t, exp[1:], got[1:], "the same counts as one package of the whole period")
	assert.Contains(t, summary, `<span class="earlier">3200 are evidenced in package <code>pkg_first</code></span>`)
	assert.Contains(t, summary, "this package carries 500 evidence entries")
	// The per-day chart counts the whole period too.
	bars := regexp.MustCompile(`class="bar decision-[a-z]+"[^>]*><title>([^<]*)</title>`)
	assert.Equal(t, bars.FindAllStringSubmatch(want, -1), bars.FindAllStringSubmatch(html, -1))
	assert.NotEmpty(t, bars.FindAllStringSubmatch(html, -1))

	// A package of a period after the first package's evidence counts none
	// of it and names no earlier package.
	_, later := reportOfZip(t, func() []byte {
		b, _ := w.build(t, w.builder(buildTime), "pkg_later", day3, day3.AddDate(0, 0, 1), m1)
		return b
	}())
	assert.NotContains(t, later, "pkg_first")
	assert.NotContains(t, later, `class="earlier"`)
}

// countingBundles counts the bundles a build reads.
type countingBundles struct {
	BundleSource
	reads int
}

func (c *countingBundles) Bundle(ctx context.Context, key string) ([]byte, error) {
	c.reads++
	return c.BundleSource.Bundle(ctx, key)
}

// Back-to-back packages (the monthly case) read, of the earlier package,
// only the bundle that straddles the boundary, and count what of it falls
// in the new period.
func TestWholePeriodCountsReadOnlyTheOverlap(t *testing.T) {
	w := smallWorld(t)
	day1, day2 := periodFrom.AddDate(0, 0, 1), periodFrom.AddDate(0, 0, 2)
	_, m1 := w.build(t, w.builder(buildTime), "pkg_day1", periodFrom, day1, nil)
	b := w.builder(buildTime)
	cb := &countingBundles{BundleSource: w}
	b.Bundles = cb
	p2, _ := w.build(t, b, "pkg_day2", day1, day2, m1)
	// acme/0's entries are a minute apart from Oct 1 00:00: Oct 2 holds seqs
	// 1440-2499; p1 carries up to 1999 (its second bundle starts on Oct 1).
	assert.Equal(t, 2, cb.reads, "p2's own bundle and p1's last bundle of acme/0; none of acme/1, all before Oct 2")
	_, html := reportOfZip(t, p2)
	assert.Contains(t, html, "<tr><th>Validations in the period</th><td>1060 ")
	assert.Contains(t, html, `<span class="earlier">560 are evidenced in package <code>pkg_day1</code></span>`)
}

// sampleSummaries are canned framework summaries, as controls.SummariesAt
// would count them (the package shows them as given).
var sampleSummaries = []FrameworkSummary{
	{Framework: "soc2", Title: "SOC 2", Covered: 5, Passing: 2, Warning: 1, Failing: 1, Accepted: 1},
	{Framework: "gdpr", Title: "GDPR", Covered: 1, Accepted: 1},
	{Framework: "euaiact", Title: "EU AI Act", Covered: 1, Passing: 1},
}

// summarizedControls are canned results with canned framework summaries;
// at records the time the builder asked them for.
type summarizedControls struct {
	fixedControls
	sums []FrameworkSummary
	at   *time.Time
}

func (s summarizedControls) FrameworkSummaries(_ context.Context, _ string, at time.Time) ([]FrameworkSummary, error) {
	*s.at = at
	return s.sums, nil
}

// The summaries are counted at the period's end, or at the build if the
// period has not ended; control-matrix.json carries the package's
// frameworks' summaries as the report shows them. Without a source that
// counts them the report says so and shows no verdict.
func TestReportFrameworkSummaries(t *testing.T) {
	w := smallWorld(t)
	tests := []struct {
		name   string
		to     time.Time
		wantAt time.Time
	}{
		{"a past period: its end", time.Date(2026, 10, 6, 0, 0, 0, 0, time.UTC), time.Date(2026, 10, 6, 0, 0, 0, 0, time.UTC)},
		{"a period still running: the build", buildTime.Add(time.Hour), buildTime},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := w.builder(buildTime)
			src := summarizedControls{fixedControls: sampleControls(periodFrom, 5), sums: sampleSummaries, at: new(time.Time)}
			b.Controls = src
			data, _ := w.build(t, b, fmt.Sprintf("pkg-s%d", i), periodFrom, tt.to, nil)
			assert.Equal(t, tt.wantAt, *src.at)
			z, _ := reportOfZip(t, data)
			mj, _, err := z.Read(FileMatrixJSON, 1<<20)
			require.NoError(t, err)
			var matrix struct {
				Summaries []FrameworkSummary `json:"summaries"`
			}
			require.NoError(t, json.Unmarshal(mj, &matrix))
			assert.Equal(t, sampleSummaries[:2], matrix.Summaries, "soc2 and gdpr, the package's frameworks")
		})
	}
	t.Run("no summary source", func(t *testing.T) {
		b := w.builder(buildTime)
		b.Controls = sampleControls(periodFrom, 5)
		data, _ := w.build(t, b, "pkg-s-none", periodFrom, time.Date(2026, 10, 6, 0, 0, 0, 0, time.UTC), nil)
		z, html := reportOfZip(t, data)
		assert.Contains(t, html, "No framework summary was available to this build.")
		assert.Contains(t, html, `<h3 id="matrix-soc2">soc2</h3>`)
		mj, _, err := z.Read(FileMatrixJSON, 1<<20)
		require.NoError(t, err)
		assert.NotContains(t, string(mj), `"summaries"`)
	})
}

func TestFrameworkSummaryVerdict(t *testing.T) {
	tests := []struct {
		name string
		s    FrameworkSummary
		want string
	}{
		{"nothing covered", FrameworkSummary{}, "none"},
		{"all passing", FrameworkSummary{Covered: 2, Passing: 2}, StatusPassing},
		{"an accepted risk is not passing", FrameworkSummary{Covered: 2, Passing: 1, Accepted: 1}, "accepted"},
		{"a warning outranks an accepted risk", FrameworkSummary{Covered: 3, Passing: 1, Accepted: 1, Warning: 1}, StatusWarning},
		{"failing", FrameworkSummary{Covered: 3, Warning: 1, Failing: 1, Passing: 1}, StatusFailing},
		{"unknown is worst", FrameworkSummary{Covered: 2, Failing: 1, Error: 1}, StatusError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.s.Verdict())
		})
	}
}

// Every control the package knows links its evidence to files the package
// holds, and every register is a CSV under its header even with no
// register source wired.
func TestMatrixEvidenceIsInThePackage(t *testing.T) {
	w := smallWorld(t)
	b := w.builder(buildTime)
	var ctl fixedControls
	for id := range controlEvidence {
		crit, _, _ := strings.Cut(id, "-")
		ctl = append(ctl, ControlResult{Control: id, Name: id, Status: StatusFailing, Detail: "finding of " + id, At: periodFrom.Add(8 * time.Hour),
			Frameworks: map[string][]string{"soc2": {crit}}})
	}
	b.Controls = ctl
	data, _ := w.build(t, b, "pkg-links", periodFrom, time.Date(2026, 10, 3, 0, 0, 0, 0, time.UTC), nil)
	z, _ := reportOfZip(t, data)
	mj, _, err := z.Read(FileMatrixJSON, 1<<20)
	require.NoError(t, err)
	var matrix struct {
		Rows []MatrixRow `json:"rows"`
	}
	require.NoError(t, json.Unmarshal(mj, &matrix))
	seen := map[string]bool{}
	for _, r := range matrix.Rows {
		seen[r.Control] = true
		assert.Contains(t, r.Evidence, FileControlResults+"#"+r.Control)
		for _, e := range r.Evidence {
			file, _, _ := strings.Cut(e, "#")
			assert.True(t, z.Has(file), "%s links %s", r.Control, e)
		}
	}
	assert.Len(t, seen, len(controlEvidence))
	for _, name := range Registers {
		body, _, err := z.Read(registerFiles[name], 1<<20)
		require.NoError(t, err, name)
		assert.Equal(t, strings.Join(RegisterHeaders[name], ",")+"\n", string(body), name)
	}
	res, _, err := z.Read(FileControlResults, 1<<20)
	require.NoError(t, err)
	assert.Contains(t, string(res), "CC7.1,CC7.1,2026-10-01T08:00:00Z,failing,finding of CC7.1\n")
}

// control-results.csv keeps the status the period starts in and each
// change of status or detail, not a row per run.
func TestControlResultsCSV(t *testing.T) {
	t0 := periodFrom
	at := func(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }
	views := groupControls([]ControlResult{
		{Control: "CC7.1", Name: "Vulnerability management", Status: StatusFailing, Detail: "CVE-1 open 40 days", At: at(-5)},
		{Control: "CC7.1", Name: "Vulnerability management", Status: StatusFailing, Detail: "CVE-1 open 40 days", At: at(1)},
		{Control: "CC7.1", Name: "Vulnerability management", Status: StatusFailing, Detail: "CVE-1 open 41 days", At: at(25)},
		{Control: "CC7.1", Name: "Vulnerability management", Status: StatusPassing, At: at(49)},
		{Control: "CC7.1", Name: "Vulnerability management", Status: StatusPassing, At: at(73)},
	}, t0)
	assert.Equal(t, "control,name,checkedAt,status,detail\n"+
		"CC7.1,Vulnerability management,2026-09-30T19:00:00Z,failing,CVE-1 open 40 days\n"+
		"CC7.1,Vulnerability management,2026-10-02T01:00:00Z,failing,CVE-1 open 41 days\n"+
		"CC7.1,Vulnerability management,2026-10-03T01:00:00Z,passing,\n", string(controlResultsCSV(views)))
}
