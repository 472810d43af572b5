// Command archiver is the Evidence table's stream consumer: it archives each
// chain's next contiguous entries to the write-once bucket, reports every
// rewrite or non-TTL delete of evidence as a tamper report, and reports batch
// item failures (the event source retries them, then sends them to the DLQ).
// On its schedule it sweeps: the table compared with the archive.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/archivewire"
)

func main() {
	cfg, aws, ready := wire.Boot("archiver", nil)
	clients := wire.Clients{DDB: dynamodb.NewFromConfig(aws), S3: s3.NewFromConfig(aws)}
	arch, err := archivewire.NewArchiver(clients, cfg)
	wire.Exit("archiver", err)
	ready()
	lambda.Start(archivewire.ArchiverHandler(arch, archivewire.NewArchiveSweeper(clients, cfg, arch), cfg.Log))
}
