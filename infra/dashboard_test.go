package infra

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/metrics"
)

// dashboardBody synthesizes the dashboard alone and returns its body as
// JSON, the region reference replaced by a placeholder.
func dashboardBody(t *testing.T) map[string]any {
	t.Helper()
	app := awscdk.NewApp(&awscdk.AppProps{Context: &featureFlags})
	st := awscdk.NewStack(app, jsii.String("DashboardTest"), nil)
	NewDashboard(st, "Dashboard")
	raw := assertions.Template_FromStack(st, nil).ToJSON()
	b, err := json.Marshal(raw)
	require.NoError(t, err)
	var tpl struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]any
		}
	}
	require.NoError(t, json.Unmarshal(b, &tpl))
	var body any
	n := 0
	for _, r := range tpl.Resources {
		if r.Type == "AWS::CloudWatch::Dashboard" {
			n++
			assert.NotContains(t, r.Properties, "DashboardName", "no hard-coded name")
			body = r.Properties["DashboardBody"]
		}
	}
	require.Equal(t, 1, n, "one dashboard")
	var text string
	switch v := body.(type) {
	case string:
		text = v
	case map[string]any: // {"Fn::Join": ["", [parts...]]}
		parts := v["Fn::Join"].([]any)[1].([]any)
		var sb strings.Builder
		for _, p := range parts {
			if s, ok := p.(string); ok {
				sb.WriteString(s)
			} else {
				sb.WriteString("REGION")
			}
		}
		text = sb.String()
	default:
		t.Fatalf("DashboardBody is %T", body)
	}
	var out map[string]any
	require.NoError(t, json.Unmarshal([]byte(text), &out), text)
	return out
}

type shown struct{ namespace, name, function, stat string }

// TestDashboardShowsWhatTheCodeEmits: every metric a widget reads is one the
// code emits (shared/metrics, the package the emitters call), under its
// namespace and with its emitter's Function dimension; every emitted metric
// is on the dashboard; the widgets are the ones issue 19 asks for.
func TestDashboardShowsWhatTheCodeEmits(t *testing.T) {
	body := dashboardBody(t)
	emitted := map[string]string{}
	for m, fn := range metrics.All {
		emitted[m.Name] = fn
	}
	var titles []string
	onBoard := map[string]bool{}
	var all []shown
	decisions := map[string]bool{}
	for _, w := range body["widgets"].([]any) {
		props := w.(map[string]any)["properties"].(map[string]any)
		titles = append(titles, props["title"].(string))
		for _, row := range props["metrics"].([]any) {
			r := row.([]any)
			if _, expr := r[0].(map[string]any); expr {
				e := r[0].(map[string]any)["expression"].(string)
				assert.Contains(t, e, "DIFF_TIME", "the one expression is the checkpoint age")
				continue
			}
			ns, name := r[0].(string), r[1].(string)
			dims := map[string]string{}
			var opts map[string]any
			for i := 2; i < len(r); i++ {
				if o, ok := r[i].(map[string]any); ok {
					opts = o
					continue
				}
				dims[r[i].(string)] = r[i+1].(string)
				i++
			}
			stat, _ := opts["stat"].(string)
			all = append(all, shown{ns, name, dims[metrics.DimFunction], stat})
			assert.Equal(t, metrics.Namespace, ns, name)
			fn, ok := emitted[name]
			if assert.True(t, ok, "the dashboard reads %s, which the code does not emit", name) {
				assert.Equal(t, fn, dims[metrics.DimFunction], "%s is emitted by %s", name, fn)
			}
			for k := range dims {
				assert.Contains(t, []string{metrics.DimFunction, metrics.DimDecision}, k, "%s: dimension %s is never emitted", name, k)
			}
			if d, ok := dims[metrics.DimDecision]; ok {
				decisions[d] = true
			}
			onBoard[name] = true
		}
	}
	for name := range emitted {
		assert.True(t, onBoard[name], "%s is emitted but not on the dashboard", name)
	}
	assert.Equal(t, dashboardWidgets, titles)
	var ds []string
	for d := range decisions {
		ds = append(ds, d)
	}
	sort.Strings(ds)
	assert.ElementsMatch(t, metrics.Decisions, ds, "decisions by category shows every decision")
	assert.Equal(t, metrics.Namespace, MetricNamespace, "the alarms' namespace is the emitters'")

	// The latencies are shown as p50 and p99, of validate and of the gate.
	for _, name := range []string{metrics.ValidateLatency.Name, metrics.GateLatency.Name} {
		var stats []string
		for _, s := range all {
			if s.name == name {
				stats = append(stats, s.stat)
			}
		}
		assert.ElementsMatch(t, []string{"p50", "p99"}, stats, name)
	}
	t.Log(fmt.Sprintf("%d widgets, %d metrics", len(titles), len(all)))
}
