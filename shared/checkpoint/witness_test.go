package checkpoint_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tnote "github.com/transparency-dev/formats/note"
	"golang.org/x/mod/sumdb/note"

	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/witness"
	"github.com/agentgate/agentgate/shared/evidence"
)

func (m *memStore) SaveCosigned(_ context.Context, chain string, size uint64, cosigned string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.bySize[fmt.Sprint(chain, size)]
	if !ok {
		return checkpoint.ErrNotFound
	}
	c.Cosigned = cosigned
	m.bySize[fmt.Sprint(chain, size)] = c
	if m.latest[chain].Size == size {
		l := m.latest[chain]
		l.Cosigned = cosigned
		m.latest[chain] = l
	}
	return nil
}

// A witness that accepts connections and never answers costs one timeout
// per backoff, not one per chain: every chain is still sealed, and the
// witness is asked again only once its backoff has passed.
func TestCutOffWitnessIsBackedOff(t *testing.T) {
	ctx := context.Background()
	var asked atomic.Int32
	release := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		<-release
	}))
	defer srv.Close()
	defer once.Do(func() { close(release) })

	_, vkey, err := note.GenerateKey(rand.Reader, "w.example")
	require.NoError(t, err)
	cv, err := tnote.VKeyToCosignatureV1(vkey)
	require.NoError(t, err)
	w, err := witness.New("w.example", srv.URL, cv)
	require.NoError(t, err)

	cp, pr, _, app := setup(t)
	cp.Chains = chains{"acme/0", "acme/1", "acme/2"}
	for _, ch := range cp.Chains.(chains) {
		_, err := app.Append(ctx, evidence.Entry{Kind: evidence.KindValidate, Tenant: "acme", Chain: ch, Principal: "k", Status: "passed"})
		require.NoError(t, err)
	}
	now := time.Unix(1000, 0)
	cp.Witnesses = &checkpoint.Witnesses{
		List: []witness.Witness{w}, Quorum: 1, Client: &witness.Client{Timeout: 100 * time.Millisecond},
		Store: cp.Store.(checkpoint.CosignStore), Proofs: pr, Backoff: time.Minute, Now: func() time.Time { return now },
	}

	res, err := cp.Run(ctx, now)
	require.NoError(t, err)
	assert.Equal(t, 3, res.Sealed, "every chain sealed")
	assert.EqualValues(t, 1, asked.Load(), "the cut-off witness was waited for once, not per chain")
	for _, ch := range cp.Chains.(chains) {
		c, err := cp.Store.Latest(ctx, ch)
		require.NoError(t, err)
		assert.Empty(t, c.Cosigned)
	}

	// Within the backoff a run does not ask it; after, it is asked again.
	_, err = cp.Run(ctx, now)
	require.NoError(t, err)
	assert.EqualValues(t, 1, asked.Load())
	now = now.Add(2 * time.Minute)
	_, err = cp.Run(ctx, now)
	require.NoError(t, err)
	assert.EqualValues(t, 2, asked.Load())
}
