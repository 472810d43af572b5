package cloud_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
)

func (a *account) ecs() *ecs.Client {
	return ecs.NewFromConfig(a.cfg, func(o *ecs.Options) { o.BaseEndpoint = aws.String(a.url) })
}

// ECS over JSON 1.1: two pages of task definition families, each family's
// latest revision described; the Anthropic key in the second family's plain
// environment fails, the first family's key (a container secret reference)
// is not read at all.
func TestTaskEnvsOverECSProtocol(t *testing.T) {
	a := newAccount(t)
	envs, err := cloud.NewTaskEnvs(a.ecs()).Environments(context.Background())
	require.NoError(t, err)
	require.Len(t, envs, 2, "both pages")
	assert.Equal(t, "rag-indexer:12 container indexer", envs[0].Name)
	assert.NotContains(t, envs[0].Vars, "OPENAI_API_KEY", "container secrets are references, not values")
	assert.Equal(t, 2, a.fx.Calls(fixture.ECSFamilies))
	assert.Equal(t, 2, a.fx.Calls(fixture.ECSDescribeTaskDef))

	c := controls.SecretsCheck(controls.Workloads{cloud.NewFunctionEnvs(a.lambda()), cloud.NewTaskEnvs(a.ecs())}, gateSecrets(t))
	f, err := c.Run(context.Background(), controls.Input{Now: now})
	require.NoError(t, err)
	var details []string
	for _, x := range f {
		details = append(details, x.Detail)
	}
	assert.Contains(t, details, "ECS task definition guardrail-worker:3 container worker: environment variable ANTHROPIC_API_KEY holds a secret (secret.anthropic_key); keep it in Secrets Manager")
	assert.Contains(t, details, "Lambda function support-chat-api: environment variable OPENAI_API_KEY holds a secret (secret.openai_key); keep it in Secrets Manager")
	for _, d := range details {
		assert.NotContains(t, d, "sk-ant-api03")
	}
}
