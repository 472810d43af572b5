package cloud

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	inspectortypes "github.com/aws/aws-sdk-go-v2/service/inspector2/types"

	"github.com/agentgate/agentgate/controls"
)

// InspectorAPI is the part of the Inspector client the adapter uses.
type InspectorAPI interface {
	inspector2.ListFindingsAPIClient
	BatchGetAccountStatus(ctx context.Context, in *inspector2.BatchGetAccountStatusInput, opts ...func(*inspector2.Options)) (*inspector2.BatchGetAccountStatusOutput, error)
}

// Inspector reads Amazon Inspector's active findings and what it scans.
type Inspector struct{ api InspectorAPI }

var _ controls.Vulnerabilities = (*Inspector)(nil)

// NewInspector returns the adapter.
func NewInspector(api InspectorAPI) *Inspector { return &Inspector{api: api} }

// OpenFindings implements controls.Vulnerabilities: every page of the
// account's active findings scored at least minScore (the Inspector score,
// CVSS adjusted to the environment; the highest CVSS base score when absent).
func (i *Inspector) OpenFindings(ctx context.Context, minScore float64) ([]controls.Vulnerability, error) {
	in := &inspector2.ListFindingsInput{
		MaxResults: aws.Int32(100),
		FilterCriteria: &inspectortypes.FilterCriteria{
			FindingStatus:  []inspectortypes.StringFilter{{Comparison: inspectortypes.StringComparisonEquals, Value: aws.String(string(inspectortypes.FindingStatusActive))}},
			InspectorScore: []inspectortypes.NumberFilter{{LowerInclusive: aws.Float64(minScore)}},
		},
	}
	var out []controls.Vulnerability
	p := inspector2.NewListFindingsPaginator(i.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("inspector findings: %w", err)
		}
		for _, f := range page.Findings {
			v := controls.Vulnerability{Title: aws.ToString(f.Title), Score: aws.ToFloat64(f.InspectorScore), FirstObserved: aws.ToTime(f.FirstObservedAt)}
			if d := f.PackageVulnerabilityDetails; d != nil {
				v.ID = aws.ToString(d.VulnerabilityId)
				if v.Score == 0 {
					for _, c := range d.Cvss {
						v.Score = max(v.Score, aws.ToFloat64(c.BaseScore))
					}
				}
			}
			if len(f.Resources) > 0 {
				v.Resource, v.ResourceType = aws.ToString(f.Resources[0].Id), string(f.Resources[0].Type)
			}
			// The filter is the service's; the threshold is checked here too,
			// so a filter the service ignored cannot pass low scores as high.
			if v.Score >= minScore {
				out = append(out, v)
			}
		}
	}
	return out, nil
}

// Coverage implements controls.Vulnerabilities: the calling account's
// Inspector state and its ECR and Lambda scanning.
func (i *Inspector) Coverage(ctx context.Context) (controls.ScanCoverage, error) {
	out, err := i.api.BatchGetAccountStatus(ctx, &inspector2.BatchGetAccountStatusInput{})
	if err != nil {
		return controls.ScanCoverage{}, fmt.Errorf("inspector account status: %w", err)
	}
	if len(out.Accounts) == 0 {
		return controls.ScanCoverage{}, nil
	}
	a := out.Accounts[0]
	on := func(s *inspectortypes.State) bool { return s != nil && s.Status == inspectortypes.StatusEnabled }
	c := controls.ScanCoverage{Enabled: on(a.State)}
	if rs := a.ResourceState; rs != nil {
		c.ECR, c.Lambda, c.EC2 = on(rs.Ecr), on(rs.Lambda), on(rs.Ec2)
	}
	return c, nil
}
