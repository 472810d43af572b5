package emulator

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// Static credentials every emulator accepts. versitygw checks signatures
// against them; the others ignore them.
const (
	AccessKey = "AGENTGATELOCAL"
	SecretKey = "agentgate-local-secret-key"
)

// Config is an SDK v2 config with the emulators' static credentials and the
// region, and nothing read from the environment or ~/.aws, so a developer's
// real account can never be reached by a test.
func Config(region string) aws.Config {
	if region == "" {
		region = DefaultRegion
	}
	return aws.Config{
		Region:      region,
		Credentials: aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(AccessKey, SecretKey, "")),
	}
}

// DynamoOptions points a dynamodb client at DynamoDB Local. DynamoDB Local
// does not send the CRC32 response checksum the SDK validates by default.
func DynamoOptions(endpoint string) func(*dynamodb.Options) {
	return func(o *dynamodb.Options) {
		o.BaseEndpoint = aws.String(endpoint)
		o.DisableValidateResponseChecksum = true
	}
}

// StreamsOptions points a dynamodbstreams client at DynamoDB Local, which
// serves Streams on the same port.
func StreamsOptions(endpoint string) func(*dynamodbstreams.Options) {
	return func(o *dynamodbstreams.Options) { o.BaseEndpoint = aws.String(endpoint) }
}

// S3Options points an s3 client at versitygw. Path style, because
// virtual-host style would need DNS for bucket.127.0.0.1.
func S3Options(endpoint string) func(*s3.Options) {
	return func(o *s3.Options) {
		o.BaseEndpoint = aws.String(endpoint)
		o.UsePathStyle = true
	}
}

// SNSOptions points an sns client at goaws.
func SNSOptions(endpoint string) func(*sns.Options) {
	return func(o *sns.Options) { o.BaseEndpoint = aws.String(endpoint) }
}

// KMSOptions points a kms client at local-kms.
func KMSOptions(endpoint string) func(*kms.Options) {
	return func(o *kms.Options) { o.BaseEndpoint = aws.String(endpoint) }
}
