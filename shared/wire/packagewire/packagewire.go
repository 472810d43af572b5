// Package packagewire builds the packager function's handler: audit
// packages on request, monthly, and in parts for the fan-out. It reaches
// the checkpointer for seals and signatures (Lambda Invoke deployed, in
// process locally), so it links the checkpointer's wiring, plus Lambda and
// Step Functions; not the account services only the controls function
// reads (docs/decisions/232).
package packagewire

import (
	"context"
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	lambdaevents "github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/controls/ddbstore"
	archstore "github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/audit"
	auditstore "github.com/agentgate/agentgate/shared/audit/awsstore"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/metrics"
	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/regstore"
	"github.com/agentgate/agentgate/shared/wire"
	"github.com/agentgate/agentgate/shared/wire/checkpointwire"
)

// Clients are the packager's clients: the evidence store's (the KMS
// client only for the in-process checkpointer of the local system), Lambda
// to invoke the deployed checkpointer, Step Functions to start the fan-out.
type Clients struct {
	wire.Clients
	// Lambda invokes the checkpointer (deployed only).
	Lambda LambdaAPI
	// SFN starts the package fan-out (deployed only).
	SFN SFNAPI
}

// Packager is the packager function: it builds requested packages (S3
// notifications of request objects) and, on the monthly schedule, last
// month's package of every tenant.
type Packager struct {
	Service *audit.Service
	Blobs   *auditstore.Blobs
	Tenants interface {
		Tenants(ctx context.Context) ([]string, error)
	}
	// Log, when set, receives one EMF line per build (shared/metrics).
	Log *slog.Logger
}

// New builds the packager from clients and configuration.
func New(c Clients, cfg wire.Config) (*Packager, error) {
	if c.DDB == nil || c.S3 == nil {
		return nil, errors.New("packager: needs DynamoDB and S3 clients")
	}
	if cfg.PackagesBucket == "" || cfg.ArchiveBucket == "" || cfg.DataKeyID == "" {
		return nil, errors.New("packager: needs the packages and archive buckets and the data key")
	}
	// Seals and the package signature come from the checkpointer, which
	// alone may sign (decision 102): deployed by Lambda Invoke, locally by
	// the same handler in process, through the same JSON.
	var inv Invoker
	switch {
	case cfg.CheckpointerFunction != "":
		if c.Lambda == nil {
			return nil, errors.New("packager: needs a Lambda client to invoke " + cfg.CheckpointerFunction)
		}
		inv = LambdaInvoker{API: c.Lambda, Function: cfg.CheckpointerFunction}
	default:
		h, err := checkpointwire.NewCheckpointerFunction(c.Clients, cfg)
		if err != nil {
			return nil, fmt.Errorf("packager: in-process checkpointer: %w", err)
		}
		inv = handlerInvoker{lambda.NewHandler(h)}
	}
	signer := checkpointerClient{inv}
	reg := archstore.NewRegistry(c.DDB, cfg.RegistryTable)
	results := ddbstore.New(c.DDB, cfg.RegistryTable)
	blobs := auditstore.NewBlobs(c.S3, cfg.PackagesBucket, cfg.DataKeyID)
	b := &audit.Builder{
		Bundles:     auditstore.NewArchive(c.S3, cfg.ArchiveBucket, reg),
		Checkpoints: reg,
		Entries:     dynamo.NewEvidenceStore(c.DDB, cfg.EvidenceTable),
		Sealer:      signer,
		Signer:      signer,
		Controls:    controlHistory{store: results, operator: cfg.OperatorTenant},
		Registers:   registerTables{regstore.New(c.DDB, cfg.RegistryTable)},
		Now:         cfg.Clock(),
		Log:         cfg.Log,
	}
	svc := &audit.Service{
		Builder: b, Records: auditstore.NewRecords(c.DDB, cfg.RegistryTable), Blobs: blobs,
		Trigger: auditstore.Trigger{Blobs: blobs}, Now: cfg.Clock(), Rand: crand.Reader, Log: cfg.Log,
		ByReferenceBytes: cfg.PackageByReferenceBytes,
	}
	if cfg.PackageStateMachineARN != "" && cfg.PackageSingleMaxBytes > 0 {
		if c.SFN == nil {
			return nil, errors.New("packager: needs a Step Functions client to start " + cfg.PackageStateMachineARN)
		}
		svc.FanOut = sfnFanOut{api: c.SFN, arn: cfg.PackageStateMachineARN}
		svc.SingleMaxBytes = cfg.PackageSingleMaxBytes
	}
	return &Packager{Service: svc, Blobs: blobs, Tenants: results, Log: cfg.Log}, nil
}

// SFNAPI is the part of the Step Functions client the packager uses.
type SFNAPI interface {
	StartExecution(ctx context.Context, in *sfn.StartExecutionInput, opts ...func(*sfn.Options)) (*sfn.StartExecutionOutput, error)
}

// sfnFanOut starts the package state machine for one package. The
// execution's name is the package's, so a retried start of the same
// package is refused (ExecutionAlreadyExists) instead of building twice.
type sfnFanOut struct {
	api SFNAPI
	arn string
}

func (f sfnFanOut) Start(ctx context.Context, tenant, id string) error {
	in, _ := json.Marshal(map[string]string{"tenant": tenant, "id": id})
	_, err := f.api.StartExecution(ctx, &sfn.StartExecutionInput{
		StateMachineArn: &f.arn, Name: aws.String(executionName(tenant, id)), Input: aws.String(string(in)),
	})
	var exists *sfntypes.ExecutionAlreadyExists
	if errors.As(err, &exists) {
		return nil // already started: that execution finishes it
	}
	if err != nil {
		return fmt.Errorf("start %s for %s/%s: %w", f.arn, tenant, id, err)
	}
	return nil
}

// executionName is a Step Functions execution name (1-80 of [A-Za-z0-9-_])
// unique to the package.
func executionName(tenant, id string) string {
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
				return r
			}
			return '-'
		}, s)
	}
	sum := sha256.Sum256([]byte(tenant + "/" + id))
	name := clean(id) + "-" + hex.EncodeToString(sum[:6])
	if len(name) > 80 {
		name = name[len(name)-80:]
	}
	return name
}

// PackageAction is an event of the package fan-out (the contract with
// infra's state machine, decision 230).
type PackageAction struct {
	Action   string             `json:"action"`
	Tenant   string             `json:"tenant"`
	ID       string             `json:"id"`
	UploadID string             `json:"uploadId"`
	Part     int32              `json:"part"`
	Parts    []audit.PartAnswer `json:"parts"`
	Error    string             `json:"error"`
	Cause    string             `json:"cause"`
}

// Invoke is the packager's Lambda handler: the fan-out's actions (plan,
// part, finish, abort) answer JSON; every other event goes to Handle.
func (p *Packager) Invoke(ctx context.Context, raw json.RawMessage) (any, error) {
	var a PackageAction
	if err := json.Unmarshal(raw, &a); err != nil || a.Action == "" {
		return nil, p.Handle(ctx, raw)
	}
	if a.Tenant == "" || a.ID == "" {
		return nil, fmt.Errorf("packager: %s without tenant and id", a.Action)
	}
	switch a.Action {
	case "plan":
		return p.Service.PlanParts(ctx, a.Tenant, a.ID)
	case "part":
		return p.Service.BuildPart(ctx, a.Tenant, a.ID, a.UploadID, a.Part)
	case "finish":
		start := time.Now()
		err := p.Service.FinishParts(ctx, a.Tenant, a.ID, a.UploadID, a.Parts)
		packageMetrics(ctx, p.Log, time.Now(), time.Since(start), err)
		if err != nil {
			return nil, err
		}
		return map[string]string{"id": a.ID}, nil
	case "abort":
		return map[string]string{"id": a.ID}, p.Service.AbortParts(ctx, a.Tenant, a.ID, a.UploadID, a.Error+": "+a.Cause)
	}
	return nil, fmt.Errorf("packager: unknown action %q", a.Action)
}

// Handle takes either event the function receives: S3 notifications of
// build requests, or the monthly EventBridge schedule.
func (p *Packager) Handle(ctx context.Context, raw json.RawMessage) error {
	var probe struct {
		Records    []json.RawMessage `json:"Records"`
		DetailType string            `json:"detail-type"`
		Time       time.Time         `json:"time"`
		// EventBridge "Object Created" (the deployed trigger of requests).
		Detail struct {
			Object struct {
				Key string `json:"key"`
			} `json:"object"`
		} `json:"detail"`
	}
	if err := json.Unmarshal(raw, &probe); err != nil {
		return fmt.Errorf("packager: unreadable event: %w", err)
	}
	if len(probe.Records) > 0 {
		var ev lambdaevents.S3Event
		if err := json.Unmarshal(raw, &ev); err != nil {
			return fmt.Errorf("packager: S3 event: %w", err)
		}
		var errs []error
		for _, r := range ev.Records {
			key := r.S3.Object.URLDecodedKey
			if key == "" {
				key = r.S3.Object.Key
			}
			if err := p.Requested(ctx, key); err != nil {
				errs = append(errs, err)
			}
		}
		return errors.Join(errs...)
	}
	if probe.DetailType == "Object Created" {
		return p.Requested(ctx, probe.Detail.Object.Key)
	}
	if probe.DetailType == "Scheduled Event" {
		tenants, err := p.Tenants.Tenants(ctx)
		if err != nil {
			return fmt.Errorf("packager: tenants: %w", err)
		}
		start := time.Now()
		err = p.Service.Monthly(ctx, probe.Time, tenants)
		// One line for the run: a build per tenant attempted, a failure per
		// error joined.
		failed := 0
		if err != nil {
			failed = 1
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				failed = len(j.Unwrap())
			}
		}
		metrics.Emit(ctx, p.Log, "package builds", time.Now(), metrics.Line{
			Function: metrics.FnPackager,
			Values: []metrics.Value{
				{Metric: metrics.PackageBuilds, V: float64(len(tenants))},
				{Metric: metrics.PackageBuildFailures, V: float64(failed)},
				{Metric: metrics.PackageBuildTime, V: time.Since(start).Seconds()},
			},
		})
		return err
	}
	return errors.New("packager: neither an S3 object-created event nor a scheduled event")
}

// Requested builds the package a request object names, then removes it.
func (p *Packager) Requested(ctx context.Context, key string) error {
	tenant, id, ok := auditstore.ParseRequestKey(key)
	if !ok {
		return nil // not a request object: nothing to do
	}
	start := time.Now()
	err := p.Service.Process(ctx, tenant, id)
	packageMetrics(ctx, p.Log, time.Now(), time.Since(start), err)
	if err != nil {
		return err // returned, so the asynchronous invoke is retried
	}
	return p.Blobs.Done(ctx, key)
}

// controlHistory reads control results for packages from the controls'
// result store, with names and framework mappings from the catalog. Only
// the operator's packages keep the account checks' findings (decision
// 131); results stored before they were separated are redacted here too.
type controlHistory struct {
	store    *ddbstore.Store
	operator string
}

func (h controlHistory) ControlResults(ctx context.Context, tenant string, from, to time.Time) ([]audit.ControlResult, error) {
	cat, err := controls.Catalog()
	if err != nil {
		return nil, err
	}
	var out []audit.ControlResult
	for _, c := range cat {
		// Newest first, a page at a time, from the period's end back to
		// the last result before its start.
		before := to
	pages:
		for {
			hist, err := h.store.History(ctx, tenant, c.ID, before, 1000)
			if err != nil {
				return nil, fmt.Errorf("history of %s: %w", c.ID, err)
			}
			for _, r := range hist {
				if h.operator == "" || tenant != h.operator {
					r = controls.RedactAccount(r)
				}
				out = append(out, audit.ControlResult{Control: c.ID, Name: c.Name, Status: string(r.Status), Detail: r.Detail, Frameworks: c.Frameworks, At: r.CheckedAt})
				if r.CheckedAt.Before(from) {
					break pages
				}
				before = r.CheckedAt
			}
			if len(hist) < 1000 {
				break
			}
		}
	}
	return out, nil
}

// FrameworkSummaries counts the frameworks as the status route would have
// at at: each control's newest result before it and the exceptions as
// their events stood (controls.SummariesAt, the route's one definition).
func (h controlHistory) FrameworkSummaries(ctx context.Context, tenant string, at time.Time) ([]audit.FrameworkSummary, error) {
	cat, err := controls.Catalog()
	if err != nil {
		return nil, err
	}
	latest := map[string]controls.Result{}
	for _, c := range cat {
		hist, err := h.store.History(ctx, tenant, c.ID, at, 1)
		if err != nil {
			return nil, fmt.Errorf("latest result of %s: %w", c.ID, err)
		}
		if len(hist) > 0 {
			latest[c.ID] = hist[0]
		}
	}
	exc, err := h.store.Exceptions(ctx, tenant)
	if err != nil {
		return nil, fmt.Errorf("exceptions: %w", err)
	}
	sums, err := controls.SummariesAt(latest, exc, at)
	if err != nil {
		return nil, err
	}
	out := make([]audit.FrameworkSummary, len(sums))
	for i, s := range sums {
		out[i] = audit.FrameworkSummary{Framework: s.Framework, Title: s.Title, Covered: s.Covered, Passing: s.Passing,
			Warning: s.Warning, Failing: s.Failing, Accepted: s.Accepted, Error: s.Error}
	}
	return out, nil
}

var _ audit.SummarySource = controlHistory{}

// registerTables renders the registers as package tables.
type registerTables struct{ store registers.Store }

func dateOf(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func (r registerTables) Register(ctx context.Context, tenant, name string, from, to time.Time) (audit.Table, error) {
	in := func(t time.Time) bool { return !t.Before(from) && t.Before(to) }
	t := audit.Table{Header: audit.RegisterHeaders[name]}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch name {
	case audit.RegisterVendors:
		vs, err := r.store.Vendors(ctx, tenant)
		if err != nil {
			return audit.Table{}, err
		}
		for _, v := range vs {
			t.Rows = append(t.Rows, []string{v.ID, v.Name, strings.Join(v.Providers, " "), strconv.FormatBool(v.DPA), v.SOC2ReportDate, v.NextReviewDue, v.SLA, v.Fallback, v.UpdatedBy, dateOf(&v.UpdatedAt)})
		}
		return t, nil
	case audit.RegisterAccessReviews:
		rs, err := r.store.AccessReviews(ctx, tenant)
		if err != nil {
			return audit.Table{}, err
		}
		for _, a := range rs {
			if in(a.RecordedAt) {
				t.Rows = append(t.Rows, []string{a.ID, a.Scope, a.Reviewer, a.Date, strings.Join(a.Findings, "; "), strings.Join(a.Principals, " "), a.RecordedBy, dateOf(&a.RecordedAt)})
			}
		}
		return t, nil
	case audit.RegisterModelChanges:
		ms, err := r.store.Models(ctx, tenant)
		if err != nil {
			return audit.Table{}, err
		}
		for _, m := range ms {
			bm, _ := json.Marshal(m.Benchmarks)
			t.Rows = append(t.Rows, []string{m.Version, m.Provider, m.Status, strconv.FormatBool(m.FineTuned), string(bm), m.SubmittedBy, dateOf(&m.SubmittedAt), m.ApprovedBy, dateOf(m.ApprovedAt), m.RolledBackBy, dateOf(m.RolledBackAt), m.RollbackReason})
		}
		return t, nil
	case audit.RegisterAdversarialRuns:
		rs, err := r.store.AdversarialRuns(ctx, tenant)
		if err != nil {
			return audit.Table{}, err
		}
		for _, a := range rs {
			if in(a.RanAt) {
				t.Rows = append(t.Rows, []string{a.ID, dateOf(&a.RanAt), a.RanBy, a.PolicyHash, strconv.Itoa(a.Attacks), strconv.Itoa(a.Detected),
					strconv.FormatFloat(a.DetectionRate, 'f', 4, 64), strconv.Itoa(a.Benign), strconv.Itoa(a.FalsePositives),
					strconv.FormatFloat(a.FalsePositiveRate, 'f', 4, 64), a.ReportSHA256, a.Evidence})
			}
		}
		return t, nil
	// The governance registers are kept whole up to the period's end, not
	// cut to it: a control passes on the latest bias run, drill or review,
	// which may predate the period, and the auditor must see that record.
	case audit.RegisterBiasRuns:
		rs, err := r.store.BiasRuns(ctx, tenant)
		if err != nil {
			return audit.Table{}, err
		}
		for _, b := range rs {
			if b.RecordedAt.Before(to) {
				t.Rows = append(t.Rows, []string{b.ID, b.ModelVersion, strings.Join(b.Groups, "; "), b.Metric, b.Comparison, f(b.Threshold), f(b.Result),
					strconv.FormatBool(b.Passed), b.Date, b.Notes, b.RecordedBy, dateOf(&b.RecordedAt)})
			}
		}
		return t, nil
	case audit.RegisterRunbooks:
		bs, err := r.store.Runbooks(ctx, tenant)
		if err != nil {
			return audit.Table{}, err
		}
		for _, b := range bs {
			t.Rows = append(t.Rows, []string{b.ID, b.Name, b.Scope, b.Owner, b.Location, b.LastDrill, b.DrillNotes, b.UpdatedBy, dateOf(&b.UpdatedAt)})
		}
		return t, nil
	case audit.RegisterDatasets:
		ds, err := r.store.Datasets(ctx, tenant)
		if err != nil {
			return audit.Table{}, err
		}
		for _, d := range ds {
			t.Rows = append(t.Rows, []string{d.ID, d.Name, strings.Join(d.ModelVersions, " "), d.ConsentBasis, strconv.FormatBool(d.TenantIsolation), d.Source, d.ReviewedAt, d.UpdatedBy, dateOf(&d.UpdatedAt)})
		}
		return t, nil
	case audit.RegisterOutputReviews:
		rs, err := r.store.OutputReviews(ctx, tenant)
		if err != nil {
			return audit.Table{}, err
		}
		for _, o := range rs {
			if o.RecordedAt.Before(to) {
				t.Rows = append(t.Rows, []string{o.ID, o.From, o.To, strconv.Itoa(o.Reviewed), f(o.SampleRate), o.Reviewer, strings.Join(o.Findings, "; "), o.RecordedBy, dateOf(&o.RecordedAt)})
			}
		}
		return t, nil
	}
	return audit.Table{}, fmt.Errorf("unknown register %q", name)
}

// Invoker calls a function synchronously with a JSON payload: Lambda Invoke
// when deployed, the handler itself in process locally.
type Invoker interface {
	Invoke(ctx context.Context, payload []byte) ([]byte, error)
}

// handlerInvoker runs a handler in process through its JSON payloads, as
// Lambda would: the local system's packager reaches the checkpointer so.
type handlerInvoker struct{ h lambda.Handler }

func (i handlerInvoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	return i.h.Invoke(ctx, payload)
}

// LambdaAPI is the part of the Lambda client the invoker uses.
type LambdaAPI interface {
	Invoke(ctx context.Context, in *awslambda.InvokeInput, opts ...func(*awslambda.Options)) (*awslambda.InvokeOutput, error)
}

// LambdaInvoker invokes a deployed function synchronously.
type LambdaInvoker struct {
	API      LambdaAPI
	Function string
}

// Invoke returns the function's response, or its error as an error.
func (i LambdaInvoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	out, err := i.API.Invoke(ctx, &awslambda.InvokeInput{FunctionName: &i.Function, Payload: payload})
	if err != nil {
		return nil, fmt.Errorf("invoke %s: %w", i.Function, err)
	}
	if out.FunctionError != nil {
		return nil, fmt.Errorf("invoke %s: %s: %s", i.Function, *out.FunctionError, out.Payload)
	}
	return out.Payload, nil
}

// checkpointerClient is the packager's Sealer and Signer: requests to the
// checkpointer function.
type checkpointerClient struct{ inv Invoker }

var (
	_ audit.Sealer = checkpointerClient{}
	_ audit.Signer = checkpointerClient{}
)

func (c checkpointerClient) call(ctx context.Context, req checkpointwire.CheckpointerRequest) (checkpointwire.CheckpointerResponse, error) {
	var res checkpointwire.CheckpointerResponse
	b, err := json.Marshal(req)
	if err != nil {
		return res, err
	}
	out, err := c.inv.Invoke(ctx, b)
	if err != nil {
		return res, fmt.Errorf("checkpointer %s: %w", req.Action, err)
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return res, fmt.Errorf("checkpointer %s: unreadable response: %w", req.Action, err)
	}
	return res, nil
}

// Seal asks the checkpointer to seal chain now (its clock, not now: the
// packager does not choose what time a checkpoint states). The packager
// reads the result from the registry, so only the error is passed on.
func (c checkpointerClient) Seal(ctx context.Context, chain string, _ time.Time) (*checkpoint.Checkpoint, error) {
	_, err := c.call(ctx, checkpointwire.CheckpointerRequest{Action: checkpointwire.ActionSeal, Chain: chain})
	return nil, err
}

func (c checkpointerClient) SignPackage(ctx context.Context, tenant, id string, sequence int64, packageHash string) ([]byte, error) {
	res, err := c.call(ctx, checkpointwire.CheckpointerRequest{Action: checkpointwire.ActionSignPackage, Tenant: tenant, ID: id, Sequence: sequence, PackageHash: packageHash})
	if err != nil {
		return nil, err
	}
	if len(res.Signature) == 0 {
		return nil, errors.New("checkpointer: empty package signature")
	}
	return res.Signature, nil
}

func (c checkpointerClient) PublicKey(ctx context.Context) ([]byte, error) {
	res, err := c.call(ctx, checkpointwire.CheckpointerRequest{Action: checkpointwire.ActionPublicKey})
	if err != nil {
		return nil, err
	}
	if len(res.PublicKey) == 0 {
		return nil, errors.New("checkpointer: empty public key")
	}
	return res.PublicKey, nil
}

// packageMetrics reports one package build.
func packageMetrics(ctx context.Context, log *slog.Logger, now time.Time, took time.Duration, err error) {
	failed := 0.0
	if err != nil {
		failed = 1
	}
	metrics.Emit(ctx, log, "package build", now, metrics.Line{
		Function: metrics.FnPackager,
		Values: []metrics.Value{
			{Metric: metrics.PackageBuilds, V: 1},
			{Metric: metrics.PackageBuildFailures, V: failed},
			{Metric: metrics.PackageBuildTime, V: took.Seconds()},
		},
	})
}
