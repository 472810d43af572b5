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

// KeyStore keeps API keys in the Registry table under pk "KEY#<id>".
type KeyStore struct {
	api   API
	table string
}

var _ auth.KeyStore = (*KeyStore)(nil)

// NewKeyStore returns the adapter over the registry table.
func NewKeyStore(api API, table string) *KeyStore { return &KeyStore{api: api, table: table} }

func keyPK(id string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "KEY#" + id},
		"sk": &types.AttributeValueMemberS{Value: "META"},
	}
}

func timeAttr(t time.Time) types.AttributeValue {
	return &types.AttributeValueMemberS{Value: t.UTC().Format(time.RFC3339Nano)}
}

// PutKey stores a new key; it refuses to overwrite an existing id.
func (s *KeyStore) PutKey(ctx context.Context, k auth.Key) error {
	item := keyPK(k.ID)
	item["tenant"] = &types.AttributeValueMemberS{Value: k.Tenant}
	item["secretHash"] = &types.AttributeValueMemberS{Value: k.SecretHash}
	scopes := make([]types.AttributeValue, len(k.Scopes))
	for i, sc := range k.Scopes {
		scopes[i] = &types.AttributeValueMemberS{Value: sc}
	}
	item["scopes"] = &types.AttributeValueMemberL{Value: scopes}
	item["createdAt"] = timeAttr(k.CreatedAt)
	if k.Name != "" {
		item["name"] = &types.AttributeValueMemberS{Value: k.Name}
	}
	if k.Owner != "" {
		item["owner"] = &types.AttributeValueMemberS{Value: k.Owner}
	}
	if !k.ExpiresAt.IsZero() {
		item["keyExpiresAt"] = timeAttr(k.ExpiresAt)
	}
	if !k.RevokedAt.IsZero() {
		item["revokedAt"] = timeAttr(k.RevokedAt)
	}
	item["gsi1pk"] = &types.AttributeValueMemberS{Value: "TENANT#" + k.Tenant + "#KEYS"}
	item["gsi1sk"] = &types.AttributeValueMemberS{Value: k.CreatedAt.UTC().Format(time.RFC3339Nano) + "#" + k.ID}
	_, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: &s.table, Item: item,
		ConditionExpression: aws.String("attribute_not_exists(pk)"),
	})
	if err != nil {
		return fmt.Errorf("put key %s: %w", k.ID, err)
	}
	return nil
}

// GetKey reads a key; auth.ErrNotFound if absent.
func (s *KeyStore) GetKey(ctx context.Context, id string) (auth.Key, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: keyPK(id), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return auth.Key{}, fmt.Errorf("get key %s: %w", id, err)
	}
	if len(out.Item) == 0 {
		return auth.Key{}, auth.ErrNotFound
	}
	return itemToKey(id, out.Item)
}

// RevokeKey marks a key revoked at t (idempotent: the first revocation stands).
func (s *KeyStore) RevokeKey(ctx context.Context, id string, t time.Time) error {
	_, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: &s.table, Key: keyPK(id),
		UpdateExpression:          aws.String("SET revokedAt = if_not_exists(revokedAt, :t)"),
		ConditionExpression:       aws.String("attribute_exists(pk)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":t": timeAttr(t)},
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return auth.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("revoke key %s: %w", id, err)
	}
	return nil
}

func itemToKey(id string, item map[string]types.AttributeValue) (auth.Key, error) {
	k := auth.Key{ID: id}
	str := func(name string) string {
		if v, ok := item[name].(*types.AttributeValueMemberS); ok {
			return v.Value
		}
		return ""
	}
	tm := func(name string) (time.Time, error) {
		v := str(name)
		if v == "" {
			return time.Time{}, nil
		}
		return time.Parse(time.RFC3339Nano, v)
	}
	k.Tenant = str("tenant")
	k.SecretHash = str("secretHash")
	k.Name = str("name")
	k.Owner = str("owner")
	if l, ok := item["scopes"].(*types.AttributeValueMemberL); ok {
		for _, v := range l.Value {
			if sv, ok := v.(*types.AttributeValueMemberS); ok {
				k.Scopes = append(k.Scopes, sv.Value)
			}
		}
	}
	var err error
	if k.CreatedAt, err = tm("createdAt"); err != nil {
		return k, fmt.Errorf("key %s createdAt: %w", id, err)
	}
	if k.ExpiresAt, err = tm("keyExpiresAt"); err != nil {
		return k, fmt.Errorf("key %s expiry: %w", id, err)
	}
	if k.RevokedAt, err = tm("revokedAt"); err != nil {
		return k, fmt.Errorf("key %s revokedAt: %w", id, err)
	}
	if k.Tenant == "" || k.SecretHash == "" {
		return k, fmt.Errorf("key %s: incomplete record", id)
	}
	return k, nil
}

// ListKeys returns a tenant's keys, oldest first.
func (s *KeyStore) ListKeys(ctx context.Context, tenant string) ([]auth.Key, error) {
	in := &dynamodb.QueryInput{
		TableName:                 &s.table,
		IndexName:                 aws.String("gsi1"),
		KeyConditionExpression:    aws.String("gsi1pk = :p"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": &types.AttributeValueMemberS{Value: "TENANT#" + tenant + "#KEYS"}},
	}
	var keys []auth.Key
	p := dynamodb.NewQueryPaginator(s.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list keys of %s: %w", tenant, err)
		}
		for _, item := range page.Items {
			pk, _ := item["pk"].(*types.AttributeValueMemberS)
			if pk == nil || len(pk.Value) < 5 {
				continue
			}
			k, err := itemToKey(pk.Value[4:], item)
			if err != nil {
				return nil, err
			}
			keys = append(keys, k)
		}
	}
	return keys, nil
}

// ExpireKey sets a key's expiry to t if it has none or a later one (rotation
// grace), never extending it.
func (s *KeyStore) ExpireKey(ctx context.Context, id string, t time.Time) error {
	_, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: &s.table, Key: keyPK(id),
		UpdateExpression:          aws.String("SET keyExpiresAt = :t"),
		ConditionExpression:       aws.String("attribute_exists(pk) AND (attribute_not_exists(keyExpiresAt) OR keyExpiresAt > :t)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":t": timeAttr(t)},
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return nil // already expiring sooner, or gone: nothing to shorten
	}
	if err != nil {
		return fmt.Errorf("expire key %s: %w", id, err)
	}
	return nil
}
