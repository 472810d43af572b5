// Command packager is the audit package Lambda: invoked asynchronously by
// EventBridge when POST /v1/packages writes a build request to the packages
// bucket, monthly by a schedule (last month's package per tenant), and by
// the package fan-out state machine (plan, part, finish, abort) for a
// package too large for one invocation. It holds no signing key: the
// checkpointer function seals and signs for it.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/packagewire"
)

func main() {
	cfg, aws, ready := wire.Boot("packager", func(env *platform.Env) { env.Require(platform.EnvCheckpointerFunction) })
	p, err := packagewire.New(packagewire.Clients{
		Clients: wire.Clients{DDB: dynamodb.NewFromConfig(aws), S3: s3.NewFromConfig(aws)},
		Lambda:  awslambda.NewFromConfig(aws), SFN: sfn.NewFromConfig(aws),
	}, cfg)
	wire.Exit("packager", err)
	ready()
	lambda.Start(p.Invoke)
}
