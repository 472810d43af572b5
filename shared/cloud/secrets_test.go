package cloud_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
)

func (a *account) secrets() *secretsmanager.Client {
	return secretsmanager.NewFromConfig(a.cfg, func(o *secretsmanager.Options) { o.BaseEndpoint = aws.String(a.url) })
}

// Secrets Manager over JSON 1.1, two pages: the overdue OpenAI key is on the
// second; the unrotated database password warns; the unused token is left
// alone.
func TestSecretRotationsOverJSONProtocol(t *testing.T) {
	a := newAccount(t)
	all, err := cloud.NewSecretRotations(a.secrets()).Secrets(context.Background())
	require.NoError(t, err)
	require.Len(t, all, 4, "both pages")
	assert.Equal(t, 2, a.fx.Calls(fixture.SecretsList))
	assert.Equal(t, 30, all[0].EveryDays)

	c := controls.RotationCheck(cloud.NewSecretRotations(a.secrets()), controls.Thresholds{})
	f, err := c.Run(context.Background(), controls.Input{Now: now})
	require.NoError(t, err)
	r := controls.Combine(c.Control, now, []controls.Check{c}, []controls.Outcome{{Findings: f}})
	var details []string
	for _, x := range r.Findings {
		details = append(details, string(x.Status)+": "+x.Detail)
	}
	assert.Equal(t, []string{
		"failing: secret prod/openai-key was due for rotation on 2026-07-01 (last rotated 2026-06-01, every 30 days)",
		"warning: secret prod/db-password is in use and has no rotation schedule",
	}, details)

	a.fx.Set(fixture.SecretsList, fixture.Response{Status: 400, Body: fixture.ErrorBody("secretsmanager", "AccessDeniedException", "no")})
	_, err = c.Run(context.Background(), controls.Input{Now: now})
	assert.Error(t, err)
}
