// Package authwire builds the authorizer function's handler. It imports the
// key store and nothing else of the system: the authorizer links DynamoDB
// as its one SDK service and never the gate (docs/decisions/232; the rule is
// a test in shared/wire).
package authwire

import (
	"log/slog"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/dynamo"
)

// New builds the authorizer handler.
func New(ddb *dynamodb.Client, registryTable string, log *slog.Logger, now func() time.Time) *auth.Authorizer {
	return &auth.Authorizer{Keys: dynamo.NewKeyStore(ddb, registryTable), Now: now, Log: log, CacheTTL: CacheTTL}
}

// CacheTTL is how long an authorizer instance keeps a key's verdict (the
// stage itself caches nothing: docs/decisions/120): a revoked key is refused
// within it.
const CacheTTL = 60 * time.Second
