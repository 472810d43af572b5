package cloud_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
)

func (a *account) apigateway() *apigatewayv2.Client {
	return apigatewayv2.NewFromConfig(a.cfg, func(o *apigatewayv2.Options) { o.BaseEndpoint = aws.String(a.url) })
}

func (a *account) cloudfront() *cloudfront.Client {
	return cloudfront.NewFromConfig(a.cfg, func(o *cloudfront.Options) { o.BaseEndpoint = aws.String(a.url) })
}

// API Gateway v2 (REST-JSON, nextToken) and CloudFront (REST-XML, Marker),
// two pages each: the TLS 1.0 custom domain, the TLS 1.1 distribution and
// the default-certificate one are on the second pages; TLS 1.2 and a
// 1.3-only policy pass.
func TestTLSPoliciesOverTheirProtocols(t *testing.T) {
	a := newAccount(t)
	domains, err := cloud.NewAPIDomains(a.apigateway()).Endpoints(context.Background())
	require.NoError(t, err)
	assert.Equal(t, []controls.TLSEndpoint{
		{Kind: "API Gateway custom domain", Name: "api.support.example.com", Policy: "TLS_1_2", MinTLS: "1.2"},
		{Kind: "API Gateway custom domain", Name: "legacy-chat.example.com", Policy: "TLS_1_0", MinTLS: "1.0"},
	}, domains)
	assert.Equal(t, 2, a.fx.Calls(fixture.APIGatewayDomains))

	dists, err := cloud.NewDistributions(a.cloudfront()).Endpoints(context.Background())
	require.NoError(t, err)
	require.Len(t, dists, 4, "both pages")
	assert.Equal(t, 2, a.fx.Calls(fixture.CloudFrontList))
	assert.Equal(t, "1.3", dists[1].MinTLS)

	c := controls.TransitCheck(cloud.NewAPIDomains(a.apigateway()), cloud.NewDistributions(a.cloudfront()))
	f, err := c.Run(context.Background(), controls.Input{Now: now})
	require.NoError(t, err)
	r := controls.Combine(c.Control, now, []controls.Check{c}, []controls.Outcome{{Findings: f}})
	assert.Equal(t, controls.Failing, r.Status)
	var details []string
	for _, x := range r.Findings {
		details = append(details, x.Detail)
	}
	assert.Equal(t, []string{
		"API Gateway custom domain legacy-chat.example.com accepts TLS 1.0 (policy TLS_1_0); require TLS 1.2 or later",
		"CloudFront distribution E3WIDGET (widget.example.com) accepts TLS 1.1 (policy TLSv1.1_2016); require TLS 1.2 or later",
		"CloudFront distribution E4ASSETS on the default *.cloudfront.net certificate accepts TLS 1.0 (policy default certificate); require TLS 1.2 or later",
	}, details)

	a.fx.Set(fixture.CloudFrontList, fixture.Response{Status: 403, Body: fixture.ErrorBody("cloudfront", "AccessDenied", "no")})
	_, err = c.Run(context.Background(), controls.Input{Now: now})
	assert.Error(t, err, "an API failure is an error, never passing")
}
