package controls

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/agentgate/agentgate/shared/evidence"
)

// Usage is what the evidence of a tenant has shown so far: which model
// versions and providers were used and when first, whether every call was
// decided by the gate, and how far each chain was verified. The scanner
// keeps it incrementally, so a run reads only the entries appended since the
// previous one, however long the chains grow.
type Usage struct {
	Chains    map[string]ChainMark `json:"chains"`
	Models    map[string]Use       `json:"models"`
	Providers map[string]Use       `json:"providers"`
	// Unevaluated counts call entries recorded without a gate decision.
	Unevaluated      int64  `json:"unevaluated"`
	FirstUnevaluated string `json:"firstUnevaluated,omitempty"`
	// Deletions counts entries removed from the table by something other
	// than retention (reported by the archiver as purge entries "deleted").
	Deletions     int64  `json:"deletions,omitempty"`
	FirstDeletion string `json:"firstDeletion,omitempty"`
	// Tamper is what tamper reports (entries rewritten, or deleted by
	// anyone but retention) have shown; PI1.1 fails on any.
	Tamper TamperUse `json:"tamper,omitzero"`

	// Gate holds CC6.6's daily counts ("2006-01-02" UTC -> counts), kept
	// for GateDays days; Hashes the first and last call decided by each
	// policy hash; Configs when the scan first saw each effective policy
	// hash of the tenant (a rule-set, model or policy change takes effect
	// then, within one schedule tick).
	Gate    map[string]*GateDay  `json:"gate,omitempty"`
	Hashes  map[string]Use       `json:"hashes,omitempty"`
	Configs map[string]time.Time `json:"configs,omitempty"`
	// PolicyChanged is the latest policy_change entry's time and new hash.
	PolicyChanged     time.Time `json:"policyChanged,omitzero"`
	PolicyChangedHash string    `json:"policyChangedHash,omitempty"`
	// ScannedAt is when the scan that produced these counts ran: the
	// console's "as of". Zero in usage stored before it was recorded.
	ScannedAt time.Time `json:"scannedAt,omitzero"`

	// Policy is the tenant's effective gate policy at this scan (not
	// stored); PolicyErr is set when it could not be read.
	Policy    *EffectivePolicy `json:"-"`
	PolicyErr error            `json:"-"`
}

// GateDays is how many days of CC6.6 counts a Usage keeps.
const GateDays = 35

// GateDay counts one day's calls for CC6.6.
type GateDay struct {
	// Calls are validate and replay entries; Decided the validate entries
	// with a decision and a policy hash.
	Calls   int64 `json:"calls"`
	Decided int64 `json:"decided"`
	// FailOpen and FailClosed are replayed calls: recorded by a client
	// while the API was unreachable, let through (or blocked) unchecked.
	FailOpen   int64 `json:"failOpen,omitempty"`
	FailClosed int64 `json:"failClosed,omitempty"`
	// ReplayLagMax is the longest delay between a replayed call and its
	// recording, in seconds.
	ReplayLagMax int64 `json:"replayLagMax,omitempty"`
	// Hashes counts the decided calls per policy hash.
	Hashes map[string]int64 `json:"hashes,omitempty"`
	// Flagged counts the decided calls with an output the gate redacted or
	// blocked: the outputs PI1.4's human review samples.
	Flagged int64 `json:"flagged,omitempty"`
	// LayerFailOpen counts the decided calls a layer behind the gate (a
	// Bedrock guardrail) should have checked but that went through when it
	// failed; LayerTimeouts those of them that failed on their time budget.
	LayerFailOpen int64 `json:"layerFailOpen,omitempty"`
	LayerTimeouts int64 `json:"layerTimeouts,omitempty"`
	// Allow, Redact and Block split Decided by decision (days counted
	// before these were kept have Decided above their sum).
	Allow  int64 `json:"allow,omitempty"`
	Redact int64 `json:"redact,omitempty"`
	Block  int64 `json:"block,omitempty"`
	// BlockedRules counts the blocked calls naming each rule id, and
	// BlockedCategories those per category (the rule id's prefix, as in
	// "pii" of "pii.email"): a blocked call counts once per rule and once
	// per category. MaxDayKeys bounds each map: the whole Usage is one
	// DynamoDB item (400 KB), and the catalog has some 75 rule ids.
	BlockedRules      map[string]int64 `json:"blockedRules,omitempty"`
	BlockedCategories map[string]int64 `json:"blockedCategories,omitempty"`
}

// MaxDayKeys bounds the rule and category maps of a GateDay: the first
// MaxDayKeys-1 ids seen in a day keep their own count, later ones are
// counted under OtherKey (no blocked call is lost). 36 days of full maps
// are 78 KB of JSON with 45-character ids (TestUsageGateDaysFitOneItem).
const (
	MaxDayKeys = 20
	OtherKey   = "(other)"
)

// countKey adds one to m[k], or to m[OtherKey] once m is full.
func countKey(m map[string]int64, k string) {
	if _, ok := m[k]; !ok && len(m) >= MaxDayKeys-1 {
		k = OtherKey
	}
	m[k]++
}

// RuleCategory is the category a rule id belongs to: its prefix before the
// first dot.
func RuleCategory(rule string) string {
	if i := strings.IndexByte(rule, '.'); i > 0 {
		return rule[:i]
	}
	return rule
}

// EffectivePolicy is what CC6.6 needs to know of a tenant's gate as the API
// would build it now.
type EffectivePolicy struct {
	// Hash is the PolicyHash the API's gate records for the tenant: it
	// covers the policy, the rule-set version and the learned model's hash,
	// so an entry with another hash after this one took effect was decided
	// by an outdated configuration.
	Hash           string
	RuleSetVersion string
	// CategoriesOff and RulesOff are detectors the policy turns off;
	// InjectionNotBlocked is set when prompt injection is only flagged.
	CategoriesOff       []string
	RulesOff            []string
	InjectionNotBlocked bool
}

// GatePolicies reads a tenant's effective gate policy.
type GatePolicies interface {
	Effective(ctx context.Context, tenant string) (EffectivePolicy, error)
}

// ChainMark is how far a chain was verified.
type ChainMark struct {
	Seq  int64  `json:"seq"` // last verified seq, -1 before any
	Hash string `json:"hash,omitempty"`
	// PolicyHash decided the chain's latest call.
	PolicyHash string        `json:"policyHash,omitempty"`
	Bad        *evidence.Bad `json:"bad,omitempty"`
	// Backlog is how many entries the last scan left for the next one.
	Backlog int64 `json:"backlog,omitempty"`
}

// Use records the first and last time something was seen in evidence.
type Use struct {
	First   time.Time `json:"first"`
	FirstID string    `json:"firstId"`
	Last    time.Time `json:"last"`
	// Provider is the provider named with a model version's first use.
	Provider string `json:"provider,omitempty"`
}

// UsageStore keeps a tenant's Usage between runs.
type UsageStore interface {
	// LoadUsage returns the stored usage, or a zero Usage for a new tenant.
	LoadUsage(ctx context.Context, tenant string) (Usage, error)
	SaveUsage(ctx context.Context, tenant string, u Usage) error
}

// Entries is the part of the evidence store the scan reads.
type Entries interface {
	Head(ctx context.Context, chain string) (evidence.Entry, error)
	Get(ctx context.Context, chain string, seq int64) (evidence.Entry, error)
	Range(ctx context.Context, chain string, from, to int64, fn func(*evidence.Entry) error) error
}

// Scanner updates a tenant's Usage from the entries appended since the last
// scan, verifying each chain as it goes.
type Scanner struct {
	Entries Entries
	Store   UsageStore
	Shards  int
	// MaxPerRun bounds the entries one scan reads per chain; the rest is
	// the next run's backlog (reported by PI1.1 if it keeps growing).
	MaxPerRun int64
	// Policies and Now let the scan note when each effective policy hash
	// was first seen (CC6.6); nil Policies leaves CC6.6 in error.
	Policies GatePolicies
	Now      func() time.Time
}

var errStopScan = errors.New("stop scan")

// Scan reads the new entries of the tenant's chains and stores the updated
// usage.
func (s *Scanner) Scan(ctx context.Context, tenant string) (*Usage, error) {
	u, err := s.Store.LoadUsage(ctx, tenant)
	if err != nil {
		return nil, fmt.Errorf("load usage of %s: %w", tenant, err)
	}
	if u.Chains == nil {
		u.Chains = map[string]ChainMark{}
	}
	if u.Models == nil {
		u.Models = map[string]Use{}
	}
	if u.Providers == nil {
		u.Providers = map[string]Use{}
	}
	limit := s.MaxPerRun
	if limit <= 0 {
		limit = 50000
	}
	for shard := 0; shard < max1(s.Shards); shard++ {
		chain := evidence.ChainID(tenant, shard)
		if err := s.scanChain(ctx, &u, chain, limit); err != nil {
			return nil, err
		}
	}
	u.pruneGate()
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	u.ScannedAt = now().UTC()
	if s.Policies == nil {
		u.PolicyErr = ErrNotConfigured
	} else if p, err := s.Policies.Effective(ctx, tenant); err != nil {
		u.PolicyErr = fmt.Errorf("effective policy of %s: %w", tenant, err)
	} else {
		u.Policy = &p
		if u.Configs == nil {
			u.Configs = map[string]time.Time{}
		}
		if _, seen := u.Configs[p.Hash]; !seen {
			u.Configs[p.Hash] = u.ScannedAt
		}
		pruneConfigs(u.Configs, p.Hash)
	}
	if err := s.Store.SaveUsage(ctx, tenant, u); err != nil {
		return nil, fmt.Errorf("save usage of %s: %w", tenant, err)
	}
	return &u, nil
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

func (s *Scanner) scanChain(ctx context.Context, u *Usage, chain string, limit int64) error {
	mark, known := u.Chains[chain]
	if !known {
		mark = ChainMark{Seq: -1}
	}
	if mark.Bad != nil {
		return nil // a broken chain stays reported; re-verification is an operator's act
	}
	head, err := s.Entries.Head(ctx, chain)
	if errors.Is(err, evidence.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("head of %s: %w", chain, err)
	}
	if head.Seq <= mark.Seq {
		mark.Backlog = 0
		u.Chains[chain] = mark
		return nil
	}
	from := mark.Seq + 1
	to := min(head.Seq, from+limit-1)
	// A chain scanned for the first time may have lost its oldest entries
	// to retention: the verifier starts at the first entry that exists and
	// trusts its link, instead of calling the expired prefix a gap.
	var v *evidence.Verifier
	if mark.Seq >= 0 {
		v = evidence.NewVerifier(chain, from, mark.Hash)
	}
	err = s.Entries.Range(ctx, chain, from, to, func(e *evidence.Entry) error {
		if v == nil {
			v = evidence.NewVerifier(chain, e.Seq, "")
		}
		if !v.Add(e) {
			return errStopScan
		}
		u.observe(e)
		if e.Kind == evidence.KindValidate && e.PolicyHash != "" {
			mark.PolicyHash = e.PolicyHash
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStopScan) {
		return fmt.Errorf("scan %s from %d: %w", chain, from, err)
	}
	if v != nil {
		rep := v.Report()
		if rep.FirstBad == nil && rep.LastSeq < to {
			// The range ended early: entries below the head are missing.
			rep.FirstBad = &evidence.Bad{Seq: rep.LastSeq + 1, Reason: "gap"}
		}
		if rep.FirstBad != nil {
			mark.Bad = rep.FirstBad
		}
		if rep.LastSeq >= 0 {
			mark.Seq, mark.Hash = rep.LastSeq, rep.LastHash
		}
	}
	mark.Backlog = head.Seq - max(mark.Seq, to)
	u.Chains[chain] = mark
	return nil
}

// observe records what one entry shows. Replayed calls (recorded by a
// fail-open client while the API was unreachable) count as uses of their
// model version too, but were never gate-decided by design.
func (u *Usage) observe(e *evidence.Entry) {
	if e.Kind == evidence.KindPolicyChange {
		if ts, err := time.Parse(evidence.TimeFormat, e.TS); err == nil && ts.After(u.PolicyChanged) {
			u.PolicyChanged, u.PolicyChangedHash = ts, e.PolicyHash
		}
		return
	}
	if e.Kind == evidence.KindTamper {
		u.Tamper.observe(e)
		return
	}
	if e.Kind == evidence.KindPurge && e.Status != "ttl" {
		n, _ := strconv.ParseInt(e.Meta["count"], 10, 64)
		if u.Deletions == 0 {
			u.FirstDeletion = e.ID()
		}
		u.Deletions += max(n, 1)
		return
	}
	if e.Kind != evidence.KindValidate && e.Kind != evidence.KindReplay {
		return
	}
	ts, err := time.Parse(evidence.TimeFormat, e.TS)
	if err != nil {
		ts, _ = time.Parse(time.RFC3339Nano, e.TS)
	}
	if e.ModelVersion != "" {
		use := u.Models[e.ModelVersion]
		use.see(ts, e.ID())
		if use.Provider == "" {
			use.Provider = strings.ToLower(e.ModelProvider)
		}
		u.Models[e.ModelVersion] = use
	}
	if e.ModelProvider != "" {
		p := strings.ToLower(e.ModelProvider)
		use := u.Providers[p]
		use.see(ts, e.ID())
		u.Providers[p] = use
	}
	if e.Kind == evidence.KindValidate && (e.Decision == "" || e.PolicyHash == "") {
		if u.Unevaluated == 0 {
			u.FirstUnevaluated = e.ID()
		}
		u.Unevaluated++
	}
	u.countGate(e, ts)
}

// countGate adds one call to its day's CC6.6 counts.
func (u *Usage) countGate(e *evidence.Entry, ts time.Time) {
	if ts.IsZero() {
		return
	}
	if u.Gate == nil {
		u.Gate = map[string]*GateDay{}
	}
	key := ts.UTC().Format(dayLayout)
	d := u.Gate[key]
	if d == nil {
		d = &GateDay{}
		u.Gate[key] = d
	}
	d.Calls++
	switch {
	case e.Kind == evidence.KindValidate && e.Decision != "" && e.PolicyHash != "":
		d.Decided++
		if d.Hashes == nil {
			d.Hashes = map[string]int64{}
		}
		d.Hashes[e.PolicyHash]++
		switch e.Decision {
		case "allow":
			d.Allow++
		case "redact":
			d.Redact++
		case "block":
			d.Block++
			d.countBlocked(e.Rules)
		}
		if e.OutputSHA256 != "" && (e.Decision == "redact" || e.Decision == "block") {
			d.Flagged++
		}
		if e.Meta[evidence.LayerKey("bedrock", "outcome")] == "fail_open" {
			d.LayerFailOpen++
			if e.Meta[evidence.LayerKey("bedrock", "reason")] == "timeout" {
				d.LayerTimeouts++
			}
		}
		if u.Hashes == nil {
			u.Hashes = map[string]Use{}
		}
		h := u.Hashes[e.PolicyHash]
		h.see(ts, e.ID())
		u.Hashes[e.PolicyHash] = h
	case e.Kind == evidence.KindReplay:
		if e.Status == "fail_closed" {
			d.FailClosed++
		} else {
			d.FailOpen++
		}
		if at, err := time.Parse(time.RFC3339Nano, e.Meta["clientTs"]); err == nil {
			d.ReplayLagMax = max(d.ReplayLagMax, int64(ts.Sub(at).Seconds()))
		}
	}
}

// countBlocked counts one blocked call once per distinct rule and once per
// distinct category it names.
func (d *GateDay) countBlocked(rules []string) {
	if len(rules) == 0 {
		return
	}
	if d.BlockedRules == nil {
		d.BlockedRules = map[string]int64{}
	}
	if d.BlockedCategories == nil {
		d.BlockedCategories = map[string]int64{}
	}
	seen := make(map[string]bool, 2*len(rules))
	for _, r := range rules {
		if r == "" || seen[r] {
			continue
		}
		seen[r] = true
		countKey(d.BlockedRules, r)
		c := "category:" + RuleCategory(r)
		if seen[c] {
			continue
		}
		seen[c] = true
		countKey(d.BlockedCategories, RuleCategory(r))
	}
}

const dayLayout = "2006-01-02"

// pruneGate drops the daily counts older than GateDays before the newest.
func (u *Usage) pruneGate() {
	var newest string
	for k := range u.Gate {
		newest = max(newest, k)
	}
	if newest == "" {
		return
	}
	t, _ := time.Parse(dayLayout, newest)
	cut := t.AddDate(0, 0, -GateDays).Format(dayLayout)
	for k := range u.Gate {
		if k < cut {
			delete(u.Gate, k)
		}
	}
	for h, use := range u.Hashes {
		if use.Last.Format(dayLayout) < cut {
			delete(u.Hashes, h)
		}
	}
}

// pruneConfigs keeps the current hash and the newest few others.
func pruneConfigs(c map[string]time.Time, current string) {
	const keep = 16
	for len(c) > keep {
		oldest, at := "", time.Time{}
		for h, t := range c {
			if h != current && (oldest == "" || t.Before(at)) {
				oldest, at = h, t
			}
		}
		delete(c, oldest)
	}
}

func (use *Use) see(ts time.Time, id string) {
	if use.First.IsZero() || ts.Before(use.First) {
		use.First, use.FirstID = ts, id
	}
	if ts.After(use.Last) {
		use.Last = ts
	}
}
