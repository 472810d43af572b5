package infra

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/jsii-runtime-go"
)

// Item-level DynamoDB grants. The CDK's Table.grant* methods grant a whole
// table (grantReadWriteData: every item, update, delete and batch write), so
// the functions' table access is written out here instead: exact actions, and
// for the Registry the partition-key prefixes of the item types a function
// uses (dynamodb:LeadingKeys). Decision 100 says why.

// DynamoDB actions, by name, so the grants and the test read the same words.
const (
	ddbGet       = "dynamodb:GetItem"
	ddbQuery     = "dynamodb:Query"
	ddbPut       = "dynamodb:PutItem"
	ddbUpdate    = "dynamodb:UpdateItem"
	ddbDelete    = "dynamodb:DeleteItem"
	ddbBatch     = "dynamodb:BatchWriteItem"
	ddbPartiQLUp = "dynamodb:PartiQLUpdate"
	ddbPartiQLDe = "dynamodb:PartiQLDelete"
)

// EvidenceRewriteActions can change or remove an evidence item. Every role of
// the stack is explicitly denied them on the evidence table: appends are
// PutItem with attribute_not_exists, and retention is TTL, which DynamoDB
// itself performs (no principal's permission is involved).
var EvidenceRewriteActions = []string{ddbUpdate, ddbDelete, ddbBatch, ddbPartiQLUp, ddbPartiQLDe}

// Registry item types (partition-key patterns, IAM StringLike syntax).
const (
	itemKeys        = "KEY#*"              // API keys (shared/dynamo KeyStore)
	itemTenants     = "TENANT#*"           // tenant records and registers; includes the two below
	itemControls    = "TENANT#*#CONTROLS"  // latest control results and the usage scan state
	itemControlHist = "TENANT#*#CONTROL#*" // control result history
	itemReplays     = "REPLAY#*"           // replayed client records
	itemIdempotency = "IDEM#*"             // Idempotency-Key answers of validate (decision 112)
	itemPackages    = "PACKAGE#*"          // package records
	itemArchive     = "ARCHIVE#*"          // archive watermarks
	itemCheckpoints = "CHECKPOINT#*"       // signed checkpoints
)

// leadingKeys limits a statement to items whose partition key matches one of
// patterns. ForAllValues: every key the request touches must match.
func leadingKeys(patterns ...string) *map[string]any {
	if len(patterns) == 0 {
		return nil
	}
	return &map[string]any{"ForAllValues:StringLike": map[string]any{"dynamodb:LeadingKeys": patterns}}
}

// items grants actions on the items of table (not its indexes), limited to
// the partition-key patterns given (none: every item). Reading needs the data
// key's Decrypt, writing its Encrypt as well: the tables are encrypted with it.
func items(role awsiam.IRole, table awsdynamodb.ITable, key awskms.IKey, actions []string, patterns ...string) {
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:    jsii.Strings(actions...),
		Resources:  jsii.Strings(*table.TableArn()),
		Conditions: leadingKeys(patterns...),
	}))
	keyActions := []string{"kms:Decrypt", "kms:DescribeKey"}
	for _, a := range actions {
		if a != ddbGet && a != ddbQuery {
			keyActions = []string{"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"}
		}
	}
	key.Grant(role, *jsii.Strings(keyActions...)...)
}

// queryIndex grants Query on one global secondary index. Indexes get no
// LeadingKeys condition: the key an index query names is the index's, and the
// table's item-type prefixes do not apply to it.
func queryIndex(role awsiam.IRole, table awsdynamodb.ITable, index string) {
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings(ddbQuery),
		Resources: jsii.Strings(*table.TableArn() + "/index/" + index),
	}))
}

// denyItems explicitly denies actions on the items of table matching
// patterns: it holds whatever an allow elsewhere says.
func denyItems(role awsiam.IRole, table awsdynamodb.ITable, actions []string, patterns ...string) {
	var cond *map[string]any
	if len(patterns) > 0 {
		// ForAnyValue: one matching key in the request is enough to deny.
		cond = &map[string]any{"ForAnyValue:StringLike": map[string]any{"dynamodb:LeadingKeys": patterns}}
	}
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Effect:     awsiam.Effect_DENY,
		Actions:    jsii.Strings(actions...),
		Resources:  jsii.Strings(*table.TableArn(), *table.TableArn()+"/index/*"),
		Conditions: cond,
	}))
}

// denyEvidenceRewrite is attached to every role of the stack.
func denyEvidenceRewrite(role awsiam.IRole, evidence awsdynamodb.ITable) {
	denyItems(role, evidence, EvidenceRewriteActions)
}
