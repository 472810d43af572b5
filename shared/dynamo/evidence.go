// Package dynamo adapts the domain stores to DynamoDB. Each adapter turns SDK
// errors into domain errors (a failed condition → evidence.ErrConflict, a
// missing item → evidence.ErrNotFound) so callers use errors.Is.
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

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/tables"
)

// API is the part of the DynamoDB client the adapters use.
type API interface {
	PutItem(ctx context.Context, in *dynamodb.PutItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
	GetItem(ctx context.Context, in *dynamodb.GetItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
	Query(ctx context.Context, in *dynamodb.QueryInput, opts ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error)
	UpdateItem(ctx context.Context, in *dynamodb.UpdateItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error)
	DeleteItem(ctx context.Context, in *dynamodb.DeleteItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.DeleteItemOutput, error)
}

// EvidenceStore keeps evidence entries in the Evidence table, one item per
// (chain, seq).
type EvidenceStore struct {
	api   API
	table string
	// TTL, when set, returns the expiry (unix seconds) for an entry; 0 = none.
	TTL func(e *evidence.Entry) int64
}

var _ evidence.Store = (*EvidenceStore)(nil)

// NewEvidenceStore returns the adapter over table.
func NewEvidenceStore(api API, table string) *EvidenceStore {
	return &EvidenceStore{api: api, table: table}
}

var (
	pkName = tables.Evidence.PK.Name
	skName = tables.Evidence.SK.Name
)

// Put is the conditional write on the (chain, seq) slot.
func (s *EvidenceStore) Put(ctx context.Context, e *evidence.Entry) error {
	item := EntryToItem(e)
	if s.TTL != nil {
		if exp := s.TTL(e); exp > 0 {
			item[tables.Evidence.TTLAttr] = &types.AttributeValueMemberN{Value: strconv.FormatInt(exp, 10)}
		}
	}
	_, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:                &s.table,
		Item:                     item,
		ConditionExpression:      aws.String("attribute_not_exists(#sk)"),
		ExpressionAttributeNames: map[string]string{"#sk": skName},
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return evidence.ErrConflict
	}
	if err != nil {
		return fmt.Errorf("put %s seq %d: %w", e.Chain, e.Seq, err)
	}
	return nil
}

// Head reads the highest seq of chain with a strongly consistent query.
func (s *EvidenceStore) Head(ctx context.Context, chain string) (evidence.Entry, error) {
	out, err := s.api.Query(ctx, &dynamodb.QueryInput{
		TableName:                 &s.table,
		KeyConditionExpression:    aws.String("#pk = :c"),
		ExpressionAttributeNames:  map[string]string{"#pk": pkName},
		ExpressionAttributeValues: map[string]types.AttributeValue{":c": &types.AttributeValueMemberS{Value: chain}},
		ScanIndexForward:          aws.Bool(false),
		Limit:                     aws.Int32(1),
		ConsistentRead:            aws.Bool(true),
	})
	if err != nil {
		return evidence.Entry{}, fmt.Errorf("head of %s: %w", chain, err)
	}
	if len(out.Items) == 0 {
		return evidence.Entry{}, evidence.ErrNotFound
	}
	return ItemToEntry(out.Items[0])
}

// Get reads one entry.
func (s *EvidenceStore) Get(ctx context.Context, chain string, seq int64) (evidence.Entry, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: &s.table,
		Key: map[string]types.AttributeValue{
			pkName: &types.AttributeValueMemberS{Value: chain},
			skName: &types.AttributeValueMemberN{Value: strconv.FormatInt(seq, 10)},
		},
		ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return evidence.Entry{}, fmt.Errorf("get %s seq %d: %w", chain, seq, err)
	}
	if len(out.Item) == 0 {
		return evidence.Entry{}, evidence.ErrNotFound
	}
	return ItemToEntry(out.Item)
}

// Range walks from..to in seq order, page by page.
func (s *EvidenceStore) Range(ctx context.Context, chain string, from, to int64, fn func(*evidence.Entry) error) error {
	if to < 0 {
		to = 1 << 53
	}
	in := &dynamodb.QueryInput{
		TableName:                &s.table,
		KeyConditionExpression:   aws.String("#pk = :c AND #sk BETWEEN :f AND :t"),
		ExpressionAttributeNames: map[string]string{"#pk": pkName, "#sk": skName},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":c": &types.AttributeValueMemberS{Value: chain},
			":f": &types.AttributeValueMemberN{Value: strconv.FormatInt(from, 10)},
			":t": &types.AttributeValueMemberN{Value: strconv.FormatInt(to, 10)},
		},
		ConsistentRead: aws.Bool(true),
	}
	p := dynamodb.NewQueryPaginator(s.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("range %s [%d,%d]: %w", chain, from, to, err)
		}
		for _, item := range page.Items {
			e, err := ItemToEntry(item)
			if err != nil {
				return err
			}
			if err := fn(&e); err != nil {
				return err
			}
		}
	}
	return nil
}

// RetentionTTL expires entries `days` after their timestamp. DynamoDB TTL is
// the table's retention; the archive keeps its own, longer-or-equal Object
// Lock retention, so a purged entry is still provable from its bundle.
func RetentionTTL(days int) func(e *evidence.Entry) int64 {
	return func(e *evidence.Entry) int64 {
		ts, err := time.Parse(evidence.TimeFormat, e.TS)
		if err != nil || days <= 0 {
			return 0
		}
		return ts.AddDate(0, 0, days).Unix()
	}
}
