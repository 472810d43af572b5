package system

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/agentgate/agentgate/localtest/invoke"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/localtest/emulator"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/adversary"
	"github.com/agentgate/agentgate/shared/wire/apiwire"
	"github.com/agentgate/agentgate/shared/wire/controlswire"
)

// controlsState is what startControls keeps per running system (the
// System struct belongs to the local-system owner; this file only adds to it).
type controlsState struct {
	runner  *controls.Runner
	account *fixture.Account
	url     string
}

var controlsBySystem sync.Map // *System -> *controlsState

// startControls serves the recorded AWS account (IAM, Config, CloudWatch
// over their real protocols) on 127.0.0.1, points the controls function's
// clients at it, seeds the demo tenant's registers with realistic findings
// and runs the controls function on the tick with a real scheduled event.
func (s *System) startControls(ctx context.Context) error {
	acct := fixture.New()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("fixture account listen: %w", err)
	}
	srv := &http.Server{Handler: acct, ReadHeaderTimeout: 10 * time.Second}
	s.wg.Add(2)
	go func() {
		defer s.wg.Done()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.opts.Log.Error("fixture account stopped", "err", err)
		}
	}()
	go func() {
		defer s.wg.Done()
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	url := "http://" + ln.Addr().String()

	cfg := emulator.Config(s.Emulators.Region)
	cc := controlswire.Clients{
		Clients:    s.Clients,
		SNS:        s.SNS,
		IAM:        iam.NewFromConfig(cfg, func(o *iam.Options) { o.BaseEndpoint = aws.String(url) }),
		Config:     configservice.NewFromConfig(cfg, func(o *configservice.Options) { o.BaseEndpoint = aws.String(url) }),
		CloudWatch: cloudwatch.NewFromConfig(cfg, func(o *cloudwatch.Options) { o.BaseEndpoint = aws.String(url) }),
		Functions:  lambda.NewFromConfig(cfg, func(o *lambda.Options) { o.BaseEndpoint = aws.String(url) }),
		Inspector:  inspector2.NewFromConfig(cfg, func(o *inspector2.Options) { o.BaseEndpoint = aws.String(url) }),
		APIDomains: apigatewayv2.NewFromConfig(cfg, func(o *apigatewayv2.Options) { o.BaseEndpoint = aws.String(url) }),
		CloudFront: cloudfront.NewFromConfig(cfg, func(o *cloudfront.Options) { o.BaseEndpoint = aws.String(url) }),
		Secrets:    secretsmanager.NewFromConfig(cfg, func(o *secretsmanager.Options) { o.BaseEndpoint = aws.String(url) }),
		ECS:        ecs.NewFromConfig(cfg, func(o *ecs.Options) { o.BaseEndpoint = aws.String(url) }),
		SageMaker:  sagemaker.NewFromConfig(cfg, func(o *sagemaker.Options) { o.BaseEndpoint = aws.String(url) }),
	}
	r, err := controlswire.New(cc, s.Config, controlswire.Settings{APIID: "local", Stage: "$default", LatencyObjective: 120 * time.Millisecond})
	if err != nil {
		return err
	}
	controlsBySystem.Store(s, &controlsState{runner: r, account: acct, url: url})
	if err := s.seedRegisters(ctx); err != nil {
		return err
	}
	invoke := invoke.JSON(controlswire.Handler(r, s.opts.Log))
	s.AddJob(Job{Name: "controls", Run: func(ctx context.Context, now time.Time) error {
		_, err := invoke(ctx, ScheduledEvent(now, "agentgate-controls"))
		return err
	}})
	return nil
}

// seedRegisters gives the demo tenant a living status: a model change
// approved by a second principal, access reviews covering the roles the
// fixture account lets reach model endpoints, an adversarial run, and one
// vendor whose review is due in 14 days.
func (s *System) seedRegisters(ctx context.Context) error {
	regs := apiwire.NewRegisters(s.Clients, s.Config)
	t := s.opts.Tenant
	if _, err := regs.PutVendor(ctx, t, "seed", registers.VendorInput{
		ID: "openai", Name: "OpenAI", Providers: []string{"openai"}, DPA: true,
		SOC2ReportDate: time.Now().AddDate(0, -3, 0).Format(registers.DateLayout),
		NextReviewDue:  time.Now().AddDate(0, 0, 14).Format(registers.DateLayout),
	}); err != nil {
		return fmt.Errorf("seed vendor: %w", err)
	}
	if _, err := regs.SubmitModel(ctx, t, "seed-submitter", registers.ModelSubmission{
		Version: "gpt-demo@2026-11", Provider: "openai", Benchmarks: map[string]float64{"mmlu": 0.86, "internal-eval": 0.91},
	}); err != nil && !errors.Is(err, registers.ErrConflict) {
		return fmt.Errorf("seed model: %w", err)
	}
	if _, err := regs.ApproveModel(ctx, t, "gpt-demo@2026-11", "seed-approver"); err != nil && !errors.Is(err, registers.ErrConflict) {
		return fmt.Errorf("seed approval: %w", err)
	}
	for _, sc := range registers.ReviewScopes {
		in := registers.AccessReviewInput{Scope: sc, Reviewer: "security-lead", Date: time.Now().AddDate(0, 0, -10).Format(registers.DateLayout)}
		if sc == registers.ScopeModelEndpoints {
			in.Principals = []string{"inference-service", "batch-scorer"}
		}
		if _, err := regs.RecordAccessReview(ctx, t, "seed", in); err != nil {
			return fmt.Errorf("seed access review: %w", err)
		}
	}
	// Controls v2: a model-outage runbook last drilled 400 days ago (CC7.4
	// failing), a fine-tuned version with no dataset record (C1.1 failing),
	// a failing bias test of gpt-demo (PI1.3 fails once it is used), and
	// the OpenAI vendor above has no SLA or fallback and no output review
	// is recorded (A1.1 and PI1.4 fail once calls name openai and an output
	// is flagged).
	if _, err := regs.PutRunbook(ctx, t, "seed", registers.RunbookInput{
		ID: "llm-outage", Name: "LLM provider outage", Scope: registers.RunbookModelOutage, Owner: "sre-oncall",
		LastDrill: time.Now().AddDate(0, 0, -400).Format(registers.DateLayout),
	}); err != nil {
		return fmt.Errorf("seed runbook: %w", err)
	}
	if _, err := regs.SubmitModel(ctx, t, "seed-submitter", registers.ModelSubmission{
		Version: "gpt-demo-ft@2026-12", Provider: "openai", FineTuned: true, Benchmarks: map[string]float64{"internal-eval": 0.93},
	}); err != nil && !errors.Is(err, registers.ErrConflict) {
		return fmt.Errorf("seed fine-tuned model: %w", err)
	}
	thr, res := 0.05, 0.12
	if _, err := regs.RecordBiasRun(ctx, t, "seed", registers.BiasRunInput{
		ModelVersion: "gpt-demo@2026-11", Groups: []string{"en", "de", "fr"}, Metric: "refusal_rate_difference",
		Threshold: &thr, Result: &res, Date: time.Now().AddDate(0, 0, -5).Format(registers.DateLayout),
	}); err != nil {
		return fmt.Errorf("seed bias run: %w", err)
	}
	// A little real traffic through the gateway (authorizer, validate),
	// naming gpt-demo via openai, one output flagged: PI1.3 and A1.1 fail
	// at once; PI1.4 counts flagged outputs once they are a week old.
	for i, out := range []string{"Your order shipped on Monday.", "The card on file is 4111 1111 1111 1111.", "Happy to help."} {
		body := fmt.Sprintf(`{"input":"where is order %d?","output":%q,"context":{"userId":"demo-user-%d","modelVersion":"gpt-demo@2026-11","modelProvider":"openai"}}`, i, out, i)
		req := httptest.NewRequest("POST", "/v1/validate", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+s.APIKey)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		s.srv.Handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			return fmt.Errorf("seed validate: status %d: %s", rec.Code, rec.Body.String())
		}
	}
	adv, err := adversary.New(regs, s.API.Appender)
	if err != nil {
		return err
	}
	if _, _, err := adv.Run(ctx, t, "seed"); err != nil {
		return fmt.Errorf("seed adversarial run: %w", err)
	}
	return nil
}

// RunControls runs the controls function once at now, as its schedule would.
func (s *System) RunControls(ctx context.Context, now time.Time) (controls.Summary, error) {
	st, ok := controlsBySystem.Load(s)
	if !ok {
		return controls.Summary{}, errors.New("controls not started")
	}
	return st.(*controlsState).runner.Run(ctx, now)
}

// FixtureAccount is the recorded AWS account the controls read, for tests
// that make it fail.
func (s *System) FixtureAccount() *fixture.Account {
	st, ok := controlsBySystem.Load(s)
	if !ok {
		return nil
	}
	return st.(*controlsState).account
}
