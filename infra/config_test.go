package infra

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/mod/sumdb/note"
)

func TestConfigFromContext(t *testing.T) {
	tests := []struct {
		name    string
		ctx     map[string]any
		check   func(t *testing.T, c Config)
		wantErr string
	}{
		{name: "defaults", ctx: nil, check: func(t *testing.T, c Config) {
			assert.Equal(t, DefaultConfig(), c)
		}},
		{name: "cli strings", ctx: map[string]any{
			"retentionDays": "2557", "objectLockMode": "compliance", "alertEmails": "a@example.com, b@example.com",
			"latencyObjectiveMs": "120", "logRetentionDays": "731",
		}, check: func(t *testing.T, c Config) {
			assert.Equal(t, 2557, c.RetentionDays)
			assert.Equal(t, "COMPLIANCE", c.ObjectLockMode)
			assert.Equal(t, []string{"a@example.com", "b@example.com"}, c.AlertEmails)
			assert.Equal(t, 120, c.LatencyObjectiveMs)
			assert.Equal(t, 731, c.LogRetentionDays)
		}},
		{name: "cdk.json types", ctx: map[string]any{
			"retentionDays": float64(800), "alertEmails": []any{"sec@example.com"},
			"controlsSchedule": "cron(0/15 * * * ? *)",
		}, check: func(t *testing.T, c Config) {
			assert.Equal(t, 800, c.RetentionDays)
			assert.Equal(t, []string{"sec@example.com"}, c.AlertEmails)
			assert.Equal(t, "cron(0/15 * * * ? *)", c.ControlsSchedule)
		}},
		{name: "json list in a string", ctx: map[string]any{"alertEmails": `["x@example.com"]`}, check: func(t *testing.T, c Config) {
			assert.Equal(t, []string{"x@example.com"}, c.AlertEmails)
		}},
		{name: "not a number", ctx: map[string]any{"retentionDays": "a year"}, wantErr: "context retentionDays"},
		{name: "fraction", ctx: map[string]any{"retentionDays": 1.5}, wantErr: "not a whole number"},
		{name: "bad lock mode", ctx: map[string]any{"objectLockMode": "LEGAL"}, wantErr: "objectLockMode"},
		{name: "bad log retention", ctx: map[string]any{"logRetentionDays": 42}, wantErr: "logRetentionDays must be one of"},
		{name: "bad schedule", ctx: map[string]any{"controlsSchedule": "hourly"}, wantErr: "controlsSchedule"},
		{name: "bad email", ctx: map[string]any{"alertEmails": "Sec Team <sec@example.com>"}, wantErr: "bare e-mail"},
		{name: "transition after expiry", ctx: map[string]any{"retentionDays": 60}, wantErr: "archiveTransitionDays (90)"},
		{name: "operator tenant with a separator", ctx: map[string]any{"operatorTenant": "ops#1"}, wantErr: "operatorTenant"},
		{name: "security hub not a boolean", ctx: map[string]any{"securityHub": "yes"}, wantErr: "context securityHub"},
		{name: "bad sweep schedule", ctx: map[string]any{"archiveSweepSchedule": "hourly"}, wantErr: "archiveSweepSchedule"},
		{name: "origin with a space", ctx: map[string]any{"checkpointOrigin": "audit example.com"}, wantErr: "checkpointOrigin must be"},
		{name: "origin with a plus", ctx: map[string]any{"checkpointOrigin": "audit+example.com"}, wantErr: "checkpointOrigin must be"},
		{name: "zero objective", ctx: map[string]any{"latencyObjectiveMs": 0}, wantErr: "latencyObjectiveMs must be > 0"},
		{name: "package sizes and fan-out from cdk.json and -c", ctx: map[string]any{
			"packageSingleMaxBytes": float64(4 << 30), "packageByReferenceBytes": "34359738368", "packageFanOutConcurrency": "100",
		}, check: func(t *testing.T, c Config) {
			assert.Equal(t, 4<<30, c.PackageSingleMaxBytes)
			assert.Equal(t, 32<<30, c.PackageByReferenceBytes)
			assert.Equal(t, 100, c.PackageFanOutConcurrency)
		}},
		{name: "no fan-out concurrency", ctx: map[string]any{"packageFanOutConcurrency": 0}, wantErr: "packageFanOutConcurrency must be 1 to 10000"},
		{name: "fan-out beyond the Distributed Map", ctx: map[string]any{"packageFanOutConcurrency": 10001}, wantErr: "packageFanOutConcurrency must be 1 to 10000"},
		{name: "zero single-invocation size", ctx: map[string]any{"packageSingleMaxBytes": 0}, wantErr: "packageSingleMaxBytes must be > 0"},
		{name: "negative by-reference size", ctx: map[string]any{"packageByReferenceBytes": -1}, wantErr: "packageByReferenceBytes must be > 0"},
		{name: "several errors at once", ctx: map[string]any{"evidenceShards": 0, "logLevel": "loud"}, wantErr: "evidenceShards must be > 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ConfigFromContext(func(k string) any { return tt.ctx[k] })
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			tt.check(t, c)
		})
	}
}

// Every Config field is reachable from context under its documented key.
func TestConfigEveryFieldHasAContextKey(t *testing.T) {
	_, vkey, err := note.GenerateKey(rand.Reader, "w.example")
	require.NoError(t, err)
	witnesses := fmt.Sprintf(`[{"name":"w.example","url":"https://w.example","publicKey":%q}]`, vkey)
	typ := reflect.TypeOf(Config{})
	for i := range typ.NumField() {
		f := typ.Field(i)
		key := f.Tag.Get("ctx")
		require.NotEmpty(t, key, "field %s has a ctx tag", f.Name)
		t.Run(key, func(t *testing.T) {
			var v any
			switch f.Type.Kind() {
			case reflect.Int:
				v = "731" // valid for every int field, including logRetentionDays
			case reflect.String:
				v = map[string]string{"objectLockMode": "COMPLIANCE", "logLevel": "debug",
					"checkpointOrigin": "origin.example/x", "operatorTenant": "ops",
					"anchorBucket": "customer-anchor", "anchorBucketOwner": "111122223333", "bedrockGuardrail": "create"}[key]
				if v == "" {
					v = "rate(7 minutes)"
				}
			case reflect.Bool:
				v = strconv.FormatBool(!reflect.ValueOf(DefaultConfig()).Field(i).Bool())
			case reflect.Slice:
				v = "z@example.com"
			}
			ctx := map[string]any{key: v}
			if key == "archiveTransitionDays" {
				ctx["retentionDays"] = "800"
			}
			if key == "anchorBucketOwner" {
				ctx["anchorBucket"] = "customer-anchor"
			}
			// The witness list and its quorum are only valid together.
			if key == "witnesses" || key == "witnessQuorum" {
				ctx["witnesses"], ctx["witnessQuorum"] = witnesses, "1"
			}
			c, err := ConfigFromContext(func(k string) any { return ctx[k] })
			require.NoError(t, err)
			assert.NotEqual(t, reflect.ValueOf(DefaultConfig()).Field(i).Interface(),
				reflect.ValueOf(c).Field(i).Interface(), "context key %s changes %s", key, f.Name)
		})
	}
}

// cdk.json shows users every parameter with its default; it must not drift
// from DefaultConfig.
func TestCdkJSONContextMatchesDefaults(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "cdk.json"))
	require.NoError(t, err)
	var cdk struct {
		App     string         `json:"app"`
		Context map[string]any `json:"context"`
	}
	require.NoError(t, json.Unmarshal(raw, &cdk))
	assert.Equal(t, "go run ./infra/app", cdk.App)
	c, err := ConfigFromContext(func(k string) any { return cdk.Context[k] })
	require.NoError(t, err)
	want := DefaultConfig()
	want.AlertEmails = []string{} // cdk.json lists it, empty
	assert.Equal(t, want, c)
	typ := reflect.TypeOf(Config{})
	for i := range typ.NumField() {
		assert.Contains(t, cdk.Context, typ.Field(i).Tag.Get("ctx"), "cdk.json lists every parameter")
	}
}

// TestWitnessesContext: the witness list and quorum from cdk.json types or
// -c strings, validated at synth as the checkpointer parses them.
func TestWitnessesContext(t *testing.T) {
	_, vkey, err := note.GenerateKey(rand.Reader, "witness.example")
	require.NoError(t, err)
	entry := map[string]any{"name": "witness.example", "url": "https://witness.example", "publicKey": vkey}
	asJSON := fmt.Sprintf(`[{"name":"witness.example","url":"https://witness.example","publicKey":%q}]`, vkey)
	tests := []struct {
		name    string
		ctx     map[string]any
		wantErr string
	}{
		{name: "cdk.json types", ctx: map[string]any{"witnesses": []any{entry}, "witnessQuorum": float64(1)}},
		{name: "cli strings", ctx: map[string]any{"witnesses": asJSON, "witnessQuorum": "1"}},
		{name: "quorum 0 with a witness", ctx: map[string]any{"witnesses": asJSON}, wantErr: "witnessQuorum must be 1 to 1"},
		{name: "quorum above the list", ctx: map[string]any{"witnesses": asJSON, "witnessQuorum": "2"}, wantErr: "quorum 2 with 1"},
		{name: "quorum without witnesses", ctx: map[string]any{"witnessQuorum": "1"}, wantErr: "quorum 1 with 0"},
		{name: "unknown member", ctx: map[string]any{"witnesses": `[{"name":"w","key":"x"}]`}, wantErr: "unknown field"},
		{name: "plain http", ctx: map[string]any{"witnesses": strings.Replace(asJSON, "https:", "http:", 1), "witnessQuorum": "1"}, wantErr: "must be https"},
		{name: "key of another witness", ctx: map[string]any{"witnesses": strings.Replace(asJSON, `"name":"witness.example"`, `"name":"other.example"`, 1), "witnessQuorum": "1"}, wantErr: "public key is named"},
		{name: "not a list", ctx: map[string]any{"witnesses": float64(3)}, wantErr: "context witnesses"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ConfigFromContext(func(k string) any { return tt.ctx[k] })
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Len(t, c.Witnesses, 1)
			assert.Equal(t, 1, c.WitnessQuorum)
			assert.JSONEq(t, asJSON, c.WitnessesJSON())
		})
	}
}

func TestBedrockGuardrailContext(t *testing.T) {
	for _, tc := range []struct {
		v  string
		ok bool
	}{
		{"", true}, {"create", true}, {"abc123xyz", true},
		{"arn:aws:bedrock:eu-west-1:111122223333:guardrail/abc123xyz", true},
		{"arn:aws:s3:::bucket", false}, {"Create", false}, {"gr 1", false},
	} {
		_, err := ConfigFromContext(func(k string) any {
			if k == "bedrockGuardrail" {
				return tc.v
			}
			return nil
		})
		assert.Equal(t, tc.ok, err == nil, "%q: %v", tc.v, err)
	}
}
