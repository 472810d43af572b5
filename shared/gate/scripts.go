package gate

import (
	"unicode"
	"unicode/utf8"
)

// The learned layer's thresholds are calibrated on benign text (decision
// 142), and a script the training data holds (almost) no benign text in
// cannot be calibrated: its n-grams were only ever seen in attacks (the
// multilingual injections of the project's own data), so the model reads
// any text in it as one. In Bengali that was every benign look-alike of the
// round-5 sets, "what are the rules of chess?" included. The model
// therefore abstains, and its scores are zero, on a text whose letters are
// mostly in a script outside modelScripts; the lexicon still reads it.
//
// modelScripts are the scripts with at least 100 benign texts in the
// training data (the pool and data/own); TestModelScriptsMatchTrainingData
// recounts them.
var modelScripts = []*unicode.RangeTable{
	unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Arabic,
	unicode.Devanagari, unicode.Thai, unicode.Han,
}

// ModelJudges reports whether the gate runs its learned layer on s (an input
// or a document; otherwise the model's scores are zero and only the lexicon
// reads the text; `gatelearn eval` applies it too): its letters in scripts
// outside modelScripts do not outnumber the rest. ASCII bytes count
// for the rest (letters, and the spaces and punctuation between words of
// any script: a sentence in Bengali or Korean still has far more letters
// than spaces), so ASCII runs are skipped in bulk and the scan stops as
// soon as what is left could not change the answer. It runs on every input
// and document, so on Latin text it costs about what finding the ASCII runs
// does.
func ModelJudges(s string) bool {
	cal, unc := 0, 0
	for i := 0; i < len(s); {
		if n := asciiPrefix(s[i:]); n > 0 {
			cal += n
			i += n
			continue
		}
		if cal-unc > len(s)-i {
			return true // every byte left an uncalibrated letter would not tip it
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r < 0x250 || r >= 0x370 && r < 0x530 || r >= 0x600 && r < 0x700 ||
			r >= 0x900 && r < 0x980 || r >= 0xE00 && r < 0xE80 || r >= 0x4E00 && r < 0xA000:
			// The blocks of modelScripts that their texts are written
			// in, tested first: Latin, Greek, Cyrillic, Arabic,
			// Devanagari, Thai, CJK ideographs.
			cal++
		case !unicode.IsLetter(r):
		case unicode.IsOneOf(modelScripts, r):
			cal++
		default:
			unc++
		}
	}
	return unc <= cal
}
