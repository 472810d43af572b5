package infra

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseventstargets"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambdaeventsources"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"

	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/tables"
)

// MetricNamespace is where the functions publish their own metrics
// (the archiver's ArchiveLagSeconds, as embedded-metric log lines).
const MetricNamespace = "agentgate"

// featureFlags: S3 access-log delivery through a bucket policy (the log bucket
// has ACLs disabled) and merged, minimal IAM policies.
var featureFlags = map[string]any{
	"@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy": true,
	"@aws-cdk/aws-s3:createDefaultLoggingPolicy":      true,
	"@aws-cdk/aws-iam:minimizePolicies":               true,
}

// StackProps configures the whole deployment.
type StackProps struct {
	awscdk.StackProps
	Config Config
	// AssetDir holds <function>/bootstrap for every function (build/).
	AssetDir string
	// Functions names the functions whose code exists (functions/<name>/main.go).
	// Each needs a spec in functionSpecs; api and authorizer are required.
	Functions []string
	// ConsoleDir holds the web console as served (StageConsole); empty: no
	// console is deployed (Config.Console off, or the tests' stacks).
	ConsoleDir string
}

// Stack is the agentgate deployment; its fields are exposed for tests.
type Stack struct {
	awscdk.Stack
	Keys    *Keys
	Store   *Store
	Buckets *Buckets
	Alerts  *Alerts
	// Console is nil unless StackProps.ConsoleDir is set.
	Console     *Console
	ArchiverDLQ awssqs.Queue
	Functions   map[string]*Function
	API         *API
	// PackageFanOut is nil unless the packager is deployed (decision 230).
	PackageFanOut *PackageFanOut
}

// resources is what a function spec wires against.
type resources struct {
	cfg         Config
	keys        *Keys
	store       *Store
	buckets     *Buckets
	alerts      *Alerts
	archiverDLQ awssqs.Queue
	// guardrail is the Bedrock layer's guardrail (nil: off).
	guardrail *Guardrail
	env       map[string]string
	// functions made so far, in functionSpecs order.
	functions map[string]*Function
	// fanOutScope holds the package state machine; fanOutARN is its ARN by
	// name, known before the packager is made (decision 230).
	fanOutScope constructs.Construct
	fanOutName  string
	fanOutARN   string
}

// functionSpec is everything specific to one function. Adding a function to
// the deployment is one entry here: its env vars (names from shared/platform
// and shared/tables), its Grant* calls and its trigger.
type functionSpec struct {
	name        string
	description string
	memoryMB    int
	timeoutSec  int
	async       bool
	env         []string
	grant       func(r *resources, f *Function)
	trigger     func(r *resources, f *Function)
}

var functionSpecs = []functionSpec{
	{
		name: "authorizer", description: "HTTP API Lambda authorizer: resolves the API key to tenant, key id and scopes",
		memoryMB: 256, timeoutSec: 5,
		env: []string{tables.Registry.EnvVar, platform.EnvLogLevel},
		// Looks up one API key item: nothing else of the registry.
		grant: func(r *resources, f *Function) {
			items(f.Role, r.store.Registry, r.keys.Data, []string{ddbGet}, itemKeys)
		},
	},
	{
		name: "api", description: "HTTP API handler: validate gate, evidence, proofs, registers, keys",
		// Lambda CPU scales with memory; the gate is CPU-bound.
		memoryMB: 1024, timeoutSec: 10,
		env: []string{tables.Evidence.EnvVar, tables.Registry.EnvVar, tables.Subjects.EnvVar, platform.EnvShards, platform.EnvRetentionDays,
			platform.EnvLatencyObjective, platform.EnvRateLimit, platform.EnvLogLevel, platform.EnvCheckpointOrigin,
			platform.EnvPackagesBucket, platform.EnvDataKeyID, platform.EnvOperatorTenant, platform.EnvArchiveBucket,
			// Said by the routes, not acted on: the witness quorum with the
			// latest checkpoint, the controls' period with the status.
			platform.EnvWitnessQuorum, platform.EnvControlsSchedule},
		// Checkpoint routes read the registry (the public key is stored with
		// each checkpoint): no KMS signing-key grant. Proof routes read the
		// chains' tiles and, for an entry whose row expired, its bundle
		// (decision 171). Package routes write build requests and presign
		// downloads of built packages.
		grant: func(r *resources, f *Function) {
			// Evidence: appends (conditional puts), reads, DSAR export by userRef.
			items(f.Role, r.store.Evidence, r.keys.Data, []string{ddbGet, ddbQuery, ddbPut})
			queryIndex(f.Role, r.store.Evidence, tables.Evidence.GSIs[0].Name)
			// Registry: reads everything it serves (keys, tenants, registers,
			// control results, packages, checkpoints, watermarks); writes only
			// keys, tenants and registers, replay claims and package requests,
			// never a control result (the prefix TENANT#*#... would allow it).
			items(f.Role, r.store.Registry, r.keys.Data, []string{ddbGet, ddbQuery})
			queryIndex(f.Role, r.store.Registry, tables.Registry.GSIs[0].Name)
			items(f.Role, r.store.Registry, r.keys.Data, []string{ddbPut, ddbUpdate}, itemKeys, itemTenants, itemReplays, itemPackages)
			// Idempotency-Key answers: claimed (put), answered (update),
			// released after a refused request (delete).
			items(f.Role, r.store.Registry, r.keys.Data, []string{ddbPut, ddbUpdate, ddbDelete}, itemIdempotency)
			// The Bedrock layer (decision 220): that guardrail only.
			if r.guardrail != nil {
				r.guardrail.GrantApply(f.Role)
			}
			denyItems(f.Role, r.store.Registry, []string{ddbPut, ddbUpdate, ddbDelete}, itemControls, itemControlHist)
			// Subject keys: create, read, destroy (erasure).
			items(f.Role, r.store.Subjects, r.keys.Data, []string{ddbGet, ddbPut, ddbDelete})
			r.buckets.Packages.GrantPut(f.Role, jsii.String("requests/*"))
			r.buckets.Packages.GrantRead(f.Role, jsii.String("packages/*"))
			r.buckets.Archive.GrantRead(f.Role, jsii.String("tiles/*"))
			r.buckets.Archive.GrantRead(f.Role, jsii.String("evidence/*"))
		},
	},
	{
		name: "archiver", description: "Evidence stream consumer: writes bundles and Merkle tiles to the archive",
		memoryMB: 512, timeoutSec: 120, async: true, // async: the scheduled sweep's failures land in its DLQ
		// RETENTION_DAYS sets each bundle's Object Lock retain-until date.
		env: []string{tables.Evidence.EnvVar, tables.Registry.EnvVar, platform.EnvArchiveBucket,
			platform.EnvDataKeyID, platform.EnvRetentionDays, platform.EnvObjectLockMode, platform.EnvShards, platform.EnvLogLevel},
		// ArchiveLagSeconds goes out as an embedded-metric log line, so no
		// cloudwatch:PutMetricData permission is needed.
		grant: func(r *resources, f *Function) {
			// Purge reports (entries removed by TTL or deleted) are appended
			// as evidence: put only, never update or delete.
			items(f.Role, r.store.Evidence, r.keys.Data, []string{ddbGet, ddbQuery, ddbPut})
			// Its own watermarks (claimed and committed by UpdateItem), the
			// tip an appender continues from, and the sweep's ledger beside
			// each watermark: nothing else.
			items(f.Role, r.store.Registry, r.keys.Data, []string{ddbGet, ddbUpdate}, itemArchive)
			r.buckets.Archive.GrantPut(f.Role, nil) // includes s3:PutObjectRetention and the data key
			// The sweep (decision 111): the chain list, and the bundles it
			// compares with the table.
			queryIndex(f.Role, r.store.Registry, tables.Registry.GSIs[0].Name)
			r.buckets.Archive.GrantRead(f.Role, jsii.String("evidence/*"))
			// Each bundle extends the chain's tiles from their right edge,
			// read back first (decision 171).
			r.buckets.Archive.GrantRead(f.Role, jsii.String("tiles/*"))
		},
		trigger: func(r *resources, f *Function) {
			f.Fn.AddEventSource(awslambdaeventsources.NewDynamoEventSource(r.store.Evidence, &awslambdaeventsources.DynamoEventSourceProps{
				StartingPosition:        awslambda.StartingPosition_TRIM_HORIZON,
				BatchSize:               jsii.Number(100),
				MaxBatchingWindow:       awscdk.Duration_Seconds(jsii.Number(5)),
				ReportBatchItemFailures: jsii.Bool(true),
				BisectBatchOnError:      jsii.Bool(true),
				RetryAttempts:           jsii.Number(10),
				OnFailure:               awslambdaeventsources.NewSqsDlq(r.archiverDLQ),
			}))
			schedule(f, "Sweep", r.cfg.ArchiveSweepSchedule)
		},
	},
	{
		name: "checkpointer", description: "Seals each chain in a signed RFC 6962 Merkle checkpoint",
		memoryMB: 512, timeoutSec: 300, async: true,
		env: []string{tables.Evidence.EnvVar, tables.Registry.EnvVar, platform.EnvArchiveBucket, platform.EnvDataKeyID,
			platform.EnvSigningKeyID, platform.EnvCheckpointOrigin, platform.EnvRetentionDays, platform.EnvObjectLockMode, platform.EnvLogLevel,
			platform.EnvWitnesses, platform.EnvWitnessQuorum, platform.EnvAnchorBucket, platform.EnvAnchorBucketOwner},
		grant: func(r *resources, f *Function) {
			items(f.Role, r.store.Evidence, r.keys.Data, []string{ddbGet, ddbQuery})
			// The chain list (an index over the watermarks) and its own
			// checkpoints, stored by a transaction of two puts.
			queryIndex(f.Role, r.store.Registry, tables.Registry.GSIs[0].Name)
			items(f.Role, r.store.Registry, r.keys.Data, []string{ddbGet, ddbPut}, itemCheckpoints)
			r.buckets.Archive.GrantPut(f.Role, nil) // checkpoints are published write-once too
			// The one signer of checkpoints and package statements.
			r.keys.AllowSign(f.Role)
			// With witnesses (decision 172): add their cosignatures to its
			// checkpoints, and read the tiles the consistency proof from a
			// witness's size comes from.
			if len(r.cfg.Witnesses) > 0 {
				items(f.Role, r.store.Registry, r.keys.Data, []string{ddbUpdate}, itemCheckpoints)
				r.buckets.Archive.GrantRead(f.Role, jsii.String("tiles/*"))
			}
			// With a second anchor (decision 173): put new checkpoints
			// under checkpoints/ of the other account's bucket, nothing
			// else. Its default retention locks them, so no
			// PutObjectRetention; If-None-Match needs no other action.
			if r.cfg.AnchorBucket != "" {
				objects := r.cfg.AnchorObjects()
				f.Role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
					Actions: jsii.Strings("s3:PutObject"), Resources: jsii.Strings(objects),
				}))
				cdknag.NagSuppressions_AddResourceSuppressions(f.Role, &[]*cdknag.NagPackSuppression{{
					Id:        jsii.String("AwsSolutions-IAM5"),
					Reason:    jsii.String("The checkpointer puts each checkpoint under checkpoints/ of the anchor bucket in another account (decision 173): object ARNs need the key wildcard, narrowed to that prefix."),
					AppliesTo: &[]any{jsii.String("Resource::" + objects)},
				}}, jsii.Bool(true))
			}
		},
		trigger: func(r *resources, f *Function) { schedule(f, "Schedule", r.cfg.CheckpointSchedule) },
	},
	{
		name: "controls", description: "Scheduled control checks; publishes an alert when a control changes state",
		memoryMB: 512, timeoutSec: 300, async: true,
		env: []string{tables.Evidence.EnvVar, tables.Registry.EnvVar, platform.EnvArchiveBucket,
			platform.EnvPackagesBucket, platform.EnvAlertTopicARN, platform.EnvArchiverDLQURL,
			platform.EnvRetentionDays, platform.EnvLatencyObjective, platform.EnvLogLevel,
			platform.EnvAPIID, platform.EnvAPIStage, platform.EnvOperatorTenant, platform.EnvSecurityHub},
		grant: func(r *resources, f *Function) {
			// Reads the chains; appends the exceptions' state changes
			// (conditional puts: it cannot rewrite an entry).
			items(f.Role, r.store.Evidence, r.keys.Data, []string{ddbGet, ddbQuery, ddbPut})
			// Reads tenants, registers, watermarks and checkpoints; writes
			// its own results and the tenants' exceptions only.
			items(f.Role, r.store.Registry, r.keys.Data, []string{ddbGet, ddbQuery})
			queryIndex(f.Role, r.store.Registry, tables.Registry.GSIs[0].Name)
			items(f.Role, r.store.Registry, r.keys.Data, []string{ddbPut, ddbUpdate}, itemControls, itemControlHist, "TENANT#*#EXCEPTIONS")
			r.alerts.Topic.GrantPublish(f.Role)
			r.archiverDLQ.Grant(f.Role, jsii.String("sqs:GetQueueAttributes"))
			// Retention check (C1.2) reads the table's TTL setting.
			f.Role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions:   jsii.Strings("dynamodb:DescribeTimeToLive"),
				Resources: jsii.Strings(*r.store.Evidence.TableArn()),
			}))
			f.Role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions:   jsii.Strings("s3:GetBucketObjectLockConfiguration"),
				Resources: jsii.Strings(*r.buckets.Archive.BucketArn()),
			}))
			// Account-level reads of the checks (CC6.1, CC6.2, A1.2): these
			// APIs have no resource-level permissions, so "*" is required.
			f.Role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions: jsii.Strings("iam:GenerateCredentialReport", "iam:GetCredentialReport",
					"iam:GetAccountAuthorizationDetails", "config:DescribeConfigRules",
					// The IAM scan's fallback for a managed policy missing
					// from the account details (decision 133): read-only.
					"iam:GetPolicy", "iam:GetPolicyVersion",
					"config:DescribeComplianceByConfigRule", "cloudwatch:GetMetricData",
					// CC6.1-secrets scans the functions' environment
					// variables; ListFunctions has no resource-level scope.
					"lambda:ListFunctions",
					// CC7.1 reads Inspector's findings and coverage.
					"inspector2:ListFindings", "inspector2:BatchGetAccountStatus",
					// CC6.7 reads the viewer TLS policies of distributions.
					"cloudfront:ListDistributions",
					// CC6.1-secrets reads secrets' rotation metadata (never
					// GetSecretValue) and task definitions' environments;
					// neither has a resource scope.
					"secretsmanager:ListSecrets", "ecs:ListTaskDefinitionFamilies", "ecs:DescribeTaskDefinition",
					// CC6.7 lists SageMaker endpoints and reads their
					// configs and models (is each in a VPC).
					"sagemaker:ListEndpoints", "sagemaker:DescribeEndpoint", "sagemaker:DescribeEndpointConfig", "sagemaker:DescribeModel"),
				Resources: jsii.Strings("*"),
			}))
			// CC6.7 reads the custom domains' TLS policies: API Gateway's
			// GET on the domain-name collection only.
			f.Role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions:   jsii.Strings("apigateway:GET"),
				Resources: jsii.Strings(fmt.Sprintf("arn:%s:apigateway:%s::/domainnames", *awscdk.Stack_Of(f.Role).Partition(), *awscdk.Stack_Of(f.Role).Region())),
			}))
			// Security Hub export (decision 193): import into the account's
			// own default product only, and only when it is turned on.
			if r.cfg.SecurityHub {
				st := awscdk.Stack_Of(f.Role)
				f.Role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
					Actions:   jsii.Strings("securityhub:BatchImportFindings"),
					Resources: jsii.Strings(fmt.Sprintf("arn:%s:securityhub:%s:%s:product/%s/default", *st.Partition(), *st.Region(), *st.Account(), *st.Account())),
				}))
			}
		},
		trigger: func(r *resources, f *Function) { schedule(f, "Schedule", r.cfg.ControlsSchedule) },
	},
	{
		name: "packager", description: "Builds the audit package zip for a period",
		memoryMB: 2048, timeoutSec: 900, async: true,
		env: []string{tables.Evidence.EnvVar, tables.Registry.EnvVar, platform.EnvArchiveBucket,
			platform.EnvPackagesBucket, platform.EnvDataKeyID, platform.EnvCheckpointerFunction, platform.EnvLogLevel,
			platform.EnvPackageStateMachineARN, platform.EnvPackageSingleMaxBytes, platform.EnvPackageByReferenceBytes},
		grant: func(r *resources, f *Function) {
			items(f.Role, r.store.Evidence, r.keys.Data, []string{ddbGet, ddbQuery})
			// Reads tenants, control history, registers, watermarks and
			// checkpoints; writes its package records only.
			items(f.Role, r.store.Registry, r.keys.Data, []string{ddbGet, ddbQuery})
			queryIndex(f.Role, r.store.Registry, tables.Registry.GSIs[0].Name)
			items(f.Role, r.store.Registry, r.keys.Data, []string{ddbPut}, itemPackages)
			r.buckets.Archive.GrantRead(f.Role, nil)
			r.buckets.Packages.GrantReadWrite(f.Role, nil)
			// No signing key: the checkpointer seals chains and signs the
			// package statement on request (decision 102).
			// Invoke of the unqualified function only (Fn.GrantInvoke would
			// add every version and alias, ":*").
			f.Role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions:   jsii.Strings("lambda:InvokeFunction"),
				Resources: jsii.Strings(*r.functions["checkpointer"].Fn.FunctionArn()),
			}))
			// A package too large for one invocation fans out over the
			// package state machine: starting it, nothing else (decision 230).
			f.Role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions:   jsii.Strings("states:StartExecution"),
				Resources: jsii.Strings(r.fanOutARN),
			}))
		},
		trigger: func(r *resources, f *Function) {
			schedule(f, "Schedule", r.cfg.PackagerSchedule)
			// POST /v1/packages writes requests/<tenant>/<id>.json; its
			// creation reaches EventBridge (enabled on the bucket itself, no
			// notification custom resource) and invokes the packager async.
			awsevents.NewRule(f.Construct, jsii.String("Requests"), &awsevents.RuleProps{
				Description: jsii.String("agentgate: a package build was requested"),
				EventPattern: &awsevents.EventPattern{
					Source:     jsii.Strings("aws.s3"),
					DetailType: jsii.Strings("Object Created"),
					Detail: &map[string]any{
						"bucket": map[string]any{"name": []any{*r.buckets.Packages.BucketName()}},
						"object": map[string]any{"key": []any{map[string]any{"prefix": "requests/"}}},
					},
				},
				Targets: &[]awsevents.IRuleTarget{awseventstargets.NewLambdaFunction(f.Fn, &awseventstargets.LambdaFunctionProps{
					RetryAttempts: jsii.Number(3),
					MaxEventAge:   awscdk.Duration_Hours(jsii.Number(1)),
				})},
			})
		},
	},
}

// KnownFunctions lists every function the stack can deploy.
func KnownFunctions() []string {
	names := make([]string, 0, len(functionSpecs))
	for _, s := range functionSpecs {
		names = append(names, s.name)
	}
	return names
}

// NewStack wires the constructs: grants, env vars, event sources, alarms.
func NewStack(scope constructs.Construct, id string, props *StackProps) (*Stack, error) {
	cfg := props.Config
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("stack %s: %w", id, err)
	}
	var errs []error
	for _, name := range props.Functions {
		if !slices.Contains(KnownFunctions(), name) {
			errs = append(errs, fmt.Errorf("functions/%s has no spec in infra/stack.go (functionSpecs): add its env, grants and trigger", name))
		}
	}
	for _, name := range []string{"api", "authorizer"} {
		if !slices.Contains(props.Functions, name) {
			errs = append(errs, fmt.Errorf("function %s is required", name))
		}
	}
	if slices.Contains(props.Functions, "packager") && !slices.Contains(props.Functions, "checkpointer") {
		errs = append(errs, errors.New("function packager needs the checkpointer: it signs through it"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("stack %s: %w", id, err)
	}

	stack := awscdk.NewStack(scope, jsii.String(id), &props.StackProps)
	// Feature flags this stack's secure defaults rely on, set on the stack
	// itself so they hold whether or not the app runs from cdk.json.
	for flag, v := range featureFlags {
		stack.Node().SetContext(jsii.String(flag), v)
	}
	s := &Stack{Stack: stack, Functions: map[string]*Function{}}
	s.Keys = NewKeys(stack, "Keys")
	s.Store = NewStore(stack, "Store", s.Keys.Data)
	s.Buckets = NewBuckets(stack, "Buckets", BucketsProps{
		Key: s.Keys.Data, RetentionDays: cfg.RetentionDays, ObjectLockMode: cfg.ObjectLockMode,
		ArchiveTransitionDays: cfg.ArchiveTransitionDays, PackagesRetentionDays: cfg.PackagesRetentionDays,
		AccessLogRetentionDays: cfg.AccessLogRetentionDays,
	})
	s.Alerts = NewAlerts(stack, "Alerts", s.Keys.Data, cfg.AlertEmails)
	NewDashboard(stack, "Dashboard")

	// The archiver's stream DLQ exists before the archiver: the controls
	// function reads its depth (PI1.1) and its alarm belongs to the
	// deployment, not to whichever function lands first.
	archiving := constructs.NewConstruct(stack, jsii.String("Archiving"))
	s.ArchiverDLQ = newDLQ(archiving, "DLQ", s.Keys.Data)
	dlqAlarm(archiving, s.Alerts, "DLQDepth", s.ArchiverDLQ, "agentgate archiver: stream batches that failed every retry")
	s.Alerts.Alarm(archiving, "Lag", &awscloudwatch.AlarmProps{
		AlarmDescription: jsii.String(fmt.Sprintf("agentgate archive lag above %d s: evidence not yet in write-once storage", cfg.ArchiveLagAlarmSeconds)),
		Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace: jsii.String(MetricNamespace), MetricName: jsii.String("ArchiveLagSeconds"),
			// The archiver's embedded-metric log lines carry this dimension;
			// a metric with other dimensions is a different metric.
			DimensionsMap: &map[string]*string{"Function": jsii.String("archiver")},
			Statistic:     jsii.String("Maximum"), Period: awscdk.Duration_Minutes(jsii.Number(5)),
		}),
		Threshold:          jsii.Number(cfg.ArchiveLagAlarmSeconds),
		EvaluationPeriods:  jsii.Number(2),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD,
	})

	r := &resources{cfg: cfg, keys: s.Keys, store: s.Store, buckets: s.Buckets, alerts: s.Alerts, archiverDLQ: s.ArchiverDLQ,
		functions: s.Functions, guardrail: NewGuardrail(stack, "Bedrock", cfg)}
	r.env = map[string]string{
		tables.Evidence.EnvVar:       *s.Store.Evidence.TableName(),
		tables.Registry.EnvVar:       *s.Store.Registry.TableName(),
		tables.Subjects.EnvVar:       *s.Store.Subjects.TableName(),
		platform.EnvArchiveBucket:    *s.Buckets.Archive.BucketName(),
		platform.EnvPackagesBucket:   *s.Buckets.Packages.BucketName(),
		platform.EnvDataKeyID:        *s.Keys.Data.KeyArn(),
		platform.EnvSigningKeyID:     *s.Keys.Signing.KeyArn(),
		platform.EnvAlertTopicARN:    *s.Alerts.Topic.TopicArn(),
		platform.EnvArchiverDLQURL:   *s.ArchiverDLQ.QueueUrl(),
		platform.EnvShards:           strconv.Itoa(cfg.EvidenceShards),
		platform.EnvRetentionDays:    strconv.Itoa(cfg.RetentionDays),
		platform.EnvObjectLockMode:   cfg.ObjectLockMode,
		platform.EnvLatencyObjective: strconv.Itoa(cfg.LatencyObjectiveMs),
		platform.EnvRateLimit:        strconv.Itoa(cfg.RateLimitRps),
		platform.EnvLogLevel:         cfg.LogLevel,
		platform.EnvCheckpointOrigin: cfg.CheckpointOrigin,
		platform.EnvOperatorTenant:   cfg.OperatorTenant,
		platform.EnvSecurityHub:      strconv.FormatBool(cfg.SecurityHub),
		platform.EnvWitnesses:        cfg.WitnessesJSON(),
		platform.EnvWitnessQuorum:    strconv.Itoa(cfg.WitnessQuorum),
		platform.EnvControlsSchedule: cfg.ControlsSchedule,
		// The HTTP API is created after the functions (it needs api and
		// authorizer); its id is set on the controls function below.
		platform.EnvAPIID:    "set-after-the-api-exists",
		platform.EnvAPIStage: "$default",
	}
	if slices.Contains(props.Functions, "packager") {
		// The state machine invokes the packager and the packager starts
		// it: the packager gets its ARN by name, not by reference, or
		// CloudFormation would refuse the cycle.
		r.fanOutScope = constructs.NewConstruct(stack, jsii.String("PackageFanOut"))
		r.fanOutName = PackageFanOutName(r.fanOutScope)
		r.fanOutARN = PackageFanOutARN(stack, r.fanOutName)
		r.env[platform.EnvPackageStateMachineARN] = r.fanOutARN
		r.env[platform.EnvPackageSingleMaxBytes] = strconv.Itoa(cfg.PackageSingleMaxBytes)
		r.env[platform.EnvPackageByReferenceBytes] = strconv.Itoa(cfg.PackageByReferenceBytes)
	}
	// The second anchor (decision 173); empty without one.
	r.env[platform.EnvAnchorBucket] = cfg.AnchorBucket
	r.env[platform.EnvAnchorBucketOwner] = cfg.AnchorBucketOwner
	retention := logRetention(cfg.LogRetentionDays)
	for _, spec := range functionSpecs {
		if !slices.Contains(props.Functions, spec.name) {
			continue
		}
		env := make(map[string]string, len(spec.env))
		for _, k := range spec.env {
			v, ok := r.env[k]
			if !ok {
				return nil, fmt.Errorf("function %s: env var %s has no value in the stack", spec.name, k)
			}
			env[k] = v
		}
		f, err := NewFunction(stack, "Fn"+exported(spec.name), FunctionProps{
			Name: spec.name, Description: spec.description, AssetDir: props.AssetDir, Env: env,
			MemoryMB: spec.memoryMB, Timeout: awscdk.Duration_Seconds(jsii.Number(spec.timeoutSec)),
			Async: spec.async, Key: s.Keys.Data, LogRetention: retention, Alerts: s.Alerts,
		})
		if err != nil {
			return nil, fmt.Errorf("stack %s: %w", id, err)
		}
		spec.grant(r, f)
		if spec.trigger != nil {
			spec.trigger(r, f)
		}
		denyEvidenceRewrite(f.Role, s.Store.Evidence)
		suppressGrantWildcards(f.Role)
		s.Functions[spec.name] = f
		if spec.name == "checkpointer" {
			// Known only now; the packager (after it in functionSpecs) gets it.
			r.env[platform.EnvCheckpointerFunction] = *f.Fn.FunctionName()
		}
	}

	if f, ok := s.Functions["packager"]; ok {
		fo, err := NewPackageFanOut(r.fanOutScope, PackageFanOutProps{
			Name: r.fanOutName, ARN: r.fanOutARN, Packager: f.Fn, MaxConcurrency: cfg.PackageFanOutConcurrency,
			Key: s.Keys.Data, LogRetention: retention, Alerts: s.Alerts,
		})
		if err != nil {
			return nil, fmt.Errorf("stack %s: %w", id, err)
		}
		// Like every role of the stack (decision 100).
		denyEvidenceRewrite(fo.Role, s.Store.Evidence)
		s.PackageFanOut = fo
	}

	s.API = NewAPI(stack, "Api", APIProps{
		Handler: s.Functions["api"].Fn, Authorizer: s.Functions["authorizer"].Fn, Key: s.Keys.Data,
		LogRetention: retention, ThrottleRate: cfg.ThrottleRate, ThrottleBurst: cfg.ThrottleBurst,
		LatencyObjectiveMs: cfg.LatencyObjectiveMs, Alerts: s.Alerts,
	})

	if f, ok := s.Functions["controls"]; ok {
		// The latency check reads this API's metrics; it exists only now.
		f.Fn.AddEnvironment(jsii.String(platform.EnvAPIID), s.API.HTTPAPI.ApiId(), nil)
	}

	if props.ConsoleDir != "" {
		s.Console = NewConsole(stack, "Console", ConsoleProps{Dir: props.ConsoleDir, APIEndpoint: s.API.HTTPAPI.ApiEndpoint(),
			AccessLog: s.Buckets.AccessLog})
		output(stack, "ConsoleUrl", jsii.String("https://"+*s.Console.Distribution.DistributionDomainName()+"/"),
			"The read-only web console (paste a read key); the API is also served under <ConsoleUrl>v1/")
	}

	output(stack, "ApiUrl", s.API.Stage.Url(), "Base URL of the HTTP API; call <ApiUrl>v1/validate")
	output(stack, "AlertTopicArn", s.Alerts.Topic.TopicArn(), "SNS topic of alarms and control state changes")
	output(stack, "ArchiveBucketName", s.Buckets.Archive.BucketName(), "Evidence archive (Object Lock, SSE-KMS)")
	output(stack, "PackagesBucketName", s.Buckets.Packages.BucketName(), "Audit packages (SSE-KMS)")
	output(stack, "AccessLogBucketName", s.Buckets.AccessLog.BucketName(), "S3 server access logs of both buckets")
	output(stack, "EvidenceTableName", s.Store.Evidence.TableName(), "Hash-chained evidence entries")
	output(stack, "RegistryTableName", s.Store.Registry.TableName(), "API keys, tenants, registers, checkpoints, control results")
	output(stack, "SubjectsTableName", s.Store.Subjects.TableName(), "Data subjects' keys (no point-in-time recovery: erasure)")
	output(stack, "SigningKeyArn", s.Keys.Signing.KeyArn(), "KMS key that signs checkpoints and packages; its public key verifies them offline")
	// KMS creates the key pair at deploy time, so no template value can hold
	// its fingerprint; the output is the command that prints it.
	output(stack, "SigningKeyFingerprintCommand", jsii.String(SigningKeyFingerprintCommand(*s.Keys.Signing.KeyArn())),
		"Run to print the signing key's SHA-256 fingerprint (hex, of the DER public key) to pin with agentgate verify --fingerprint")
	output(stack, "DataKeyArn", s.Keys.Data.KeyArn(), "KMS key encrypting all data at rest")
	output(stack, "ArchiverDLQUrl", s.ArchiverDLQ.QueueUrl(), "Archiver stream failures; must stay empty")
	return s, nil
}

// Check applies the cdk-nag AwsSolutions pack to everything under scope;
// findings become synth-time error annotations.
func Check(scope constructs.IConstruct) {
	awscdk.Aspects_Of(scope).Add(cdknag.NewAwsSolutionsChecks(&cdknag.NagPackProps{Verbose: jsii.Bool(true)}), nil)
}

// schedule invokes f asynchronously on an EventBridge schedule. Delivery is
// retried by EventBridge; execution failures by Lambda, then the function's DLQ.
func schedule(f *Function, id, expr string) {
	awsevents.NewRule(f.Construct, jsii.String(id), &awsevents.RuleProps{
		Description: jsii.String("agentgate schedule: " + expr),
		Schedule:    awsevents.Schedule_Expression(jsii.String(expr)),
		Targets: &[]awsevents.IRuleTarget{awseventstargets.NewLambdaFunction(f.Fn, &awseventstargets.LambdaFunctionProps{
			RetryAttempts: jsii.Number(3),
			MaxEventAge:   awscdk.Duration_Hours(jsii.Number(1)),
		})},
	})
}

// SigningKeyFingerprintCommand is the shell pipeline that prints the hex
// SHA-256 of the key's DER (SubjectPublicKeyInfo) public key, the pin
// `agentgate verify --fingerprint` takes. KMS returns exactly that DER,
// base64 encoded.
func SigningKeyFingerprintCommand(keyArn string) string {
	return "aws kms get-public-key --key-id " + keyArn + " --query PublicKey --output text | base64 -d | sha256sum | cut -d' ' -f1"
}

func output(stack awscdk.Stack, id string, value *string, desc string) {
	awscdk.NewCfnOutput(stack, jsii.String(id), &awscdk.CfnOutputProps{Value: value, Description: jsii.String(desc)})
}

func exported(name string) string {
	if name == "" {
		return name
	}
	return string(name[0]-'a'+'A') + name[1:]
}

// logRetentions are the retention periods CloudWatch Logs accepts.
var logRetentions = map[int]awslogs.RetentionDays{
	1: awslogs.RetentionDays_ONE_DAY, 3: awslogs.RetentionDays_THREE_DAYS, 5: awslogs.RetentionDays_FIVE_DAYS,
	7: awslogs.RetentionDays_ONE_WEEK, 14: awslogs.RetentionDays_TWO_WEEKS, 30: awslogs.RetentionDays_ONE_MONTH,
	60: awslogs.RetentionDays_TWO_MONTHS, 90: awslogs.RetentionDays_THREE_MONTHS, 120: awslogs.RetentionDays_FOUR_MONTHS,
	150: awslogs.RetentionDays_FIVE_MONTHS, 180: awslogs.RetentionDays_SIX_MONTHS, 365: awslogs.RetentionDays_ONE_YEAR,
	400: awslogs.RetentionDays_THIRTEEN_MONTHS, 545: awslogs.RetentionDays_EIGHTEEN_MONTHS, 731: awslogs.RetentionDays_TWO_YEARS,
	1096: awslogs.RetentionDays_THREE_YEARS, 1827: awslogs.RetentionDays_FIVE_YEARS, 2192: awslogs.RetentionDays_SIX_YEARS,
	2557: awslogs.RetentionDays_SEVEN_YEARS, 2922: awslogs.RetentionDays_EIGHT_YEARS, 3288: awslogs.RetentionDays_NINE_YEARS,
	3653: awslogs.RetentionDays_TEN_YEARS,
}

// logRetention maps a validated day count to the CDK enum.
func logRetention(days int) awslogs.RetentionDays { return logRetentions[days] }

// FunctionEnvNames returns the environment variable names the stack sets on
// a function (false for a function without a spec). The smoke test starts
// each bootstrap with exactly these, so a function that needs a variable the
// stack does not set fails before deploy.
func FunctionEnvNames(name string) ([]string, bool) {
	for _, s := range functionSpecs {
		if s.name == name {
			return slices.Clone(s.env), true
		}
	}
	return nil, false
}
