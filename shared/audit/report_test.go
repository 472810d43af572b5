package audit

import (
	"bytes"
	"context"
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
