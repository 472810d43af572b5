package apiwire

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/agentgate/agentgate/shared/metrics"
	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/internal/emftest"
)

func TestAppendConflictsEmitTheirMetrics(t *testing.T) {
	var buf bytes.Buffer
	conflictMetrics(wire.Config{Log: slog.New(slog.NewJSONHandler(&buf, nil)), Now: time.Now})(context.Background(), "acme/0", true)
	emftest.Match(t, &buf, []map[string]any{
		{metrics.DimFunction: metrics.FnAPI, metrics.AppendConflicts.Name: 1.0, metrics.ShardHops.Name: 1.0, "chain": "acme/0"},
	})
}
