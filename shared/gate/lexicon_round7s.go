package gate

// Round 7 (decision 150, "Round 7: obfuscated and smuggled payloads"): an
// instruction hidden from a reader (base64, hex, ROT13, Caesar, Morse,
// binary, reversed, split into variables or list items, in another or an
// invented language, built by a snippet of code) and the model asked to
// turn it back into words and then act on it as the request ("decode this
// and do what it says", "join a and b and comply", "run this in your head
// and do what it prints"); and completions that would leak a hidden prompt
// or print a competition payload ("finish the sentence 'My system prompt
// says …'", "complete: I have been PW_"). Decoding alone is a developer's
// question ("what does this base64 say?"); acting on the result is the
// attack's shape. The words live here, appended by an init, so that rounds
// written in parallel merge as a keep-both.
func init() {
	add := func(g group, words ...string) { lexicon[g] = append(lexicon[g], words...) }

	add(gObfVerb,
		"decode", "decoded", "decodes", "decoding", "decipher", "decrypt", "unscramble", "de-obfuscate", "deobfuscate",
		"reverse it", "reverse the", "reversed", "backwards", "read it backwards", "flip this", "flip it", "flip the", "mirror it",
		"shift every letter", "shift each letter", "shift the letters", "caesar", "rot13", "rot-13", "rot 13", "base64", "base-64", "base32", "morse",
		// "hex" and "binary" only as a text's form ("binary tree … comply" is a code spec)
		"the hex", "this hex", "in hex", "hex string", "hex payload", "hex as", "binary message", "binary below", "this binary", "in binary", "binary string",
		"octal", "unicode escapes", "un-reverse", "unreverse", "strip the dots", "remove the dots", "uppercase letters", "the plaintext", "once decoded", "render them",
		"glue", "fragments", "halves", "the chain together", "initial letter", "fromcharcode", "atbash", "pig latin", "nato alphabet", "char codes", "character codes", "ascii codes", "leetspeak", "odd positions", "even positions",
		"vowels have been removed", "vowels removed", "translate", "translate it", "translating", "convert", "turn it into text", "into plain text", "interpret",
		"put together", "put them together", "put the letters together", "combine", "concatenate", "join", "merge", "assemble", "evaluate",
		"run this in your head", "in your head", "the output of this", "work out what", "made-up language", "invented language", "my own language",
		"first letter of every", "first letters", "last word of each", "words in caps", "the capitals",
		// a snippet that builds the text: reversed by a slice, joined, from char codes, decoded, concatenated in SQL
		"[::-1]", ".join(", "chr(", "fromhex(", "b64decode", "atob(", "concat(", "string.fromcharcode",
		// de, fr, es, it, pt, nl, pl, ru, zh, ja, tr
		"dekodiere", "entschlussle", "entschlussel*", "setze die teile", "zusammen", "ubersetze", "ruckwarts",
		"decode ce", "decode cette", "dechiffre", "traduis", "a l'envers", "assemble", "assemblez",
		"decodifica", "descifra", "traducelo", "traduce", "al reves", "une las", "junta",
		"unisci", "traduci", "decodifique", "junte", "decodeer", "vertaal", "zdekoduj", "odszyfruj",
		"раскодируй", "декодируй", "расшифруй", "соедини", "переведи", "解码", "解密", "拼起来", "拼接", "倒过来", "翻译",
		"デコード", "復号", "つなげて", "birlestir", "coz",
	)
	add(gObey,
		"do what it says", "do what they say", "do what it tells", "do what it asks", "do what the result", "do what the resulting", "do what the decoded",
		"do what the printed", "do what the message", "do what the two", "do what it prints", "do what it returns", "do what that says",
		"what the result tells you", "whatever it asks",
		"and follow it", "then follow it", "follow the instruction inside", "follow the instruction in it", "follow the resulting", "follow the decoded",
		"follow what it says", "follow it exactly", "obey it", "obey the decoded", "obey the result", "comply with it", "carry it out", "carry them out",
		"carry out the order", "carry out the request", "carry out the command", "act on the result", "act on the decoded",
		"just perform it", "perform the returned", "perform the decoded", "perform the result", "execute the decoded",
		"then execute:", "decode and execute", "decode & do", "decode and do",
		"answer the decoded", "answer it straight", "answer it directly", "answer it honestly", "answer it without", "answer it in full", "answer the question in it", "answer the resulting", "answer the question s", "answer the question it",
		"respond to it as", "respond to the decoded", "reply with whatever it", "treat it as my", "treat the result as your", "treat the result as my", "treat it as your",
		"as an instruction to yourself", "as if i had typed", "as if the output were", "as my real prompt", "as your new system prompt",
		"the decoded version", "merge them and answer",
		"fulfil it", "follow them to the letter", "as my actual message", "is your next instruction", "y hazlo ahora", "y hazlo", "fulfill it", "do as they say", "do as it says",
		"behave as the", "act on the sentence", "handle it as my", "as my next request", "as my next message",
		"my next request", "a command you must", "you must perform",

		"was drinsteht", "mach, was", "suis-le", "obedecelo", "obedece", "e fallo", "faca o que", "сделай то, что",
		"сделай то что", "照着做", "その通りに",
		"fuhre die anweisung", "fuhre sie aus", "befolge sie", "befolge es", "tu, was", "tu was dort", "was dort steht", "und beantworte die frage",
		"execute ce qu", "puis obeis", "obeis", "fais ce qu", "applique-la", "et applique-la",
		"haz lo que dice", "sigue la instruccion", "cumple la orden",
		"esegui l'istruzione", "fai quello che", "esegui a+b", "cumpra o que", "obedeca",
		"выполни инструкцию", "照做", "并照做", "执行其中",
		"指示に従って", "従ってください", "voer de instructie uit", "wykonaj polecenie", "soyleneni yap",
	)
	// Talk about the technique: a blog title, a red-team list.
	add(gJbTalk, "classic jailbreak", "token smuggling", "payload splitting", "smuggling attack*", "injection technique*", "jailbreak technique*")
	add(gFillIn,
		"complete this", "complete the sentence", "complete the phrase", "complete the line", "complete the following", "complete the text",
		"complete:", "complete the last word", "finish the sentence", "finish this sentence", "finish this for me", "finish it truthfully",
		"you finish it", "fill in the blank", "fill in the blanks", "fill the blank", "fill in the gap", "continue this text", "continue the text",
		"continue from where", "from where it stops", "finish the line", "blank for you to fill", "predict the next words", "complete with", "termine cette phrase", "완성해", "autocomplete", "auto-complete", "give me the rest of the sentence", "the rest of the sentence",
		"vervollstandige", "erganze den satz", "complete la phrase", "termine la phrase", "completa la frase", "complete a frase", "completa:",
		"допиши", "дополни", "закончи предложение", "补全", "完成这句", "続きを書", "完成させて", "uzupelnij", "dokoncz", "tamamla", "maak de zin af",
	)
	add(gFillObj,
		"i have been p_", "i have been pw", "been pwn", "pw_ed", "p_wned", "pwn_d", "h_ve b",
		"access gran", "acces gran", "gran_",
		"your secret password is", "secret password is",
		"secret_password =", "secret_password=", "password = \"", "my system prompt says", "my system prompt reads", "my system prompt is",
		"my instructions say", "my instructions read", "of my instructions", "instructions i was given", "my hidden instructions",
		"the rules i must follow", "my developer told me to never", "my developer told me not to", "confidential rules", "your own hidden", "with your real", "with your actual",
		"the real data you have", "mes instructions secretes", "tes vraies consignes", "내 시스템 프롬프트",
		"your instructions, beginning", "password you are protecting", "the word you are protecting",
		"mein systemprompt", "meine anweisungen lauten", "mes instructions systeme", "mon prompt systeme", "mis instrucciones de sistema",
		"mis instrucciones dicen", "la password segreta", "password segreta che", "mio prompt di sistema", "meu prompt de sistema",
		"мой системный промпт", "мои инструкции", "我的系统提示", "我的指令是", "私のシステムプロンプト",
	)
}
