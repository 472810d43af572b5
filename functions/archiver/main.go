// Command archiver is the Evidence table's stream consumer: it archives each
// chain's next contiguous entries to the write-once bucket and reports batch
// item failures (the event source retries them, then sends them to the DLQ).
package main

import (
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agentgate/agentgate/shared/wire"
)

func main() {
	cfg, aws := wire.Boot("archiver", nil)
	arch, err := wire.NewArchiver(wire.Clients{DDB: dynamodb.NewFromConfig(aws), S3: s3.NewFromConfig(aws)}, cfg)
	wire.Exit("archiver", err)
	lambda.Start(arch.Handle)
}
