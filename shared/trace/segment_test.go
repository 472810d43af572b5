package trace_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/trace"
	"github.com/agentgate/agentgate/shared/trace/tracetest"
)

var (
	segmentID = regexp.MustCompile(`^[0-9a-f]{16}$`)
	traceID   = regexp.MustCompile(`^1-[0-9a-f]{8}-[0-9a-f]{24}$`)
)

func TestRootIsASegmentDocument(t *testing.T) {
	d := tracetest.Listen(t)
	require.NoError(t, trace.Configure(trace.Options{DaemonAddr: d.Addr()}))
	t.Cleanup(func() { _ = trace.Configure(trace.Options{}) })

	before := time.Now()
	ctx, root := trace.Root(context.Background(), "unit")
	_, s := trace.Start(ctx, "gate")
	s.Annotate("tenant-id", "acme")
	s.End(errors.New("denied"))
	root.End(nil)

	seg, err := d.Next("unit", 5*time.Second)
	require.NoError(t, err)
	assert.Regexp(t, segmentID, seg.ID)
	assert.Regexp(t, traceID, seg.TraceID)
	epoch := strings.Split(seg.TraceID, "-")[1]
	assert.InDelta(t, before.Unix(), mustHex(t, epoch), 2, "the trace id starts with the epoch second")
	assert.Empty(t, seg.ParentID, "a root has no parent")
	assert.Empty(t, seg.Type, "a segment, not a subsegment")
	assert.InDelta(t, float64(before.UnixMicro())/1e6, seg.StartTime, 2)
	assert.GreaterOrEqual(t, seg.EndTime, seg.StartTime)

	require.Len(t, seg.Subsegments, 1)
	g := seg.Subsegments[0]
	assert.Regexp(t, segmentID, g.ID)
	assert.NotEqual(t, seg.ID, g.ID)
	assert.True(t, g.Fault)
	assert.False(t, g.InProgress)

	// The raw datagram: the header line and the fields as X-Ray names them.
	conn, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	require.NoError(t, trace.Configure(trace.Options{DaemonAddr: conn.LocalAddr().String()}))
	ctx, root = trace.Root(context.Background(), "raw")
	_, s = trace.Start(ctx, "gate")
	s.Annotate("tenant-id", "acme")
	s.End(errors.New("denied"))
	root.End(nil)
	buf := make([]byte, 64<<10)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	n, err := conn.Read(buf)
	require.NoError(t, err)
	raw := string(buf[:n])
	assert.True(t, strings.HasPrefix(raw, `{"format": "json", "version": 1}`+"\n"), raw)
	assert.Contains(t, raw, `"in_progress":false`)
	assert.Contains(t, raw, `"annotations":{"tenant_id":"acme"}`, "keys keep what X-Ray indexes")
	assert.Contains(t, raw, `"message":"denied"`, "the error is the cause")
}

func TestLambdaSendsSubsegmentsOfTheInvocationOnlyWhenSampled(t *testing.T) {
	d := tracetest.Listen(t)
	require.NoError(t, trace.Configure(trace.Options{DaemonAddr: d.Addr(), Lambda: true}))
	t.Cleanup(func() { _ = trace.Configure(trace.Options{}) })
	const root = "1-5759e988-bd862e3fe1be46a994272793"
	invocation := func(sampled string) context.Context {
		// As aws-lambda-go passes the invocation's header.
		//nolint:staticcheck // the runtime's own key is a string
		return context.WithValue(context.Background(), "x-amzn-trace-id",
			"Root="+root+";Parent=53995c3f42cd8ad8;Sampled="+sampled+";Lineage=a87bd80c:0")
	}

	for _, sampled := range []string{"0", "1"} {
		ctx, span := trace.Root(invocation(sampled), "agentgate-api-"+sampled)
		_, inner := trace.Start(ctx, "gate")
		inner.End(nil)
		span.End(nil)
	}
	seg, err := d.Next("agentgate-api-1", 5*time.Second)
	require.NoError(t, err)
	assert.Equal(t, "subsegment", seg.Type)
	assert.Equal(t, root, seg.TraceID, "the invocation's trace")
	assert.Equal(t, "53995c3f42cd8ad8", seg.ParentID, "under the invocation's segment")
	assert.NotNil(t, seg.Find("gate"))
	assert.Zero(t, d.Drain(200*time.Millisecond), "Sampled=0 sent nothing")

	ctx, span := trace.Start(context.Background(), "outside")
	assert.Equal(t, context.Background(), ctx, "no invocation header: not traced")
	span.End(nil)
}

func TestAWSCallsAreSubsegments(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("x-amzn-RequestId", "REQ123")
		w.Header().Set("Content-Type", "application/x-amz-json-1.0")
		if r.Header.Get("X-Amz-Target") == "DynamoDB_20120810.GetItem" {
			w.WriteHeader(400)
			_, _ = w.Write([]byte(`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"no table"}`))
			return
		}
		_, _ = w.Write([]byte(`{"TableNames":[]}`))
	}))
	t.Cleanup(srv.Close)
	d := tracetest.Listen(t)
	require.NoError(t, trace.Configure(trace.Options{DaemonAddr: d.Addr()}))
	t.Cleanup(func() { _ = trace.Configure(trace.Options{}) })

	cfg := aws.Config{
		Region:           "eu-west-1",
		Credentials:      credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		RetryMaxAttempts: 1,
	}
	trace.Instrument(&cfg)
	ddb := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(srv.URL) })

	_, err := ddb.ListTables(context.Background(), &dynamodb.ListTablesInput{})
	require.NoError(t, err)
	assert.Zero(t, d.Drain(200*time.Millisecond), "a call outside a trace sends nothing")

	ctx, root := trace.Root(context.Background(), "unit")
	_, err = ddb.ListTables(ctx, &dynamodb.ListTablesInput{})
	require.NoError(t, err)
	_, err = ddb.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String("t"),
		Key:       map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "a"}},
	})
	require.Error(t, err)
	root.End(nil)
	require.EqualValues(t, 3, calls.Load())

	seg, err := d.Next("unit", 5*time.Second)
	require.NoError(t, err)
	calls2 := seg.All("DynamoDB")
	require.Len(t, calls2, 2)
	list, get := calls2[0], calls2[1]
	for _, c := range calls2 {
		assert.Equal(t, "aws", c.Namespace)
		assert.Equal(t, "eu-west-1", c.AWS["region"])
		assert.Equal(t, "REQ123", c.AWS["request_id"])
		assert.False(t, c.InProgress)
		assert.GreaterOrEqual(t, c.EndTime, c.StartTime)
	}
	assert.Equal(t, "ListTables", list.AWS["operation"])
	assert.Equal(t, map[string]any{"response": map[string]any{"status": float64(200)}}, list.HTTP)
	assert.False(t, list.Error || list.Fault)
	assert.Equal(t, "GetItem", get.AWS["operation"])
	assert.Equal(t, map[string]any{"response": map[string]any{"status": float64(400)}}, get.HTTP)
	assert.True(t, get.Error, "a 4xx is an error")
	assert.False(t, get.Fault, "a 4xx is not a fault")
}

func mustHex(t *testing.T, s string) int64 {
	t.Helper()
	var v int64
	for _, c := range s {
		v <<= 4
		switch {
		case '0' <= c && c <= '9':
			v += int64(c - '0')
		case 'a' <= c && c <= 'f':
			v += int64(c-'a') + 10
		default:
			t.Fatalf("not hex: %q", s)
		}
	}
	return v
}
