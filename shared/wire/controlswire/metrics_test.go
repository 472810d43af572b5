package controlswire

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/metrics"
	"github.com/agentgate/agentgate/shared/wire/internal/emftest"
)

func TestControlRunsEmitTheirMetrics(t *testing.T) {
	var buf bytes.Buffer
	controlMetrics(context.Background(), slog.New(slog.NewJSONHandler(&buf, nil)), time.Now(),
		controls.Summary{Tenants: 2, Results: 40, Changes: 3, Alerts: 3, Failed: 1})
	emftest.Match(t, &buf, []map[string]any{
		{metrics.DimFunction: metrics.FnControls, metrics.ControlResults.Name: 40.0, metrics.ControlChanges.Name: 3.0, metrics.ControlAlerts.Name: 3.0, metrics.ControlTenantFailures.Name: 1.0},
	})
}
