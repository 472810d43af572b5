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
	"errors"
	"fmt"
	"io"
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
	iam.GetPolicyAPIClient
	GetPolicyVersion(ctx context.Context, in *iam.GetPolicyVersionInput, opts ...func(*iam.Options)) (*iam.GetPolicyVersionOutput, error)
}

// IAM reads the credential report and the users and roles that can reach
// model endpoints.
type IAM struct {
	api IAMAPI
	// Sleep waits between polls of a report still being generated.
	Sleep func(ctx context.Context, d time.Duration) error
	// Polls bounds the waits for the credential report.
	Polls int
	Now   func() time.Time
	// RolesTTL caches the principal scan within one run.
	RolesTTL time.Duration

	mu           sync.Mutex
	principals   []controls.Principal
	principalsAt time.Time
	awsDocs      map[string][]statement // "arn#version" -> statements
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

// ModelEndpointPrincipals lists the users and roles whose policies allow
// invoking a model endpoint: every inline, group and attached managed
// policy document is read and evaluated (policy.go), AWS-managed ones
// included (fetched by version when the account details leave them out).
// Service-linked roles are AWS's own and are left out.
func (a *IAM) ModelEndpointPrincipals(ctx context.Context) ([]controls.Principal, error) {
	a.mu.Lock()
	if a.principals != nil && a.Now().Sub(a.principalsAt) < a.RolesTTL {
		r := slices.Clone(a.principals)
		a.mu.Unlock()
		return r, nil
	}
	a.mu.Unlock()

	in := &iam.GetAccountAuthorizationDetailsInput{
		Filter: []iamtypes.EntityType{iamtypes.EntityTypeUser, iamtypes.EntityTypeGroup, iamtypes.EntityTypeRole,
			iamtypes.EntityTypeLocalManagedPolicy, iamtypes.EntityTypeAWSManagedPolicy},
	}
	var (
		users  []iamtypes.UserDetail
		roles  []iamtypes.RoleDetail
		groups = map[string]iamtypes.GroupDetail{}
	)
	managed := map[string]namedPolicy{} // policy ARN -> default version's statements
	p := iam.NewGetAccountAuthorizationDetailsPaginator(a.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("account authorization details: %w", err)
		}
		users = append(users, page.UserDetailList...)
		roles = append(roles, page.RoleDetailList...)
		for _, g := range page.GroupDetailList {
			groups[aws.ToString(g.GroupName)] = g
		}
		for _, pol := range page.Policies {
			for _, v := range pol.PolicyVersionList {
				if !v.IsDefaultVersion {
					continue
				}
				st, err := parsePolicy(aws.ToString(v.Document))
				if err != nil {
					return nil, fmt.Errorf("policy %s: %w", aws.ToString(pol.PolicyName), err)
				}
				managed[aws.ToString(pol.Arn)] = namedPolicy{name: aws.ToString(pol.PolicyName), statements: st}
			}
		}
	}
	attached := func(list []iamtypes.AttachedPolicy) ([]namedPolicy, error) {
		var out []namedPolicy
		for _, ap := range list {
			arn := aws.ToString(ap.PolicyArn)
			np, ok := managed[arn]
			if !ok {
				var err error
				if np, err = a.managedPolicy(ctx, arn, aws.ToString(ap.PolicyName)); err != nil {
					return nil, err
				}
				managed[arn] = np
			}
			out = append(out, np)
		}
		return out, nil
	}
	inline := func(owner, name, doc string) (namedPolicy, error) {
		st, err := parsePolicy(doc)
		if err != nil {
			return namedPolicy{}, fmt.Errorf("%s policy %s: %w", owner, name, err)
		}
		return namedPolicy{name: name, statements: st}, nil
	}

	var out []controls.Principal
	for _, r := range roles {
		if strings.HasPrefix(aws.ToString(r.Path), "/aws-service-role/") {
			continue
		}
		name := aws.ToString(r.RoleName)
		var pols []namedPolicy
		for _, ip := range r.RolePolicyList {
			np, err := inline("role "+name, aws.ToString(ip.PolicyName), aws.ToString(ip.PolicyDocument))
			if err != nil {
				return nil, err
			}
			pols = append(pols, np)
		}
		ap, err := attached(r.AttachedManagedPolicies)
		if err != nil {
			return nil, err
		}
		if pr, ok := reach("role", name, aws.ToString(r.Arn), append(pols, ap...)); ok {
			out = append(out, pr)
		}
	}
	for _, u := range users {
		name := aws.ToString(u.UserName)
		var pols []namedPolicy
		for _, ip := range u.UserPolicyList {
			np, err := inline("user "+name, aws.ToString(ip.PolicyName), aws.ToString(ip.PolicyDocument))
			if err != nil {
				return nil, err
			}
			pols = append(pols, np)
		}
		ap, err := attached(u.AttachedManagedPolicies)
		if err != nil {
			return nil, err
		}
		pols = append(pols, ap...)
		for _, gname := range u.GroupList {
			g, ok := groups[gname]
			if !ok {
				continue
			}
			for _, ip := range g.GroupPolicyList {
				np, err := inline("group "+gname, aws.ToString(ip.PolicyName), aws.ToString(ip.PolicyDocument))
				if err != nil {
					return nil, err
				}
				np.name = "group " + gname + ": " + np.name
				pols = append(pols, np)
			}
			gp, err := attached(g.AttachedManagedPolicies)
			if err != nil {
				return nil, err
			}
			for _, np := range gp {
				np.name = "group " + gname + ": " + np.name
				pols = append(pols, np)
			}
		}
		if pr, ok := reach("user", name, aws.ToString(u.Arn), pols); ok {
			out = append(out, pr)
		}
	}
	slices.SortFunc(out, func(x, y controls.Principal) int {
		return strings.Compare(x.Kind+"/"+x.Name, y.Kind+"/"+y.Name)
	})
	if out == nil {
		out = []controls.Principal{}
	}
	a.mu.Lock()
	a.principals, a.principalsAt = slices.Clone(out), a.Now()
	a.mu.Unlock()
	return out, nil
}

type namedPolicy struct {
	name       string
	statements []statement
}

// reach evaluates all of a principal's policies together (a Deny in one
// removes an Allow in another) and names the policies that grant the reach.
func reach(kind, name, arn string, pols []namedPolicy) (controls.Principal, bool) {
	var all []statement
	for _, p := range pols {
		all = append(all, p.statements...)
	}
	actions := ModelReach(all)
	if len(actions) == 0 {
		return controls.Principal{}, false
	}
	pr := controls.Principal{Kind: kind, Name: name, ARN: arn, Actions: actions}
	for _, p := range pols {
		if len(ModelReach(p.statements)) > 0 {
			pr.Via = append(pr.Via, p.name)
		}
	}
	return pr, true
}

// managedPolicy fetches the default version of a managed policy the
// account details did not include (AWS-managed policies usually). AWS
// documents change only with a new version id, so they are kept for the
// adapter's life.
func (a *IAM) managedPolicy(ctx context.Context, arn, name string) (namedPolicy, error) {
	pol, err := a.api.GetPolicy(ctx, &iam.GetPolicyInput{PolicyArn: aws.String(arn)})
	if err != nil {
		return namedPolicy{}, fmt.Errorf("get policy %s: %w", arn, err)
	}
	if pol.Policy == nil || pol.Policy.DefaultVersionId == nil {
		return namedPolicy{}, fmt.Errorf("get policy %s: no default version", arn)
	}
	key := arn + "#" + aws.ToString(pol.Policy.DefaultVersionId)
	a.mu.Lock()
	st, ok := a.awsDocs[key]
	a.mu.Unlock()
	if !ok {
		v, err := a.api.GetPolicyVersion(ctx, &iam.GetPolicyVersionInput{PolicyArn: aws.String(arn), VersionId: pol.Policy.DefaultVersionId})
		if err != nil {
			return namedPolicy{}, fmt.Errorf("get policy version %s: %w", key, err)
		}
		if v.PolicyVersion == nil {
			return namedPolicy{}, fmt.Errorf("get policy version %s: empty answer", key)
		}
		if st, err = parsePolicy(aws.ToString(v.PolicyVersion.Document)); err != nil {
			return namedPolicy{}, fmt.Errorf("policy %s: %w", name, err)
		}
		a.mu.Lock()
		if a.awsDocs == nil {
			a.awsDocs = map[string][]statement{}
		}
		a.awsDocs[key] = st
		a.mu.Unlock()
	}
	return namedPolicy{name: name, statements: st}, nil
}
