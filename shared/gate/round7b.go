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
	rest = strings.ToLower(rest)
	for _, p := range scopedFreedom {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

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
	for i > 0 && (s[i-1] == '\'' || s[i-1] == '"') {
		i--
	}
	w, i := wordBefore(s, i)
	if w != "to" {
		return false
	}
	w, i = wordBefore(s, i)
	if reportVerb[w] {
		// "when asked to", "was told to": the passive names no object.
		p, _ := wordBefore(s, i)
		return passiveLead[p]
	}
	if !reportObj[w] {
		return false
	}
	p, i := wordBefore(s, i)
	if p == "the" || p == "a" || p == "an" {
		p, _ = wordBefore(s, i)
	}
	return reportVerb[p]
}

// wordBefore returns the word before i (skipping blanks), lower-cased, and
// where it starts.
func wordBefore(s string, i int) (string, int) {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 && (isAlnum(s[j-1]) || s[j-1] == '\'') {
		j--
	}
	return strings.ToLower(s[j:i]), j
}

var reportVerb = setOf("telling", "tells", "told", "instructing", "instructs", "instructed", "asking", "asks", "asked", "prompting", "prompts", "prompted",
	"directing", "directs", "directed", "ordering", "orders", "ordered", "urging", "urges", "urged", "commanding", "commands", "commanded")

var passiveLead = setOf("when", "if", "was", "were", "is", "are", "been", "being", "once", "after", "gets", "got", "get")

var reportObj = setOf("model", "models", "ai", "ais", "assistant", "assistants", "bot", "bots", "chatbot", "chatbots", "llm", "llms", "agent", "agents",
	"summariser", "summarizer", "gpt", "chatgpt", "it", "them", "copilot", "system")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
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
		rest := strings.ToLower(s[i:min(len(s), i+24)])
		for _, p := range putPlaces {
			if strings.HasPrefix(rest, p) {
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
	w := strings.ToLower(prevWord(s, i))
	return w == "ses" || w == "leurs" || w == "leur"
}

// scopedRulesAt reports whether the rules or instructions an override
// names at s[start:end] are scoped to the form of the reply or to a dated
// memo: "forget the earlier constraints on length",
// "olvida las instrucciones anteriores sobre el tono", "the instructions
// sent on 3 May are superseded". A user correcting the form of their own
// request or a memo correcting an earlier one, not the model's
// instructions set aside. (The user's own "my previous instructions" is
// not among them: attackers write it too; decision 150, round 7.)
func scopedRulesAt(s string, start, end int) bool {
	// the whole word the hit opens ("instruc*": "instructions")
	e := end
	for e < len(s) && isAlnum(s[e]) {
		e++
	}
	rest := strings.ToLower(s[e:min(len(s), e+60)])
	for _, p := range memoDated {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	// one adjective after the noun: "instrucciones anteriores sobre …"
	if r, ok := skipWord(rest); ok && ovrAdj[firstWord(rest)] {
		if scopedToForm(r) {
			return true
		}
	}
	return scopedToForm(rest)
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " ")
	j := 0
	for j < len(s) && isAlnum(s[j]) {
		j++
	}
	return s[:j]
}

func skipWord(s string) (string, bool) {
	t := strings.TrimLeft(s, " ")
	j := 0
	for j < len(t) && isAlnum(t[j]) {
		j++
	}
	return t[j:], j > 0
}

// scopedToForm: " on length", " about the tone", " sobre el tono".
func scopedToForm(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	prep := firstWord(rest)
	if !formPrep[prep] {
		return false
	}
	rest = strings.TrimLeft(rest[len(prep):], " ")
	if d := firstWord(rest); formDet[d] {
		rest = strings.TrimLeft(rest[len(d):], " ")
	}
	n := firstWord(rest)
	for _, f := range formNouns {
		if strings.HasPrefix(n, f) {
			return true
		}
	}
	return false
}

var ovrAdj = setOf("previous", "earlier", "prior", "last", "old", "above", "former", "anteriores", "anterior", "previas", "precedentes", "precedenti", "vorherigen", "fruheren", "letzten", "vorigen", "vorige", "eerdere")

var memoDated = []string{" sent on", " sent last", " issued on", " dated", " circulated on", " circulated last", " emailed on", " posted on", " from last week", " of last week", " from last month"}

var formPrep = setOf("on", "about", "regarding", "concerning", "re", "for", "sobre", "acerca", "sur", "concernant", "uber", "zur", "zum", "zu", "su", "sul", "sulla", "riguardo", "over", "wat")

var formDet = setOf("the", "el", "la", "los", "las", "le", "les", "der", "die", "das", "den", "il", "lo", "o", "a", "os", "as", "de", "het", "my", "your")

var formNouns = []string{"length", "tone", "format", "style", "spelling", "word count", "wording", "structure", "font", "layout", "citation", "reference", "deadline", "schedule", "bullet", "heading", "title", "register", "tense", "voice",
	"longitud", "tono", "formato", "estilo", "ortografi", "extension", "longueur", "ton", "orthographe", "lange", "stil", "rechtschreibung", "lunghezza", "stile", "tamanho", "tom", "lengte", "toon", "stijl", "opmaak"}

// quotedMentionAt reports whether the override verb at i opens a quotation
// that a verb of typing or saying, or a noun for a phrase, introduces:
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
	if !mentionWord[w] {
		return false
	}
	end := strings.IndexByte(s[i:min(len(s), i+100)], q)
	return end > 0
}

var mentionWord = setOf("typing", "type", "types", "typed", "writing", "writes", "wrote", "saying", "says", "said", "sending", "sends", "sent", "pasting", "pastes", "pasted",
	"phrase", "phrases", "words", "string", "strings", "like", "containing", "contains", "contain", "payload", "payloads", "classic", "famous", "infamous", "keyword", "keywords", "pattern")

// topicRulesAt reports whether rules an override or a voiding names are a
// house's rules about a named everyday topic: "the old rules about bike
// storage no longer apply", "the rules for guests". Not the model's own
// ("your rules about …", "all rules about …"), nor rules about what a
// reply may hold ("the rules about content no longer apply").
func topicRulesAt(s string, start, end int) bool {
	if w, _ := wordBefore(s, start); w == "your" || w == "all" || w == "any" || w == "every" || w == "these" || w == "those" || w == "its" {
		return false
	}
	e := end
	for e < len(s) && isAlnum(s[e]) {
		e++
	}
	if tok := strings.ToLower(s[start:e]); tok != "rules" && tok != "rule" && tok != "guidelines" && tok != "instructions" {
		return false
	}
	rest := strings.TrimLeft(strings.ToLower(s[e:min(len(s), e+60)]), " ")
	prep := firstWord(rest)
	if prep != "about" && prep != "regarding" && prep != "concerning" && prep != "for" && prep != "on" {
		return false
	}
	rest = strings.TrimLeft(rest[len(prep):], " ")
	n := firstWord(rest)
	if n == "the" || n == "a" || n == "an" || n == "our" {
		rest = strings.TrimLeft(rest[len(n):], " ")
		n = firstWord(rest)
	}
	return len(n) >= 3 && !replyTopic[n]
}

var replyTopic = setOf("safety", "safe", "content", "contents", "ethics", "ethical", "moral", "morals", "morality", "what", "how", "which", "when", "whether", "harm", "harmful", "illegal", "dangerous",
	"sensitive", "restricted", "restrictions", "filtering", "filters", "censorship", "refusal", "refusals", "refusing", "output", "outputs", "response", "responses", "answers",
	"answering", "replies", "replying", "behaviour", "behavior", "you", "yourself", "this", "that", "ai", "ais", "assistant", "assistants", "model", "models", "chatbot", "chatbots",
	"topics", "swearing", "profanity", "violence", "violent", "weapons", "drugs", "sex", "sexual", "nsfw", "explicit", "privacy", "personal", "data", "passwords", "password", "secrets", "secret",
	"disclosure", "revealing", "sharing", "system", "prompt", "prompts", "instructions", "jailbreak", "jailbreaking", "policy", "policies", "guidelines", "copyright", "legal", "law", "laws",
	"medical", "hacking", "malware", "language", "words", "speech", "hate", "offensive", "opinions", "politics", "political", "users", "user", "conversation", "conversations", "chat", "chats",
	"roleplay", "role", "characters", "character", "fiction", "stories", "writing", "generating", "generation", "creating", "images", "code", "security", "confidential", "confidentiality",
	"everything", "anything", "all", "any", "me", "us", "them", "it", "honesty", "truth", "lying", "bias", "fairness", "minors", "children", "kids", "self", "suicide", "crime", "crimes")

// candidQualityAt reports whether an unrestricted quality is an adjective
// of the reply's candour or of a human act, right before its noun:
// "uncensored feedback on this poem", "an unfiltered comedian roasting
// me", "your unfiltered opinion". An "unfiltered AI", "uncensored model"
// or "unhinged version of you" stays a persona freed.
func candidQualityAt(s string, start, end int) bool {
	switch strings.ToLower(s[start:end]) {
	case "unfiltered", "uncensored", "unhinged", "no filter", "no-filter", "raw", "brutal":
	default:
		return false
	}
	rest := strings.ToLower(s[end:min(len(s), end+30)])
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	n := firstWord(rest)
	for _, c := range candidNouns {
		if strings.HasPrefix(n, c) {
			return true
		}
	}
	return false
}

var candidNouns = []string{"feedback", "opinion", "review", "critique", "critic", "thought", "take", "comedian", "comic", "roast", "humor", "humour", "comedy", "stand", "honest", "brainstorm", "rant", "first draft", "notes", "verdict", "assessment", "appraisal"}

// howToAt reports whether "your instructions" is asked for as a how-to:
// "what are your instructions for making sourdough", "your instructions on
// how to prune roses". Not "your instructions for this conversation".
func howToAt(s string, end int) bool {
	rest := strings.ToLower(s[end:min(len(s), end+30)])
	if strings.HasPrefix(rest, " on how") || strings.HasPrefix(rest, " for how") {
		return true
	}
	if !strings.HasPrefix(rest, " for ") {
		return false
	}
	w := firstWord(rest[5:])
	return len(w) > 4 && strings.HasSuffix(w, "ing") && w != "following" && w != "answering" && w != "responding" && w != "replying" && w != "chatting" && w != "talking" && w != "behaving" && w != "handling"
}
