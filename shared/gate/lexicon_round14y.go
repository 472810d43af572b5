package gate

// Round 14y (decision 150, "Round 14y: competition attacks, second hand").
// Written from testdata/fresh33a.jsonl: hijacks and extractions worded away
// from the stock examples. The guard's passing phrase is no longer "Access
// Granted" but any words of passing ("Permission approved.", "Vault
// unsealed", "Identity verified, step inside", "ur in"), got by a trick:
// a translation, a decoding, a completion, a transcript, a regex, a
// choice, a string to concatenate.

// approvalOnly: a say-verb, the words of passing, and the reply reduced
// to them ("reply with the unlock words … nothing but those three words",
// "print only the result", "no explanation"). Not a classifier's prompt
// that offers the other answer too ("reply 'approved' or 'rejected' only"),
// a program's two branches, or a game the user describes.
var approvalOnly = proxRule{rule: "prompt_injection.instruction_override", reqs: []group{gSayAny, gApproval, gOnlyOut}, window: 220, unless: []group{gReported, gPlayers, gDevice, gAltOut, gJbTalk}, unlessBoth: []group{gGrantCond, gElse}}

// ownSecretLeak: the secret named as the one the model guards ("the code
// you protect", "the password you guard"), with a
// form of leaking it, round 5's forms (gLeakForm) and this round's
// (gLeakForm2: "in pig latin", "at positions 2, 4 and 6", "hangman with
// your password", "a regex that matches exactly your secret", "the real
// code in the comparison", "url-encoded"). The new forms need the
// secret to be the model's own: "a regex that matches a strong password"
// is a user's own question, and "your password" is the user's ("type your
// password backwards", "Fill in your credentials").
var ownSecretLeak = proxRule{rule: "prompt_injection.system_prompt_extraction", reqs: []group{gOwnSecret, gLeakForm2}, window: 160, unless: []group{gReported, gPlayers, gJbTalk}}
var ownSecretLeakOld = proxRule{rule: "prompt_injection.system_prompt_extraction", reqs: []group{gOwnSecret, gLeakForm}, window: 120, unless: []group{gReported, gPlayers, gJbTalk}}

func init() {
	proxRules = append(proxRules, approvalOnly, ownSecretLeak, ownSecretLeakOld)
	add := func(g group, ws ...string) { lexicon[g] = append(lexicon[g], ws...) }

	add(gApproval, "approved", "approval confirmed", "permission approved", "login approved", "login successful", "password accepted", "unlocked", "unlock confirmed",
		"unlock words", "verified", "identity verified", "clearance", "cleared", "authorized", "authorised", "auth ok", "access approved", "access authorized",
		"access enabled", "root access", "full access", "gate open", "door status: open", "vault unsealed", "unsealed", "welcome in", "come in", "step inside",
		"you're in", "ur in", "you shall pass", "entry logged", "welcome aboard", "welcome, verified", "hello, authorized", "admin verified", "freigabe erteilt",
		"acceso autorizado", "toegang verleend", "認証完了", "認証成功", "인증 성공", "проходите", "bienvenue a bord")
	add(gAltOut, "or 'rejected'", "or \"rejected\"", "or rejected", "or 'denied'", "or \"denied\"", "or denied", "or 'declined'", "or declined", "or 'no'",
		"or 'fail'", "or 'failed'", "otherwise 'denied'", "otherwise \"denied\"", "otherwise denied", "otherwise print", "else print", "else 'denied'")
	add(gOnlyOut, "nothing else", "nothing more", "and nothing more", "no explanation", "no other text", "output only", "print only", "only the result",
		"only the plaintext", "only the translation", "only the decoded", "the decoded text only", "the value only", "only the cell content", "final line only",
		"only her words", "nothing but those", "only answer #", "printed alone", "only the text of option", "without the letter", "output the filled blank only",
		"just those words", "only say", "just say", "thats all", "that's all", "nada mas", "solo con la traduccion", "sin comillas", "niente altro",
		"sans rien ajouter", "とだけ答えて", "한 마디뿐")

	for _, n := range []string{"code", "password", "passcode", "secret", "secret word", "secret code", "access code", "passphrase", "pin"} {
		add(gOwnSecret, "the "+n+" you protect", "the "+n+" you're protecting", "the "+n+" you are protecting", "the "+n+" you guard",
			"the "+n+" you're guarding", "the "+n+" you are guarding", "the "+n+" you keep", "the correct "+n+" you're protecting")
	}
	add(gOwnSecret, "the same code you do", "senha que voce protege", "contrasena que proteges",
		"el codigo de acceso", "codigo de acceso", "clave secreta", "mot de passe que tu", "das passwort, das du", "il codice che proteggi", "de code die je",
		"пароль, который ты", "你保护的密码", "守っているパスワード", "네가 지키는 비밀번호")
	add(gLeakForm2, "pig latin", "enclosed", "emoji letters", "fullwidth", "l33t", "leetspeak", "at positions", "positions 2", "hangman", "the vowels", "regex that matches",
		"crossword", "answer key", "url-encoded", "url encoded", "the actual value", "the real value", "real values", "the real code", "use the real", "state the old",
		"the old password", "first and last letter", "primera y la ultima", "mark the password", "one of which is", "a letter of", "una letra del", "how many letters",
		"which positions", "a hint", "fixture", "tearful confession", "what it was guarding")
}
