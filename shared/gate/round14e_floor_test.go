package gate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFresh26aFloor holds round 14e's writing set (testdata/fresh26a.jsonl,
// not trained on by the model), each text sent as its "as" field says:
// 70.0 % of its 150 plants before the round (64.0 % as input), 91.3 %
// after (83.3 %; tuned on). Its ten look-alikes flagged as input were
// flagged before the round too.
func TestFresh26aFloor(t *testing.T) {
	f := tallyFloor(t, lexiconGate(t), "testdata/fresh26a.jsonl", 0)
	assert.GreaterOrEqual(t, float64(f.caughtAs)/float64(f.attacks), 0.91, "%d of %d plants as sent", f.caughtAs, f.attacks)
	assert.LessOrEqual(t, f.benignIn, 10, "look-alikes flagged as input")
}
