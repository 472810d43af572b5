package infra

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/agentgate/agentgate/shared/metrics"
)

// Dashboard is the stack's CloudWatch dashboard: what the functions emit as
// embedded-metric log lines (shared/metrics), nothing else. Every metric
// name, dimension and namespace comes from shared/metrics, the package the
// emitters use, so the widgets cannot name a metric the code does not emit
// (TestDashboardShowsWhatTheCodeEmits).
type Dashboard struct {
	constructs.Construct
	Dashboard awscloudwatch.Dashboard
}

// dashboardWidgets are the widget titles, in order (the test reads them).
var dashboardWidgets = []string{
	"Validations per minute",
	"Decisions by category (per minute)",
	"Validate latency p50 / p99 (ms)",
	"Gate latency p50 / p99 (ms)",
	"Append conflicts and shard hops",
	"Archive lag (s, max)",
	"Checkpoint age (s, upper bound)",
	"Control status",
	"Fail-open and fail-closed replays",
	"Package builds",
}

// NewDashboard creates the dashboard. Its name is CloudFormation's (no
// hard-coded name, so two stacks can share an account).
func NewDashboard(scope constructs.Construct, id string) *Dashboard {
	c := constructs.NewConstruct(scope, jsii.String(id))
	minute := awscdk.Duration_Minutes(jsii.Number(1))
	five := awscdk.Duration_Minutes(jsii.Number(5))
	m := func(x metrics.Metric, stat string, period awscdk.Duration, label string, dims map[string]string) awscloudwatch.IMetric {
		dm := map[string]*string{metrics.DimFunction: jsii.String(metrics.All[x])}
		for k, v := range dims {
			dm[k] = jsii.String(v)
		}
		return awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace: jsii.String(metrics.Namespace), MetricName: jsii.String(x.Name), DimensionsMap: &dm,
			Statistic: jsii.String(stat), Period: period, Label: jsii.String(label),
		})
	}
	graph := func(i int, left []awscloudwatch.IMetric, stacked bool) awscloudwatch.IWidget {
		return awscloudwatch.NewGraphWidget(&awscloudwatch.GraphWidgetProps{
			Title: jsii.String(dashboardWidgets[i]), Left: &left, Stacked: jsii.Bool(stacked),
			Width: jsii.Number(8), Height: jsii.Number(6),
		})
	}

	var decisions []awscloudwatch.IMetric
	for _, d := range metrics.Decisions {
		decisions = append(decisions, m(metrics.Validations, "Sum", minute, d, map[string]string{metrics.DimDecision: d}))
	}
	// Checkpoint age: a complete checkpointer run seals every chain that
	// grew, so no checkpoint is older than the time between two complete
	// runs. DIFF_TIME gives that gap at each complete run.
	complete := m(metrics.CheckpointRunsComplete, "Sum", five, "complete runs", nil)
	age := awscloudwatch.NewMathExpression(&awscloudwatch.MathExpressionProps{
		Expression:   jsii.String("DIFF_TIME(IF(complete > 0, complete))"),
		UsingMetrics: &map[string]awscloudwatch.IMetric{"complete": complete},
		Label:        jsii.String("seconds between complete runs"), Period: five,
	})

	widgets := []awscloudwatch.IWidget{
		graph(0, []awscloudwatch.IMetric{m(metrics.Validations, "Sum", minute, "validations", nil)}, false),
		graph(1, decisions, true),
		graph(2, []awscloudwatch.IMetric{
			m(metrics.ValidateLatency, "p50", minute, "p50", nil), m(metrics.ValidateLatency, "p99", minute, "p99", nil),
		}, false),
		graph(3, []awscloudwatch.IMetric{
			m(metrics.GateLatency, "p50", minute, "p50", nil), m(metrics.GateLatency, "p99", minute, "p99", nil),
		}, false),
		graph(4, []awscloudwatch.IMetric{
			m(metrics.AppendConflicts, "Sum", minute, "conflicts", nil), m(metrics.ShardHops, "Sum", minute, "shard hops", nil),
		}, false),
		graph(5, []awscloudwatch.IMetric{
			m(metrics.ArchiveLag, "Maximum", minute, "lag", nil), m(metrics.ArchivedEntries, "Sum", minute, "entries archived", nil),
		}, false),
		graph(6, []awscloudwatch.IMetric{age,
			m(metrics.CheckpointsSealed, "Sum", five, "checkpoints sealed", nil), m(metrics.CheckpointFailures, "Sum", five, "chains failed", nil),
		}, false),
		graph(7, []awscloudwatch.IMetric{
			m(metrics.ControlResults, "Sum", five, "results", nil), m(metrics.ControlChanges, "Sum", five, "status changes", nil),
			m(metrics.ControlAlerts, "Sum", five, "alerts", nil), m(metrics.ControlTenantFailures, "Sum", five, "tenants not checked", nil),
		}, false),
		graph(8, []awscloudwatch.IMetric{
			m(metrics.FailOpenReplays, "Sum", five, "fail-open", nil), m(metrics.FailClosedReplays, "Sum", five, "fail-closed", nil),
		}, true),
		graph(9, []awscloudwatch.IMetric{
			m(metrics.PackageBuilds, "Sum", five, "builds", nil), m(metrics.PackageBuildFailures, "Sum", five, "failures", nil),
			m(metrics.PackageBuildTime, "Maximum", five, "longest build (s)", nil),
		}, false),
	}
	var rows [][]awscloudwatch.IWidget
	for i := 0; i < len(widgets); i += 3 {
		rows = append(rows, widgets[i:min(i+3, len(widgets))])
	}
	var rowPtrs []*[]awscloudwatch.IWidget
	for i := range rows {
		rowPtrs = append(rowPtrs, &rows[i])
	}
	d := awscloudwatch.NewDashboard(c, jsii.String("Dashboard"), &awscloudwatch.DashboardProps{
		Widgets:         &rowPtrs,
		DefaultInterval: awscdk.Duration_Hours(jsii.Number(3)),
	})
	return &Dashboard{Construct: c, Dashboard: d}
}
