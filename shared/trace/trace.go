// Package trace is the one place that knows how agentgate is traced. Today
// that is AWS X-Ray: every AWS SDK client built from platform.AWSConfig gets
// a subsegment per call (DynamoDB, S3, KMS, SNS, ...) and the code marks its
// own parts (the gate, the evidence append) with Start. Segments are X-Ray
// segment documents sent to the X-Ray daemon over UDP by this package itself:
// the aws-xray-sdk-go it replaced doubled the api binary
// (docs/decisions/210-tracing.md). Moving to OpenTelemetry before X-Ray's SDK
// end of support (2027-02-25) changes this package only.
//
// Tracing is off unless the process runs in Lambda or a daemon address is
// set. Off, Start returns its context unchanged and a zero Span: no
// allocation and no lock on the hot path.
package trace

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
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

// state is one configuration; nil means off.
type state struct {
	conn   *net.UDPConn
	lambda bool
}

var cur atomic.Pointer[state]

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
		swap(nil)
		return nil
	}
	addr := udpAddress(o.DaemonAddr)
	ua, err := net.ResolveUDPAddr("udp", addr)
	if err != nil {
		return fmt.Errorf("trace: configure x-ray daemon %q: %w", o.DaemonAddr, err)
	}
	// A connected UDP socket: no handshake, so this succeeds whether or not
	// a daemon listens; a segment sent to none is lost, as with the SDK.
	conn, err := net.DialUDP("udp", nil, ua)
	if err != nil {
		return fmt.Errorf("trace: configure x-ray daemon %q: %w", o.DaemonAddr, err)
	}
	swap(&state{conn: conn, lambda: o.Lambda})
	return nil
}

func swap(s *state) {
	if old := cur.Swap(s); old != nil {
		_ = old.conn.Close()
	}
}

// udpAddress picks the UDP address out of the daemon address, which is
// either host:port or, as the X-Ray SDKs accept it, "tcp:host:port
// udp:host:port".
func udpAddress(a string) string {
	for _, f := range strings.Fields(a) {
		if rest, ok := strings.CutPrefix(f, "udp:"); ok {
			return rest
		}
	}
	return a
}

// Enabled reports whether spans are recorded.
func Enabled() bool { return cur.Load() != nil }

// Instrument adds a subsegment per call to every client built from cfg. It
// must run before the clients are built; with tracing off it adds nothing.
func Instrument(cfg *aws.Config) {
	if cur.Load() == nil {
		return
	}
	cfg.APIOptions = append(cfg.APIOptions, addMiddleware)
}

// Span is one timed part of a trace. The zero Span (tracing off, or no
// trace in the context) does nothing.
type Span struct{ n *node }

// Start begins a span named name under the trace in ctx (in Lambda, the
// invocation's). Pass the returned context to the work the span covers so
// its AWS calls nest under it.
func Start(ctx context.Context, name string) (context.Context, Span) {
	st := cur.Load()
	if st == nil {
		return ctx, Span{}
	}
	n := begin(ctx, st, name)
	if n == nil {
		return ctx, Span{}
	}
	return context.WithValue(ctx, ctxKey{}, n), Span{n}
}

// Root begins the trace of one unit of work (a request, a scheduled run)
// where nothing began it: outside Lambda. In Lambda the invocation is the
// root, and Root is Start.
func Root(ctx context.Context, name string) (context.Context, Span) {
	st := cur.Load()
	if st == nil {
		return ctx, Span{}
	}
	if st.lambda || fromContext(ctx) != nil {
		return Start(ctx, name)
	}
	n := newTop(st, newTraceID(), "", name, false)
	return context.WithValue(ctx, ctxKey{}, n), Span{n}
}

// End closes the span, marking it faulted when err is not nil. Closing the
// root sends the trace to the daemon.
func (s Span) End(err error) {
	if s.n != nil {
		s.n.end(err)
	}
}

// Annotate adds an indexed key/value (searchable in the X-Ray console).
func (s Span) Annotate(key string, value string) {
	if s.n != nil {
		s.n.annotate(key, value)
	}
}
