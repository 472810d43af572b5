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
