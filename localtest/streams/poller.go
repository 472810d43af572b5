// Package streams plays Lambda's DynamoDB Streams event source mapping on
// the local system: it reads DynamoDB Local's stream with the Streams API,
// builds the events.DynamoDBEvent JSON Lambda would deliver, invokes the
// handler through localtest/invoke, honours batch item failures
// (retrying from the first failed record, as Lambda does with
// ReportBatchItemFailures) and, after MaxAttempts, records the batch as a
// dead letter and moves on, as Lambda's on-failure destination does.
package streams

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"

	"github.com/agentgate/agentgate/shared/archive/awsstore"
)

// API is the part of the Streams client the poller uses.
type API interface {
	DescribeStream(ctx context.Context, in *dynamodbstreams.DescribeStreamInput, opts ...func(*dynamodbstreams.Options)) (*dynamodbstreams.DescribeStreamOutput, error)
	GetShardIterator(ctx context.Context, in *dynamodbstreams.GetShardIteratorInput, opts ...func(*dynamodbstreams.Options)) (*dynamodbstreams.GetShardIteratorOutput, error)
	GetRecords(ctx context.Context, in *dynamodbstreams.GetRecordsInput, opts ...func(*dynamodbstreams.Options)) (*dynamodbstreams.GetRecordsOutput, error)
}

// DeadLetters records batches given up on.
type DeadLetters interface {
	RecordDeadLetter(ctx context.Context, d awsstore.DeadLetter) error
}

// Poller delivers one stream to one handler.
type Poller struct {
	API       API
	StreamARN string
	// Invoke calls the handler with the event JSON (localtest/invoke).
	Invoke func(ctx context.Context, payload []byte) ([]byte, error)
	// BatchSize is the most records per invocation (Lambda's BatchSize).
	BatchSize int32
	// MaxAttempts is the invocations of one batch before it is dead-lettered
	// (Lambda's MaximumRetryAttempts + 1).
	MaxAttempts int
	// RetryBase and RetryMax bound the exponential backoff between attempts.
	RetryBase, RetryMax time.Duration
	// Idle is the wait after a round that found no records.
	Idle        time.Duration
	DeadLetters DeadLetters
	Log         *slog.Logger
	Sleep       func(ctx context.Context, d time.Duration) error
}

type shardState struct {
	id       string
	parent   string
	iterator string
	// last is the sequence number of the last record delivered, to resume
	// after a lost or refused iterator without redelivering or skipping.
	last   string
	closed bool
}

func (p *Poller) defaults() {
	if p.BatchSize <= 0 {
		p.BatchSize = 100
	}
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = 10
	}
	if p.RetryBase <= 0 {
		p.RetryBase = 50 * time.Millisecond
	}
	if p.RetryMax <= 0 {
		p.RetryMax = 2 * time.Second
	}
	if p.Idle <= 0 {
		p.Idle = 50 * time.Millisecond
	}
	if p.Log == nil {
		p.Log = slog.New(slog.DiscardHandler)
	}
	if p.Sleep == nil {
		p.Sleep = sleep
	}
}

// StreamARN returns the latest stream of a table.
func StreamARN(ctx context.Context, ddb interface {
	DescribeTable(context.Context, *dynamodb.DescribeTableInput, ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error)
}, table string) (string, error) {
	out, err := ddb.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: &table})
	if err != nil {
		return "", fmt.Errorf("describe %s: %w", table, err)
	}
	if out.Table.LatestStreamArn == nil {
		return "", fmt.Errorf("table %s has no stream", table)
	}
	return *out.Table.LatestStreamArn, nil
}

// Run polls until ctx ends. Errors reading the stream are logged and retried;
// only the context stops it.
func (p *Poller) Run(ctx context.Context) {
	p.defaults()
	shards := map[string]*shardState{}
	var order []string
	lastDescribe := time.Time{}
	for ctx.Err() == nil {
		if time.Since(lastDescribe) > time.Second {
			if err := p.describe(ctx, shards, &order); err != nil && ctx.Err() == nil {
				p.Log.Warn("stream poller: describe stream", "err", err)
			}
			lastDescribe = time.Now()
		}
		got := false
		for _, id := range order {
			s := shards[id]
			if s.closed {
				continue
			}
			// A child shard is read only once its parent is drained, so one
			// chain's records arrive in order, as Lambda guarantees.
			if par, ok := shards[s.parent]; ok && !par.closed {
				continue
			}
			n, err := p.pollShard(ctx, s)
			if err != nil && ctx.Err() == nil {
				p.Log.Warn("stream poller: read shard", "shard", s.id, "err", err)
			}
			got = got || n > 0
		}
		if !got {
			_ = p.Sleep(ctx, p.Idle)
		}
	}
}

func (p *Poller) describe(ctx context.Context, shards map[string]*shardState, order *[]string) error {
	var start *string
	for {
		out, err := p.API.DescribeStream(ctx, &dynamodbstreams.DescribeStreamInput{StreamArn: &p.StreamARN, ExclusiveStartShardId: start})
		if err != nil {
			return err
		}
		for _, sh := range out.StreamDescription.Shards {
			id := aws.ToString(sh.ShardId)
			if _, ok := shards[id]; !ok {
				shards[id] = &shardState{id: id, parent: aws.ToString(sh.ParentShardId)}
				*order = append(*order, id)
			}
		}
		start = out.StreamDescription.LastEvaluatedShardId
		if start == nil {
			return nil
		}
	}
}

// pollShard reads one page of a shard and delivers it.
func (p *Poller) pollShard(ctx context.Context, s *shardState) (int, error) {
	if s.iterator == "" {
		in := &dynamodbstreams.GetShardIteratorInput{StreamArn: &p.StreamARN, ShardId: &s.id, ShardIteratorType: types.ShardIteratorTypeTrimHorizon}
		if s.last != "" {
			in.ShardIteratorType, in.SequenceNumber = types.ShardIteratorTypeAfterSequenceNumber, aws.String(s.last)
		}
		out, err := p.API.GetShardIterator(ctx, in)
		if err != nil {
			return 0, fmt.Errorf("iterator: %w", err)
		}
		s.iterator = aws.ToString(out.ShardIterator)
	}
	out, err := p.API.GetRecords(ctx, &dynamodbstreams.GetRecordsInput{ShardIterator: &s.iterator, Limit: aws.Int32(p.BatchSize)})
	if err != nil {
		// An expired iterator, or DynamoDB Local's TrimmedDataAccessException
		// for an iterator taken while the shard was empty: take a fresh one
		// after the last delivered record.
		var expired *types.ExpiredIteratorException
		var trimmed *types.TrimmedDataAccessException
		if errors.As(err, &expired) || errors.As(err, &trimmed) {
			s.iterator = ""
		}
		return 0, err
	}
	if len(out.Records) > 0 {
		p.deliver(ctx, s.id, out.Records)
		s.last = aws.ToString(out.Records[len(out.Records)-1].Dynamodb.SequenceNumber)
	}
	if out.NextShardIterator == nil {
		s.closed = true
	} else {
		s.iterator = *out.NextShardIterator
	}
	return len(out.Records), nil
}

// deliver invokes the handler until the batch succeeds or is dead-lettered.
// It returns only when the shard may advance past the batch.
func (p *Poller) deliver(ctx context.Context, shard string, records []types.Record) {
	recs := make([]events.DynamoDBEventRecord, 0, len(records))
	for _, r := range records {
		er, err := EventRecord(r, p.StreamARN)
		if err != nil {
			p.Log.Error("stream poller: cannot convert record", "shard", shard, "err", err)
			continue
		}
		recs = append(recs, er)
	}
	var lastErr error
	for attempt := 1; len(recs) > 0; attempt++ {
		if ctx.Err() != nil {
			return
		}
		failedAt, err := p.invoke(ctx, recs)
		if err == nil && failedAt < 0 {
			return
		}
		if err != nil {
			lastErr = err
		} else {
			lastErr = fmt.Errorf("batch item failure at %s", recs[failedAt].Change.SequenceNumber)
			recs = recs[failedAt:] // Lambda checkpoints before the failed record
		}
		if attempt >= p.MaxAttempts {
			p.deadLetter(ctx, shard, recs, attempt, lastErr)
			return
		}
		p.Log.Warn("stream poller: retrying batch", "shard", shard, "attempt", attempt, "records", len(recs), "err", lastErr)
		_ = p.Sleep(ctx, min(p.RetryMax, p.RetryBase<<min(attempt-1, 16)))
	}
}

// invoke runs the handler once; it returns the index of the first failed
// record (-1 for none) or the function error.
func (p *Poller) invoke(ctx context.Context, recs []events.DynamoDBEventRecord) (int, error) {
	payload, err := json.Marshal(events.DynamoDBEvent{Records: recs})
	if err != nil {
		return 0, fmt.Errorf("encode event: %w", err)
	}
	out, err := p.Invoke(ctx, payload)
	if err != nil {
		return 0, fmt.Errorf("function error: %w", err)
	}
	var resp events.DynamoDBEventResponse
	if len(out) > 0 && string(out) != "null" {
		if err := json.Unmarshal(out, &resp); err != nil {
			return 0, fmt.Errorf("function response: %w", err)
		}
	}
	failedAt := -1
	for _, f := range resp.BatchItemFailures {
		idx := -1
		for i, r := range recs {
			if r.Change.SequenceNumber == f.ItemIdentifier {
				idx = i
				break
			}
		}
		if idx < 0 {
			// An identifier that is not in the batch fails the whole batch, as in Lambda.
			return 0, fmt.Errorf("batch item failure names unknown record %q", f.ItemIdentifier)
		}
		if failedAt < 0 || idx < failedAt {
			failedAt = idx
		}
	}
	return failedAt, nil
}

func (p *Poller) deadLetter(ctx context.Context, shard string, recs []events.DynamoDBEventRecord, attempts int, cause error) {
	d := awsstore.DeadLetter{
		StreamARN: p.StreamARN, ShardID: shard, StartSequence: recs[0].Change.SequenceNumber,
		EndSequence: recs[len(recs)-1].Change.SequenceNumber, BatchSize: len(recs), Attempts: attempts,
		Reason: cause.Error(), At: time.Now(),
	}
	p.Log.Error("stream poller: batch dead-lettered", "shard", shard, "start", d.StartSequence, "end", d.EndSequence, "attempts", attempts, "err", cause)
	if p.DeadLetters != nil {
		if err := p.DeadLetters.RecordDeadLetter(ctx, d); err != nil {
			p.Log.Error("stream poller: cannot record dead letter", "err", err)
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
