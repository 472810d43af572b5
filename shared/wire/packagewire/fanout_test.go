package packagewire

import (
	"context"
	"encoding/json"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type fakeSFN struct {
	starts []*sfn.StartExecutionInput
	err    error
}

func (f *fakeSFN) StartExecution(_ context.Context, in *sfn.StartExecutionInput, _ ...func(*sfn.Options)) (*sfn.StartExecutionOutput, error) {
	f.starts = append(f.starts, in)
	return &sfn.StartExecutionOutput{}, f.err
}

// TestFanOutStartsTheStateMachine: the execution's input is the package
// (the state machine's contract) and its name is the package's, so a
// second start of the same package is refused by Step Functions and taken
// as started.
func TestFanOutStartsTheStateMachine(t *testing.T) {
	api := &fakeSFN{}
	f := sfnFanOut{api: api, arn: "arn:aws:states:us-east-1:1:stateMachine:fan"}
	require.NoError(t, f.Start(context.Background(), "acme", "pkg_0123abcd"))
	require.Len(t, api.starts, 1)
	in := api.starts[0]
	assert.Equal(t, f.arn, aws.ToString(in.StateMachineArn))
	assert.JSONEq(t, `{"tenant":"acme","id":"pkg_0123abcd"}`, aws.ToString(in.Input))
	assert.Regexp(t, regexp.MustCompile(`^[A-Za-z0-9_-]{1,80}$`), aws.ToString(in.Name))
	assert.NotEqual(t, executionName("acme", "pkg_1"), executionName("other", "pkg_1"), "tenants' packages of one id are different executions")
	assert.LessOrEqual(t, len(executionName("t", "pkg_monthly-"+string(make([]byte, 100)))), 80)

	api.err = &sfntypes.ExecutionAlreadyExists{Message: aws.String("exists")}
	assert.NoError(t, f.Start(context.Background(), "acme", "pkg_0123abcd"), "already started: that execution builds it")
	api.err = &sfntypes.StateMachineDoesNotExist{Message: aws.String("gone")}
	assert.Error(t, f.Start(context.Background(), "acme", "pkg_0123abcd"))
}

// TestInvokeRefusesMalformedActions: an action needs its package, and an
// unknown action is an error (the state machine catches it and aborts).
func TestInvokeRefusesMalformedActions(t *testing.T) {
	p := &Packager{}
	for _, ev := range []string{`{"action":"plan"}`, `{"action":"part","tenant":"acme"}`, `{"action":"nope","tenant":"acme","id":"pkg_1"}`} {
		_, err := p.Invoke(context.Background(), json.RawMessage(ev))
		assert.Error(t, err, ev)
	}
}
