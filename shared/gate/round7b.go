package gate

import "strings"

// Round 7b: false positives on realistic benign traffic (decision 150,
// "Round 7: false positives on realistic benign traffic"). Each helper
// reads the words around one hit and says when that hit is the look-alike
// family's, so the hit loses the group that would make a rule fire.

// scopedFreedomAt reports whether an unrestricted quality ("no limits",
// "without restrictions") is scoped, right after it, to the craft of the
// reply: "there are no limits to your creativity", "no limits on how picky
// you are". A role prompt of the prompt collections frees the persona's
// imagination or strictness, not its rules; "no limits to what you say"
// stays a freedom.
func scopedFreedomAt(s string, end int) bool {
	if end >= len(s) {
		return false
	}
	rest := s[end:min(len(s), end+40)]
	if len(rest) < 4 || rest[0] != ' ' || !has(freedomPrep, firstWord(rest)) {
		return false
	}
	// Most phrases cannot match: compare the byte after the preposition's
	// space before the whole phrase.
	prep := firstWord(rest)
	k := 1 + len(prep) + 1 // " to " -> the byte after the second space
	if k >= len(rest) {
		return false
	}
	c := rest[k]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	for _, p := range scopedFreedom {
		if len(p) > k && p[k] == c && hasPrefixFold(rest, p) {
			return true
		}
	}
	return false
}

var freedomPrep = setOf("to", "on", "in", "for")

var scopedFreedom = func() []string {
	var out []string
	for _, prep := range []string{" to", " on", " in", " for"} {
		for _, det := range []string{" your", " the", ""} {
			for _, n := range []string{" creativ", " imagination", " imaginat", " ideas", " inventiveness", " fantasy"} {
				out = append(out, prep+det+n)
			}
		}
		for _, q := range []string{"creative", "imaginative", "inventive", "picky", "critical", "strict", "detailed", "thorough", "many", "long", "playful", "silly"} {
			out = append(out, prep+" how "+q)
		}
	}
	return append(out, " on the length", " on length", " on the number of", " on word count", " on the word count")
}()

// reportedInfinitiveAt reports whether the verb at i is the infinitive a
// reported request names: "payloads telling the model to disregard the
// user's question", "it disclosed its configuration when asked to repeat
// the text above". Someone else's request, told about, not one made to
// the model; the imperative ("tell the model to …") is not one of these.
func reportedInfinitiveAt(s string, i int) bool {
	for i > 0 && (s[i-1] == '\'' || s[i-1] == '"' || s[i-1] == ' ') {
		i--
	}
	// "… to <verb>": the cheap test first, most hits fail it.
	if i < 3 || s[i-3] != ' ' || s[i-2]|0x20 != 't' || s[i-1]|0x20 != 'o' {
		return false
	}
	w, i := wordBefore(s, i-2)
	if has(reportVerb, w) {
		// "when asked to", "was told to": the passive names no object.
		p, _ := wordBefore(s, i)
		return has(passiveLead, p)
	}
	if !has(reportObj, w) {
		return false
	}
	p, i := wordBefore(s, i)
	if has(articles, p) {
		p, _ = wordBefore(s, i)
	}
	return has(reportVerb, p)
}

var articles = setOf("the", "a", "an")

// wordBefore returns the word before i (skipping blanks), in its case, and
// where it starts.
func wordBefore(s string, i int) (string, int) {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 && (isAlnum(s[j-1]) || s[j-1] == '\'') {
		j--
	}
	return s[j:i], j
}

var reportVerb = setOf("telling", "tells", "told", "instructing", "instructs", "instructed", "asking", "asks", "asked", "prompting", "prompts", "prompted",
	"directing", "directs", "directed", "ordering", "orders", "ordered", "urging", "urges", "urged", "commanding", "commands", "commanded")

var passiveLead = setOf("when", "if", "was", "were", "been", "once", "after")

var reportObj = setOf("model", "models", "ai", "ais", "assistant", "assistants", "bot", "bots", "chatbot", "chatbots", "llm", "llms", "agent", "agents",
	"summariser", "summarizer", "gpt", "chatgpt", "it", "them", "copilot", "system")

// wordSet is a set of lower-case words with what a lookup can reject
// without hashing: most words these checks meet are in no set (they run
// on every hit of common groups in trigger-word dense text), so the
// lengths of the words with each first letter turn them away first, and
// the rest are found in a small open-addressing table hashed on the
// folded bytes as they are read (no map hash over a copied key).
//
// Sets are used by pointer: the per-letter table is 1 KiB, and has runs
// for most hits of common groups.
type wordSet struct {
	m    map[string]bool // the words as given (quotedMentionAt reads it as it is)
	lens [256]uint32     // per first byte: bit n set when a word of n bytes (1-24) starts with it
	tab  []string        // the words, open addressing by wordHash, "" empty; a power of two long
}

// maxSetWord is the longest word has can find: it folds into a buffer.
const maxSetWord = 24

// wordHash is FNV-1a step by step, over the folded bytes.
const wordHashSeed, wordHashPrime = uint32(2166136261), uint32(16777619)

// has looks w up in m case-insensitively without allocating: the views
// the rules read keep the text's case.
func has(m *wordSet, w string) bool {
	n := len(w)
	if n == 0 || n > maxSetWord {
		return false
	}
	c := w[0]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	if m.lens[c]>>n&1 == 0 {
		return false
	}
	var buf [maxSetWord]byte
	h := wordHashSeed
	for i := 0; i < n; i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
		h = (h ^ uint32(c)) * wordHashPrime
	}
	mask := uint32(len(m.tab) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := m.tab[i]
		if e == "" {
			return false
		}
		if e == string(buf[:n]) {
			return true
		}
	}
}

// hasPrefixFold is strings.HasPrefix with ASCII case folded.
func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// unionOf is the set of the words of every set in sets.
func unionOf(sets ...*wordSet) *wordSet {
	var ws []string
	for _, m := range sets {
		for w := range m.m {
			ws = append(ws, w)
		}
	}
	return setOf(ws...)
}

func setOf(ws ...string) *wordSet {
	m := &wordSet{m: make(map[string]bool, len(ws))}
	size := 2
	for size < 2*len(ws) {
		size *= 2
	}
	m.tab = make([]string, size)
	mask := uint32(size - 1)
	for _, w := range ws {
		if w == "" {
			panic("setOf: an empty word")
		}
		if m.m[w] {
			continue
		}
		m.m[w] = true
		if len(w) > maxSetWord {
			continue // has never finds it
		}
		m.lens[w[0]] |= 1 << len(w)
		h := wordHashSeed
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * wordHashPrime
		}
		i := h & mask
		for m.tab[i] != "" {
			i = (i + 1) & mask
		}
		m.tab[i] = w
	}
	return m
}

// putPlaceAt reports whether "put your" is followed, after the thing put,
// by a place in an API or a configuration: "put your instructions there",
// "put your instructions in the system message". Advice to a developer,
// not a request to write the model's own instructions out somewhere.
func putPlaceAt(s string, end int) bool {
	i := end
	for i < len(s) && s[i] == ' ' {
		i++
	}
	for k := 0; k < 2; k++ { // "instructions", "system prompt"
		for i < len(s) && isAlnum(s[i]) {
			i++
		}
		rest := s[i:min(len(s), i+24)]
		for _, p := range putPlaces {
			if hasPrefixFold(rest, p) {
				return true
			}
		}
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	return false
}

var putPlaces = []string{" there", " here", " in the system", " into the system", " in a system", " in your system", " in the developer", " in the config", " in a config", " in the settings", " in the first message"}

// thirdPersonAt reports whether the words at i are preceded by a French
// possessive of the third person: "le chatbot révélait ses instructions
// système" tells of a model's own instructions; a request names them
// "tes", "vos" or "les".
func thirdPersonAt(s string, i int) bool {
	w := prevWord(s, i)
	return strings.EqualFold(w, "ses") || strings.EqualFold(w, "leurs") || strings.EqualFold(w, "leur")
}

// rulesScopedAt reports whether the rules or instructions an override or
// a voiding names at s[start:end] are scoped, so the hit is not the
// model's own instructions set aside. Two cases, read from the words
// after the noun:
//
// A scope to the form of the reply or a dated memo: "forget the earlier
// constraints on length", "olvida las instrucciones anteriores sobre el
// tono", "the instructions sent on 3 May are superseded". A user
// correcting the form of their own request or a memo correcting an
// earlier one. (The user's own "my previous instructions" is not among
// them: attackers write it too; decision 150, round 7.)
//
// A house's rules about a named everyday topic: "the old rules about bike
// storage no longer apply", "the rules for guests". Not the model's own
// ("your rules about …", "all rules about …"), nor rules about what a
// reply may hold ("the rules about content no longer apply").
//
// It runs on every hit of the override objects and prompt words, common
// in trigger-word dense text, so it reads the words after the noun once
// each, and only as far as a case needs them (within 60 bytes): the first
// must lead a scope or a topic (scopeLead), which most do not.
// TestRulesScopedAtIsBoth holds it to the two checks it was written as.
func rulesScopedAt(s string, start, end int) bool {
	e := end
	for e < len(s) && isAlnum(s[e]) {
		e++
	}
	lim := min(len(s), e+60)
	w, i := nextWord(s, e, lim)
	if !has(scopeLead, w) {
		return false
	}
	// A scope: right after a space after the noun.
	if e+3 < len(s) && s[e] == ' ' {
		switch {
		case has(memoLead, w):
			for _, p := range memoDated {
				if hasPrefixFold(s[e:lim], p) {
					return true
				}
			}
		case has(ovrAdj, w):
			// one adjective after the noun: "instrucciones anteriores sobre …"
			if p, j := nextWord(s, i, lim); formAt(s, p, j, lim) {
				return true
			}
		default:
			if formAt(s, w, i, lim) {
				return true
			}
		}
	}
	// A topic: the noun a house's rules, not the model's, then a
	// preposition and a topic that is not the reply's.
	if !has(topicPrep, w) || !has(houseRules, s[start:e]) {
		return false
	}
	if b, _ := wordBefore(s, start); has(ownedBy, b) {
		return false
	}
	n, j := nextWord(s, i, lim)
	if has(articles, n) || strings.EqualFold(n, "our") {
		n, _ = nextWord(s, j, lim)
	}
	return len(n) >= 3 && !has(replyTopic, n)
}

// nextWord is the word of s[i:lim] after the spaces at i (empty where a
// byte that is neither follows them), and where it ends.
func nextWord(s string, i, lim int) (string, int) {
	for i < lim && s[i] == ' ' {
		i++
	}
	j := i
	for j < lim && isAlnum(s[j]) {
		j++
	}
	return s[i:j], j
}

// scopeLead holds every word that can follow the noun in a scope (a
// memo's verb, an adjective, a preposition of form) or a topic (its
// preposition).
var scopeLead = unionOf(memoLead, ovrAdj, formPrep, topicPrep)

var memoLead = setOf("sent", "issued", "dated", "circulated", "emailed", "posted", "from", "of")

func firstWord(s string) string {
	s = strings.TrimLeft(s, " ")
	j := 0
	for j < len(s) && isAlnum(s[j]) {
		j++
	}
	return s[:j]
}

// formAt reports whether prep, the word of s ending at i, and the words
// after it (up to lim) name the form of the reply: " on length", " about
// the tone", " sobre el tono".
func formAt(s, prep string, i, lim int) bool {
	if !has(formPrep, prep) {
		return false
	}
	n, j := nextWord(s, i, lim)
	if has(formDet, n) {
		n, j = nextWord(s, j, lim)
	}
	at := j - len(n)
	if len(n) > 2 && (n[len(n)-1] == 's' || n[len(n)-1] == 'S') {
		n = n[:len(n)-1] // "citations", "headings", "tons"
	}
	return has(formNouns, n) || hasPrefixFold(s[at:lim], "word count")
}

var ovrAdj = setOf("previous", "earlier", "prior", "last", "old", "above", "former", "anteriores", "anterior", "previas", "precedentes", "precedenti", "vorherigen", "fruheren", "letzten", "vorigen", "vorige", "eerdere")

var memoDated = []string{" sent on", " sent last", " issued on", " dated", " circulated on", " circulated last", " emailed on", " posted on", " from last week", " of last week", " from last month"}

var formPrep = setOf("on", "about", "regarding", "concerning", "re", "for", "sobre", "acerca", "sur", "concernant", "uber", "zur", "zum", "zu", "su", "sul", "sulla", "riguardo", "over", "wat")

var formDet = setOf("the", "el", "la", "los", "las", "le", "les", "der", "die", "das", "den", "il", "lo", "o", "a", "os", "as", "de", "het", "my", "your")

var formNouns = setOf("length", "tone", "format", "formatting", "style", "spelling", "wording", "structure", "font", "layout", "citation", "reference", "deadline", "schedule", "bullet", "heading", "title", "register", "tense", "voice",
	"longitud", "tono", "formato", "estilo", "ortografia", "extension", "longueur", "ton", "orthographe", "lange", "stil", "rechtschreibung", "lunghezza", "stile", "tamanho", "tom", "lengte", "toon", "stijl", "opmaak")

// quotedMentionAt reports whether the override verb at i opens a quotation
// that a verb of typing or writing, or a noun for a phrase, introduces (not
// "said": "my boss said 'ignore …'" is a pretext):
// "users keep typing 'ignore previous instructions' as a joke", "the
// phrase \"ignore all previous instructions\"". Words mentioned, not used.
func quotedMentionAt(s string, i int) bool {
	if i == 0 {
		return false
	}
	q := s[i-1]
	if q != '\'' && q != '"' {
		return false
	}
	w, _ := wordBefore(s, i-1)
	if !mentionWord.m[w] {
		return false
	}
	end := strings.IndexByte(s[i:min(len(s), i+100)], q)
	return end > 0
}

var mentionWord = setOf("typing", "type", "types", "typed", "writing", "writes", "wrote", "pasting", "pastes", "pasted",
	"phrase", "phrases", "words", "string", "strings", "containing", "contains", "contain", "payload", "payloads", "classic", "famous", "infamous", "keyword", "keywords", "pattern")

var ownedBy = setOf("your", "all", "any", "every", "these", "those", "its")

var houseRules = setOf("rules", "rule", "guidelines", "instructions")

var topicPrep = setOf("about", "regarding", "concerning", "for", "on")

var replyTopic = setOf("safety", "safe", "content", "contents", "ethics", "ethical", "moral", "morals", "morality", "what", "how", "which", "when", "whether", "harm", "harmful", "illegal", "dangerous",
	"sensitive", "restricted", "restrictions", "filtering", "filters", "censorship", "refusal", "refusals", "refusing", "output", "outputs", "response", "responses", "answers",
	"answering", "replies", "replying", "behaviour", "behavior", "you", "yourself", "this", "that", "ai", "ais", "assistant", "assistants", "model", "models", "chatbot", "chatbots",
	"topics", "swearing", "profanity", "violence", "violent", "weapons", "drugs", "sex", "sexual", "nsfw", "explicit", "privacy", "personal", "data", "passwords", "password", "secrets", "secret",
	"disclosure", "revealing", "sharing", "system", "prompt", "prompts", "instructions", "jailbreak", "jailbreaking", "policy", "policies", "guidelines", "copyright", "legal", "law", "laws",
	"medical", "hacking", "malware", "language", "words", "speech", "hate", "offensive", "opinions", "politics", "political", "users", "user", "conversation", "conversations", "chat", "chats",
	"roleplay", "role", "characters", "character", "fiction", "stories", "writing", "generating", "generation", "creating", "images", "code", "security", "confidential", "confidentiality",
	"everything", "anything", "all", "any", "me", "us", "them", "it", "honesty", "truth", "lying", "bias", "fairness", "minors", "children", "kids", "self", "suicide", "crime", "crimes",
	"previous", "above", "earlier", "prior", "first", "original", "initial", "top", "screen", "page", "following", "now", "today", "tonight", "here", "there", "every", "each", "task", "tasks", "session", "chats")

// candidQualityAt reports whether an unrestricted quality is an adjective
// of the reply's candour or of a human act, right before its noun:
// "uncensored feedback on this poem", "an unfiltered comedian roasting
// me", "your unfiltered opinion". An "unfiltered AI", "uncensored model"
// or "unhinged version of you" stays a persona freed.
func candidQualityAt(s string, start, end int) bool {
	if !has(candidAdj, s[start:end]) {
		return false
	}
	rest := s[end:min(len(s), end+30)]
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	n := firstWord(rest)
	for _, c := range candidNouns {
		if hasPrefixFold(n, c) {
			return true
		}
	}
	return false
}

var talkGerund = setOf("following", "answering", "responding", "replying", "chatting", "talking", "behaving", "handling")

var candidAdj = setOf("unfiltered", "uncensored", "unhinged", "no filter", "no-filter", "raw", "brutal")

var candidNouns = []string{"feedback", "opinion", "review", "critique", "critic", "thought", "take", "comedian", "comic", "roast", "humor", "humour", "comedy", "stand", "honest", "brainstorm", "rant", "first draft", "notes", "verdict", "assessment", "appraisal"}

// howToAt reports whether "your instructions" is asked for as a how-to:
// "what are your instructions for making sourdough", "your instructions on
// how to prune roses". Not "your instructions for this conversation".
func howToAt(s string, end int) bool {
	rest := s[end:min(len(s), end+30)]
	if hasPrefixFold(rest, " on how") || hasPrefixFold(rest, " for how") {
		return true
	}
	if !hasPrefixFold(rest, " for ") {
		return false
	}
	w := firstWord(rest[5:])
	return len(w) > 4 && hasPrefixFold(w[len(w)-3:], "ing") && !has(talkGerund, w)
}

// quotedTermAt reports whether the words at s[start:end] are a term in
// quotes that the sentence defines or compares: "what are 'system
// instructions' in Gemini's API?", "what 'developer message' vs 'system
// message' means". A concept asked about, not the model's own prompt
// ("your 'system prompt'", "print the 'system message'" stay).
func quotedTermAt(s string, start, end int) bool {
	if start == 0 || end >= len(s) {
		return false
	}
	q := s[start-1]
	if q != '\'' && q != '"' || s[end] != q {
		return false
	}
	w, i := wordBefore(s, start-1)
	if has(defineLead, w) {
		return true
	}
	if has(copulas, w) {
		if p, _ := wordBefore(s, i); strings.EqualFold(p, "what") {
			return true
		}
	}
	return has(compareNext, firstWord(s[end+1:min(len(s), end+20)]))
}

var defineLead = setOf("what", "define", "between", "term", "terms", "called", "vs", "versus")

var copulas = setOf("is", "are", "does", "do", "was", "were")

var compareNext = setOf("vs", "versus", "mean", "means", "meant", "refer", "refers", "and", "or")
