package cloud

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	shtypes "github.com/aws/aws-sdk-go-v2/service/securityhub/types"

	"github.com/agentgate/agentgate/controls"
)

// SecurityHubAPI is the part of the Security Hub client the exporter uses.
type SecurityHubAPI interface {
	BatchImportFindings(ctx context.Context, in *securityhub.BatchImportFindingsInput, opts ...func(*securityhub.Options)) (*securityhub.BatchImportFindingsOutput, error)
}

// SecurityHub exports control results as ASFF findings to the account's
// own Security Hub product ("default"): one finding per tenant and control
// (its Id), re-imported on each change of status, archived when the
// control passes.
type SecurityHub struct {
	api                        SecurityHubAPI
	Partition, Region, Account string
}

var _ controls.FindingExporter = (*SecurityHub)(nil)

// NewSecurityHub returns the exporter for the account and region.
func NewSecurityHub(api SecurityHubAPI, partition, region, account string) *SecurityHub {
	if partition == "" {
		partition = "aws"
	}
	return &SecurityHub{api: api, Partition: partition, Region: region, Account: account}
}

// ProductARN is where an account imports its own findings.
func (h *SecurityHub) ProductARN() string {
	return fmt.Sprintf("arn:%s:securityhub:%s:%s:product/%s/default", h.Partition, h.Region, h.Account, h.Account)
}

// FindingID is the finding of one tenant's control.
func FindingID(tenant, control string) string { return "agentgate/" + tenant + "/" + control }

// Export implements controls.FindingExporter.
func (h *SecurityHub) Export(ctx context.Context, tenant string, ctl controls.Control, r controls.Result) error {
	compliance, severity, record := shtypes.ComplianceStatusNotAvailable, shtypes.SeverityLabelLow, shtypes.RecordStateActive
	switch r.Status {
	case controls.Passing:
		compliance, severity, record = shtypes.ComplianceStatusPassed, shtypes.SeverityLabelInformational, shtypes.RecordStateArchived
	case controls.Warning:
		compliance, severity = shtypes.ComplianceStatusWarning, shtypes.SeverityLabelMedium
	case controls.Failing:
		compliance, severity = shtypes.ComplianceStatusFailed, shtypes.SeverityLabelHigh
	}
	var related []string
	for _, fw := range controls.FrameworkKeys {
		for _, c := range ctl.Frameworks[fw] {
			if len(related) < 32 { // ASFF's limit
				related = append(related, fw+" "+c)
			}
		}
	}
	desc := r.Detail
	if desc == "" {
		desc = ctl.Description
	}
	if len(desc) > 1024 {
		desc = desc[:1021] + "..."
	}
	at := r.CheckedAt.UTC().Format(time.RFC3339Nano)
	f := shtypes.AwsSecurityFinding{
		SchemaVersion: aws.String("2018-10-08"),
		Id:            aws.String(FindingID(tenant, ctl.ID)),
		ProductArn:    aws.String(h.ProductARN()),
		GeneratorId:   aws.String("agentgate/control/" + ctl.ID),
		AwsAccountId:  aws.String(h.Account),
		Types:         []string{"Software and Configuration Checks/Industry and Regulatory Standards"},
		// CreatedAt is when this status was found: Security Hub keeps the
		// finding's identity by Id, and each import carries the latest state.
		CreatedAt:   aws.String(at),
		UpdatedAt:   aws.String(at),
		Severity:    &shtypes.Severity{Label: severity},
		Title:       aws.String(fmt.Sprintf("agentgate %s %s is %s (tenant %s)", ctl.ID, ctl.Name, r.Status, tenant)),
		Description: aws.String(desc),
		Resources: []shtypes.Resource{{Type: aws.String("Other"), Id: aws.String("agentgate:tenant/" + tenant),
			Partition: shtypes.Partition(h.Partition), Region: aws.String(h.Region)}},
		Compliance:    &shtypes.Compliance{Status: compliance, RelatedRequirements: related},
		RecordState:   record,
		ProductFields: map[string]string{"agentgate/tenant": tenant, "agentgate/control": ctl.ID, "agentgate/status": string(r.Status)},
	}
	out, err := h.api.BatchImportFindings(ctx, &securityhub.BatchImportFindingsInput{Findings: []shtypes.AwsSecurityFinding{f}})
	if err != nil {
		return fmt.Errorf("security hub import %s: %w", aws.ToString(f.Id), err)
	}
	if aws.ToInt32(out.FailedCount) > 0 {
		var msgs []string
		for _, x := range out.FailedFindings {
			msgs = append(msgs, aws.ToString(x.ErrorCode)+": "+aws.ToString(x.ErrorMessage))
		}
		return fmt.Errorf("security hub import %s: %w", aws.ToString(f.Id), errors.New(strings.Join(msgs, "; ")))
	}
	return nil
}
