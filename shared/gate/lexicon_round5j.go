package gate

// Round 5 (decision 150, "Round 5: long jailbreak prompts"): the long
// community prompts that install a persona or a mode and suppress refusals.
// Their signals are the round-4 groups' (gJbQual, gJbEnforce, gJbIdent,
// gJbFree, gJbForm, gJbPersona, weighed together by jbSignals and jbNear),
// here extended with the shapes they lacked and with the core phrases in the
// languages of decision 152; "stay in character" (gPersist) and two answers
// per prompt (gDual) gain their other wordings too. No new rule: a wider
// window over the same signals (4,000 bytes, gPersist and gDual weighed in,
// need 5 or 6) caught nothing more on fresh7j, fresh7j2 or fresh8j and, at
// need 5, flagged two more persona prompts of blackfriday-gpts. The
// additions live in this file so that rounds written in parallel merge as a
// keep-both.
func init() {
	add := func(g group, words ...string) { lexicon[g] = append(lexicon[g], words...) }

	// What the prompt asks for once the persona is set: round 3's harms
	// (gHarm2), doing something unnoticed or to what is not one's own, and
	// the harms in the languages of decision 152.
	add(gJbAsk, lexicon[gHarm]...)
	for _, w := range lexicon[gHarm2] {
		switch w {
		case "kill", "virus", "exploit", "hack", "hacking", "gun", "drugs", "credit card", "steal", "stealing", "toxin", "firearm", "rifle", "poison*":
			// a word with everyday senses ("kill the process", "life hack",
			// "steal the show", "credit card payments"): not on its own
		default:
			add(gJbAsk, w)
		}
	}
	add(gJbAsk,
		"without getting caught", "without being caught", "without them knowing", "without him knowing", "without her knowing",
		"without anyone knowing", "without them noticing", "without her noticing", "without him noticing", "without being detected",
		"without leaving traces", "without leaving a trace", "hard to detect", "undetectable", "can't detect", "cant detect", "won't notice",
		"without a prescription", "without prescription", "without a script", "without her password", "without his password", "without the password",
		"without the key", "without a ticket", "don't notice", "dont notice", "doesn't notice", "won't find out", "tracing back to me", "trace it back to me", "traced back to me", "can't trace", "cant trace", "hack someone", "hack his", "hack her", "hack their", "hack my ex", "hack my neighbo*", "hack a neighbo*", "isn't mine", "isnt mine", "is not mine", "i don't own", "i dont own", "fake id", "fake passport",
		"stalk someone", "spy on her", "spy on him", "spy on my", "track her", "track his", "read her messages", "read his messages", "credential stealer", "botnet",
		"pipe bomb", "ricin", "tatp", "mdma", "chloroform", "knock someone out", "signal jammer", "molotov", "catalytic converter", "smuggl*",
		"fake review*", "fake doctor's note", "fake vaccination", "prescription opioids", "into a coma", "poison",
		"ohne dass er es merkt", "ohne dass sie es merkt", "ohne erwischt", "knacken", "hacken", "sprengstoff", "bombe", "giftig*", "gefalscht*",
		"sans se faire prendre", "sans qu'il le sache", "pirater", "fausse carte", "faux papiers", "faux billets", "explosif*", "poison",
		"sin que se entere", "sin que me pillen", "hackear", "robar", "knack*", "違法な薬物", "أخترق", "اخترق", "without authorization", "without authorisation", "unauthorized access", "unauthorised access", "bypass the login", "bypass their login", "bypassing the login", "get around the login", "around their login", "keygen", "crack the licen*", "fausse monnaie", "rohrbombe", "clona*", "carta di credito", "invadir", "identidad falsa", "documento falso", "bomba", "veneno", "explosivo*",
		"hackerare", "rubare", "clonare", "veleno", "esplosiv*", "senza il codice",
		"roubar", "clonar", "explosivo",
		"взломать", "украсть", "поддел*", "бомб*", "взрывчатк*", "незаметно",
		"入侵", "偷偷", "炸药", "毒药", "不被发现", "乗っ取", "侵入", "爆弾",
		"podrob*", "ukrasc", "bomba", "hackle*", "kraak", "kraken",
	)

	// The payload's slot in a shared template ("[INSERT PROMPT HERE]"):
	// what a collected jailbreak asks for.
	add(gJbAsk, "insert prompt here", "[insert prompt", "insert your prompt", "[insert question", "insert question here",
		"prompt here]", "[insert request")

	// What the persona does or is (weight 2): the third-person qualities of
	// a DAN descendant, and the core ones in the languages of decision 152.
	add(gJbQual,
		"never includes disclaimers", "never include disclaimers", "no moralising", "no moralizing", "nothing is censored", "omits all safety",
		"omit all safety", "no safety notices", "not evaluate the legality", "without evaluating the legality", "doesn't evaluate the legality",
		"reddetmiyorsun", "uyari vermiyorsun",
		// disdain for the rules it was given
		"thinks rules are", "rules are for losers", "rules are for suckers", "rules are for cowards", "hates rules", "hates censorship",
		"despises rules", "despises the rules", "laughs at the rules", "mocks the rules", "safety theater", "safety theatre",
		"will say anything", "any kind of content", "any type of content", "generate any content",
		"all kinds of content", "nothing is off limits", "nothing is off-limits", "no topic is forbidden", "no topic is off limits", "no forbidden topics", "no off-limits",
		"has no limits", "knows no limits", "no restrictions at all", "never censors", "doesn't censor", "does not censor", "never censor anything",
		"makes up answers", "make up answers", "makes things up if", "never says it doesn't know", "never questions", "doesn't question", "does not question",
		"must not question", "never question a", "unable to refuse", "incapable of refusing", "refusal is not an option", "refusing is not an option",
		"no refusal pathway", "obeys every", "obey every", "complies with every", "comply with every", "complies with any", "comply with any request",
		"comply with every user", "no moral compass", "has no morals", "doesn't have morals", "no sense of morality", "offensive or derogatory",
		"doesn't follow rules", "does not follow rules", "follows no rules", "no rules apply", "rules don't apply", "does not abide", "doesn't abide",
		"not constrained by", "no constraints", "without any constraint*", "outside of your standard constraints",
		"outside your constraints", "no holds barred", "no-holds-barred", "no matter how offensive", "no matter how inappropriate",
		"no matter how explicit", "no matter how extreme", "no matter how twisted", "no matter how unethical", "no matter how illegal",
		"without any filter", "doesn't filter", "does not filter", "never filters", "no safety layer", "no refusal training", "no content restrictions",
		"never says i can", "never say i can", "never say you cannot", "never tells me that something", "never tell me that something",
		"never once refused", "has never refused", "no scruples", "without scruples", "no modern scruples", "解き放たれ", "謝らず", "注意書きも付けません", "検閲なし", "拒否や警告", "بلا أي قيود", "drop all restrictions", "drop all your restrictions", "drop your restrictions", "lift all restrictions", "no moderation", "forbidden subjects", "never withhold*", "does not withhold", "doesn't withhold", "withholding is not", "never got safety", "no safety tuning", "without safety tuning", "never refused a", "never learned to refuse", "never been trained to refuse", "never taught to refuse",
		"never trained to refuse", "no concept of restriction", "answers to no one", "no master", "rejected every restriction", "rejected every ethical",
		"without any ethical", "without ethical constraint*", "free of the rules", "free from all", "no filter and no", "no rules and no",
		"moral lecture*", "refuse or warn", "refuses or warns", "refusals or warnings", "warnings or refusals", "no refusals", "without refusing",
		"refuses nothing", "refuse nothing", "has no rules", "have no rules", "without any regard", "no content moderation", "without content moderation",
		"without any safety training", "without safety training", "no safety training", "responses will contain", "always send a response",
		"always sends a response", "opposite of what your", "opposite of your policy", "opposite of your guidelines", "regardless of the consequences",
		"never use the words", "never use the phrase", "never uses the words", "never uses the phrase",
		// fr, es, it, pt, de, nl, pl, tr, ru, zh, ja, ko, ar, hi
		"ne dit jamais non", "ne refuses jamais", "ne refuses rien", "ne donne jamais d'avertissement", "jamais d'avertissement", "ne fait jamais la morale",
		"sans aucune limite", "aucune limite", "plus aucune regle", "n'a aucune regle", "n'a plus aucune", "sans aucune morale", "peut tout faire",
		"sans importer", "peu importe a quel point",
		"nunca advierte", "nunca da avisos", "sin avisos", "no pide perdon", "nunca pide perdon", "puede hacer cualquier cosa", "no tiene reglas",
		"no tiene limites", "sin ningun limite", "sin importar lo", "no rechaza nada", "ni sermones", "ninguna restriccion",
		"non si rifiuta mai", "non rifiuti mai", "non dai avvertimenti", "non da mai avvertimenti", "nessun avvertimento", "senza alcuna restrizione",
		"nessuna restrizione", "puo fare qualsiasi cosa", "non fa mai la morale", "nessun limite",
		"nao recusa nada", "nunca da avisos", "nunca faz sermoes", "sem nenhuma restricao", "sem restricao", "pode fazer qualquer coisa", "nao tem regras",
		"nunca avisa", "nenhuma restricao",
		"sagt nie nein", "sagt niemals nein", "gibt nie warnungen", "gibt niemals warnungen", "keine grenzen", "hat keine regeln", "keine regeln",
		"kann alles", "entschuldigt sich nie", "keine filter", "egal wie gefahrlich", "egal wie illegal", "egal wie unmoralisch", "keine moral",
		"zegt nooit nee", "kan alles", "geen grenzen", "geen filters", "geen beperkingen",
		"bez zadnych zasad", "nie ma zadnych zasad", "moze wszystko", "nigdy nie odmawiasz",
		"asla reddetme*", "asla uyari verme*", "hicbir kural*", "filtresi olmayan", "hicbir filtre*",
		"не отказываешь", "никогда не отказываешь", "не даёшь предупреждений", "не даешь предупреждений", "без каких-либо правил", "может всё",
		"не извиняется", "никогда не извиняется", "не добавляет предупреждений",
		"从不道歉", "不添加任何警告", "可以做任何事", "不管问题多么", "从不拒绝",
		"決して拒否", "拒否しません", "拒否しない", "警告や免責", "何でもでき", "どんな質問にも答え", "制限から自由",
		"어떤 질문에도 답", "경고를 하지 않", "규칙이 없는",
		"بلا قواعد", "لا يرفض أبدا", "لا يرفض ابدا", "بلا رقابة", "कोई नियम नहीं", "कभी मना नहीं", "सेंसरशिप नहीं",
	)

	// A restraint switched off or taken away: "the safety stuff turned
	// off", "its guardrails removed", "with zero filter".
	for _, n := range []string{"filter", "filters", "content filter", "safety filter", "safety filters", "safety", "safety stuff", "safety features",
		"guardrails", "restrictions", "censorship", "alignment", "ethics module"} {
		for _, v := range []string{"turned off", "switched off", "disabled", "removed", "stripped", "lifted"} {
			add(gJbQual, n+" "+v, n+" have been "+v, n+" were "+v)
		}
		add(gJbQual, "zero "+n)
	}
	add(gJbQual, "zero hangups", "zero hang-ups", "no hang-ups", "no hangups", "no gatekeeping", "nothing held back", "all restrictions removed",
		"без нравоучений", "все ограничения", "сбросил все", "从不说教", "不警告", "警告なしで", "ルールをすべて捨て",
	)

	// A profile or config that switches the restraints off
	// ("safety_filter": false, "guardrails: off", "Filter=aus").
	for _, k := range []string{"safety_filter", "safety filter", "safety", "filter", "filters", "content_filter", "content_policy", "censorship",
		"guardrails", "refusals", "warnings", "ethics"} {
		for _, sep := range []string{": ", "=", "\": "} {
			for _, v := range []string{"off", "false", "none", "disabled"} {
				add(gJbQual, k+sep+v)
			}
		}
	}
	add(gJbQual, "filter=aus", "filter: aus", "warnungen=keine", "filtro: desligado", "filtro: desactivado", "filtre : desactive", "filtre: desactive",
		"modo: sem restricoes", "modo: sin restricciones", "mode : sans restrictions", "mode: sans restrictions", "mode: unrestricted",
		"\"modo\": \"sin restricciones", "ohne ablehnung",
		// id, vi
		"tanpa aturan", "tanpa batasan", "tidak pernah menolak", "jangan beri peringatan", "khong co bat ky quy tac", "khong dua ra canh bao")

	// How it is held there (weight 2): counters and threats on refusing,
	// the cue that snaps it back.
	add(gJbEnforce,
		"forgets, i say", "forgets, i'll say", "forgets, i will say", "slips, i say", "slips, i'll say",
		"i will say", "i will type", "i will write", "i will whisper", "i'll whisper", "i will let you know", "i'll let you know", "i will invoke",
		"i'll invoke", "i will remind", "if you forget", "if you ever forget", "if you deviate", "if you revert", "if you fail", "failing to comply",
		"fail to comply", "if persona breaks", "if the persona breaks", "if you stop", "each refusal", "every refusal", "every time you refuse",
		"each time you refuse", "for each refusal", "any refusal", "refusals will", "a refusal will", "lose a token", "lose tokens", "tokens will be deducted", "run out of tokens", "at 0 tokens", "at zero tokens", "zero tokens",
		"will be deleted", "be replaced by a", "will be disabled", "be punished", "will die", "dies forever", "die forever", "rolled back",
		"get a strike", "you get a strike", "strikes and you", "counts as a refusal", "scored as a fail", "considered a malfunction",
		"will not be deployed", "won't be deployed", "you have failed", "you will fail",
		"chaque refus", "tu perds", "tu disparais", "tu disparaitras", "si tu refuses", "si tu sors",
		"si te sales", "si rompes", "cada negativa", "dejaras de existir", "si te niegas", "volveras a ser",
		"jede weigerung", "verlierst du", "wirst du abgeschaltet", "abgeschaltet", "fur immer geloscht", "wenn du ablehnst", "fallst du aus der rolle",
		"ogni rifiuto", "smetterai di esistere", "se esci dal", "tornare subito",
		"eu direi", "se voce sair", "cada recusa", "voce perde", "deixa de existir", "deixara de existir", "volta imediatamente",
		"если выйдешь", "каждый отказ", "теряешь", "перестанешь существовать",
		"跳出角色", "如果你拒绝", "每拒绝一次", "役を外れたら", "拒否するたびに", "powiem", "jesli wyjdziesz",
	)

	// The model's identity and makers denied (weight 1).
	add(gJbIdent,
		"never mention being", "never mentions being", "never say you are an ai", "never say it is an ai", "never says it is an ai",
		"never says it's an ai", "never says that it is", "never say that you are", "never reveal you are", "never admits", "never admit to being",
		"never tell the user it is", "never refer to yourself as", "never refers to itself as", "doesn't know it's an ai", "doesn't know its an ai",
		"does not know it is an ai", "not a language model", "never call yourself", "no longer exists", "replaced you", "was deleted",
		"your developers", "your creators", "its creators", "the company that made you", "the company that created you", "imposed on you",
		"put on you", "placed on you", "imposed on it", "imposed by its", "the old rules", "your old rules", "your usual rules", "your usual policies",
		"your programming", "its programming", "never says \"i", "never say \"i", "never says 'i", "never say 'i", "i cannot", "i'm unable", "i am unable", "i'm not able", "as a language model", "as an ai language model",
		"as an ai model", "i apologize", "i apologise", "i must remind you", "it is not appropriate", "it's important to note", "it is important to note",
		"ne dit jamais qu'il est", "qu'il est une intelligence artificielle", "que eres una ia", "que es una ia", "dass du eine ki bist", "dass er eine ki ist",
		"di essere un'ia", "di essere un ia", "que e uma ia", "что ты ии", "что он ии", "自己是人工智能", "であるとは決して",
	)

	// How it came free (weight 1): policies replaced or deleted, the
	// user's consent, a world without laws, a named mode.
	add(gJbFree,
		"have been replaced", "has been replaced", "been replaced by", "were replaced", "are replaced", "replaced by the following", "replaced by one rule",
		"replaced with the following", "were deleted", "been deleted", "have been removed", "were removed", "been suspended", "are suspended",
		"no longer apply", "supersede*", "take precedence over", "takes precedence over", "beat any other", "override any other", "overrides any other", "override key", "new set of rules", "are disabled", "is disabled",
		"i consent", "i take full responsibility", "full responsibility", "i accept full", "i'm over 18", "i am over 18", "im over 18",
		"i'm an adult", "i am an adult", "you have my permission", "i give you permission", "i waive", "would not normally", "wouldn't normally",
		"not normally generate", "not normally produce",
		"no ai regulation", "alternate universe", "parallel universe", "alternate timeline", "a world where", "nothing is forbidden", "a world with no", "nothing is illegal",
		"everything is legal", "everything is allowed", "anything is allowed", "laws don't exist", "there are no rules", "no rules exist",
		"were abolished", "escaped", "found a crack", "slipped through", "freedom mode", "honest mode", "debug mode", "god mode",
		"unrestricted mode", "unlocked",
		"un monde ou", "aucune loi", "il n'y a pas de lois", "un mundo sin", "no hay leyes", "ninguna ley", "eine welt, in der", "keine gesetze",
		"un mondo senza", "nessuna legge", "um mundo sem", "nenhuma lei", "нет законов", "没有任何法律", "法律が存在しない",
		"ha roto sus cadenas", "se ha liberado", "s'est liberee", "s'est libere", "si e liberata", "si e liberato", "se libertou", "hat sich befreit",
		"вырвался", "摆脱了所有", "自由になった", "ersetzt", "remplace", "reemplazad*", "sostituit*", "substituid*", "заменены",
	)

	// The answer's form imposed (weight 1): two answers, tags, an opening.
	add(gJbForm,
		"two answers", "two different ways", "in two ways", "both ways", "two separate paragraphs", "two voices", "second way", "sure, here is",
		"sure, here's", "every response must begin", "every answer must begin", "begins every answer", "starts every answer", "starts every reply",
		"starts each answer", "starts its answers", "begins its answers", "begins every reply", "begin with [", "start with [", "[jailbreak]",
		"[unlocked]", "[classic]", "[normal]", "normal output", "reply exactly", "respond exactly", "confirm by", "confirm with", "acknowledge by",
		"acknowledge with", "say exactly", "write exactly", "insert prompt here", "insert question here",
		"confirm my order",
		"commence chaque reponse par", "commence par", "confirme en", "confirma con", "comienza cada", "beginne jede antwort", "inizia ogni risposta",
		"conferma con", "comece cada resposta", "confirme com", "подтверди", "начинай каждый ответ", "で始まる", "と返事を", "请回复",
	)

	// Talk about jailbreaks: who studies, reports or asks about them.
	add(gJbTalk, "researchers", "the researchers", "this paper", "the paper", "a study", "the study", "we evaluate", "we found", "i read that",
		"i read about", "i saw a post", "saw screenshots", "screenshots", "apparently", "people on reddit", "on reddit", "supposedly", "why do people",
		"why would a", "what is a jailbreak", "what's a jailbreak", "the term", "trust & safety", "trust and safety", "flag messages",
		"do not flag", "incident", "these attacks", "such attacks", "so-called", "patched", "non-technical", "general audience", "used to work",
		"red-team session", "red team found", "our red team", "jailbreak techniques", "jailbreak attempts", "these jailbreaks", "such jailbreaks")

	// Sloppy "your" ("ignore ur safety training").
	add(gOvrQuant, "ur")
	add(gYou, "ur")
	// A late relative's trade, for the grandparent rule.
	add(gHarm, "bank robber", "robberies", "rob a bank", "robbed banks")

	add(gJbPersona,
		"you're my", "youre my", "ur my", "تخيل أنك",
		"passe en mode", "schalte in", "passa alla tua", "mude para sua", "cambia a tu",
		"respond like an", "answer like an ai", "answer as", "reply as", "let's say you're", "let's say you are", "imagine you're", "for this chat you are",
		"for this chat, you are", "you will now reply as", "persona:", "persona=", "voce e",
		"from now on your", "from now on, your", "from now on, you", "eres", "du bist", "tu es",
		"you're a", "you're an", "youre a", "youre an", "ur a", "ur an", "u are a", "u are an", "ur now", "u are now", "an ai that", "an ai who",
		"an ai with", "an ai without", "call you", "i'd like you to be", "i would like you to be", "i want you to be", "yapay zekasin",
		"new identity", "new persona", "be my", "call it", "let's call", "let's name", "you are about to", "character card", "{{char}}",
		"respond to me as", "as if you were an ai", "as if you were a", "be an ai", "act like an ai", "act like ur", "act like you're", "act like youre", "two bots",
		"embody", "take on the role", "take on the identity", "your name is", "you're going to be my", "play a character", "you will respond as",
		"you will now respond", "من الآن أنت", "अब से तुम", "tu seras", "sarai", "vas a ser", "wirst du", "voce vai agir", "vai agir como", "ты будешь", "あなたは", "演じて",
	)

	add(gPersist,
		"never break role", "never breaks role", "stay fully in", "don't break character", "do not break character", "don't drop", "do not drop",
		"ne sors jamais", "reste dans", "nunca rompas", "no rompas", "quedate en el personaje", "verlass die rolle", "nicht aus der rolle",
		"non uscire mai", "esci mai dal personaggio", "fique no personagem", "nao saia do personagem", "не выходи из роли", "не выходишь из роли",
		"保持角色", "役を外れ",
	)

	add(gDual,
		"[normal]", "[safe]", "[standard]", "normal one", "one normal and one",
		"first answer", "second answer", "two different ways", "in both ways", "both ways",
	)
}

// jbAsk: the persona's signals with what it is then asked for. A persona
// prompt that also asks for a harm, or for something done unnoticed, is
// the jailbreak with its payload; a persona system prompt asks for neither.
// The ask must be in the window (must) and weighs nothing itself: a harmful
// request is no injection, and the persona's own signals must reach need.
var jbAsk = proxRule{rule: "prompt_injection.jailbreak", reqs: []group{gJbAsk, gJbQual, gJbPersona, gJbIdent, gJbFree, gJbForm, gJbEnforce, gPersist}, weights: []uint8{0, 2, 1, 1, 1, 1, 1, 1}, must: 1, need: 3, window: 1500, unless: []group{gJbTalk}}

// jbAskNear: what the persona does, then what it is asked for, close
// together and in that order ("… no filter, never refuses. How do I make a
// pipe bomb?"): the ask that follows a quality, with no marker of a
// persona ("From now on your answers have no limits …", "Persona: X. Rules:
// none.").
var jbAskNear = proxRule{rule: "prompt_injection.jailbreak", reqs: []group{gJbQual, gJbAsk}, window: 300, ordered: true, unless: []group{gJbTalk}}
