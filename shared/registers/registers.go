// Package registers keeps the compliance registers an auditor asks for beside
// the evidence: vendors (sub-processors), model-version changes, access-review
// attestations and adversarial-test runs. The control checks read them; the
// API writes them. It imports no AWS package: a Store adapter persists them.
package registers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Errors callers branch on with errors.Is.
var (
	ErrNotFound = errors.New("registers: not found")
	// ErrSelfApproval: the four-eyes rule of change management. The route
	// answers it with 403: the caller is authenticated but not allowed.
	ErrSelfApproval = errors.New("registers: a change cannot be approved by its submitter")
	// ErrConflict: the record exists already, or is not in the state the
	// transition needs (approve a rolled-back version, ...).
	ErrConflict = errors.New("registers: conflict")
	ErrInvalid  = errors.New("registers: invalid")
)

// DateLayout is the civil-date format of review and report dates: auditors
// think in days, and a day has no time zone surprises when kept as text.
const DateLayout = "2006-01-02"

// ParseDate parses a civil date (UTC midnight).
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %q is not a YYYY-MM-DD date", ErrInvalid, s)
	}
	return t, nil
}

// DaysUntil counts whole calendar days from now's UTC date to date: 0 is
// today, negative is overdue.
func DaysUntil(date time.Time, now time.Time) int {
	n := now.UTC()
	today := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
	d := date.UTC()
	day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	return int(day.Sub(today).Hours() / 24)
}

// Vendor is a sub-processor: a model provider or any service that handles
// customer data.
type Vendor struct {
	ID   string `json:"id" dynamodbav:"id"`
	Name string `json:"name" dynamodbav:"name"`
	// Providers are the context.modelProvider values this vendor covers;
	// the vendor check matches evidence against them.
	Providers []string `json:"providers" dynamodbav:"providers"`
	// DPA: a data processing agreement is signed.
	DPA            bool   `json:"dpa" dynamodbav:"dpa"`
	SOC2ReportDate string `json:"soc2ReportDate,omitempty" dynamodbav:"soc2ReportDate,omitempty"`
	NextReviewDue  string `json:"nextReviewDue" dynamodbav:"nextReviewDue"`
	// SLA is the provider's availability commitment as contracted ("99.9%
	// monthly"); Fallback what the service does when the provider is down
	// (another registered provider, or a documented degraded mode).
	SLA       string    `json:"sla,omitempty" dynamodbav:"sla,omitempty"`
	Fallback  string    `json:"fallback,omitempty" dynamodbav:"fallback,omitempty"`
	UpdatedBy string    `json:"updatedBy" dynamodbav:"updatedBy"`
	UpdatedAt time.Time `json:"updatedAt" dynamodbav:"updatedAt"`
}

// Model-version states.
const (
	ModelSubmitted  = "submitted"
	ModelApproved   = "approved"
	ModelRolledBack = "rolled_back"
)

// ModelVersion is a change record for one model version.
type ModelVersion struct {
	Version    string             `json:"version" dynamodbav:"version"`
	Provider   string             `json:"provider,omitempty" dynamodbav:"provider,omitempty"`
	Benchmarks map[string]float64 `json:"benchmarks" dynamodbav:"benchmarks"`
	Notes      string             `json:"notes,omitempty" dynamodbav:"notes,omitempty"`
	Status     string             `json:"status" dynamodbav:"status"`
	// FineTuned: the version was trained on datasets of the tenant's; the
	// training-data check wants a dataset record naming it.
	FineTuned bool `json:"fineTuned,omitempty" dynamodbav:"fineTuned,omitempty"`

	SubmittedBy    string     `json:"submittedBy" dynamodbav:"submittedBy"`
	SubmittedAt    time.Time  `json:"submittedAt" dynamodbav:"submittedAt"`
	ApprovedBy     string     `json:"approvedBy,omitempty" dynamodbav:"approvedBy,omitempty"`
	ApprovedAt     *time.Time `json:"approvedAt,omitempty" dynamodbav:"approvedAt,omitempty"`
	RolledBackBy   string     `json:"rolledBackBy,omitempty" dynamodbav:"rolledBackBy,omitempty"`
	RolledBackAt   *time.Time `json:"rolledBackAt,omitempty" dynamodbav:"rolledBackAt,omitempty"`
	RollbackReason string     `json:"rollbackReason,omitempty" dynamodbav:"rollbackReason,omitempty"`
	// SubmittedByOwner and ApprovedByOwner are the people behind the keys
	// (Actor.Owner): the four-eyes rule compares them. Empty on records made
	// before keys had owners: the submitting key then stands for its owner.
	SubmittedByOwner string `json:"submittedByOwner,omitempty" dynamodbav:"submittedByOwner,omitempty"`
	ApprovedByOwner  string `json:"approvedByOwner,omitempty" dynamodbav:"approvedByOwner,omitempty"`
}

// AccessReview is one attestation that the access of a scope was reviewed.
type AccessReview struct {
	ID       string   `json:"id" dynamodbav:"id"`
	Scope    string   `json:"scope" dynamodbav:"scope"`
	Reviewer string   `json:"reviewer" dynamodbav:"reviewer"`
	Findings []string `json:"findings" dynamodbav:"findings"`
	Date     string   `json:"date" dynamodbav:"date"`
	// Principals are the identities the review covered (IAM roles, key
	// ids, ...): the access check looks for model-endpoint roles here.
	Principals []string  `json:"principals" dynamodbav:"principals"`
	RecordedBy string    `json:"recordedBy" dynamodbav:"recordedBy"`
	RecordedAt time.Time `json:"recordedAt" dynamodbav:"recordedAt"`
}

// Access-review scopes. They follow where AI teams' reviews fall short:
// API keys, the cloud account, service access to model endpoints, and the
// storage that holds prompt evidence.
const (
	ScopeAPIKeys        = "api_keys"
	ScopeCloudIAM       = "cloud_iam"
	ScopeModelEndpoints = "model_endpoints"
	ScopeLogStorage     = "log_storage"
)

// ReviewScopes lists the scopes an access review may attest.
var ReviewScopes = []string{ScopeAPIKeys, ScopeCloudIAM, ScopeModelEndpoints, ScopeLogStorage}

// AdversarialRun is the outcome of one adversarial test: the gate's
// regression suite, the tenant's own corpus, or an imported promptfoo or
// garak report. The report's hash (the run's report, or the uploaded file)
// is in the evidence chain.
type AdversarialRun struct {
	ID    string    `json:"id" dynamodbav:"id"`
	RanAt time.Time `json:"ranAt" dynamodbav:"ranAt"`
	RanBy string    `json:"ranBy" dynamodbav:"ranBy"`
	// Source is regression, corpus, promptfoo or garak ("" in runs stored
	// before sources existed: those were the regression suite). Independent
	// is false for the regression suite only; Label names the run.
	Source      string `json:"source" dynamodbav:"source"`
	Independent bool   `json:"independent" dynamodbav:"independent"`
	Label       string `json:"label" dynamodbav:"label"`
	// ToolVersion is the red-team tool's version for imports; Errors the
	// tests it could not complete; ImportedAt when the report was imported.
	ToolVersion string     `json:"toolVersion,omitempty" dynamodbav:"toolVersion,omitempty"`
	Errors      int        `json:"errors,omitempty" dynamodbav:"errors,omitempty"`
	ImportedAt  *time.Time `json:"importedAt,omitempty" dynamodbav:"importedAt,omitempty"`
	// PolicyHash is the tenant's effective gate policy the run was graded
	// against (for imports: the one in force when the report was imported).
	PolicyHash        string   `json:"policyHash" dynamodbav:"policyHash"`
	Attacks           int      `json:"attacks" dynamodbav:"attacks"`
	Detected          int      `json:"detected" dynamodbav:"detected"`
	DetectionRate     float64  `json:"detectionRate" dynamodbav:"detectionRate"`
	Benign            int      `json:"benign" dynamodbav:"benign"`
	FalsePositives    int      `json:"falsePositives" dynamodbav:"falsePositives"`
	FalsePositiveRate float64  `json:"falsePositiveRate" dynamodbav:"falsePositiveRate"`
	Missed            []string `json:"missed" dynamodbav:"missed"`
	FalsePositiveIDs  []string `json:"falsePositiveIds" dynamodbav:"falsePositiveIds"`
	ReportSHA256      string   `json:"reportSha256" dynamodbav:"reportSha256"`
	Evidence          string   `json:"evidence" dynamodbav:"evidence"`
}

// IsIndependent reports whether the run counts as independent testing
// (anything but the regression suite, including runs stored before sources
// were recorded, which were all the regression suite).
func (r AdversarialRun) IsIndependent() bool {
	return r.Independent && r.Source != "" && r.Source != SourceRegression
}

// Store persists the registers per tenant. Lists are newest first where
// records are dated.
type Store interface {
	PutVendor(ctx context.Context, tenant string, v Vendor) error
	Vendors(ctx context.Context, tenant string) ([]Vendor, error)

	// CreateModel stores a new change record; ErrConflict if the version exists.
	CreateModel(ctx context.Context, tenant string, m ModelVersion) error
	// UpdateModel replaces a record if its stored status is still fromStatus;
	// ErrConflict otherwise (a concurrent approval or rollback won).
	UpdateModel(ctx context.Context, tenant string, m ModelVersion, fromStatus string) error
	// Model reads one record; ErrNotFound if absent.
	Model(ctx context.Context, tenant, version string) (ModelVersion, error)
	Models(ctx context.Context, tenant string) ([]ModelVersion, error)

	PutAccessReview(ctx context.Context, tenant string, r AccessReview) error
	AccessReviews(ctx context.Context, tenant string) ([]AccessReview, error)

	PutAdversarialRun(ctx context.Context, tenant string, r AdversarialRun) error
	AdversarialRuns(ctx context.Context, tenant string) ([]AdversarialRun, error)

	PutBiasRun(ctx context.Context, tenant string, r BiasRun) error
	BiasRuns(ctx context.Context, tenant string) ([]BiasRun, error)
	PutRunbook(ctx context.Context, tenant string, r Runbook) error
	Runbooks(ctx context.Context, tenant string) ([]Runbook, error)
	PutDataset(ctx context.Context, tenant string, d Dataset) error
	Datasets(ctx context.Context, tenant string) ([]Dataset, error)
	PutOutputReview(ctx context.Context, tenant string, r OutputReview) error
	OutputReviews(ctx context.Context, tenant string) ([]OutputReview, error)
}

// ValidVersion reports whether v can name a model version in a path
// (^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$): the API refuses slashes in path
// segments, so versions never contain one.
func ValidVersion(v string) bool {
	return validForm(v, 128, func(c byte) bool {
		return alnum(c) || c == '.' || c == '_' || c == ':' || c == '@' || c == '+' || c == '-'
	}, alnum)
}

// ValidSlug reports whether s is a register id (lower-case, short:
// ^[a-z0-9][a-z0-9._-]{0,63}$).
func ValidSlug(s string) bool {
	return validForm(s, 64, func(c byte) bool { return lowerOrDigit(c) || c == '.' || c == '_' || c == '-' }, lowerOrDigit)
}

// validForm reports whether s is 1 to max bytes, the first first, every
// other rest. (The forms were regexps; compiling their bounded repeats cost
// every function that links this package several milliseconds of package
// init: docs/decisions/232. The tests hold these to the expressions.)
func validForm(s string, max int, rest, first func(byte) bool) bool {
	if len(s) == 0 || len(s) > max || !first(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !rest(s[i]) {
			return false
		}
	}
	return true
}

func lowerOrDigit(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func alnum(c byte) bool { return lowerOrDigit(c) || c >= 'A' && c <= 'Z' }

func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

func cleanList(in []string, field string, max int) ([]string, error) {
	out := make([]string, 0, len(in))
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if len(s) > 256 {
			return nil, invalidf("%s entries must be at most 256 bytes", field)
		}
		out = append(out, s)
	}
	if len(out) > max {
		return nil, invalidf("%s has more than %d entries", field, max)
	}
	return out, nil
}
