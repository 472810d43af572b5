package regstore_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/localtest/emulator"
	"github.com/agentgate/agentgate/localtest/stack"
	"github.com/agentgate/agentgate/shared/registers"
	"github.com/agentgate/agentgate/shared/registers/regstore"
	"github.com/agentgate/agentgate/shared/tables"
)

var (
	emu    *emulator.Set
	nextID atomic.Int64
)

func TestMain(m *testing.M) { emulator.Main(m, &emu, emulator.Dynamo) }

// pagedAPI is the DynamoDB client with each register's Query pages
// counted: how many pages a list took, and whether a page ended with a
// LastEvaluatedKey the next one followed.
type pagedAPI struct {
	*dynamodb.Client
	mu    sync.Mutex
	pages map[string]int // partition -> pages read
	// firstOnly drops LastEvaluatedKey: a reader that stops after a page.
	firstOnly bool
}

func (p *pagedAPI) Query(ctx context.Context, in *dynamodb.QueryInput, opts ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error) {
	out, err := p.Client.Query(ctx, in, opts...)
	if err != nil {
		return nil, err
	}
	if pk, ok := in.ExpressionAttributeValues[":p"].(*types.AttributeValueMemberS); ok {
		p.mu.Lock()
		p.pages[pk.Value]++
		p.mu.Unlock()
	}
	if p.firstOnly {
		out.LastEvaluatedKey = nil
	}
	return out, nil
}

// pagesOf counts the pages read of a register partition.
func (p *pagedAPI) pagesOf(register string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for k, v := range p.pages {
		if strings.HasSuffix(k, "#"+register) {
			n += v
		}
	}
	return n
}

// newStore is a register store over fresh tables of DynamoDB Local, two
// items a page, and the same table read by a store that stops after the
// first page.
func newStore(t *testing.T) (st, firstPage *regstore.Store, api *pagedAPI) {
	t.Helper()
	ctx := context.Background()
	ddb := dynamodb.NewFromConfig(emulator.Config(emu.Region), emulator.DynamoOptions(emu.Dynamo.Endpoint))
	names, err := stack.CreateTables(ctx, ddb, fmt.Sprintf("reg%d-", nextID.Add(1)))
	require.NoError(t, err)
	table := names[tables.Registry.EnvVar]
	api = &pagedAPI{Client: ddb, pages: map[string]int{}}
	st = regstore.New(api, table)
	st.PageSize = 2
	firstPage = regstore.New(&pagedAPI{Client: ddb, pages: map[string]int{}, firstOnly: true}, table)
	firstPage.PageSize = 2
	return st, firstPage, api
}

func statusOf(t *testing.T, c controls.Check, in controls.Input) (controls.Status, []controls.Finding) {
	t.Helper()
	fs, err := c.Run(context.Background(), in)
	require.NoError(t, err)
	st := controls.Passing
	for _, f := range fs {
		st = controls.Worst(st, f.Status)
	}
	return st, fs
}

// TestRegisterChecksReadEveryPage: each register-backed control reads its
// register through DynamoDB Query pages of two items on DynamoDB Local,
// and its verdict turns on an item of a later page: the record that makes
// it pass, or the one that makes it fail, is never on the first page.
func TestRegisterChecksReadEveryPage(t *testing.T) {
	ctx := context.Background()
	const tenant = "acme"
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	ymd := func(t time.Time) string { return t.Format(registers.DateLayout) }
	inUse := func(keys ...string) map[string]controls.Use {
		m := map[string]controls.Use{}
		for _, k := range keys {
			m[k] = controls.Use{First: now.Add(-40 * day), Last: now.Add(-day)}
		}
		return m
	}
	bias := func(id, version string, passed bool) registers.BiasRun {
		return registers.BiasRun{ID: id, ModelVersion: version, Groups: []string{"en", "de"}, Metric: "dpd", Comparison: "max",
			Threshold: 0.05, Result: 0.02, Passed: passed, Date: ymd(now.Add(-10 * day)), RecordedBy: "k", RecordedAt: now.Add(-10 * day)}
	}
	tests := []struct {
		name     string
		register string // the partition that must span pages
		fill     func(t *testing.T, st *regstore.Store)
		check    func(reg controls.Registers) controls.Check
		usage    *controls.Usage
		want     controls.Status
		detail   string
	}{
		{
			name: "PI1.3: the version's one passing run is the oldest (read newest first)", register: "BIAS_RUNS",
			fill: func(t *testing.T, st *regstore.Store) {
				for _, r := range []registers.BiasRun{bias("r1", "m@1", true), bias("r2", "other@1", true), bias("r3", "other@2", true)} {
					require.NoError(t, st.PutBiasRun(ctx, tenant, r))
				}
			},
			check: func(reg controls.Registers) controls.Check { return controls.BiasCheck(reg, controls.Thresholds{}) },
			usage: &controls.Usage{Models: inUse("m@1")}, want: controls.Passing,
		},
		{
			name: "CC7.4: the model-outage runbook sorts after two others", register: "RUNBOOKS",
			fill: func(t *testing.T, st *regstore.Store) {
				for _, b := range []registers.Runbook{
					{ID: "a-leak", Name: "leak", Scope: registers.RunbookDataLeak, Owner: "sec", LastDrill: ymd(now.Add(-20 * day))},
					{ID: "b-abuse", Name: "abuse", Scope: registers.RunbookAbuse, Owner: "sec", LastDrill: ymd(now.Add(-20 * day))},
					{ID: "c-outage", Name: "LLM provider outage", Scope: registers.RunbookModelOutage, Owner: "sre", LastDrill: ymd(now.Add(-60 * day))},
				} {
					require.NoError(t, st.PutRunbook(ctx, tenant, b))
				}
			},
			check: func(reg controls.Registers) controls.Check { return controls.IncidentCheck(reg, controls.Thresholds{}) },
			want:  controls.Passing,
		},
		{
			name: "A1.1: the provider's vendor sorts after two others", register: "VENDORS",
			fill: func(t *testing.T, st *regstore.Store) {
				for _, v := range []registers.Vendor{
					{ID: "a", Name: "A", Providers: []string{"cohere"}, NextReviewDue: "2027-06-01"},
					{ID: "b", Name: "B", Providers: []string{"mistral"}, NextReviewDue: "2027-06-01"},
					{ID: "c", Name: "OpenAI", Providers: []string{"openai"}, NextReviewDue: "2027-06-01", SLA: "99.9% monthly", Fallback: "route to anthropic"},
				} {
					require.NoError(t, st.PutVendor(ctx, tenant, v))
				}
			},
			check: func(reg controls.Registers) controls.Check { return controls.FallbackCheck(reg, controls.Thresholds{}) },
			usage: &controls.Usage{Providers: inUse("openai")}, want: controls.Passing,
		},
		{
			name: "C1.1: the fine-tuned version's dataset sorts after two others", register: "DATASETS",
			fill: func(t *testing.T, st *regstore.Store) {
				require.NoError(t, st.CreateModel(ctx, tenant, registers.ModelVersion{Version: "ft@1", Status: registers.ModelApproved, FineTuned: true, SubmittedAt: now}))
				for _, d := range []registers.Dataset{
					{ID: "a", Name: "a", ModelVersions: []string{"x@1"}, ConsentBasis: "contract", TenantIsolation: true, ReviewedAt: ymd(now.Add(-day))},
					{ID: "b", Name: "b", ModelVersions: []string{"y@1"}, ConsentBasis: "contract", TenantIsolation: true, ReviewedAt: ymd(now.Add(-day))},
					{ID: "c", Name: "c", ModelVersions: []string{"ft@1"}, ConsentBasis: "contract", TenantIsolation: true, ReviewedAt: ymd(now.Add(-day))},
				} {
					require.NoError(t, st.PutDataset(ctx, tenant, d))
				}
			},
			check: func(reg controls.Registers) controls.Check {
				return controls.TrainingDataCheck(reg, controls.Thresholds{})
			},
			want: controls.Passing,
		},
		{
			name: "C1.1: the fine-tuned version with no dataset is the third model", register: "MODELS",
			fill: func(t *testing.T, st *regstore.Store) {
				for _, m := range []registers.ModelVersion{
					{Version: "a@1", Status: registers.ModelApproved, SubmittedAt: now},
					{Version: "b@1", Status: registers.ModelApproved, SubmittedAt: now},
					{Version: "c-ft@1", Status: registers.ModelApproved, FineTuned: true, SubmittedAt: now},
				} {
					require.NoError(t, st.CreateModel(ctx, tenant, m))
				}
			},
			check: func(reg controls.Registers) controls.Check {
				return controls.TrainingDataCheck(reg, controls.Thresholds{})
			},
			want: controls.Failing, detail: "fine-tuned model version c-ft@1 has no training dataset on record",
		},
		{
			name: "PI1.4: the rate is met only with the oldest review counted", register: "OUTPUT_REVIEWS",
			fill: func(t *testing.T, st *regstore.Store) {
				for i, id := range []string{"r1", "r2", "r3"} {
					d := ymd(now.Add(-time.Duration(12-i) * day))
					require.NoError(t, st.PutOutputReview(ctx, tenant, registers.OutputReview{ID: id, From: d, To: d, Reviewed: 2, SampleRate: 0.2,
						Reviewer: "qa", RecordedBy: "k", RecordedAt: now.Add(-time.Duration(3-i) * time.Hour)}))
				}
			},
			check: func(reg controls.Registers) controls.Check {
				return controls.OutputReviewCheck(reg, controls.Thresholds{})
			},
			// 25 flagged at 0.2 need 5 reviews: the newest two pages' 4 fall short.
			usage: &controls.Usage{Gate: map[string]*controls.GateDay{ymd(now.Add(-11 * day)): {Flagged: 25}}}, want: controls.Passing,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, firstPage, api := newStore(t)
			tt.fill(t, st)
			in := controls.Input{Tenant: tenant, Now: now, Usage: tt.usage}
			if in.Usage == nil {
				in.Usage = &controls.Usage{}
			}
			got, fs := statusOf(t, tt.check(st), in)
			assert.Equal(t, tt.want, got, "%v", fs)
			if tt.detail != "" {
				require.Len(t, fs, 1)
				assert.Equal(t, tt.detail, fs[0].Detail)
			}
			assert.GreaterOrEqual(t, api.pagesOf(tt.register), 2, "the %s register spans pages", tt.register)

			// The same register read as one page of two: the verdict differs,
			// so it does turn on what the later page holds.
			short, _ := statusOf(t, tt.check(firstPage), in)
			assert.NotEqual(t, tt.want, short, "with the first page alone the control would not be %s", tt.want)
		})
	}
}
