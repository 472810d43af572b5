package trace

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"time"
)

// The daemon protocol: a header line, then one segment document, per UDP
// datagram; a document is at most 64 kB.
const (
	daemonHeader = `{"format": "json", "version": 1}` + "\n"
	maxDocument  = 64 << 10
)

// Injected in tests; the IDs need to be unique, not secret.
var (
	now    = time.Now
	random = rand.Uint64
)

// doc is an X-Ray segment document (the fields this package writes).
// Subsegments embedded in their parent carry neither type, trace_id nor
// parent_id; a subsegment sent on its own carries all three.
type doc struct {
	Name        string            `json:"name"`
	ID          string            `json:"id"`
	TraceID     string            `json:"trace_id,omitempty"`
	ParentID    string            `json:"parent_id,omitempty"`
	Type        string            `json:"type,omitempty"`
	StartTime   float64           `json:"start_time"`
	EndTime     float64           `json:"end_time,omitempty"`
	InProgress  bool              `json:"in_progress"`
	Namespace   string            `json:"namespace,omitempty"`
	Error       bool              `json:"error,omitempty"`
	Fault       bool              `json:"fault,omitempty"`
	Throttle    bool              `json:"throttle,omitempty"`
	Cause       *cause            `json:"cause,omitempty"`
	HTTP        *httpInfo         `json:"http,omitempty"`
	AWS         map[string]any    `json:"aws,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
	Subsegments []*doc            `json:"subsegments,omitempty"`
}

type cause struct {
	Exceptions []exception `json:"exceptions"`
}

type exception struct {
	ID      string `json:"id"`
	Message string `json:"message"`
	Type    string `json:"type,omitempty"`
	Remote  bool   `json:"remote,omitempty"`
}

type httpInfo struct {
	Response struct {
		Status int `json:"status"`
	} `json:"response"`
}

// tree is what one document sent to the daemon covers: a segment with its
// subsegments, or (in Lambda) one subsegment of the invocation's segment
// with its own. Spans of one tree may end on different goroutines (parallel
// AWS calls), hence the lock.
type tree struct {
	mu   sync.Mutex
	conn interface{ Write([]byte) (int, error) }
}

// node is one span: its document inside the tree.
type node struct {
	t     *tree
	d     *doc
	top   bool // ending it sends the tree
	ended bool
}

type ctxKey struct{}

func fromContext(ctx context.Context) *node {
	n, _ := ctx.Value(ctxKey{}).(*node)
	return n
}

// begin opens a span under the one in ctx or, in Lambda, under the
// invocation's segment when its trace header says it is sampled. Outside
// Lambda, work outside any Root is not traced. nil means not traced.
func begin(ctx context.Context, st *state, name string) *node {
	if p := fromContext(ctx); p != nil {
		return p.child(name)
	}
	if !st.lambda {
		return nil
	}
	h, ok := lambdaHeader(ctx)
	if !ok || !h.sampled || h.root == "" || h.parent == "" {
		return nil
	}
	return newTop(st, h.root, h.parent, name, true)
}

func newTop(st *state, traceID, parentID, name string, sub bool) *node {
	d := &doc{Name: name, ID: newID(), TraceID: traceID, ParentID: parentID, StartTime: seconds(now())}
	if sub {
		d.Type = "subsegment"
	}
	return &node{t: &tree{conn: st.conn}, d: d, top: true}
}

func (n *node) child(name string) *node {
	d := &doc{Name: name, ID: newID(), StartTime: seconds(now())}
	n.t.mu.Lock()
	n.d.Subsegments = append(n.d.Subsegments, d)
	n.t.mu.Unlock()
	return &node{t: n.t, d: d}
}

func (n *node) end(err error) {
	n.t.mu.Lock()
	if n.ended {
		n.t.mu.Unlock()
		return
	}
	n.ended = true
	n.d.EndTime = seconds(now())
	if err != nil {
		n.d.Fault = true
		n.d.Cause = causeOf(err, "", false)
	}
	if !n.top {
		n.t.mu.Unlock()
		return
	}
	var out [][]byte
	emit(n.d, &out)
	n.t.mu.Unlock()
	for _, b := range out {
		// Best effort, as the daemon protocol is: a lost datagram loses a
		// trace, never the request.
		_, _ = n.t.conn.Write(b)
	}
}

func (n *node) annotate(key, value string) {
	n.t.mu.Lock()
	if n.d.Annotations == nil {
		n.d.Annotations = map[string]string{}
	}
	n.d.Annotations[annotationKey(key)] = value
	n.t.mu.Unlock()
}

// emit encodes d as one datagram, or, past the 64 kB a document may hold,
// sends its subsegments as documents of their own (each naming d as parent)
// and d without them. Subsegments still open when the tree is sent are sent
// in progress.
func emit(d *doc, out *[][]byte) {
	markOpen(d)
	b, err := encode(d)
	if err != nil {
		return
	}
	if len(b) <= maxDocument || len(d.Subsegments) == 0 {
		*out = append(*out, b)
		return
	}
	subs := d.Subsegments
	d.Subsegments = nil
	for _, s := range subs {
		s.TraceID, s.ParentID, s.Type = d.TraceID, d.ID, "subsegment"
		emit(s, out)
	}
	if b, err := encode(d); err == nil {
		*out = append(*out, b)
	}
	d.Subsegments = subs
}

func markOpen(d *doc) {
	d.InProgress = d.EndTime == 0
	for _, s := range d.Subsegments {
		markOpen(s)
	}
}

func encode(d *doc) ([]byte, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("trace: encode segment %q: %w", d.Name, err)
	}
	return append([]byte(daemonHeader), b...), nil
}

func causeOf(err error, typ string, remote bool) *cause {
	if typ == "" {
		typ = fmt.Sprintf("%T", err)
	}
	return &cause{Exceptions: []exception{{ID: newID(), Message: err.Error(), Type: typ, Remote: remote}}}
}

// annotationKey keeps what X-Ray indexes: letters, digits and underscores.
func annotationKey(k string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return r
		}
		return '_'
	}, k)
}

// seconds is X-Ray's time: epoch seconds as a float, microseconds kept.
func seconds(t time.Time) float64 { return float64(t.UnixMicro()) / 1e6 }

// newID is a 64-bit segment id in 16 hex digits.
func newID() string {
	var b [8]byte
	putUint64(b[:], random())
	return hex.EncodeToString(b[:])
}

// newTraceID is 1-<epoch seconds, 8 hex>-<96 random bits, 24 hex>.
func newTraceID() string {
	var b [12]byte
	putUint64(b[:8], random())
	putUint64(b[4:], random())
	return fmt.Sprintf("1-%08x-%s", uint32(now().Unix()), hex.EncodeToString(b[:]))
}

func putUint64(b []byte, v uint64) {
	for i := range 8 {
		b[i] = byte(v >> (56 - 8*i))
	}
}

// Lambda passes the invocation's trace header in the context (aws-lambda-go
// stores it under this string key) and in _X_AMZN_TRACE_ID.
const (
	lambdaHeaderKey = "x-amzn-trace-id"
	envTraceID      = "_X_AMZN_TRACE_ID"
)

type header struct {
	root, parent string
	sampled      bool
}

func lambdaHeader(ctx context.Context) (header, bool) {
	s, _ := ctx.Value(lambdaHeaderKey).(string)
	if s == "" {
		s = os.Getenv(envTraceID)
	}
	if s == "" {
		return header{}, false
	}
	return parseHeader(s), true
}

// parseHeader reads "Root=1-...;Parent=...;Sampled=1[;Lineage=...]".
func parseHeader(s string) header {
	var h header
	for part := range strings.SplitSeq(s, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Root":
			h.root = v
		case "Parent":
			h.parent = v
		case "Sampled":
			h.sampled = v == "1"
		}
	}
	return h
}
