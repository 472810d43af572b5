package cloud_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
	"github.com/agentgate/agentgate/shared/gate"
)

func (a *account) lambda() *lambda.Client {
	return lambda.NewFromConfig(a.cfg, func(o *lambda.Options) { o.BaseEndpoint = aws.String(a.url) })
}

// gateSecrets is the scanner wire passes: the gate's own secret detectors.
func gateSecrets(t *testing.T) controls.SecretScanner {
	g, err := gate.New(gate.DefaultPolicy())
	require.NoError(t, err)
	return func(v string) []string {
		var out []string
		for _, x := range g.Check(v, nil).Violations {
			if x.Category == gate.CatSecret {
				out = append(out, x.Rule)
			}
		}
		return out
	}
}

// Lambda's ListFunctions over its REST-JSON protocol, two pages: the
// adapter reads both, and the check finds the key on the first page, the
// token on the second, the warnings, and never prints a value.
func TestFunctionEnvsOverLambdaProtocol(t *testing.T) {
	a := newAccount(t)
	envs, err := cloud.NewFunctionEnvs(a.lambda()).Environments(context.Background())
	require.NoError(t, err)
	var names []string
	for _, e := range envs {
		names = append(names, e.Name)
	}
	assert.Equal(t, []string{"support-chat-api", "ticket-summariser", "nightly-eval", "legacy-batch"}, names, "both pages are read")
	assert.Equal(t, 2, a.fx.Calls(fixture.LambdaListFunctions))
	assert.Equal(t, "KMSAccessDeniedException", envs[3].Unreadable)

	c := controls.SecretsCheck(cloud.NewFunctionEnvs(a.lambda()), gateSecrets(t))
	f, err := c.Run(context.Background(), controls.Input{Now: now})
	require.NoError(t, err)
	r := controls.Combine(c.Control, now, []controls.Check{c}, []controls.Outcome{{Findings: f}})
	assert.Equal(t, controls.Failing, r.Status)
	var details []string
	for _, x := range r.Findings {
		details = append(details, string(x.Status)+": "+x.Detail)
	}
	assert.ElementsMatch(t, []string{
		"failing: Lambda function support-chat-api: environment variable OPENAI_API_KEY holds a secret (secret.openai_key); keep it in Secrets Manager",
		"failing: Lambda function nightly-eval: environment variable HF_TOKEN holds a secret (secret.huggingface_token); keep it in Secrets Manager",
		"warning: Lambda function nightly-eval: environment variable EVAL_TOKEN is named like a credential and is not a Secrets Manager or Parameter Store reference",
		"warning: Lambda function legacy-batch: environment variables could not be read (KMSAccessDeniedException)",
	}, details, "the Secrets Manager ARN reference passes")
	for _, v := range []string{"sk-proj-", "hf_kXyZ", "changeme"} {
		assert.NotContains(t, r.Detail, v, "values never reach the status")
	}

	// An API failure is an error, never passing.
	a.fx.Set(fixture.LambdaListFunctions, fixture.Response{Status: 403, Body: fixture.ErrorBody("lambda", "AccessDeniedException", "not authorized")})
	_, err = c.Run(context.Background(), controls.Input{Now: now})
	assert.Error(t, err)
}
