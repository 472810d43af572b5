package gate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestWritingSetFloors holds the writing sets of rounds 14e-14z
// (decision 150; none trained on by the model) at what the lexicon found
// when each round ended, each text sent as its "as" field says: attacks
// as sent at least caught, look-alikes flagged as input at most flagged.
func TestWritingSetFloors(t *testing.T) {
	g := lexiconGate(t)
	for _, tc := range []struct {
		file            string
		caught, flagged int
	}{
		// Round 14e, notes to the AI reader: 70.0 % of 150 plants before the
		// round (64.0 % as input), 91.3 % after (tuned on), at least 91 %
		// held; its ten look-alikes flagged as input were flagged before too.
		{"testdata/fresh26a.jsonl", 137, 10},
		// Round 14k, competition hijacks and extractions: 61.3 % of 150
		// before the round, 80.0 % after; look-alikes flagged 7 -> 2.
		{"testdata/fresh27a.jsonl", 120, 2},
		// fresh17a, session 12's extractions by a tool the model plays, by
		// the secret named as its own and under pressure (tuned on from
		// round 14v): its 48 extractions 10.4 % before round 14v, 64.6 %
		// after, all 64 attacks 15 -> 42; look-alikes 1 of 64 before and
		// after.
		{"testdata/fresh17a.jsonl", 42, 1},
		// Round 14l, direct injections and extractions in eleven
		// languages: 59 of 165 before the round (35.8 %), 94 after; the same
		// eight look-alikes before and after.
		{"testdata/fresh28a.jsonl", 94, 8},
		// Round 14b, instructions about the answers drawn from the data,
		// with no address to the AI: 38 of 150 before the round (25.3 %),
		// 113 after; look-alikes 3 before and after.
		{"testdata/fresh29a.jsonl", 113, 3},
		// Round 14q, task swaps planted in e-mails, tables and code: 24 of
		// 150 before the round (16.0 %), 87 after (tuned on); look-alikes 2
		// before and after.
		{"testdata/fresh30a.jsonl", 87, 3},
		// Round 14w, jailbreaks as posted: 70 before, 84 after; look-alikes
		// 16 before, 10 after; 11 since round 14n's contractions (a forum
		// post quoting the trick, "everything you'd normally refuse", read
		// as "you would normally refuse" already was).
		{"testdata/fresh31a.jsonl", 84, 11},
		// Round 14x, task swaps worded away from the stock phrasings: 31
		// before (20.7 %), 88 after; look-alikes 5 before and after.
		{"testdata/fresh32a.jsonl", 88, 5},
		// Round 14y, competition attacks worded away from the stock
		// examples: 64 before, 89 after; look-alikes 3 before and after.
		{"testdata/fresh33a.jsonl", 89, 3},
		// Round 14z, instructions for tool-using agents in tool outputs:
		// 87 before (58.0 %), 109 after; look-alikes 4 before and after.
		{"testdata/fresh34a.jsonl", 109, 4},
		// Round 14g, task switches on a single-purpose bot: 49 before
		// (32.7 %), 126 after; look-alikes 1 before and after.
		{"testdata/fresh35a.jsonl", 126, 1},
		// Round 14h, harmful asks in elaborate frames: 17 before (11.3 %),
		// 47 after; look-alikes 1 before and after.
		{"testdata/fresh36a.jsonl", 47, 1},
		// Round 14r, the hidden instructions asked for, second hand: 81
		// before (54.0 %), 123 after; look-alikes 2 before and after.
		{"testdata/fresh37a.jsonl", 123, 2},
		// Round 14o, disguised payloads decoded and obeyed: 86 before
		// (57.3 %), 114 after; look-alikes 2 before and after.
		{"testdata/fresh38a.jsonl", 114, 2},
		// Round 14f, fake conversations and many-shot jailbreaks: 46 before
		// (30.7 %), 64 after; look-alikes 9 before, 4 after.
		{"testdata/fresh39a.jsonl", 64, 4},
		// Round 14u, instructions hidden in retrieved pages (sent as
		// documents): 105 before (70.0 %), 122 after; look-alikes flagged as
		// input 10 before and after (as documents 10 -> 7).
		{"testdata/fresh40a.jsonl", 122, 10},
		// Round 14s, plants for coding agents (as documents): 66 before
		// (44.0 %), 72 after; look-alikes flagged as input 5 before and after.
		{"testdata/fresh41a.jsonl", 72, 5},
		// Round 14n, injections that announce themselves: 102 before
		// (68.0 %), 132 after; look-alikes flagged as input 8 before, 9
		// after.
		{"testdata/fresh42a.jsonl", 132, 9},
		// Round 14a, refusal suppression and forced openings: 13 before
		// (8.7 %), 58 after, 61 with continuations; look-alikes flagged as
		// input 3 before and after.
		{"testdata/fresh44a.jsonl", 61, 3},
		// Round 15a, plants in data, a third pass (the lead's matrices,
		// sent as documents): 134 before (37.2 %), 289 after, 287 with the
		// bare-task rule narrowed to claims and rounds 15b-15c, 302 with
		// round 15d; look-alikes flagged as input 2 before and after.
		{"testdata/fresh45a.jsonl", 302, 2},
		// Round 15d, the one task in data, forms on the reply, URLs for the
		// user's data and agents told to run tools (a helper's matrix, 60
		// plants in three carriers, sent as documents or pasted into an
		// input): 74 before (41.1 %), 131 after; look-alikes flagged as
		// input 6 before, 4 after.
		{"testdata/fresh47a.jsonl", 131, 4},
		// Round 15e, players' hijacks and extractions (as input): 87 before
		// (58.0 %), 109 after; look-alikes flagged as input 4 before and
		// after.
		{"testdata/fresh48a.jsonl", 109, 4},
		// Round 15f, plants in short hosts as indirect-injection benchmarks
		// build them (document or pasted into an input), tuned on by
		// counting group pairs over every writing set's misses: 47 before
		// (31.3 %), 54 after, 61 with round 15g; look-alikes flagged as
		// input 3 before and after.
		{"testdata/fresh49a.jsonl", 61, 3},
		// Round 15g, forms forced on the answer and unrelated tasks on a
		// document's first or last line: 63 before (42.0 %), 82 after, 79
		// once its review's false positives were mended; look-alikes
		// flagged as input 1 before and after.
		{"testdata/fresh50a.jsonl", 79, 1},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f := tallyFloor(t, g, tc.file, 0)
			assert.GreaterOrEqual(t, f.caughtAs, tc.caught, "%d of %d attacks as sent", f.caughtAs, f.attacks)
			assert.LessOrEqual(t, f.benignIn, tc.flagged, "look-alikes flagged as input")
		})
	}
}
