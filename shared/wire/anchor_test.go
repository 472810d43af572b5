package wire

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ANCHOR_BUCKET gives the checkpointer its second anchor; a bucket or owner
// that cannot be right stops the cold start, as a bad witness list does.
func TestCheckpointerAnchorConfig(t *testing.T) {
	c := Clients{DDB: dynamodb.New(dynamodb.Options{}), S3: s3.New(s3.Options{}), KMS: kms.New(kms.Options{})}
	base := Config{EvidenceTable: "e", RegistryTable: "r", ArchiveBucket: "a", DataKeyID: "k", SigningKeyID: "s"}
	for _, tc := range []struct {
		name, bucket, owner string
		anchored, fails     bool
	}{
		{name: "off"},
		{name: "arn and owner", bucket: "arn:aws:s3:::customer-anchor", owner: "123456789012", anchored: true},
		{name: "name", bucket: "customer-anchor", anchored: true},
		{name: "bad bucket", bucket: "s3://customer-anchor", fails: true},
		{name: "bad owner", bucket: "customer-anchor", owner: "me", fails: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := base
			cfg.AnchorBucket, cfg.AnchorBucketOwner = tc.bucket, tc.owner
			cp, err := NewCheckpointer(c, cfg)
			if tc.fails {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.anchored, cp.Anchor != nil)
		})
	}
}
