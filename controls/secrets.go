package controls

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// FunctionEnv is one workload's environment: a Lambda function's (or an
// ECS task definition's container) variables. Vars hold values only on
// their way to the scanner; findings name variables, never values.
type FunctionEnv struct {
	Kind string // "Lambda function"
	Name string
	Vars map[string]string
	// Unreadable is the error code when the environment could not be
	// decrypted (KMSAccessDeniedException, ...).
	Unreadable string
}

// FunctionEnvs lists the account's workloads' environments.
type FunctionEnvs interface {
	Environments(ctx context.Context) ([]FunctionEnv, error)
}

// SecretScanner returns the rules of the secret detectors that match v
// (the gate's own: wire passes gate.Gate's secret category).
type SecretScanner func(v string) []string

// credentialNames are parts of variable names that hold credentials.
var credentialNames = []string{"KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL"}

// secretRefs are how a variable points at a secret kept elsewhere (its ARN
// or parameter name, or a resolve reference), which is the right way.
var secretRefs = []string{"arn:aws:secretsmanager:", "arn:aws:ssm:", "{{resolve:", "/aws/reference/secretsmanager/"}

// SecretsCheck (CC6.1-secrets): model-provider keys and other secrets are
// not kept in workloads' environment variables. Each value is scanned with
// the gate's secret detectors: a match fails (the finding names the
// workload, the variable and the detector, never the value). A variable
// named like a credential whose value is not a reference to Secrets Manager
// or Parameter Store warns, as does an environment that could not be read.
func SecretsCheck(envs FunctionEnvs, scan SecretScanner) Check {
	return Check{Control: "CC6.1-secrets", Name: "workload environment variables", Account: true,
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if envs == nil || scan == nil {
				return nil, ErrNotConfigured
			}
			all, err := envs.Environments(ctx)
			if err != nil {
				return nil, fmt.Errorf("workload environments: %w", err)
			}
			var out []Finding
			for _, e := range all {
				if e.Unreadable != "" {
					out = append(out, warnf("%s %s: environment variables could not be read (%s)", e.Kind, e.Name, e.Unreadable))
				}
				for _, name := range slices.Sorted(maps.Keys(e.Vars)) {
					v := e.Vars[name]
					if rules := scan(v); len(rules) > 0 {
						slices.Sort(rules)
						out = append(out, failf("%s %s: environment variable %s holds a secret (%s); keep it in Secrets Manager",
							e.Kind, e.Name, name, strings.Join(slices.Compact(rules), ", ")))
						continue
					}
					if credentialName(name) && !secretRef(v) {
						out = append(out, warnf("%s %s: environment variable %s is named like a credential and is not a Secrets Manager or Parameter Store reference", e.Kind, e.Name, name))
					}
				}
			}
			return out, nil
		}}
}

func credentialName(n string) bool {
	u := strings.ToUpper(n)
	for _, c := range credentialNames {
		if strings.Contains(u, c) {
			return true
		}
	}
	return false
}

func secretRef(v string) bool {
	for _, r := range secretRefs {
		if strings.Contains(v, r) {
			return true
		}
	}
	return false
}

// StoredSecret is one Secrets Manager secret's rotation metadata.
type StoredSecret struct {
	Name            string
	RotationEnabled bool
	// EveryDays is the rotation interval (0: a schedule expression; then
	// NextRotation is what the schedule says).
	EveryDays                                        int
	LastRotated, NextRotation, LastAccessed, Created time.Time
}

// SecretStore lists the account's secrets' metadata.
type SecretStore interface {
	Secrets(ctx context.Context) ([]StoredSecret, error)
}

// RotationCheck (CC6.1-secrets): the Secrets Manager secrets the account
// uses (accessed within SecretUsed, 90 days) rotate within their schedule.
// A rotation more than a day past its due date fails; a used secret with no
// rotation warns; unused secrets are left alone.
func RotationCheck(store SecretStore, th Thresholds) Check {
	th = th.withDefaults()
	return Check{Control: "CC6.1-secrets", Name: "Secrets Manager rotation", Account: true,
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if store == nil {
				return nil, ErrNotConfigured
			}
			all, err := store.Secrets(ctx)
			if err != nil {
				return nil, fmt.Errorf("secrets: %w", err)
			}
			var out []Finding
			for _, s := range all {
				if s.LastAccessed.IsZero() || in.Now.Sub(s.LastAccessed) > th.SecretUsed {
					continue
				}
				if !s.RotationEnabled {
					out = append(out, warnf("secret %s is in use and has no rotation schedule", s.Name))
					continue
				}
				due := s.NextRotation
				if s.EveryDays > 0 {
					last := s.LastRotated
					if last.IsZero() {
						last = s.Created
					}
					due = last.Add(time.Duration(s.EveryDays) * 24 * time.Hour)
				}
				if !due.IsZero() && in.Now.Sub(due) > 24*time.Hour {
					out = append(out, failf("secret %s was due for rotation on %s (last rotated %s, every %d days)", s.Name, date(due), dateOr(s.LastRotated, "never"), s.EveryDays))
				}
			}
			return out, nil
		}}
}

func dateOr(t time.Time, none string) string {
	if t.IsZero() {
		return none
	}
	return date(t)
}

// Workloads lists the environments of several sources (Lambda functions,
// ECS task definitions) as one: a source that fails fails the whole check,
// since an unread source verified nothing.
type Workloads []FunctionEnvs

// Environments implements FunctionEnvs.
func (w Workloads) Environments(ctx context.Context) ([]FunctionEnv, error) {
	var out []FunctionEnv
	for _, s := range w {
		e, err := s.Environments(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, e...)
	}
	return out, nil
}
