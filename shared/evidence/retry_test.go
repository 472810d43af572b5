package evidence_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
)

// retryingStore plays the AWS SDK retrying a PutItem whose response was
// lost: the first attempt wrote the item, the retry failed its condition
// on that very item, and the caller sees only the retry's answer.
type retryingStore struct {
	*evidencetest.MemStore
	// after is the error returned once the write has landed, for the seqs
	// in lose; rival, if set, takes the slot first (a real lost race).
	after error
	lose  map[int64]bool
	rival func(e *evidence.Entry) *evidence.Entry
}

func (s *retryingStore) Put(ctx context.Context, e *evidence.Entry) error {
	if s.rival != nil {
		if r := s.rival(e); r != nil {
			_ = s.MemStore.Put(ctx, r)
		}
	}
	if err := s.MemStore.Put(ctx, e); err != nil {
		return err
	}
	if s.lose[e.Seq] {
		delete(s.lose, e.Seq)
		return s.after
	}
	return nil
}

func TestAppendRecognisesItsOwnRetriedWrite(t *testing.T) {
	errThrottled := errors.New("ProvisionedThroughputExceededException after retries")
	cases := []struct {
		name  string
		after error
	}{
		{"retry fails its condition on our own write", evidence.ErrConflict},
		{"retry fails for another reason after the write landed", errThrottled},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mem := evidencetest.NewMemStore()
			s := &retryingStore{MemStore: mem, after: tc.after, lose: map[int64]bool{0: true, 2: true, 3: true}}
			a := evidence.NewAppender(s, evidence.WithClock(fixedClock()))
			got := appendN(t, a, "acme/0", 5)

			var stored []evidence.Entry
			require.NoError(t, mem.Range(context.Background(), "acme/0", 0, -1, func(e *evidence.Entry) error {
				stored = append(stored, *e)
				return nil
			}))
			assert.Len(t, stored, 5, "five calls, five entries: no call appended twice")
			for i, e := range got {
				assert.Equal(t, int64(i), e.Seq)
				assert.Equal(t, stored[i].Hash, e.Hash, "the receipt is the stored entry")
			}
			v := evidence.NewVerifier("acme/0", 0, evidence.GenesisHash)
			for i := range stored {
				require.True(t, v.Add(&stored[i]), "chain verifies at %d", i)
			}
		})
	}
}

// The check must not swallow a real lost race: another writer's entry in the
// slot is a conflict, and the append moves to the next seq.
func TestAppendStillRetriesARealConflict(t *testing.T) {
	mem := evidencetest.NewMemStore()
	raced := false
	s := &retryingStore{MemStore: mem, rival: func(e *evidence.Entry) *evidence.Entry {
		if raced || e.Seq != 1 {
			return nil
		}
		raced = true
		r := *e
		r.Principal = "other-process"
		evidence.Seal(&r)
		return &r
	}}
	a := evidence.NewAppender(s, evidence.WithClock(fixedClock()), evidence.WithRetry(8, 0, 0))
	got := appendN(t, a, "acme/0", 2)
	assert.Equal(t, int64(2), got[1].Seq, "the rival kept seq 1")
	rival, err := mem.Get(context.Background(), "acme/0", 1)
	require.NoError(t, err)
	assert.Equal(t, "other-process", rival.Principal)
	assert.Equal(t, rival.Hash, got[1].PrevHash)
}
