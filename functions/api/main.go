// Command api is the HTTP API Lambda: POST /v1/validate and every other /v1 route.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/apiwire"
)

func main() {
	cfg, aws, ready := wire.Boot("api", nil)
	api, err := apiwire.New(apiwire.Clients{
		Clients: wire.Clients{DDB: dynamodb.NewFromConfig(aws), S3: s3.NewFromConfig(aws), KMS: kms.NewFromConfig(aws)},
		Bedrock: bedrockruntime.NewFromConfig(aws),
	}, cfg)
	wire.Exit("api", err)
	ready()
	lambda.Start(api.Server.Handle)
}
