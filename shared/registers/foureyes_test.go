package registers_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/registers"
)

// TestFourEyesPerPerson: a model change needs a second person, not a second
// key. The row "one person, two admin keys" used to pass: the rule compared
// key ids only, so an admin could mint a second key and approve their own
// change.
func TestFourEyesPerPerson(t *testing.T) {
	alice1 := registers.Actor{Key: "a1a1a1a1a1a1a1a1", Owner: "alice@example.com"}
	alice2 := registers.Actor{Key: "a2a2a2a2a2a2a2a2", Owner: "alice@example.com"}
	bob := registers.Actor{Key: "b0b0b0b0b0b0b0b0", Owner: "bob@example.com"}
	legacy := registers.Actor{Key: "1e9a1e9a1e9a1e9a"}      // a key made before owners
	legacyOther := registers.Actor{Key: "0e0e0e0e0e0e0e0e"} // another such key
	tests := []struct {
		name      string
		submitter registers.Actor
		approver  registers.Actor
		allowed   bool
	}{
		{name: "same key", submitter: alice1, approver: alice1},
		{name: "one person, two admin keys", submitter: alice1, approver: alice2},
		{name: "two people", submitter: alice1, approver: bob, allowed: true},
		{name: "a key without owner is its own person: same key", submitter: legacy, approver: legacy},
		{name: "a key without owner is its own person: another key", submitter: legacy, approver: legacyOther, allowed: true},
		{name: "an owner cannot pose as a legacy key", submitter: legacy, approver: registers.Actor{Key: "ffffffffffffffff", Owner: "key:" + legacy.Key}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := svc()
			_, err := s.SubmitModelBy(ctx, "acme", tt.submitter, registers.ModelSubmission{Version: "m@1", Benchmarks: map[string]float64{"x": 1}})
			require.NoError(t, err)
			m, err := s.ApproveModelBy(ctx, "acme", "m@1", tt.approver)
			if !tt.allowed {
				assert.ErrorIs(t, err, registers.ErrSelfApproval)
				ok, _ := s.Approved(ctx, "acme", "m@1")
				assert.False(t, ok)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, registers.ModelApproved, m.Status)
			assert.Equal(t, tt.submitter.OwnerID(), m.SubmittedByOwner)
			assert.Equal(t, tt.approver.OwnerID(), m.ApprovedByOwner)
		})
	}
}
