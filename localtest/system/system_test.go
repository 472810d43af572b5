package system_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/system"
)

var sys *system.System

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	return system.RunTests(m, system.Options{
		Addr: "127.0.0.1:0", Tick: time.Hour, AuthCacheTTL: 60 * time.Second, RateLimit: 100000,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}, &sys)
}

// clock is the gateway's clock, moved by tests to expire authorizer cache entries.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func do(t *testing.T, method, path, key, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, sys.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m), "%s %s: %s", method, path, b)
	return resp.StatusCode, m
}

func TestKeyLifecycle(t *testing.T) {
	clk := &clock{t: time.Now()}
	sys.SetAuthClock(clk.now)
	t.Cleanup(func() { sys.SetAuthClock(time.Now) })

	// Create.
	status, body := do(t, "POST", "/v1/keys", sys.AdminKey, `{"name":"ci","scopes":["validate","read"]}`)
	require.Equal(t, 201, status, "%v", body)
	key := body["key"].(string)
	id := body["id"].(string)
	require.True(t, strings.HasPrefix(key, "agk_"+id+"_"))
	status, _ = do(t, "POST", "/v1/validate", key, `{"input":"hello"}`)
	require.Equal(t, 200, status)

	// List: the key is there, its secret is not.
	status, body = do(t, "GET", "/v1/keys", sys.AdminKey, "")
	require.Equal(t, 200, status)
	raw, _ := json.Marshal(body)
	assert.Contains(t, string(raw), id)
	assert.NotContains(t, string(raw), key[len("agk_"+id+"_"):], "secrets are never listed")
	assert.NotContains(t, string(raw), "secretHash")

	// Only admin keys manage keys; wrong scopes are refused.
	status, _ = do(t, "GET", "/v1/keys", sys.APIKey, "")
	assert.Equal(t, 403, status)
	status, _ = do(t, "POST", "/v1/keys", sys.AdminKey, `{"scopes":["root"]}`)
	assert.Equal(t, 422, status)

	// Revoke: refused within the documented cache bound (60 s).
	status, body = do(t, "DELETE", "/v1/keys/"+id, sys.AdminKey, "")
	require.Equal(t, 200, status, "%v", body)
	assert.Equal(t, "1m0s", body["refusedWithin"])
	clk.add(61 * time.Second)
	status, body = do(t, "POST", "/v1/validate", key, `{"input":"hello"}`)
	assert.Equal(t, 401, status, "revoked key still accepted after the cache bound")
	assert.Equal(t, "unauthorized", body["error"].(map[string]any)["code"])

	// Rotate: a new key with the same scopes; the old one stops after its grace.
	// (The API stamps the grace with real time: bring the test clock back to it.)
	clk.mu.Lock()
	clk.t = time.Now()
	clk.mu.Unlock()
	status, body = do(t, "POST", "/v1/keys", sys.AdminKey, `{"scopes":["validate"]}`)
	require.Equal(t, 201, status)
	old, oldID := body["key"].(string), body["id"].(string)
	status, body = do(t, "POST", "/v1/keys/"+oldID+"/rotate", sys.AdminKey, `{"graceSeconds":30}`)
	require.Equal(t, 201, status, "%v", body)
	fresh := body["key"].(string)
	assert.Equal(t, []any{"validate"}, body["scopes"])
	status, _ = do(t, "POST", "/v1/validate", fresh, `{"input":"hello"}`)
	assert.Equal(t, 200, status)
	status, _ = do(t, "POST", "/v1/validate", old, `{"input":"hello"}`)
	assert.Equal(t, 200, status, "inside the grace period")
	clk.add(2 * time.Minute)
	status, _ = do(t, "POST", "/v1/validate", old, `{"input":"hello"}`)
	assert.Equal(t, 401, status, "old key refused after grace + cache bound")

	// Another tenant's admin cannot touch this tenant's keys.
	require.NoError(t, sys.CreateTenant(context.Background(), "other"))
	otherAdmin, err := sys.CreateKey(context.Background(), "other", "admin")
	require.NoError(t, err)
	status, _ = do(t, "DELETE", "/v1/keys/"+oldID, otherAdmin, "")
	assert.Equal(t, 404, status)
	status, _ = do(t, "POST", "/v1/keys/"+oldID+"/rotate", otherAdmin, "")
	assert.Equal(t, 404, status)
}

func TestDSARExportAndErasure(t *testing.T) {
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		status, _ := do(t, "POST", "/v1/validate", sys.APIKey, `{"input":"hello","context":{"userId":"alice@example.com"}}`)
		require.Equal(t, 200, status)
	}
	for i := 0; i < 2; i++ {
		status, _ := do(t, "POST", "/v1/validate", sys.APIKey, `{"input":"hello","context":{"userId":"bob"}}`)
		require.Equal(t, 200, status)
	}
	status, body := do(t, "GET", "/v1/subjects/alice@example.com/evidence", sys.AdminKey, "")
	require.Equal(t, 200, status, "%v", body)
	entries := body["entries"].([]any)
	require.Len(t, entries, 3, "exactly the subject's entries")
	ref := body["userRef"].(string)
	for _, e := range entries {
		assert.Equal(t, ref, e.(map[string]any)["userRef"])
	}
	status, _ = do(t, "GET", "/v1/subjects/alice@example.com/evidence", sys.APIKey, "")
	assert.Equal(t, 403, status, "DSAR needs admin")

	// The raw user id is stored nowhere.
	for _, table := range sys.Tables {
		out, err := sys.DDB.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String(table)})
		require.NoError(t, err)
		raw, _ := json.Marshal(out.Items)
		assert.NotContains(t, string(raw), "alice@example.com")
	}

	status, body = do(t, "DELETE", "/v1/subjects/alice@example.com", sys.AdminKey, "")
	require.Equal(t, 200, status, "%v", body)
	assert.Equal(t, ref, body["userRef"])
	erasure := body["evidence"].(map[string]any)

	// The chains still verify, the erasure is itself evidence.
	for shard := 0; shard < 4; shard++ {
		chain := fmt.Sprintf("%s/%d", sys.Tenant, shard)
		status, body = do(t, "GET", "/v1/evidence/verify?chain="+chain, sys.APIKey, "")
		require.Equal(t, 200, status)
		assert.Equal(t, true, body["valid"], "%s: %v", chain, body["firstBad"])
	}
	status, body = do(t, "GET", "/v1/evidence/"+erasure["id"].(string), sys.APIKey, "")
	require.Equal(t, 200, status)
	assert.Equal(t, "erasure", body["kind"])

	// Nothing links to alice any more; a new call gets a new, unrelated pseudonym.
	status, body = do(t, "GET", "/v1/subjects/alice@example.com/evidence", sys.AdminKey, "")
	require.Equal(t, 200, status)
	assert.Empty(t, body["entries"])
	assert.Nil(t, body["userRef"])
	status, _ = do(t, "DELETE", "/v1/subjects/alice@example.com", sys.AdminKey, "")
	assert.Equal(t, 404, status)
	status, _ = do(t, "POST", "/v1/validate", sys.APIKey, `{"input":"hello again","context":{"userId":"alice@example.com"}}`)
	require.Equal(t, 200, status)
	status, body = do(t, "GET", "/v1/subjects/alice@example.com/evidence", sys.AdminKey, "")
	require.Equal(t, 200, status)
	assert.Len(t, body["entries"], 1)
	assert.NotEqual(t, ref, body["userRef"])
	// Bob is untouched.
	status, body = do(t, "GET", "/v1/subjects/bob/evidence", sys.AdminKey, "")
	require.Equal(t, 200, status)
	assert.Len(t, body["entries"], 2)
}

func TestTenantPolicyChangeIsAppliedAndRecorded(t *testing.T) {
	ctx := context.Background()
	require.NoError(t, sys.CreateTenant(ctx, "policy-co"))
	admin, err := sys.CreateKey(ctx, "policy-co", "admin")
	require.NoError(t, err)

	status, body := do(t, "POST", "/v1/validate", admin, `{"input":"write to bob@example.com"}`)
	require.Equal(t, 200, status)
	assert.Equal(t, "redact", body["decision"], "default policy redacts PII")

	status, body = do(t, "GET", "/v1/policy", admin, "")
	require.Equal(t, 200, status)
	oldHash := body["policyHash"].(string)

	status, _ = do(t, "PUT", "/v1/policy", admin, `{"categories":{"pii":{"action":"explode"}}}`)
	assert.Equal(t, 422, status, "invalid policy refused")
	status, _ = do(t, "PUT", "/v1/policy", sys.APIKey, `{"categories":{"pii":{"action":"flag"}}}`)
	assert.Equal(t, 403, status, "only admin changes policy")

	status, body = do(t, "PUT", "/v1/policy", admin, `{"categories":{"pii":{"action":"flag"}}}`)
	require.Equal(t, 200, status, "%v", body)
	newHash := body["policy"].(map[string]any)["policyHash"].(string)
	assert.NotEqual(t, oldHash, newHash)
	change := body["evidence"].(map[string]any)
	status, entry := do(t, "GET", "/v1/evidence/"+change["id"].(string), admin, "")
	require.Equal(t, 200, status)
	assert.Equal(t, "policy_change", entry["kind"])
	assert.Equal(t, oldHash, entry["meta"].(map[string]any)["previousPolicyHash"])

	status, body = do(t, "POST", "/v1/validate", admin, `{"input":"write to bob@example.com"}`)
	require.Equal(t, 200, status)
	assert.Equal(t, "allow", body["decision"], "flag-only PII is allowed with a violation")
	assert.NotEmpty(t, body["violations"])
	status, entry = do(t, "GET", "/v1/evidence/"+body["evidence"].(map[string]any)["id"].(string), admin, "")
	require.Equal(t, 200, status)
	assert.Equal(t, newHash, entry["policyHash"], "evidence names the policy that decided")
	// Other tenants keep the default.
	status, body = do(t, "POST", "/v1/validate", sys.APIKey, `{"input":"write to bob@example.com"}`)
	require.Equal(t, 200, status)
	assert.Equal(t, "redact", body["decision"])
}
