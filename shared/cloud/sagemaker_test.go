package cloud_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
)

func (a *account) sagemaker() *sagemaker.Client {
	return sagemaker.NewFromConfig(a.cfg, func(o *sagemaker.Options) { o.BaseEndpoint = aws.String(a.url) })
}

// SageMaker over JSON 1.1: two pages of endpoints, each followed to its
// config and model; the embeddings model on page 2 runs outside a VPC.
func TestModelEndpointsOverSageMakerProtocol(t *testing.T) {
	a := newAccount(t)
	eps, err := cloud.NewModelEndpoints(a.sagemaker()).ModelEndpoints(context.Background())
	require.NoError(t, err)
	assert.Equal(t, []controls.ModelEndpoint{
		{Name: "support-llm", Model: "support-llm-model", InVPC: true},
		{Name: "embeddings", Model: "embeddings-model", InVPC: false},
	}, eps)
	assert.Equal(t, 2, a.fx.Calls(fixture.SageMakerEndpoints))
	assert.Equal(t, 2, a.fx.Calls(fixture.SageMakerModel))

	c := controls.PublicEndpointsCheck(cloud.NewModelEndpoints(a.sagemaker()))
	f, err := c.Run(context.Background(), controls.Input{Now: now})
	require.NoError(t, err)
	require.Len(t, f, 1)
	assert.Equal(t, controls.Warning, f[0].Status)
	assert.Equal(t, "SageMaker endpoint embeddings serves model embeddings-model outside a VPC", f[0].Detail)

	a.fx.Set(fixture.SageMakerModel, fixture.Response{Status: 400, Body: fixture.ErrorBody("sagemaker", "ValidationException", "no such model")})
	_, err = cloud.NewModelEndpoints(a.sagemaker()).ModelEndpoints(context.Background())
	assert.Error(t, err)
}
