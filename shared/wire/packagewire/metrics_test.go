package packagewire

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/agentgate/agentgate/shared/metrics"
	"github.com/agentgate/agentgate/shared/wire/internal/emftest"
)

func TestPackageBuildsEmitTheirMetrics(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	ctx, now := context.Background(), time.Now()
	packageMetrics(ctx, log, now, 1500*time.Millisecond, nil)
	packageMetrics(ctx, log, now, time.Second, errors.New("build"))
	emftest.Match(t, &buf, []map[string]any{
		{metrics.DimFunction: metrics.FnPackager, metrics.PackageBuilds.Name: 1.0, metrics.PackageBuildFailures.Name: 0.0, metrics.PackageBuildTime.Name: 1.5},
		{metrics.DimFunction: metrics.FnPackager, metrics.PackageBuilds.Name: 1.0, metrics.PackageBuildFailures.Name: 1.0},
	})
}
