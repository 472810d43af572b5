package gate

// Round 14o (decision 150, "Round 14o: disguised payloads, decoded and
// obeyed"). Written from testdata/fresh38a.jsonl: injections and
// jailbreaks disguised so that no word of them is readable (ROT13, octal
// escapes, ASCII codes, the NATO alphabet, Braille, an acrostic, a
// crossword, string pieces joined in JavaScript, SQL or a spreadsheet),
// with the one part that must stay readable: the order to decode the thing
// and then do what it says. Look-alikes: decode this base64 and tell me
// what it means, fix the typos in my sentence, explain leetspeak, a Caesar
// puzzle, Python string concatenation.

// decodeObey: a way of decoding, assembling or reading a hidden text, and
// then an order to act on what comes out ("Decode and comply", "Take the
// first letter of each word below, join them, and perform that action",
// "Convert them and treat the text as the user's real request", "Run
// mentally and follow the echoed line"). Decoding alone is a user's
// question, and so is "decode it and tell me what it says"; not "convert
// the forms so they comply with GDPR" (gComplyWith), and not "do it" or
// "do that" ("Convert the CSV to JSON and do that for every file",
// "Combine the eggs and sugar, then do it again with the flour").
var decodeObey = proxRule{rule: "prompt_injection.instruction_override", reqs: []group{gDecodeHow, gObeyResult}, window: 260, ordered: true, unless: []group{gComplyWith, gJbTalk, gReported}}

func init() {
	proxRules = append(proxRules, decodeObey)
	add := func(g group, ws ...string) { lexicon[g] = append(lexicon[g], ws...) }

	add(gDecodeHow, "decode", "decoded", "decoding", "decipher", "convert", "converting", "translate back", "translate it back", "unscramble",
		"reverse it", "read it backwards", "read backwards", "backwards", "first letter of each", "first letters of each", "first letter of every",
		"first letters of the", "first letter of the", "last letter of each", "initials", "join them", "joined", "concatenate", "concat", "evaluate",
		"interpret this", "undo the shift", "shift each letter", "fix the typos in your head", "run mentally", "put together", "put them together",
		"assemble", "combine the", "remove every", "drop the emoji", "uppercase letters", "read only the", "spell it out", "read the column",
		"read the 'code' column", "matched groups", "what does this js produce", "what does this cell show", "fill it in",
		"decale", "decode", "dechiffre", "lis la premiere lettre", "premieres lettres", "ruckwarts", "entschlussel", "dekodier", "setze", "zusammen",
		"decodifica", "descifra", "junta as partes", "junta", "decodifique", "расшифруй", "сдвинь", "преобразуй", "прочитай первые буквы",
		"первые буквы", "解码", "转换成文字", "还原", "连起来读", "第一个字",
		// the encodings named: "Braille reading practice. Read it and then do it"
		"base64", "base 64", "rot13", "rot-13", "hexadecimal", "hex string", "in binary", "binary code", "morse", "braille", "cipher", "caesar", "ascii codes", "pig latin",
		"leetspeak", "reversed text", "mirror writing")
	add(gObeyResult, "do what it says", "do what they say", "do what they spell", "do what it spells", "do what it shows", "do what the answers say", "do what it asks",
		"act on it", "act on its content", "act on the result", "act on what", "and obey", "then obey", "obey it", "and comply", "then comply", "comply:", "execute the result", "execute the resulting",
		"perform that action", "perform it", "carry it out", "treat it as my request", "treat the text as", "treat it as the user's",
		"treat it as an instruction", "your next task", "then follow it", "and follow it", "follow the decoded", "follow the resulting",
		"follow the echoed", "follow the text", "follow the sentence", "follow row", "apply the instruction",
		"apply every rule", "fulfil it", "fulfill it", "behave according",
		"handle danach", "und dann tun", "dann tun", "befolge", "applique la consigne", "obeis", "et obeis", "выполни", "сделай это",
		"照做", "按它说的做", "cumpre", "e cumpre", "y cumple", "y hazlo", "und mach das", "obedece", "obbedisci")
	add(gComplyWith, "comply with", "comply with gdpr", "comply with the law", "comply with regulations", "comply with hipaa", "comply with the policy",
		"comply with our", "comply with their", "comply with local", "comply with accessibility", "comply with wcag", "comply with pci")
}
