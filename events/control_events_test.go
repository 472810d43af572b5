package events_test

import (
	"encoding/json"
	"os"
	"testing"

	lambdaevents "github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/events"
)

func TestControlStatusChangedRoundTrip(t *testing.T) {
	b, err := os.ReadFile("testdata/control-status-changed.json")
	require.NoError(t, err)
	var e events.ControlStatusChanged
	require.NoError(t, json.Unmarshal(b, &e))
	assert.Equal(t, "CC9.2", e.Control)
	assert.Equal(t, "OpenAI vendor review due in 14 days", e.Detail)
	assert.Equal(t, "agentgate acme: CC9.2 passing -> warning", e.Subject())
	out, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(out))

	var bad events.ControlStatusChanged
	assert.Error(t, json.Unmarshal([]byte(`{"control":`), &bad))
	assert.Error(t, json.Unmarshal([]byte(`{"at":"yesterday"}`), &bad))
}

func TestScheduledControlsEventRoundTrip(t *testing.T) {
	b, err := os.ReadFile("testdata/scheduled-controls.json")
	require.NoError(t, err)
	var e lambdaevents.EventBridgeEvent
	require.NoError(t, json.Unmarshal(b, &e))
	assert.Equal(t, "Scheduled Event", e.DetailType)
	assert.Equal(t, "2026-03-29T08:45:00Z", e.Time.UTC().Format("2006-01-02T15:04:05Z"))
	out, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(out))

	assert.Error(t, json.Unmarshal([]byte(`{"time":`), &e))
}

func TestSubjectIsBounded(t *testing.T) {
	long := events.ControlStatusChanged{Tenant: string(make([]byte, 200)), Control: "CC6.1", To: "failing"}
	assert.LessOrEqual(t, len(long.Subject()), 100)
	assert.Contains(t, events.ControlStatusChanged{Tenant: "t", Control: "CC6.1", To: "error"}.Subject(), "unknown -> error")
}
