package dynamo

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/agentgate/agentgate/shared/idem"
	"github.com/agentgate/agentgate/shared/tables"
)

// IdempotencyStore keeps the API's Idempotency-Key answers in the Registry
// table under pk "IDEM#<tenant>#<key>" / sk "META", expired by the table's
// TTL attribute. (The key's charset has no "#", so the last "#" ends the
// tenant.) It implements httpapi.IdempotencyStore (asserted in its tests:
// this package does not import httpapi, docs/decisions/232).
type IdempotencyStore struct {
	api   API
	table string
}

// NewIdempotencyStore returns the adapter over the registry table.
func NewIdempotencyStore(api API, table string) *IdempotencyStore {
	return &IdempotencyStore{api: api, table: table}
}

func idemKey(tenant, key string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "IDEM#" + tenant + "#" + key},
		"sk": &types.AttributeValueMemberS{Value: "META"},
	}
}

func numAttr(n int64) types.AttributeValue {
	return &types.AttributeValueMemberN{Value: strconv.FormatInt(n, 10)}
}

// Begin claims the key with one conditional put: it wins when no record
// exists, the record's TTL has passed (DynamoDB deletes expired items late,
// so expiry is checked here too), or a claim's lease ran out unanswered.
func (s *IdempotencyStore) Begin(ctx context.Context, tenant, key, fp string, now time.Time, lease, ttl time.Duration) (idem.Record, bool, error) {
	item := idemKey(tenant, key)
	item["fp"] = &types.AttributeValueMemberS{Value: fp}
	item["state"] = &types.AttributeValueMemberS{Value: "pending"}
	item["leaseUntil"] = numAttr(now.Add(lease).UnixMilli())
	item[tables.Registry.TTLAttr] = numAttr(now.Add(ttl).Unix())
	_, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:           &s.table,
		Item:                item,
		ConditionExpression: aws.String("attribute_not_exists(pk) OR #exp < :nowS OR (#st = :pending AND leaseUntil < :nowMs)"),
		ExpressionAttributeNames: map[string]string{
			"#exp": tables.Registry.TTLAttr, "#st": "state",
		},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":nowS": numAttr(now.Unix()), ":nowMs": numAttr(now.UnixMilli()),
			":pending": &types.AttributeValueMemberS{Value: "pending"},
		},
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
	})
	if err == nil {
		return idem.Record{Fingerprint: fp}, true, nil
	}
	var ccf *types.ConditionalCheckFailedException
	if !errors.As(err, &ccf) {
		return idem.Record{}, false, fmt.Errorf("claim idempotency key: %w", err)
	}
	old := ccf.Item
	if len(old) == 0 {
		out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: idemKey(tenant, key), ConsistentRead: aws.Bool(true)})
		if err != nil {
			return idem.Record{}, false, fmt.Errorf("read idempotency key: %w", err)
		}
		old = out.Item
	}
	return itemToIdem(old)
}

func itemToIdem(item map[string]types.AttributeValue) (idem.Record, bool, error) {
	var rec idem.Record
	if v, ok := item["fp"].(*types.AttributeValueMemberS); ok {
		rec.Fingerprint = v.Value
	}
	if v, ok := item["state"].(*types.AttributeValueMemberS); ok {
		rec.Done = v.Value == "done"
	}
	if rec.Done {
		st, _ := item["status"].(*types.AttributeValueMemberN)
		body, _ := item["body"].(*types.AttributeValueMemberS)
		if st == nil || body == nil {
			return rec, false, errors.New("idempotency record: answer without status or body")
		}
		n, err := strconv.Atoi(st.Value)
		if err != nil {
			return rec, false, fmt.Errorf("idempotency record status: %w", err)
		}
		rec.Status, rec.Body = n, []byte(body.Value)
	}
	return rec, false, nil
}

// Complete stores the answer, if the claim is still this request's.
func (s *IdempotencyStore) Complete(ctx context.Context, tenant, key, fp string, status int, body []byte) error {
	_, err := s.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName:           &s.table,
		Key:                 idemKey(tenant, key),
		UpdateExpression:    aws.String("SET #st = :done, #status = :status, body = :body REMOVE leaseUntil"),
		ConditionExpression: aws.String("fp = :fp AND #st = :pending"),
		ExpressionAttributeNames: map[string]string{
			"#st": "state", "#status": "status",
		},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":done": &types.AttributeValueMemberS{Value: "done"}, ":pending": &types.AttributeValueMemberS{Value: "pending"},
			":status": numAttr(int64(status)), ":body": &types.AttributeValueMemberS{Value: string(body)},
			":fp": &types.AttributeValueMemberS{Value: fp},
		},
	})
	if err != nil {
		return fmt.Errorf("store idempotent answer: %w", err)
	}
	return nil
}

// Release deletes a claim that is still this request's and unanswered.
func (s *IdempotencyStore) Release(ctx context.Context, tenant, key, fp string) error {
	_, err := s.api.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName:                &s.table,
		Key:                      idemKey(tenant, key),
		ConditionExpression:      aws.String("fp = :fp AND #st = :pending"),
		ExpressionAttributeNames: map[string]string{"#st": "state"},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":fp": &types.AttributeValueMemberS{Value: fp}, ":pending": &types.AttributeValueMemberS{Value: "pending"},
		},
	})
	var ccf *types.ConditionalCheckFailedException
	if err != nil && !errors.As(err, &ccf) {
		return fmt.Errorf("release idempotency key: %w", err)
	}
	return nil
}
