package metrics_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/metrics"
)

// emf is the part of an EMF document CloudWatch reads.
type emf struct {
	AWS struct {
		Timestamp         int64 `json:"Timestamp"`
		CloudWatchMetrics []struct {
			Namespace  string     `json:"Namespace"`
			Dimensions [][]string `json:"Dimensions"`
			Metrics    []struct {
				Name string `json:"Name"`
				Unit string `json:"Unit"`
			} `json:"Metrics"`
		} `json:"CloudWatchMetrics"`
	} `json:"_aws"`
}

func TestEmitWritesAnEMFDocumentCloudWatchAccepts(t *testing.T) {
	var buf bytes.Buffer
	// At warn, as a deployment may set LOG_LEVEL: metrics still go out.
	log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn}))
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	metrics.Emit(context.Background(), log, "validated", now, metrics.Line{
		Function: metrics.FnAPI, Decision: "block",
		Values: []metrics.Value{{Metric: metrics.Validations, V: 1}, {Metric: metrics.GateLatency, V: 0.25}},
		Attrs:  []slog.Attr{slog.String("tenant", "acme")},
	})
	var doc emf
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc), buf.String())
	var flat map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &flat))

	assert.Equal(t, now.UnixMilli(), doc.AWS.Timestamp)
	require.Len(t, doc.AWS.CloudWatchMetrics, 1)
	d := doc.AWS.CloudWatchMetrics[0]
	assert.Equal(t, metrics.Namespace, d.Namespace)
	assert.Equal(t, [][]string{{metrics.DimFunction}, {metrics.DimFunction, metrics.DimDecision}}, d.Dimensions)
	// Every dimension named is a top-level string; every metric named is a
	// top-level number (CloudWatch drops the document otherwise).
	for _, set := range d.Dimensions {
		for _, dim := range set {
			assert.IsType(t, "", flat[dim], dim)
		}
	}
	assert.Equal(t, "api", flat[metrics.DimFunction])
	assert.Equal(t, "block", flat[metrics.DimDecision])
	require.Len(t, d.Metrics, 2)
	for _, m := range d.Metrics {
		assert.IsType(t, float64(0), flat[m.Name], m.Name)
	}
	assert.Equal(t, "Count", d.Metrics[0].Unit)
	assert.Equal(t, 0.25, flat["GateLatencyMs"])
	assert.Equal(t, "acme", flat["tenant"])
}

func TestEmitWithoutDecisionHasOnlyTheFunctionDimension(t *testing.T) {
	var buf bytes.Buffer
	metrics.Emit(context.Background(), slog.New(slog.NewJSONHandler(&buf, nil)), "bundle archived", time.Now(), metrics.Line{
		Function: metrics.FnArchiver, Values: []metrics.Value{{Metric: metrics.ArchiveLag, V: 3}},
	})
	var doc emf
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	assert.Equal(t, [][]string{{metrics.DimFunction}}, doc.AWS.CloudWatchMetrics[0].Dimensions)
	metrics.Emit(context.Background(), nil, "nothing", time.Now(), metrics.Line{}) // a nil logger is allowed
}

func TestDecisionsAreTheGates(t *testing.T) {
	assert.ElementsMatch(t, []string{string(gate.Allow), string(gate.Redact), string(gate.Block)}, metrics.Decisions)
}

func TestEveryMetricHasAnEmitterAndAUniqueName(t *testing.T) {
	seen := map[string]bool{}
	for m, fn := range metrics.All {
		assert.NotEmpty(t, fn, m.Name)
		assert.NotEmpty(t, m.Unit, m.Name)
		assert.False(t, seen[m.Name], "duplicate %s", m.Name)
		seen[m.Name] = true
	}
}

// BenchmarkEmit is the validate path's metric line, into a JSON handler
// as in Lambda.
func BenchmarkEmit(b *testing.B) {
	log := slog.New(slog.NewJSONHandler(io.Discard, nil))
	now := time.Now()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		metrics.Emit(ctx, log, "validated", now, metrics.Line{
			Function: metrics.FnAPI, Decision: "allow",
			Values: []metrics.Value{{Metric: metrics.Validations, V: 1}, {Metric: metrics.ValidateLatency, V: 1.5}, {Metric: metrics.GateLatency, V: 0.05}},
			Attrs:  []slog.Attr{slog.String("tenant", "acme"), slog.Int("entries", 1)},
		})
	}
}
