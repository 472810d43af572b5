package packagewire

import (
	"context"
	"crypto/ecdsa"
	"crypto/x509"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/wire/checkpointwire"
	"github.com/agentgate/agentgate/shared/wire/internal/wiretest"
)

// The packager's signatures travel as JSON through the checkpointer's
// handler (in process here, Lambda Invoke when deployed) and verify as
// package statements with the checkpoint key.
func TestPackagerSignsThroughTheCheckpointer(t *testing.T) {
	key := wiretest.NewECKey(t)
	priv := key.K
	h := checkpointwire.CheckpointerFunction(&checkpoint.Checkpointer{}, audit.DigestSigner{Key: key}, time.Now, slog.New(slog.DiscardHandler))
	c := checkpointerClient{handlerInvoker{lambda.NewHandler(h)}}
	ctx := context.Background()

	der, err := c.PublicKey(ctx)
	require.NoError(t, err)
	want, err := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	require.NoError(t, err)
	assert.Equal(t, want, der)

	hash := strings.Repeat("ab", 32)
	sig, err := c.SignPackage(ctx, "acme", "pkg-1", 3, hash)
	require.NoError(t, err)
	assert.True(t, ecdsa.VerifyASN1(&priv.PublicKey, checkpoint.Digest(audit.SignedStatement("acme", "pkg-1", 3, hash)), sig),
		"a package statement signature")
	assert.False(t, ecdsa.VerifyASN1(&priv.PublicKey, checkpoint.Digest(audit.SignedStatement("acme", "pkg-1", 4, hash)), sig))
}

type fakeLambda struct {
	out *awslambda.InvokeOutput
	err error
	fn  string
}

func (f *fakeLambda) Invoke(_ context.Context, in *awslambda.InvokeInput, _ ...func(*awslambda.Options)) (*awslambda.InvokeOutput, error) {
	f.fn = *in.FunctionName
	return f.out, f.err
}

// A function error (the checkpointer refused or failed) is an error to the
// packager, never an empty signature.
func TestLambdaInvoker(t *testing.T) {
	fnErr := "Unhandled"
	tests := []struct {
		name    string
		api     *fakeLambda
		wantErr string
	}{
		{name: "answer", api: &fakeLambda{out: &awslambda.InvokeOutput{Payload: []byte(`{"publicKey":"AQI="}`)}}},
		{name: "function error", api: &fakeLambda{out: &awslambda.InvokeOutput{FunctionError: &fnErr, Payload: []byte(`{"errorMessage":"kms down"}`)}}, wantErr: "kms down"},
		{name: "invoke error", api: &fakeLambda{err: errors.New("throttled")}, wantErr: "throttled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := checkpointerClient{LambdaInvoker{API: tt.api, Function: "agentgate-checkpointer"}}
			der, err := c.PublicKey(context.Background())
			assert.Equal(t, "agentgate-checkpointer", tt.api.fn)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, []byte{1, 2}, der)
		})
	}
}
