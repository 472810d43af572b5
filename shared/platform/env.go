// Package platform holds what every function shares at cold start: the names of
// the environment variables that carry resource names, AWS configuration,
// logging and tracing. infra/ sets exactly these variables; functions read them.
package platform

// Environment variable names. Table variables come from shared/tables
// (tables.Evidence.EnvVar, tables.Registry.EnvVar).
const (
	EnvArchiveBucket    = "ARCHIVE_BUCKET"   // evidence bundles (Object Lock, SSE-KMS)
	EnvPackagesBucket   = "PACKAGES_BUCKET"  // audit packages (SSE-KMS)
	EnvDataKeyID        = "DATA_KEY_ID"      // customer-managed KMS key for SSE-KMS headers
	EnvSigningKeyID     = "SIGNING_KEY_ID"   // KMS ECC_NIST_P256 SIGN_VERIFY key for checkpoints
	EnvAlertTopicARN    = "ALERT_TOPIC_ARN"  // SNS topic for control state changes
	EnvArchiverDLQURL   = "ARCHIVER_DLQ_URL" // SQS DLQ of the archiver's stream mapping
	EnvShards           = "EVIDENCE_SHARDS"  // chains per tenant (default 4)
	EnvRetentionDays    = "RETENTION_DAYS"   // evidence retention (TTL, Object Lock)
	EnvObjectLockMode   = "OBJECT_LOCK_MODE" // COMPLIANCE (default) or GOVERNANCE
	EnvLatencyObjective = "LATENCY_OBJECTIVE_MS"
	EnvRateLimit        = "RATE_LIMIT_RPS" // per API key per instance
	EnvAPIID            = "API_ID"         // the HTTP API whose latency A1.2 checks
	EnvAPIStage         = "API_STAGE"      // and its stage
	EnvLogLevel         = "LOG_LEVEL"
	EnvCheckpointOrigin = "CHECKPOINT_ORIGIN" // origin line of signed checkpoints
	EnvOperatorTenant   = "OPERATOR_TENANT"   // the tenant that runs the deployment (decision 131)
	EnvSecurityHub      = "SECURITY_HUB"      // "true": control findings go to Security Hub (decision 193)
	// EnvControlsSchedule is the controls function's EventBridge schedule
	// ("rate(1 hour)"): the API says when the controls run (decision 221).
	EnvControlsSchedule = "CONTROLS_SCHEDULE"
	// EnvWitnesses lists the witnesses that cosign checkpoints, a JSON array
	// of {name, url, publicKey}; EnvWitnessQuorum is how many must (decision 172).
	EnvWitnesses     = "WITNESSES"
	EnvWitnessQuorum = "WITNESS_QUORUM"
	// EnvAnchorBucket is the second anchor, a bucket (name or ARN) in
	// another account every checkpoint is copied to; EnvAnchorBucketOwner
	// its account id, checked on every write (decision 173).
	EnvAnchorBucket      = "ANCHOR_BUCKET"
	EnvAnchorBucketOwner = "ANCHOR_BUCKET_OWNER"
	// EnvCheckpointerFunction names the checkpointer function the packager
	// invokes for seals and package signatures (it alone holds the signing key).
	EnvCheckpointerFunction = "CHECKPOINTER_FUNCTION"
	// The packager's fan-out (decision 230): the state machine it starts
	// when one invocation cannot build a package in time (above
	// EnvPackageSingleMaxBytes), and the size above which a package lists
	// the archived bundles instead of embedding them.
	EnvPackageStateMachineARN  = "PACKAGE_STATE_MACHINE_ARN"
	EnvPackageSingleMaxBytes   = "PACKAGE_SINGLE_MAX_BYTES"
	EnvPackageByReferenceBytes = "PACKAGE_BY_REFERENCE_BYTES"
)
