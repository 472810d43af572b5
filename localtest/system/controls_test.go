package system_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/events"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
)

// subscriber is an HTTP endpoint subscribed to the alert topic, as a user's
// webhook would be. It confirms the subscription the way SNS asks (GET the
// SubscribeURL) and records every notification.
type subscriber struct {
	mu            sync.Mutex
	confirmations int
	notifications []events.ControlStatusChanged
	subjects      []string
}

func (s *subscriber) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var msg struct {
		Type, Message, Subject, SubscribeURL string
	}
	b, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(b, &msg); err != nil {
		http.Error(w, "bad", 400)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch msg.Type {
	case "SubscriptionConfirmation":
		s.confirmations++
		if resp, err := http.Get(msg.SubscribeURL); err == nil {
			resp.Body.Close()
		}
	case "Notification":
		var e events.ControlStatusChanged
		if json.Unmarshal([]byte(msg.Message), &e) == nil {
			s.notifications = append(s.notifications, e)
			s.subjects = append(s.subjects, msg.Subject)
		}
	}
}

func (s *subscriber) take() []events.ControlStatusChanged {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.notifications
	s.notifications, s.subjects = nil, nil
	return n
}

func newControlsTenant(t *testing.T) (tenant, admin1, admin2, data string) {
	t.Helper()
	ctx := context.Background()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	tenant = "ctl-" + hex.EncodeToString(b)
	require.NoError(t, sys.CreateTenant(ctx, tenant))
	var err error
	admin1, err = sys.CreateKey(ctx, tenant, auth.ScopeAdmin)
	require.NoError(t, err)
	admin2, err = sys.CreateKey(ctx, tenant, auth.ScopeAdmin)
	require.NoError(t, err)
	data, err = sys.CreateKey(ctx, tenant, auth.ScopeValidate, auth.ScopeRead)
	require.NoError(t, err)
	return
}

// TestControlAlertsOnGoaws: a state change delivers exactly one SNS
// notification to an HTTP subscriber; an unchanged run delivers none.
func TestControlAlertsOnGoaws(t *testing.T) {
	ctx := context.Background()
	sub := &subscriber{}
	// httptest binds 127.0.0.1.
	hook := httptest.NewServer(sub)
	defer hook.Close()
	out, err := sys.SNS.Subscribe(ctx, &sns.SubscribeInput{
		TopicArn: aws.String(sys.Config.AlertTopicARN), Protocol: aws.String("http"), Endpoint: aws.String(hook.URL),
	})
	require.NoError(t, err)
	defer sys.SNS.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionArn: out.SubscriptionArn})
	require.Eventually(t, func() bool { sub.mu.Lock(); defer sub.mu.Unlock(); return sub.confirmations == 1 }, 10*time.Second, 50*time.Millisecond,
		"goaws sends a SubscriptionConfirmation first")

	tenant, admin, _, _ := newControlsTenant(t)

	// Baseline: first results of every tenant (first non-passing results
	// alert; that is not what this test counts).
	_, err = sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	sub.take()

	// Unchanged run: nothing is delivered.
	_, err = sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	assert.Empty(t, sub.take(), "an unchanged run publishes nothing")

	// A change: the tenant's vendor review comes due in 14 days.
	due := time.Now().AddDate(0, 0, 14).Format("2006-01-02")
	status, body := do(t, "POST", "/v1/vendors", admin, `{"name":"OpenAI","providers":["openai"],"dpa":true,"soc2ReportDate":"`+
		time.Now().AddDate(0, -2, 0).Format("2006-01-02")+`","nextReviewDue":"`+due+`"}`)
	require.Equal(t, 201, status, "%v", body)
	_, err = sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	got := sub.take()
	require.Len(t, got, 1, "exactly one notification for one change: %+v", got)
	assert.Equal(t, tenant, got[0].Tenant)
	assert.Equal(t, "CC9.2", got[0].Control)
	assert.Equal(t, "passing", got[0].From)
	assert.Equal(t, "warning", got[0].To)
	assert.Equal(t, "OpenAI vendor review due in 14 days", got[0].Detail)

	// And the same state again: none.
	_, err = sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	assert.Empty(t, sub.take())

	// History keeps each run's result, newest first.
	status, body = do(t, "GET", "/v1/controls/CC9.2/history", admin, "")
	require.Equal(t, 200, status, "%v", body)
	hist := body["history"].([]any)
	require.GreaterOrEqual(t, len(hist), 4)
	assert.Equal(t, "warning", hist[0].(map[string]any)["status"])
	assert.Equal(t, "passing", hist[len(hist)-1].(map[string]any)["status"])
}

// TestComplianceStatusAndChangeManagement drives the registers through the
// API and reads the status the documented way.
func TestComplianceStatusAndChangeManagement(t *testing.T) {
	ctx := context.Background()
	_, admin1, admin2, data := newControlsTenant(t)

	// A call names a model version before it is approved.
	status, vbody := do(t, "POST", "/v1/validate", data, `{"input":"hello","context":{"modelVersion":"claude-x@2026-10","modelProvider":"anthropic"}}`)
	require.Equal(t, 200, status)
	assert.Equal(t, "allow", vbody["decision"], "an unapproved model is a finding, not a block")
	assert.True(t, hasRule(vbody, "change_management.unapproved_model_version"), "the call carries a CC8.1 violation: %v", vbody["violations"])

	// Submit, then approve by the submitter: 403; by another principal: 200.
	status, body := do(t, "POST", "/v1/models", admin1, `{"version":"claude-x@2026-10","provider":"anthropic","benchmarks":{"mmlu":0.87}}`)
	require.Equal(t, 201, status, "%v", body)
	status, body = do(t, "POST", "/v1/models/claude-x@2026-10/approve", admin1, "")
	assert.Equal(t, 403, status, "approving one's own submission: %v", body)
	assert.Equal(t, "forbidden", body["error"].(map[string]any)["code"])
	status, body = do(t, "POST", "/v1/models/claude-x@2026-10/approve", admin2, "")
	require.Equal(t, 200, status, "%v", body)
	assert.Equal(t, "approved", body["status"])
	status, _ = do(t, "POST", "/v1/models/claude-x@2026-10/approve", admin2, "")
	assert.Equal(t, 409, status, "already approved")
	status, vbody = do(t, "POST", "/v1/validate", data, `{"input":"hello","context":{"modelVersion":"claude-x@2026-10","modelProvider":"anthropic"}}`)
	require.Equal(t, 200, status)
	assert.False(t, hasRule(vbody, "change_management.unapproved_model_version"), "approved now: %v", vbody["violations"])
	status, _ = do(t, "POST", "/v1/models", data, `{"version":"v2","benchmarks":{"a":1}}`)
	assert.Equal(t, 403, status, "writes need admin")

	_, err := sys.RunControls(ctx, time.Now())
	require.NoError(t, err)

	status, body = do(t, "GET", "/v1/compliance/status", data, "")
	require.Equal(t, 200, status, "%v", body)
	ctrls := body["controls"].([]any)
	require.Len(t, ctrls, 17) // the nine of v1, five governance controls, secrets, vulnerabilities, encryption in transit
	byID := map[string]map[string]any{}
	for _, c := range ctrls {
		m := c.(map[string]any)
		byID[m["id"].(string)] = m
		assert.NotEmpty(t, m["name"])
		assert.Contains(t, []any{"passing", "warning", "failing", "error"}, m["status"])
		fw := m["frameworks"].(map[string]any)
		assert.Len(t, fw, 5, "%s frameworks", m["id"])
		if m["status"] != "passing" {
			assert.NotEmpty(t, m["detail"], "%s is %s without detail", m["id"], m["status"])
		} else {
			assert.Nil(t, m["detail"])
		}
	}
	assert.NotEmpty(t, body["lastRun"])
	cc81 := byID["CC8.1"]
	assert.Equal(t, "failing", cc81["status"])
	assert.Contains(t, cc81["detail"], "claude-x@2026-10", "CC8.1 names the version used before approval")
	assert.Contains(t, cc81["detail"], "used before approval")
	assert.Equal(t, "failing", byID["CC9.2"]["status"], "anthropic is used but not a registered vendor")
	assert.Equal(t, "failing", byID["CC6.2"]["status"], "the fixture account has a console user without MFA")
	// The account is the operator's (the demo tenant): this tenant sees that
	// its check fails, never whose MFA is missing (decision 131).
	assert.Contains(t, byID["CC6.2"]["detail"], `shared AWS account check "IAM credential report" is failing (details are shown to the operator only)`)
	assert.NotContains(t, byID["CC6.2"]["detail"], "bob.analyst")
	// The operator's admin key sees the account's findings; its read key
	// does not.
	status, opBody := do(t, "GET", "/v1/compliance/status", sys.AdminKey, "")
	require.Equal(t, 200, status)
	opRead, err := sys.CreateKey(ctx, sys.Tenant, auth.ScopeRead)
	require.NoError(t, err)
	_, readBody := do(t, "GET", "/v1/compliance/status", opRead, "")
	for name, b := range map[string]map[string]any{"admin": opBody, "read": readBody} {
		for _, c := range b["controls"].([]any) {
			if m := c.(map[string]any); m["id"] == "CC6.2" {
				if name == "admin" {
					assert.Contains(t, m["detail"], "IAM user bob.analyst has console access without MFA")
				} else {
					assert.NotContains(t, m["detail"], "bob.analyst")
				}
			}
		}
	}
	assert.Equal(t, "passing", byID["CC6.1"]["status"], "recorded Config rules are compliant")
	assert.Equal(t, "passing", byID["A1.2"]["status"], "recorded P99 57 ms under 120 ms")
	assert.Equal(t, "failing", body["overall"])

	// ?framework= keeps that framework's criteria only.
	status, body = do(t, "GET", "/v1/compliance/status?framework=gdpr", data, "")
	require.Equal(t, 200, status)
	for _, c := range body["controls"].([]any) {
		fw := c.(map[string]any)["frameworks"].(map[string]any)
		assert.Len(t, fw, 1)
		assert.Contains(t, fw, "gdpr")
	}
	status, _ = do(t, "GET", "/v1/compliance/status?framework=hipaa", data, "")
	assert.Equal(t, 400, status)
	status, _ = do(t, "GET", "/v1/controls/XX9.9/history", data, "")
	assert.Equal(t, 404, status)

	// A failing AWS API makes its control error, never passing.
	sys.FixtureAccount().Set(fixture.CloudWatchMetricGet, fixture.Response{Status: 400, Body: fixture.ErrorBody("cloudwatch", "AccessDeniedException", "no")})
	defer sys.FixtureAccount().Reset()
	_, err = sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	_, body = do(t, "GET", "/v1/compliance/status", data, "")
	for _, c := range body["controls"].([]any) {
		m := c.(map[string]any)
		if m["id"] == "A1.2" {
			assert.Equal(t, "error", m["status"])
			assert.Equal(t, `shared AWS account check "validate latency metrics" is error (details are shown to the operator only)`, m["detail"])
		}
	}
}

func TestAdversarialRunIsEvidence(t *testing.T) {
	ctx := context.Background()
	tenant, admin, _, data := newControlsTenant(t)
	audit, err := sys.CreateKey(ctx, tenant, auth.ScopeAudit)
	require.NoError(t, err)
	status, _ := do(t, "POST", "/v1/adversarial-runs", data, "")
	assert.Equal(t, 403, status, "validate/read keys cannot run it")
	status, body := do(t, "POST", "/v1/adversarial-runs", audit, "")
	require.Equal(t, 201, status, "%v", body)
	run := body["run"].(map[string]any)
	assert.Greater(t, run["detectionRate"].(float64), 0.9)
	id := run["evidence"].(string)
	require.True(t, strings.HasPrefix(id, tenant+"/"))
	status, entry := do(t, "GET", "/v1/evidence/"+id, data, "")
	require.Equal(t, 200, status, "%v", entry)
	assert.Equal(t, "adversarial_run", entry["kind"])
	assert.Equal(t, run["reportSha256"], entry["meta"].(map[string]any)["reportSha256"])
	status, body = do(t, "GET", "/v1/adversarial-runs", admin, "")
	require.Equal(t, 200, status)
	assert.Len(t, body["adversarialRuns"], 1)

	status, body = do(t, "POST", "/v1/access-reviews", admin, `{"scope":"model_endpoints","reviewer":"sec","date":"`+time.Now().Format("2006-01-02")+`","principals":["inference-service"],"findings":[]}`)
	require.Equal(t, 201, status, "%v", body)
	status, body = do(t, "POST", "/v1/access-reviews", admin, `{"scope":"everything","reviewer":"sec","date":"2026-01-01"}`)
	assert.Equal(t, 422, status, "%v", body)
}

// TestControlRoutesMatchOpenAPI checks that the status, history, usage and
// register answers are what docs/openapi.yaml promises.
func TestControlRoutesMatchOpenAPI(t *testing.T) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile("../../docs/openapi.yaml")
	require.NoError(t, err)
	require.NoError(t, doc.Validate(context.Background()))
	router, err := legacy.NewRouter(doc)
	require.NoError(t, err)
	_, admin1, admin2, data := newControlsTenant(t)
	_, err = sys.RunControls(context.Background(), time.Now())
	require.NoError(t, err)
	promptfoo, err := os.ReadFile("../../shared/registers/testdata/promptfoo-results.json")
	require.NoError(t, err)
	calls := []struct{ method, path, key, body string }{
		{"GET", "/v1/compliance/status", data, ""},
		{"GET", "/v1/compliance/status?framework=pcidss", data, ""},
		{"GET", "/v1/compliance/status?framework=nope", data, ""},
		{"GET", "/v1/controls/CC6.1/history", data, ""},
		{"GET", "/v1/compliance/usage", data, ""},
		{"GET", "/v1/compliance/usage?days=35", data, ""},
		{"GET", "/v1/compliance/usage?days=36", data, ""},
		{"POST", "/v1/vendors", admin1, `{"name":"Anthropic","dpa":true,"soc2ReportDate":"2026-09-01","nextReviewDue":"2027-03-01"}`},
		{"GET", "/v1/vendors", data, ""},
		{"POST", "/v1/models", admin1, `{"version":"m@1","benchmarks":{"eval":0.9}}`},
		{"POST", "/v1/models/m@1/approve", admin1, ""},
		{"POST", "/v1/models/m@1/approve", admin2, ""},
		{"POST", "/v1/models/m@1/rollback", admin2, `{"reason":"regression on eval"}`},
		{"GET", "/v1/models", data, ""},
		{"POST", "/v1/access-reviews", admin1, `{"scope":"api_keys","reviewer":"r","date":"2026-01-05"}`},
		{"GET", "/v1/access-reviews", data, ""},
		{"GET", "/v1/adversarial-runs", data, ""},
		{"POST", "/v1/adversarial-runs/import?format=promptfoo", admin1, string(promptfoo)},
		{"POST", "/v1/adversarial-runs/import?format=promptfoo", admin1, `{"evalId":"x"}`},
		{"POST", "/v1/adversarial-runs/import?format=nope", admin1, `{}`},
	}
	for _, c := range calls {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			req, err := http.NewRequest(c.method, sys.URL+c.path, strings.NewReader(c.body))
			require.NoError(t, err)
			req.Header.Set("Authorization", "Bearer "+c.key)
			if c.body != "" {
				req.Header.Set("Content-Type", "application/json")
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
				Body:   io.NopCloser(strings.NewReader(string(b))), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
			require.NoError(t, openapi3filter.ValidateResponse(context.Background(), out), "status %d body %s", resp.StatusCode, b)
		})
	}
}

func hasRule(body map[string]any, rule string) bool {
	vs, _ := body["violations"].([]any)
	for _, v := range vs {
		if m, ok := v.(map[string]any); ok && m["rule"] == rule && m["control"] == "CC8.1" {
			return true
		}
	}
	return false
}
