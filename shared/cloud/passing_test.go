package cloud_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
)

// The new AWS checks pass over the same protocols when the account is
// clean: each failing answer of the recorded account is replaced by a clean
// one in the service's format (the other pages still answer), so passing,
// warning (the other tests) and failing are all shown on the fixtures.
func TestNewAccountChecksPassWhenClean(t *testing.T) {
	a := newAccount(t)
	ok := func(body string) fixture.Response { return fixture.Response{Status: 200, Body: []byte(body)} }
	a.fx.Set(fixture.LambdaListFunctions, ok(`{"Functions":[{"FunctionName":"chat","Environment":{"Variables":{"LOG_LEVEL":"info",
		"OPENAI_KEY_ARN":"arn:aws:secretsmanager:us-east-1:111122223333:secret:openai-AbCdEf"}}}]}`))
	a.fx.Set(fixture.ECSDescribeTaskDef, ok(`{"taskDefinition":{"family":"worker","revision":4,"containerDefinitions":[{"name":"w",
		"environment":[{"name":"LOG_LEVEL","value":"info"}],"secrets":[{"name":"ANTHROPIC_API_KEY","valueFrom":"arn:aws:ssm:us-east-1:111122223333:parameter/anthropic"}]}]}}`))
	a.fx.Set(fixture.SecretsList, ok(`{"SecretList":[{"Name":"prod/openai-key","RotationEnabled":true,"RotationRules":{"AutomaticallyAfterDays":30},
		"LastRotatedDate":1794268800,"LastAccessedDate":1795651200,"CreatedDate":1767225600}]}`)) // used 2026-11-26, rotated 2026-11-10: within its 30 days
	a.fx.Set(fixture.InspectorFindings, ok(`{"findings":[]}`))
	a.fx.Set(fixture.InspectorStatus, ok(`{"accounts":[{"accountId":"111122223333","state":{"status":"ENABLED"},
		"resourceState":{"ec2":{"status":"ENABLED"},"ecr":{"status":"ENABLED"},"lambda":{"status":"ENABLED"},"lambdaCode":{"status":"ENABLED"}}}],"failedAccounts":[]}`))
	a.fx.Set(fixture.APIGatewayDomains, ok(`{"items":[{"domainName":"api.example.com","domainNameConfigurations":[{"securityPolicy":"TLS_1_2"}]}]}`))
	a.fx.Set(fixture.CloudFrontList, ok(`<?xml version="1.0" encoding="UTF-8"?><DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">`+
		`<Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>1</Quantity><Items><DistributionSummary><Id>E9</Id>`+
		`<ViewerCertificate><CloudFrontDefaultCertificate>false</CloudFrontDefaultCertificate><MinimumProtocolVersion>TLSv1.3_2025</MinimumProtocolVersion></ViewerCertificate>`+
		`</DistributionSummary></Items></DistributionList>`))
	a.fx.Set(fixture.SageMakerModel, ok(`{"ModelName":"m","VpcConfig":{"SecurityGroupIds":["sg-1"],"Subnets":["subnet-1"]}}`))

	checks := []controls.Check{
		controls.SecretsCheck(controls.Workloads{cloud.NewFunctionEnvs(a.lambda()), cloud.NewTaskEnvs(a.ecs())}, gateSecrets(t)),
		controls.RotationCheck(cloud.NewSecretRotations(a.secrets()), controls.Thresholds{}),
		controls.VulnerabilityCheck(cloud.NewInspector(a.inspector()), controls.Thresholds{}),
		controls.TransitCheck(cloud.NewAPIDomains(a.apigateway()), cloud.NewDistributions(a.cloudfront())),
		controls.PublicEndpointsCheck(cloud.NewModelEndpoints(a.sagemaker())),
	}
	for _, c := range checks {
		f, err := c.Run(context.Background(), controls.Input{Now: now})
		require.NoError(t, err, c.Name)
		r := controls.Combine(c.Control, now, []controls.Check{c}, []controls.Outcome{{Findings: f}})
		assert.Equal(t, controls.Passing, r.Status, "%s: %s", c.Name, r.Detail)
	}
	assert.Equal(t, 2, a.fx.Calls(fixture.ECSFamilies), "the family list still comes in two pages")

	// The same secret, used yesterday and last rotated 60 days ago, fails:
	// the passing case above is not vacuous.
	a.fx.Set(fixture.SecretsList, ok(`{"SecretList":[{"Name":"prod/openai-key","RotationEnabled":true,"RotationRules":{"AutomaticallyAfterDays":30},
		"LastRotatedDate":1789603200,"LastAccessedDate":1795651200,"CreatedDate":1767225600}]}`))
	f, err := checks[1].Run(context.Background(), controls.Input{Now: now})
	require.NoError(t, err)
	require.Len(t, f, 1)
	assert.Equal(t, controls.Failing, f[0].Status)
	assert.Equal(t, 2, a.fx.Calls(fixture.SageMakerEndpoints), "so does the endpoint list")
}
