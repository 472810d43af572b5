package archive_test

import (
	"context"
	"encoding/json"
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

// Entries leaving the table are reported per chain, and a delete that is
// not DynamoDB's TTL expiry is told apart from one.
func TestRemovedEntriesBecomePurgeReports(t *testing.T) {
	raw, err := os.ReadFile("../../events/testdata/dynamodb-stream-ttl-remove.json")
	require.NoError(t, err)
	var ev events.DynamoDBEvent
	require.NoError(t, json.Unmarshal(raw, &ev))
	ttl := ev.Records[0]
	rec := func(base events.DynamoDBEventRecord, chain string, seq string, ttlDelete bool) events.DynamoDBEventRecord {
		r := base
		r.Change.Keys = map[string]events.DynamoDBAttributeValue{
			"chain": events.NewStringAttribute(chain), "seq": events.NewNumberAttribute(seq),
		}
		if !ttlDelete {
			r.UserIdentity = nil
		}
		return r
	}
	ev.Records = []events.DynamoDBEventRecord{
		rec(ttl, "acme/3", "7", true), rec(ttl, "acme/3", "5", true), rec(ttl, "acme/3", "6", true),
		rec(ttl, "beta/0", "2", false),
	}
	p := &purges{}
	a := &archive.Archiver{Purges: p}
	resp, err := a.Handle(context.Background(), ev)
	require.NoError(t, err)
	assert.Empty(t, resp.BatchItemFailures)
	assert.Equal(t, []archive.Purge{
		{Chain: "acme/3", From: 5, To: 7, Count: 3, By: "ttl"},
		{Chain: "beta/0", From: 2, To: 2, Count: 1, By: "deleted"},
	}, p.got)
}
