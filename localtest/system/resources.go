package system

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// createResources creates, on the emulators, what the CDK app deploys besides
// the tables: the archive bucket (Object Lock, versioned), the packages
// bucket, the data key for SSE-KMS, the checkpoint signing key and the alert
// topic; and records their names in s.Config.
func (s *System) createResources(ctx context.Context) error {
	s.Config.ArchiveBucket = "agentgate-archive"
	s.Config.PackagesBucket = "agentgate-packages"
	if _, err := s.Clients.S3.CreateBucket(ctx, &s3.CreateBucketInput{
		Bucket:                     aws.String(s.Config.ArchiveBucket),
		ObjectLockEnabledForBucket: aws.Bool(true),
	}); err != nil {
		return fmt.Errorf("create archive bucket: %w", err)
	}
	// As deployed: a default retention on the bucket (C1.2 checks it), on top
	// of the explicit retention every archive put carries.
	if _, err := s.Clients.S3.PutObjectLockConfiguration(ctx, &s3.PutObjectLockConfigurationInput{
		Bucket: aws.String(s.Config.ArchiveBucket),
		ObjectLockConfiguration: &s3types.ObjectLockConfiguration{
			ObjectLockEnabled: s3types.ObjectLockEnabledEnabled,
			Rule: &s3types.ObjectLockRule{DefaultRetention: &s3types.DefaultRetention{
				Mode: s3types.ObjectLockRetentionModeGovernance, Days: aws.Int32(int32(max(s.Config.RetentionDays, 1))),
			}},
		},
	}); err != nil {
		return fmt.Errorf("archive bucket default retention: %w", err)
	}
	if _, err := s.Clients.S3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(s.Config.PackagesBucket)}); err != nil {
		return fmt.Errorf("create packages bucket: %w", err)
	}
	data, err := s.Clients.KMS.CreateKey(ctx, &kms.CreateKeyInput{
		Description: aws.String("agentgate data key (SSE-KMS)"),
	})
	if err != nil {
		return fmt.Errorf("create data key: %w", err)
	}
	s.Config.DataKeyID = aws.ToString(data.KeyMetadata.Arn)
	sign, err := s.Clients.KMS.CreateKey(ctx, &kms.CreateKeyInput{
		Description: aws.String("agentgate checkpoint signing key"),
		KeySpec:     kmstypes.KeySpecEccNistP256,
		KeyUsage:    kmstypes.KeyUsageTypeSignVerify,
	})
	if err != nil {
		return fmt.Errorf("create signing key: %w", err)
	}
	s.Config.SigningKeyID = aws.ToString(sign.KeyMetadata.Arn)
	topic, err := s.SNS.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("agentgate-alerts")})
	if err != nil {
		return fmt.Errorf("create alert topic: %w", err)
	}
	s.Config.AlertTopicARN = aws.ToString(topic.TopicArn)
	return nil
}
