package learn

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// calibrationSet builds out-of-fold scores for benign sources: source s
// gets n items whose head-h logits are the given values followed by -10s.
func calibrationSet(sources map[string][]float64, n int) ([]Item, []Scored) {
	var items []Item
	var oof []Scored
	for _, src := range []string{"a", "b", "c", "tiny"} {
		high, ok := sources[src]
		if !ok {
			continue
		}
		size := n
		if src == "tiny" {
			size = 10
		}
		for i := 0; i < size; i++ {
			v := -10.0
			if i < len(high) {
				v = high[i]
			}
			items = append(items, Item{ID: fmt.Sprintf("%s-%d", src, i), Source: src, Label: "benign"})
			var s Scored
			s.Item = len(items) - 1
			for h := range s.Scores {
				s.Scores[h].Logit = v
			}
			oof = append(oof, s)
		}
	}
	// An attack scoring above everything must not move a threshold.
	items = append(items, Item{ID: "atk", Source: "a", Label: "attack", Family: "jailbreak"})
	oof = append(oof, Scored{Item: len(items) - 1, Scores: [NumHeads]Window{{Logit: 99}, {Logit: 99}, {Logit: 99}}})
	return items, oof
}

func TestCalibrate(t *testing.T) {
	// Three sources of 200 items; a head may flag 3 % / 3 = 1 % on average,
	// that is 6 items of the 600 when every source has 200.
	sources := map[string][]float64{
		"a":    {9, 8, 7, 6, 5, 4, 3, 2},
		"b":    {8.5, 1},
		"c":    {},
		"tiny": {50, 40, 30}, // under minCalibration: ignored
	}
	items, oof := calibrationSet(sources, 200)
	tests := []struct {
		name string
		cal  Calibration
		want float64
	}{
		// Flagging 9, 8.5, 8, 7, 6, 5 is six items; the seventh (4) would
		// exceed the budget, so the threshold is just above it.
		{"mean over sources", Calibration{Target: 0.03}, 4},
		// A cap of 1 % of a source is 2 items: "a" bounds it above 7.
		{"source cap", Calibration{Target: 0.03, SourceCap: 0.01}, 7},
		// A budget that allows everything is floored at 0.
		{"never below zero", Calibration{Target: 3}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			th, _ := Calibrate(items, oof, tc.cal, nil)
			for h := range th {
				if tc.want == 0 {
					assert.Equal(t, 0.0, th[h])
					continue
				}
				assert.Greater(t, th[h], tc.want)
				assert.Less(t, th[h], tc.want+1e-9)
			}
		})
	}
}

// TestCalibrateGlobal: with whole-text logits, a head flags an item when
// either logit reaches its threshold, and the two together stay within the
// budget.
func TestCalibrateGlobal(t *testing.T) {
	// Sources a and b of 200 items; the window logits of a's first items
	// and the whole-text logits of b's are high, on different items.
	items, oof := calibrationSet(map[string][]float64{"a": {9, 8, 7, 6, 5, 4}, "b": {}}, 200)
	for n := range oof {
		it := items[oof[n].Item]
		for h := range oof[n].Scores {
			oof[n].Scores[h].Global = -10
			if it.Source == "b" && it.ID < "b-6" && len(it.ID) == 3 { // b-0 .. b-5
				oof[n].Scores[h].Global = 9 - float64(it.ID[2]-'0')
			}
		}
	}
	// 1.5 % / 3 = 0.5 % of the average source: 2 items of the 400.
	cal := Calibration{Target: 0.015}
	local, global := Calibrate(items, oof, cal, nil)
	for h := 0; h < NumHeads; h++ {
		flagged := 0
		for _, s := range oof {
			if items[s.Item].Label == "benign" && (s.Scores[h].Logit >= local[h] || s.Scores[h].Global >= global[h]) {
				flagged++
			}
		}
		assert.Equal(t, 2, flagged, "head %d: the budget, both logits together", h)
		assert.Greater(t, local[h], 8.0, "head %d: one window item", h)
		assert.Greater(t, global[h], 8.0, "head %d: one whole-text item", h)
		assert.LessOrEqual(t, local[h], 9.0)
		assert.LessOrEqual(t, global[h], 9.0)
	}
}
