package cloud

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agentgate/agentgate/controls"
)

// TTLAPI is the part of the DynamoDB client the retention adapter uses.
type TTLAPI interface {
	DescribeTimeToLive(ctx context.Context, in *dynamodb.DescribeTimeToLiveInput, opts ...func(*dynamodb.Options)) (*dynamodb.DescribeTimeToLiveOutput, error)
}

// LockAPI is the part of the S3 client the retention adapter uses.
type LockAPI interface {
	GetObjectLockConfiguration(ctx context.Context, in *s3.GetObjectLockConfigurationInput, opts ...func(*s3.Options)) (*s3.GetObjectLockConfigurationOutput, error)
}

// Retention reads the retention settings actually deployed on the evidence
// table and the archive bucket.
type Retention struct {
	ddb           TTLAPI
	s3            LockAPI
	evidenceTable string
	archiveBucket string
}

var _ controls.Retention = (*Retention)(nil)

// NewRetention returns the adapter.
func NewRetention(ddb TTLAPI, s3api LockAPI, evidenceTable, archiveBucket string) *Retention {
	return &Retention{ddb: ddb, s3: s3api, evidenceTable: evidenceTable, archiveBucket: archiveBucket}
}

// EvidenceTTL reports whether TTL is on (or being turned on) and its attribute.
func (r *Retention) EvidenceTTL(ctx context.Context) (bool, string, error) {
	out, err := r.ddb.DescribeTimeToLive(ctx, &dynamodb.DescribeTimeToLiveInput{TableName: aws.String(r.evidenceTable)})
	if err != nil {
		return false, "", fmt.Errorf("describe TTL of %s: %w", r.evidenceTable, err)
	}
	d := out.TimeToLiveDescription
	if d == nil {
		return false, "", nil
	}
	on := d.TimeToLiveStatus == ddbtypes.TimeToLiveStatusEnabled || d.TimeToLiveStatus == ddbtypes.TimeToLiveStatusEnabling
	return on, aws.ToString(d.AttributeName), nil
}

// ArchiveLock returns the bucket's default retention; a bucket without an
// Object Lock configuration (or without a default rule) has mode "".
func (r *Retention) ArchiveLock(ctx context.Context) (string, int, error) {
	out, err := r.s3.GetObjectLockConfiguration(ctx, &s3.GetObjectLockConfigurationInput{Bucket: aws.String(r.archiveBucket)})
	if code := apiCode(err); code == "ObjectLockConfigurationNotFoundError" {
		return "", 0, nil
	}
	if err != nil {
		return "", 0, fmt.Errorf("object lock configuration of %s: %w", r.archiveBucket, err)
	}
	c := out.ObjectLockConfiguration
	if c == nil || c.Rule == nil || c.Rule.DefaultRetention == nil {
		return "", 0, nil
	}
	dr := c.Rule.DefaultRetention
	days := int(aws.ToInt32(dr.Days))
	if y := aws.ToInt32(dr.Years); y > 0 {
		days = int(y) * 365
	}
	return string(dr.Mode), days, nil
}
