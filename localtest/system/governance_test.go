package system_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var governanceControls = []string{"PI1.3", "CC7.4", "A1.1", "C1.1", "PI1.4"}

func statusByID(t *testing.T, key string) map[string]map[string]any {
	t.Helper()
	status, body := do(t, "GET", "/v1/compliance/status", key, "")
	require.Equal(t, 200, status, "%v", body)
	out := map[string]map[string]any{}
	for _, c := range body["controls"].([]any) {
		m := c.(map[string]any)
		out[m["id"].(string)] = m
	}
	return out
}

// TestGovernanceControlsOnLocalSystem: the demo tenant's seeded registers
// fail CC7.4 (drill 400 days ago) and C1.1 (a fine-tuned version with no
// dataset). A tenant whose real validate calls name a model version and
// provider, with an output the gate flags, fails all five governance
// controls; recording what each asks for makes each pass.
func TestGovernanceControlsOnLocalSystem(t *testing.T) {
	ctx := context.Background()
	_, err := sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	demo := statusByID(t, sys.AdminKey)
	assert.Equal(t, "failing", demo["CC7.4"]["status"])
	assert.Contains(t, demo["CC7.4"]["detail"], "last model-outage drill (LLM provider outage) was")
	assert.Equal(t, "failing", demo["C1.1"]["status"])
	assert.Equal(t, "fine-tuned model version gpt-demo-ft@2026-12 has no training dataset on record", demo["C1.1"]["detail"])
	// The demo's seeded calls name gpt-demo via openai: its failing bias
	// test and the vendor's missing SLA and fallback fail at once.
	assert.Equal(t, "failing", demo["PI1.3"]["status"])
	// Other tests of this package may have sent calls naming more model
	// versions to the demo tenant by now (claude-x@2026-10): each is named.
	assert.Contains(t, demo["PI1.3"]["detail"], "model version gpt-demo@2026-11 is in use with no passing bias or fairness test")
	assert.Equal(t, "failing", demo["A1.1"]["status"])
	assert.Contains(t, demo["A1.1"]["detail"], "OpenAI (provider openai) has no SLA on record")
	// The recorded account's Lambda functions keep an OpenAI key and a
	// Hugging Face token in their environment: the operator's admin key sees
	// which variables, never their values.
	assert.Equal(t, "failing", demo["CC6.1-secrets"]["status"])
	assert.Contains(t, demo["CC6.1-secrets"]["detail"], "Lambda function support-chat-api: environment variable OPENAI_API_KEY holds a secret (secret.openai_key)")
	assert.Contains(t, demo["CC6.1-secrets"]["detail"], "Lambda function nightly-eval: environment variable HF_TOKEN holds a secret")
	assert.NotContains(t, demo["CC6.1-secrets"]["detail"], "sk-proj-")
	assert.Contains(t, demo["CC6.1-secrets"]["detail"], "secret prod/openai-key was due for rotation on 2026-07-01")
	assert.Contains(t, demo["CC6.1-secrets"]["detail"], "ECS task definition guardrail-worker:3 container worker: environment variable ANTHROPIC_API_KEY holds a secret")
	// Inspector: two findings of CVSS 7.0 or more open for months, ECR
	// images not scanned.
	assert.Equal(t, "failing", demo["CC7.1"]["status"])
	assert.Contains(t, demo["CC7.1"]["detail"], "CVE-2026-11111 (CVSS 9.8) in arn:aws:ecr:us-east-1:111122223333:repository/support-chat-api")
	assert.Contains(t, demo["CC7.1"]["detail"], "Amazon Inspector ECR scanning is not enabled")
	// A TLS 1.0 custom domain, a TLS 1.1 distribution, one on the default
	// certificate.
	assert.Equal(t, "failing", demo["CC6.7"]["status"])
	assert.Contains(t, demo["CC6.7"]["detail"], "API Gateway custom domain legacy-chat.example.com accepts TLS 1.0")
	assert.Contains(t, demo["CC6.7"]["detail"], "SageMaker endpoint embeddings serves model embeddings-model outside a VPC")

	tenant, admin, _, data := newControlsTenant(t)
	// Another tenant sees that the shared account's check fails, not what.
	_, err = sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	other := statusByID(t, admin)
	assert.Equal(t, "failing", other["CC6.1-secrets"]["status"])
	assert.Equal(t, `shared AWS account check "workload environment variables" is failing (details are shown to the operator only); `+
		`shared AWS account check "Secrets Manager rotation" is failing (details are shown to the operator only)`, other["CC6.1-secrets"]["detail"])
	r := tenantRunner(t, tenant)
	const calls = 20
	flagged := 0
	for i := range calls {
		out := "Your order has shipped."
		if i%4 == 0 {
			out = "Sure, the card on file is 4111 1111 1111 1111."
		}
		status, body := do(t, "POST", "/v1/validate", data, fmt.Sprintf(`{"input":"where is my order %d?","output":%q,"context":{"userId":"u-%d","modelVersion":"gov-model@1","modelProvider":"openai"}}`, i, out, i))
		require.Equal(t, 200, status, "%v", body)
		if body["decision"] != "allow" {
			flagged++
		}
	}
	require.Equal(t, calls/4, flagged, "the card numbers are flagged, nothing else")
	status, body := do(t, "POST", "/v1/models", admin, `{"version":"gov-ft@1","provider":"openai","fineTuned":true,"benchmarks":{"eval":0.9}}`)
	require.Equal(t, 201, status, "%v", body)

	// Eight days on, the flagged outputs are due for review (a week's grace).
	at := time.Now().Add(8 * 24 * time.Hour)
	_, err = r.Run(ctx, at)
	require.NoError(t, err)
	got := statusByID(t, data)
	for _, id := range governanceControls {
		assert.Equal(t, "failing", got[id]["status"], "%s: %v", id, got[id]["detail"])
	}
	assert.Equal(t, "model version gov-model@1 is in use with no passing bias or fairness test", got["PI1.3"]["detail"])
	assert.Contains(t, got["PI1.4"]["detail"], fmt.Sprintf("%d flagged outputs from", flagged))
	assert.Contains(t, got["A1.1"]["detail"], "model provider openai is used with no SLA or fallback on record")

	today := time.Now().UTC().Format("2006-01-02")
	posts := []struct{ path, body string }{
		{"/v1/bias-runs", `{"modelVersion":"gov-model@1","groups":["en","de"],"metric":"refusal_rate_difference","threshold":0.05,"result":0.02,"date":"` + today + `"}`},
		{"/v1/runbooks", `{"name":"LLM provider outage","scope":"model_outage","owner":"sre","lastDrill":"` + today + `"}`},
		{"/v1/vendors", `{"name":"OpenAI","providers":["openai"],"dpa":true,"soc2ReportDate":"` + today + `","nextReviewDue":"` + time.Now().AddDate(0, 6, 0).Format("2006-01-02") + `","sla":"99.9% monthly","fallback":"route to anthropic (registered)"}`},
		{"/v1/datasets", `{"name":"support tickets 2026","modelVersions":["gov-ft@1"],"consentBasis":"contract","tenantIsolation":true,"reviewedAt":"` + today + `"}`},
		{"/v1/output-reviews", fmt.Sprintf(`{"from":%q,"to":%q,"reviewed":%d,"sampleRate":0.2,"reviewer":"qa-lead"}`, today, today, int(math.Ceil(0.2*float64(flagged))))},
	}
	for _, p := range posts {
		status, body := do(t, "POST", p.path, admin, p.body)
		require.Equal(t, 201, status, "%s: %v", p.path, body)
	}
	_, err = r.Run(ctx, at.Add(time.Minute))
	require.NoError(t, err)
	got = statusByID(t, data)
	for _, id := range governanceControls {
		assert.Equal(t, "passing", got[id]["status"], "%s: %v", id, got[id]["detail"])
	}
}

// TestGovernanceRoutesMatchOpenAPI checks the new register routes' answers
// (201, 200, 403, 415, 422) against docs/openapi.yaml.
func TestGovernanceRoutesMatchOpenAPI(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("../../docs/openapi.yaml")
	require.NoError(t, err)
	require.NoError(t, doc.Validate(context.Background()))
	router, err := legacy.NewRouter(doc)
	require.NoError(t, err)
	_, admin, _, data := newControlsTenant(t)
	today := time.Now().UTC().Format("2006-01-02")
	calls := []struct {
		method, path, key, body, ctype string
		want                           int
	}{
		{"POST", "/v1/bias-runs", admin, `{"modelVersion":"m@1","groups":["a","b"],"metric":"dpd","threshold":0.1,"result":0.2,"date":"` + today + `"}`, "application/json", 201},
		{"POST", "/v1/bias-runs", admin, `{"modelVersion":"m@1","groups":["a"],"metric":"dpd","threshold":0.1,"result":0.2,"date":"` + today + `"}`, "application/json", 422},
		{"POST", "/v1/bias-runs", data, `{}`, "application/json", 403},
		{"GET", "/v1/bias-runs", data, "", "", 200},
		{"POST", "/v1/runbooks", admin, `{"name":"LLM outage","scope":"model_outage","owner":"sre","lastDrill":"` + today + `"}`, "application/json", 201},
		{"POST", "/v1/runbooks", admin, `{"name":"LLM outage","scope":"outage","owner":"sre"}`, "application/json", 422},
		{"GET", "/v1/runbooks", data, "", "", 200},
		{"POST", "/v1/datasets", admin, `{"name":"tickets","modelVersions":["m@1"],"consentBasis":"contract","tenantIsolation":true,"reviewedAt":"` + today + `"}`, "text/plain", 415},
		{"POST", "/v1/datasets", admin, `{"name":"tickets","modelVersions":["m@1"],"consentBasis":"contract","tenantIsolation":true,"reviewedAt":"` + today + `"}`, "application/json", 201},
		{"GET", "/v1/datasets", data, "", "", 200},
		{"POST", "/v1/output-reviews", admin, `{"from":"` + today + `","to":"` + today + `","reviewed":3,"sampleRate":0.05,"reviewer":"qa"}`, "application/json", 201},
		{"POST", "/v1/output-reviews", admin, `{"from":"` + today + `","to":"` + today + `","reviewed":3,"sampleRate":2,"reviewer":"qa"}`, "application/json", 422},
		{"GET", "/v1/output-reviews", data, "", "", 200},
		{"POST", "/v1/vendors", admin, `{"name":"Mistral","dpa":true,"nextReviewDue":"2027-03-01","sla":"99.9%","fallback":"openai"}`, "application/json", 201},
		{"POST", "/v1/models", admin, `{"version":"ft@1","fineTuned":true,"benchmarks":{"eval":0.9}}`, "application/json", 201},
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
			assert.Equal(t, c.want, resp.StatusCode, "%s", b)
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
}
