// Command checkpointer runs on an EventBridge schedule: it seals each chain
// that grew in an RFC 6962 tree and stores a KMS-signed checkpoint of it in
// the registry and the write-once bucket.
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
	cp, err := wire.NewCheckpointer(wire.Clients{
		DDB: dynamodb.NewFromConfig(awsCfg), S3: s3.NewFromConfig(awsCfg), KMS: kms.NewFromConfig(awsCfg),
	}, cfg)
	if err != nil {
		fail(log, err)
	}
	lambda.Start(wire.CheckpointHandler(cp, log))
}

func fail(log *slog.Logger, err error) {
	log.Error("checkpointer: cannot start", "err", err)
	os.Exit(1)
}
