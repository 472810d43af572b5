// Package regstore keeps the registers in the Registry table, one partition
// per tenant and register: pk "TENANT#<t>#VENDORS" (sk "VENDOR#<id>"),
// "TENANT#<t>#MODELS" (sk "MODEL#<version>"), "TENANT#<t>#ACCESS_REVIEWS" and
// "TENANT#<t>#ADVERSARIAL_RUNS" (sk = the time-ordered record id).
package regstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/agentgate/agentgate/shared/registers"
)

// API is the part of the DynamoDB client the store uses.
type API interface {
	PutItem(ctx context.Context, in *dynamodb.PutItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
	GetItem(ctx context.Context, in *dynamodb.GetItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
	dynamodb.QueryAPIClient
}

// Store is the DynamoDB registers.Store. Every list reads all its pages
// (the Query paginator follows LastEvaluatedKey).
type Store struct {
	api   API
	table string
	// PageSize is the Limit of each Query page; 0 leaves pages to
	// DynamoDB (up to 1 MB each). Tests set it small so a register spans
	// pages.
	PageSize int32
}

var _ registers.Store = (*Store)(nil)

// New returns the store over the registry table.
func New(api API, table string) *Store { return &Store{api: api, table: table} }

func pk(tenant, register string) string { return "TENANT#" + tenant + "#" + register }

func s(v string) types.AttributeValue { return &types.AttributeValueMemberS{Value: v} }

func (st *Store) put(ctx context.Context, partition, sk string, v any, cond *string, names map[string]string, values map[string]types.AttributeValue) error {
	item, err := attributevalue.MarshalMap(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", partition, err)
	}
	item["pk"], item["sk"] = s(partition), s(sk)
	_, err = st.api.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: &st.table, Item: item, ConditionExpression: cond,
		ExpressionAttributeNames: names, ExpressionAttributeValues: values,
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return registers.ErrConflict
	}
	return err
}

func query[T any](ctx context.Context, st *Store, partition string, newestFirst bool) ([]T, error) {
	in := &dynamodb.QueryInput{
		TableName: &st.table, KeyConditionExpression: aws.String("pk = :p"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": s(partition)},
		ScanIndexForward:          aws.Bool(!newestFirst), ConsistentRead: aws.Bool(true),
	}
	if st.PageSize > 0 {
		in.Limit = aws.Int32(st.PageSize)
	}
	out := []T{}
	p := dynamodb.NewQueryPaginator(st.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", partition, err)
		}
		var items []T
		if err := attributevalue.UnmarshalListOfMaps(page.Items, &items); err != nil {
			return nil, fmt.Errorf("decode %s: %w", partition, err)
		}
		out = append(out, items...)
	}
	return out, nil
}

func (st *Store) PutVendor(ctx context.Context, tenant string, v registers.Vendor) error {
	if err := st.put(ctx, pk(tenant, "VENDORS"), "VENDOR#"+v.ID, v, nil, nil, nil); err != nil {
		return fmt.Errorf("put vendor %s: %w", v.ID, err)
	}
	return nil
}

func (st *Store) Vendors(ctx context.Context, tenant string) ([]registers.Vendor, error) {
	return query[registers.Vendor](ctx, st, pk(tenant, "VENDORS"), false)
}

func (st *Store) CreateModel(ctx context.Context, tenant string, m registers.ModelVersion) error {
	err := st.put(ctx, pk(tenant, "MODELS"), "MODEL#"+m.Version, m, aws.String("attribute_not_exists(pk)"), nil, nil)
	if err != nil {
		return fmt.Errorf("create model %s: %w", m.Version, err)
	}
	return nil
}

func (st *Store) UpdateModel(ctx context.Context, tenant string, m registers.ModelVersion, from string) error {
	err := st.put(ctx, pk(tenant, "MODELS"), "MODEL#"+m.Version, m, aws.String("#st = :from"),
		map[string]string{"#st": "status"}, map[string]types.AttributeValue{":from": s(from)})
	if err != nil {
		return fmt.Errorf("update model %s: %w", m.Version, err)
	}
	return nil
}

func (st *Store) Model(ctx context.Context, tenant, version string) (registers.ModelVersion, error) {
	out, err := st.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: &st.table, ConsistentRead: aws.Bool(true),
		Key: map[string]types.AttributeValue{"pk": s(pk(tenant, "MODELS")), "sk": s("MODEL#" + version)},
	})
	if err != nil {
		return registers.ModelVersion{}, fmt.Errorf("get model %s: %w", version, err)
	}
	if len(out.Item) == 0 {
		return registers.ModelVersion{}, registers.ErrNotFound
	}
	var m registers.ModelVersion
	if err := attributevalue.UnmarshalMap(out.Item, &m); err != nil {
		return m, fmt.Errorf("decode model %s: %w", version, err)
	}
	return m, nil
}

func (st *Store) Models(ctx context.Context, tenant string) ([]registers.ModelVersion, error) {
	return query[registers.ModelVersion](ctx, st, pk(tenant, "MODELS"), false)
}

func (st *Store) PutAccessReview(ctx context.Context, tenant string, r registers.AccessReview) error {
	if err := st.put(ctx, pk(tenant, "ACCESS_REVIEWS"), r.ID, r, aws.String("attribute_not_exists(pk)"), nil, nil); err != nil {
		return fmt.Errorf("put access review: %w", err)
	}
	return nil
}

func (st *Store) AccessReviews(ctx context.Context, tenant string) ([]registers.AccessReview, error) {
	return query[registers.AccessReview](ctx, st, pk(tenant, "ACCESS_REVIEWS"), true)
}

func (st *Store) PutAdversarialRun(ctx context.Context, tenant string, r registers.AdversarialRun) error {
	if err := st.put(ctx, pk(tenant, "ADVERSARIAL_RUNS"), r.ID, r, aws.String("attribute_not_exists(pk)"), nil, nil); err != nil {
		return fmt.Errorf("put adversarial run: %w", err)
	}
	return nil
}

func (st *Store) AdversarialRuns(ctx context.Context, tenant string) ([]registers.AdversarialRun, error) {
	return query[registers.AdversarialRun](ctx, st, pk(tenant, "ADVERSARIAL_RUNS"), true)
}

// The governance registers: "TENANT#<t>#BIAS_RUNS" and
// "TENANT#<t>#OUTPUT_REVIEWS" (sk = the time-ordered record id),
// "TENANT#<t>#RUNBOOKS" (sk "RUNBOOK#<id>") and "TENANT#<t>#DATASETS"
// (sk "DATASET#<id>").

func (st *Store) PutBiasRun(ctx context.Context, tenant string, r registers.BiasRun) error {
	if err := st.put(ctx, pk(tenant, "BIAS_RUNS"), r.ID, r, aws.String("attribute_not_exists(pk)"), nil, nil); err != nil {
		return fmt.Errorf("put bias run: %w", err)
	}
	return nil
}

func (st *Store) BiasRuns(ctx context.Context, tenant string) ([]registers.BiasRun, error) {
	return query[registers.BiasRun](ctx, st, pk(tenant, "BIAS_RUNS"), true)
}

func (st *Store) PutOutputReview(ctx context.Context, tenant string, r registers.OutputReview) error {
	if err := st.put(ctx, pk(tenant, "OUTPUT_REVIEWS"), r.ID, r, aws.String("attribute_not_exists(pk)"), nil, nil); err != nil {
		return fmt.Errorf("put output review: %w", err)
	}
	return nil
}

func (st *Store) OutputReviews(ctx context.Context, tenant string) ([]registers.OutputReview, error) {
	return query[registers.OutputReview](ctx, st, pk(tenant, "OUTPUT_REVIEWS"), true)
}

func (st *Store) PutRunbook(ctx context.Context, tenant string, r registers.Runbook) error {
	if err := st.put(ctx, pk(tenant, "RUNBOOKS"), "RUNBOOK#"+r.ID, r, nil, nil, nil); err != nil {
		return fmt.Errorf("put runbook %s: %w", r.ID, err)
	}
	return nil
}

func (st *Store) Runbooks(ctx context.Context, tenant string) ([]registers.Runbook, error) {
	return query[registers.Runbook](ctx, st, pk(tenant, "RUNBOOKS"), false)
}

func (st *Store) PutDataset(ctx context.Context, tenant string, d registers.Dataset) error {
	if err := st.put(ctx, pk(tenant, "DATASETS"), "DATASET#"+d.ID, d, nil, nil, nil); err != nil {
		return fmt.Errorf("put dataset %s: %w", d.ID, err)
	}
	return nil
}

func (st *Store) Datasets(ctx context.Context, tenant string) ([]registers.Dataset, error) {
	return query[registers.Dataset](ctx, st, pk(tenant, "DATASETS"), false)
}
