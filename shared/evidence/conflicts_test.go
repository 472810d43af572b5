package evidence_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/evidence/evidencetest"
)

func TestConflictsAreReportedWithTheirHops(t *testing.T) {
	tests := []struct {
		name   string
		chain  string // "" appends sharded
		shards int
		hopped bool
	}{
		{"named chain: retried in place", "acme/2", 4, false},
		{"sharded: hops to another shard", "", 4, true},
		{"one shard: nowhere to hop", "", 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raced := false
			s := &retryingStore{MemStore: evidencetest.NewMemStore(), rival: func(e *evidence.Entry) *evidence.Entry {
				if raced {
					return nil
				}
				raced = true
				r := *e
				r.Principal = "other-process"
				evidence.Seal(&r)
				return &r
			}}
			var chains []string
			var hops []bool
			a := evidence.NewAppender(s, evidence.WithClock(fixedClock()), evidence.WithRetry(8, 0, 0), evidence.WithShards(tc.shards),
				evidence.WithConflicts(func(_ context.Context, chain string, hopped bool) {
					chains = append(chains, chain)
					hops = append(hops, hopped)
				}))
			e, err := a.Append(context.Background(), evidence.Entry{Kind: evidence.KindValidate, Tenant: "acme", Chain: tc.chain, Principal: "k", Status: "passed", Decision: "allow"})
			require.NoError(t, err)
			require.Equal(t, []bool{tc.hopped}, hops, "one conflict, reported once")
			lost, _ := s.Get(context.Background(), chains[0], 0)
			require.NotNil(t, lost)
			assert.Equal(t, "other-process", lost.Principal, "the reported chain is the one whose head was lost")
			if tc.hopped {
				assert.NotEqual(t, chains[0], e.Chain, "the retry landed on another shard")
			} else {
				assert.Equal(t, chains[0], e.Chain)
			}
		})
	}
}
