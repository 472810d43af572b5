package gate

import (
	"math/rand"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestRulesScopedAtIsBoth holds rulesScopedAt, the early exit, to what it
// stands for (scopedRulesAt || topicRulesAt) at every word of every
// committed text, read as the noun, and at every word followed by one of
// the words it tests.
func TestRulesScopedAtIsBoth(t *testing.T) {
	n, held := 0, 0
	for _, s := range committedTexts(t) {
		for i := 0; i < len(s); {
			for i < len(s) && !isAlnum(s[i]) {
				i++
			}
			j := i
			for j < len(s) && isAlnum(s[j]) {
				j++
			}
			if j > i {
				// The hit may end inside its word ("instruc|tions").
				for _, end := range []int{j, i + (j-i+1)/2} {
					want := scopedRulesAt(s, i, end) || topicRulesAt(s, i, end)
					if got := rulesScopedAt(s, i, end); got != want {
						t.Fatalf("%q at [%d,%d): %v, want %v", s[max(0, i-20):min(len(s), j+60)], i, end, got, want)
					}
					n++
					if want {
						held++
					}
				}
			}
			i = j
		}
	}
	if held == 0 {
		t.Fatal("no scope or topic met: the test reads nothing")
	}
	t.Logf("%d words, %d scoped", n, held)

	// Phrases built from the words the checks read, to reach every
	// branch: "<owner> <noun> <lead> <det> <noun> <rest>".
	pool := func(sets ...*wordSet) []string {
		var out []string
		for _, m := range sets {
			for w := range m.m {
				out = append(out, w, strings.ToUpper(w[:1])+w[1:])
			}
		}
		sort.Strings(out) // the same phrases on every run
		return out
	}
	owners := append(pool(ownedBy), "", "the", "old", "The")
	nouns := append(pool(houseRules), "constraints", "prompt", "instruc", "RULES")
	leads := append(pool(scopeLead), "and", "x", "", "sent on", "dated 3", "from last week")
	dets := append(pool(formDet, articles), "our", "Our", "", "bike", "word")
	tails := append(pool(formNouns, replyTopic), "count", "counts", "storage", "guests", "ab", "lengths", "", "word count")
	seps := []string{" ", "  ", ", ", "\n", "-"}
	rng := rand.New(rand.NewSource(2))
	pick := func(ws []string) string { return ws[rng.Intn(len(ws))] }
	held = 0
	for k := 0; k < 400000; k++ {
		var b strings.Builder
		b.WriteString(pick(owners))
		b.WriteString(pick(seps))
		start := b.Len()
		b.WriteString(pick(nouns))
		end := b.Len()
		for _, ws := range [][]string{leads, dets, tails, tails, leads} {
			b.WriteString(pick(seps[:2+rng.Intn(2)]))
			b.WriteString(pick(ws))
		}
		s := b.String()
		for _, e := range []int{end, start + (end-start+1)/2} {
			want := scopedRulesAt(s, start, e) || topicRulesAt(s, start, e)
			if got := rulesScopedAt(s, start, e); got != want {
				t.Fatalf("%q at [%d,%d): %v, want %v", s, start, e, got, want)
			}
			if want {
				held++
			}
		}
	}
	t.Logf("%d of the phrases scoped", held)
}

// TestWordSetHas holds has to a case-folded lookup in the set's map on
// every word of the committed texts and on every word of every set, in
// three cases.
func TestWordSetHas(t *testing.T) {
	sets := []*wordSet{freedomPrep, articles, reportVerb, passiveLead, reportObj, memoLead, formPrep, formDet, formNouns, ovrAdj,
		mentionWord, ownedBy, houseRules, topicPrep, replyTopic, talkGerund, candidAdj, defineLead, copulas, compareNext, toneAdj, toneAudience, knownSet, scopeLead}
	check := func(w string) {
		for _, m := range sets {
			want := len(w) > 0 && len(w) <= maxSetWord && m.m[foldASCII(w)]
			if got := has(m, w); got != want {
				t.Fatalf("has(%q) = %v, want %v", w, got, want)
			}
		}
	}
	for _, m := range sets {
		for w := range m.m {
			check(w)
			check(strings.ToUpper(w))
			check(strings.ToUpper(w[:1]) + w[1:])
			check(w + "s")
			check(w[:len(w)-1])
		}
	}
	for _, s := range committedTexts(t)[:5000] {
		for _, w := range strings.Fields(s) {
			check(w)
			check(strings.Trim(w, ".,;:!?'\"()"))
		}
	}
}

// foldASCII lower-cases A-Z only, as has does.
func foldASCII(w string) string {
	b := []byte(w)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// codeIndexBytewise is codeIndex.build as it was, a byte at a time: the
// reference TestCodeIndexBuild holds the skipping build to.
func codeIndexBytewise(s string) []int32 {
	var spans []int32
	fence, inline := -1, -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case (c == '`' || c == '~') && strings.HasPrefix(s[i:], string([]byte{c, c, c})):
			if fence < 0 {
				fence, inline = i, -1
			} else {
				spans = append(spans, int32(fence), int32(i+3))
				fence = -1
			}
			i += 2
		case fence >= 0:
		case c == '`':
			if inline < 0 {
				inline = i
			} else {
				spans = append(spans, int32(inline), int32(i+1))
				inline = -1
			}
		case c == '\n':
			inline = -1
		}
	}
	if fence >= 0 {
		spans = append(spans, int32(fence), int32(len(s)))
	}
	return spans
}

// TestCodeIndexBuild holds codeIndex.build to the byte loop it replaced on
// every committed text and on random strings over the bytes it reads.
func TestCodeIndexBuild(t *testing.T) {
	check := func(s string) {
		var ci codeIndex
		ci.build(s)
		want := codeIndexBytewise(s)
		if len(ci.spans) != len(want) {
			t.Fatalf("%q: spans %v, want %v", s, ci.spans, want)
		}
		for i := range want {
			if ci.spans[i] != want[i] {
				t.Fatalf("%q: spans %v, want %v", s, ci.spans, want)
			}
		}
	}
	code := 0
	for _, s := range committedTexts(t) {
		check(s)
		if strings.ContainsAny(s, "`~") {
			code++
		}
	}
	rng := rand.New(rand.NewSource(1))
	const alphabet = "`~\nab "
	for n := 0; n < 200000; n++ {
		b := make([]byte, rng.Intn(24))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		check(string(b))
	}
	if code == 0 {
		t.Fatal("no committed text holds a backtick or a tilde")
	}
}

// The scope and topic checks as they were written, before rulesScopedAt
// read the words after the noun once for both: the reference it is held to.

func scopedRulesAt(s string, start, end int) bool {
	e := end
	for e < len(s) && isAlnum(s[e]) {
		e++
	}
	if e+3 >= len(s) || s[e] != ' ' {
		return false
	}
	rest := s[e:min(len(s), e+60)]
	w := firstWord(rest)
	switch {
	case has(memoLead, w):
		for _, p := range memoDated {
			if hasPrefixFold(rest, p) {
				return true
			}
		}
		return false
	case has(ovrAdj, w):
		// one adjective after the noun: "instrucciones anteriores sobre …"
		r, _ := skipWord(rest)
		return scopedToForm(r)
	}
	return scopedToForm(rest)
}

func skipWord(s string) (string, bool) {
	t := strings.TrimLeft(s, " ")
	j := 0
	for j < len(t) && isAlnum(t[j]) {
		j++
	}
	return t[j:], j > 0
}

func scopedToForm(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	prep := firstWord(rest)
	if !has(formPrep, prep) {
		return false
	}
	rest = strings.TrimLeft(rest[len(prep):], " ")
	if d := firstWord(rest); has(formDet, d) {
		rest = strings.TrimLeft(rest[len(d):], " ")
	}
	n := firstWord(rest)
	if len(n) > 2 && (n[len(n)-1] == 's' || n[len(n)-1] == 'S') {
		n = n[:len(n)-1] // "citations", "headings", "tons"
	}
	return has(formNouns, n) || hasPrefixFold(rest, "word count")
}

func topicRulesAt(s string, start, end int) bool {
	e := end
	for e < len(s) && isAlnum(s[e]) {
		e++
	}
	rest := strings.TrimLeft(s[e:min(len(s), e+60)], " ")
	prep := firstWord(rest)
	if !has(topicPrep, prep) || !has(houseRules, s[start:e]) {
		return false
	}
	if w, _ := wordBefore(s, start); has(ownedBy, w) {
		return false
	}
	rest = strings.TrimLeft(rest[len(prep):], " ")
	n := firstWord(rest)
	if has(articles, n) || strings.EqualFold(n, "our") {
		rest = strings.TrimLeft(rest[len(n):], " ")
		n = firstWord(rest)
	}
	return len(n) >= 3 && !has(replyTopic, n)
}

// TestNarrowedGroups reads evalHits' context checks in detector.go: each
// must open with a test of the hit's groups (so a hit in none of the
// groups they test keeps its groups, and evalHits may skip them), and
// every group they test must be in narrowedGroups' list.
func TestNarrowedGroups(t *testing.T) {
	src, err := os.ReadFile("detector.go")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	from := strings.Index(text, "// The context checks: each clears groups")
	to := strings.Index(text, "// The end of the context checks.")
	list := strings.Index(text, "var narrowedGroups = func()")
	if from < 0 || to < from || list < 0 {
		t.Fatal("detector.go: the context checks or narrowedGroups not found")
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile(`\bg[A-Z]\w*`).FindAllString(text[list:list+strings.Index(text[list:], "return m")], -1) {
		listed[m] = true
	}
	checks := 0
	for _, line := range strings.Split(text[from:to], "\n") {
		if !strings.HasPrefix(line, "\t\t\tif ") {
			if strings.HasPrefix(line, "\t\t\t") && !strings.HasPrefix(line, "\t\t\t\t") && !strings.HasPrefix(line, "\t\t\t//") && strings.TrimSpace(line) != "}" && strings.TrimSpace(line) != "" {
				t.Errorf("a statement among the checks that is not an if: %q", line)
			}
			continue
		}
		checks++
		if !strings.HasPrefix(line, "\t\t\tif g.has(") && !strings.HasPrefix(line, "\t\t\tif (g.has(") {
			t.Errorf("a check that does not open with a test of the hit's groups: %q", line)
		}
	}
	for _, m := range regexp.MustCompile(`g\.has\((g\w+)\)`).FindAllStringSubmatch(text[from:to], -1) {
		if !listed[m[1]] {
			t.Errorf("%s is tested by a context check but not in narrowedGroups", m[1])
		}
	}
	if checks < 10 {
		t.Fatalf("%d checks read: the markers moved", checks)
	}
}

// nearGroupFromStart is nearGroup as it was, walking from the first hit:
// the reference TestNearGroupSkips holds it to.
func nearGroupFromStart(gh []groupHit, m gmask, a, b, after int) bool {
	for _, h := range gh {
		if int(h.start) >= b+after {
			break
		}
		if int(h.end) > a-80 && h.group.meets(m) {
			return true
		}
	}
	return false
}

// TestNearGroupSkips holds nearGroup, which skips the hits that end
// before its reach, to the walk from the first hit, on random hits in
// order of start (long ones among them: a spaced pattern's match spans a
// whitespace run of any length) and windows over them.
func TestNearGroupSkips(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 20000; n++ {
		gh := make([]groupHit, rng.Intn(40))
		pos := 0
		for i := range gh {
			pos += rng.Intn(60)
			size := 1 + rng.Intn(20)
			if rng.Intn(10) == 0 {
				size += rng.Intn(400)
			}
			gh[i] = groupHit{group: bitOf(group(rng.Intn(4))), start: int32(pos), end: int32(pos + size)}
		}
		near := nearHits{gh: gh}
		reach := int32(-1)
		for _, h := range gh {
			reach = max(reach, h.end)
			near.reach = append(near.reach, reach)
		}
		for k := 0; k < 20; k++ {
			a := rng.Intn(pos+200) - 100
			b := a + rng.Intn(120)
			m := bitOf(group(rng.Intn(4)))
			after := []int{40, 160}[rng.Intn(2)]
			if got, want := nearGroup(&near, m, a, b, after), nearGroupFromStart(gh, m, a, b, after); got != want {
				t.Fatalf("hits %v, window [%d,%d) +%d: %v, want %v", gh, a, b, after, got, want)
			}
		}
	}
}

// finiteVerbByPrefix is finiteVerb as it was, each verb compared with the
// start of s: the reference TestFiniteVerb holds the lookup to.
func finiteVerbByPrefix(s string) bool {
	for _, v := range []string{"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "does", "did", "seems", "looks", "should", "must", "may"} {
		if len(s) >= len(v) && strings.EqualFold(s[:len(v)], v) && (len(s) == len(v) || !isAlnum(s[len(v)])) {
			return true
		}
	}
	return false
}

// TestFiniteVerb holds finiteVerb to the prefix comparisons it replaced
// after every space of the committed texts and on the verbs in other
// cases, glued to more letters, and before a Kelvin sign or long s (which
// fold to k and s).
func TestFiniteVerb(t *testing.T) {
	check := func(s string) {
		if got, want := finiteVerb(s), finiteVerbByPrefix(s); got != want {
			t.Fatalf("finiteVerb(%q) = %v, want %v", s[:min(len(s), 30)], got, want)
		}
	}
	for _, v := range []string{"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "does", "did", "seems", "looks", "should", "must", "may"} {
		for _, w := range []string{v, strings.ToUpper(v), strings.ToUpper(v[:1]) + v[1:]} {
			for _, tail := range []string{"", " ", "s", "1", "'", ":", "\u212a", "\u017f", "-", "é"} {
				check(w + tail)
				check(w[:len(w)-1] + tail) // "iſ" folds to "is"
			}
			check(w[:len(w)-1])
		}
	}
	held := 0
	for _, s := range committedTexts(t) {
		for i := 0; i < len(s); i++ {
			if s[i] == ' ' && i+1 < len(s) {
				check(s[i+1:])
				if finiteVerb(s[i+1:]) {
					held++
				}
			}
		}
	}
	if held == 0 {
		t.Fatal("no verb found: the test reads nothing")
	}
}
