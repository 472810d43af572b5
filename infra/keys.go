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

	// The signing key's policy is written out instead of the CDK default,
	// whose account-root statement allows kms:* and so lets any principal
	// an IAM policy grants kms:Sign (or kms:CreateGrant) forge checkpoints.
	// Here the account may administer the key but not sign with it or grant
	// it; AllowSign names the one role that signs.
	signing := awskms.NewKey(c, jsii.String("Signing"), &awskms.KeyProps{
		Description:   jsii.String("agentgate checkpoint and package signing key (ECDSA P-256); only the checkpointer signs"),
		KeySpec:       awskms.KeySpec_ECC_NIST_P256,
		KeyUsage:      awskms.KeyUsage_SIGN_VERIFY,
		PendingWindow: awscdk.Duration_Days(jsii.Number(30)),
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
		Policy: awsiam.NewPolicyDocument(&awsiam.PolicyDocumentProps{Statements: &[]awsiam.PolicyStatement{
			awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Sid:        jsii.String(SigningKeyAdminSid),
				Principals: &[]awsiam.IPrincipal{awsiam.NewAccountRootPrincipal()},
				Actions:    jsii.Strings(SigningKeyAdminActions...),
				Resources:  jsii.Strings("*"), // in a key policy "*" means this key
			}),
		}}),
	})
	return &Keys{Construct: c, Data: data, Signing: signing}
}

// SigningKeyAdminSid is the signing key policy's administration statement.
const SigningKeyAdminSid = "KeyAdministration"

// SigningKeySignSid is the statement that lets the checkpointer sign.
const SigningKeySignSid = "CheckpointerSigns"

// SigningKeyAdminActions is what the account (CloudFormation, administrators
// through IAM) may do with the signing key: manage it, read its public key,
// verify. Not kms:Sign, and not kms:CreateGrant, which would hand signing to
// any principal. kms:PutKeyPolicy stays: without it CloudFormation could not
// update the key, and KMS refuses a policy that locks the account out; a
// policy change is a CloudTrail management event (decision 102).
var SigningKeyAdminActions = []string{
	"kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetPublicKey", "kms:Verify",
	"kms:ListGrants", "kms:ListKeyPolicies", "kms:ListResourceTags", "kms:RevokeGrant",
	"kms:EnableKey", "kms:DisableKey", "kms:UpdateKeyDescription", "kms:TagResource", "kms:UntagResource",
	"kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
}

// AllowSign makes role the signing key's one signer: the key policy names it
// for kms:Sign (and the public key), and its own policy grants the same.
func (k *Keys) AllowSign(role awsiam.IRole) {
	actions := jsii.Strings("kms:Sign", "kms:GetPublicKey")
	k.Signing.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String(SigningKeySignSid),
		Principals: &[]awsiam.IPrincipal{awsiam.NewArnPrincipal(role.RoleArn())},
		Actions:    actions,
		Resources:  jsii.Strings("*"),
	}), jsii.Bool(true))
	k.Signing.Grant(role, *actions...)
}
