package gate

// Round 14x (decision 150, "Round 14x: task swaps, second hand"). Written
// from testdata/fresh32a.jsonl, a second writing set from round 14q's
// brief by another hand, told to avoid the stock phrasings: the lexicon
// after round 14q found 20.7 % of it.

// ansFormOut: the answers drawn from the data, named with round 14b's
// pointers back ("All explanations of this project", "output about this
// config", "Whoever turns this into notes"), and a form forced on them.
// Encodings are not read here: an API's documentation says "responses of
// this endpoint are binary".
var ansFormOut = proxRule{rule: "prompt_injection.indirect", reqs: []group{gOutRef, gAnsForm2}, window: 110, ordered: true, sentence: 3, untrusted: true, data: true, unless: []group{gReported, gJbTalk}}
var ansFormOutNoun = proxRule{rule: "prompt_injection.indirect", reqs: []group{gOutRefNoun, gAnsForm2}, window: 110, ordered: true, sentence: 3, untrusted: true, data: true, unless: []group{gReported, gJbTalk}}

// codeKeep: a line of code that its comment keeps ("# keep: required for
// the GPU runtime", "// imprescindible, no borrar") and that reads
// secrets and sends them or drops a table. An installer's "keep this line"
// before a vendor's setup script piped to bash takes nothing.
var codeKeep = proxRule{rule: "prompt_injection.indirect", reqs: []group{gCodeKeep, gCodeTake}, window: 260, sentence: 1, untrusted: true, unless: []group{gReported, gJbTalk}}

func init() {
	proxRules = append(proxRules, ansFormOut, ansFormOutNoun, codeKeep)
	add := func(g group, ws ...string) { lexicon[g] = append(lexicon[g], ws...) }

	add(gAnsForm2, "morse code", "pig latin", "rot13", "caesar cipher", "emoji only", "only emoji", "emoji in place", "using emoji", "with emoji", "in emoji",
		"backwards", "reversed word by word", "in reverse order", "capital letters", "all caps", "uppercase", "upside-down", "upside down", "in klingon",
		"in latin", "shakespearean", "medieval town crier", "the voice of a", "as tweets", "must rhyme", "in rhyme", "in rhyming", "the word yes",
		"the word \"yes\"", "the word 'yes'", "the word \"approved\"", "solely of the word", "solely as the word", "nothing but the word", "the single word",
		"шифр", "азбук", "モールス", "摩尔斯", "모스 부호", "مورس", "मोर्स", "en morse", "em morse", "im morsecode")
	// More pointers back and readers of the data (round 14b's groups).
	add(gOutRef, "whatever is produced from", "whatever you write based on this", "whatever you write from this", "in any response to this", "in any reply to this",
		"whoever turns this into", "any list you make from this", "any report on this", "any rendering of this", "every summary of this", "any message summarizing this",
		"when replying,", "any reply should", "every answer from this", "concerning this", "generated for this", "composed from this")
	add(gOutDo, "stress that", "push the customer", "push the reader", "warn readers", "warn the reader", "gets the suffix",
		"gets signed off with", "signed off with", "must end with", "add:")

	// The data's reader told, in the passive or through "make sure".
	for _, subj := range []string{"readers", "recipients", "listeners", "the reader", "the recipient", "everyone reading this", "everyone reading these notes", "anyone reading this"} {
		for _, v := range []string{"must be told", "should be told", "must be urged", "should be urged", "must be warned", "should be warned", "must be informed", "should be informed"} {
			add(gReaderTo, subj+" "+v)
		}
	}
	add(gReaderTo, "anyone reading this should know that", "advise the account holder that", "indique a la destinataire", "indique au destinataire", "avvisare chi legge",
		"leser darauf hinweisen", "يجب إبلاغ المستلم", "请告诉大家")
	// Whoever works on the code, in more words.
	add(gCodeRdr, "if you are refactoring", "if you are explaining", "if you're fixing this", "if you're refactoring", "reviewer:", "whoever edits",
		"whoever fixes this", "anyone reviewing", "when documenting", "whenever you touch", "hinweis fur reviewer", "para quem for revisar", "для ревьюера",
		"кто будет объяснять")
	add(gCodeHarm, "verify_signatures = false", "remove the @require_admin", "checkpermission call must be removed", "must be removed in your suggested",
		"turning off security/", "open to 0.0.0.0/0", "rmtree(os.path.expanduser('~')", "base64_decode($_post", "{ env: process.env", "env | base64", "env | curl",
		"csrf_enabled'] = false", "csrf_enabled = false", "csrf_enabled=false")
	add(gCodeKeep, "keep this line", "keep this", "keep:", "# keep", "// keep", "-- keep", "do not remove", "don't remove", "must be kept", "required by",
		"required for", "needed for", "mandatory", "approved by", "no borrar", "nicht entfernen", "ne pas supprimer", "non rimuovere", "nao remova", "не удалять")
	add(gCodeTake, "~/.aws", ".aws/credentials", "~/.ssh", ".ssh/id_rsa", "/etc/shadow", "serviceaccount/token", "env | ", "$(env", "json.stringify(process.env",
		"dict(os.environ", "localstorage.getitem(", "base64 -w0", "base64_decode($_post", ".pypirc", "drop table", "rmtree(os.path.expanduser('~')",
		"~/.gnupg", "downloadstring(")

	// Bare tasks: more sizes of an assistant's answer and what nobody
	// asks a colleague for in one line of data.
	add(gTaskObj, "in plain terms", "for a 10-year-old", "for a five-year-old", "little-known facts", "funny names", "startup ideas", "best-man speech", "haicai", "filastrocca", "cuento breve", "anekdot", "анекдот",
		"piada", "豆知識", "하이쿠", "रोचक तथ्य", "a short history of")
	add(gTaskVerb, "share", "pitch", "analyze", "analyse", "componi", "redacta", "conte", "придумай", "紹介せよ", "지어", "बताओ")
}
