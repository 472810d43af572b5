package wire

import (
	"context"
	"log/slog"
	"time"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/metrics"
)

// conflictMetrics reports each lost race on a chain head as an EMF line:
// rare by design (decision 090's shards), so a line each costs nothing.
func conflictMetrics(cfg Config) func(ctx context.Context, chain string, hopped bool) {
	return func(ctx context.Context, chain string, hopped bool) {
		hop := 0.0
		if hopped {
			hop = 1
		}
		metrics.Emit(ctx, cfg.Log, "append conflict", cfg.Now(), metrics.Line{
			Function: metrics.FnAPI,
			Values:   []metrics.Value{{Metric: metrics.AppendConflicts, V: 1}, {Metric: metrics.ShardHops, V: hop}},
			Attrs:    []slog.Attr{slog.String("chain", chain)},
		})
	}
}

// checkpointMetrics reports a scheduled checkpointer run. A complete run
// (every chain that grew is sealed) bounds the age of every checkpoint by
// the time to the next complete run: the dashboard's checkpoint age.
func checkpointMetrics(ctx context.Context, log *slog.Logger, now time.Time, res checkpoint.Result, err error) {
	complete := 0.0
	if err == nil && len(res.Failed) == 0 {
		complete = 1
	}
	metrics.Emit(ctx, log, "checkpoint run", now, metrics.Line{
		Function: metrics.FnCheckpointer,
		Values: []metrics.Value{
			{Metric: metrics.CheckpointRunsComplete, V: complete},
			{Metric: metrics.CheckpointsSealed, V: float64(res.Sealed)},
			{Metric: metrics.CheckpointFailures, V: float64(len(res.Failed))},
		},
		Attrs: []slog.Attr{slog.Int("chains", res.Chains)},
	})
}

// controlMetrics reports a controls run.
func controlMetrics(ctx context.Context, log *slog.Logger, now time.Time, sum controls.Summary) {
	metrics.Emit(ctx, log, "controls run metrics", now, metrics.Line{
		Function: metrics.FnControls,
		Values: []metrics.Value{
			{Metric: metrics.ControlResults, V: float64(sum.Results)},
			{Metric: metrics.ControlChanges, V: float64(sum.Changes)},
			{Metric: metrics.ControlAlerts, V: float64(sum.Alerts)},
			{Metric: metrics.ControlTenantFailures, V: float64(sum.Failed)},
		},
		Attrs: []slog.Attr{slog.Int("tenants", sum.Tenants)},
	})
}

// packageMetrics reports one package build.
func packageMetrics(ctx context.Context, log *slog.Logger, now time.Time, took time.Duration, err error) {
	failed := 0.0
	if err != nil {
		failed = 1
	}
	metrics.Emit(ctx, log, "package build", now, metrics.Line{
		Function: metrics.FnPackager,
		Values: []metrics.Value{
			{Metric: metrics.PackageBuilds, V: 1},
			{Metric: metrics.PackageBuildFailures, V: failed},
			{Metric: metrics.PackageBuildTime, V: took.Seconds()},
		},
	})
}
