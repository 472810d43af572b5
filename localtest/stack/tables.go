// Package stack creates the local system's resources on the emulators from
// the same definitions the CDK app deploys (shared/tables).
package stack

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"

	"github.com/agentgate/agentgate/shared/tables"
)

// CreateTableInput converts a table definition to the SDK's input.
func CreateTableInput(t tables.Table, name string) *dynamodb.CreateTableInput {
	attrs := map[string]types.ScalarAttributeType{}
	key := func(k tables.Key, kt types.KeyType) types.KeySchemaElement {
		attrs[k.Name] = types.ScalarAttributeType(k.Type)
		return types.KeySchemaElement{AttributeName: aws.String(k.Name), KeyType: kt}
	}
	in := &dynamodb.CreateTableInput{
		TableName:   aws.String(name),
		BillingMode: types.BillingModePayPerRequest,
		KeySchema:   []types.KeySchemaElement{key(t.PK, types.KeyTypeHash)},
	}
	if t.SK != nil {
		in.KeySchema = append(in.KeySchema, key(*t.SK, types.KeyTypeRange))
	}
	for _, g := range t.GSIs {
		gsi := types.GlobalSecondaryIndex{
			IndexName:  aws.String(g.Name),
			KeySchema:  []types.KeySchemaElement{key(g.PK, types.KeyTypeHash)},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll},
		}
		if g.SK != nil {
			gsi.KeySchema = append(gsi.KeySchema, key(*g.SK, types.KeyTypeRange))
		}
		in.GlobalSecondaryIndexes = append(in.GlobalSecondaryIndexes, gsi)
	}
	for n, typ := range attrs {
		in.AttributeDefinitions = append(in.AttributeDefinitions, types.AttributeDefinition{AttributeName: aws.String(n), AttributeType: typ})
	}
	if t.Stream {
		in.StreamSpecification = &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeNewImage}
	}
	return in
}

// TableName is the local physical name of a table.
func TableName(prefix string, t tables.Table) string { return prefix + t.ID }

// CreateTables creates every table (idempotent) and returns physical names by
// env var, ready to hand to the functions.
func CreateTables(ctx context.Context, ddb *dynamodb.Client, prefix string) (map[string]string, error) {
	names := map[string]string{}
	for _, t := range tables.All() {
		name := TableName(prefix, t)
		_, err := ddb.CreateTable(ctx, CreateTableInput(t, name))
		var inUse *types.ResourceInUseException
		if err != nil && !errors.As(err, &inUse) {
			return nil, fmt.Errorf("create table %s: %w", name, err)
		}
		if t.TTLAttr != "" {
			_, err := ddb.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{
				TableName:               aws.String(name),
				TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String(t.TTLAttr), Enabled: aws.Bool(true)},
			})
			// Already enabled (a second run on the same emulator) is fine.
			var api smithy.APIError
			if err != nil && !(errors.As(err, &api) && api.ErrorCode() == "ValidationException") {
				return nil, fmt.Errorf("ttl on %s: %w", name, err)
			}
		}
		names[t.EnvVar] = name
	}
	return names, nil
}
