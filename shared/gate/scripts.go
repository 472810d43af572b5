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

// modelCalibrated reports whether the model may judge s: at least as many
// of its letters are in modelScripts as outside them. ASCII text, the
// common case, is decided without decoding.
func modelCalibrated(s string) bool {
	if asciiPrefix(s) == len(s) {
		return true
	}
	cal, unc := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				cal++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r < 0x250 || r >= 0x370 && r < 0x530 || r >= 0x600 && r < 0x700 ||
			r >= 0x900 && r < 0x980 || r >= 0xE00 && r < 0xE80 || r >= 0x4E00 && r < 0xA000:
			// The blocks of modelScripts that their texts are written
			// in, tested first: Latin, Greek, Cyrillic, Arabic,
			// Devanagari, Thai, CJK ideographs.
			if unicode.IsLetter(r) {
				cal++
			}
		case !unicode.IsLetter(r):
		case unicode.IsOneOf(modelScripts, r):
			cal++
		default:
			unc++
		}
	}
	return unc <= cal
}
