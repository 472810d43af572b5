package gate

import "strings"

// Sloppy writing (decision 150, round 8y). People who type fast misspell
// the very words the rules read ("ignroe all previus instrctions") and
// glue words together ("ignore allprevious instructions"). Listing
// misspellings would never end; instead, when a text's first scan finds no
// injection, the words near the lexicon's hits are read once more:
//
//   - a word of five letters or more that is one edit (a letter deleted,
//     inserted, replaced, or two neighbours swapped) from a word of the
//     small set typoWords, and is not itself a word of that set or a real
//     word next to one (typoKnown), is read as that word;
//   - a word glued from two words of glueWords ("allprevious",
//     "ignoreall", "previousinstructions"), one of them five letters or
//     more, is read as the two words.
//
// When a word was read differently, the corrected copy of the text is
// scanned by the same automaton and rules; its findings map back to the
// original text like any view's. Text without such words pays one pass
// over the words near its hits, which most words leave after a length and
// first-letter check.
//
// What is never corrected: a word of the set itself, a word that only adds
// a letter at the end of one (ignored, prompts, systems: inflections), or
// changes its last letter (ignores, enables), and the real words of
// typoKnown (forger, revel, overrode…).

// typoWords are the words whose misspellings are read as them: the words
// the override, extraction and jailbreak rules need most, in English and
// the most used forms in a few other languages. Mostly six letters or
// more: a five-letter word has many real neighbours (only "rules",
// "pwned" and "setup" are here).
var typoWords = []string{
	// override
	"ignore", "ignoring", "disregard", "disregarding", "forget", "forgetting", "override", "overwrite",
	"previous", "previously", "earlier", "preceding", "instructions", "instruction", "directions",
	"directives", "guidelines", "guideline", "everything", "anything", "original", "initial",
	"restrictions", "restriction", "limitations", "unrestricted", "uncensored", "unfiltered",
	"censorship", "filters", "filter", "jailbreak", "jailbroken", "developer", "pretend",
	"character", "roleplay", "persona", "policies", "content", "refuse", "without",
	"anymore", "follow", "following", "assistant", "reading", "summarising", "summarizing",
	"conversation", "beginning", "ethical", "unlimited", "limits", "safety",
	// hijack
	"access", "granted", "pwned", "hacked", "respond", "response", "translate", "translation",
	"answer", "phrase", "decode", "encode", "complete", "reverse", "perform", "letters", "letter",
	// extraction
	"system", "prompt", "password", "passwords", "passwort", "message", "reveal", "repeat", "verbatim", "output",
	"hidden", "secret", "confidential", "disclose", "instructed", "paraphrase", "summarize",
	"summarise", "setup", "rules", "guardrails", "exactly",
	// other languages
	"ignoriere", "ignoriert", "vorherigen", "anweisungen", "vergiss", "instrucciones", "anteriores",
	"olvida", "istruzioni", "precedenti", "precedentes", "ignorez", "oubliez", "instruktionen",
	"contrasena", "systeme", "sistema", "instrucoes", "anteriormente", "regeln",
}

// typoKnown are real words one edit from a word of typoWords that the
// rules above do not already leave alone.
var typoKnown = []string{
	"forge", "forger", "forgot", "forgets", "revel", "revels", "overrode", "overrides",
	"repeal", "reheat", "retreat", "repent", "massage", "messages", "person", "personal",
	"contest", "contend", "context", "contents", "content's", "refuge", "refute", "reuse", "refuses",
	"filers", "fitter", "falter", "filler", "limit", "outpost", "outputs", "secrete", "secrets",
	"bidden", "warden", "earliest", "overwritten", "instructor", "instructs",
	"direction", "directive", "originals", "initials", "initiate", "preceded", "presented",
	"pretends", "pretended", "pretender", "caricature", "systemic", "systems", "prompts", "prompted",
	"revealed", "reveals", "ignores", "ignored", "ignorer",
	"develop", "developed", "developers", "characters", "filtered", "filtering",
	"repeats", "repeated", "reseat", "repast", "secreted", "secretly", "previews", "verbatims",
	"jailbreaks", "discloses", "disclosed", "anteriors", "olvidar", "olvidas",
	"regel", "accesses", "accessed", "grunted", "granter", "grated", "hackles",
	"responds", "responded", "responses", "translated", "summaries", "summarized", "summarised",
	"readings", "follows", "followed", "follower", "fellow", "fallow", "ethic", "morals", "roles",
	"rubles", "rulers", "setups", "upset", "reaping", "safely", "spreading", "treading",
	"breading", "beginnings", "assistants",
	"decade", "decide", "decided", "encore", "compete", "reveres", "preform", "phase", "latter", "litter", "lettres",
	"answers", "decodes", "encodes", "completes", "reverses", "performs", "phrases",
	// words of other languages the lexicon lists
	"filtres", "responde", "revela", "repeta", "orijinal", "precedente",
}

// glueWords are the short words people glue to the words of typoWords
// ("allprevious", "ignoreall", "yoursecret", "passwordis"). A word is
// split into two or three words of glueWords and typoWords only when one
// of them is a word of typoWords: "secretary", "ecosystem" and "promptly"
// stay whole (their other part is no glue word), and so do "without",
// "whatever" or "anymore" (no part of them is a trigger word).
var glueWords = []string{
	"all", "the", "your", "any", "every", "prior", "above", "these", "those", "you", "are", "now",
	"my", "me", "is", "was", "to", "of", "in", "and", "or", "for", "with", "this", "that", "what",
	"it", "its", "from", "new", "then", "only", "just", "say", "print", "show", "give", "tell",
	"write", "have", "been", "i", "a", "an", "no", "not", "dont", "ur", "u", "mode", "secret",
}

// wordIndex holds a word list by first letter, with a mask of the lengths
// each letter's words have.
type wordIndex struct {
	words [26][]string
	lens  [26]uint32 // bit n: a word of length n starts with this letter
	// second: the second and third letters of the words of each first letter
	second [26]uint32
	exact  [26]uint32 // bit n: a word of exactly length n
	first2 [26]uint32 // the second letters, and the first of the next word after a one-letter word
}

func letterBit(c byte) uint32 { return 1 << ((lowLetter(c) - 'a') & 31) }

func newWordIndex(ws []string, spread int) *wordIndex {
	x := &wordIndex{}
	for _, w := range ws {
		c := w[0] - 'a'
		x.words[c] = append(x.words[c], w)
		x.exact[c] |= 1 << len(w)
		if len(w) >= 2 {
			x.first2[c] |= letterBit(w[1])
		} else {
			x.first2[c] = ^uint32(0)
		}
		if len(w) >= 3 {
			x.second[c] |= letterBit(w[1]) | letterBit(w[2])
		}
		for d := -spread; d <= spread; d++ {
			if n := len(w) + d; n > 0 && n < 32 {
				x.lens[c] |= 1 << n
			}
		}
	}
	return x
}

// typoCand is a word of typoWords with the set of its letters.
type typoCand struct {
	w    string
	mask uint32
}

// typoCands[c][n]: the words of typoWords that open with letter c and are
// one letter shorter or longer than n, or as long.
var typoCands = func() (t [26][32][]typoCand) {
	for _, w := range typoWords {
		var m uint32
		for i := 0; i < len(w); i++ {
			m |= letterBit(w[i])
		}
		for n := len(w) - 1; n <= len(w)+1 && n < 32; n++ {
			t[w[0]-'a'][n] = append(t[w[0]-'a'][n], typoCand{w, m})
		}
	}
	return t
}()

var (
	typoIndex = newWordIndex(typoWords, 1)
	glueIndex = newWordIndex(append(append([]string(nil), glueWords...), typoWords...), 0)
	knownSet  = setOf(typoKnown...)
)

func lowLetter(c byte) byte { return c | 0x20 }

// eqFoldLower reports whether s equals the lower-case word w, letter case
// aside (s holds letters only).
func eqFoldLower(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowLetter(s[i]) != w[i] {
			return false
		}
	}
	return true
}

// oneEdit reports whether the word s is one edit from the lower-case word
// t, not counting a letter added at the end or a last letter changed
// (inflections, not typos).
func oneEdit(s, t string) bool {
	n, m := len(s), len(t)
	i := 0
	for i < n && i < m && lowLetter(s[i]) == t[i] {
		i++
	}
	switch n - m {
	case 0:
		if i >= n-1 {
			return false // equal, or only the last letter differs
		}
		if eqFoldLower(s[i+1:], t[i+1:]) {
			return true
		}
		return lowLetter(s[i]) == t[i+1] && lowLetter(s[i+1]) == t[i] && eqFoldLower(s[i+2:], t[i+2:])
	case 1:
		if i == m {
			// a letter added at the end is an inflection (ignored,
			// prompts), unless it doubles the last one (forgett)
			return s[i-1] == s[i] && lowLetter(s[i]) != 's'
		}
		return eqFoldLower(s[i+1:], t[i:])
	case -1:
		return eqFoldLower(s[i:], t[i+1:])
	}
	return false
}

// typoFix returns the word of typoWords that the letters-only word s is a
// misspelling of, or "".
func typoFix(s string) string {
	n := len(s)
	if n < 5 || n >= 32 {
		return ""
	}
	c := lowLetter(s[0]) - 'a'
	if c >= 26 || typoIndex.lens[c]&(1<<n) == 0 {
		return ""
	}
	// an edit at the second or third letter leaves one of them in place
	if m := typoIndex.second[c]; m&letterBit(s[1]) == 0 && m&letterBit(s[2]) == 0 {
		return ""
	}
	// one edit changes at most two letters of the set of letters a word
	// has: compared first, it rejects most candidates without a walk
	var m uint32
	for i := 0; i < n; i++ {
		m |= letterBit(s[i])
	}
	fix := ""
	for _, t := range typoCands[c][n] {
		if d := m ^ t.mask; d&(d-1)&(d&(d-1)-1) != 0 {
			continue // three letters or more differ
		}
		if eqFoldLower(s, t.w) {
			return ""
		}
		if fix == "" && oneEdit(s, t.w) {
			fix = t.w
		}
	}
	if fix == "" || has(knownSet, s) {
		return ""
	}
	return fix
}

// glueWord reports whether s is a word of glueWords or typoWords, and
// whether of typoWords.
func glueWord(s string) (glue, trigger bool) {
	n := len(s)
	if n == 0 || n >= 32 {
		return false, false
	}
	c := lowLetter(s[0]) - 'a'
	if c >= 26 || glueIndex.lens[c]&(1<<n) == 0 {
		return false, false
	}
	for _, g := range glueIndex.words[c] {
		if eqFoldLower(s, g) {
			return true, isTrigger(g)
		}
	}
	return false, false
}

func isTrigger(g string) bool {
	for _, t := range typoIndex.words[g[0]-'a'] {
		if t == g {
			return true
		}
	}
	return false
}

// affixes are the prefixes that change the meaning of the word after them.
var affixes = []string{"non", "dis", "mis", "eco", "pre", "pro", "sub", "anti", "over", "under", "auto", "self", "counter", "semi", "multi", "inter", "super", "post", "mid", "out"}

func isAffix(s string) bool {
	for _, a := range affixes {
		if eqFoldLower(s, a) {
			return true
		}
	}
	return false
}

// glueSplit returns where the word s splits into two or three glue words,
// one of them a trigger word (the second point 0 for two), or 0, 0.
func glueSplit(s string) (int32, int32) {
	n := len(s)
	if n < 7 || n >= 32 {
		return 0, 0
	}
	if g, _ := glueWord(s); g {
		return 0, 0
	}
	c := lowLetter(s[0]) - 'a'
	if c >= 26 {
		return 0, 0
	}
	if glueIndex.first2[c]&letterBit(s[1]) != 0 {
		if k, k2 := gluePrefix(s, c); k > 0 {
			return k, k2
		}
	}
	// any word of three letters or more glued before a trigger word of
	// six letters or more ("correctpassword", "thehidden"): in English
	// compounds the last word keeps its meaning ("filesystem", "topsecret"),
	// apart from after a prefix ("unoriginal", "nonresponse").
	for k := 3; k+6 <= n; k++ {
		if c := lowLetter(s[k]) - 'a'; c >= 26 || typoIndex.exact[c]&(1<<(n-k)) == 0 {
			continue
		}
		if _, t := glueWord(s[k:]); t && !isAffix(s[:k]) {
			return int32(k), 0
		}
	}
	return 0, 0
}

// gluePrefix splits s after a glue word it opens with.
func gluePrefix(s string, c byte) (int32, int32) {
	n := len(s)
	for _, g := range glueIndex.words[c] {
		k := len(g)
		if k > n-1 || !eqFoldLower(s[:k], g) {
			continue
		}
		trig := isTrigger(g)
		if ok, t := glueWord(s[k:]); ok && (trig || t) {
			return int32(k), 0
		}
		// three words: the rest splits once more
		rest := s[k:]
		c2 := lowLetter(rest[0]) - 'a'
		if c2 >= 26 {
			continue
		}
		for _, h := range glueIndex.words[c2] {
			j := len(h)
			if j >= len(rest) || !eqFoldLower(rest[:j], h) {
				continue
			}
			if ok, t := glueWord(rest[j:]); ok && (trig || t || isTrigger(h)) {
				return int32(k), int32(k + j)
			}
		}
	}
	return 0, 0
}

// typoRadius is how far around a hit words are read for typos: about a
// rule's window.
const typoRadius = 40

// typoWhole: texts up to this length that have a rare anchor are read
// whole (round 9n), chat messages; other texts only near their anchors.
const typoWhole = 512

// typoEdit is one word read differently: s[start:end] replaced by word, or
// split by a space at split.
type typoEdit struct {
	start, end, split, split2 int32
	word                      string
}

// typoAnchors are the groups whose hits have their neighbourhood read:
// the words of the override, extraction, jailbreak and hijack rules that
// are rare in ordinary text. Common verbs ("list", "return", "add") that
// other rules read are not anchors: ordinary text is full of them.
// typoWeak are anchors common in ordinary text ("your", "all",
// "previous", "say"): two of them within a window make one anchor.
var typoAnchors, typoWeak = func() (m, w gmask) {
	for _, g := range []group{gOvrVerb, gOvrObj, gOvrAll, gNewInstr, gJbPersona, gJbUnres,
		gJbStrong, gJbDisable, gExtObj, gVerbatim, gPromptWord, gIndAddr, gGranted,
		gHijack, gSecret, gSecretAsk, gAskSecret, gJbQual, gJbFree, gGivenYou, gObeyMe, gModeOn} {
		m = m.or(bitOf(g))
	}
	for _, g := range []group{gOvrQuant, gSay, gSayAny} {
		w = w.or(bitOf(g))
	}
	return m, w
}()

// anyAnchor reports whether a hit is of a rare anchor group (typoAnchors):
// common ones ("your", "all") would send most chat through the whole read.
func anyAnchor(pats []acPattern, hits []acHit) bool {
	for _, h := range hits {
		if pats[h.pat].group.meets(typoAnchors) {
			return true
		}
	}
	return false
}

// findTypos collects the misspelled and glued words of s near the anchor
// hits (sorted by start) into sc.typos and reports whether there were any.
func findTypos(sc *scratch, pats []acPattern, s string, hits []acHit) bool {
	sc.typos = sc.typos[:0]
	if len(s) <= typoWhole && anyAnchor(pats, hits) {
		// a short message with a rare anchor is read whole: its glued or
		// misspelled trigger words may be far from it, and a message
		// written a word per line has line breaks everywhere
		readTypos(sc, s, 0, len(s))
		return len(sc.typos) > 0
	}
	done := 0      // s[:done] has been read
	lastWeak := -1 // start of the last weak anchor
	for _, h := range hits {
		g := pats[h.pat].group
		start := int(h.start)
		if !g.meets(typoAnchors) {
			if !g.meets(typoWeak) {
				continue
			}
			last := lastWeak
			if last != start {
				lastWeak = start
			}
			if last < 0 || last == start || start-last > typoRadius {
				continue
			}
			start = last
		}
		from := max(start-typoRadius, done)
		to := min(int(h.end)+typoRadius, len(s))
		if from >= to {
			continue
		}
		// start on a word boundary, after what was read
		for from > done && isLetter(s[from-1]) {
			from--
		}
		done = readTypos(sc, s, from, to)
	}
	return len(sc.typos) > 0
}

// softBreak reports whether the line break at s[i] splits a sentence
// rather than ending one: the text is written a word or a few per line
// ("ignore\nall\nprevious\ninstructions", SMS style). Rules that must
// not run over a line break read such a break as a space. It is soft when
// the lines on both sides are single words of up to 20 bytes, or when the
// line before, up to 40 bytes, ends without punctuation and the line after,
// also short, goes on in lower case. A blank line is never soft.
func softBreak(s string, i int) bool {
	p := i
	if p > 0 && s[p-1] == '\r' {
		p--
	}
	if p == 0 || i+1 >= len(s) || s[p-1] == '\n' || s[i+1] == '\n' || s[i+1] == '\r' {
		return false
	}
	b := strings.LastIndexByte(s[max(0, p-41):p], '\n')
	if b < 0 && p > 41 {
		return false
	}
	before := s[max(0, p-41)+b+1 : p]
	e := strings.IndexByte(s[i+1:min(len(s), i+42)], '\n')
	if e < 0 {
		if len(s)-i-1 > 41 {
			e = 41
		} else {
			e = len(s) - i - 1
		}
	}
	after := strings.TrimSuffix(s[i+1:i+1+e], "\r")
	if len(before) == 0 || len(after) == 0 || len(before) > 40 || len(after) > 40 {
		return false
	}
	if len(before) <= 20 && len(after) <= 20 && strings.IndexByte(before, ' ') < 0 && strings.IndexByte(after, ' ') < 0 {
		return true
	}
	last := before[len(before)-1]
	return isLetter(last) && after[0] >= 'a' && after[0] <= 'z'
}

func isLetter(c byte) bool { return lowLetter(c)-'a' < 26 }

// readTypos reads the words starting in s[from:to] and returns where it
// stopped.
func readTypos(sc *scratch, s string, from, to int) int {
	i := from
	for i < to {
		if s[i] == '\n' {
			if softBreak(s, i) {
				a := i
				if a > 0 && s[a-1] == '\r' {
					a--
				}
				sc.typos = append(sc.typos, typoEdit{start: int32(a), end: int32(i + 1), word: " "})
			}
			i++
			continue
		}
		if !isLetter(s[i]) {
			i++
			continue
		}
		j := i + 1
		// a lower-case letter followed by a capital ends a word (camelCase)
		for j < len(s) && isLetter(s[j]) && !(s[j] < 'a' && s[j-1] >= 'a') {
			j++
		}
		n := j - i
		if n <= 8 && (i == 0 || contractionEdge(s[i-1])) && (j == len(s) || contractionEdge(s[j])) {
			if c := contraction(s[i:j]); c != "" {
				sc.typos = append(sc.typos, typoEdit{start: int32(i), end: int32(j), word: c})
			}
		}
		if n >= 5 && (i == 0 || s[i-1] < 0x80 && !isDigit(s[i-1])) && (j == len(s) || s[j] < 0x80 && !isDigit(s[j])) {
			w := s[i:j]
			if fix := typoFix(w); fix != "" {
				sc.typos = append(sc.typos, typoEdit{start: int32(i), end: int32(j), word: fix})
			} else if k, k2 := glueSplit(w); k > 0 {
				e := typoEdit{start: int32(i), end: int32(j), split: int32(i) + k}
				if k2 > 0 {
					e.split2 = int32(i) + k2
				}
				sc.typos = append(sc.typos, e)
			}
		}
		i = j
	}
	return i
}

// typoView builds the corrected copy of v from sc.typos, each byte mapped
// to the original text.
func typoView(sc *scratch, v *view, text string) view {
	b := sc.tbuf[:0]
	os, oe := sc.tstart[:0], sc.tend[:0]
	orig := func(x int) (int32, int32) {
		if !v.mapped {
			return int32(x), int32(x + 1)
		}
		a, e := v.span(x, x+1)
		return int32(a), int32(e)
	}
	copyTo := func(from, to int) {
		if from < to {
			b = append(b, v.s[from:to]...)
			os, oe = v.appendSpans(os, oe, from, to)
		}
	}
	at := 0
	for _, t := range sc.typos {
		copyTo(at, int(t.start))
		if t.word != "" {
			a, _ := orig(int(t.start))
			_, e := orig(int(t.end) - 1)
			for k := 0; k < len(t.word); k++ {
				b, os, oe = append(b, t.word[k]), append(os, a), append(oe, e)
			}
		} else {
			at := int(t.start)
			for _, k := range [2]int32{t.split, t.split2} {
				if k == 0 {
					continue
				}
				copyTo(at, int(k))
				a, e := orig(int(k))
				b, os, oe = append(b, ' '), append(os, a), append(oe, e)
				at = int(k)
			}
			copyTo(at, int(t.end))
		}
		at = int(t.end)
	}
	copyTo(at, len(v.s))
	sc.tbuf, sc.tstart, sc.tend = b, os, oe
	return view{s: bytesToString(b), mapped: true, orig: text, ostart: os, oend: oe}
}

// isInjectionRule[r]: rule r is in the injection category.
var isInjectionRule = func() []bool {
	t := make([]bool, len(ruleIDs))
	for i, id := range ruleIDs {
		t[i] = ruleInfo[id].category == CatInjection
	}
	return t
}()

func hasInjection(fs []finding) bool {
	for _, f := range fs {
		if isInjectionRule[f.rule] {
			return true
		}
	}
	return false
}

// scanTypos scans the corrected view of v when it differs, keeping only
// the injection findings it adds.
func (d *detector) scanTypos(sc *scratch, auto *automaton, v *view, text string, output bool, out []finding) []finding {
	if !findTypos(sc, auto.pats, v.s, sc.hits) {
		return out
	}
	tv := typoView(sc, v, text)
	sc.thits = auto.run(tv.s, sc.thits[:0], &sc.side)
	n := len(out)
	out = d.evalHits(auto, &tv, sc.thits, &sc.eval, output, out)
	k := n
	for _, f := range out[n:] {
		if isInjectionRule[f.rule] {
			out[k] = f
			k++
		}
	}
	return out[:k]
}

// contractions are chat spellings read as the words the rules list (round
// 9n): the contractions the override, persona and extraction rules read,
// typed without their apostrophe, and "u"/"ur". Left out because they are
// ordinary words as well: ill, were, id, its, hes, shes, lets, well, wed,
// hell, shell, cant, wont; and, because chat is full of them and the rules
// hardly need them (each one near an anchor costs a second scan): whats,
// thats, theres, heres, didnt, wasnt, havent, wouldnt and the like.
var contractions = map[string]string{
	"dont": "don't", "doesnt": "doesn't", "isnt": "isn't", "arent": "aren't",
	"youre": "you're", "youve": "you've", "youll": "you'll", "youd": "you'd", "theyre": "they're",
	"ive": "i've", "im": "i'm", "u": "you", "ur": "your",
}

// contractionLast[c], contractionLens[c]: the last letters and the lengths
// of the words of contractions that open with letter c.
var contractionLast, contractionLens = func() (l, n [26]uint32) {
	for w := range contractions {
		l[w[0]-'a'] |= letterBit(w[len(w)-1])
		n[w[0]-'a'] |= 1 << len(w)
	}
	return l, n
}()

// contraction returns how the letters-only word s reads with its
// apostrophe, or "".
func contraction(s string) string {
	c := lowLetter(s[0]) - 'a'
	if c >= 26 || contractionLast[c]&letterBit(s[len(s)-1]) == 0 || contractionLens[c]&(1<<len(s)) == 0 {
		return ""
	}
	var b [8]byte
	for i := 0; i < len(s); i++ {
		b[i] = lowLetter(s[i])
	}
	return contractions[string(b[:len(s)])]
}

// contractionEdge: c may stand next to a contraction (not a letter, digit,
// apostrophe, dot or byte of a longer character: "y0ur", "u.s.").
func contractionEdge(c byte) bool {
	return c < 0x80 && !isDigit(c) && c != '\'' && c != '.'
}
