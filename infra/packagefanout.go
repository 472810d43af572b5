package infra

import (
	"encoding/json"
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
)

// The packager's fan-out (decision 230): when one invocation cannot build a
// package within Lambda's 15 minutes, the packager starts this state
// machine, which asks the packager to plan the S3 multipart upload, builds
// every part in its own packager invocation (a Distributed Map), and asks
// the packager to complete the upload. Any failure asks it to abort the
// upload and mark the package failed.
//
// The packager's events, one "action" each (the contract with
// shared/wire/packagewire):
//
//	{"action":"plan","tenant","id"}                      -> {"uploadId","parts":[{"part":N,...}]}
//	{"action":"part","tenant","id","uploadId", <a plan part's fields>} -> {"part":N,"etag","size","directory"}
//	{"action":"finish","tenant","id","uploadId","parts":[<part results>]} -> completes the upload
//	{"action":"abort","tenant","id","uploadId","error","cause"} -> aborts the upload (uploadId "" when the
//	                                                       plan never started one), marks the package failed
//
// The execution's input is {"tenant","id"} (StartExecution by the packager).
// Finish gets every part answer in one state input (256 KiB at most): a
// worker uploads its share as one S3 part and answers ~170 bytes, so about
// 1,540 shares fit (decision 230 has the sums).

// Fan-out state names, as the definition and the tests name them.
const (
	fanOutStart  = "Start"
	fanOutPlan   = "Plan"
	fanOutParts  = "Parts"
	fanOutPart   = "Part"
	fanOutFinish = "Finish"
	fanOutAbort  = "Abort"
	fanOutFailed = "Failed"
)

// lambdaServiceErrors are Lambda's transient invoke errors, retried with
// backoff on every invocation: the four the Step Functions guide names
// ("Handle Lambda service exceptions") and its throttling error.
var lambdaServiceErrors = []string{
	"Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException",
	"Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
}

// PackageFanOutProps configures the fan-out.
type PackageFanOutProps struct {
	// Name is the state machine's name; ARN is the ARN it has with that
	// name (PackageFanOutARN). The packager gets the ARN as an env var, so
	// it must not reference the state machine, which references the
	// packager: CloudFormation refuses the cycle.
	Name, ARN string
	Packager  awslambda.IFunction
	// MaxConcurrency is the Distributed Map's: parts built at once.
	MaxConcurrency int
	Key            awskms.IKey
	LogRetention   awslogs.RetentionDays
	Alerts         *Alerts
}

// PackageFanOut is the state machine, its role and its log group.
type PackageFanOut struct {
	constructs.Construct
	// Name is the state machine's name (a plain string, unlike
	// StateMachine.StateMachineName(), which is a reference).
	Name         string
	StateMachine awsstepfunctions.StateMachine
	Role         awsiam.Role
	Logs         awslogs.LogGroup
}

// PackageFanOutName is a name unique to the construct's path (stack
// included), so two stacks in one account do not collide, and known at
// synth time, unlike a generated one, so its ARN can be written without a
// reference to the state machine.
func PackageFanOutName(c constructs.IConstruct) string {
	return *awscdk.Names_UniqueResourceName(c, &awscdk.UniqueResourceNameOptions{
		MaxLength: jsii.Number(80), Separator: jsii.String("-"),
	})
}

// PackageFanOutARN is the ARN of the state machine named name in the stack's
// partition, region and account.
func PackageFanOutARN(stack awscdk.Stack, name string) string {
	return *stack.FormatArn(&awscdk.ArnComponents{
		Service: jsii.String("states"), Resource: jsii.String("stateMachine"),
		ResourceName: jsii.String(name), ArnFormat: awscdk.ArnFormat_COLON_RESOURCE_NAME,
	})
}

// packageFanOutExecutions is the ARN pattern of the state machine's
// executions, with suffix after the name ("" for its own executions,
// "/*" for a Map Run's child executions).
func packageFanOutExecutions(stack awscdk.Stack, name, suffix string) string {
	return *stack.FormatArn(&awscdk.ArnComponents{
		Service: jsii.String("states"), Resource: jsii.String("execution"),
		ResourceName: jsii.String(name + suffix + ":*"), ArnFormat: awscdk.ArnFormat_COLON_RESOURCE_NAME,
	})
}

// NewPackageFanOut creates the state machine under scope, which must be the
// construct its name was derived from.
func NewPackageFanOut(scope constructs.Construct, p PackageFanOutProps) (*PackageFanOut, error) {
	def, err := packageFanOutDefinition(p.MaxConcurrency)
	if err != nil {
		return nil, err
	}
	stack := awscdk.Stack_Of(scope)
	logs := awslogs.NewLogGroup(scope, jsii.String("Logs"), &awslogs.LogGroupProps{
		Retention:     p.LogRetention,
		EncryptionKey: p.Key,
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})
	role := awsiam.NewRole(scope, jsii.String("Role"), &awsiam.RoleProps{
		AssumedBy:   awsiam.NewServicePrincipal(jsii.String("states.amazonaws.com"), nil),
		Description: jsii.String("agentgate package fan-out state machine"),
	})
	// Every task invokes the packager: the unqualified function only
	// (the CDK's LambdaInvoke would add every version and alias, ":*").
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("lambda:InvokeFunction"),
		Resources: jsii.Strings(*p.Packager.FunctionArn()),
	}))
	// A Distributed Map starts its child workflows as executions of this
	// state machine; the Step Functions guide ("IAM policies for using
	// Distributed Map states") lists StartExecution on the state machine,
	// DescribeExecution and StopExecution on its executions, and
	// RedriveExecution on the Map Runs' executions (to redrive a failed
	// run). Written with the ARN by name, as the packager's grant is.
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions: jsii.Strings("states:StartExecution"), Resources: jsii.Strings(p.ARN),
	}))
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("states:DescribeExecution", "states:StopExecution"),
		Resources: jsii.Strings(packageFanOutExecutions(stack, p.Name, "")),
	}))
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("states:RedriveExecution"),
		Resources: jsii.Strings(packageFanOutExecutions(stack, p.Name, "/*")),
	}))

	sm := awsstepfunctions.NewStateMachine(scope, jsii.String("StateMachine"), &awsstepfunctions.StateMachineProps{
		StateMachineName:        jsii.String(p.Name),
		StateMachineType:        awsstepfunctions.StateMachineType_STANDARD,
		Comment:                 jsii.String("agentgate: builds one audit package over many packager invocations (decision 230)"),
		DefinitionBody:          awsstepfunctions.DefinitionBody_FromString(jsii.String(def)),
		DefinitionSubstitutions: &map[string]*string{"Packager": p.Packager.FunctionArn()},
		Role:                    role,
		TracingEnabled:          jsii.Bool(true),
		Logs: &awsstepfunctions.LogOptions{
			Destination: logs, Level: awsstepfunctions.LogLevel_ALL,
			// The states carry ids, upload ids, part ranges and ETags:
			// no evidence content.
			IncludeExecutionData: jsii.Bool(true),
		},
		RemovalPolicy: awscdk.RemovalPolicy_DESTROY,
	})

	// The CDK writes the log-delivery and X-Ray statements; neither
	// service supports resource-level permissions.
	cdknag.NagSuppressions_AddResourceSuppressions(role, &[]*cdknag.NagPackSuppression{
		{
			Id:        jsii.String("AwsSolutions-IAM5"),
			Reason:    jsii.String("Step Functions log delivery (logs:CreateLogDelivery and the rest) and X-Ray PutTraceSegments/PutTelemetryRecords/GetSampling* support no resource-level permissions; AWS requires \"*\"."),
			AppliesTo: &[]any{jsii.String("Resource::*")},
		},
		{
			Id:     jsii.String("AwsSolutions-IAM5"),
			Reason: jsii.String("The Distributed Map's child executions of this one state machine (DescribeExecution, StopExecution, RedriveExecution): execution ARNs need the execution-name wildcard, narrowed to this state machine's name (decision 230)."),
			AppliesTo: &[]any{&cdknag.RegexAppliesTo{
				Regex: jsii.String("/^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:" + p.Name + "(\\/\\*)?:\\*$/"),
			}},
		},
	}, jsii.Bool(true))

	p.Alerts.Alarm(scope, "Failed", &awscloudwatch.AlarmProps{
		AlarmDescription: jsii.String("agentgate package fan-out: an execution failed (the package was aborted and marked failed, or the abort itself failed)"),
		Metric: sm.MetricFailed(&awscloudwatch.MetricOptions{
			Period: awscdk.Duration_Minutes(jsii.Number(5)), Statistic: jsii.String("Sum"),
		}),
		Threshold:          jsii.Number(1),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
		TreatMissingData:   awscloudwatch.TreatMissingData_NOT_BREACHING,
	})
	return &PackageFanOut{Construct: scope, Name: p.Name, StateMachine: sm, Role: role, Logs: logs}, nil
}

// packageFanOutDefinition is the state machine's Amazon States Language
// definition, in JSONata, with ${Packager} for the packager's ARN.
//
// State data stays small (the 256 KiB payload limit applies to every
// state's input and output): the plan's parts are the map's items, each
// child execution's input is built per item by ItemSelector, and the
// map's output is the part results alone (the plan's parts are dropped).
// tenant, id and uploadId travel as variables in the parent workflow.
func packageFanOutDefinition(maxConcurrency int) (string, error) {
	if maxConcurrency < 1 {
		return "", fmt.Errorf("package fan-out: max concurrency must be >= 1, got %d", maxConcurrency)
	}
	invoke := func(payload any) map[string]any {
		return map[string]any{
			"Type":      "Task",
			"Resource":  "arn:aws:states:::lambda:invoke",
			"Arguments": map[string]any{"FunctionName": "${Packager}", "Payload": payload},
		}
	}
	serviceRetry := map[string]any{
		"ErrorEquals": lambdaServiceErrors, "IntervalSeconds": 2, "MaxAttempts": 6, "BackoffRate": 2,
		"MaxDelaySeconds": 60, "JitterStrategy": "FULL",
	}
	toAbort := []any{map[string]any{"ErrorEquals": []string{"States.ALL"}, "Next": fanOutAbort}}

	plan := invoke(map[string]any{"action": "plan", "tenant": "{% $tenant %}", "id": "{% $id %}"})
	plan["Retry"] = []any{serviceRetry}
	plan["Assign"] = map[string]any{"uploadId": "{% $states.result.Payload.uploadId %}"}
	// The map's input: the parts to build and what each child needs.
	plan["Output"] = map[string]any{
		"tenant": "{% $tenant %}", "id": "{% $id %}",
		"uploadId": "{% $states.result.Payload.uploadId %}", "parts": "{% $states.result.Payload.parts %}",
	}
	plan["Catch"] = toAbort
	plan["Next"] = fanOutParts

	// A part is idempotent (UploadPart of the same number replaces it), so
	// a failed build is retried once besides the service errors.
	part := invoke("{% $merge([$states.input.item, {'action': 'part', 'tenant': $states.input.tenant, 'id': $states.input.id, 'uploadId': $states.input.uploadId}]) %}")
	part["Retry"] = []any{serviceRetry, map[string]any{
		"ErrorEquals": []string{"States.TaskFailed"}, "IntervalSeconds": 5, "MaxAttempts": 1, "BackoffRate": 2,
	}}
	part["Output"] = "{% $states.result.Payload %}"
	// A child execution's states: said again rather than relied upon.
	part["QueryLanguage"] = "JSONata"
	part["End"] = true

	parts := map[string]any{
		"Type":  "Map",
		"Label": "Parts",
		"Items": "{% $states.input.parts %}",
		"ItemSelector": map[string]any{
			"item": "{% $states.context.Map.Item.Value %}", "tenant": "{% $states.input.tenant %}",
			"id": "{% $states.input.id %}", "uploadId": "{% $states.input.uploadId %}",
		},
		"MaxConcurrency": maxConcurrency,
		"ItemProcessor": map[string]any{
			"ProcessorConfig": map[string]any{"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
			"StartAt":         fanOutPart,
			"States":          map[string]any{fanOutPart: part},
		},
		"Catch": toAbort,
		"Next":  fanOutFinish,
	}

	finish := invoke(map[string]any{
		"action": "finish", "tenant": "{% $tenant %}", "id": "{% $id %}", "uploadId": "{% $uploadId %}",
		"parts": "{% $states.input %}",
	})
	finish["Retry"] = []any{serviceRetry}
	finish["Output"] = "{% $states.result.Payload %}"
	finish["Catch"] = toAbort
	finish["End"] = true

	// The abort's input is the caught error ({"Error","Cause"}); it is
	// passed on so the execution fails with the original error.
	abort := invoke(map[string]any{
		"action": "abort", "tenant": "{% $tenant %}", "id": "{% $id %}", "uploadId": "{% $uploadId %}",
		"error": "{% $states.input.Error %}", "cause": "{% $states.input.Cause %}",
	})
	abort["Retry"] = []any{serviceRetry}
	abort["Output"] = "{% $states.input %}"
	abort["Next"] = fanOutFailed

	def := map[string]any{
		"Comment":       "agentgate package fan-out: plan, build the parts, finish; abort on any failure (decision 230)",
		"QueryLanguage": "JSONata",
		"StartAt":       fanOutStart,
		"States": map[string]any{
			// uploadId is "" until the plan has started the upload: an
			// abort before then has no upload to abort.
			fanOutStart: map[string]any{
				"Type": "Pass",
				"Assign": map[string]any{
					"tenant": "{% $states.input.tenant %}", "id": "{% $states.input.id %}", "uploadId": "{% '' %}",
				},
				"Next": fanOutPlan,
			},
			fanOutPlan:   plan,
			fanOutParts:  parts,
			fanOutFinish: finish,
			fanOutAbort:  abort,
			fanOutFailed: map[string]any{
				"Type": "Fail", "Error": "{% $states.input.Error %}", "Cause": "{% $states.input.Cause %}",
			},
		},
	}
	b, err := json.Marshal(def)
	if err != nil {
		return "", fmt.Errorf("package fan-out definition: %w", err)
	}
	return string(b), nil
}
