package controls

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/evidence"
)

func TestUsageCountsDecisionsAndBlockedRules(t *testing.T) {
	validate := func(ts, decision string, rules ...string) *evidence.Entry {
		return &evidence.Entry{Kind: evidence.KindValidate, Chain: "acme/0", TS: ts, Decision: decision, PolicyHash: "h1", Rules: rules}
	}
	replay := func(ts, status string) *evidence.Entry {
		return &evidence.Entry{Kind: evidence.KindReplay, Chain: "acme/0", TS: ts, Status: status}
	}
	const d1, d2 = "2026-12-04T10:00:00.000000000Z", "2026-12-05T23:59:59.000000000Z"
	tests := []struct {
		name    string
		entries []*evidence.Entry
		want    map[string]GateDay // only the fields this feature adds, plus Calls and Decided
	}{
		{name: "one of each decision", entries: []*evidence.Entry{
			validate(d1, "allow"), validate(d1, "redact", "pii.email"), validate(d1, "block", "pii.email", "secrets.aws_key"),
		}, want: map[string]GateDay{"2026-12-04": {Calls: 3, Decided: 3, Allow: 1, Redact: 1, Block: 1,
			BlockedRules:      map[string]int64{"pii.email": 1, "secrets.aws_key": 1},
			BlockedCategories: map[string]int64{"pii": 1, "secrets": 1}}}},
		{name: "a blocked call counts once per rule and once per category", entries: []*evidence.Entry{
			validate(d1, "block", "prompt_injection.jailbreak", "prompt_injection.indirect", "prompt_injection.jailbreak"),
			validate(d1, "block", "prompt_injection.jailbreak"),
		}, want: map[string]GateDay{"2026-12-04": {Calls: 2, Decided: 2, Block: 2,
			BlockedRules:      map[string]int64{"prompt_injection.jailbreak": 2, "prompt_injection.indirect": 1},
			BlockedCategories: map[string]int64{"prompt_injection": 2}}}},
		{name: "replays count as calls and fail-open or fail-closed, not decisions", entries: []*evidence.Entry{
			replay(d1, "fail_open"), replay(d1, "fail_open"), replay(d1, "fail_closed"), validate(d1, "allow"),
		}, want: map[string]GateDay{"2026-12-04": {Calls: 4, Decided: 1, Allow: 1, FailOpen: 2, FailClosed: 1}}},
		{name: "days split at UTC midnight; undecided calls count as calls only", entries: []*evidence.Entry{
			validate(d1, "allow"), validate(d2, "block", "pii.ssn"), validate(d2, ""),
		}, want: map[string]GateDay{
			"2026-12-04": {Calls: 1, Decided: 1, Allow: 1},
			"2026-12-05": {Calls: 2, Decided: 1, Block: 1, BlockedRules: map[string]int64{"pii.ssn": 1}, BlockedCategories: map[string]int64{"pii": 1}},
		}},
		{name: "redacted and allowed calls name no blocked rule", entries: []*evidence.Entry{
			validate(d2, "redact", "pii.email"), validate(d2, "allow", "obfuscation.invisible_characters"),
		}, want: map[string]GateDay{"2026-12-05": {Calls: 2, Decided: 2, Allow: 1, Redact: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := &Usage{Models: map[string]Use{}, Providers: map[string]Use{}}
			for _, e := range tt.entries {
				u.observe(e)
			}
			require.Len(t, u.Gate, len(tt.want))
			for day, w := range tt.want {
				g := u.Gate[day]
				require.NotNil(t, g, day)
				got := GateDay{Calls: g.Calls, Decided: g.Decided, Allow: g.Allow, Redact: g.Redact, Block: g.Block,
					FailOpen: g.FailOpen, FailClosed: g.FailClosed, BlockedRules: g.BlockedRules, BlockedCategories: g.BlockedCategories}
				assert.Equal(t, w, got, day)
			}
		})
	}
}

func TestUsageBlockedRulesAreBounded(t *testing.T) {
	u := &Usage{Models: map[string]Use{}, Providers: map[string]Use{}}
	for i := range MaxDayKeys + 10 {
		u.observe(&evidence.Entry{Kind: evidence.KindValidate, TS: "2026-12-05T10:00:00Z", Decision: "block", PolicyHash: "h",
			Rules: []string{"cat" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ".r"}})
	}
	d := u.Gate["2026-12-05"]
	require.NotNil(t, d)
	assert.Len(t, d.BlockedRules, MaxDayKeys)
	var sum int64
	for _, n := range d.BlockedRules {
		sum += n
	}
	assert.Equal(t, int64(MaxDayKeys+10), sum, "no blocked call is lost to the bound")
	assert.Equal(t, int64(11), d.BlockedRules[OtherKey])
	assert.Len(t, d.BlockedCategories, MaxDayKeys)
}

func TestUsageJSONBeforeDecisionCounts(t *testing.T) {
	// Usage stored before the per-decision counts still loads; the new
	// fields are absent from a day that has none.
	old := `{"chains":{},"models":{},"providers":{},"unevaluated":0,"gate":{"2026-12-01":{"calls":5,"decided":4,"failOpen":1}}}`
	var u Usage
	require.NoError(t, json.Unmarshal([]byte(old), &u))
	assert.Equal(t, GateDay{Calls: 5, Decided: 4, FailOpen: 1}, *u.Gate["2026-12-01"])
	assert.True(t, u.ScannedAt.IsZero())
	b, err := json.Marshal(u.Gate["2026-12-01"])
	require.NoError(t, err)
	assert.JSONEq(t, `{"calls":5,"decided":4,"failOpen":1}`, string(b))
}

func TestUsageGateDaysFitOneItem(t *testing.T) {
	// The usage is one DynamoDB item (400 KB at most, with everything else
	// it holds): the worst case of the per-day maps, every day full of
	// 45-character rule ids and categories with large counts, stays far
	// below it.
	u := Usage{Gate: map[string]*GateDay{}}
	for d := range GateDays + 1 {
		g := &GateDay{Calls: 1 << 40, Decided: 1 << 40, Allow: 1 << 40, Redact: 1 << 40, Block: 1 << 40, FailOpen: 1 << 40,
			BlockedRules: map[string]int64{}, BlockedCategories: map[string]int64{}}
		for i := range MaxDayKeys {
			id := fmt.Sprintf("prompt_injection_%02d.system_prompt_extraction__", i)
			g.BlockedRules[id] = 1 << 40
			g.BlockedCategories[RuleCategory(id)] = 1 << 40
		}
		u.Gate[time.Date(2026, 11, 1+d, 0, 0, 0, 0, time.UTC).Format(dayLayout)] = g
	}
	b, err := json.Marshal(u.Gate)
	require.NoError(t, err)
	t.Logf("worst-case gate days: %d bytes", len(b))
	assert.Less(t, len(b), 100_000)
}
