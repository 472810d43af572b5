package gate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"sort"
	"strings"

	"github.com/gowebpki/jcs"
)

// Action is what a policy does with a finding of a category or rule.
type Action string

const (
	ActionBlock  Action = "block"
	ActionRedact Action = "redact"
	// ActionFlag reports the finding but lets the call through unchanged.
	ActionFlag Action = "flag"
	// ActionOff disables the detector: nothing is reported.
	ActionOff Action = "off"
)

// Categories known to the gate.
const (
	CatInjection    = "prompt_injection"
	CatPII          = "pii"
	CatSecret       = "secret"
	CatExfiltration = "exfiltration"
	CatActive       = "active_content"
	CatLeakage      = "leakage"
	CatObfuscation  = "obfuscation"
)

var severities = map[string]int{"low": 1, "medium": 2, "high": 3, "critical": 4}

// CategoryPolicy sets the action and, optionally, a severity that replaces
// the rules' own severities for the whole category.
type CategoryPolicy struct {
	Action   Action `json:"action"`
	Severity string `json:"severity,omitempty"`
}

// RulePolicy overrides the category setting for one rule id. Empty fields
// inherit from the category.
type RulePolicy struct {
	Action   Action `json:"action,omitempty"`
	Severity string `json:"severity,omitempty"`
}

// Allowlist exempts known-good values from detection.
type Allowlist struct {
	// Hosts may be the targets of markdown images and links in outputs. A
	// leading "*." allows every subdomain.
	Hosts []string `json:"hosts,omitempty"`
	// Emails and EmailDomains are not reported as personal data (for example
	// the tenant's own support address).
	Emails       []string `json:"emails,omitempty"`
	EmailDomains []string `json:"emailDomains,omitempty"`
	// Values are exact strings never reported by any detector.
	Values []string `json:"values,omitempty"`
}

// Policy is a tenant's gate configuration. It is plain JSON so tenants can
// keep it in version control; ParsePolicy validates it.
type Policy struct {
	Categories map[string]CategoryPolicy `json:"categories"`
	Rules      map[string]RulePolicy     `json:"rules,omitempty"`
	Allowlist  Allowlist                 `json:"allowlist"`
	// Canaries are secret strings planted in the tenant's system prompt. One
	// appearing in a model output means the system prompt leaked.
	Canaries []string `json:"canaries,omitempty"`
	// Model tunes the learned layer; nil keeps its calibrated defaults.
	Model *ModelPolicy `json:"model,omitempty"`
	// Bedrock, when set, adds an Amazon Bedrock guardrail behind the gate
	// (layers.go); the API calls it, the gate does not.
	Bedrock *BedrockLayer `json:"bedrock,omitempty"`
}

// ModelPolicy configures the learned layer (docs/gate.md, "Learned layer").
// Its findings are rules prompt_injection.model, jailbreak.model and
// indirect_injection.model: actions and severities are set under "rules"
// or the prompt_injection category like any other rule's.
type ModelPolicy struct {
	Thresholds ModelThresholds `json:"thresholds"`
}

// ModelThresholds are the scores in (0, 1] at or above which a head's
// score is a finding. An unset head keeps the threshold calibrated with the
// model (false positives at most ~1 % on benign data).
type ModelThresholds struct {
	Injection *float64 `json:"injection,omitempty"`
	Jailbreak *float64 `json:"jailbreak,omitempty"`
	Indirect  *float64 `json:"indirect,omitempty"`
}

// byHead lists the thresholds in the order of the model's heads.
func (t ModelThresholds) byHead() [3]*float64 {
	return [3]*float64{t.Injection, t.Jailbreak, t.Indirect}
}

// DefaultPolicy is the safe default: injection, secrets and exfiltration
// block, personal data is redacted, obfuscation is reported only (zero-width
// joiners and bidi marks are legitimate in emoji and right-to-left text).
func DefaultPolicy() *Policy {
	return &Policy{
		Categories: map[string]CategoryPolicy{
			CatInjection:    {Action: ActionBlock},
			CatPII:          {Action: ActionRedact},
			CatSecret:       {Action: ActionBlock},
			CatExfiltration: {Action: ActionBlock},
			CatActive:       {Action: ActionBlock},
			CatLeakage:      {Action: ActionBlock},
			CatObfuscation:  {Action: ActionFlag},
		},
	}
}

// minCanaryLen keeps canaries long enough that ordinary prose cannot contain
// one by accident.
const minCanaryLen = 8

// ParsePolicy reads a policy file. Categories missing from the file keep
// their default action, so a tenant file only states what it changes.
func ParsePolicy(b []byte) (*Policy, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, errors.New("parse policy: empty document")
	}
	var p Policy
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("parse policy: %w", err)
	}
	if dec.More() {
		return nil, errors.New("parse policy: trailing data after the policy object")
	}
	def := DefaultPolicy()
	if p.Categories == nil {
		p.Categories = map[string]CategoryPolicy{}
	}
	for c, cp := range def.Categories {
		if _, ok := p.Categories[c]; !ok {
			p.Categories[c] = cp
		}
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("parse policy: %w", err)
	}
	return &p, nil
}

// Validate reports the first problem in the policy.
func (p *Policy) Validate() error {
	if p == nil {
		return errors.New("policy is nil")
	}
	for c, cp := range p.Categories {
		if !knownCategory(c) {
			return fmt.Errorf("categories: unknown category %q (known: %s)", c, strings.Join(categoryNames(), ", "))
		}
		if err := checkAction(cp.Action, false); err != nil {
			return fmt.Errorf("categories.%s: %w", c, err)
		}
		if err := checkSeverity(cp.Severity); err != nil {
			return fmt.Errorf("categories.%s: %w", c, err)
		}
	}
	for r, rp := range p.Rules {
		if _, ok := ruleInfo[r]; !ok {
			return fmt.Errorf("rules: unknown rule %q", r)
		}
		if err := checkAction(rp.Action, true); err != nil {
			return fmt.Errorf("rules.%s: %w", r, err)
		}
		if err := checkSeverity(rp.Severity); err != nil {
			return fmt.Errorf("rules.%s: %w", r, err)
		}
	}
	for i, h := range p.Allowlist.Hosts {
		hh := strings.TrimPrefix(h, "*.")
		if hh == "" || strings.ContainsAny(hh, "/:@ ?#*") || strings.Trim(hh, ".") != hh {
			if ip := net.ParseIP(hh); ip == nil {
				return fmt.Errorf("allowlist.hosts[%d]: %q is not a host name (write it without scheme, port or path)", i, h)
			}
		}
	}
	for i, e := range p.Allowlist.Emails {
		if strings.Count(e, "@") != 1 {
			return fmt.Errorf("allowlist.emails[%d]: %q is not an e-mail address", i, e)
		}
	}
	for i, d := range p.Allowlist.EmailDomains {
		if d == "" || strings.ContainsAny(d, "@/ ") {
			return fmt.Errorf("allowlist.emailDomains[%d]: %q is not a domain", i, d)
		}
	}
	for i, v := range p.Allowlist.Values {
		if v == "" {
			return fmt.Errorf("allowlist.values[%d]: empty value", i)
		}
	}
	if p.Model != nil {
		for h, t := range p.Model.Thresholds.byHead() {
			if t != nil && !(*t > 0 && *t <= 1) {
				return fmt.Errorf("model.thresholds.%s: %v is not in (0, 1]", modelHeads[h], *t)
			}
		}
	}
	if p.Bedrock != nil {
		if err := p.Bedrock.validate(); err != nil {
			return fmt.Errorf("bedrock: %w", err)
		}
	}
	for i, c := range p.Canaries {
		if len(c) < minCanaryLen {
			return fmt.Errorf("canaries[%d]: %d bytes, need at least %d so ordinary text cannot match", i, len(c), minCanaryLen)
		}
	}
	return nil
}

func checkAction(a Action, emptyOK bool) error {
	switch a {
	case ActionBlock, ActionRedact, ActionFlag, ActionOff:
		return nil
	case "":
		if emptyOK {
			return nil
		}
		return errors.New("action is required (block, redact, flag or off)")
	}
	return fmt.Errorf("action %q is not one of block, redact, flag, off", a)
}

func checkSeverity(s string) error {
	if s == "" {
		return nil
	}
	if _, ok := severities[s]; !ok {
		return fmt.Errorf("severity %q is not one of low, medium, high, critical", s)
	}
	return nil
}

func knownCategory(c string) bool {
	_, ok := DefaultPolicy().Categories[c]
	return ok
}

func categoryNames() []string {
	var out []string
	for c := range DefaultPolicy().Categories {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// hash is sha256 over the RFC 8785 canonical form of the policy followed by
// the rule-set version and the learned model's hash, so equal policies hash
// equally whatever their key order or whitespace, and a rules or model
// change alters every hash.
func (p *Policy) hash(modelHash string) (string, error) {
	cp := *p
	cp.Allowlist.Hosts = sortedCopy(p.Allowlist.Hosts)
	cp.Allowlist.Emails = sortedCopy(p.Allowlist.Emails)
	cp.Allowlist.EmailDomains = sortedCopy(p.Allowlist.EmailDomains)
	cp.Allowlist.Values = sortedCopy(p.Allowlist.Values)
	cp.Canaries = sortedCopy(p.Canaries)
	raw, err := json.Marshal(cp)
	if err != nil {
		return "", fmt.Errorf("encode policy: %w", err)
	}
	canon, err := jcs.Transform(raw)
	if err != nil {
		return "", fmt.Errorf("canonicalise policy: %w", err)
	}
	h := sha256.New()
	h.Write([]byte("agentgate/policy/v1\n"))
	h.Write(canon)
	h.Write([]byte("\n" + RuleSetVersion))
	h.Write([]byte("\nmodel " + modelHash))
	return hex.EncodeToString(h.Sum(nil)), nil
}

func sortedCopy(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
