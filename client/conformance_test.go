package client_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/client"
	"github.com/agentgate/agentgate/clients/conformance"
)

// TestConformance runs the scenarios every client (Go, TypeScript, Python)
// must pass, from clients/conformance/scenarios.json, against the shared
// scripted fake server.
func TestConformance(t *testing.T) {
	file, err := conformance.Load()
	require.NoError(t, err)
	require.NotEmpty(t, file.Scenarios)
	start, err := time.Parse(time.RFC3339, file.ClockStart)
	require.NoError(t, err, "clockStart")
	srv := httptest.NewServer(conformance.NewServer(file.APIKey))
	t.Cleanup(srv.Close)
	for _, sc := range file.Scenarios {
		t.Run(sc.Name, func(t *testing.T) {
			t.Parallel()
			runScenario(t, srv.URL, start, sc)
		})
	}
}

func goConfig(e *env, base string, cc conformance.Config) client.Config {
	return e.config(base, func(cfg *client.Config) {
		cfg.APIKey = cc.APIKey
		cfg.FailureMode = client.FailOpen
		if cc.FailureMode == "closed" {
			cfg.FailureMode = client.FailClosed
		}
		if cc.Spool == nil || !*cc.Spool {
			cfg.SpoolPath = ""
		}
		// The file says "retries": 0 for none and leaves it out for the
		// default; Go spells those -1 and 0.
		cfg.MaxRetries = 0
		if cc.Retries != nil {
			cfg.MaxRetries = *cc.Retries
			if cfg.MaxRetries == 0 {
				cfg.MaxRetries = -1
			}
		}
		cfg.Timeout = time.Duration(cc.TimeoutMs) * time.Millisecond
		cfg.Backoff = client.Backoff{Base: ms(cc.Backoff.BaseMs), Max: ms(cc.Backoff.MaxMs)}
		cfg.Breaker = client.BreakerConfig{Threshold: cc.Breaker.Threshold, OpenFor: ms(cc.Breaker.OpenForMs)}
		cfg.ReplayBatchSize = cc.ReplayBatchSize
	})
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

func runScenario(t *testing.T, base string, start time.Time, sc conformance.Scenario) {
	e := newEnv(t)
	e.clock.Advance(start.Sub(e.clock.Now()))
	prefix := base + "/s/" + sc.Name
	c, err := client.New(goConfig(e, prefix, sc.Config))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx := context.Background()
	var texts []string

	for i, st := range sc.Steps {
		if len(st.Server) > 0 || len(st.ReplayServer) > 0 {
			postScript(t, prefix, conformance.Script{Validate: st.Server, Replay: st.ReplayServer})
		}
		before := getState(t, prefix)
		waitsBefore := len(e.sleep.Waits())
		pendingBefore, err := c.Pending()
		require.NoError(t, err)
		obs := map[string]any{}

		switch st.Op {
		case "advance":
			e.clock.Advance(ms(st.Ms))
		case "validate":
			req := client.Request{Input: st.Request.Input, Output: st.Request.Output, IdempotencyKey: st.Request.IdempotencyKey}
			texts = append(texts, req.Input)
			if req.Output != "" {
				texts = append(texts, req.Output)
			}
			raw, _ := json.Marshal(st.Request.Context)
			require.NoError(t, json.Unmarshal(raw, &req.Context))
			for _, d := range st.Request.Documents {
				req.Documents = append(req.Documents, client.Document{ID: d.ID, Source: d.Source, Text: d.Text})
			}
			res, err := c.Validate(ctx, req)
			observeValidate(obs, res, err)
			after := getState(t, prefix)
			keys := after.IdempotencyKeys[before.ValidateHits:]
			obs["sameIdempotencyKey"] = len(keys) > 0 && keys[0] != "" && allEqual(keys)
			if len(keys) > 0 {
				obs["idempotencyKey"] = keys[0]
			}
			if n, _ := c.Pending(); n > pendingBefore {
				recs := spoolLines(t, e.spool)
				last := recs[len(recs)-1]
				assert.Equal(t, sha256hex(req.Input), last.InputSHA256, "step %d: spooled input hash", i)
				wantOut := ""
				if req.Output != "" {
					wantOut = sha256hex(req.Output)
				}
				assert.Equal(t, wantOut, last.OutputSHA256, "step %d: spooled output hash", i)
				assert.Equal(t, req.Context, last.Context, "step %d: spooled context", i)
			}
		case "replay":
			res, err := c.Replay(ctx)
			obs["outcome"] = "replayed"
			if err != nil {
				obs["outcome"] = "replay_error"
			}
			obs["sent"], obs["accepted"], obs["duplicates"], obs["remaining"] = res.Sent, res.Accepted, res.Duplicates, res.Remaining
		}

		after := getState(t, prefix)
		obs["validateHits"], obs["replayHits"], obs["recorded"] = after.ValidateHits, after.ReplayHits, after.Recorded
		waits := e.sleep.Waits()[waitsBefore:]
		obs["waits"] = len(waits)
		if len(waits) > 0 {
			m := waits[0]
			for _, w := range waits {
				m = min(m, w)
			}
			obs["minWaitMs"] = float64(m) / float64(time.Millisecond)
		}
		n, err := c.Pending()
		require.NoError(t, err)
		obs["pending"] = n
		if recs := spoolLines(t, e.spool); len(recs) > 0 {
			obs["spoolReason"], obs["spoolError"] = recs[len(recs)-1].Reason, recs[len(recs)-1].Error
			for _, r := range recs {
				raw, _ := json.Marshal(r)
				var cr conformance.Record
				require.NoError(t, json.Unmarshal(raw, &cr))
				assert.NoError(t, conformance.CheckRecord(cr), "step %d", i)
			}
		}
		obs["breaker"] = string(c.BreakerState())
		// Whatever happened, the prompt and completion text never reach the disk.
		if data, err := os.ReadFile(e.spool); err == nil {
			for _, txt := range texts {
				assert.NotContains(t, string(data), txt, "step %d: spool holds text", i)
			}
		}
		checkExpect(t, i, st, obs)
	}
}

func observeValidate(obs map[string]any, res client.Result, err error) {
	var ue *client.UnavailableError
	var ae *client.APIError
	switch {
	case err == nil && res.Degraded:
		obs["outcome"], obs["reason"] = "degraded", res.DegradedReason
	case err == nil:
		obs["outcome"] = "result"
	case errors.As(err, &ue):
		obs["outcome"], obs["reason"], obs["attempts"] = "unavailable", ue.Reason, ue.Attempts
		if errors.As(ue.Err, &ae) {
			obs["lastStatus"] = ae.Status
		}
		return
	case errors.As(err, &ae):
		obs["outcome"], obs["status"], obs["code"], obs["requestId"] = "api_error", ae.Status, ae.Code, ae.RequestID
		return
	default:
		obs["outcome"], obs["error"] = "error", err.Error()
		return
	}
	obs["passed"], obs["decision"] = res.Passed, string(res.Decision)
	obs["hasEvidence"] = res.Evidence.ID != ""
	obs["redactedInput"] = res.Redacted.Input
	if len(res.Violations) > 0 {
		obs["violationTarget"], obs["violationDocument"] = res.Violations[0].Target, res.Violations[0].Document
	}
}

// checkExpect compares the observed values the step's expectation names;
// minWaitMs is a floor, everything else must be equal.
func checkExpect(t *testing.T, i int, st conformance.Step, obs map[string]any) {
	t.Helper()
	raw, err := json.Marshal(obs)
	require.NoError(t, err)
	var norm map[string]any
	require.NoError(t, json.Unmarshal(raw, &norm))
	for k, want := range st.Expect {
		got, ok := norm[k]
		if !assert.True(t, ok, "step %d (%s): nothing observed for %q; observed %v", i, st.Op, k, norm) {
			continue
		}
		if k == "minWaitMs" {
			assert.GreaterOrEqual(t, got.(float64), want.(float64), "step %d: %s", i, k)
			continue
		}
		assert.Equal(t, want, got, "step %d (%s): %s; observed %v", i, st.Op, k, norm)
	}
}

func allEqual(ss []string) bool {
	for _, s := range ss {
		if s != ss[0] {
			return false
		}
	}
	return true
}

func sha256hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func postScript(t *testing.T, prefix string, sc conformance.Script) {
	t.Helper()
	body, err := json.Marshal(sc)
	require.NoError(t, err)
	resp, err := http.Post(prefix+"/_script", "application/json", strings.NewReader(string(body)))
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
}

func getState(t *testing.T, prefix string) conformance.State {
	t.Helper()
	resp, err := http.Get(prefix + "/_state")
	require.NoError(t, err)
	defer resp.Body.Close()
	var st conformance.State
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&st))
	return st
}
