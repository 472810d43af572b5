package controls

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// Vulnerability is one open finding of the account's vulnerability scanner.
type Vulnerability struct {
	ID, Title              string
	Resource, ResourceType string
	Score                  float64 // CVSS (Inspector score)
	FirstObserved          time.Time
}

// ScanCoverage is what the scanner is enabled for.
type ScanCoverage struct {
	Enabled          bool
	ECR, Lambda, EC2 bool
}

// Vulnerabilities reads the account's vulnerability scanner (Amazon
// Inspector).
type Vulnerabilities interface {
	OpenFindings(ctx context.Context, minScore float64) ([]Vulnerability, error)
	Coverage(ctx context.Context) (ScanCoverage, error)
}

// VulnerabilityCheck (CC7.1): no finding scored at least VulnMinScore (CVSS
// 7.0) stays open longer than VulnMaxOpen (30 days; due within VulnDueSoon:
// warning); Inspector, and its ECR image scanning, are enabled (warning
// otherwise: nothing is being scanned, which is not the same as clean).
func VulnerabilityCheck(v Vulnerabilities, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "CC7.1", Name: "Amazon Inspector findings", Account: true,
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if v == nil {
				return nil, ErrNotConfigured
			}
			cov, err := v.Coverage(ctx)
			if err != nil {
				return nil, err
			}
			if !cov.Enabled {
				return []Finding{warnf("Amazon Inspector is not enabled in this account: no image, function or instance is scanned for vulnerabilities")}, nil
			}
			var out []Finding
			if !cov.ECR {
				out = append(out, warnf("Amazon Inspector ECR scanning is not enabled: container images are not scanned"))
			}
			found, err := v.OpenFindings(ctx, th.VulnMinScore)
			if err != nil {
				return nil, err
			}
			slices.SortFunc(found, func(a, b Vulnerability) int { return a.FirstObserved.Compare(b.FirstObserved) })
			for _, f := range found {
				age := in.Now.Sub(f.FirstObserved)
				what := fmt.Sprintf("%s (CVSS %.1f) in %s", f.ID, f.Score, f.Resource)
				switch left := days(th.VulnMaxOpen - age); {
				case age > th.VulnMaxOpen:
					out = append(out, failf("%s open %d days (fix within %d)", what, days(age), days(th.VulnMaxOpen)))
				case age > th.VulnMaxOpen-th.VulnDueSoon:
					out = append(out, warnf("%s open %d days: fix %s", what, days(age), dueIn(left)))
				}
			}
			return out, nil
		}}
}
