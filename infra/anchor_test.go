package infra

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/platform"
)

// The anchor bucket and its owner from context, checked at synth as the
// checkpointer reads them at cold start.
func TestAnchorContext(t *testing.T) {
	for _, tc := range []struct {
		name    string
		ctx     map[string]any
		objects string
		wantErr string
	}{
		{name: "off", ctx: map[string]any{}},
		{name: "name", ctx: map[string]any{"anchorBucket": "customer-anchor"}, objects: "arn:aws:s3:::customer-anchor/checkpoints/*"},
		{name: "arn keeps its partition", ctx: map[string]any{"anchorBucket": "arn:aws-cn:s3:::customer-anchor", "anchorBucketOwner": "111122223333"},
			objects: "arn:aws-cn:s3:::customer-anchor/checkpoints/*"},
		{name: "not a bucket", ctx: map[string]any{"anchorBucket": "s3://customer-anchor"}, wantErr: "not a valid S3 bucket name"},
		{name: "an access point arn", ctx: map[string]any{"anchorBucket": "arn:aws:s3:eu-west-1:111122223333:accesspoint/a"}, wantErr: "want a bucket name or arn:aws:s3:::NAME"},
		{name: "owner not an account", ctx: map[string]any{"anchorBucket": "customer-anchor", "anchorBucketOwner": "acme"}, wantErr: "12-digit account id"},
		{name: "owner alone", ctx: map[string]any{"anchorBucketOwner": "111122223333"}, wantErr: "without anchorBucket"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ConfigFromContext(func(k string) any { return tc.ctx[k] })
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			if tc.objects != "" {
				assert.Equal(t, tc.objects, c.AnchorObjects())
			}
		})
	}
}

// The full stack (anchorBucket set) passes the bucket and owner to the
// checkpointer only; its grant is checked in TestFunctionAccessIsExactlyItsNeed.
func TestCheckpointerAnchorEnv(t *testing.T) {
	for _, spec := range functionSpecs {
		id := full.logicalID(t, "AWS::Lambda::Function", "/Fn"+exported(spec.name)+"/Function/Resource")
		vars := props(full.resources("AWS::Lambda::Function")[id])["Environment"].(map[string]any)["Variables"].(map[string]any)
		if spec.name == "checkpointer" {
			assert.Equal(t, "arn:aws:s3:::customer-anchor", vars[platform.EnvAnchorBucket])
			assert.Equal(t, "111122223333", vars[platform.EnvAnchorBucketOwner])
			continue
		}
		assert.NotContains(t, vars, platform.EnvAnchorBucket, spec.name)
	}
}
