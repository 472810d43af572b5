package system_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestControlGateCoverage drives CC6.6 with evidence that crosses its
// thresholds through the real routes: calls a fail-open client replayed
// two hours late, and a tenant policy that turns injection detection off.
// Before decision 130 this tenant's CC6.6 passed: every validate entry had
// a decision.
func TestControlGateCoverage(t *testing.T) {
	ctx := context.Background()
	_, admin, _, data := newControlsTenant(t)
	for range 3 {
		status, body := do(t, "POST", "/v1/validate", data, `{"input":"What are your opening hours?"}`)
		require.Equal(t, 200, status, "%v", body)
	}
	var recs []string
	for range 2 {
		id := make([]byte, 16)
		_, _ = rand.Read(id)
		recs = append(recs, fmt.Sprintf(`{"id":%q,"ts":%q,"inputSha256":%q,"reason":"fail_open"}`,
			hex.EncodeToString(id), time.Now().Add(-2*time.Hour).UTC().Format(time.RFC3339Nano), strings.Repeat("ab", 32)))
	}
	status, body := do(t, "POST", "/v1/evidence/replay", data, `{"records":[`+strings.Join(recs, ",")+`]}`)
	require.Equal(t, 200, status, "%v", body)
	status, body = do(t, "PUT", "/v1/policy", admin, `{"categories":{"prompt_injection":{"action":"off"}}}`)
	require.Equal(t, 200, status, "%v", body)

	_, err := sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	status, body = do(t, "GET", "/v1/compliance/status", data, "")
	require.Equal(t, 200, status)
	var cc66 map[string]any
	for _, c := range body["controls"].([]any) {
		if m := c.(map[string]any); m["id"] == "CC6.6" {
			cc66 = m
		}
	}
	require.NotNil(t, cc66)
	assert.Equal(t, "failing", cc66["status"])
	detail, _ := cc66["detail"].(string)
	assert.Contains(t, detail, "only 60.0% of 5 calls in the last 7 days were decided by the gate")
	assert.Contains(t, detail, "40.0% of calls in the last 7 days went through fail-open, unchecked (2 of 5")
	assert.Contains(t, detail, "a fail-open call was recorded 2h0m0s after it happened")
	assert.Contains(t, detail, "the tenant's gate policy turns off the prompt_injection detectors")
}
