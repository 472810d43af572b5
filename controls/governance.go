package controls

import (
	"context"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/agentgate/agentgate/shared/registers"
)

// The checks over the governance registers: bias and fairness testing
// (PI1.3), incident-response drills (CC7.4), upstream model SLAs and
// fallbacks (A1.1), training-data governance (C1.1) and human review of
// flagged outputs (PI1.4). Thresholds are Thresholds fields; the defaults
// are in docs/controls.md.

// inUse lists the keys of uses seen within th.InUse of in.Now, sorted.
func inUse(uses map[string]Use, in Input, th Thresholds) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(uses)) {
		if in.Now.Sub(uses[k].Last) <= th.InUse {
			out = append(out, k)
		}
	}
	return out
}

// BiasCheck (PI1.3): every model version in use has a passing bias or
// fairness test, and its latest test passed and is under a quarter old.
func BiasCheck(reg Registers, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "PI1.3", Name: "bias and fairness register",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if reg == nil {
				return nil, ErrNotConfigured
			}
			if in.Usage == nil {
				return nil, usageErr(in)
			}
			runs, err := reg.BiasRuns(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("bias runs: %w", err)
			}
			byVersion := map[string][]registers.BiasRun{}
			for _, r := range runs {
				byVersion[r.ModelVersion] = append(byVersion[r.ModelVersion], r)
			}
			var out []Finding
			for _, v := range inUse(in.Usage.Models, in, th) {
				rs := byVersion[v]
				// Latest by test date, then by recording.
				slices.SortStableFunc(rs, func(a, b registers.BiasRun) int {
					if c := strings.Compare(b.Date, a.Date); c != 0 {
						return c
					}
					return b.RecordedAt.Compare(a.RecordedAt)
				})
				var lastPass *registers.BiasRun
				for i := range rs {
					if rs[i].Passed {
						lastPass = &rs[i]
						break
					}
				}
				switch {
				case lastPass == nil:
					out = append(out, failf("model version %s is in use with no passing bias or fairness test", v))
					continue
				case !rs[0].Passed:
					r := rs[0]
					out = append(out, failf("latest bias test of model version %s failed: %s %s over %s (threshold %s %s, %s)", v, r.Metric,
						num(r.Result), strings.Join(r.Groups, ", "), r.Comparison, num(r.Threshold), r.Date))
					continue
				}
				d, err := registers.ParseDate(lastPass.Date)
				if err != nil {
					out = append(out, failf("bias test of model version %s has no valid date", v))
					continue
				}
				if age := in.Now.Sub(d); age > th.BiasEvery {
					out = append(out, warnf("bias test of model version %s is %d days old (every %d days)", v, days(age), days(th.BiasEvery)))
				}
			}
			return out, nil
		}}
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', 4, 64) }

// IncidentCheck (CC7.4, CC7.5): a runbook for model-service outages exists
// and was drilled in the last 12 months (next drill due within 30 days:
// warning).
func IncidentCheck(reg Registers, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "CC7.4", Name: "incident-response runbooks",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if reg == nil {
				return nil, ErrNotConfigured
			}
			books, err := reg.Runbooks(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("runbooks: %w", err)
			}
			var outage []registers.Runbook
			for _, b := range books {
				if b.Scope == registers.RunbookModelOutage {
					outage = append(outage, b)
				}
			}
			if len(outage) == 0 {
				return []Finding{failf("no incident-response runbook for model-service outages on record")}, nil
			}
			var last string
			var name string
			for _, b := range outage {
				if b.LastDrill > last {
					last, name = b.LastDrill, b.Name
				}
			}
			if last == "" {
				return []Finding{failf("the model-outage runbook %s has never been drilled", outage[0].Name)}, nil
			}
			d, err := registers.ParseDate(last)
			if err != nil {
				return []Finding{failf("the model-outage runbook %s has no valid drill date", name)}, nil
			}
			switch left := registers.DaysUntil(d.Add(th.DrillEvery), in.Now); {
			case left < 0:
				return []Finding{failf("last model-outage drill (%s) was %s, more than %d days ago", name, last, days(th.DrillEvery))}, nil
			case left <= days(th.DrillDueSoon):
				return []Finding{warnf("model-outage drill %s (last %s)", dueIn(left), last)}, nil
			}
			return nil, nil
		}}
}

var slaPercent = regexp.MustCompile(`([0-9]{1,3}(?:\.[0-9]+)?)\s*%`)

// FallbackCheck (A1.1): every provider seen in evidence recently is
// covered by a vendor with an SLA and a documented fallback; an SLA below
// MinSLA warns.
func FallbackCheck(reg Registers, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "A1.1", Name: "upstream SLA and fallback",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if reg == nil {
				return nil, ErrNotConfigured
			}
			if in.Usage == nil {
				return nil, usageErr(in)
			}
			vendors, err := reg.Vendors(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("vendor register: %w", err)
			}
			byProvider := map[string]registers.Vendor{}
			for _, v := range vendors {
				for _, p := range v.Providers {
					byProvider[strings.ToLower(p)] = v
				}
			}
			var out []Finding
			for _, p := range inUse(in.Usage.Providers, in, th) {
				v, ok := byProvider[p]
				if !ok {
					out = append(out, failf("model provider %s is used with no SLA or fallback on record (not in the vendor register)", p))
					continue
				}
				if v.SLA == "" {
					out = append(out, failf("%s (provider %s) has no SLA on record", v.Name, p))
				} else if m := slaPercent.FindStringSubmatch(v.SLA); m != nil {
					if pct, err := strconv.ParseFloat(m[1], 64); err == nil && pct < th.MinSLA {
						downtime := (100 - pct) / 100 * 30 * 24
						out = append(out, warnf("%s SLA %s%% allows up to %.1f h of downtime a month (below %s%%)", v.Name, m[1], downtime, num(th.MinSLA)))
					}
				}
				if v.Fallback == "" {
					out = append(out, failf("%s (provider %s) has no documented fallback", v.Name, p))
				}
			}
			return out, nil
		}}
}

// TrainingDataCheck (C1.1, P3.1): every fine-tuned model version in the
// model register has a dataset record naming it; datasets keep tenants'
// data apart; consent bases are re-reviewed every year (older: warning).
func TrainingDataCheck(reg Registers, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "C1.1", Name: "training-data register",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if reg == nil {
				return nil, ErrNotConfigured
			}
			models, err := reg.Models(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("model register: %w", err)
			}
			datasets, err := reg.Datasets(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("datasets: %w", err)
			}
			covered := map[string]bool{}
			var out []Finding
			for _, d := range datasets {
				for _, v := range d.ModelVersions {
					covered[v] = true
				}
				if !d.TenantIsolation {
					out = append(out, failf("dataset %s is not isolated to this tenant (other tenants' data may train its models)", d.Name))
				}
				if r, err := registers.ParseDate(d.ReviewedAt); err != nil || in.Now.Sub(r) > th.DatasetReview {
					out = append(out, warnf("dataset %s: consent basis (%s) last reviewed %s, more than %d days ago", d.Name, d.ConsentBasis, d.ReviewedAt, days(th.DatasetReview)))
				}
			}
			for _, m := range models {
				if m.FineTuned && m.Status != registers.ModelRolledBack && !covered[m.Version] {
					out = append(out, failf("fine-tuned model version %s has no training dataset on record", m.Version))
				}
			}
			return out, nil
		}}
}

// OutputReviewCheck (PI1.4): flagged outputs (redacted or blocked) are
// sampled for human review at the tenant's chosen rate. Over the counted
// days (GateDays back, up to ReviewGrace ago: the latest week is not due
// yet) the reviews recorded for those days must reach rate x flagged.
func OutputReviewCheck(reg Registers, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "PI1.4", Name: "output review register",
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if reg == nil {
				return nil, ErrNotConfigured
			}
			if in.Usage == nil {
				return nil, usageErr(in)
			}
			reviews, err := reg.OutputReviews(ctx, in.Tenant)
			if err != nil {
				return nil, fmt.Errorf("output reviews: %w", err)
			}
			from := in.Now.AddDate(0, 0, -GateDays).UTC().Format(dayLayout)
			to := in.Now.Add(-th.ReviewGrace).UTC().Format(dayLayout)
			var flagged int64
			for day, d := range in.Usage.Gate {
				if day >= from && day < to {
					flagged += d.Flagged
				}
			}
			if flagged == 0 {
				return nil, nil
			}
			if len(reviews) == 0 {
				return []Finding{failf("%d flagged outputs from %s to %s and no output review on record (choose a sampling rate and record reviews)", flagged, from, to)}, nil
			}
			latest := reviews[0]
			for _, r := range reviews {
				if r.RecordedAt.After(latest.RecordedAt) {
					latest = r
				}
			}
			var reviewed int64
			for _, r := range reviews {
				if r.To >= from && r.From < to {
					reviewed += int64(r.Reviewed)
				}
			}
			need := int64(math.Ceil(latest.SampleRate * float64(flagged)))
			pct := func(x float64) string { return strconv.FormatFloat(100*x, 'f', -1, 64) + "%" }
			if reviewed < need {
				return []Finding{failf("%d of %d flagged outputs from %s to %s were reviewed; the chosen rate of %s needs %d", reviewed, flagged, from, to, pct(latest.SampleRate), need)}, nil
			}
			last := latest.To
			for _, r := range reviews {
				last = max(last, r.To)
			}
			if d, err := registers.ParseDate(last); err == nil && in.Now.Sub(d) > th.ReviewBehind {
				return []Finding{warnf("the latest output review covers flagged outputs up to %s, %d days ago", last, days(in.Now.Sub(d)))}, nil
			}
			return nil, nil
		}}
}
