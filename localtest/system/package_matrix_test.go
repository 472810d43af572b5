package system_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/auth"
)

// TestPackageMatrixLinksAndSummaries: a tenant with every governance
// register filled, its controls run and one risk accepted, requests a
// package on the local system. Every evidence link of every matrix row
// (every catalog control) and of the report opens a file of the zip; each
// register is exported with its records; and the package's per-framework
// summaries are the numbers GET /v1/compliance/status?framework= answers.
func TestPackageMatrixLinksAndSummaries(t *testing.T) {
	ctx := context.Background()
	tenant, admin, _, data := newControlsTenant(t)
	auditKey, err := sys.CreateKey(ctx, tenant, auth.ScopeAudit)
	require.NoError(t, err)
	today := time.Now().UTC().Format("2006-01-02")
	for i := range 8 {
		status, body := do(t, "POST", "/v1/validate", data, fmt.Sprintf(`{"input":"where is order %d?","output":"shipped","context":{"userId":"u-%d","modelVersion":"links-model@1","modelProvider":"openai"}}`, i, i))
		require.Equal(t, 200, status, "%v", body)
	}
	posts := []struct{ path, body string }{
		{"/v1/bias-runs", `{"modelVersion":"links-model@1","groups":["en","de"],"metric":"refusal_rate_difference","threshold":0.05,"result":0.02,"date":"` + today + `"}`},
		{"/v1/runbooks", `{"name":"LLM provider outage","scope":"model_outage","owner":"sre","lastDrill":"` + today + `"}`},
		// No DPA: CC9.2 fails, and its risk is accepted below.
		{"/v1/vendors", `{"name":"OpenAI","providers":["openai"],"dpa":false,"soc2ReportDate":"` + today + `","nextReviewDue":"` + time.Now().AddDate(0, 6, 0).Format("2006-01-02") + `","sla":"99.9% monthly","fallback":"route to anthropic (registered)"}`},
		{"/v1/datasets", `{"name":"support tickets 2026","modelVersions":["links-ft@1"],"consentBasis":"contract","tenantIsolation":true,"reviewedAt":"` + today + `"}`},
		{"/v1/output-reviews", `{"from":"` + today + `","to":"` + today + `","reviewed":3,"sampleRate":0.2,"reviewer":"qa-lead"}`},
	}
	for _, p := range posts {
		status, body := do(t, "POST", p.path, admin, p.body)
		require.Equal(t, 201, status, "%s: %v", p.path, body)
	}
	_, err = tenantRunner(t, tenant).Run(ctx, time.Now())
	require.NoError(t, err)
	e := exceptionOf(t, data, "control=CC9.2&state=active")
	status, body := do(t, "POST", "/v1/exceptions/"+e["id"].(string)+"/accept", admin,
		`{"reason":"DPA in signature","until":"`+time.Now().UTC().AddDate(0, 0, 30).Format("2006-01-02")+`"}`)
	require.Equal(t, 200, status, "%v", body)

	waitArchived(t, tenant)
	from := time.Now().UTC().AddDate(0, 0, -1).Format(time.RFC3339)
	to := time.Now().UTC().Add(time.Hour).Format(time.RFC3339)
	status, body = do(t, "POST", "/v1/packages", auditKey, fmt.Sprintf(`{"from":%q,"to":%q}`, from, to))
	require.Equal(t, 202, status, "%v", body)
	ready := waitReady(t, auditKey, body["id"].(string))
	zipb := download(t, ready["url"].(string))
	_, err = audit.Verify(bytes.NewReader(zipb), int64(len(zipb)), audit.VerifyOptions{RequireSignature: true, TrustedFingerprint: sys.SigningKeyFingerprint})
	require.NoError(t, err)
	z, err := audit.OpenZip(bytes.NewReader(zipb), int64(len(zipb)), audit.DefaultLimits)
	require.NoError(t, err)

	// Every matrix link, of every catalog control, opens a file of the zip.
	mj, _, err := z.Read(audit.FileMatrixJSON, 4<<20)
	require.NoError(t, err)
	var matrix struct {
		Summaries []audit.FrameworkSummary `json:"summaries"`
		Rows      []audit.MatrixRow        `json:"rows"`
	}
	require.NoError(t, json.Unmarshal(mj, &matrix))
	cat, err := controls.Catalog()
	require.NoError(t, err)
	linked := map[string]bool{}
	for _, r := range matrix.Rows {
		require.NotEmpty(t, r.Evidence, "%s %s", r.Framework, r.Control)
		for _, l := range r.Evidence {
			file, _, _ := strings.Cut(l, "#")
			body, _, err := z.Read(file, 64<<20)
			if assert.NoError(t, err, "%s links %s", r.Control, l) {
				assert.NotEmpty(t, body, "%s links %s", r.Control, l)
			}
		}
		linked[r.Control] = true
	}
	for _, c := range cat {
		assert.True(t, linked[c.ID], "%s is in the matrix with its evidence", c.ID)
	}
	html, _, err := z.Read(audit.FileReport, 16<<20)
	require.NoError(t, err)
	for _, l := range regexp.MustCompile(`href="([^"]+)"`).FindAllStringSubmatch(string(html), -1) {
		file, _, _ := strings.Cut(l[1], "#")
		assert.True(t, z.Has(file), "report link %s", l[1])
	}

	// The registers the new controls read are in the package.
	for file, want := range map[string][]string{
		audit.FileBiasRuns:      {"links-model@1", "refusal_rate_difference", "true"},
		audit.FileRunbooks:      {"LLM provider outage", "model_outage", today},
		audit.FileVendors:       {"99.9% monthly", "route to anthropic (registered)"},
		audit.FileDatasets:      {"support tickets 2026", "links-ft@1", "contract"},
		audit.FileOutputReviews: {"qa-lead", "0.2"},
	} {
		body, _, err := z.Read(file, 1<<20)
		require.NoError(t, err, file)
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		require.NoError(t, err, file)
		require.Len(t, rows, 2, "%s: the header and the one record", file)
		for _, w := range want {
			assert.Contains(t, rows[1], w, file)
		}
	}
	results, _, err := z.Read(audit.FileControlResults, 4<<20)
	require.NoError(t, err)
	assert.Contains(t, string(results), "CC9.2,Vendor risk,")

	// The summaries are the status route's, framework by framework; CC9.2
	// is counted accepted in both.
	require.Len(t, matrix.Summaries, len(controls.FrameworkKeys))
	for i, fw := range controls.FrameworkKeys {
		status, rep := do(t, "GET", "/v1/compliance/status?framework="+fw, data, "")
		require.Equal(t, 200, status, "%v", rep)
		sums := rep["summaries"].([]any)
		require.Len(t, sums, 1)
		s := sums[0].(map[string]any)
		got := matrix.Summaries[i]
		assert.Equal(t, fw, got.Framework)
		assert.Equal(t, s["title"], got.Title, fw)
		for k, v := range map[string]int{"covered": got.Covered, "passing": got.Passing, "warning": got.Warning,
			"failing": got.Failing, "accepted": got.Accepted, "error": got.Error} {
			assert.EqualValues(t, s[k], v, "%s %s", fw, k)
		}
		assert.Contains(t, string(html), fmt.Sprintf(`id="summary-%s"`, fw))
		assert.Contains(t, string(html), fmt.Sprintf(`<span class="covered">%d criteria covered</span>: <span class="s-passing">%d passing</span> · <span class="s-warning">%d warning</span> · <span class="s-failing">%d failing</span> · <span class="s-accepted">%d accepted</span>`,
			got.Covered, got.Passing, got.Warning, got.Failing, got.Accepted), fw)
	}
	assert.Positive(t, matrix.Summaries[0].Accepted, "soc2 counts CC9.2's accepted risk")
}
