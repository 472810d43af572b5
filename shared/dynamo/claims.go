package dynamo

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// ReplayClaims de-duplicates replayed client records in the Registry table
// under pk "REPLAY#<tenant>#<id>".
type ReplayClaims struct {
	api   API
	table string
}

// NewReplayClaims returns the adapter.
func NewReplayClaims(api API, table string) *ReplayClaims {
	return &ReplayClaims{api: api, table: table}
}

func claimKey(tenant, id string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "REPLAY#" + tenant + "#" + id},
		"sk": &types.AttributeValueMemberS{Value: "META"},
	}
}

// Claim puts the claim if absent; otherwise it reports the recorded evidence id.
func (c *ReplayClaims) Claim(ctx context.Context, tenant, id string) (string, bool, error) {
	_, err := c.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: &c.table, Item: claimKey(tenant, id),
		ConditionExpression: aws.String("attribute_not_exists(pk)"),
	})
	var ccf *types.ConditionalCheckFailedException
	if err == nil {
		return "", true, nil
	}
	if !errors.As(err, &ccf) {
		return "", false, fmt.Errorf("claim replay %s: %w", id, err)
	}
	out, err := c.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &c.table, Key: claimKey(tenant, id), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return "", false, fmt.Errorf("read replay claim %s: %w", id, err)
	}
	if v, ok := out.Item["evidenceId"].(*types.AttributeValueMemberS); ok {
		return v.Value, false, nil
	}
	return "", false, nil
}

// Complete records the evidence id of a claim.
func (c *ReplayClaims) Complete(ctx context.Context, tenant, id, evidenceID string) error {
	_, err := c.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: &c.table, Key: claimKey(tenant, id),
		UpdateExpression:          aws.String("SET evidenceId = :e"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":e": &types.AttributeValueMemberS{Value: evidenceID}},
	})
	if err != nil {
		return fmt.Errorf("complete replay claim %s: %w", id, err)
	}
	return nil
}
