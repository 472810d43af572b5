package dynamo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/agentgate/agentgate/shared/auth"
)

// ErrNoTenant is returned for an unknown tenant.
var ErrNoTenant = errors.New("tenant not found")

// Tenant is a tenant's record. UserKey keys the HMAC that turns user ids into
// userRefs; it never leaves the registry.
type Tenant struct {
	ID        string
	Name      string
	UserKey   []byte
	CreatedAt time.Time
	// Policy is the tenant's gate policy document (JSON); empty = default.
	Policy []byte
}

// TenantStore keeps tenants in the Registry table under pk "TENANT#<id>".
type TenantStore struct {
	api   API
	table string
}

// NewTenantStore returns the adapter.
func NewTenantStore(api API, table string) *TenantStore { return &TenantStore{api: api, table: table} }

func tenantKey(id string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "TENANT#" + id},
		"sk": &types.AttributeValueMemberS{Value: "META"},
	}
}

// PutTenant creates a tenant; an existing tenant is left as it is and
// reported by its current record. An id that is not a valid tenant id ("/"
// and "#" are separators of chain ids and storage keys) is refused with an
// error matching auth.ErrInvalidTenant, before anything is written.
func (s *TenantStore) PutTenant(ctx context.Context, t Tenant) (Tenant, error) {
	if err := auth.CheckTenant(t.ID); err != nil {
		return Tenant{}, fmt.Errorf("put tenant: %w", err)
	}
	item := tenantKey(t.ID)
	item["name"] = &types.AttributeValueMemberS{Value: t.Name}
	item["userKey"] = &types.AttributeValueMemberB{Value: t.UserKey}
	item["createdAt"] = timeAttr(t.CreatedAt)
	item["gsi1pk"] = &types.AttributeValueMemberS{Value: "TENANTS"}
	item["gsi1sk"] = &types.AttributeValueMemberS{Value: t.ID}
	_, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: &s.table, Item: item,
		ConditionExpression: aws.String("attribute_not_exists(pk)"),
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return s.GetTenant(ctx, t.ID)
	}
	if err != nil {
		return Tenant{}, fmt.Errorf("put tenant %s: %w", t.ID, err)
	}
	return t, nil
}

// GetTenant reads a tenant; ErrNoTenant if absent.
func (s *TenantStore) GetTenant(ctx context.Context, id string) (Tenant, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: tenantKey(id), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return Tenant{}, fmt.Errorf("get tenant %s: %w", id, err)
	}
	if len(out.Item) == 0 {
		return Tenant{}, fmt.Errorf("%w: %s", ErrNoTenant, id)
	}
	t := Tenant{ID: id}
	if v, ok := out.Item["name"].(*types.AttributeValueMemberS); ok {
		t.Name = v.Value
	}
	if v, ok := out.Item["userKey"].(*types.AttributeValueMemberB); ok {
		t.UserKey = v.Value
	}
	if v, ok := out.Item["createdAt"].(*types.AttributeValueMemberS); ok {
		t.CreatedAt, _ = time.Parse(time.RFC3339Nano, v.Value)
	}
	if v, ok := out.Item["policy"].(*types.AttributeValueMemberS); ok {
		t.Policy = []byte(v.Value)
	}
	if len(t.UserKey) < 16 {
		return Tenant{}, fmt.Errorf("tenant %s: user key missing", id)
	}
	return t, nil
}

// SetPolicy stores a tenant's gate policy document.
func (s *TenantStore) SetPolicy(ctx context.Context, id string, policy []byte, now time.Time) error {
	_, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: &s.table, Key: tenantKey(id),
		UpdateExpression:         aws.String("SET #p = :p, policyUpdatedAt = :t"),
		ConditionExpression:      aws.String("attribute_exists(pk)"),
		ExpressionAttributeNames: map[string]string{"#p": "policy"},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":p": &types.AttributeValueMemberS{Value: string(policy)},
			":t": timeAttr(now),
		},
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return fmt.Errorf("%w: %s", ErrNoTenant, id)
	}
	if err != nil {
		return fmt.Errorf("set policy of %s: %w", id, err)
	}
	return nil
}
