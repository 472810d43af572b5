package platform

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"

	"github.com/agentgate/agentgate/shared/trace"
)

// Logger returns the JSON slog logger every function uses, at LOG_LEVEL.
func Logger() *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(os.Getenv(EnvLogLevel))); err != nil {
		lvl = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))
}

// AWSConfig loads the default configuration once at cold start.
// AWS_ENDPOINT_URL_<SERVICE> variables point clients at local emulators with
// no code change. It also sets tracing up from the environment (in Lambda,
// or with a daemon address: see shared/trace), so every client built from
// the config records a subsegment per call.
func AWSConfig(ctx context.Context) (aws.Config, error) {
	if err := trace.FromEnv(os.LookupEnv); err != nil {
		return aws.Config{}, err
	}
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return aws.Config{}, fmt.Errorf("load aws config: %w", err)
	}
	trace.Instrument(&cfg)
	return cfg, nil
}

// Env reads configuration from the environment and collects every problem,
// so a misconfigured function reports all of them at once.
type Env struct {
	Lookup func(string) (string, bool)
	errs   []string
}

// NewEnv reads from the process environment.
func NewEnv() *Env { return &Env{Lookup: os.LookupEnv} }

// Require returns a variable that must be set.
func (e *Env) Require(name string) string {
	v, ok := e.Lookup(name)
	if !ok || strings.TrimSpace(v) == "" {
		e.errs = append(e.errs, name+" is not set")
	}
	return v
}

// Int returns an integer variable, or def when unset.
func (e *Env) Int(name string, def, min, max int) int {
	v, ok := e.Lookup(name)
	if !ok || v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		e.errs = append(e.errs, fmt.Sprintf("%s=%q must be an integer in [%d, %d]", name, v, min, max))
		return def
	}
	return n
}

// Err reports every problem found.
func (e *Env) Err() error {
	if len(e.errs) == 0 {
		return nil
	}
	return fmt.Errorf("configuration: %s", strings.Join(e.errs, "; "))
}
