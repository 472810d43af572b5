package audit

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/httpapi"
)

// memStore is an in-memory Records + Blobs + Trigger.
type memStore struct {
	mu        sync.Mutex
	records   map[string]Record
	heads     map[string]Head
	blobs     map[string][]byte
	triggered []string
	conflicts int      // Advance answers ErrConflict this many times first
	puts      []Record // every Put, in order
	uploads   map[string]map[int32][]byte
	failPart  int32 // UploadPart refuses this part number
	aborted   int
}

func newMemStore() *memStore {
	return &memStore{records: map[string]Record{}, heads: map[string]Head{}, blobs: map[string][]byte{}}
}

func (m *memStore) Create(_ context.Context, r Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.records[r.Tenant+"/"+r.ID]; ok {
		return ErrConflict
	}
	m.records[r.Tenant+"/"+r.ID] = r
	return nil
}

func (m *memStore) Get(_ context.Context, tenant, id string) (Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.records[tenant+"/"+id]
	if !ok {
		return r, ErrNotFound
	}
	return r, nil
}

func (m *memStore) Put(_ context.Context, r Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.puts = append(m.puts, r)
	m.records[r.Tenant+"/"+r.ID] = r
	return nil
}

func (m *memStore) Head(_ context.Context, tenant string) (Head, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	h, ok := m.heads[tenant]
	if !ok {
		return h, ErrNotFound
	}
	return h, nil
}

func (m *memStore) List(_ context.Context, tenant, after string, limit int) ([]Record, string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ids []string
	for _, r := range m.records {
		if r.Tenant == tenant && r.ID > after {
			ids = append(ids, r.ID)
		}
	}
	slices.Sort(ids)
	next := ""
	if len(ids) > limit {
		ids, next = ids[:limit], ids[limit-1]
	}
	out := []Record{}
	for _, id := range ids {
		out = append(out, m.records[tenant+"/"+id])
	}
	return out, next, nil
}

func (m *memStore) Advance(_ context.Context, tenant, prev string, next Head) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.conflicts > 0 {
		m.conflicts--
		return ErrConflict
	}
	if m.heads[tenant].PackageHash != prev {
		return ErrConflict
	}
	m.heads[tenant] = next
	return nil
}

// Multipart uploads: parts kept per upload id until completed.
func (m *memStore) CreateMultipart(_ context.Context, key, _ string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.uploads == nil {
		m.uploads = map[string]map[int32][]byte{}
	}
	id := fmt.Sprintf("up-%d", len(m.uploads)+1)
	m.uploads[id] = map[int32][]byte{}
	return id, nil
}

func (m *memStore) UploadPart(_ context.Context, _, id string, n int32, body []byte) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failPart == n {
		return "", errors.New("part refused")
	}
	parts, ok := m.uploads[id]
	if !ok {
		return "", errors.New("no such upload")
	}
	parts[n] = bytes.Clone(body)
	return fmt.Sprintf("etag-%d", n), nil
}

func (m *memStore) CompleteMultipart(_ context.Context, key, id string, parts []Part) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	got, ok := m.uploads[id]
	if !ok {
		return errors.New("no such upload")
	}
	var all []byte
	for i, p := range parts {
		if p.Number != int32(i+1) || got[p.Number] == nil && p.Size > 0 {
			return fmt.Errorf("part %d missing", i+1)
		}
		all = append(all, got[p.Number]...)
	}
	delete(m.uploads, id)
	m.blobs[key] = all
	return nil
}

func (m *memStore) AbortMultipart(_ context.Context, _, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.uploads, id)
	m.aborted++
	return nil
}

func (m *memStore) PutBytes(_ context.Context, key string, body []byte, _ string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.blobs[key] = body
	return nil
}

func (m *memStore) GetBytes(_ context.Context, key string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.blobs[key]
	if !ok {
		return nil, ErrNotFound
	}
	return b, nil
}

func (m *memStore) Presign(_ context.Context, key string, ttl time.Duration) (string, error) {
	return "https://bucket.example/" + key + "?X-Amz-Expires=" + strings.TrimSuffix(ttl.String(), "m0s"), nil
}

func (m *memStore) Requested(_ context.Context, tenant, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.triggered = append(m.triggered, tenant+"/"+id)
	return nil
}

func newService(t *testing.T, w *world, st *memStore) *Service {
	return &Service{Builder: w.builder(buildTime), Records: st, Blobs: st, Trigger: st, Rand: rand.Reader,
		Now: func() time.Time { return buildTime }}
}

func call(t *testing.T, s *Service, method, path, tenant, body string) (int, map[string]any) {
	srv := httpapi.NewServer(nil, func() time.Time { return buildTime })
	srv.Mount(s.Routes()...)
	path, query, _ := strings.Cut(path, "?")
	ev := events.APIGatewayV2HTTPRequest{RawPath: path, RawQueryString: query, Body: body,
		Headers: map[string]string{"content-type": "application/json"}}
	ev.RequestContext.HTTP.Method = method
	ev.RequestContext.RequestID = "req-1"
	ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{Lambda: map[string]any{
		auth.CtxAuthenticated: true, auth.CtxTenant: tenant, auth.CtxKeyID: "k1", auth.CtxScopes: auth.ScopeAudit}}
	resp, err := srv.Handle(context.Background(), ev)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(resp.Body), &m), resp.Body)
	return resp.StatusCode, m
}

func TestServiceRequestBuildDownloadChain(t *testing.T) {
	w := smallWorld(t)
	st := newMemStore()
	s := newService(t, w, st)

	status, body := call(t, s, "POST", "/v1/packages", "acme", `{"from":"2026-10-01","to":"2026-11-01","frameworks":["soc2"]}`)
	require.Equal(t, 202, status, "%v", body)
	id := body["id"].(string)
	assert.Equal(t, StateBuilding, body["status"])
	assert.Equal(t, []string{"acme/" + id}, st.triggered, "the build is started asynchronously")
	status, body = call(t, s, "GET", "/v1/packages/"+id, "acme", "")
	require.Equal(t, 200, status)
	assert.Equal(t, StateBuilding, body["status"])
	assert.Nil(t, body["url"], "no URL before it is ready")

	st.conflicts = 1 // another build moved the head once: this one retries
	require.NoError(t, s.Process(context.Background(), "acme", id))
	status, body = call(t, s, "GET", "/v1/packages/"+id, "acme", "")
	require.Equal(t, 200, status)
	assert.Equal(t, StateReady, body["status"])
	assert.Contains(t, body["url"], PackageKey("acme", id))
	assert.Equal(t, buildTime.Add(URLTTL).Format(time.RFC3339), body["expiresAt"])
	zip := st.blobs[PackageKey("acme", id)]
	res, err := verifyBytes(zip, VerifyOptions{RequireSignature: true})
	require.NoError(t, err)
	assert.Equal(t, int64(3700), res.Entries)

	// Processing again changes nothing; another tenant sees a 404.
	require.NoError(t, s.Process(context.Background(), "acme", id))
	status, _ = call(t, s, "GET", "/v1/packages/"+id, "other", "")
	assert.Equal(t, 404, status)

	// The next package extends this one.
	w.add(t, "acme/0", 1000)
	w.archive(t, "acme/0", true)
	w.seal(t, "acme/0")
	rec2, err := s.Request(context.Background(), "acme", "k1", periodTo, periodTo.AddDate(0, 1, 0), nil)
	require.NoError(t, err)
	require.NoError(t, s.Process(context.Background(), "acme", rec2.ID))
	rec2, err = st.Get(context.Background(), "acme", rec2.ID)
	require.NoError(t, err)
	require.Equal(t, StateReady, rec2.Status, rec2.Error)
	res2, err := verifyBytes(st.blobs[rec2.Key], VerifyOptions{Previous: res.Manifest})
	require.NoError(t, err)
	assert.Equal(t, int64(1000), res2.Entries)
	assert.Equal(t, int64(2), rec2.Sequence)
}

// GET /v1/packages lists the caller's tenant's packages a page at a time,
// following "next" to the end, and nothing of another tenant's.
func TestServiceListsPackagesByPage(t *testing.T) {
	w := smallWorld(t)
	st := newMemStore()
	s := newService(t, w, st)
	var ids []string
	for range 5 {
		rec, err := s.Request(context.Background(), "acme", "k1", periodFrom, periodTo, []string{"soc2"})
		require.NoError(t, err)
		ids = append(ids, rec.ID)
	}
	_, err := s.Request(context.Background(), "other", "k9", periodFrom, periodTo, nil)
	require.NoError(t, err)
	require.NoError(t, s.Process(context.Background(), "acme", ids[2]))
	slices.Sort(ids)

	var got []string
	var ready map[string]any
	next := ""
	for page := 0; ; page++ {
		require.Less(t, page, 5, "pages end")
		path := "/v1/packages?limit=2"
		if next != "" {
			path += "&next=" + next
		}
		status, body := call(t, s, "GET", path, "acme", "")
		require.Equal(t, 200, status, "%v", body)
		pkgs := body["packages"].([]any)
		assert.LessOrEqual(t, len(pkgs), 2)
		for _, p := range pkgs {
			p := p.(map[string]any)
			got = append(got, p["id"].(string))
			assert.Nil(t, p["url"], "a list presigns nothing")
			assert.Equal(t, "2026-10-01T00:00:00Z", p["from"])
			if p["status"] == StateReady {
				ready = p
			}
		}
		n, _ := body["next"].(string)
		if n == "" {
			break
		}
		next = n
	}
	assert.Equal(t, ids, got, "every package of the tenant once, in id order")
	require.NotNil(t, ready, "the built one")
	assert.Len(t, ready["sha256"], 64)
	assert.EqualValues(t, 1, ready["sequence"])
	assert.Positive(t, ready["size"])

	status, body := call(t, s, "GET", "/v1/packages", "nobody", "")
	require.Equal(t, 200, status)
	assert.Equal(t, []any{}, body["packages"], "an empty list, not null")
	assert.Nil(t, body["next"])
	for _, q := range []string{"limit=0", "limit=101", "limit=x", "next=%2F%2F", "next=" + nextToken("../x")} {
		status, _ := call(t, s, "GET", "/v1/packages?"+q, "acme", "")
		assert.Equal(t, 400, status, q)
	}
}

// A build records its stage at each change and its counts at most every
// ProgressEvery between (so its writes are bounded by time, not by its
// bundles); GET /v1/packages/{id} shows them while it builds.
func TestBuildRecordsItsStages(t *testing.T) {
	building := func(puts []Record) []Record {
		var out []Record
		for _, r := range puts {
			if r.Status == StateBuilding {
				out = append(out, r)
			}
		}
		return out
	}
	t.Run("a fast build writes once per stage", func(t *testing.T) {
		st := newMemStore()
		s := newService(t, smallWorld(t), st) // a fixed clock: never ProgressEvery between writes
		rec, err := s.Request(context.Background(), "acme", "k1", periodFrom, periodTo, nil)
		require.NoError(t, err)
		require.NoError(t, s.Process(context.Background(), "acme", rec.ID))
		var stages []string
		for _, r := range building(st.puts) {
			stages = append(stages, r.Stage)
		}
		assert.Equal(t, []string{StageReading, StageReports, StageSigning, StageStoring}, stages, "5 bundles, 4 writes")
		last := building(st.puts)[3]
		assert.Equal(t, []int64{3700, 5}, []int64{last.Entries, last.Bundles})
		got, err := st.Get(context.Background(), "acme", rec.ID)
		require.NoError(t, err)
		assert.Equal(t, StateReady, got.Status)
		assert.Empty(t, got.Stage, "a ready package has no stage")
		status, body := call(t, s, "GET", "/v1/packages/"+rec.ID, "acme", "")
		require.Equal(t, 200, status)
		assert.Nil(t, body["stage"])
		assert.EqualValues(t, 3700, body["entries"])
	})
	t.Run("a slow build writes its counts every ProgressEvery", func(t *testing.T) {
		st := newMemStore()
		s := newService(t, smallWorld(t), st)
		clock := buildTime
		s.Now = func() time.Time { clock = clock.Add(10 * time.Second); return clock }
		rec, err := s.Request(context.Background(), "acme", "k1", periodFrom, periodTo, nil)
		require.NoError(t, err)
		require.NoError(t, s.Process(context.Background(), "acme", rec.ID))
		var reading []int64
		for _, r := range building(st.puts) {
			if r.Stage == StageReading {
				reading = append(reading, r.Entries)
			}
		}
		assert.Equal(t, []int64{0, 1000, 2000, 2500, 3500, 3700}, reading, "the start and after each bundle")
	})
	t.Run("GET shows a building package's stage and counts", func(t *testing.T) {
		st := newMemStore()
		s := newService(t, smallWorld(t), st)
		rec, err := s.Request(context.Background(), "acme", "k1", periodFrom, periodTo, nil)
		require.NoError(t, err)
		rec.Stage, rec.Entries, rec.Bundles = StageReading, 1200, 2
		require.NoError(t, st.Put(context.Background(), rec))
		status, body := call(t, s, "GET", "/v1/packages/"+rec.ID, "acme", "")
		require.Equal(t, 200, status)
		assert.Equal(t, StageReading, body["stage"])
		assert.EqualValues(t, 1200, body["entries"])
		assert.EqualValues(t, 2, body["bundles"])
	})
}

func TestServiceRejectsBadRequests(t *testing.T) {
	s := newService(t, smallWorld(t), newMemStore())
	for _, body := range []string{
		`{"from":"2026-10-02","to":"2026-10-01"}`,
		`{"from":"soon","to":"2026-10-01"}`,
		`{"from":"2020-01-01","to":"2026-10-01"}`,
		`{"from":"2026-10-01","to":"2026-11-01","frameworks":["SOC 2"]}`,
		`{"from":"2026-10-01","to":"2026-11-01","extra":1}`,
	} {
		status, _ := call(t, s, "POST", "/v1/packages", "acme", body)
		assert.Equal(t, 422, status, body)
	}
	status, _ := call(t, s, "GET", "/v1/packages/../../etc", "acme", "")
	assert.Equal(t, 400, status)
	status, _ = call(t, s, "GET", "/v1/packages/nope", "acme", "")
	assert.Equal(t, 404, status)
}

func TestServiceFailedBuildIsReported(t *testing.T) {
	w := newWorld(t, "acme", 10) // nothing archived, no checkpoint, no signer: nothing to anchor
	st := newMemStore()
	s := newService(t, w, st)
	s.Builder.Signer = nil
	rec, err := s.Request(context.Background(), "acme", "k1", periodFrom, periodTo, nil)
	require.NoError(t, err)
	require.NoError(t, s.Process(context.Background(), "acme", rec.ID), "a build that cannot succeed is not retried")
	status, body := call(t, s, "GET", "/v1/packages/"+rec.ID, "acme", "")
	require.Equal(t, 200, status)
	assert.Equal(t, StateFailed, body["status"])
	assert.NotContains(t, body["error"], "checkpoint", "internal detail stays in the logs")
}

// A build whose asynchronous invocation never ran is reported failed once it
// is older than StaleBuild, not "building" forever; a late build leaves it.
func TestStaleBuildIsReportedFailed(t *testing.T) {
	w := smallWorld(t)
	st := newMemStore()
	s := newService(t, w, st)
	rec, err := s.Request(context.Background(), "acme", "k1", periodFrom, periodTo, nil)
	require.NoError(t, err)
	rec.CreatedAt = buildTime.Add(-StaleBuild - time.Minute)
	require.NoError(t, st.Put(context.Background(), rec))
	status, body := call(t, s, "GET", "/v1/packages/"+rec.ID, "acme", "")
	require.Equal(t, 200, status)
	assert.Equal(t, StateFailed, body["status"])
	assert.Contains(t, body["error"], "request the package again")
	require.NoError(t, s.Process(context.Background(), "acme", rec.ID))
	got, err := st.Get(context.Background(), "acme", rec.ID)
	require.NoError(t, err)
	assert.Equal(t, StateFailed, got.Status, "a late build does not resurrect it")
}

func TestMonthlyRequestsOncePerTenant(t *testing.T) {
	st := newMemStore()
	s := newService(t, smallWorld(t), st)
	now := time.Date(2026, 11, 1, 0, 5, 0, 0, time.UTC)
	require.NoError(t, s.Monthly(context.Background(), now, []string{"b", "a", "a"}))
	require.NoError(t, s.Monthly(context.Background(), now.Add(time.Hour), []string{"a", "b"}))
	assert.Equal(t, []string{"a/pkg_monthly-2026-10", "b/pkg_monthly-2026-10"}, st.triggered)
	r, err := st.Get(context.Background(), "a", "pkg_monthly-2026-10")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), r.From)
	assert.Equal(t, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), r.To)
}
