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
	tampered := map[string]*Tamper{}
	var tamperOrder []string
	tamperFirst := map[string]int{}
	for i, r := range ev.Records {
		switch r.EventName {
		case string(events.DynamoDBOperationTypeInsert):
		case string(events.DynamoDBOperationTypeModify), string(events.DynamoDBOperationTypeRemove):
			chain, seq, ok := recordKey(r)
			if !ok {
				a.log().WarnContext(ctx, "stream record without an evidence key", "eventID", r.EventID, "event", r.EventName)
				continue
			}
			if r.EventName == string(events.DynamoDBOperationTypeRemove) && remover(r) == "ttl" {
				// Retention ended: a purge report, not a tamper event.
				p, seen := removed[chain]
				if !seen {
					p = &Purge{Chain: chain, From: seq, To: seq, By: "ttl"}
					removed[chain] = p
					removedOrder = append(removedOrder, chain)
					removedFirst[chain] = i
				}
				p.From, p.To, p.Count = min(p.From, seq), max(p.To, seq), p.Count+1
				continue
			}
			// No writer of evidence updates or deletes an item: whoever
			// did is rewriting the record (docs/decisions/110).
			change := TamperDeleted
			if r.EventName == string(events.DynamoDBOperationTypeModify) {
				change = TamperModified
			}
			k := chain + "\x00" + change
			t, seen := tampered[k]
			if !seen {
				t = &Tamper{Chain: chain, Change: change, By: principal(r), StreamSeq: r.Change.SequenceNumber}
				tampered[k] = t
				tamperOrder = append(tamperOrder, k)
				tamperFirst[k] = i
			}
			t.add(seq, newImageHash(r))
			continue
		default:
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
	fail := func(first int) {
		if failed < 0 || first < failed {
			failed = first
		}
	}
	// Tamper reports first: they must not wait behind a chain whose archive
	// fails (a rewritten, unarchived entry makes its chain fail to verify).
	for _, k := range tamperOrder {
		t := tampered[k]
		a.log().ErrorContext(ctx, "evidence tampered", "chain", t.Chain, "change", t.Change, "seqs", t.Seqs, "by", t.By)
		if a.Tampers == nil {
			continue
		}
		if err := a.Tampers.RecordTamper(ctx, *t); err != nil {
			a.log().ErrorContext(ctx, "tamper report failed", "chain", t.Chain, "err", err)
			fail(tamperFirst[k])
		}
	}
	for _, chain := range order {
		t := targets[chain]
		if err := a.ArchiveTo(ctx, chain, t.upTo); err != nil {
			a.log().ErrorContext(ctx, "archive failed", "chain", chain, "upTo", t.upTo, "err", err)
			fail(t.first)
		}
	}
	if a.Purges != nil {
		for _, chain := range removedOrder {
			if err := a.Purges.RecordPurge(ctx, *removed[chain]); err != nil {
				a.log().ErrorContext(ctx, "purge report failed", "chain", chain, "err", err)
				fail(removedFirst[chain])
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

// Purge is what one stream batch's TTL expiries removed from one chain.
type Purge struct {
	Chain    string
	From, To int64
	Count    int
	// By is "ttl": DynamoDB expired the entries at the end of their
	// retention. (Reports written before decision 110 may say "deleted" or
	// "mixed"; any other removal is now a Tamper.)
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

func principal(r events.DynamoDBEventRecord) string {
	if r.UserIdentity == nil {
		return ""
	}
	return r.UserIdentity.Type + ":" + r.UserIdentity.PrincipalID
}

// newImageHash is the hash attribute a MODIFY left in the table ("" for a
// REMOVE).
func newImageHash(r events.DynamoDBEventRecord) string {
	if h, ok := r.Change.NewImage["hash"]; ok && h.DataType() == events.DataTypeString {
		return h.String()
	}
	return ""
}
