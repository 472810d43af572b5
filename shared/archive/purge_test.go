package archive_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/archive"
)

type purges struct{ got []archive.Purge }

func (p *purges) RecordPurge(_ context.Context, pg archive.Purge) error {
	p.got = append(p.got, pg)
	return nil
}

type tampers struct {
	got  []archive.Tamper
	fail bool
}

func (p *tampers) RecordTamper(_ context.Context, t archive.Tamper) error {
	if p.fail {
		return errors.New("registry down")
	}
	p.got = append(p.got, t)
	return nil
}

func streamRecords(t *testing.T) (ttl, insert events.DynamoDBEventRecord) {
	t.Helper()
	var ev events.DynamoDBEvent
	raw, err := os.ReadFile("../../events/testdata/dynamodb-stream-ttl-remove.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &ev))
	ttl = ev.Records[0]
	raw, err = os.ReadFile("../../events/testdata/dynamodb-stream-insert.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &ev))
	return ttl, ev.Records[0]
}

// rec derives a record from base with chain/seq keys; ttlDelete false drops
// the TTL service identity (anyone's own delete or update).
func rec(base events.DynamoDBEventRecord, name events.DynamoDBOperationType, chain, seq, sn string, ttlDelete bool) events.DynamoDBEventRecord {
	r := base
	r.EventName = string(name)
	r.Change.Keys = map[string]events.DynamoDBAttributeValue{
		"chain": events.NewStringAttribute(chain), "seq": events.NewNumberAttribute(seq),
	}
	r.Change.SequenceNumber = sn
	if !ttlDelete {
		r.UserIdentity = nil
	}
	if name == events.DynamoDBOperationTypeModify {
		r.Change.NewImage = map[string]events.DynamoDBAttributeValue{
			"chain": events.NewStringAttribute(chain), "seq": events.NewNumberAttribute(seq),
			"decision": events.NewStringAttribute("allow"), "hash": events.NewStringAttribute("f0rged"),
		}
	}
	return r
}

// Entries leaving the table by TTL are purge reports per chain; every
// MODIFY, and every REMOVE not done by the TTL process, is a tamper report.
func TestStreamSortsPurgesFromTampering(t *testing.T) {
	ttl, _ := streamRecords(t)
	remove, modify := events.DynamoDBOperationTypeRemove, events.DynamoDBOperationTypeModify
	cases := []struct {
		name    string
		records []events.DynamoDBEventRecord
		purges  []archive.Purge
		tampers []archive.Tamper
	}{
		{
			name: "ttl expiries are one purge report per chain",
			records: []events.DynamoDBEventRecord{
				rec(ttl, remove, "acme/3", "7", "1", true), rec(ttl, remove, "acme/3", "5", "2", true), rec(ttl, remove, "acme/3", "6", "3", true),
			},
			purges: []archive.Purge{{Chain: "acme/3", From: 5, To: 7, Count: 3, By: "ttl"}},
		},
		{
			name:    "a delete by anyone else is tampering, not a purge",
			records: []events.DynamoDBEventRecord{rec(ttl, remove, "beta/0", "2", "10", false)},
			tampers: []archive.Tamper{{Chain: "beta/0", Change: archive.TamperDeleted, Seqs: []int64{2}, Count: 1, StreamSeq: "10"}},
		},
		{
			name:    "a delete claiming to be a service but not DynamoDB is tampering",
			records: []events.DynamoDBEventRecord{withIdentity(rec(ttl, remove, "beta/0", "4", "11", true), "Service", "lambda.amazonaws.com")},
			tampers: []archive.Tamper{{Chain: "beta/0", Change: archive.TamperDeleted, Seqs: []int64{4}, Count: 1, By: "Service:lambda.amazonaws.com", StreamSeq: "11"}},
		},
		{
			name: "rewrites are tampering, grouped per chain, the first new hash kept",
			records: []events.DynamoDBEventRecord{
				rec(ttl, modify, "acme/0", "9", "20", false), rec(ttl, modify, "acme/0", "3", "21", false),
				rec(ttl, modify, "acme/0", "9", "22", false), rec(ttl, modify, "acme/1", "1", "23", false),
			},
			tampers: []archive.Tamper{
				{Chain: "acme/0", Change: archive.TamperModified, Seqs: []int64{3, 9}, Count: 2, StoredHash: "f0rged", StreamSeq: "20"},
				{Chain: "acme/1", Change: archive.TamperModified, Seqs: []int64{1}, Count: 1, StoredHash: "f0rged", StreamSeq: "23"},
			},
		},
		{
			name: "mixed batch: each kind reported apart",
			records: []events.DynamoDBEventRecord{
				rec(ttl, remove, "acme/0", "1", "30", true), rec(ttl, remove, "acme/0", "2", "31", false), rec(ttl, modify, "acme/0", "3", "32", false),
			},
			purges: []archive.Purge{{Chain: "acme/0", From: 1, To: 1, Count: 1, By: "ttl"}},
			tampers: []archive.Tamper{
				{Chain: "acme/0", Change: archive.TamperDeleted, Seqs: []int64{2}, Count: 1, StreamSeq: "31"},
				{Chain: "acme/0", Change: archive.TamperModified, Seqs: []int64{3}, Count: 1, StoredHash: "f0rged", StreamSeq: "32"},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, tp := &purges{}, &tampers{}
			a := &archive.Archiver{Purges: p, Tampers: tp}
			resp, err := a.Handle(context.Background(), events.DynamoDBEvent{Records: tc.records})
			require.NoError(t, err)
			assert.Empty(t, resp.BatchItemFailures)
			assert.Equal(t, tc.purges, p.got)
			assert.Equal(t, tc.tampers, tp.got)
		})
	}
}

func withIdentity(r events.DynamoDBEventRecord, typ, principal string) events.DynamoDBEventRecord {
	r.UserIdentity = &events.DynamoDBUserIdentity{Type: typ, PrincipalID: principal}
	return r
}

// A tamper report that cannot be recorded is retried by the event source
// from its first record: it is never dropped.
func TestTamperReportFailureIsABatchItemFailure(t *testing.T) {
	ttl, _ := streamRecords(t)
	a := &archive.Archiver{Purges: &purges{}, Tampers: &tampers{fail: true}}
	resp, err := a.Handle(context.Background(), events.DynamoDBEvent{Records: []events.DynamoDBEventRecord{
		rec(ttl, events.DynamoDBOperationTypeRemove, "acme/0", "1", "40", true),
		rec(ttl, events.DynamoDBOperationTypeModify, "acme/0", "3", "41", false),
	}})
	require.NoError(t, err)
	assert.Equal(t, []events.DynamoDBBatchItemFailure{{ItemIdentifier: "41"}}, resp.BatchItemFailures)
}

func TestTamperMetaRoundTrips(t *testing.T) {
	tp := archive.Tamper{Chain: "acme/0", Change: archive.TamperModified, Seqs: []int64{3, 9, 12}, Count: 3, StoredHash: "ab"}
	m := tp.Meta()
	assert.Equal(t, map[string]string{"chain": "acme/0", "change": "modified", "count": "3", "seqs": "3,9,12", "storedHash": "ab"}, m)
	seqs, err := archive.ParseSeqs(m["seqs"])
	require.NoError(t, err)
	assert.Equal(t, tp.Seqs, seqs)
	_, err = archive.ParseSeqs("3,x")
	assert.Error(t, err)
	empty, err := archive.ParseSeqs("")
	require.NoError(t, err)
	assert.Empty(t, empty)
}
