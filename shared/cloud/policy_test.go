package cloud

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestModelReach(t *testing.T) {
	tests := []struct {
		name  string
		docs  []string // the principal's policies, evaluated together
		reach bool
	}{
		{name: "inline InvokeModel on a foundation model", reach: true,
			docs: []string{`{"Statement":{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2"}}`}},
		{name: "wildcard action with ? and *", reach: true,
			docs: []string{`{"Statement":[{"Effect":"Allow","Action":["bedrock:Invoke?odel*"],"Resource":"*"}]}`}},
		{name: "action names are case-insensitive", reach: true,
			docs: []string{`{"Statement":[{"Effect":"Allow","Action":"SageMaker:invokeendpoint","Resource":"arn:aws:sagemaker:*:*:endpoint/*"}]}`}},
		{name: "AdministratorAccess by its document, not its name", reach: true,
			docs: []string{`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`}},
		// Used to pass: NotAction statements were ignored, so "everything
		// but IAM" was read as granting nothing.
		{name: "NotAction that leaves model actions allowed", reach: true,
			docs: []string{`{"Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}]}`}},
		{name: "NotAction that excludes every model action", reach: false,
			docs: []string{`{"Statement":[{"Effect":"Allow","NotAction":["bedrock:*","sagemaker:*"],"Resource":"*"}]}`}},
		{name: "NotResource that leaves model resources", reach: true,
			docs: []string{`{"Statement":[{"Effect":"Allow","Action":"bedrock:*","NotResource":"arn:aws:s3:::secret/*"}]}`}},
		{name: "NotResource excluding both services everywhere", reach: false,
			docs: []string{`{"Statement":[{"Effect":"Allow","Action":"*","NotResource":["arn:aws:bedrock:*","arn:aws:sagemaker:*","arn:aws-cn:*","arn:aws-us-gov:*"]}]}`}},
		{name: "model action on a non-model resource", reach: false,
			docs: []string{`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::reports/*"}]}`}},
		{name: "resource wildcard over the service segment", reach: true,
			docs: []string{`{"Statement":[{"Effect":"Allow","Action":"sagemaker:InvokeEndpoint","Resource":"arn:aws:*:us-east-1:123456789012:endpoint/x"}]}`}},
		{name: "an explicit Deny in another policy removes the Allow", reach: false,
			docs: []string{
				`{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}`,
				`{"Statement":[{"Effect":"Deny","Action":["bedrock:*","sagemaker:*"],"Resource":"*"}]}`,
			}},
		{name: "a Deny of one service leaves the other", reach: true,
			docs: []string{
				`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
				`{"Statement":[{"Effect":"Deny","Action":"bedrock:*","Resource":"*"}]}`,
			}},
		{name: "a conditional Deny does not count as removing access", reach: true,
			docs: []string{`{"Statement":[{"Effect":"Allow","Action":"bedrock:*","Resource":"*"},{"Effect":"Deny","Action":"bedrock:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}]}`}},
		{name: "a Deny on one model only leaves the others", reach: true,
			docs: []string{`{"Statement":[{"Effect":"Allow","Action":"bedrock:*","Resource":"*"},{"Effect":"Deny","Action":"bedrock:*","Resource":"arn:aws:bedrock:us-east-1::foundation-model/x"}]}`}},
		{name: "other services only", reach: false,
			docs: []string{`{"Statement":[{"Effect":"Allow","Action":["dynamodb:PutItem","s3:*"],"Resource":"*"}]}`}},
		{name: "URL-encoded as IAM returns it", reach: true,
			docs: []string{url.QueryEscape(`{"Statement":{"Effect":"Allow","Action":"bedrock:Converse","Resource":"*"}}`)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var all []statement
			for _, d := range tc.docs {
				st, err := parsePolicy(d)
				require.NoError(t, err)
				all = append(all, st...)
			}
			assert.Equal(t, tc.reach, len(ModelReach(all)) > 0, "actions: %v", ModelReach(all))
		})
	}
	_, err := parsePolicy(`{"Statement":`)
	assert.Error(t, err, "a malformed document is an error, not \"no reach\"")
}

func TestGlob(t *testing.T) {
	tests := []struct {
		p, s string
		want bool
	}{
		{"*", "bedrock:invokemodel", true},
		{"bedrock:*", "bedrock:invokemodel", true},
		{"bedrock:invoke*", "sagemaker:invokeendpoint", false},
		{"*:invoke*", "sagemaker:invokeendpoint", true},
		{"bedrock:invokemodel", "bedrock:invokemodelwithresponsestream", false},
		{"bedrock:invokemodel?", "bedrock:invokemodel", false},
		{"arn:aws:*:endpoint/*", "arn:aws:sagemaker:us-east-1:1:endpoint/x", true},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, glob(tc.p, tc.s), "%s ~ %s", tc.p, tc.s)
	}
}
