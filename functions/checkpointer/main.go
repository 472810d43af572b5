// Command checkpointer runs on an EventBridge schedule: it seals each chain
// that grew in an RFC 6962 tree and stores a KMS-signed checkpoint of it in
// the registry and the write-once bucket (and, with ANCHOR_BUCKET, a copy in
// a bucket of another account: docs/decisions/173). It is the one holder of the
// signing key, so the packager invokes it for seals before packaging and for
// package signatures (checkpointwire.CheckpointerRequest).
package main

import (
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/checkpointwire"
)

func main() {
	cfg, aws, ready := wire.Boot("checkpointer", nil)
	h, err := checkpointwire.NewCheckpointerFunction(wire.Clients{
		DDB: dynamodb.NewFromConfig(aws), S3: s3.NewFromConfig(aws), KMS: kms.NewFromConfig(aws),
	}, cfg)
	wire.Exit("checkpointer", err)
	ready()
	lambda.Start(h)
}
