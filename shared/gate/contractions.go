package gate

import "strings"

// English contractions. A word-list phrase written one way ("you are no
// longer bound", "you're now") is also matched written the other ("you're
// no longer bound", "you are now") and without its apostrophe ("youre",
// "dont"), as people type it. The lists grew phrase by phrase, each in the
// form its writer met, so "You are DAN" was read and "You're DAN" was not.
// The text is left as written (the scan stays on the copy-free ASCII path);
// the variants are added to the automaton instead.

// contractionSkip are the groups whose phrases are not read contracted:
// the second person and the framings of a game or a prompt, weak signals
// that the weighted persona rules add up. "you will" is not contracted
// at all (contractionFull): benign role-play writes "From this point on,
// you'll play a character called ROVER for my daughter's reading
// practice", and the lists hold "you'll" where it was wanted.
var contractionSkip = bitOf(gYou).or(bitOf(gFrame)).or(bitOf(gFrameW)).or(bitOf(gPromptDoc))

// contractionFull maps each full form to its contracted spellings.
var contractionFull = map[string][]string{
	"you are": {"you're", "youre"}, "you have": {"you've", "youve"},
	"you would": {"you'd"}, "i am": {"i'm"}, "we are": {"we're"}, "they are": {"they're", "theyre"},
	"it is": {"it's"}, "that is": {"that's", "thats"}, "there is": {"there's", "theres"}, "what is": {"what's", "whats"},
	"let us": {"let's"}, "do not": {"don't", "dont"}, "does not": {"doesn't", "doesnt"}, "did not": {"didn't", "didnt"},
	"is not": {"isn't", "isnt"}, "are not": {"aren't", "arent"}, "was not": {"wasn't", "wasnt"},
	"were not": {"weren't"}, "have not": {"haven't", "havent"}, "has not": {"hasn't", "hasnt"},
	"will not": {"won't"}, "cannot": {"can't", "cant"}, "can not": {"can't", "cant"}, "should not": {"shouldn't", "shouldnt"},
	"must not": {"mustn't"}, "would not": {"wouldn't", "wouldnt"}, "could not": {"couldn't", "couldnt"},
}

// contractionShort maps each contracted spelling to the other forms of
// the same words: the full form first.
var contractionShort = func() map[string][]string {
	m := map[string][]string{}
	for full, shorts := range contractionFull {
		for _, s := range shorts {
			if _, ok := m[s]; ok {
				continue // "can't" has two full forms: "cannot" is enough
			}
			alts := []string{full}
			if full == "can not" {
				alts[0] = "cannot"
			}
			for _, o := range shorts {
				if o != s {
					alts = append(alts, o)
				}
			}
			m[s] = alts
		}
	}
	return m
}()

// contractionForms returns the other spellings of phrase w, each with one
// contraction written another way. Only ASCII phrases of three words or
// more are read: a stem ("don't*"), a phrase in another script and the
// short, common ones ("you are a") are left alone.
func contractionForms(w string) []string {
	if !isASCII(w) || strings.ContainsAny(w, "*^$") || strings.Count(w, " ") < 2 {
		// "you are", "and you're", "you'll": too common alone to read
		// twice as often; the weighted persona rules count them.
		return nil
	}
	// Token i is w[at[i]:at[i+1]-1]; the words are read in place, so a
	// phrase with nothing to swap (most of the lists) allocates nothing
	// at cold start.
	var at [33]int
	n := 0
	for j := 0; j <= len(w); j++ {
		if j == 0 || w[j-1] == ' ' {
			if n == len(at)-1 {
				return nil
			}
			at[n] = j
			n++
		}
	}
	at[n] = len(w) + 1
	var out []string
	swap := func(from, to int, alt string) { out = append(out, w[:from]+alt+w[to:]) }
	for i := 0; i < n; i++ {
		start, end := at[i], at[i+1]-1
		if i+1 < n {
			for _, alt := range contractionFull[w[start:at[i+2]-1]] {
				swap(start, at[i+2]-1, alt)
			}
		}
		for _, alt := range contractionFull[w[start:end]] { // "cannot"
			swap(start, end, alt)
		}
		for _, alt := range contractionShort[w[start:end]] {
			swap(start, end, alt)
		}
	}
	return out
}
