// Package wire is what every function's wiring shares: the configuration
// (Config, FromEnv), the start of a Lambda main (Boot, Exit) and the AWS
// clients of the evidence store (Clients). Each function's handler is built
// in a package of its own (apiwire, archivewire, authwire, checkpointwire,
// controlswire, packagewire), so a function binary links and initialises
// only the SDK services and packages it uses (docs/decisions/232). The
// Lambda mains and localtest both call them, so the local system runs
// exactly the code that is deployed.
//
// This package must stay small: it imports no SDK service beyond the three
// of Clients, and nothing that needs the gate (see deps_test.go).
package wire

import (
	"log/slog"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/tables"
)

// Clients are the AWS clients of the evidence store (tables, archive
// bucket, data and signing keys) that every function but the authorizer
// uses; nil for those a function does not. A function's other clients are
// in its own package's client type (apiwire.Clients: Bedrock;
// controlswire.Clients: SNS and the account services the checks read;
// packagewire.Clients: Lambda and Step Functions), so only that function
// links their SDK packages.
type Clients struct {
	DDB *dynamodb.Client
	S3  *s3.Client
	KMS *kms.Client
}

// Config is every resource name and setting the functions read. The Lambda
// mains fill it from the environment (FromEnv); localtest from the resources
// it created.
type Config struct {
	EvidenceTable  string
	RegistryTable  string
	SubjectsTable  string // the API function only
	ArchiveBucket  string
	PackagesBucket string
	DataKeyID      string
	SigningKeyID   string
	AlertTopicARN  string
	ArchiverDLQURL string
	Origin         string
	Shards         int
	RetentionDays  int
	ObjectLockMode string // COMPLIANCE unless GOVERNANCE is asked for
	RateLimit      int    // requests per second per key per instance
	// OperatorTenant runs the deployment (OPERATOR_TENANT, decision 131):
	// only its admin keys see the AWS account's findings.
	OperatorTenant string
	// Witnesses (JSON, platform.EnvWitnesses) cosign every checkpoint the
	// checkpointer seals; WitnessQuorum is how many should (decision 172).
	Witnesses     string
	WitnessQuorum int
	// ControlsEvery is the controls function's period (its rate schedule,
	// platform.EnvControlsSchedule; 0 for a cron expression) and
	// ControlsStart when that schedule started, where known exactly (the
	// local system): the status route says when the controls run next
	// (docs/decisions/221).
	ControlsEvery time.Duration
	ControlsStart time.Time
	// AnchorBucket (name or ARN, in another account) gets a copy of every
	// checkpoint; AnchorBucketOwner is its account id (decision 173).
	AnchorBucket      string
	AnchorBucketOwner string
	Log               *slog.Logger
	Now               func() time.Time

	// CheckpointerFunction is the function the packager asks for seals and
	// signatures; empty runs the checkpointer in process (the local system).
	CheckpointerFunction string
	// PackageStateMachineARN is the package fan-out (decision 230), started
	// for a package estimated above PackageSingleMaxBytes; either empty
	// builds every package in one invocation.
	PackageStateMachineARN string
	PackageSingleMaxBytes  int64
	// PackageByReferenceBytes, when set, is the estimated size above which
	// a package lists the archive's bundles instead of holding them.
	PackageByReferenceBytes int64
}

// FromEnv reads the configuration every function shares. Variables a given
// function does not need may be unset; each constructor checks its own.
func FromEnv(env *platform.Env) Config {
	get := func(name string) string { v, _ := env.Lookup(name); return v }
	return Config{
		EvidenceTable:     env.Require(tables.Evidence.EnvVar),
		RegistryTable:     env.Require(tables.Registry.EnvVar),
		SubjectsTable:     get(tables.Subjects.EnvVar),
		ArchiveBucket:     get(platform.EnvArchiveBucket),
		PackagesBucket:    get(platform.EnvPackagesBucket),
		DataKeyID:         get(platform.EnvDataKeyID),
		SigningKeyID:      get(platform.EnvSigningKeyID),
		AlertTopicARN:     get(platform.EnvAlertTopicARN),
		ArchiverDLQURL:    get(platform.EnvArchiverDLQURL),
		Origin:            get(platform.EnvCheckpointOrigin),
		Shards:            env.Int(platform.EnvShards, 4, 1, 1024),
		RetentionDays:     env.Int(platform.EnvRetentionDays, 2555, 1, 36500),
		ObjectLockMode:    get(platform.EnvObjectLockMode),
		RateLimit:         env.Int(platform.EnvRateLimit, 100, 1, 100000),
		OperatorTenant:    get(EnvOperatorTenant),
		Witnesses:         get(platform.EnvWitnesses),
		WitnessQuorum:     env.Int(platform.EnvWitnessQuorum, 0, 0, 100),
		ControlsEvery:     RatePeriod(get(platform.EnvControlsSchedule)),
		AnchorBucket:      get(platform.EnvAnchorBucket),
		AnchorBucketOwner: get(platform.EnvAnchorBucketOwner),
		Log:               platform.Logger(),
		Now:               time.Now,

		CheckpointerFunction:    get(platform.EnvCheckpointerFunction),
		PackageStateMachineARN:  get(platform.EnvPackageStateMachineARN),
		PackageSingleMaxBytes:   int64(env.Int(platform.EnvPackageSingleMaxBytes, 0, 0, 1<<50)),
		PackageByReferenceBytes: int64(env.Int(platform.EnvPackageByReferenceBytes, 0, 0, 1<<50)),
	}
}

// Clock is cfg.Now, or time.Now when unset.
func (cfg Config) Clock() func() time.Time {
	if cfg.Now == nil {
		return time.Now
	}
	return cfg.Now
}

// Retention is how long archived evidence is kept (RetentionDays, 2555
// days when unset).
func (cfg Config) Retention() time.Duration {
	days := cfg.RetentionDays
	if days <= 0 {
		days = 2555
	}
	return time.Duration(days) * 24 * time.Hour
}

// EnvOperatorTenant names the tenant that runs the deployment (decision
// 131): the only one whose admin keys see the AWS account's findings (IAM
// users, MFA, roles) and whose access reviews cover the account's
// principals. Read by the API and the controls function (Config); unset, no
// key sees them (they stay in the log and the operator's alerts).
const EnvOperatorTenant = platform.EnvOperatorTenant
