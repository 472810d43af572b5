package streams_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/events"
	"github.com/agentgate/agentgate/localtest/invoke"
	"github.com/agentgate/agentgate/localtest/system"
	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/wire/archivewire"
)

// alertHook is an HTTP endpoint subscribed to the alert topic, as a user's
// webhook would be: it confirms the subscription and keeps every alert.
type alertHook struct {
	mu        sync.Mutex
	confirmed bool
	alerts    []events.ControlStatusChanged
}

func (h *alertHook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var msg struct{ Type, Message, SubscribeURL string }
	b, _ := io.ReadAll(r.Body)
	if json.Unmarshal(b, &msg) != nil {
		http.Error(w, "bad", http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	switch msg.Type {
	case "SubscriptionConfirmation":
		if resp, err := http.Get(msg.SubscribeURL); err == nil {
			resp.Body.Close()
			h.confirmed = true
		}
	case "Notification":
		var e events.ControlStatusChanged
		if json.Unmarshal([]byte(msg.Message), &e) == nil {
			h.alerts = append(h.alerts, e)
		}
	}
}

// of returns the alerts about control for tenant received so far.
func (h *alertHook) of(tenant, control string) []events.ControlStatusChanged {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []events.ControlStatusChanged
	for _, a := range h.alerts {
		if a.Tenant == tenant && a.Control == control {
			out = append(out, a)
		}
	}
	return out
}

type tamperTenant struct {
	id, key  string
	receipts []struct {
		chain string
		seq   int64
	}
}

func newTamperTenant(t *testing.T, prefix string, calls int) *tamperTenant {
	t.Helper()
	ctx := context.Background()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	tt := &tamperTenant{id: prefix + "-" + hex.EncodeToString(b)}
	require.NoError(t, sys.CreateTenant(ctx, tt.id))
	var err error
	tt.key, err = sys.CreateKey(ctx, tt.id, auth.ScopeValidate, auth.ScopeRead)
	require.NoError(t, err)
	for i := 0; i < calls; i++ {
		var out struct {
			Evidence struct {
				Chain string `json:"chain"`
				Seq   int64  `json:"seq"`
			} `json:"evidence"`
		}
		require.Equal(t, 200, call(t, "POST", "/v1/validate", tt.key, `{"input":"what is the weather like"}`, &out))
		tt.receipts = append(tt.receipts, struct {
			chain string
			seq   int64
		}{out.Evidence.Chain, out.Evidence.Seq})
	}
	// The archive holds every call before anyone touches the table.
	reg := awsstore.NewRegistry(sys.DDB, sys.Config.RegistryTable)
	for _, r := range tt.receipts {
		require.Eventually(t, func() bool {
			w, err := reg.Get(ctx, r.chain)
			return err == nil && w.LastSeq >= r.seq
		}, 30*time.Second, 50*time.Millisecond, "archived %s/%d", r.chain, r.seq)
	}
	return tt
}

// victim is an entry that is not its chain's head (the head is the slot
// the next append takes; see docs/decisions/110 on head deletion).
func (tt *tamperTenant) victim(t *testing.T) (string, int64) {
	t.Helper()
	for _, r := range tt.receipts {
		for _, later := range tt.receipts {
			if later.chain == r.chain && later.seq > r.seq {
				return r.chain, r.seq
			}
		}
	}
	t.Fatalf("no chain of %s has two entries", tt.id)
	return "", 0
}

// tamperReports reads the tenant's tamper entries from the table.
func (tt *tamperTenant) tamperReports(t *testing.T) []evidence.Entry {
	t.Helper()
	var out []evidence.Entry
	for shard := 0; shard < sys.Config.Shards; shard++ {
		require.NoError(t, sys.API.Store.Range(context.Background(), evidence.ChainID(tt.id, shard), 0, -1, func(e *evidence.Entry) error {
			if e.Kind == evidence.KindTamper {
				out = append(out, *e)
			}
			return nil
		}))
	}
	return out
}

func evidenceKey(chain string, seq int64) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		"chain": &types.AttributeValueMemberS{Value: chain},
		"seq":   &types.AttributeValueMemberN{Value: strconv.FormatInt(seq, 10)},
	}
}

// An archived entry rewritten directly in DynamoDB (re-sealed, so it is
// self-consistent, and after the incremental scan has passed it) and another
// deleted directly (not by TTL) each become tamper evidence on their
// tenant's chains within a stream delivery; the next controls run fails
// PI1.1 and sends exactly one alert per tenant; a later run sends none.
func TestRewriteAndDeleteOfArchivedEvidenceAreTamperEvents(t *testing.T) {
	dumpProblems(t)
	ctx := context.Background()
	hook := &alertHook{}
	srv := httptest.NewServer(hook)
	defer srv.Close()
	sub, err := sys.SNS.Subscribe(ctx, &sns.SubscribeInput{
		TopicArn: aws.String(sys.Config.AlertTopicARN), Protocol: aws.String("http"), Endpoint: aws.String(srv.URL),
	})
	require.NoError(t, err)
	defer sys.SNS.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionArn: sub.SubscriptionArn})
	require.Eventually(t, func() bool { hook.mu.Lock(); defer hook.mu.Unlock(); return hook.confirmed }, 10*time.Second, 50*time.Millisecond)

	rewritten := newTamperTenant(t, "rewrite", 6)
	deleted := newTamperTenant(t, "delete", 6)

	// Baseline: the scan verifies (and so passes) every entry, PI1.1 passes.
	_, err = sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	for _, tt := range []*tamperTenant{rewritten, deleted} {
		var st struct {
			Controls []struct{ ID, Status, Detail string } `json:"controls"`
		}
		require.Equal(t, 200, call(t, "GET", "/v1/compliance/status", tt.key, "", &st))
		for _, c := range st.Controls {
			if c.ID == "PI1.1" {
				require.Equal(t, "passing", c.Status, "%s before tampering: %s", tt.id, c.Detail)
			}
		}
		require.Empty(t, tt.tamperReports(t))
	}

	// A careful forger: flip the decision and re-seal the hash.
	rchain, rseq := rewritten.victim(t)
	e, err := sys.API.Store.Get(ctx, rchain, rseq)
	require.NoError(t, err)
	e.Decision = "block"
	evidence.Seal(&e)
	_, err = sys.DDB.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(sys.Config.EvidenceTable), Key: evidenceKey(rchain, rseq),
		UpdateExpression:         aws.String("SET decision = :d, #h = :h"),
		ExpressionAttributeNames: map[string]string{"#h": "hash"},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":d": &types.AttributeValueMemberS{Value: "block"}, ":h": &types.AttributeValueMemberS{Value: e.Hash},
		},
	})
	require.NoError(t, err)
	dchain, dseq := deleted.victim(t)
	_, err = sys.DDB.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(sys.Config.EvidenceTable), Key: evidenceKey(dchain, dseq)})
	require.NoError(t, err)

	// Recorded as evidence, by the stream handler, within a delivery.
	var rep, drep []evidence.Entry
	require.Eventually(t, func() bool {
		rep, drep = rewritten.tamperReports(t), deleted.tamperReports(t)
		return len(rep) > 0 && len(drep) > 0
	}, 30*time.Second, 100*time.Millisecond, "tamper reports appended")
	time.Sleep(500 * time.Millisecond) // a duplicate would have arrived by now
	rep, drep = rewritten.tamperReports(t), deleted.tamperReports(t)
	require.Len(t, rep, 1)
	require.Len(t, drep, 1)
	assert.Equal(t, "modified", rep[0].Status)
	assert.Equal(t, map[string]string{
		"chain": rchain, "change": "modified", "count": "1", "seqs": strconv.FormatInt(rseq, 10),
		"storedHash": e.Hash, "contentHash": e.Hash, "streamSeq": rep[0].Meta["streamSeq"],
	}, rep[0].Meta, "the new hash, and that the forger re-sealed it")
	assert.NotEmpty(t, rep[0].Meta["streamSeq"])
	assert.Equal(t, "deleted", drep[0].Status)
	assert.Equal(t, dchain, drep[0].Meta["chain"])
	assert.Equal(t, strconv.FormatInt(dseq, 10), drep[0].Meta["seqs"])
	assert.Empty(t, drep[0].Meta["by"], "DynamoDB Local marks a caller's delete with no service identity, as AWS does")

	// Within one schedule tick: the next controls run fails PI1.1 and
	// alerts once per tenant.
	_, err = sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	for _, tt := range []*tamperTenant{rewritten, deleted} {
		require.Eventually(t, func() bool { return len(hook.of(tt.id, "PI1.1")) > 0 }, 10*time.Second, 50*time.Millisecond, "alert for %s", tt.id)
	}
	_, err = sys.RunControls(ctx, time.Now())
	require.NoError(t, err)
	time.Sleep(time.Second) // goaws delivers asynchronously: give a second alert time to arrive
	for _, tt := range []*tamperTenant{rewritten, deleted} {
		got := hook.of(tt.id, "PI1.1")
		require.Len(t, got, 1, "exactly one alert for %s: %+v", tt.id, got)
		assert.Equal(t, "passing", got[0].From)
		assert.Equal(t, "failing", got[0].To)
		assert.Contains(t, got[0].Detail, "1 evidence entries were rewritten or deleted outside retention")
		var st struct {
			Controls []struct{ ID, Status, Detail string } `json:"controls"`
		}
		require.Equal(t, 200, call(t, "GET", "/v1/compliance/status", tt.key, "", &st))
		for _, c := range st.Controls {
			if c.ID == "PI1.1" {
				assert.Equal(t, "failing", c.Status)
				assert.Contains(t, c.Detail, "tamper report "+tt.id+"/")
			}
		}
	}
	assert.Contains(t, hook.of(rewritten.id, "PI1.1")[0].Detail, "modified")
	assert.Contains(t, hook.of(deleted.id, "PI1.1")[0].Detail, "deleted")

	// The scheduled sweep sees the same differences, but the stream has
	// reported them: no second report.
	var chains []string
	for _, tt := range []*tamperTenant{rewritten, deleted} {
		for shard := 0; shard < sys.Config.Shards; shard++ {
			chains = append(chains, evidence.ChainID(tt.id, shard))
		}
	}
	sw := archivewire.NewArchiveSweeper(sys.Clients, sys.Config, nil)
	sw.Chains, sw.Sample = onlyChains(chains), -1
	res, err := sw.Run(ctx)
	require.NoError(t, err)
	assert.Zero(t, res.Tampered)
	assert.Len(t, rewritten.tamperReports(t), 1)
	assert.Len(t, deleted.tamperReports(t), 1)
}

type tamperLog struct {
	mu  sync.Mutex
	got []archive.Tamper
}

func (l *tamperLog) RecordTamper(_ context.Context, t archive.Tamper) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.got = append(l.got, t)
	return nil
}

type onlyChains []string

func (c onlyChains) Chains(context.Context) ([]string, error) { return c, nil }

// The scheduled sweep, on the real adapters (bundles read back from the
// encrypted, locked bucket; the ledger in the registry), finds a rewrite
// and a delete by comparing the table with the archive, whatever the
// stream did, and reports each once.
func TestSweepComparesTableWithArchive(t *testing.T) {
	dumpProblems(t)
	ctx := context.Background()
	tt := newTamperTenant(t, "sweep", 6)
	var chains []string
	for shard := 0; shard < sys.Config.Shards; shard++ {
		chains = append(chains, evidence.ChainID(tt.id, shard))
	}
	rec := &tamperLog{}
	sw := archivewire.NewArchiveSweeper(sys.Clients, sys.Config, nil)
	// Its own ledger: the stream (running meanwhile) marks what it
	// reports in the shared one, and this test is about what the sweep
	// finds by itself.
	sw.Chains, sw.Tampers, sw.Sample, sw.Ledger = onlyChains(chains), rec, -1, &memSweepLedger{m: map[string]map[int64]bool{}}

	res, err := sw.Run(ctx)
	require.NoError(t, err)
	assert.Equal(t, 6, res.Entries, "every archived entry compared")
	assert.Empty(t, rec.got, "an untouched table matches its archive")

	// A clumsy rewrite (hash left as it was) and a delete.
	rchain, rseq := tt.victim(t)
	_, err = sys.DDB.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String(sys.Config.EvidenceTable), Key: evidenceKey(rchain, rseq),
		UpdateExpression:          aws.String("SET decision = :d"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":d": &types.AttributeValueMemberS{Value: "block"}},
	})
	require.NoError(t, err)
	var dchain string
	var dseq int64 = -1
	for _, r := range tt.receipts {
		if r.chain != rchain || r.seq != rseq {
			dchain, dseq = r.chain, r.seq
			break
		}
	}
	require.GreaterOrEqual(t, dseq, int64(0))
	_, err = sys.DDB.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(sys.Config.EvidenceTable), Key: evidenceKey(dchain, dseq)})
	require.NoError(t, err)

	_, err = sw.Run(ctx)
	require.NoError(t, err)
	got := map[string]archive.Tamper{}
	for _, tp := range rec.got {
		got[tp.Change] = tp
	}
	require.Len(t, rec.got, 2, "%+v", rec.got)
	assert.Equal(t, rchain, got[archive.TamperMismatch].Chain)
	assert.Equal(t, []int64{rseq}, got[archive.TamperMismatch].Seqs)
	assert.Equal(t, dchain, got[archive.TamperMissing].Chain)
	assert.Equal(t, []int64{dseq}, got[archive.TamperMissing].Seqs)
	assert.NotEmpty(t, got[archive.TamperMismatch].ArchivedHash)

	rec.got = nil
	_, err = sw.Run(ctx)
	require.NoError(t, err)
	assert.Empty(t, rec.got, "each finding is reported once")

	// The deployed handler runs the sweep on the schedule's event.
	arch, err := archivewire.NewArchiver(sys.Clients, sys.Config)
	require.NoError(t, err)
	out, err := invoke.JSON(archivewire.ArchiverHandler(arch, sw, slog.New(slog.DiscardHandler)))(ctx, system.ScheduledEvent(time.Now(), "agentgate-archive-sweep"))
	require.NoError(t, err)
	var sum archive.SweepResult
	require.NoError(t, json.Unmarshal(out, &sum))
	assert.Equal(t, len(chains), sum.Chains)
	assert.GreaterOrEqual(t, sum.Entries, 6, "the bundles still hold all six calls")
	assert.Zero(t, sum.Tampered, "already reported")
}

type memSweepLedger struct{ m map[string]map[int64]bool }

func (l *memSweepLedger) Reported(_ context.Context, chain string) (map[int64]bool, error) {
	return l.m[chain], nil
}

func (l *memSweepLedger) MarkReported(_ context.Context, chain string, seqs []int64) error {
	if l.m[chain] == nil {
		l.m[chain] = map[int64]bool{}
	}
	for _, s := range seqs {
		l.m[chain][s] = true
	}
	return nil
}
