package main

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/agentgate/agentgate/shared/metrics"
)

func TestConsoleHandler(t *testing.T) {
	emit := func(level slog.Level) string {
		var b bytes.Buffer
		log := slog.New(newConsoleHandler(slog.NewTextHandler(&b, &slog.HandlerOptions{Level: slog.LevelDebug}), level))
		log.Info("request", "method", "POST", "path", "/v1/validate", "status", 200)
		log.Debug("detail")
		metrics.Emit(context.Background(), log, "bundle archived", time.Unix(0, 0), metrics.Line{Function: "archiver",
			Attrs: []slog.Attr{slog.String("chain", "demo/0")}})
		return b.String()
	}
	info := emit(slog.LevelInfo)
	assert.Contains(t, info, `msg=request method=POST path=/v1/validate status=200`)
	assert.NotContains(t, info, "detail")
	assert.NotContains(t, info, "bundle archived", "metric lines are debug on the console")
	assert.NotContains(t, info, "_aws")

	debug := emit(slog.LevelDebug)
	assert.Contains(t, debug, `level=DEBUG msg="bundle archived" Function=archiver chain=demo/0`)
	assert.NotContains(t, debug, "_aws", "never the raw EMF blob")
}
