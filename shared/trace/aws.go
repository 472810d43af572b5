package trace

import (
	"context"
	"errors"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// addMiddleware records one subsegment per AWS SDK call: opened in the
// Initialize step (after the client's own Initialize middleware has put the
// service and operation in the context), so it spans retries; each attempt's
// HTTP status and request id read in the Deserialize step; closed when the
// call returns.
func addMiddleware(stack *middleware.Stack) error {
	if err := stack.Initialize.Add(middleware.InitializeMiddlewareFunc("agentgate.trace.Call", call), middleware.After); err != nil {
		return err
	}
	return stack.Deserialize.Add(middleware.DeserializeMiddlewareFunc("agentgate.trace.Attempt", attempt), middleware.Before)
}

// awsCall is the span of one SDK call, found by the Deserialize step.
type awsCall struct {
	n        *node
	status   int
	attempts int
	request  string
}

type callKey struct{}

func call(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
	st := cur.Load()
	if st == nil {
		return next.HandleInitialize(ctx, in)
	}
	service := awsmiddleware.GetServiceID(ctx)
	if service == "" {
		service = "AWS"
	}
	n := begin(ctx, st, service)
	if n == nil {
		return next.HandleInitialize(ctx, in)
	}
	c := &awsCall{n: n}
	ctx = context.WithValue(context.WithValue(ctx, ctxKey{}, n), callKey{}, c)
	out, md, err := next.HandleInitialize(ctx, in)
	if id, ok := awsmiddleware.GetRequestIDMetadata(md); ok && id != "" {
		c.request = id
	}
	c.end(awsmiddleware.GetOperationName(ctx), awsmiddleware.GetRegion(ctx), err)
	return out, md, err
}

func attempt(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
	out, md, err := next.HandleDeserialize(ctx, in)
	if c, _ := ctx.Value(callKey{}).(*awsCall); c != nil {
		// Attempts of one call run one after another: no lock needed.
		c.attempts++
		if r, ok := out.RawResponse.(*smithyhttp.Response); ok && r != nil {
			c.status = r.StatusCode
		}
		if id, ok := awsmiddleware.GetRequestIDMetadata(md); ok && id != "" {
			c.request = id
		}
	}
	return out, md, err
}

// end closes the call's subsegment: 4xx is an error (429 also a
// throttle), 5xx or no response at all a fault, as X-Ray reads them.
func (c *awsCall) end(operation, region string, err error) {
	n := c.n
	n.t.mu.Lock()
	d := n.d
	d.Namespace = "aws"
	a := map[string]any{"operation": operation}
	if region != "" {
		a["region"] = region
	}
	if c.request != "" {
		a["request_id"] = c.request
	}
	if c.attempts > 1 {
		a["retries"] = c.attempts - 1
	}
	d.AWS = a
	if c.status != 0 {
		d.HTTP = &httpInfo{}
		d.HTTP.Response.Status = c.status
	}
	switch {
	case c.status == 429:
		d.Error, d.Throttle = true, true
	case c.status >= 500:
		d.Fault = true
	case c.status >= 400:
		d.Error = true
	case err != nil:
		d.Fault = true
	}
	if err != nil {
		typ := ""
		var api smithy.APIError
		if errors.As(err, &api) {
			typ = api.ErrorCode()
		}
		d.Cause = causeOf(err, typ, c.status != 0)
	}
	n.t.mu.Unlock()
	// The outcome is recorded above; End(nil) only closes (and, at the top
	// of a Lambda invocation, sends) the subsegment.
	n.end(nil)
}
