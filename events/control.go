// Package events holds the project's own event payloads (what agentgate
// publishes) and, in testdata/, samples of every AWS event a function
// receives. Each payload round-trips through JSON unchanged.
package events

import "time"

// ControlStatusChangedType is the Type of a ControlStatusChanged message,
// also sent as the SNS message attribute "type" so subscribers can filter.
const ControlStatusChangedType = "agentgate.control.status_changed"

// ControlStatusChanged is the SNS alert published when a control's status
// changes (and only then): one message per change.
type ControlStatusChanged struct {
	Type    string `json:"type"`
	Version int    `json:"version"`
	Tenant  string `json:"tenant"`
	Control string `json:"control"`
	Name    string `json:"name"`
	// From is "" when the control had no status before (first run).
	From   string    `json:"from"`
	To     string    `json:"to"`
	Detail string    `json:"detail,omitempty"`
	At     time.Time `json:"at"`
}

// Subject is the SNS subject line (at most 100 characters by SNS rules).
func (e ControlStatusChanged) Subject() string {
	from := e.From
	if from == "" {
		from = "unknown"
	}
	s := "agentgate " + e.Tenant + ": " + e.Control + " " + from + " -> " + e.To
	if len(s) > 100 {
		s = s[:100]
	}
	return s
}
