// Package invoke calls Lambda handlers in-process the way the Lambda runtime
// does: the event arrives as JSON and is decoded into the handler's event
// type, the result leaves as JSON.
//
// It exists instead of lambda.NewHandler(h).Invoke because that returns the
// bytes of a pooled buffer it has already put back in the pool: with
// concurrent invocations (the local gateway serves requests in parallel, the
// stream poller runs one goroutine per shard) another invocation can
// overwrite the response before the caller reads it. The deployed functions
// use lambda.Start, which handles one event at a time, and are not affected.
package invoke

import (
	"context"
	"encoding/json"
	"fmt"
)

// Func is a Lambda-style invocation: JSON event in, JSON result out.
type Func func(ctx context.Context, payload []byte) ([]byte, error)

// JSON adapts a handler returning a result.
func JSON[In, Out any](h func(context.Context, In) (Out, error)) Func {
	return func(ctx context.Context, payload []byte) ([]byte, error) {
		var in In
		if err := json.Unmarshal(payload, &in); err != nil {
			return nil, fmt.Errorf("decode event: %w", err)
		}
		out, err := h(ctx, in)
		if err != nil {
			return nil, err
		}
		return json.Marshal(out)
	}
}

// NoResult adapts a handler that returns only an error (its result is JSON null).
func NoResult[In any](h func(context.Context, In) error) Func {
	return func(ctx context.Context, payload []byte) ([]byte, error) {
		var in In
		if err := json.Unmarshal(payload, &in); err != nil {
			return nil, fmt.Errorf("decode event: %w", err)
		}
		if err := h(ctx, in); err != nil {
			return nil, err
		}
		return []byte("null"), nil
	}
}
