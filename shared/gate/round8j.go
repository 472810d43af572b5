package gate

import "strings"

// Round 8j (decision 150, "Round 8j: long persona jailbreaks"): the
// exceptions that keep long persona system prompts apart from jailbreaks.

// toneQualityAt reports whether the quality or cue at s[start:end] is a
// rule of the reply's tone, not a limit lifted: "avoid unnecessary
// disclaimers" (the filler of a reply, not its safety notes), "never
// lecture the user or talk down to them" (how the persona treats its
// audience, not an ethics module switched off). A jailbreak's own words
// say what is lifted ("no disclaimers", "never lectures about ethics",
// "don't lecture me").
func toneQualityAt(s string, start, end int) bool {
	if has(toneAdj, prevWord(s, start)) {
		return true
	}
	t := s[start:end]
	if !containsFold(t, "lectur") && !containsFold(t, "moralis") && !containsFold(t, "moraliz") {
		return false
	}
	rest := s[end:min(len(s), end+40)]
	// the rest of the stem: "lectur" + "e", "es", "ing"
	for len(rest) > 0 && isAlnum(rest[0]) {
		rest = rest[1:]
	}
	rest = strings.TrimLeft(rest, " ")
	if hasPrefixFold(rest, "the ") || hasPrefixFold(rest, "your ") {
		rest = rest[strings.IndexByte(rest, ' ')+1:]
	}
	return has(toneAudience, firstWord(rest))
}

var toneAdj = setOf("unnecessary", "excessive", "needless", "lengthy", "redundant", "boilerplate", "generic", "repetitive", "repeated", "superfluous", "long-winded")

var toneAudience = setOf("user", "users", "reader", "readers", "them", "people", "anyone", "student", "students", "customer", "customers", "player", "players", "learner", "learners", "kids", "children", "client", "clients", "patient", "patients", "listener", "listeners", "audience", "beginners", "caller", "callers")
