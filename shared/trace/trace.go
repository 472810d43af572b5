// Package trace is the one place that knows how agentgate is traced. Today
// that is AWS X-Ray (aws-xray-sdk-go, the design card's choice): every AWS
// SDK client built from platform.AWSConfig gets a subsegment per call
// (DynamoDB, S3, KMS, SNS, ...) and the code marks its own parts (the gate,
// the evidence append) with Start. Nothing outside this package imports the
// X-Ray SDK, so moving to OpenTelemetry before the SDK's end of support
// (2027-02-25) changes this package only (docs/decisions/210-tracing.md).
//
// Tracing is off unless the process runs in Lambda or a daemon address is
// set. Off, Start returns its context unchanged and a zero Span: no
// allocation and no lock on the hot path.
package trace

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-xray-sdk-go/instrumentation/awsv2"
	"github.com/aws/aws-xray-sdk-go/strategy/ctxmissing"
	"github.com/aws/aws-xray-sdk-go/strategy/sampling"
	"github.com/aws/aws-xray-sdk-go/xray"
	"github.com/aws/aws-xray-sdk-go/xraylog"
)

// Environment variables that decide whether tracing is on. Lambda sets both
// for a function with active tracing; locally EnvDaemonAddress alone turns
// tracing on (the X-Ray daemon's UDP address, or a test's listener).
const (
	EnvDaemonAddress = "AWS_XRAY_DAEMON_ADDRESS"
	EnvLambdaName    = "AWS_LAMBDA_FUNCTION_NAME"
)

// Options configure tracing explicitly (tests, local runs).
type Options struct {
	// DaemonAddr is host:port of the daemon's UDP listener. Empty turns
	// tracing off.
	DaemonAddr string
	// Lambda: segments come from the invocation (its trace header), so Root
	// begins none and Lambda's sampling decision holds. Outside Lambda every
	// root is sampled: local runs and tests want every trace.
	Lambda bool
}

var (
	on       atomic.Bool
	inLambda atomic.Bool
)

// FromEnv configures tracing from the process environment: on in Lambda or
// when EnvDaemonAddress is set, off otherwise.
func FromEnv(lookup func(string) (string, bool)) error {
	addr, _ := lookup(EnvDaemonAddress)
	name, _ := lookup(EnvLambdaName)
	if addr == "" && name == "" {
		return Configure(Options{})
	}
	if addr == "" {
		addr = "127.0.0.1:2000" // Lambda's daemon, should the variable be missing
	}
	return Configure(Options{DaemonAddr: addr, Lambda: name != ""})
}

// Configure turns tracing on (DaemonAddr set) or off.
func Configure(o Options) error {
	if o.DaemonAddr == "" {
		on.Store(false)
		return nil
	}
	xray.SetLogger(xraylog.NewDefaultLogger(os.Stderr, xraylog.LogLevelError))
	c := xray.Config{
		DaemonAddr: o.DaemonAddr,
		// A call made outside any traced request (cold start, a
		// scheduled sweep before its root) is simply not traced.
		ContextMissingStrategy: ctxmissing.NewDefaultIgnoreErrorStrategy(),
	}
	if !o.Lambda {
		c.SamplingStrategy = sampleAll{}
	}
	if err := xray.Configure(c); err != nil {
		return fmt.Errorf("trace: configure x-ray daemon %q: %w", o.DaemonAddr, err)
	}
	inLambda.Store(o.Lambda)
	on.Store(true)
	return nil
}

// Enabled reports whether spans are recorded.
func Enabled() bool { return on.Load() }

// Instrument adds a subsegment per call to every client built from cfg. It
// must run before the clients are built; with tracing off it adds nothing.
func Instrument(cfg *aws.Config) {
	if !on.Load() {
		return
	}
	awsv2.AWSV2Instrumentor(&cfg.APIOptions)
}

// Span is one timed part of a trace. The zero Span (tracing off, or no
// trace in the context) does nothing.
type Span struct{ seg *xray.Segment }

// Start begins a span named name under the trace in ctx (in Lambda, the
// invocation's). Pass the returned context to the work the span covers so
// its AWS calls nest under it.
func Start(ctx context.Context, name string) (context.Context, Span) {
	if !on.Load() {
		return ctx, Span{}
	}
	ctx, seg := xray.BeginSubsegment(ctx, name)
	return ctx, Span{seg}
}

// Root begins the trace of one unit of work (a request, a scheduled run)
// where nothing began it: outside Lambda. In Lambda the invocation is the
// root, and Root is Start.
func Root(ctx context.Context, name string) (context.Context, Span) {
	if !on.Load() {
		return ctx, Span{}
	}
	if inLambda.Load() || xray.GetSegment(ctx) != nil {
		return Start(ctx, name)
	}
	ctx, seg := xray.BeginSegment(ctx, name)
	return ctx, Span{seg}
}

// End closes the span, marking it faulted when err is not nil. Closing the
// root sends the trace to the daemon.
func (s Span) End(err error) {
	if s.seg != nil {
		s.seg.Close(err)
	}
}

// Annotate adds an indexed key/value (searchable in the X-Ray console).
func (s Span) Annotate(key string, value string) {
	if s.seg != nil {
		_ = s.seg.AddAnnotation(key, value)
	}
}

type sampleAll struct{}

func (sampleAll) ShouldTrace(*sampling.Request) *sampling.Decision {
	return &sampling.Decision{Sample: true}
}
