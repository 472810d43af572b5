package system_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/auth"
)

// TestPackageFanOutActions drives the packager as the package state machine
// does (infra/packagefanout.go), with the same JSON: plan, one part event
// per plan item (the item merged with action, tenant, id and uploadId),
// finish with the part answers in order. The package is ready, verifies
// with the pinned key and holds every archived entry; an abort of another
// package fails it.
func TestPackageFanOutActions(t *testing.T) {
	p := sys.Packager()
	require.NotNil(t, p)
	ctx := context.Background()
	tenant := "fanco"
	require.NoError(t, sys.CreateTenant(ctx, tenant))
	apiKey, err := sys.CreateKey(ctx, tenant, auth.ScopeValidate, auth.ScopeRead)
	require.NoError(t, err)
	auditKey, err := sys.CreateKey(ctx, tenant, auth.ScopeAudit)
	require.NoError(t, err)
	validateMany(t, apiKey, 300)
	entries := waitArchived(t, tenant)

	// Parts of one bundle each (the plan's default is 1,000). They are
	// under S3's 5 MiB, which versitygw enforces too: the assembler writes
	// their bundles again into its own part, as it does for a last small
	// part on AWS (the parts themselves are exercised in
	// shared/audit/awsstore's TestPackageFromPartsOnS3).
	p.Service.PartBundles = 1
	log := p.Service.Log
	p.Service.Log = slog.New(slog.NewTextHandler(tWriter{t}, nil)) // a failed assembly says why in the test's output
	defer func() { p.Service.PartBundles, p.Service.Log = 0, log }()
	now := time.Now().UTC()
	rec := audit.Record{ID: "pkg_fanout-1", Tenant: tenant, Status: audit.StateBuilding, From: now.AddDate(0, 0, -1),
		To: now.Add(time.Hour), Frameworks: []string{}, RequestedBy: "test", CreatedAt: now}
	require.NoError(t, p.Service.Records.Create(ctx, rec)) // no request object: only these events build it

	invoke := func(ev any) json.RawMessage {
		t.Helper()
		raw, err := json.Marshal(ev)
		require.NoError(t, err)
		out, err := p.Invoke(ctx, raw)
		require.NoError(t, err, "%s", raw)
		b, err := json.Marshal(out)
		require.NoError(t, err)
		return b
	}
	var plan struct {
		UploadID string           `json:"uploadId"`
		Parts    []map[string]any `json:"parts"`
	}
	require.NoError(t, json.Unmarshal(invoke(map[string]any{"action": "plan", "tenant": tenant, "id": rec.ID}), &plan))
	require.NotEmpty(t, plan.UploadID)
	require.Greater(t, len(plan.Parts), 1)
	var answers []json.RawMessage
	for _, item := range plan.Parts {
		ev := map[string]any{}
		for k, v := range item {
			ev[k] = v
		}
		ev["action"], ev["tenant"], ev["id"], ev["uploadId"] = "part", tenant, rec.ID, plan.UploadID
		a := invoke(ev)
		var ans map[string]any
		require.NoError(t, json.Unmarshal(a, &ans))
		assert.Equal(t, item["part"], ans["part"])
		assert.Less(t, len(a), 512, "a part answer stays small: %s", a)
		answers = append(answers, a)
	}
	invoke(map[string]any{"action": "finish", "tenant": tenant, "id": rec.ID, "uploadId": plan.UploadID, "parts": answers})

	ready := waitReady(t, auditKey, rec.ID)
	zip := download(t, ready["url"].(string))
	sum := sha256.Sum256(zip)
	assert.Equal(t, ready["sha256"], hex.EncodeToString(sum[:]))
	res, err := audit.Verify(bytes.NewReader(zip), int64(len(zip)), audit.VerifyOptions{RequireSignature: true, TrustedFingerprint: sys.SigningKeyFingerprint})
	require.NoError(t, err)
	assert.True(t, res.Pinned)
	assert.Equal(t, entries, res.Entries, "every archived entry of the tenant")

	// The catch-all: an abort fails the package and leaves no upload.
	rec2 := rec
	rec2.ID = "pkg_fanout-2"
	require.NoError(t, p.Service.Records.Create(ctx, rec2))
	require.NoError(t, json.Unmarshal(invoke(map[string]any{"action": "plan", "tenant": tenant, "id": rec2.ID}), &plan))
	invoke(map[string]any{"action": "abort", "tenant": tenant, "id": rec2.ID, "uploadId": plan.UploadID, "error": "States.TaskFailed", "cause": "test"})
	got, err := p.Service.Records.Get(ctx, tenant, rec2.ID)
	require.NoError(t, err)
	assert.Equal(t, audit.StateFailed, got.Status)
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) { w.t.Log(string(p)); return len(p), nil }
