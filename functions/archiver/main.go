// Command archiver is the Evidence table's stream consumer: it archives each
// chain's next contiguous entries to the write-once bucket and reports batch
// item failures (the event source retries them, then sends them to the DLQ).
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
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
	arch, err := wire.NewArchiver(wire.Clients{DDB: dynamodb.NewFromConfig(awsCfg), S3: s3.NewFromConfig(awsCfg)}, cfg)
	if err != nil {
		fail(log, err)
	}
	lambda.Start(arch.Handle)
}

func fail(log *slog.Logger, err error) {
	log.Error("archiver: cannot start", "err", err)
	os.Exit(1)
}
