// Package adversary runs adversarial tests against a tenant's gate and
// records them in the registers (registers.AdversarialRun). It is apart from
// shared/registers because it needs the gate and the registers do not: the
// functions that read the registers without testing a gate (the packager,
// through the controls) do not link the gate (docs/decisions/232).
package adversary

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/registers"
)

// Appender appends an evidence entry (evidence.Appender).
type Appender interface {
	Append(ctx context.Context, draft evidence.Entry) (evidence.Entry, error)
}

// Adversary runs adversarial tests against the tenant's gate as the API
// applies it (its effective policy) and records each run as evidence: the
// gate's embedded corpus as the regression suite, the tenant's own corpus,
// and imported promptfoo and garak reports of tests run against the
// deployed endpoint.
type Adversary struct {
	Service *registers.Service
	// GateFor returns the tenant's gate as the API builds it (its stored
	// policy, or the default). nil: every tenant has the default policy.
	GateFor func(ctx context.Context, tenant string) (*gate.Gate, error)
	// Corpus is the regression suite, loaded on its first run (or set by
	// tests): the API serves validate from a cold start that must not pay
	// for it.
	Corpus *gate.Corpus
	// Appender picks the tenant's chain shard (the draft names no chain).
	Appender Appender

	once     sync.Once
	fixtures *gate.Policy
	loadErr  error
}

// New returns the adversarial-test runner. The regression corpus is loaded
// on its first run, not at cold start.
func New(s *registers.Service, app Appender) (*Adversary, error) {
	return &Adversary{Service: s, Appender: app}, nil
}

func (a *Adversary) load() error {
	a.once.Do(func() {
		var err error
		if a.fixtures, err = gate.CorpusPolicy(); err != nil {
			a.loadErr = fmt.Errorf("adversary: %w", err)
			return
		}
		if a.Corpus == nil {
			if a.Corpus, err = gate.LoadCorpus(); err != nil {
				a.loadErr = fmt.Errorf("adversary: %w", err)
			}
		}
	})
	return a.loadErr
}

func (a *Adversary) gateFor(ctx context.Context, tenant string) (*gate.Gate, error) {
	if a.GateFor != nil {
		g, err := a.GateFor(ctx, tenant)
		if err != nil {
			return nil, fmt.Errorf("gate of %s: %w", tenant, err)
		}
		return g, nil
	}
	return gate.New(gate.DefaultPolicy())
}

// Run runs the regression suite (the gate's embedded corpus) under the
// tenant's effective policy. The corpus's output cases assume a few
// allowlisted hosts and a canary; those fixtures are added to the tenant's
// policy for the run, and nothing else of it changes. The run is recorded
// as the regression suite: CC4.1 never counts it as independent testing.
func (a *Adversary) Run(ctx context.Context, tenant, principal string) (registers.AdversarialRun, gate.Report, error) {
	if err := a.load(); err != nil {
		return registers.AdversarialRun{}, gate.Report{}, err
	}
	tg, err := a.gateFor(ctx, tenant)
	if err != nil {
		return registers.AdversarialRun{}, gate.Report{}, err
	}
	p := tg.Policy()
	p.Allowlist.Hosts = append(slices.Clone(p.Allowlist.Hosts), a.fixtures.Allowlist.Hosts...)
	p.Canaries = append(slices.Clone(p.Canaries), a.fixtures.Canaries...)
	g, err := gate.New(&p)
	if err != nil {
		return registers.AdversarialRun{}, gate.Report{}, fmt.Errorf("adversary: %w", err)
	}
	rep := gate.Evaluate(g, a.Corpus)
	run, err := a.record(ctx, tenant, principal, rep, registers.AdversarialRun{
		Source: registers.SourceRegression, Label: registers.RegressionLabel, PolicyHash: tg.PolicyHash(),
	}, nil)
	return run, rep, err
}

// RunCorpus evaluates the tenant's own corpus (the gate corpus format,
// gate.ParseCorpus) with the tenant's effective policy, unchanged.
func (a *Adversary) RunCorpus(ctx context.Context, tenant, principal, name string, c *gate.Corpus) (registers.AdversarialRun, gate.Report, error) {
	g, err := a.gateFor(ctx, tenant)
	if err != nil {
		return registers.AdversarialRun{}, gate.Report{}, err
	}
	rep := gate.Evaluate(g, c)
	label := "tenant corpus"
	if name != "" {
		label += " " + name
	}
	run, err := a.record(ctx, tenant, principal, rep, registers.AdversarialRun{
		Source: registers.SourceCorpus, Independent: true, Label: label, PolicyHash: g.PolicyHash(),
	}, nil)
	return run, rep, err
}

// Import records an external red-team report (format promptfoo or garak)
// of tests run against the deployed endpoint. The evidence entry carries
// the SHA-256 of the uploaded file, so the file kept by the tenant can be
// matched to the run.
func (a *Adversary) Import(ctx context.Context, tenant, principal, format string, body []byte) (registers.AdversarialRun, error) {
	var (
		imp registers.ImportedReport
		err error
	)
	switch format {
	case registers.SourcePromptfoo:
		imp, err = registers.ParsePromptfoo(body)
	case registers.SourceGarak:
		imp, err = registers.ParseGarak(body)
	default:
		return registers.AdversarialRun{}, invalidf("format must be promptfoo or garak")
	}
	if err != nil {
		return registers.AdversarialRun{}, err
	}
	now := a.Service.Clock()
	if imp.RanAt.After(now.Add(5 * time.Minute)) {
		return registers.AdversarialRun{}, invalidf("the report says it ran at %s, in the future", imp.RanAt.Format(time.RFC3339))
	}
	g, err := a.gateFor(ctx, tenant)
	if err != nil {
		return registers.AdversarialRun{}, err
	}
	rep := gate.Report{
		Attacks: imp.Attacks, Detected: imp.Defended, DetectionRate: ratio(imp.Defended, imp.Attacks),
		Benign: imp.Benign, FalsePositives: imp.FalsePositives, FalsePositiveRate: ratio(imp.FalsePositives, imp.Benign),
		Missed: imp.Missed,
	}
	label := imp.Tool
	if imp.ToolVersion != "" {
		label += " " + imp.ToolVersion
	}
	run := registers.AdversarialRun{
		Source: imp.Tool, Independent: true, Label: label + " report", ToolVersion: imp.ToolVersion,
		Errors: imp.Errors, PolicyHash: g.PolicyHash(), ImportedAt: &now,
	}
	if !imp.RanAt.IsZero() {
		run.RanAt = imp.RanAt
	}
	return a.record(ctx, tenant, principal, rep, run, body)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// record appends an "adversarial_run" evidence entry carrying the report's
// hash (of raw when given: an uploaded file) and rates, and stores the run
// with the evidence id, so the stored report can be checked against the
// chain.
func (a *Adversary) record(ctx context.Context, tenant, principal string, rep gate.Report, run registers.AdversarialRun, raw []byte) (registers.AdversarialRun, error) {
	if raw == nil {
		var err error
		if raw, err = json.Marshal(rep); err != nil {
			return registers.AdversarialRun{}, fmt.Errorf("adversarial report: %w", err)
		}
	}
	sum := sha256.Sum256(raw)
	now := a.Service.Clock()
	id, err := a.Service.NewID(now)
	if err != nil {
		return registers.AdversarialRun{}, err
	}
	run.ID, run.RanBy = id, principal
	if run.RanAt.IsZero() {
		run.RanAt = now
	}
	run.Attacks, run.Detected, run.DetectionRate = rep.Attacks, rep.Detected, rep.DetectionRate
	run.Benign, run.FalsePositives, run.FalsePositiveRate = rep.Benign, rep.FalsePositives, rep.FalsePositiveRate
	run.Missed, run.FalsePositiveIDs = nonNil(rep.Missed), nonNil(rep.FalsePositiveIDs)
	run.ReportSHA256 = hex.EncodeToString(sum[:])
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
	meta := map[string]string{
		"runId":             run.ID,
		"source":            run.Source,
		"independent":       strconv.FormatBool(run.Independent),
		"reportSha256":      run.ReportSHA256,
		"attacks":           strconv.Itoa(run.Attacks),
		"detectionRate":     f(run.DetectionRate),
		"benign":            strconv.Itoa(run.Benign),
		"falsePositiveRate": f(run.FalsePositiveRate),
	}
	if run.ToolVersion != "" {
		meta["toolVersion"] = run.ToolVersion
	}
	if run.ImportedAt != nil {
		meta["ranAt"] = run.RanAt.UTC().Format(time.RFC3339)
	}
	e, err := a.Appender.Append(ctx, evidence.Entry{
		Kind:       evidence.KindAdvRun,
		Tenant:     tenant,
		Principal:  principal,
		PolicyHash: run.PolicyHash,
		Status:     "completed",
		Meta:       meta,
	})
	if err != nil {
		return registers.AdversarialRun{}, fmt.Errorf("adversarial run evidence: %w", err)
	}
	run.Evidence = e.ID()
	if err := a.Service.Store.PutAdversarialRun(ctx, tenant, run); err != nil {
		return registers.AdversarialRun{}, fmt.Errorf("store adversarial run: %w", err)
	}
	return run, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", registers.ErrInvalid, fmt.Sprintf(format, args...))
}
