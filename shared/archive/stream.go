package archive

import (
	"context"
	"log/slog"
	"strconv"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/tables"
)

// Handle is the stream handler. A record only says "chain C reached seq N":
// the archiver then archives C from its watermark up to N, reading the table,
// so a lost or dead-lettered record is made good by any later record of the
// same chain, and a redelivered one finds nothing left to do.
//
// A chain that fails is reported as a batch item failure at its first record
// in the batch; the event source retries from there (and, after its retries,
// sends the batch to the DLQ). The handler never returns an error for a
// failed chain and never panics, so one bad chain cannot block the others.
func (a *Archiver) Handle(ctx context.Context, ev events.DynamoDBEvent) (events.DynamoDBEventResponse, error) {
	type target struct {
		first int // index of the chain's first record in the batch
		upTo  int64
	}
	var order []string
	targets := map[string]*target{}
	removed := map[string]*Purge{}
	var removedOrder []string
	removedFirst := map[string]int{}
	for i, r := range ev.Records {
		if r.EventName == string(events.DynamoDBOperationTypeRemove) {
			// An entry left the table: by TTL at the end of its retention,
			// or deleted by someone. Either way it is reported as evidence.
			chain, seq, ok := recordKey(r)
			if !ok {
				continue
			}
			p, seen := removed[chain]
			if !seen {
				p = &Purge{Chain: chain, From: seq, To: seq, By: remover(r)}
				removed[chain] = p
				removedOrder = append(removedOrder, chain)
				removedFirst[chain] = i
			}
			p.From, p.To, p.Count = min(p.From, seq), max(p.To, seq), p.Count+1
			if remover(r) != p.By {
				p.By = "mixed"
			}
			continue
		}
		if r.EventName != string(events.DynamoDBOperationTypeInsert) && r.EventName != string(events.DynamoDBOperationTypeModify) {
			continue
		}
		chain, seq, ok := recordKey(r)
		if !ok {
			a.log().WarnContext(ctx, "stream record without an evidence key", "eventID", r.EventID)
			continue
		}
		t, seen := targets[chain]
		if !seen {
			t = &target{first: i, upTo: seq}
			targets[chain] = t
			order = append(order, chain)
		}
		t.upTo = max(t.upTo, seq)
	}
	failed := -1
	for _, chain := range order {
		t := targets[chain]
		if err := a.ArchiveTo(ctx, chain, t.upTo); err != nil {
			a.log().ErrorContext(ctx, "archive failed", "chain", chain, "upTo", t.upTo, "err", err)
			if failed < 0 || t.first < failed {
				failed = t.first
			}
		}
	}
	if a.Purges != nil {
		for _, chain := range removedOrder {
			if err := a.Purges.RecordPurge(ctx, *removed[chain]); err != nil {
				a.log().ErrorContext(ctx, "purge report failed", "chain", chain, "err", err)
				if first := removedFirst[chain]; failed < 0 || first < failed {
					failed = first
				}
			}
		}
	}
	var resp events.DynamoDBEventResponse
	if failed >= 0 {
		// Streams resume from the lowest reported sequence number, so one
		// item (the earliest record of any failed chain) says it all.
		resp.BatchItemFailures = []events.DynamoDBBatchItemFailure{{ItemIdentifier: ev.Records[failed].Change.SequenceNumber}}
	}
	return resp, nil
}

func recordKey(r events.DynamoDBEventRecord) (string, int64, bool) {
	c, ok := r.Change.Keys[tables.Evidence.PK.Name]
	if !ok || c.DataType() != events.DataTypeString {
		return "", 0, false
	}
	s, ok := r.Change.Keys[tables.Evidence.SK.Name]
	if !ok || s.DataType() != events.DataTypeNumber {
		return "", 0, false
	}
	seq, err := strconv.ParseInt(s.Number(), 10, 64)
	if err != nil || seq < 0 {
		return "", 0, false
	}
	if _, _, err := evidence.ParseChainID(c.String()); err != nil {
		return "", 0, false
	}
	return c.String(), seq, true
}

func (a *Archiver) log() *slog.Logger {
	if a.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return a.Log
}

// Purge is what one stream batch removed from one chain.
type Purge struct {
	Chain    string
	From, To int64
	Count    int
	// By is "ttl" (DynamoDB expired the entries), "deleted" (anyone else:
	// evidence was removed before its retention ended) or "mixed".
	By string
}

// PurgeRecorder records a purge report as evidence.
type PurgeRecorder interface {
	RecordPurge(ctx context.Context, p Purge) error
}

// remover tells a TTL expiry (done by the DynamoDB service principal) from
// any other delete.
func remover(r events.DynamoDBEventRecord) string {
	if r.UserIdentity != nil && r.UserIdentity.Type == "Service" && r.UserIdentity.PrincipalID == "dynamodb.amazonaws.com" {
		return "ttl"
	}
	return "deleted"
}
