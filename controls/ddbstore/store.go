// Package ddbstore keeps control results, their history and each tenant's
// evidence-scan state in the Registry table:
//
//	pk "TENANT#<t>#CONTROLS"      sk "RESULT#<control>"  latest result
//	pk "TENANT#<t>#CONTROLS"      sk "USAGE"             scan state (JSON)
//	pk "TENANT#<t>#CONTROL#<id>"  sk "<checkedAt>"       history, one item per run
//	pk "TENANT#<t>#EXCEPTIONS"    sk "EXC#<id>"          exceptions (below)
package ddbstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/agentgate/agentgate/controls"
)

// API is the part of the DynamoDB client the store uses.
type API interface {
	PutItem(ctx context.Context, in *dynamodb.PutItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
	GetItem(ctx context.Context, in *dynamodb.GetItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
	UpdateItem(ctx context.Context, in *dynamodb.UpdateItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error)
	dynamodb.QueryAPIClient
}

// Store implements controls.ResultStore, controls.UsageStore and
// controls.Tenants.
type Store struct {
	api   API
	table string
}

var (
	_ controls.ResultStore = (*Store)(nil)
	_ controls.UsageStore  = (*Store)(nil)
	_ controls.Tenants     = (*Store)(nil)
)

// New returns the store over the registry table.
func New(api API, table string) *Store { return &Store{api: api, table: table} }

// timeKey is fixed-width so history sorts by time as a string.
const timeKey = "2006-01-02T15:04:05.000000000Z"

func s(v string) types.AttributeValue { return &types.AttributeValueMemberS{Value: v} }

func controlsPK(tenant string) string { return "TENANT#" + tenant + "#CONTROLS" }
func historyPK(tenant, control string) string {
	return "TENANT#" + tenant + "#CONTROL#" + control
}

func resultItem(r controls.Result) (map[string]types.AttributeValue, error) {
	findings, err := json.Marshal(r.Findings)
	if err != nil {
		return nil, err
	}
	item := map[string]types.AttributeValue{
		"control":      s(r.Control),
		"status":       s(string(r.Status)),
		"checkedAt":    s(r.CheckedAt.UTC().Format(timeKey)),
		"findings":     s(string(findings)),
		"alertPending": &types.AttributeValueMemberBOOL{Value: r.AlertPending},
	}
	if r.Detail != "" {
		item["detail"] = s(r.Detail)
	}
	if r.Previous != "" {
		item["previous"] = s(string(r.Previous))
	}
	return item, nil
}

func itemResult(item map[string]types.AttributeValue) (controls.Result, error) {
	str := func(k string) string {
		if v, ok := item[k].(*types.AttributeValueMemberS); ok {
			return v.Value
		}
		return ""
	}
	r := controls.Result{Control: str("control"), Status: controls.Status(str("status")), Detail: str("detail"), Previous: controls.Status(str("previous"))}
	at, err := time.Parse(timeKey, str("checkedAt"))
	if err != nil {
		return r, fmt.Errorf("result %s: checkedAt: %w", r.Control, err)
	}
	r.CheckedAt = at
	if f := str("findings"); f != "" && f != "null" {
		if err := json.Unmarshal([]byte(f), &r.Findings); err != nil {
			return r, fmt.Errorf("result %s: findings: %w", r.Control, err)
		}
	}
	if v, ok := item["alertPending"].(*types.AttributeValueMemberBOOL); ok {
		r.AlertPending = v.Value
	}
	return r, nil
}

// Latest returns the latest result per control.
func (st *Store) Latest(ctx context.Context, tenant string) (map[string]controls.Result, error) {
	in := &dynamodb.QueryInput{
		TableName: &st.table, ConsistentRead: aws.Bool(true),
		KeyConditionExpression:    aws.String("pk = :p AND begins_with(sk, :r)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": s(controlsPK(tenant)), ":r": s("RESULT#")},
	}
	out := map[string]controls.Result{}
	p := dynamodb.NewQueryPaginator(st.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("latest results of %s: %w", tenant, err)
		}
		for _, item := range page.Items {
			r, err := itemResult(item)
			if err != nil {
				return nil, err
			}
			out[r.Control] = r
		}
	}
	return out, nil
}

// Save writes the history item, then moves the latest result if it is
// still prev. The history write comes first and is idempotent (same
// checkedAt, same key), so a crash between the two loses nothing.
func (st *Store) Save(ctx context.Context, tenant string, next controls.Result, prev *controls.Result) error {
	item, err := resultItem(next)
	if err != nil {
		return err
	}
	hist := clone(item)
	hist["pk"], hist["sk"] = s(historyPK(tenant, next.Control)), s(next.CheckedAt.UTC().Format(timeKey))
	delete(hist, "alertPending")
	if _, err := st.api.PutItem(ctx, &dynamodb.PutItemInput{TableName: &st.table, Item: hist}); err != nil {
		return fmt.Errorf("history of %s %s: %w", tenant, next.Control, err)
	}
	item["pk"], item["sk"] = s(controlsPK(tenant)), s("RESULT#"+next.Control)
	in := &dynamodb.PutItemInput{TableName: &st.table, Item: item}
	if prev == nil {
		in.ConditionExpression = aws.String("attribute_not_exists(pk)")
	} else {
		in.ConditionExpression = aws.String("checkedAt = :prev")
		in.ExpressionAttributeValues = map[string]types.AttributeValue{":prev": s(prev.CheckedAt.UTC().Format(timeKey))}
	}
	_, err = st.api.PutItem(ctx, in)
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return controls.ErrStale
	}
	if err != nil {
		return fmt.Errorf("latest of %s %s: %w", tenant, next.Control, err)
	}
	return nil
}

func clone(m map[string]types.AttributeValue) map[string]types.AttributeValue {
	out := make(map[string]types.AttributeValue, len(m)+2)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// MarkAlerted clears the pending flag if the latest is still the result
// checked at checkedAt.
func (st *Store) MarkAlerted(ctx context.Context, tenant, control string, checkedAt time.Time) error {
	_, err := st.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName:                 &st.table,
		Key:                       map[string]types.AttributeValue{"pk": s(controlsPK(tenant)), "sk": s("RESULT#" + control)},
		UpdateExpression:          aws.String("SET alertPending = :f"),
		ConditionExpression:       aws.String("checkedAt = :at"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":f": &types.AttributeValueMemberBOOL{Value: false}, ":at": s(checkedAt.UTC().Format(timeKey))},
	})
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return nil // a newer result replaced it; its own flag stands
	}
	if err != nil {
		return fmt.Errorf("mark alerted %s %s: %w", tenant, control, err)
	}
	return nil
}

// History returns results older than before (zero: from the newest),
// newest first, at most limit.
func (st *Store) History(ctx context.Context, tenant, control string, before time.Time, limit int) ([]controls.Result, error) {
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	cond := "pk = :p"
	vals := map[string]types.AttributeValue{":p": s(historyPK(tenant, control))}
	if !before.IsZero() {
		cond += " AND sk < :b"
		vals[":b"] = s(before.UTC().Format(timeKey))
	}
	out := []controls.Result{}
	in := &dynamodb.QueryInput{
		TableName: &st.table, KeyConditionExpression: aws.String(cond), ExpressionAttributeValues: vals,
		ScanIndexForward: aws.Bool(false), Limit: aws.Int32(int32(limit)),
	}
	page, err := st.api.Query(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("history of %s %s: %w", tenant, control, err)
	}
	for _, item := range page.Items {
		r, err := itemResult(item)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// LoadUsage reads a tenant's scan state.
func (st *Store) LoadUsage(ctx context.Context, tenant string) (controls.Usage, error) {
	out, err := st.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: &st.table, ConsistentRead: aws.Bool(true),
		Key: map[string]types.AttributeValue{"pk": s(controlsPK(tenant)), "sk": s("USAGE")},
	})
	var u controls.Usage
	if err != nil {
		return u, fmt.Errorf("usage of %s: %w", tenant, err)
	}
	if v, ok := out.Item["doc"].(*types.AttributeValueMemberS); ok {
		if err := json.Unmarshal([]byte(v.Value), &u); err != nil {
			return u, fmt.Errorf("usage of %s: %w", tenant, err)
		}
	}
	return u, nil
}

// SaveUsage stores a tenant's scan state (one item: it holds the model
// versions and providers seen, a few per tenant, and a mark per chain).
func (st *Store) SaveUsage(ctx context.Context, tenant string, u controls.Usage) error {
	b, err := json.Marshal(u)
	if err != nil {
		return err
	}
	_, err = st.api.PutItem(ctx, &dynamodb.PutItemInput{TableName: &st.table, Item: map[string]types.AttributeValue{
		"pk": s(controlsPK(tenant)), "sk": s("USAGE"), "doc": s(string(b)),
	}})
	if err != nil {
		return fmt.Errorf("save usage of %s: %w", tenant, err)
	}
	return nil
}

// Tenants lists every registered tenant (gsi1 "TENANTS").
func (st *Store) Tenants(ctx context.Context) ([]string, error) {
	in := &dynamodb.QueryInput{
		TableName: &st.table, IndexName: aws.String("gsi1"),
		KeyConditionExpression:    aws.String("gsi1pk = :p"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": s("TENANTS")},
	}
	var out []string
	p := dynamodb.NewQueryPaginator(st.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list tenants: %w", err)
		}
		for _, item := range page.Items {
			if v, ok := item["pk"].(*types.AttributeValueMemberS); ok {
				if t, ok := strings.CutPrefix(v.Value, "TENANT#"); ok && !strings.Contains(t, "#") {
					out = append(out, t)
				}
			}
		}
	}
	return out, nil
}

// Exceptions live beside the tenant's other register partitions, where the
// API (admin actions) and the controls function (the run's transitions)
// both write them, conditionally on their revision:
//
//	pk "TENANT#<t>#EXCEPTIONS"  sk "EXC#<id>"  doc (JSON), rev
func exceptionsPK(tenant string) string { return "TENANT#" + tenant + "#EXCEPTIONS" }

var _ controls.ExceptionStore = (*Store)(nil)

func itemException(item map[string]types.AttributeValue) (controls.Exception, error) {
	var e controls.Exception
	doc, ok := item["doc"].(*types.AttributeValueMemberS)
	if !ok {
		return e, errors.New("exception item without doc")
	}
	if err := json.Unmarshal([]byte(doc.Value), &e); err != nil {
		return e, fmt.Errorf("exception doc: %w", err)
	}
	if n, ok := item["rev"].(*types.AttributeValueMemberN); ok {
		fmt.Sscan(n.Value, &e.Rev)
	}
	return e, nil
}

// Exceptions lists a tenant's exceptions, oldest first (ids start with the
// control and the opening time; the list is sorted by opening time).
func (st *Store) Exceptions(ctx context.Context, tenant string) ([]controls.Exception, error) {
	in := &dynamodb.QueryInput{
		TableName: &st.table, ConsistentRead: aws.Bool(true),
		KeyConditionExpression:    aws.String("pk = :p"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": s(exceptionsPK(tenant))},
	}
	out := []controls.Exception{}
	p := dynamodb.NewQueryPaginator(st.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("exceptions of %s: %w", tenant, err)
		}
		for _, item := range page.Items {
			e, err := itemException(item)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].OpenedAt.Before(out[j].OpenedAt) })
	return out, nil
}

// Exception reads one exception.
func (st *Store) Exception(ctx context.Context, tenant, id string) (controls.Exception, error) {
	out, err := st.api.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: &st.table, ConsistentRead: aws.Bool(true),
		Key: map[string]types.AttributeValue{"pk": s(exceptionsPK(tenant)), "sk": s("EXC#" + id)},
	})
	if err != nil {
		return controls.Exception{}, fmt.Errorf("exception %s of %s: %w", id, tenant, err)
	}
	if len(out.Item) == 0 {
		return controls.Exception{}, controls.ErrExceptionNotFound
	}
	return itemException(out.Item)
}

// PutException stores e if the stored revision is e.Rev-1.
func (st *Store) PutException(ctx context.Context, tenant string, e controls.Exception) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	in := &dynamodb.PutItemInput{TableName: &st.table, Item: map[string]types.AttributeValue{
		"pk": s(exceptionsPK(tenant)), "sk": s("EXC#" + e.ID), "doc": s(string(b)),
		"rev": &types.AttributeValueMemberN{Value: fmt.Sprint(e.Rev)},
	}}
	if e.Rev <= 1 {
		in.ConditionExpression = aws.String("attribute_not_exists(pk)")
	} else {
		in.ConditionExpression = aws.String("rev = :prev")
		in.ExpressionAttributeValues = map[string]types.AttributeValue{":prev": &types.AttributeValueMemberN{Value: fmt.Sprint(e.Rev - 1)}}
	}
	_, err = st.api.PutItem(ctx, in)
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return controls.ErrExceptionStale
	}
	if err != nil {
		return fmt.Errorf("put exception %s of %s: %w", e.ID, tenant, err)
	}
	return nil
}
