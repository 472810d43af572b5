// Package conformance holds the scenarios every agentgate client (Go,
// TypeScript, Python) must pass, and the scripted fake server they run
// against. The scenarios are data (scenarios.json) so each language's own test
// runner reads the same list; the server is Go so all three talk to one
// implementation of the contract.
package conformance

import (
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed scenarios.json
var scenariosJSON []byte

// File is scenarios.json.
type File struct {
	APIKey string `json:"apiKey"`
	// ClockStart is where every runner's injected clock starts (RFC 3339).
	ClockStart string     `json:"clockStart"`
	Defaults   Config     `json:"defaults"`
	Scenarios  []Scenario `json:"scenarios"`
}

// Config is a client configuration in language-neutral terms. Retries nil
// means the client's default (2); 0 means none, whatever the language's own
// spelling of "none" is.
type Config struct {
	FailureMode     string   `json:"failureMode"`
	Spool           *bool    `json:"spool"`
	APIKey          string   `json:"apiKey"`
	Retries         *int     `json:"retries"`
	TimeoutMs       int      `json:"timeoutMs"`
	Backoff         *Backoff `json:"backoff"`
	Breaker         *Breaker `json:"breaker"`
	ReplayBatchSize int      `json:"replayBatchSize"`
}

type Backoff struct {
	BaseMs int `json:"baseMs"`
	MaxMs  int `json:"maxMs"`
}

type Breaker struct {
	Threshold int `json:"threshold"`
	OpenForMs int `json:"openForMs"`
}

// Scenario is one client life: a config and the steps it goes through.
type Scenario struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Config      Config `json:"config"`
	Steps       []Step `json:"steps"`
}

// Step is one thing the runner does: "validate" a request, "advance" the
// client's injected clock, or "replay" the spool. Server and ReplayServer are
// queued on the fake server before the step; Expect lists observed values
// the runner must see afterwards (see README.md).
type Step struct {
	Op           string         `json:"op"`
	Request      Request        `json:"request"`
	Ms           int            `json:"ms"`
	Server       []Response     `json:"server"`
	ReplayServer []Response     `json:"replayServer"`
	Expect       map[string]any `json:"expect"`
}

type Request struct {
	Input          string            `json:"input"`
	Output         string            `json:"output,omitempty"`
	Documents      []Document        `json:"documents,omitempty"`
	Context        map[string]string `json:"context"`
	IdempotencyKey string            `json:"idempotencyKey,omitempty"`
}

type Document struct {
	ID     string `json:"id"`
	Source string `json:"source,omitempty"`
	Text   string `json:"text"`
}

// Response is one scripted answer. With no field set the server answers as
// the contract says (a verdict, or a replay acknowledgement).
type Response struct {
	Status     int    `json:"status,omitempty"`
	Code       string `json:"code,omitempty"`
	RetryAfter string `json:"retryAfter,omitempty"`
	HTML       bool   `json:"html,omitempty"`
	Garbage    bool   `json:"garbage,omitempty"`
	Hangup     bool   `json:"hangup,omitempty"`
	DelayMs    int    `json:"delayMs,omitempty"`
	Miscount   bool   `json:"miscount,omitempty"`
	// Body, when set, is sent as is with Status (default 200) as JSON.
	Body json.RawMessage `json:"body,omitempty"`
}

// Load parses the embedded scenarios and fills each config's gaps from the
// defaults.
func Load() (File, error) {
	var f File
	if err := json.Unmarshal(scenariosJSON, &f); err != nil {
		return File{}, fmt.Errorf("parse scenarios.json: %w", err)
	}
	seen := map[string]bool{}
	for i := range f.Scenarios {
		s := &f.Scenarios[i]
		if s.Name == "" || seen[s.Name] {
			return File{}, fmt.Errorf("scenario %d: name %q empty or repeated", i, s.Name)
		}
		seen[s.Name] = true
		s.Config = s.Config.withDefaults(f.Defaults, f.APIKey)
		for j, st := range s.Steps {
			switch st.Op {
			case "validate", "advance", "replay":
			default:
				return File{}, fmt.Errorf("scenario %s step %d: unknown op %q", s.Name, j, st.Op)
			}
		}
	}
	return f, nil
}

func (c Config) withDefaults(d Config, key string) Config {
	if c.FailureMode == "" {
		c.FailureMode = d.FailureMode
	}
	if c.Spool == nil {
		c.Spool = d.Spool
	}
	if c.APIKey == "" {
		c.APIKey = key
	}
	if c.Retries == nil {
		c.Retries = d.Retries
	}
	if c.TimeoutMs == 0 {
		c.TimeoutMs = d.TimeoutMs
	}
	if c.Backoff == nil {
		c.Backoff = d.Backoff
	}
	if c.Breaker == nil {
		c.Breaker = d.Breaker
	}
	if c.ReplayBatchSize == 0 {
		c.ReplayBatchSize = d.ReplayBatchSize
	}
	return c
}
