package cloud

import (
	"context"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"

	"github.com/agentgate/agentgate/controls"
)

// ConfigAPI is the part of the AWS Config client the adapter uses.
type ConfigAPI interface {
	configservice.DescribeConfigRulesAPIClient
	configservice.DescribeComplianceByConfigRuleAPIClient
}

// ConfigRules reads managed-rule compliance. Rules are found by their
// managed source identifier, not by name: the deployed name is whatever the
// stack (or the account's own conformance pack) chose.
type ConfigRules struct {
	api ConfigAPI
}

var _ controls.ConfigRules = (*ConfigRules)(nil)

// NewConfigRules returns the adapter.
func NewConfigRules(api ConfigAPI) *ConfigRules { return &ConfigRules{api: api} }

// describeBatch is DescribeComplianceByConfigRule's limit on rule names.
const describeBatch = 25

// Compliance returns the compliance of every deployed rule whose source
// identifier is in identifiers.
func (c *ConfigRules) Compliance(ctx context.Context, identifiers []string) ([]controls.RuleCompliance, error) {
	byName := map[string]string{} // rule name -> identifier
	var names []string
	p := configservice.NewDescribeConfigRulesPaginator(c.api, &configservice.DescribeConfigRulesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("describe config rules: %w", err)
		}
		for _, r := range page.ConfigRules {
			if r.Source == nil || r.Source.Owner != "AWS" {
				continue
			}
			id := aws.ToString(r.Source.SourceIdentifier)
			if slices.Contains(identifiers, id) {
				name := aws.ToString(r.ConfigRuleName)
				byName[name] = id
				names = append(names, name)
			}
		}
	}
	var out []controls.RuleCompliance
	for start := 0; start < len(names); start += describeBatch {
		batch := names[start:min(start+describeBatch, len(names))]
		cp := configservice.NewDescribeComplianceByConfigRulePaginator(c.api, &configservice.DescribeComplianceByConfigRuleInput{ConfigRuleNames: batch})
		for cp.HasMorePages() {
			page, err := cp.NextPage(ctx)
			if err != nil {
				return nil, fmt.Errorf("describe compliance by config rule: %w", err)
			}
			for _, rc := range page.ComplianceByConfigRules {
				name := aws.ToString(rc.ConfigRuleName)
				r := controls.RuleCompliance{Identifier: byName[name], RuleName: name}
				if rc.Compliance != nil {
					r.Compliance = string(rc.Compliance.ComplianceType)
					if cc := rc.Compliance.ComplianceContributorCount; cc != nil {
						r.NonCompliant = int(cc.CappedCount)
					}
				}
				out = append(out, r)
			}
		}
	}
	// A rule that has evaluated nothing yet is absent from the compliance
	// answer; it is deployed all the same.
	seen := map[string]bool{}
	for _, r := range out {
		seen[r.RuleName] = true
	}
	for _, n := range names {
		if !seen[n] {
			out = append(out, controls.RuleCompliance{Identifier: byName[n], RuleName: n, Compliance: "INSUFFICIENT_DATA"})
		}
	}
	return out, nil
}
