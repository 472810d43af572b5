// Command controls runs on an EventBridge schedule: every control check for
// every tenant, results stored with their history, one SNS alert per
// status change.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/controlswire"
)

func main() {
	var set controlswire.Settings
	cfg, aws, ready := wire.Boot("controls", func(env *platform.Env) { set = controlswire.SettingsFromEnv(env) })
	r, err := controlswire.New(controlswire.Clients{
		Clients: wire.Clients{DDB: dynamodb.NewFromConfig(aws), S3: s3.NewFromConfig(aws)}, SNS: sns.NewFromConfig(aws),
		IAM: iam.NewFromConfig(aws), Config: configservice.NewFromConfig(aws),
		CloudWatch: cloudwatch.NewFromConfig(aws), SQS: sqs.NewFromConfig(aws),
		Functions: awslambda.NewFromConfig(aws), Inspector: inspector2.NewFromConfig(aws),
		APIDomains: apigatewayv2.NewFromConfig(aws), CloudFront: cloudfront.NewFromConfig(aws),
		Secrets: secretsmanager.NewFromConfig(aws), SecurityHub: securityhub.NewFromConfig(aws), ECS: ecs.NewFromConfig(aws),
		SageMaker: sagemaker.NewFromConfig(aws),
	}, cfg, set)
	wire.Exit("controls", err)
	ready()
	lambda.Start(controlswire.Handler(r, cfg.Log))
}
