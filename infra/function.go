package infra

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// FunctionProps describes one Lambda function. Runtime, architecture, tracing,
// logging and the errors alarm are not options: every function gets them.
type FunctionProps struct {
	// Name is the folder under functions/ and under the asset directory.
	Name        string
	Description string
	// AssetDir holds <Name>/bootstrap (the `make build` output, build/).
	AssetDir string
	Env      map[string]string
	MemoryMB int
	Timeout  awscdk.Duration
	// Async functions are invoked by EventBridge or another function: Lambda
	// retries them and then parks the event in a dead-letter queue, which
	// gets a depth alarm. Synchronous functions answer their caller instead.
	Async        bool
	Key          awskms.IKey
	LogRetention awslogs.RetentionDays
	Alerts       *Alerts
}

// Function is a Go Lambda (provided.al2023, arm64, X-Ray active) with its own
// role, its own encrypted log group and an errors alarm.
type Function struct {
	constructs.Construct
	Fn   awslambda.Function
	Role awsiam.Role
	// DLQ is nil for synchronous functions.
	DLQ awssqs.Queue
}

// NewFunction fails, rather than letting the CDK panic later, when the
// bootstrap binary has not been built.
func NewFunction(scope constructs.Construct, id string, p FunctionProps) (*Function, error) {
	asset := filepath.Join(p.AssetDir, p.Name)
	if st, err := os.Stat(filepath.Join(asset, "bootstrap")); err != nil || st.IsDir() {
		return nil, fmt.Errorf("function %s: %s/bootstrap is missing (run `make build` first): %v", p.Name, asset, err)
	}
	c := constructs.NewConstruct(scope, jsii.String(id))

	logs := awslogs.NewLogGroup(c, jsii.String("Logs"), &awslogs.LogGroupProps{
		Retention:     p.LogRetention,
		EncryptionKey: p.Key,
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})
	// An own role instead of the default one: the default attaches the
	// AWS-managed AWSLambdaBasicExecutionRole, which may write to any log group.
	role := awsiam.NewRole(c, jsii.String("Role"), &awsiam.RoleProps{
		AssumedBy:   awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
		Description: jsii.String(fmt.Sprintf("agentgate %s function", p.Name)),
	})
	logs.GrantWrite(role)

	env := make(map[string]*string, len(p.Env))
	for k, v := range p.Env {
		env[k] = jsii.String(v)
	}
	props := &awslambda.FunctionProps{
		Description:   jsii.String(p.Description),
		Runtime:       awslambda.Runtime_PROVIDED_AL2023(),
		Architecture:  awslambda.Architecture_ARM_64(),
		Handler:       jsii.String("bootstrap"),
		Code:          awslambda.Code_FromAsset(jsii.String(asset), nil),
		MemorySize:    jsii.Number(p.MemoryMB),
		Timeout:       p.Timeout,
		Tracing:       awslambda.Tracing_ACTIVE,
		Role:          role,
		LogGroup:      logs,
		LoggingFormat: awslambda.LoggingFormat_JSON,
		Environment:   &env,
		// Stops a function that re-triggers itself from running up the bill.
		RecursiveLoop: awslambda.RecursiveLoop_TERMINATE,
	}
	var dlq awssqs.Queue
	if p.Async {
		dlq = newDLQ(c, "DLQ", p.Key)
		props.DeadLetterQueue = dlq
		props.RetryAttempts = jsii.Number(2)
		props.MaxEventAge = awscdk.Duration_Hours(jsii.Number(6))
	}
	fn := awslambda.NewFunction(c, jsii.String("Function"), props)
	if dlq != nil {
		// The Function construct grants only sqs:SendMessage; the queue is
		// KMS-encrypted, so without the key grant a failed event would be
		// lost instead of parked.
		dlq.GrantSendMessages(role)
	}

	p.Alerts.Alarm(c, "Errors", &awscloudwatch.AlarmProps{
		AlarmDescription:   jsii.String(fmt.Sprintf("agentgate %s function: invocation errors", p.Name)),
		Metric:             fn.MetricErrors(&awscloudwatch.MetricOptions{Period: awscdk.Duration_Minutes(jsii.Number(5)), Statistic: jsii.String("Sum")}),
		Threshold:          jsii.Number(1),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
	})
	if dlq != nil {
		dlqAlarm(c, p.Alerts, "DLQDepth", dlq, fmt.Sprintf("agentgate %s function: events in its dead-letter queue", p.Name))
	}
	return &Function{Construct: c, Fn: fn, Role: role, DLQ: dlq}, nil
}

// newDLQ is a KMS-encrypted, TLS-only queue that keeps messages for the SQS
// maximum of 14 days, so a failure found after a long weekend can still be redriven.
func newDLQ(scope constructs.Construct, id string, key awskms.IKey) awssqs.Queue {
	q := awssqs.NewQueue(scope, jsii.String(id), &awssqs.QueueProps{
		Encryption:          awssqs.QueueEncryption_KMS,
		EncryptionMasterKey: key,
		EnforceSSL:          jsii.Bool(true),
		RetentionPeriod:     awscdk.Duration_Days(jsii.Number(14)),
		RemovalPolicy:       awscdk.RemovalPolicy_RETAIN,
	})
	suppress(q, "AwsSolutions-SQS3", "This queue is itself a dead-letter queue; a DLQ of a DLQ would only move the problem.")
	return q
}

func dlqAlarm(scope constructs.Construct, alerts *Alerts, id string, q awssqs.IQueue, desc string) {
	alerts.Alarm(scope, id, &awscloudwatch.AlarmProps{
		AlarmDescription: jsii.String(desc),
		Metric: q.MetricApproximateNumberOfMessagesVisible(&awscloudwatch.MetricOptions{
			Period: awscdk.Duration_Minutes(jsii.Number(5)), Statistic: jsii.String("Maximum"),
		}),
		Threshold:          jsii.Number(1),
		EvaluationPeriods:  jsii.Number(1),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
	})
}
