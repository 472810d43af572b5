package wire

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/metrics"
)

func TestScheduledRunsEmitTheirMetrics(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	ctx, now := context.Background(), time.Now()
	checkpointMetrics(ctx, log, now, checkpoint.Result{Chains: 3, Sealed: 2}, nil)
	checkpointMetrics(ctx, log, now, checkpoint.Result{Chains: 3, Sealed: 1, Failed: []string{"acme/1"}}, errors.New("seal acme/1"))
	controlMetrics(ctx, log, now, controls.Summary{Tenants: 2, Results: 40, Changes: 3, Alerts: 3, Failed: 1})
	packageMetrics(ctx, log, now, 1500*time.Millisecond, nil)
	packageMetrics(ctx, log, now, time.Second, errors.New("build"))
	conflictMetrics(Config{Log: log, Now: time.Now})(ctx, "acme/0", true)

	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m))
		require.Contains(t, m, "_aws")
		lines = append(lines, m)
	}
	require.Len(t, lines, 6)
	want := []map[string]any{
		{metrics.DimFunction: metrics.FnCheckpointer, metrics.CheckpointRunsComplete.Name: 1.0, metrics.CheckpointsSealed.Name: 2.0, metrics.CheckpointFailures.Name: 0.0},
		{metrics.DimFunction: metrics.FnCheckpointer, metrics.CheckpointRunsComplete.Name: 0.0, metrics.CheckpointsSealed.Name: 1.0, metrics.CheckpointFailures.Name: 1.0},
		{metrics.DimFunction: metrics.FnControls, metrics.ControlResults.Name: 40.0, metrics.ControlChanges.Name: 3.0, metrics.ControlAlerts.Name: 3.0, metrics.ControlTenantFailures.Name: 1.0},
		{metrics.DimFunction: metrics.FnPackager, metrics.PackageBuilds.Name: 1.0, metrics.PackageBuildFailures.Name: 0.0, metrics.PackageBuildTime.Name: 1.5},
		{metrics.DimFunction: metrics.FnPackager, metrics.PackageBuilds.Name: 1.0, metrics.PackageBuildFailures.Name: 1.0},
		{metrics.DimFunction: metrics.FnAPI, metrics.AppendConflicts.Name: 1.0, metrics.ShardHops.Name: 1.0, "chain": "acme/0"},
	}
	for i, w := range want {
		for k, v := range w {
			assert.Equal(t, v, lines[i][k], "line %d %s", i, k)
		}
	}
}
