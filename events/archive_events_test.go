package events_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The samples the archiver and the checkpointer receive round-trip through
// the aws-lambda-go types unchanged: the fields we rely on are the ones AWS
// sends, in the shape it sends them.
func TestArchiveSamplesRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		file string
		into func() any
	}{
		{"stream insert", "testdata/dynamodb-stream-insert.json", func() any { return &events.DynamoDBEvent{} }},
		{"stream TTL remove", "testdata/dynamodb-stream-ttl-remove.json", func() any { return &events.DynamoDBEvent{} }},
		{"smoke archiver", "testdata/smoke-archiver.json", func() any { return &events.DynamoDBEvent{} }},
		{"checkpointer schedule", "testdata/scheduled-checkpointer.json", func() any { return &events.EventBridgeEvent{} }},
		{"smoke checkpointer", "testdata/smoke-checkpointer.json", func() any { return &events.EventBridgeEvent{} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, err := os.ReadFile(tc.file)
			require.NoError(t, err)
			v := tc.into()
			require.NoError(t, json.Unmarshal(in, v))
			out, err := json.Marshal(v)
			require.NoError(t, err)
			assert.JSONEq(t, string(in), string(out))
		})
	}
}

func TestArchiveSampleFields(t *testing.T) {
	in, err := os.ReadFile("testdata/dynamodb-stream-insert.json")
	require.NoError(t, err)
	var ev events.DynamoDBEvent
	require.NoError(t, json.Unmarshal(in, &ev))
	require.Len(t, ev.Records, 1)
	r := ev.Records[0]
	assert.Equal(t, "INSERT", r.EventName)
	assert.Equal(t, "acme/3", r.Change.Keys["chain"].String())
	assert.Equal(t, "0", r.Change.Keys["seq"].Number())
	assert.Equal(t, "NEW_IMAGE", r.Change.StreamViewType)

	in, err = os.ReadFile("testdata/dynamodb-stream-ttl-remove.json")
	require.NoError(t, err)
	var rm events.DynamoDBEvent
	require.NoError(t, json.Unmarshal(in, &rm))
	require.NotNil(t, rm.Records[0].UserIdentity)
	assert.Equal(t, "dynamodb.amazonaws.com", rm.Records[0].UserIdentity.PrincipalID, "a TTL expiry, which the archiver ignores")
	assert.Nil(t, rm.Records[0].Change.NewImage)

	in, err = os.ReadFile("testdata/scheduled-checkpointer.json")
	require.NoError(t, err)
	var sch events.EventBridgeEvent
	require.NoError(t, json.Unmarshal(in, &sch))
	assert.Equal(t, "Scheduled Event", sch.DetailType)
	assert.False(t, sch.Time.IsZero())
}

func TestArchiveSamplesMalformed(t *testing.T) {
	for _, v := range []any{&events.DynamoDBEvent{}, &events.EventBridgeEvent{}} {
		assert.Error(t, json.Unmarshal([]byte(`{"Records": [`), v))
	}
}
