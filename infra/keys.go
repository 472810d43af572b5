package infra

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Keys holds the two customer-managed KMS keys: the data key that encrypts
// everything at rest (tables, buckets, topic, queues, log groups) and the
// asymmetric key that signs Merkle checkpoints.
type Keys struct {
	constructs.Construct
	Data    awskms.Key
	Signing awskms.Key
}

// NewKeys creates both keys. They are retained on stack deletion: deleting the
// data key would make the retained evidence unreadable, and deleting the
// signing key would leave published checkpoints unverifiable against a live key.
func NewKeys(scope constructs.Construct, id string) *Keys {
	c := constructs.NewConstruct(scope, jsii.String(id))
	stack := awscdk.Stack_Of(c)

	data := awskms.NewKey(c, jsii.String("Data"), &awskms.KeyProps{
		Description:       jsii.String("agentgate data key: evidence, registry, archive, packages, alerts, queues, logs"),
		EnableKeyRotation: jsii.Bool(true),
		PendingWindow:     awscdk.Duration_Days(jsii.Number(30)),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
	})
	// CloudWatch Logs encrypts log groups with the key itself (not through a
	// role), so it needs a key-policy grant. The condition limits it to log
	// groups of this account and region. Exact actions, no wildcards.
	data.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("CloudWatchLogs"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String(fmt.Sprintf("logs.%s.amazonaws.com", *stack.Region())), nil)},
		Actions: jsii.Strings("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
			"kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"),
		Resources: jsii.Strings("*"), // in a key policy "*" means this key
		Conditions: &map[string]any{
			"ArnLike": map[string]any{
				"kms:EncryptionContext:aws:logs:arn": fmt.Sprintf("arn:%s:logs:%s:%s:log-group:*", *stack.Partition(), *stack.Region(), *stack.Account()),
			},
		},
	}), jsii.Bool(true))
	// CloudWatch alarms publish to the KMS-encrypted alert topic as the
	// cloudwatch service; without this grant the alarm fires and the
	// notification is silently dropped.
	data.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("CloudWatchAlarmsToTopic"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String("cloudwatch.amazonaws.com"), nil)},
		Actions:    jsii.Strings("kms:Decrypt", "kms:GenerateDataKey"),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]any{
			"StringEquals": map[string]any{"aws:SourceAccount": *stack.Account()},
		},
	}), jsii.Bool(true))

	signing := awskms.NewKey(c, jsii.String("Signing"), &awskms.KeyProps{
		Description:   jsii.String("agentgate checkpoint signing key (ECDSA P-256)"),
		KeySpec:       awskms.KeySpec_ECC_NIST_P256,
		KeyUsage:      awskms.KeyUsage_SIGN_VERIFY,
		PendingWindow: awscdk.Duration_Days(jsii.Number(30)),
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})
	return &Keys{Construct: c, Data: data, Signing: signing}
}
