package infra

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/agentgate/agentgate/shared/tables"
)

// Store is the evidence store: every table of shared/tables, encrypted with
// the customer-managed data key, and where the definition asks point-in-time
// recovery, TTL and a NEW_IMAGE stream.
type Store struct {
	constructs.Construct
	Evidence awsdynamodb.Table
	Registry awsdynamodb.Table
	Subjects awsdynamodb.Table
}

// NewStore converts the shared table definitions; it never restates a key
// schema, so infra and localtest cannot drift apart.
func NewStore(scope constructs.Construct, id string, key awskms.IKey) *Store {
	c := constructs.NewConstruct(scope, jsii.String(id))
	return &Store{
		Construct: c,
		Evidence:  newTable(c, tables.Evidence, key),
		Registry:  newTable(c, tables.Registry, key),
		Subjects:  newTable(c, tables.Subjects, key),
	}
}

func newTable(scope constructs.Construct, def tables.Table, key awskms.IKey) awsdynamodb.Table {
	props := &awsdynamodb.TableProps{
		PartitionKey:  attribute(def.PK),
		BillingMode:   awsdynamodb.BillingMode_PAY_PER_REQUEST,
		Encryption:    awsdynamodb.TableEncryption_CUSTOMER_MANAGED,
		EncryptionKey: key,
		// Off only for Subjects: a destroyed subject key must not stay
		// restorable for 35 days (decision 101).
		PointInTimeRecoverySpecification: &awsdynamodb.PointInTimeRecoverySpecification{
			PointInTimeRecoveryEnabled: jsii.Bool(def.PITR),
		},
		// Evidence must survive a mistaken `cdk destroy` or console click.
		DeletionProtection: jsii.Bool(true),
		RemovalPolicy:      awscdk.RemovalPolicy_RETAIN,
	}
	if def.SK != nil {
		props.SortKey = attribute(*def.SK)
	}
	if def.TTLAttr != "" {
		props.TimeToLiveAttribute = jsii.String(def.TTLAttr)
	}
	if def.Stream {
		props.Stream = awsdynamodb.StreamViewType_NEW_IMAGE
	}
	t := awsdynamodb.NewTable(scope, jsii.String(def.ID), props)
	if !def.PITR {
		suppress(t, "AwsSolutions-DDB3", "Subject keys are erased by deleting them (crypto-shredding); point-in-time recovery would keep every erased key restorable for 35 days (decision 101).")
	}
	for _, ix := range def.GSIs {
		gsi := &awsdynamodb.GlobalSecondaryIndexProps{
			IndexName:      jsii.String(ix.Name),
			PartitionKey:   attribute(ix.PK),
			ProjectionType: awsdynamodb.ProjectionType_ALL,
		}
		if ix.SK != nil {
			gsi.SortKey = attribute(*ix.SK)
		}
		t.AddGlobalSecondaryIndex(gsi)
	}
	return t
}

func attribute(k tables.Key) *awsdynamodb.Attribute {
	return &awsdynamodb.Attribute{Name: jsii.String(k.Name), Type: attrType(k.Type)}
}

func attrType(t tables.AttrType) awsdynamodb.AttributeType {
	switch t {
	case tables.String:
		return awsdynamodb.AttributeType_STRING
	case tables.Number:
		return awsdynamodb.AttributeType_NUMBER
	case tables.Binary:
		return awsdynamodb.AttributeType_BINARY
	}
	// A new AttrType without a mapping is a programming error caught by the
	// first synth, never a runtime condition.
	panic(fmt.Sprintf("infra: unknown DynamoDB attribute type %q", t))
}
