// Command controls runs on an EventBridge schedule: every control check for
// every tenant, results stored with their history, one SNS alert per
// status change.
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/wire"
)

func main() {
	log := platform.Logger()
	env := platform.NewEnv()
	cfg := wire.FromEnv(env)
	set := wire.ControlSettingsFromEnv(env)
	if err := env.Err(); err != nil {
		fail(log, err)
	}
	aws, err := platform.AWSConfig(context.Background())
	if err != nil {
		fail(log, err)
	}
	r, err := wire.NewControls(wire.ControlClients{
		Clients: wire.Clients{DDB: dynamodb.NewFromConfig(aws), S3: s3.NewFromConfig(aws), SNS: sns.NewFromConfig(aws)},
		IAM:     iam.NewFromConfig(aws), Config: configservice.NewFromConfig(aws),
		CloudWatch: cloudwatch.NewFromConfig(aws), SQS: sqs.NewFromConfig(aws),
	}, cfg, set)
	if err != nil {
		fail(log, err)
	}
	lambda.Start(wire.ControlsHandler(r, log))
}

func fail(log *slog.Logger, err error) {
	log.Error("controls: cannot start", "err", err)
	os.Exit(1)
}
