// Package metrics names every CloudWatch metric agentgate emits and writes
// them as Embedded Metric Format log lines: in Lambda the JSON log line is
// the metric, so nothing calls PutMetricData on the hot path. The names
// here are the only spelling: the emitters and the dashboard
// (infra/dashboard.go) both use these values, so they cannot drift.
package metrics

import (
	"context"
	"encoding/json"
	"log/slog"
	"strconv"
	"time"
)

// Namespace of every agentgate metric.
const Namespace = "agentgate"

// Dimension names.
const (
	DimFunction = "Function"
	DimDecision = "Decision"
)

// Function dimension values: the functions that emit.
const (
	FnAPI          = "api"
	FnArchiver     = "archiver"
	FnCheckpointer = "checkpointer"
	FnControls     = "controls"
	FnPackager     = "packager"
)

// Decisions are the gate's decisions, the values of DimDecision
// (TestDecisionsAreTheGates holds them to shared/gate).
var Decisions = []string{"allow", "redact", "block"}

// Unit is a CloudWatch unit.
type Unit string

// Units used.
const (
	Count        Unit = "Count"
	Milliseconds Unit = "Milliseconds"
	Seconds      Unit = "Seconds"
)

// Metric is one metric name with its unit.
type Metric struct {
	Name string
	Unit Unit
}

// Every metric, by emitter.
var (
	// api, one line per validate, dimensions [Function] and
	// [Function, Decision].
	Validations     = Metric{"Validations", Count}
	ValidateLatency = Metric{"ValidateLatencyMs", Milliseconds} // request received to response ready
	GateLatency     = Metric{"GateLatencyMs", Milliseconds}     // CheckRequest alone
	// api (any append), one line per lost race on a chain head.
	AppendConflicts = Metric{"AppendConflicts", Count}
	ShardHops       = Metric{"ShardHops", Count}
	// api, one line per replay call with fail-open or fail-closed records.
	FailOpenReplays   = Metric{"FailOpenReplays", Count}
	FailClosedReplays = Metric{"FailClosedReplays", Count}
	// archiver, one line per bundle.
	ArchiveLag      = Metric{"ArchiveLagSeconds", Seconds}
	ArchivedEntries = Metric{"ArchivedEntries", Count}
	// checkpointer, one line per scheduled run.
	CheckpointRunsComplete = Metric{"CheckpointRunsComplete", Count} // 1 when every chain sealed
	CheckpointsSealed      = Metric{"CheckpointsSealed", Count}
	CheckpointFailures     = Metric{"CheckpointFailures", Count}
	// controls, one line per run.
	ControlResults        = Metric{"ControlResults", Count}
	ControlChanges        = Metric{"ControlStatusChanges", Count}
	ControlAlerts         = Metric{"ControlAlerts", Count}
	ControlTenantFailures = Metric{"ControlTenantFailures", Count}
	// packager, one line per build.
	PackageBuilds        = Metric{"PackageBuilds", Count}
	PackageBuildFailures = Metric{"PackageBuildFailures", Count}
	PackageBuildTime     = Metric{"PackageBuildSeconds", Seconds}
)

// All is every metric the code emits, with the function that emits it.
var All = map[Metric]string{
	Validations: FnAPI, ValidateLatency: FnAPI, GateLatency: FnAPI,
	AppendConflicts: FnAPI, ShardHops: FnAPI, FailOpenReplays: FnAPI, FailClosedReplays: FnAPI,
	ArchiveLag: FnArchiver, ArchivedEntries: FnArchiver,
	CheckpointRunsComplete: FnCheckpointer, CheckpointsSealed: FnCheckpointer, CheckpointFailures: FnCheckpointer,
	ControlResults: FnControls, ControlChanges: FnControls, ControlAlerts: FnControls, ControlTenantFailures: FnControls,
	PackageBuilds: FnPackager, PackageBuildFailures: FnPackager, PackageBuildTime: FnPackager,
}

// Value is one observation.
type Value struct {
	Metric Metric
	V      float64
}

// Line describes one EMF log line.
type Line struct {
	Function string
	// Decision, when set, adds the dimension set [Function, Decision].
	Decision string
	Values   []Value
	// Attrs are logged beside the metrics (not metrics themselves).
	Attrs []slog.Attr
}

// Emit logs l as one EMF line (level info, whatever the logger's level)
// with message msg. A nil log emits nothing.
func Emit(ctx context.Context, log *slog.Logger, msg string, now time.Time, l Line) {
	if log == nil {
		return
	}
	attrs := make([]slog.Attr, 0, 3+len(l.Values)+len(l.Attrs))
	for _, v := range l.Values {
		attrs = append(attrs, slog.Float64(v.Metric.Name, v.V))
	}
	attrs = append(attrs,
		slog.Any("_aws", json.RawMessage(appendDirective(make([]byte, 0, 160+48*len(l.Values)), now, l))),
		slog.String(DimFunction, l.Function))
	if l.Decision != "" {
		attrs = append(attrs, slog.String(DimDecision, l.Decision))
	}
	attrs = append(attrs, l.Attrs...)
	// Straight to the handler: a metric is not a message, and LOG_LEVEL
	// (warn, say) must not silence the dashboard.
	rec := slog.NewRecord(now, slog.LevelInfo, msg, 0)
	rec.AddAttrs(attrs...)
	_ = log.Handler().Handle(ctx, rec)
}

// appendDirective appends the "_aws" member's value: the EMF metadata
// naming the namespace, dimension sets and metrics of l. Written by hand,
// not through maps and encoding/json, because one goes out per validate;
// every string in it is one of this package's constants (plain ASCII, no
// escaping needed), which TestEmitWritesAnEMFDocumentCloudWatchAccepts
// reads back as JSON.
func appendDirective(b []byte, now time.Time, l Line) []byte {
	b = append(b, `{"Timestamp":`...)
	b = strconv.AppendInt(b, now.UnixMilli(), 10)
	b = append(b, `,"CloudWatchMetrics":[{"Namespace":"`+Namespace+`","Dimensions":[["`+DimFunction+`"]`...)
	if l.Decision != "" {
		b = append(b, `,["`+DimFunction+`","`+DimDecision+`"]`...)
	}
	b = append(b, `],"Metrics":[`...)
	for i, v := range l.Values {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"Name":`...)
		b = strconv.AppendQuote(b, v.Metric.Name)
		b = append(b, `,"Unit":`...)
		b = strconv.AppendQuote(b, string(v.Metric.Unit))
		b = append(b, '}')
	}
	return append(b, "]}]}"...)
}
