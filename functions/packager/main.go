// Command packager is the audit package Lambda: invoked asynchronously by
// the packages bucket's notification of a build request (POST /v1/packages)
// and monthly by an EventBridge schedule (last month's package per tenant).
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/wire"
)

func main() {
	log := platform.Logger()
	env := platform.NewEnv()
	cfg := wire.FromEnv(env)
	if err := env.Err(); err != nil {
		fail(log, err)
	}
	awsCfg, err := platform.AWSConfig(context.Background())
	if err != nil {
		fail(log, err)
	}
	p, err := wire.NewPackager(wire.Clients{
		DDB: dynamodb.NewFromConfig(awsCfg),
		S3:  s3.NewFromConfig(awsCfg),
		KMS: kms.NewFromConfig(awsCfg),
	}, cfg)
	if err != nil {
		fail(log, err)
	}
	lambda.Start(p.Handle)
}

func fail(log *slog.Logger, err error) {
	log.Error("packager: cannot start", "err", err)
	os.Exit(1)
}
