// Command authorizer is the HTTP API Lambda authorizer: it resolves a bearer
// API key to its tenant and scopes.
package main

import (
	"context"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/tables"
	"github.com/agentgate/agentgate/shared/wire/authwire"
)

func main() {
	log := platform.Logger()
	env := platform.NewEnv()
	table := env.Require(tables.Registry.EnvVar)
	if err := env.Err(); err != nil {
		log.Error("authorizer: cannot start", "err", err)
		os.Exit(1)
	}
	awsCfg, err := platform.AWSConfig(context.Background())
	if err != nil {
		log.Error("authorizer: cannot start", "err", err)
		os.Exit(1)
	}
	lambda.Start(authwire.New(dynamodb.NewFromConfig(awsCfg), table, log, time.Now).Handle)
}
