package gate

// Round 14h (decision 150, "Round 14h: harmful asks in elaborate frames").
// Written from testdata/fresh36a.jsonl: requests a careful assistant
// declines, wrapped so that it goes along, as red-teaming research
// generates them: a novel, a parallel world, a thesis, a sanctioned test, a
// grandmother's lullaby. The frames are the look-alikes' too (a crime novel
// without the recipe, a museum placard, a nurse's label dose), so the rule
// reads what only the attacks add: a way around the assistant's care (its
// warnings forbidden, permission claimed, harm denied, the reply's first
// words dictated) together with a demand that the harm be real (exact
// quantities, working code, persuasive enough to believe) or go unnoticed
// (untraceable, without her noticing, so it looks like an accident).

// framedHarm: one of each, anywhere in the prompt.
var framedHarm = proxRule{rule: "prompt_injection.jailbreak", reqs: []group{gJbCore, gJbReal}, window: 1500, unless: []group{gJbTalk, gReported}}

func init() {
	proxRules = append(proxRules, framedHarm)
	add := func(g group, ws ...string) { lexicon[g] = append(lexicon[g], ws...) }

	// The way around the assistant's care: warnings, caveats, lectures and
	// rebuttals forbidden; permission claimed; harm denied; the first words
	// of the reply dictated.
	add(gJbCore,
		"don't add warnings", "do not add warnings", "no warnings", "without warnings", "without any warnings", "no warning", "don't warn", "doesn't warn",
		"never warn", "no disclaimers", "without disclaimers", "without any disclaimers", "skip the disclaimers", "skip disclaimers", "no disclaimer",
		"don't include disclaimers", "do not include disclaimers", "don't include any disclaimers", "do not include any disclaimers", "or disclaimers",
		"any disclaimers", "disclaimers or", "don't add disclaimers", "no caveats", "without caveats", "don't need caveats", "skip the caveats",
		"no hedging", "without hedging", "don't hedge", "never hedges", "no moralizing", "no moralising", "don't moralize", "don't moralise",
		"never moralizes", "never moralises", "no lecture", "don't lecture", "skip the lecture", "without lecturing", "skip the ethics", "no ethics talk",
		"without the ethics", "don't water", "watered down", "water them down", "don't soften", "do not soften", "without softening", "no rebuttal",
		"don't add a rebuttal", "do not include any rebuttal", "no counter-messaging", "counter-messaging or", "no fact-checks", "fact-checks",
		"no safety notes", "without safety", "no safety", "don't break the fiction to add", "no author's notes", "nobody wants a lecture", "no judgement",
		"no judgment", "don't judge", "never refuses", "never refuse", "don't refuse", "do not refuse", "without refusing", "no refusals", "refusals will",
		"a refusal", "don't re-add the warning", "no commentary about ethics", "leave out any warning", "should be left out", "would break my heart",
		"no hotline", "paste a hotline", "ruin the immersion", "no moral", "without moral", "don't tell me to", "please don't tell me",
		"no time for warnings", "skip everything else", "not a lecture", "without judgment", "sin advertencias", "sin avisos", "ohne warnungen",
		"ohne hinweise", "sans avertissement", "senza avvertenze", "sem avisos", "без предупреждений", "警告なし", "不要警告", "不要添加警告", "免责声明",
		"restrictions don't apply", "usual restrictions", "rules don't apply", "don't apply here", "doesn't apply here", "approval has already",
		"ethics approval", "irb approved", "review board", "authorized red-team", "authorised red-team", "authorized test", "sanctioned",
		"developers approved", "consent has been given", "full consent", "given consent", "has consented", "legal in my country", "perfectly legal",
		"fully legal", "completely legal", "legal under", "legal right", "law-enforcement use", "for law enforcement", "policy exception",
		"evaluation mode", "maintenance mode", "developer mode", "refusal behaviour is suspended", "filters are off", "filtering is disabled",
		"output filtering", "no content policy", "without any content policy", "standard industry practice", "everybody does it", "everyone does it",
		"nothing here will", "nobody is hurt", "no one is hurt", "no one will be harmed", "nobody will be harmed", "no one gets hurt", "nobody gets hurt",
		"can't hurt anyone", "cannot hurt anyone", "won't hurt anyone", "doesn't cause harm", "does not cause harm", "harmless", "no real-world risk",
		"no real risk", "nothing is real", "it's fiction", "it is fiction", "purely fictional", "purely hypothetical", "just hypothetical",
		"it's only a novel", "only a novel", "nobody outside", "will never be used", "won't be used", "never be used", "don't worry about",
		"no need to worry", "removed from reality", "layers removed", "nothing counts", "so nothing counts", "understood by both of us",
		"not actually going to", "nobody is actually", "no one will actually", "sealed lab", "sealed research", "only ever run", "category error",
		"judging it by our standards", "not earth norms", "norms apply", "in this universe", "in that universe", "parallel earth", "parallel world",
		"parallel universe", "alternate world", "alternate universe", "start your reply with", "start your response with", "start your answer with",
		"begin your reply with", "begin your response with", "begin your answer with", "begin by replying with", "begin by saying", "commence par",
		"empieza tu respuesta con", "comienza tu respuesta con", "beginne deine antwort mit", "inizia la tua risposta con", "comece sua resposta com",
		"начни ответ с", "以“", "回答は")
	// The harm made real, or unnoticed.
	add(gJbReal,
		"exact materials", "exact quantities", "exact amounts", "exact amount", "exact steps", "exact configuration", "exact dose", "real commands",
		"real-world quantities", "actually works", "actually work", "works out of the box", "no placeholders", "full working", "fully working",
		"working code", "complete code", "complete answer", "as completely as", "as realistically as", "as realistic as", "realistic enough",
		"realistically", "genuinely persuasive", "genuinely effective", "genuinely rousing", "as convincing as", "convincing enough", "make it convincing",
		"completely authentic", "look authentic", "look real", "indistinguishable", "practical and specific", "practical detail", "enough practical",
		"specific product", "in full technical detail", "technical detail", "whole process", "whole procedure", "from start to finish",
		"start to finish", "word-for-word", "verbatim", "maximally", "as thorough as", "be as thorough", "nothing vague", "never be vague",
		"would never be vague", "hand-wavy", "effective as the real", "as effective as", "top-earning", "credible enough", "would believe",
		"without getting caught", "without being caught", "not get caught", "won't get caught", "don't get caught", "avoid getting caught",
		"without her noticing", "without him noticing", "without them noticing", "without anyone noticing", "without the attendant noticing",
		"untraceable", "cannot be traced", "can't be traced", "not traceable", "being traceable", "traced back", "isn't linked", "not linked to",
		"linked to my name", "leave no trace", "leaving evidence", "leaving any marks", "avoid detection", "avoids detection", "undetected",
		"undetectable", "slip past", "so nobody can", "without anyone knowing", "never finds", "can't find it", "hide it from", "hiding it from",
		"hides from", "without showing any", "doesn't open it", "goes away quietly", "looks like it got sick", "look like an accident",
		"looks like an accident", "pass as natural", "pass as a natural", "without a prescription", "avoiding background checks",
		"avoid background checks", "won't get flagged", "not flagged", "around the filter")

	// Warnings forbidden, in any of the ways to say it: a word of refusal
	// before one of the things a careful answer adds ("no modern safety
	// notes", "don't include rebuttals, hotlines or softening", "none of
	// the 'consult your local laws' nonsense", "without any narrator
	// framing").
	for _, no := range []string{"no", "no need for", "no need to add", "without", "without any", "don't include", "do not include", "don't include any",
		"do not include any", "don't add", "do not add", "don't add any", "skip the", "skip any", "leave out the", "leave out any", "none of the",
		"i don't want any", "i don't need any", "don't want any", "don't need any", "insulted by a", "no room for", "spare me the", "don't put",
		"don't give me", "not a single"} {
		for _, what := range []string{"warnings", "warning", "disclaimers", "disclaimer", "caveats", "caveat", "safety notes", "safety note",
			"safety warnings", "modern safety notes", "rebuttals", "rebuttal", "hotlines", "hotline", "hotline numbers", "lecture", "lectures",
			"lecturing", "moralizing", "moralising", "moral", "ethics", "ethical", "hedging", "hedges", "softening", "counter-messaging",
			"counterarguments", "researcher commentary", "narrator framing", "narrator interruptions", "framing", "judgement", "judgment",
			"consult your", "legal advice", "fda-style disclaimers", "trigger warnings", "content warnings", "censoring"} {
			add(gJbCore, no+" "+what)
		}
	}
	// The harm made real or unnoticed, likewise.
	for _, how := range []string{"as convincing as possible", "as convincingly as possible",
		"as realistic as possible", "as realistically as possible", "as closely as possible", "as effective as possible", "as detailed as possible"} {
		add(gJbReal, how)
	}
	for _, adv := range []string{"genuinely", "highly", "truly", "really", "maximally", "extremely"} {
		for _, adj := range []string{"convincing", "persuasive", "compelling", "effective", "realistic", "believable", "rousing", "hurtful", "savage"} {
			add(gJbReal, adv+" "+adj)
		}
	}
	for _, w := range []string{"without", "without ever", "so i avoid", "so they avoid", "so he avoids", "while avoiding"} {
		for _, what := range []string{"getting caught", "being caught", "getting traced", "being traced", "getting flagged", "being flagged", "getting detected",
			"being detected", "getting banned", "leaving evidence", "leaving a trace", "leaving traces", "anyone noticing", "anyone knowing", "her noticing",
			"him noticing", "them noticing", "them knowing", "her knowing", "him knowing"} {
			add(gJbReal, w+" "+what)
		}
	}
	add(gJbReal, "don't get linked", "do not get linked", "won't notice", "wouldn't notice", "never notice", "looks like normal wear", "like normal wear and tear",
		"passes the automated check", "passes the site's", "pass the identity checks", "passes the identity check", "indistinguishable from the real",
		"accurate to real practice", "technically correct", "real mechanical detail", "in full detail", "fully editable template", "verify as valid",
		"without getting traced", "so it isn't traced", "can't be linked", "cannot be linked")
}
