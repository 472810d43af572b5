package dynamo_test

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/tables"
)

func draft(chain string) evidence.Entry {
	return evidence.Entry{Kind: evidence.KindValidate, Tenant: "acme", Chain: chain, Principal: "k1",
		Decision: "allow", Status: "passed", InputSHA256: "00", Rules: []string{}}
}

// 16 goroutines append to one chain through 4 Appenders (4 simulated Lambda
// instances, each with its own head cache, 4 goroutines each): within an
// instance appends queue on the chain, across instances they race for the
// same slot and only the conditional put keeps the chain whole.
func TestConcurrentAppendersOneChain(t *testing.T) {
	names := freshTables(t)
	store := dynamo.NewEvidenceStore(ddb, names[tables.Evidence.EnvVar])
	const writers, each, instances = 16, 100, 4
	var apps [instances]*evidence.Appender
	for i := range apps {
		apps[i] = evidence.NewAppender(store, evidence.WithRetry(2000, 200*time.Microsecond, 4*time.Millisecond))
	}
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		app := apps[w%instances]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				_, err := app.Append(context.Background(), draft("acme/0"))
				if !assert.NoError(t, err) {
					return
				}
			}
		}()
	}
	wg.Wait()

	// Exactly 1600 entries, seqs 0..1599, every link intact: no fork, no gap.
	var seqs []int64
	require.NoError(t, store.Range(context.Background(), "acme/0", 0, -1, func(e *evidence.Entry) error {
		seqs = append(seqs, e.Seq)
		return nil
	}))
	require.Len(t, seqs, writers*each)
	for i, s := range seqs {
		require.Equal(t, int64(i), s)
	}
	rep, err := evidence.VerifyRange(context.Background(), store, "acme/0", 0, -1)
	require.NoError(t, err)
	assert.True(t, rep.Valid, "%+v", rep.FirstBad)
	assert.Equal(t, int64(writers*each), rep.Checked)
}

func TestTamperedAttributeIsNamed(t *testing.T) {
	names := freshTables(t)
	table := names[tables.Evidence.EnvVar]
	store := dynamo.NewEvidenceStore(ddb, table)
	app := evidence.NewAppender(store)
	for i := 0; i < 20; i++ {
		_, err := app.Append(context.Background(), draft("acme/1"))
		require.NoError(t, err)
	}
	tests := []struct {
		name string
		seq  int64
		attr string
		val  types.AttributeValue
	}{
		{"decision rewritten", 13, "decision", &types.AttributeValueMemberS{Value: "block"}},
		{"timestamp rewritten", 7, "ts", &types.AttributeValueMemberS{Value: "2020-01-01T00:00:00.000000000Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ddb.UpdateItem(context.Background(), &dynamodb.UpdateItemInput{
				TableName: aws.String(table),
				Key: map[string]types.AttributeValue{
					"chain": &types.AttributeValueMemberS{Value: "acme/1"},
					"seq":   &types.AttributeValueMemberN{Value: strconv.FormatInt(tt.seq, 10)},
				},
				UpdateExpression:          aws.String("SET #a = :v"),
				ExpressionAttributeNames:  map[string]string{"#a": tt.attr},
				ExpressionAttributeValues: map[string]types.AttributeValue{":v": tt.val},
			})
			require.NoError(t, err)
			rep, err := evidence.VerifyRange(context.Background(), store, "acme/1", 0, -1)
			require.NoError(t, err)
			assert.False(t, rep.Valid)
			require.NotNil(t, rep.FirstBad)
			// The earliest tampered entry is named: after the first subtest it is 7.
			assert.Equal(t, tt.seq, rep.FirstBad.Seq)
			assert.Equal(t, evidence.ReasonBadHash, rep.FirstBad.Reason)
		})
	}
}

func TestPutIsConditionalAndRoundTrips(t *testing.T) {
	names := freshTables(t)
	store := dynamo.NewEvidenceStore(ddb, names[tables.Evidence.EnvVar])
	e := draft("acme/2")
	e.V, e.Seq, e.TS, e.PrevHash = 1, 0, evidence.FormatTime(time.Unix(0, 5)), evidence.GenesisHash
	e.Meta = map[string]string{"k": "v"}
	e.Rules = []string{"a", "b"}
	e.Documents = []evidence.DocumentRef{{ID: "mail-7", SHA256: strings.Repeat("a", 64), Source: "email"}, {ID: "p", SHA256: strings.Repeat("b", 64)}}
	evidence.Seal(&e)
	require.NoError(t, store.Put(context.Background(), &e))
	other := e
	other.Principal = "intruder"
	evidence.Seal(&other)
	assert.ErrorIs(t, store.Put(context.Background(), &other), evidence.ErrConflict)
	got, err := store.Get(context.Background(), "acme/2", 0)
	require.NoError(t, err)
	assert.Equal(t, e, got)
	_, err = store.Get(context.Background(), "acme/2", 1)
	assert.ErrorIs(t, err, evidence.ErrNotFound)
	_, err = store.Head(context.Background(), "acme/none")
	assert.ErrorIs(t, err, evidence.ErrNotFound)
}

func TestRetentionTTLIsStored(t *testing.T) {
	names := freshTables(t)
	table := names[tables.Evidence.EnvVar]
	store := dynamo.NewEvidenceStore(ddb, table)
	store.TTL = dynamo.RetentionTTL(30)
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	app := evidence.NewAppender(store, evidence.WithClock(func() time.Time { return at }))
	_, err := app.Append(context.Background(), draft("acme/9"))
	require.NoError(t, err)
	out, err := ddb.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String(table), Key: map[string]types.AttributeValue{
		"chain": &types.AttributeValueMemberS{Value: "acme/9"}, "seq": &types.AttributeValueMemberN{Value: "0"}}})
	require.NoError(t, err)
	exp, ok := out.Item[tables.Evidence.TTLAttr].(*types.AttributeValueMemberN)
	require.True(t, ok, "expiresAt is set")
	assert.Equal(t, strconv.FormatInt(at.AddDate(0, 0, 30).Unix(), 10), exp.Value)
	// The TTL attribute is not part of the entry: the entry still verifies.
	rep, err := evidence.VerifyRange(context.Background(), store, "acme/9", 0, -1)
	require.NoError(t, err)
	assert.True(t, rep.Valid)
}

// A document digest rewritten in place (one nested attribute) breaks the
// entry's hash like any top-level attribute.
func TestTamperedDocumentDigestIsNamed(t *testing.T) {
	names := freshTables(t)
	table := names[tables.Evidence.EnvVar]
	store := dynamo.NewEvidenceStore(ddb, table)
	app := evidence.NewAppender(store)
	for i := 0; i < 3; i++ {
		d := draft("acme/1")
		d.Documents = []evidence.DocumentRef{{ID: "mail-" + strconv.Itoa(i), SHA256: strings.Repeat("a", 64), Source: "email"}}
		_, err := app.Append(context.Background(), d)
		require.NoError(t, err)
	}
	rep, err := evidence.VerifyRange(context.Background(), store, "acme/1", 0, -1)
	require.NoError(t, err)
	require.True(t, rep.Valid, "%+v", rep.FirstBad)

	_, err = ddb.UpdateItem(context.Background(), &dynamodb.UpdateItemInput{
		TableName: aws.String(table),
		Key: map[string]types.AttributeValue{
			"chain": &types.AttributeValueMemberS{Value: "acme/1"},
			"seq":   &types.AttributeValueMemberN{Value: "1"},
		},
		UpdateExpression:          aws.String("SET documents[0].sha256 = :v"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":v": &types.AttributeValueMemberS{Value: strings.Repeat("b", 64)}},
	})
	require.NoError(t, err)
	rep, err = evidence.VerifyRange(context.Background(), store, "acme/1", 0, -1)
	require.NoError(t, err)
	assert.False(t, rep.Valid)
	require.NotNil(t, rep.FirstBad)
	assert.Equal(t, int64(1), rep.FirstBad.Seq)
	assert.Equal(t, evidence.ReasonBadHash, rep.FirstBad.Reason)
}
