package trace_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/trace"
	"github.com/agentgate/agentgate/shared/trace/tracetest"
)

func env(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestFromEnvIsOffOutsideLambdaWithoutDaemon(t *testing.T) {
	require.NoError(t, trace.FromEnv(env(nil)))
	assert.False(t, trace.Enabled())
	var cfg aws.Config
	trace.Instrument(&cfg)
	assert.Empty(t, cfg.APIOptions, "no middleware when tracing is off")

	type key struct{}
	ctx := context.WithValue(context.Background(), key{}, 1)
	got, span := trace.Start(ctx, "gate")
	assert.Equal(t, ctx, got, "off: the context is returned unchanged")
	span.End(errors.New("ignored"))

	allocs := testing.AllocsPerRun(1000, func() {
		c, s := trace.Start(ctx, "gate")
		s.End(nil)
		c, r := trace.Root(c, "api")
		r.End(nil)
	})
	assert.Zero(t, allocs, "off: no allocation on the hot path")
}

func TestFromEnvTurnsOnWithDaemonAddressOrInLambda(t *testing.T) {
	d := tracetest.Listen(t)
	t.Cleanup(func() { _ = trace.Configure(trace.Options{}) })
	for _, tc := range []struct {
		name string
		env  map[string]string
	}{
		{"daemon address", map[string]string{trace.EnvDaemonAddress: d.Addr()}},
		{"lambda", map[string]string{trace.EnvLambdaName: "agentgate-api", trace.EnvDaemonAddress: d.Addr()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, trace.FromEnv(env(tc.env)))
			assert.True(t, trace.Enabled())
			var cfg aws.Config
			trace.Instrument(&cfg)
			assert.NotEmpty(t, cfg.APIOptions, "on: the SDK middleware is added")
		})
	}
}

func TestRootAndSpansReachTheDaemon(t *testing.T) {
	d := tracetest.Listen(t)
	require.NoError(t, trace.Configure(trace.Options{DaemonAddr: d.Addr()}))
	t.Cleanup(func() { _ = trace.Configure(trace.Options{}) })

	ctx, root := trace.Root(context.Background(), "unit")
	_, gate := trace.Start(ctx, "gate")
	gate.End(nil)
	actx, app := trace.Start(ctx, "append")
	_, inner := trace.Start(actx, "inner")
	inner.End(nil)
	app.End(errors.New("conflict"))
	root.End(nil)

	seg, err := d.Next("unit", 5*time.Second)
	require.NoError(t, err)
	assert.NotEmpty(t, seg.TraceID)
	assert.False(t, seg.InProgress)
	require.NotNil(t, seg.Find("gate"))
	assert.False(t, seg.Find("gate").Fault)
	a := seg.Find("append")
	require.NotNil(t, a)
	assert.True(t, a.Fault || a.Error, "an error marks the span")
	require.NotNil(t, a.Find("inner"), "a span started from the append's context nests under it")
	assert.GreaterOrEqual(t, a.EndTime, a.StartTime)
}
