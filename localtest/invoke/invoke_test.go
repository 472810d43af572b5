package invoke_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/invoke"
)

type in struct{ N int }
type out struct{ Twice int }

// Many concurrent invocations each get their own, intact result (the
// property lambda.NewHandler(...).Invoke does not have).
func TestConcurrentResultsStayIntact(t *testing.T) {
	f := invoke.JSON(func(_ context.Context, e in) (out, error) { return out{Twice: 2 * e.N}, nil })
	var wg sync.WaitGroup
	for i := 0; i < 200; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			res, err := f(context.Background(), []byte(fmt.Sprintf(`{"N":%d}`, i)))
			require.NoError(t, err)
			var o out
			require.NoError(t, json.Unmarshal(res, &o))
			assert.Equal(t, 2*i, o.Twice)
		}(i)
	}
	wg.Wait()
}

func TestErrorsAndBadEvents(t *testing.T) {
	boom := errors.New("boom")
	f := invoke.NoResult(func(_ context.Context, e in) error {
		if e.N < 0 {
			return boom
		}
		return nil
	})
	res, err := f(context.Background(), []byte(`{"N":1}`))
	require.NoError(t, err)
	assert.Equal(t, "null", string(res))
	_, err = f(context.Background(), []byte(`{"N":-1}`))
	assert.ErrorIs(t, err, boom)
	_, err = f(context.Background(), []byte(`{"N":`))
	assert.Error(t, err)
}
