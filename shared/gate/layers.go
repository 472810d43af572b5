package gate

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// BedrockLayer names an Amazon Bedrock guardrail the API calls behind the
// gate (shared/guardrail, docs/gate.md "Bedrock layer"). The gate itself
// never calls it: it stays free of AWS code; the policy only carries the
// tenant's choice so one document holds all of it and its hash covers it.
type BedrockLayer struct {
	// Guardrail is the guardrail's identifier or ARN, Version its version
	// ("DRAFT" or a number).
	Guardrail string `json:"guardrail"`
	Version   string `json:"version"`
	// Sources are the texts sent: "input", "output", "documents"
	// (default: input and output).
	Sources []string `json:"sources,omitempty"`
	// When is "grey_band" (default: only when a learned-layer score is in
	// Band) or "always".
	When string `json:"when,omitempty"`
	// Band is the grey band [Low, High) of the learned layer's scores
	// (default [0.35, 0.5): below the calibrated operating point 0.5 but not
	// clearly benign; on the benign pool 0.4 % of texts fall in it).
	Band *ScoreBand `json:"band,omitempty"`
	// TimeoutMs is the time budget of the call (default 300).
	TimeoutMs int `json:"timeoutMs,omitempty"`
	// OnFailure says, per category, whether a timeout or error lets the call
	// through ("open") or blocks it ("closed"). Categories are "timeout",
	// "throttled" and "error"; an unset one fails open.
	OnFailure map[string]string `json:"onFailure,omitempty"`
}

// ScoreBand is a half-open score interval [Low, High).
type ScoreBand struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// Defaults of a BedrockLayer.
const (
	LayerWhenGreyBand = "grey_band"
	LayerWhenAlways   = "always"
	DefaultBandLow    = 0.35
	DefaultBandHigh   = 0.5
	DefaultLayerTime  = 300 * time.Millisecond
)

// Failure categories of a layer call and how each fails.
const (
	FailTimeout   = "timeout"
	FailThrottled = "throttled"
	FailError     = "error"
	FailOpen      = "open"
	FailClosed    = "closed"
)

// Timeout is the layer's time budget.
func (b *BedrockLayer) Timeout() time.Duration {
	if b.TimeoutMs <= 0 {
		return DefaultLayerTime
	}
	return time.Duration(b.TimeoutMs) * time.Millisecond
}

// SendsSource reports whether source ("input", "output", "documents") is sent.
func (b *BedrockLayer) SendsSource(source string) bool {
	if len(b.Sources) == 0 {
		return source == "input" || source == "output"
	}
	for _, s := range b.Sources {
		if s == source {
			return true
		}
	}
	return false
}

// FailsClosed reports whether a failure of category (FailTimeout, …) blocks.
func (b *BedrockLayer) FailsClosed(category string) bool {
	return b.OnFailure[category] == FailClosed
}

// Wants reports whether the layer is called for a result with these scores:
// always, or (grey band) when any family's score is in the band. Without
// scores (no learned layer) a grey-band layer is called: there is no cheap
// signal to skip it on.
func (b *BedrockLayer) Wants(s *Scores) bool {
	if b.When == LayerWhenAlways {
		return true
	}
	if s == nil {
		return true
	}
	lo, hi := DefaultBandLow, DefaultBandHigh
	if b.Band != nil {
		lo, hi = b.Band.Low, b.Band.High
	}
	in := func(x float64) bool { return x >= lo && x < hi }
	return in(s.Injection) || in(s.Jailbreak) || in(s.Indirect)
}

func (b *BedrockLayer) validate() error {
	if strings.TrimSpace(b.Guardrail) == "" {
		return errors.New("guardrail is required (an identifier or ARN)")
	}
	if len(b.Guardrail) > 2048 {
		return errors.New("guardrail is longer than 2048 bytes")
	}
	if b.Version == "" {
		return errors.New(`version is required ("DRAFT" or a version number)`)
	}
	if b.Version != "DRAFT" && strings.Trim(b.Version, "0123456789") != "" {
		return fmt.Errorf(`version %q is not "DRAFT" or a number`, b.Version)
	}
	for i, s := range b.Sources {
		if s != "input" && s != "output" && s != "documents" {
			return fmt.Errorf("sources[%d]: %q is not one of input, output, documents", i, s)
		}
	}
	switch b.When {
	case "", LayerWhenGreyBand, LayerWhenAlways:
	default:
		return fmt.Errorf("when %q is not one of grey_band, always", b.When)
	}
	if b.Band != nil && !(b.Band.Low >= 0 && b.Band.Low < b.Band.High && b.Band.High <= 1) {
		return fmt.Errorf("band [%v, %v) is not an interval within [0, 1]", b.Band.Low, b.Band.High)
	}
	if b.TimeoutMs < 0 || b.TimeoutMs > 10000 {
		return fmt.Errorf("timeoutMs %d is not in [0, 10000]", b.TimeoutMs)
	}
	for c, v := range b.OnFailure {
		if c != FailTimeout && c != FailThrottled && c != FailError {
			return fmt.Errorf("onFailure: unknown category %q (known: timeout, throttled, error)", c)
		}
		if v != FailOpen && v != FailClosed {
			return fmt.Errorf("onFailure.%s: %q is not open or closed", c, v)
		}
	}
	return nil
}

// Bedrock is the tenant's Bedrock layer (nil: none).
func (g *Gate) Bedrock() *BedrockLayer { return g.policy.Bedrock }
