package checkpoint_test

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/checkpoint"
)

// fakeAnchor is a bucket with S3's conditional PUT (If-None-Match: *): an
// existing key is refused. down makes every write fail, as an unreachable
// bucket or a missing grant in the other account would.
type fakeAnchor struct {
	mu      sync.Mutex
	objects map[string][]byte
	down    bool
}

func (f *fakeAnchor) PutAnchor(_ context.Context, key string, body []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return errors.New("put: AccessDenied")
	}
	if _, ok := f.objects[key]; ok {
		return checkpoint.ErrAnchorExists
	}
	if f.objects == nil {
		f.objects = map[string][]byte{}
	}
	f.objects[key] = append([]byte(nil), body...)
	return nil
}

func (f *fakeAnchor) get(t *testing.T, chain string, size uint64) (checkpoint.Anchored, bool) {
	t.Helper()
	key, err := checkpoint.AnchorKey(chain, size)
	require.NoError(t, err)
	f.mu.Lock()
	defer f.mu.Unlock()
	b, ok := f.objects[key]
	if !ok {
		return checkpoint.Anchored{}, false
	}
	a, err := checkpoint.ParseAnchored(b)
	require.NoError(t, err)
	return a, true
}

// Each seal is anchored with the bytes that were signed; a failed write
// does not fail the seal and is written on the next tick from the stored
// checkpoint, even when the chain grew again meanwhile; an existing anchor
// is never replaced.
func TestSealIsAnchoredAndRetried(t *testing.T) {
	ctx := context.Background()
	cp, _, _, app := setup(t)
	bucket := &fakeAnchor{}
	cp.Anchor = &checkpoint.Anchor{Writer: bucket}

	add(t, app, 5)
	c5, err := cp.Seal(ctx, "acme/0", time.Unix(100, 0))
	require.NoError(t, err)
	require.NotNil(t, c5)
	got, ok := bucket.get(t, "acme/0", 5)
	require.True(t, ok, "the seal is anchored")
	assert.Equal(t, checkpoint.AnchorRecord(*c5), got)
	require.NoError(t, checkpoint.CheckAnchored(checkpoint.AnchorRecord(*c5), got, c5.PublicKeyPEM))
	key, _ := checkpoint.AnchorKey("acme/0", 5)
	assert.Equal(t, "checkpoints/acme/0/00000000000000000005.json", key)

	// The anchor is down: the seal still succeeds and is stored.
	bucket.down = true
	add(t, app, 3)
	c8, err := cp.Seal(ctx, "acme/0", time.Unix(200, 0))
	require.NoError(t, err, "a failed anchor write never fails the seal")
	require.NotNil(t, c8)
	latest, err := cp.Store.Latest(ctx, "acme/0")
	require.NoError(t, err)
	assert.Equal(t, uint64(8), latest.Size)
	_, ok = bucket.get(t, "acme/0", 8)
	assert.False(t, ok)

	// Still down while the chain grows again: 8 and 10 are both pending.
	add(t, app, 2)
	_, err = cp.Run(ctx, time.Unix(300, 0))
	require.NoError(t, err)

	// Back up: the next tick (the chain did not grow) writes both from
	// the store.
	bucket.down = false
	res, err := cp.Run(ctx, time.Unix(400, 0))
	require.NoError(t, err)
	assert.Zero(t, res.Sealed)
	for _, size := range []uint64{8, 10} {
		want, err := cp.Store.AtSize(ctx, "acme/0", size)
		require.NoError(t, err)
		got, ok := bucket.get(t, "acme/0", size)
		require.True(t, ok, "size %d is anchored on the retry", size)
		assert.Equal(t, checkpoint.AnchorRecord(want), got)
	}

	// A new instance (cold start) offers the latest again: it exists, so
	// nothing is replaced and nothing fails.
	before, _ := json.Marshal(bucket.objects)
	cp.Anchor = &checkpoint.Anchor{Writer: bucket}
	_, err = cp.Run(ctx, time.Unix(500, 0))
	require.NoError(t, err)
	after, _ := json.Marshal(bucket.objects)
	assert.JSONEq(t, string(before), string(after))
}

// CheckAnchored finds every way the anchored copy can differ from the held
// checkpoint, and refuses an anchored copy not signed by the key.
func TestCheckAnchored(t *testing.T) {
	ctx := context.Background()
	cp, _, _, app := setup(t)
	add(t, app, 4)
	c4, err := cp.Seal(ctx, "acme/0", time.Unix(100, 0))
	require.NoError(t, err)
	held := checkpoint.AnchorRecord(*c4)

	other, _, _, otherApp := setup(t) // another key, another history
	add(t, otherApp, 4)
	o4, err := other.Seal(ctx, "acme/0", time.Unix(100, 0))
	require.NoError(t, err)

	for _, tc := range []struct {
		name   string
		mutate func(a *checkpoint.Anchored)
		want   string // a part of the error; empty: it holds
	}{
		{"identical", func(*checkpoint.Anchored) {}, ""},
		{"more cosignatures", func(a *checkpoint.Anchored) { a.Cosigned = a.Note + "— w abc=\n" }, ""},
		{"root", func(a *checkpoint.Anchored) { a.RootHash = "00" + a.RootHash[2:] }, "not what its body signs"},
		{"signed by another key", func(a *checkpoint.Anchored) { *a = checkpoint.AnchorRecord(*o4) }, "signature"},
		{"other size", func(a *checkpoint.Anchored) { a.Size = 5 }, "is of chain acme/0 size 5"},
		{"note", func(a *checkpoint.Anchored) { a.Note = "" }, "anchored note differs"},
		{"signature", func(a *checkpoint.Anchored) { a.Signature = "AAAA" }, "signature"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := held
			tc.mutate(&got)
			err := checkpoint.CheckAnchored(held, got, c4.PublicKeyPEM)
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
