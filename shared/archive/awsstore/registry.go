package awsstore

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/archive/tiles"
	"github.com/agentgate/agentgate/shared/checkpoint"
)

// DynamoAPI is the part of the DynamoDB client the registry adapter uses.
type DynamoAPI interface {
	GetItem(ctx context.Context, in *dynamodb.GetItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
	PutItem(ctx context.Context, in *dynamodb.PutItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
	UpdateItem(ctx context.Context, in *dynamodb.UpdateItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error)
	Query(ctx context.Context, in *dynamodb.QueryInput, opts ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error)
	TransactWriteItems(ctx context.Context, in *dynamodb.TransactWriteItemsInput, opts ...func(*dynamodb.Options)) (*dynamodb.TransactWriteItemsOutput, error)
}

// Registry keeps archive watermarks, checkpoints and dead letters in the
// Registry single table:
//
//	ARCHIVE#<chain>    / WATERMARK      the chain's archive watermark (gsi1pk ARCHIVE#CHAINS lists chains)
//	CHECKPOINT#<chain> / LATEST         the newest checkpoint
//	CHECKPOINT#<chain> / SIZE#<size>    every checkpoint, by size (each with its C2SP note, if signed since notes)
//	DLQ#archiver       / <time>#<id>    batches the local stream poller gave up on
type Registry struct {
	api   DynamoAPI
	table string
}

var (
	_ archive.Watermarks = (*Registry)(nil)
	_ checkpoint.Store   = (*Registry)(nil)
	_ checkpoint.Chains  = (*Registry)(nil)
)

// NewRegistry returns the adapter over the registry table.
func NewRegistry(api DynamoAPI, table string) *Registry { return &Registry{api: api, table: table} }

// ChainsIndexKey is the gsi1pk under which every archived chain is listed.
const ChainsIndexKey = "ARCHIVE#CHAINS"

func s(v string) types.AttributeValue { return &types.AttributeValueMemberS{Value: v} }
func n(v int64) types.AttributeValue {
	return &types.AttributeValueMemberN{Value: strconv.FormatInt(v, 10)}
}

func key(pk, sk string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"pk": s(pk), "sk": s(sk)}
}

func watermarkKey(chain string) map[string]types.AttributeValue {
	return key("ARCHIVE#"+chain, "WATERMARK")
}

func isCondFailed(err error) bool {
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return true
	}
	var tce *types.TransactionCanceledException
	if errors.As(err, &tce) {
		for _, r := range tce.CancellationReasons {
			if aws.ToString(r.Code) == "ConditionalCheckFailed" {
				return true
			}
		}
	}
	return false
}

func str(item map[string]types.AttributeValue, k string) string {
	if v, ok := item[k].(*types.AttributeValueMemberS); ok {
		return v.Value
	}
	return ""
}

func num(item map[string]types.AttributeValue, k string) (int64, bool, error) {
	v, ok := item[k]
	if !ok {
		return 0, false, nil
	}
	nv, ok := v.(*types.AttributeValueMemberN)
	if !ok {
		return 0, false, fmt.Errorf("attribute %s: want N, got %T", k, v)
	}
	x, err := strconv.ParseInt(nv.Value, 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("attribute %s: %w", k, err)
	}
	return x, true, nil
}

// Get reads a watermark (strongly consistent); LastSeq -1 if none.
func (r *Registry) Get(ctx context.Context, chain string) (archive.Watermark, error) {
	out, err := r.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &r.table, Key: watermarkKey(chain), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return archive.Watermark{}, fmt.Errorf("get watermark %s: %w", chain, err)
	}
	w := archive.Watermark{Chain: chain, LastSeq: -1}
	if len(out.Item) == 0 {
		return w, nil
	}
	last, ok, err := num(out.Item, "lastSeq")
	if err != nil {
		return w, fmt.Errorf("watermark %s: %w", chain, err)
	}
	if ok {
		w.LastSeq = last
	}
	w.LastHash = str(out.Item, "lastHash")
	w.BundleHash = str(out.Item, "bundleHash")
	w.BundleKey = str(out.Item, "bundleKey")
	if t := str(out.Item, "archivedAt"); t != "" {
		w.ArchivedAt, _ = time.Parse(time.RFC3339Nano, t)
	}
	pf, okf, err := num(out.Item, "pendingFirst")
	if err != nil {
		return w, fmt.Errorf("watermark %s: %w", chain, err)
	}
	pl, okl, err := num(out.Item, "pendingLast")
	if err != nil {
		return w, fmt.Errorf("watermark %s: %w", chain, err)
	}
	if okf && okl {
		w.Pending = &archive.Span{First: pf, Last: pl}
	}
	if w.Tiles, err = tileState(out.Item); err != nil {
		return w, fmt.Errorf("watermark %s: %w", chain, err)
	}
	return w, nil
}

// tileState reads treeSize and treeCompact (absent on watermarks of chains
// archived before tiles: size 0).
func tileState(item map[string]types.AttributeValue) (tiles.State, error) {
	var st tiles.State
	size, ok, err := num(item, "treeSize")
	if err != nil || !ok {
		return st, err
	}
	st.Size = size
	if l, ok := item["treeCompact"].(*types.AttributeValueMemberL); ok {
		for _, v := range l.Value {
			b, ok := v.(*types.AttributeValueMemberB)
			if !ok || len(b.Value) != 32 {
				return st, errors.New("treeCompact holds a value that is not a 32-byte hash")
			}
			st.Compact = append(st.Compact, b.Value)
		}
	}
	return st, nil
}

// TreeSize is how many leaves of chain are tiled: what the proof routes
// read tiles up to (tiles.Reader.Tiled). Eventually consistent: a tiled
// size read a moment late only means an older, still existing, tile width.
func (r *Registry) TreeSize(ctx context.Context, chain string) (int64, error) {
	out, err := r.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &r.table, Key: watermarkKey(chain),
		ProjectionExpression: aws.String("treeSize")})
	if err != nil {
		return 0, fmt.Errorf("get watermark %s: %w", chain, err)
	}
	n, _, err := num(out.Item, "treeSize")
	return n, err
}

// Claim marks span pending if the watermark is still at lastSeq with nothing pending.
func (r *Registry) Claim(ctx context.Context, chain string, lastSeq int64, span archive.Span) error {
	cond := "lastSeq = :prev AND attribute_not_exists(pendingLast)"
	if lastSeq < 0 {
		cond = "(attribute_not_exists(lastSeq) OR lastSeq = :prev) AND attribute_not_exists(pendingLast)"
	}
	_, err := r.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: &r.table, Key: watermarkKey(chain),
		UpdateExpression:    aws.String("SET pendingFirst = :f, pendingLast = :l, lastSeq = if_not_exists(lastSeq, :prev), chain = :c, gsi1pk = :g, gsi1sk = :c"),
		ConditionExpression: aws.String(cond),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":f": n(span.First), ":l": n(span.Last), ":prev": n(lastSeq), ":c": s(chain), ":g": s(ChainsIndexKey),
		},
	})
	if isCondFailed(err) {
		return fmt.Errorf("claim %s %d-%d: %w", chain, span.First, span.Last, archive.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("claim %s %d-%d: %w", chain, span.First, span.Last, err)
	}
	return nil
}

// Commit moves the watermark past span and clears it.
func (r *Registry) Commit(ctx context.Context, next archive.Watermark, prevSeq int64, span archive.Span) error {
	_, err := r.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: &r.table, Key: watermarkKey(next.Chain),
		UpdateExpression:    aws.String("SET lastSeq = :n, lastHash = :h, bundleHash = :b, bundleKey = :k, archivedAt = :t, treeSize = :ts, treeCompact = :tc REMOVE pendingFirst, pendingLast"),
		ConditionExpression: aws.String("lastSeq = :prev AND pendingFirst = :f AND pendingLast = :l"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":n": n(next.LastSeq), ":h": s(next.LastHash), ":b": s(next.BundleHash), ":k": s(next.BundleKey),
			":t":  s(next.ArchivedAt.UTC().Format(time.RFC3339Nano)),
			":ts": n(next.Tiles.Size), ":tc": compactList(next.Tiles.Compact),
			":prev": n(prevSeq), ":f": n(span.First), ":l": n(span.Last),
		},
	})
	if isCondFailed(err) {
		return fmt.Errorf("commit %s %d-%d: %w", next.Chain, span.First, span.Last, archive.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("commit %s %d-%d: %w", next.Chain, span.First, span.Last, err)
	}
	return nil
}

func compactList(hs [][]byte) types.AttributeValue {
	l := make([]types.AttributeValue, len(hs))
	for i, h := range hs {
		l[i] = &types.AttributeValueMemberB{Value: h}
	}
	return &types.AttributeValueMemberL{Value: l}
}

// Chains lists every chain the archiver has seen.
func (r *Registry) Chains(ctx context.Context) ([]string, error) {
	var chains []string
	p := dynamodb.NewQueryPaginator(r.api, &dynamodb.QueryInput{
		TableName: &r.table, IndexName: aws.String("gsi1"),
		KeyConditionExpression:    aws.String("gsi1pk = :g"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":g": s(ChainsIndexKey)},
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list archived chains: %w", err)
		}
		for _, it := range page.Items {
			if c := str(it, "gsi1sk"); c != "" {
				chains = append(chains, c)
			}
		}
	}
	return chains, nil
}

func checkpointItem(c checkpoint.Checkpoint, sk string) map[string]types.AttributeValue {
	item := key("CHECKPOINT#"+c.Chain, sk)
	item["origin"] = s(c.Origin)
	item["chain"] = s(c.Chain)
	item["size"] = n(int64(c.Size))
	item["root"] = s(hex.EncodeToString(c.Root))
	item["time"] = s(c.Time.UTC().Format(time.RFC3339Nano))
	item["body"] = s(c.Body)
	item["signature"] = &types.AttributeValueMemberB{Value: c.Signature}
	item["keyId"] = s(c.KeyID)
	item["publicKey"] = s(c.PublicKeyPEM)
	if c.Note != "" { // absent on checkpoints signed before notes
		item["note"] = s(c.Note)
	}
	if c.Cosigned != "" {
		item["cosigned"] = s(c.Cosigned)
	}
	if c.LastHash != "" {
		item["lastHash"] = s(c.LastHash)
	}
	if len(c.Compact) > 0 {
		l := make([]types.AttributeValue, len(c.Compact))
		for i, h := range c.Compact {
			l[i] = &types.AttributeValueMemberB{Value: h}
		}
		item["compact"] = &types.AttributeValueMemberL{Value: l}
	}
	return item
}

func itemToCheckpoint(item map[string]types.AttributeValue) (checkpoint.Checkpoint, error) {
	var c checkpoint.Checkpoint
	size, _, err := num(item, "size")
	if err != nil {
		return c, err
	}
	c.Size = uint64(size)
	c.Origin, c.Chain, c.KeyID = str(item, "origin"), str(item, "chain"), str(item, "keyId")
	c.Body, c.PublicKeyPEM, c.LastHash, c.Note = str(item, "body"), str(item, "publicKey"), str(item, "lastHash"), str(item, "note")
	c.Cosigned = str(item, "cosigned")
	if c.Root, err = hex.DecodeString(str(item, "root")); err != nil {
		return c, fmt.Errorf("checkpoint root: %w", err)
	}
	if c.Time, err = time.Parse(time.RFC3339Nano, str(item, "time")); err != nil {
		return c, fmt.Errorf("checkpoint time: %w", err)
	}
	if b, ok := item["signature"].(*types.AttributeValueMemberB); ok {
		c.Signature = b.Value
	}
	if l, ok := item["compact"].(*types.AttributeValueMemberL); ok {
		for _, v := range l.Value {
			b, ok := v.(*types.AttributeValueMemberB)
			if !ok {
				return c, fmt.Errorf("checkpoint compact range: %T", v)
			}
			c.Compact = append(c.Compact, b.Value)
		}
	}
	return c, nil
}

func (r *Registry) getCheckpoint(ctx context.Context, chain, sk string) (checkpoint.Checkpoint, error) {
	out, err := r.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &r.table, Key: key("CHECKPOINT#"+chain, sk), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return checkpoint.Checkpoint{}, fmt.Errorf("get checkpoint %s %s: %w", chain, sk, err)
	}
	if len(out.Item) == 0 {
		return checkpoint.Checkpoint{}, fmt.Errorf("%w: %s %s", checkpoint.ErrNotFound, chain, sk)
	}
	c, err := itemToCheckpoint(out.Item)
	if err != nil {
		return c, fmt.Errorf("checkpoint %s %s: %w", chain, sk, err)
	}
	return c, nil
}

func sizeSK(size uint64) string { return fmt.Sprintf("SIZE#%020d", size) }

// Latest returns the newest checkpoint of chain.
func (r *Registry) Latest(ctx context.Context, chain string) (checkpoint.Checkpoint, error) {
	return r.getCheckpoint(ctx, chain, "LATEST")
}

// AtSize returns the checkpoint of chain at size.
func (r *Registry) AtSize(ctx context.Context, chain string, size uint64) (checkpoint.Checkpoint, error) {
	return r.getCheckpoint(ctx, chain, sizeSK(size))
}

// Save stores c by size and as the latest, in one transaction conditional on
// the latest still being of prevSize.
func (r *Registry) Save(ctx context.Context, c checkpoint.Checkpoint, prevSize uint64) error {
	hist := checkpointItem(c, sizeSK(c.Size))
	delete(hist, "compact") // only the latest needs the resume state
	cond := "#size = :prev"
	if prevSize == 0 {
		cond = "attribute_not_exists(pk)"
	}
	latest := &types.Put{
		TableName: &r.table, Item: checkpointItem(c, "LATEST"),
		ConditionExpression:      aws.String(cond),
		ExpressionAttributeNames: map[string]string{"#size": "size"},
	}
	if prevSize != 0 {
		latest.ExpressionAttributeValues = map[string]types.AttributeValue{":prev": n(int64(prevSize))}
	} else {
		latest.ExpressionAttributeNames = nil
	}
	_, err := r.api.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: &r.table, Item: hist, ConditionExpression: aws.String("attribute_not_exists(pk)")}},
		{Put: latest},
	}})
	if isCondFailed(err) {
		return fmt.Errorf("save checkpoint %s size %d: %w", c.Chain, c.Size, checkpoint.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("save checkpoint %s size %d: %w", c.Chain, c.Size, err)
	}
	return nil
}

// SaveCosigned sets the witnesses' cosigned note of chain's checkpoint at
// size, on its SIZE# item and, if it is still the latest, on LATEST. The
// note's text is the checkpoint's own (the caller checked it): only
// signatures are added, and never to a checkpoint that does not exist.
func (r *Registry) SaveCosigned(ctx context.Context, chain string, size uint64, cosigned string) error {
	set := func(sk, cond string, vals map[string]types.AttributeValue) error {
		vals[":c"] = s(cosigned)
		_, err := r.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
			TableName: &r.table, Key: key("CHECKPOINT#"+chain, sk),
			UpdateExpression:          aws.String("SET cosigned = :c"),
			ConditionExpression:       aws.String(cond),
			ExpressionAttributeNames:  map[string]string{"#size": "size"},
			ExpressionAttributeValues: vals,
		})
		return err
	}
	if err := set(sizeSK(size), "attribute_exists(pk) AND #size = :s", map[string]types.AttributeValue{":s": n(int64(size))}); err != nil {
		if isCondFailed(err) {
			return fmt.Errorf("save cosigned %s size %d: %w", chain, size, checkpoint.ErrNotFound)
		}
		return fmt.Errorf("save cosigned %s size %d: %w", chain, size, err)
	}
	// A newer checkpoint may have become the latest meanwhile: then the
	// LATEST item is left alone.
	if err := set("LATEST", "#size = :s", map[string]types.AttributeValue{":s": n(int64(size))}); err != nil && !isCondFailed(err) {
		return fmt.Errorf("save cosigned %s latest: %w", chain, err)
	}
	return nil
}

// DeadLetter is a stream batch the local poller gave up on: the same facts
// Lambda's on-failure destination records for a stream batch.
type DeadLetter struct {
	StreamARN     string
	ShardID       string
	StartSequence string
	EndSequence   string
	BatchSize     int
	Attempts      int
	Reason        string
	At            time.Time
}

// RecordDeadLetter stores a dead letter. Nothing is lost by it: the archiver
// works from the watermark, so any later record of the chain (or a sweep)
// archives what the dead batch covered.
func (r *Registry) RecordDeadLetter(ctx context.Context, d DeadLetter) error {
	item := key("DLQ#archiver", d.At.UTC().Format(time.RFC3339Nano)+"#"+d.ShardID+"#"+d.StartSequence)
	item["streamArn"] = s(d.StreamARN)
	item["shardId"] = s(d.ShardID)
	item["startSequence"] = s(d.StartSequence)
	item["endSequence"] = s(d.EndSequence)
	item["batchSize"] = n(int64(d.BatchSize))
	item["attempts"] = n(int64(d.Attempts))
	item["reason"] = s(d.Reason)
	if _, err := r.api.PutItem(ctx, &dynamodb.PutItemInput{TableName: &r.table, Item: item}); err != nil {
		return fmt.Errorf("record dead letter: %w", err)
	}
	return nil
}

// DeadLetters counts the recorded dead letters (the PI1.1 "DLQ empty" check, locally).
func (r *Registry) DeadLetters(ctx context.Context) (int, error) {
	out, err := r.api.Query(ctx, &dynamodb.QueryInput{
		TableName: &r.table, KeyConditionExpression: aws.String("pk = :p"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": s("DLQ#archiver")},
		Select:                    types.SelectCount, ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return 0, fmt.Errorf("count dead letters: %w", err)
	}
	return int(out.Count), nil
}
