package system_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/wire/controlswire"
)

type oneTenant string

func (o oneTenant) Tenants(context.Context) ([]string, error) { return []string{string(o)}, nil }

// tenantRunner is the controls function as deployed (controlswire.New over
// the local tables) for one tenant only, so runs dated in the future move
// this tenant's exceptions and leave every other test's results alone.
func tenantRunner(t *testing.T, tenant string) *controls.Runner {
	t.Helper()
	r, err := controlswire.New(controlswire.Clients{Clients: sys.Clients, SNS: sys.SNS}, sys.Config, controlswire.Settings{})
	require.NoError(t, err)
	r.Tenants = oneTenant(tenant)
	r.Alerts = nil
	return r
}

func exceptionOf(t *testing.T, key, query string) map[string]any {
	t.Helper()
	status, body := do(t, "GET", "/v1/exceptions?"+query, key, "")
	require.Equal(t, 200, status, "%v", body)
	list := body["exceptions"].([]any)
	require.Len(t, list, 1, "%v", body)
	return list[0].(map[string]any)
}

func eventActions(e map[string]any) []string {
	var out []string
	for _, ev := range e["events"].([]any) {
		out = append(out, ev.(map[string]any)["action"].(string))
	}
	return out
}

func controlOf(t *testing.T, key, id string) (map[string]any, map[string]any) {
	t.Helper()
	status, body := do(t, "GET", "/v1/compliance/status?framework=soc2", key, "")
	require.Equal(t, 200, status, "%v", body)
	sums := body["summaries"].([]any)
	require.Len(t, sums, 1)
	for _, c := range body["controls"].([]any) {
		if m := c.(map[string]any); m["id"] == id {
			return m, sums[0].(map[string]any)
		}
	}
	t.Fatalf("control %s not in the status", id)
	return nil, nil
}

// TestExceptionLifecycleEndToEnd: on the local system, a warning control
// opens an exception that goes open -> assigned -> remediated -> confirmed,
// and a failing one's accepted risk expires back to failing. Every step is
// an evidence entry the evidence route serves, and the audit package holds
// them all, with their timestamps.
func TestExceptionLifecycleEndToEnd(t *testing.T) {
	ctx := context.Background()
	tenant, admin, _, data := newControlsTenant(t)
	auditKey, err := sys.CreateKey(ctx, tenant, auth.ScopeAudit)
	require.NoError(t, err)
	r := tenantRunner(t, tenant)
	at := time.Now()
	run := func(d time.Duration) {
		t.Helper()
		at = at.Add(d)
		_, err := r.Run(ctx, at)
		require.NoError(t, err)
	}
	day := func(n int) string { return time.Now().UTC().AddDate(0, 0, n).Format("2006-01-02") }
	vendor := func(due string, dpa bool) {
		t.Helper()
		status, body := do(t, "POST", "/v1/vendors", admin, fmt.Sprintf(`{"name":"OpenAI","providers":["openai"],"dpa":%t,"soc2ReportDate":%q,"nextReviewDue":%q}`,
			dpa, day(-60), due))
		require.Equal(t, 201, status, "%v", body)
	}

	// 1. A vendor review due in 14 days: CC9.2 warns and an exception opens.
	vendor(day(14), true)
	run(0)
	e := exceptionOf(t, data, "control=CC9.2")
	id := e["id"].(string)
	assert.Equal(t, "open", e["state"])
	assert.Equal(t, "warning", e["status"])
	ctl, _ := controlOf(t, data, "CC9.2")
	assert.Equal(t, "warning", ctl["status"])
	assert.Equal(t, id, ctl["exception"].(map[string]any)["id"])

	// 2. Assigned (admin only), a note, marked remediated.
	status, body := do(t, "POST", "/v1/exceptions/"+id+"/assign", data, `{"owner":"dana@example.com"}`)
	assert.Equal(t, 403, status, "a read key cannot assign: %v", body)
	status, body = do(t, "POST", "/v1/exceptions/"+id+"/assign", admin, `{"owner":"dana@example.com","due":"`+day(7)+`"}`)
	require.Equal(t, 200, status, "%v", body)
	assert.Equal(t, "assigned", body["state"])
	status, body = do(t, "POST", "/v1/exceptions/"+id+"/notes", admin, `{"note":"review booked with the vendor"}`)
	require.Equal(t, 200, status, "%v", body)
	status, body = do(t, "POST", "/v1/exceptions/"+id+"/remediate", admin, `{"note":"review held, next one in 200 days"}`)
	require.Equal(t, 200, status, "%v", body)
	assert.Equal(t, "remediated", body["state"])
	status, _ = do(t, "POST", "/v1/exceptions/"+id+"/remediate", admin, `{"note":"again"}`)
	assert.Equal(t, 409, status, "a remediated exception waits for the run")

	// 3. The next run finds the control passing: confirmed.
	vendor(day(200), true)
	run(time.Minute)
	status, e = do(t, "GET", "/v1/exceptions/"+id, data, "")
	require.Equal(t, 200, status)
	assert.Equal(t, "confirmed", e["state"])
	assert.Equal(t, []string{"opened", "assigned", "note", "remediated", "confirmed"}, eventActions(e))
	ctl, _ = controlOf(t, data, "CC9.2")
	assert.Equal(t, "passing", ctl["status"])
	assert.Nil(t, ctl["exception"])

	// 4. No DPA: failing, a new exception; its risk accepted through today.
	vendor(day(200), false)
	run(time.Minute)
	e2 := exceptionOf(t, data, "control=CC9.2&state=active")
	id2 := e2["id"].(string)
	require.NotEqual(t, id, id2)
	status, body = do(t, "POST", "/v1/exceptions/"+id2+"/accept", admin, `{"reason":"DPA in signature, vendor used for tests only","until":"`+day(-1)+`"}`)
	assert.Equal(t, 422, status, "an acceptance cannot end in the past: %v", body)
	status, body = do(t, "POST", "/v1/exceptions/"+id2+"/accept", admin, `{"reason":"DPA in signature, vendor used for tests only","until":"`+day(0)+`"}`)
	require.Equal(t, 200, status, "%v", body)
	ctl, sum := controlOf(t, data, "CC9.2")
	assert.Equal(t, "failing", ctl["status"], "an accepted risk is never passing")
	assert.Equal(t, true, ctl["accepted"])
	assert.GreaterOrEqual(t, sum["accepted"].(float64), 1.0)

	// 5. Two days later (past the end of today) the run expires it: open
	// again, and the status shows the control failing, not accepted.
	run(48 * time.Hour)
	status, e2 = do(t, "GET", "/v1/exceptions/"+id2, data, "")
	require.Equal(t, 200, status)
	assert.Equal(t, "open", e2["state"])
	assert.Equal(t, []string{"opened", "accepted", "expired"}, eventActions(e2))
	ctl, _ = controlOf(t, data, "CC9.2")
	assert.Equal(t, "failing", ctl["status"])
	assert.Nil(t, ctl["accepted"])

	// Every event is an evidence entry the evidence route serves.
	want := map[string]string{} // evidence id -> action
	for _, ex := range []map[string]any{e, e2} {
		for _, ev := range ex["events"].([]any) {
			m := ev.(map[string]any)
			evid, _ := m["evidence"].(string)
			require.NotEmpty(t, evid, "event %v has its evidence", m)
			want[evid] = m["action"].(string)
			status, ent := do(t, "GET", "/v1/evidence/"+evid, data, "")
			require.Equal(t, 200, status, "%v", ent)
			entry := ent
			if inner, ok := ent["entry"].(map[string]any); ok {
				entry = inner
			}
			assert.Equal(t, controls.KindException, entry["kind"])
			assert.Equal(t, m["action"], entry["status"])
			assert.Equal(t, ex["id"], entry["meta"].(map[string]any)["exceptionId"])
		}
	}
	require.Len(t, want, 8)

	// The package holds them all, with the event times.
	waitArchived(t, tenant)
	from := time.Now().UTC().AddDate(0, 0, -1).Format(time.RFC3339)
	to := time.Now().UTC().Add(time.Hour).Format(time.RFC3339)
	status, body = do(t, "POST", "/v1/packages", auditKey, fmt.Sprintf(`{"from":%q,"to":%q,"frameworks":["soc2"]}`, from, to))
	require.Equal(t, 202, status, "%v", body)
	ready := waitReady(t, auditKey, body["id"].(string))
	zipb := download(t, ready["url"].(string))
	_, err = audit.Verify(bytes.NewReader(zipb), int64(len(zipb)), audit.VerifyOptions{RequireSignature: true, TrustedFingerprint: sys.SigningKeyFingerprint})
	require.NoError(t, err)
	z, err := audit.OpenZip(bytes.NewReader(zipb), int64(len(zipb)), audit.DefaultLimits)
	require.NoError(t, err)
	// The package's control matrix carries the new controls (its report
	// renders the same rows).
	matrix, _, err := z.Read(audit.FileMatrixCSV, 1<<20)
	require.NoError(t, err)
	for _, row := range []string{"soc2,PI1.3,PI1.3", "soc2,CC7.4,CC7.4", "soc2,A1.1,A1.1", "soc2,C1.1,C1.1", "soc2,PI1.4,PI1.4",
		"soc2,CC6.1,CC6.1-secrets", "soc2,CC7.1,CC7.1", "soc2,CC6.7,CC6.7"} {
		assert.Contains(t, string(matrix), row)
	}
	lines, _, err := z.Read(audit.FileBundles, 16<<20)
	require.NoError(t, err)
	got := map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(lines))
	for {
		var l audit.BundleLine
		if err := dec.Decode(&l); errors.Is(err, io.EOF) {
			break
		} else {
			require.NoError(t, err)
		}
		raw, _, err := z.Read(l.File, 64<<20)
		require.NoError(t, err)
		ents, err := archive.DecodeBundle(bytes.NewReader(raw))
		require.NoError(t, err)
		for _, ent := range ents {
			// The tenant's other failing controls (no access reviews, no
			// independent adversarial test) opened exceptions of their own.
			if ent.Kind == controls.KindException && strings.HasPrefix(ent.Meta["exceptionId"], "CC9.2-") {
				got[ent.ID()] = ent.Status
				assert.NotEmpty(t, ent.Meta["at"], "each step carries its time")
			}
		}
	}
	assert.Equal(t, want, got, "the package holds every step of both exceptions")
}

// TestExceptionRoutesMatchOpenAPI checks the exception answers (200, 400,
// 403, 404, 409, 415, 422) and the status with its summaries against
// docs/openapi.yaml.
func TestExceptionRoutesMatchOpenAPI(t *testing.T) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile("../../docs/openapi.yaml")
	require.NoError(t, err)
	require.NoError(t, doc.Validate(context.Background()))
	router, err := legacy.NewRouter(doc)
	require.NoError(t, err)
	tenant, admin, _, data := newControlsTenant(t)
	_, err = tenantRunner(t, tenant).Run(context.Background(), time.Now())
	require.NoError(t, err)
	status, body := do(t, "GET", "/v1/exceptions?control=CC4.1", data, "")
	require.Equal(t, 200, status, "%v", body)
	list := body["exceptions"].([]any)
	require.NotEmpty(t, list, "a tenant without an independent adversarial test fails CC4.1")
	id := list[0].(map[string]any)["id"].(string)
	today := time.Now().UTC().Format("2006-01-02")
	calls := []struct{ method, path, key, body, ctype string }{
		{"GET", "/v1/exceptions", data, "", ""},
		{"GET", "/v1/exceptions?state=closed", data, "", ""},
		{"GET", "/v1/exceptions?state=nope", data, "", ""},
		{"GET", "/v1/exceptions/" + id, data, "", ""},
		{"GET", "/v1/exceptions/CC4.1-nope", data, "", ""},
		{"POST", "/v1/exceptions/" + id + "/assign", data, `{"owner":"x"}`, "application/json"},
		{"POST", "/v1/exceptions/" + id + "/assign", admin, `{"owner":"x"}`, "text/plain"},
		{"POST", "/v1/exceptions/" + id + "/assign", admin, `{"owner":""}`, "application/json"},
		{"POST", "/v1/exceptions/" + id + "/assign", admin, `{"owner":"sam"}`, "application/json"},
		{"POST", "/v1/exceptions/" + id + "/notes", admin, `{"note":"access review booked"}`, "application/json"},
		{"POST", "/v1/exceptions/" + id + "/accept", admin, `{"reason":"r","until":"` + today + `"}`, "application/json"},
		{"POST", "/v1/exceptions/" + id + "/remediate", admin, `{"note":"x"}`, "application/json"},
		{"POST", "/v1/exceptions/CC4.1-nope/notes", admin, `{"note":"x"}`, "application/json"},
		{"GET", "/v1/compliance/status", data, "", ""},
		{"GET", "/v1/compliance/status?framework=iso42001", data, "", ""},
	}
	for _, c := range calls {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			req, err := http.NewRequest(c.method, sys.URL+c.path, strings.NewReader(c.body))
			require.NoError(t, err)
			req.Header.Set("Authorization", "Bearer "+c.key)
			if c.ctype != "" {
				req.Header.Set("Content-Type", c.ctype)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			areq, _ := http.NewRequest(c.method, "https://example.execute-api.us-east-1.amazonaws.com"+c.path, strings.NewReader(c.body))
			areq.Header.Set("Content-Type", "application/json")
			route, params, err := router.FindRoute(areq)
			require.NoError(t, err)
			in := &openapi3filter.RequestValidationInput{Request: areq, PathParams: params, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
			out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode,
				Header: http.Header{"Content-Type": []string{resp.Header.Get("Content-Type")}},
				Body:   io.NopCloser(bytes.NewReader(b)), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
			require.NoError(t, openapi3filter.ValidateResponse(context.Background(), out), "status %d body %s", resp.StatusCode, b)
		})
	}
	// The statuses the calls above were meant to produce.
	expect := []struct {
		method, path, key, body string
		status                  int
	}{
		{"GET", "/v1/exceptions?state=nope", data, "", 400},
		{"GET", "/v1/exceptions/CC4.1-nope", data, "", 404},
		{"POST", "/v1/exceptions/" + id + "/assign", data, `{"owner":"x"}`, 403},
		{"POST", "/v1/exceptions/" + id + "/assign", admin, `{"owner":""}`, 422},
		{"POST", "/v1/exceptions/" + id + "/remediate", admin, `{"note":"x"}`, 409}, // accepted above
		{"GET", "/v1/exceptions/" + id + "/remediate", admin, "", 405},
	}
	for _, c := range expect {
		status, body := do(t, c.method, c.path, c.key, c.body)
		assert.Equal(t, c.status, status, "%s %s: %v", c.method, c.path, body)
	}
}
