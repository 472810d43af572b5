// Package cloud adapts the AWS account-level services the control checks
// read (IAM, AWS Config, CloudWatch, DynamoDB and S3 settings) and the SNS
// topic they alert on. Each adapter implements a controls interface over the
// real SDK v2 client, and is tested against recorded responses served over
// the service's real wire protocol (see fixture/).
package cloud

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/smithy-go"

	"github.com/agentgate/agentgate/controls"
)

// IAMAPI is the part of the IAM client the adapter uses.
type IAMAPI interface {
	GenerateCredentialReport(ctx context.Context, in *iam.GenerateCredentialReportInput, opts ...func(*iam.Options)) (*iam.GenerateCredentialReportOutput, error)
	GetCredentialReport(ctx context.Context, in *iam.GetCredentialReportInput, opts ...func(*iam.Options)) (*iam.GetCredentialReportOutput, error)
	iam.GetAccountAuthorizationDetailsAPIClient
}

// IAM reads the credential report and the roles that can reach model
// endpoints.
type IAM struct {
	api IAMAPI
	// Sleep waits between polls of a report still being generated.
	Sleep func(ctx context.Context, d time.Duration) error
	// Polls bounds the waits for the credential report.
	Polls int
	Now   func() time.Time
	// RolesTTL caches the role scan across the tenants of one run.
	RolesTTL time.Duration

	mu      sync.Mutex
	roles   []string
	rolesAt time.Time
}

var _ controls.IAM = (*IAM)(nil)

// NewIAM returns the adapter.
func NewIAM(api IAMAPI) *IAM {
	return &IAM{api: api, Sleep: sleep, Polls: 10, Now: time.Now, RolesTTL: time.Minute}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func apiCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// CredentialReport asks IAM for a fresh report (IAM reuses one under four
// hours old) and parses it.
func (a *IAM) CredentialReport(ctx context.Context) ([]controls.Credential, error) {
	for attempt := 0; ; attempt++ {
		gen, err := a.api.GenerateCredentialReport(ctx, &iam.GenerateCredentialReportInput{})
		if err != nil {
			return nil, fmt.Errorf("generate credential report: %w", err)
		}
		if gen.State == iamtypes.ReportStateTypeComplete {
			break
		}
		if attempt >= a.Polls {
			return nil, fmt.Errorf("credential report still %s after %d polls", gen.State, attempt)
		}
		if err := a.Sleep(ctx, 2*time.Second); err != nil {
			return nil, err
		}
	}
	out, err := a.api.GetCredentialReport(ctx, &iam.GetCredentialReportInput{})
	if err != nil {
		return nil, fmt.Errorf("get credential report (%s): %w", apiCode(err), err)
	}
	return ParseCredentialReport(out.Content)
}

// ParseCredentialReport reads the CSV IAM returns, by column name (AWS has
// added columns over time and may again).
func ParseCredentialReport(b []byte) ([]controls.Credential, error) {
	r := csv.NewReader(bytes.NewReader(b))
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("credential report header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"user", "password_enabled", "mfa_active", "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("credential report: column %s missing", need)
		}
	}
	var users []controls.Credential
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("credential report line %d: %w", line, err)
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		u := controls.Credential{
			User:            get("user"),
			PasswordEnabled: get("password_enabled") == "true",
			MFAActive:       get("mfa_active") == "true",
		}
		for _, k := range []string{"access_key_1", "access_key_2"} {
			if get(k+"_active") == "" {
				continue
			}
			key := controls.AccessKey{Active: get(k+"_active") == "true"}
			key.LastRotated = reportTime(get(k + "_last_rotated"))
			key.LastUsed = reportTime(get(k + "_last_used_date"))
			if key.Active || !key.LastRotated.IsZero() {
				u.Keys = append(u.Keys, key)
			}
		}
		users = append(users, u)
	}
	return users, nil
}

// reportTime parses a report timestamp; "N/A", "no_information" and
// "not_supported" are zero.
func reportTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// modelActions are the actions that reach a model endpoint.
var modelActions = []string{
	"bedrock:invokemodel", "bedrock:invokemodelwithresponsestream", "bedrock:converse", "bedrock:conversestream",
	"sagemaker:invokeendpoint", "sagemaker:invokeendpointasync", "sagemaker:invokeendpointwithresponsestream",
}

// broadManaged are AWS managed policies known to grant model invocation;
// AWS managed documents are not in the role scan, so they go by name.
var broadManaged = []string{"AdministratorAccess", "PowerUserAccess", "AmazonBedrockFullAccess", "AmazonSageMakerFullAccess"}

// ModelEndpointRoles scans every role's inline and attached policies for an
// Allow of a model-invocation action.
func (a *IAM) ModelEndpointRoles(ctx context.Context) ([]string, error) {
	a.mu.Lock()
	if a.roles != nil && a.Now().Sub(a.rolesAt) < a.RolesTTL {
		r := slices.Clone(a.roles)
		a.mu.Unlock()
		return r, nil
	}
	a.mu.Unlock()

	in := &iam.GetAccountAuthorizationDetailsInput{
		Filter: []iamtypes.EntityType{iamtypes.EntityTypeRole, iamtypes.EntityTypeLocalManagedPolicy},
	}
	var roles []iamtypes.RoleDetail
	managed := map[string]bool{} // customer managed policy ARN -> reaches models
	p := iam.NewGetAccountAuthorizationDetailsPaginator(a.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("account authorization details: %w", err)
		}
		roles = append(roles, page.RoleDetailList...)
		for _, pol := range page.Policies {
			for _, v := range pol.PolicyVersionList {
				if v.IsDefaultVersion {
					ok, err := allowsModel(aws.ToString(v.Document))
					if err != nil {
						return nil, fmt.Errorf("policy %s: %w", aws.ToString(pol.PolicyName), err)
					}
					managed[aws.ToString(pol.Arn)] = ok
				}
			}
		}
	}
	var out []string
	for _, r := range roles {
		reach := false
		for _, ip := range r.RolePolicyList {
			ok, err := allowsModel(aws.ToString(ip.PolicyDocument))
			if err != nil {
				return nil, fmt.Errorf("role %s policy %s: %w", aws.ToString(r.RoleName), aws.ToString(ip.PolicyName), err)
			}
			reach = reach || ok
		}
		for _, ap := range r.AttachedManagedPolicies {
			reach = reach || managed[aws.ToString(ap.PolicyArn)] || slices.Contains(broadManaged, aws.ToString(ap.PolicyName))
		}
		// Service-linked roles are AWS's own; access reviews cover ours.
		if reach && !strings.HasPrefix(aws.ToString(r.Path), "/aws-service-role/") {
			out = append(out, aws.ToString(r.RoleName))
		}
	}
	slices.Sort(out)
	if out == nil {
		out = []string{}
	}
	a.mu.Lock()
	a.roles, a.rolesAt = slices.Clone(out), a.Now()
	a.mu.Unlock()
	return out, nil
}

type policyDoc struct {
	Statement oneOrMany[statement] `json:"Statement"`
}

type statement struct {
	Effect string            `json:"Effect"`
	Action oneOrMany[string] `json:"Action"`
}

// oneOrMany is IAM's "a value or a list of values".
type oneOrMany[T any] []T

func (o *oneOrMany[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var l []T
		if err := json.Unmarshal(b, &l); err != nil {
			return err
		}
		*o = l
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*o = []T{v}
	return nil
}

// allowsModel reports whether a policy document (URL-encoded, as IAM
// returns it) allows any model-invocation action.
func allowsModel(doc string) (bool, error) {
	if doc == "" {
		return false, nil
	}
	if dec, err := url.QueryUnescape(doc); err == nil {
		doc = dec
	}
	var d policyDoc
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		return false, fmt.Errorf("policy document: %w", err)
	}
	for _, st := range d.Statement {
		if st.Effect != "Allow" {
			continue
		}
		for _, act := range st.Action {
			act = strings.ToLower(act)
			for _, target := range modelActions {
				if ok, _ := path.Match(act, target); ok {
					return true, nil
				}
			}
		}
	}
	return false, nil
}
