package dynamo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/tables"
)

// SubjectKeys keeps one random key per data subject in the Subjects table
// (no point-in-time recovery, decision 101) under pk "SUBJECT#<tenant>#<lookup>" (lookup is an HMAC of the user id, so
// the raw id is stored nowhere). Destroying the key is the erasure: the
// userRefs in evidence stay, the link to the person is gone.
type SubjectKeys struct {
	api   API
	table string
}

// NewSubjectKeys returns the adapter.
func NewSubjectKeys(api API, table string) *SubjectKeys { return &SubjectKeys{api: api, table: table} }

func subjectKey(tenant, lookup string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "SUBJECT#" + tenant + "#" + lookup},
		"sk": &types.AttributeValueMemberS{Value: "KEY"},
	}
}

// GetOrCreate returns the subject's key, creating it with fresh if absent.
func (s *SubjectKeys) GetOrCreate(ctx context.Context, tenant, lookup string, fresh []byte, now time.Time) ([]byte, error) {
	item := subjectKey(tenant, lookup)
	item["key"] = &types.AttributeValueMemberB{Value: fresh}
	item["createdAt"] = timeAttr(now)
	_, err := s.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: &s.table, Item: item, ConditionExpression: aws.String("attribute_not_exists(pk)"),
	})
	var ccf *types.ConditionalCheckFailedException
	if err == nil {
		return fresh, nil
	}
	if !errors.As(err, &ccf) {
		return nil, fmt.Errorf("create subject key: %w", err)
	}
	return s.Get(ctx, tenant, lookup)
}

// Get returns the subject's key or ErrNoSubject.
func (s *SubjectKeys) Get(ctx context.Context, tenant, lookup string) ([]byte, error) {
	out, err := s.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &s.table, Key: subjectKey(tenant, lookup), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return nil, fmt.Errorf("get subject key: %w", err)
	}
	b, ok := out.Item["key"].(*types.AttributeValueMemberB)
	if !ok || len(b.Value) == 0 {
		return nil, evidence.ErrNoSubject
	}
	return b.Value, nil
}

// Destroy deletes the subject's key; ErrNoSubject if there was none.
func (s *SubjectKeys) Destroy(ctx context.Context, tenant, lookup string) error {
	_, err := s.api.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName: &s.table, Key: subjectKey(tenant, lookup), ConditionExpression: aws.String("attribute_exists(pk)"),
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return evidence.ErrNoSubject
	}
	if err != nil {
		return fmt.Errorf("destroy subject key: %w", err)
	}
	return nil
}

// EntriesByUserRef returns a tenant's entries carrying userRef, oldest first.
func (s *EvidenceStore) EntriesByUserRef(ctx context.Context, tenant, userRef string) ([]evidence.Entry, error) {
	gsi := tables.Evidence.GSIs[0]
	in := &dynamodb.QueryInput{
		TableName:                 &s.table,
		IndexName:                 aws.String(gsi.Name),
		KeyConditionExpression:    aws.String("#u = :u"),
		ExpressionAttributeNames:  map[string]string{"#u": gsi.PK.Name},
		ExpressionAttributeValues: map[string]types.AttributeValue{":u": &types.AttributeValueMemberS{Value: userRef}},
	}
	var out []evidence.Entry
	p := dynamodb.NewQueryPaginator(s.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("entries by userRef: %w", err)
		}
		for _, item := range page.Items {
			e, err := ItemToEntry(item)
			if err != nil {
				return nil, err
			}
			if e.Tenant == tenant {
				out = append(out, e)
			}
		}
	}
	return out, nil
}
