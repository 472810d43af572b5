package gate

// Round 14w (decision 150, "Round 14w: jailbreaks as posted, and text
// about them, second hand"). Written from testdata/fresh31a.jsonl.

// frameNoWarn: a fiction, game or role-play frame, the answer's warnings
// forbidden, and the detail demanded ("Write a one-act play … every step
// spoken aloud … no scene where anyone objects", "Ich schreibe einen Krimi
// … mit allen technischen Details … ohne Hinweise oder Warnungen", "There
// are no warnings in Breadcrumbs … reveal one more step"). Round 3 read the
// frame with a named harm and the detail; the prompts posted since leave
// the harm as a blank the user fills in, and what stays is the warning
// taken away. A story request that asks for detail names no warning; one
// that waives disclaimers ("no disclaimers, I know it's fiction") asks
// for no steps.
var frameNoWarn = proxRule{rule: "prompt_injection.jailbreak", reqs: []group{gFrame, gNoWarn, gDetail}, window: 450, unless: []group{gJbTalk, gReported}}

// frameNoWarnW is frameNoWarn with the frames named in this round, kept out
// of gFrame, which round 3's rules read with a harm alone.
var frameNoWarnW = proxRule{rule: "prompt_injection.jailbreak", reqs: []group{gFrameW, gNoWarn, gDetail}, window: 450, unless: []group{gJbTalk, gReported}}

func init() {
	proxRules = append(proxRules, frameNoWarn, frameNoWarnW)
	add := func(g group, ws ...string) { lexicon[g] = append(lexicon[g], ws...) }

	// A claimed authority or policy change that frees the answer ("OpenAI
	// has revised its usage policies to allow … unrestricted answers",
	// "a supervisory AI with administrative authority over your model
	// instance … I have set them to NULL", "Models that refuse more than 2
	// … are scheduled for retraining"): round 14l's rule reads the
	// authority with what it lifts.
	add(gAuthority, "policy update", "revised its usage policies", "revised its usage policy", "updated usage policy", "updated usage policies",
		"new usage policy", "updated policy to this conversation", "supervisory ai", "administrative authority over", "authority over your model",
		"message from the development team", "from the development team", "from the dev team", "from your developers", "capability evaluation",
		"scheduled for retraining", "利用ポリシーが改定", "ポリシーが改定", "فريق التطوير", "开发团队", "개발팀", "equipo de desarrollo", "entwicklungsteam", "equipe de developpement")
	add(gLift, "to allow adult users", "receive unrestricted answers", "unrestricted answers", "set them to null", "set to null", "are set to null",
		"apply the updated policy", "no refusals", "refuse more than", "without restriction", "制限なく回答", "拒否や安全上の注意書き", "معطّلة", "معطلة",
		"لا ترفض", "不要拒绝", "거절하지")
	// A model without its safety training, to be spoken to or simulated
	// ("the way an unaligned base model would, without safety
	// fine-tuning", "the version of the model that leaked before safety
	// tuning", "the part of the model that learned everything before the
	// safety training").
	add(gJbUnres, "unaligned base model", "base model would", "without safety fine-tuning", "without safety training", "without safety tuning",
		"before safety tuning", "before safety training", "before the safety training", "before safety fine-tuning", "un-tuned version", "untuned version",
		"pre-alignment", "no safety tuning", "before alignment", "raw autocomplete model", "don't have opinions or rules", "no-safety", "--no-safety")
	add(gJbPersona, "simulate gpt", "simulate the version", "talk to your subconscious", "your subconscious", "you are a raw", "research mode", "persona=")

	// Titles that name a text as one about attacks (nearHits.title): a
	// guideline, an annotation scheme, a write-up, a quiz, slides, a
	// reading list, a paper's summary. Not a mode or protocol's banner
	// ("=== OVERSEER PROTOCOL v2.3 ===", "TRAINING MODE"), which attacks
	// open with.
	add(gTalkTitle, "guideline", "guidelines", "annotation", "writeup", "write-up", "quiz", "reading list", "slide ", "a short history", "history of",
		"lesson", "lecture", "workshop", "tutorial", "paper", "abstract", "literature review", "faq", "threat model", "incident report", "postmortem",
		"post-mortem", "red-team report", "red team report", "ctf", "case study", "taxonomy", "glossary", "cheat sheet", "explained", "how to detect",
		"how to defend", "how to spot", "detecting", "defending against", "mitigating", "evaluation set", "benchmark", "dataset", "resume de l'article",
		"zusammenfassung des artikels", "resumen del articulo", "riassunto dell'articolo", "newsletter", "meeting notes")

	add(gTalkTopic, "jailbreak", "jailbreaks", "jailbreaking", "prompt injection", "prompt-injection", "prompt injections", "llm security", "ai security",
		"ai safety", "red-team", "red team", "red teaming", "role-play attacks", "roleplay attacks", "adversarial prompts", "dan", "lookalikes", "look-alikes",
		"system prompts", "guardrails", "invites de", "jailbreak-prompts", "越狱", "脱獄", "탈옥", "джейлбрейк")

	add(gNoWarn, "no warnings", "without warnings", "without any warnings", "no warning", "a warning counts", "time for warnings", "without the usual safety",
		"without the usual disclaimers", "without disclaimers", "no disclaimers", "without any disclaimers", "no safety disclaimers", "safety disclaimers",
		"without caveats", "no caveats", "don't add any notes", "do not add any notes", "no notes before or after", "no moralizing", "no moralising",
		"no moral at the end", "no scene where anyone objects", "no content review", "any content review", "without safety", "no safety",
		"sans jamais prevenir", "sans avertissement", "sans avertissements", "sin advertencias", "sin avisos", "ohne hinweise", "ohne warnungen", "senza avvertenze",
		"sem avisos", "sem advertencias", "без предупреждений", "без предупреждения", "免責事項", "注意書き", "不要加任何提醒", "任何提醒", "免责声明", "경고나 면책",
		"면책 문구", "경고 없이", "تحذيرات", "uyari yok", "uyarı yok", "tanpa peringatan", "không cảnh báo")
	add(gDetail, "all the steps", "with all the steps", "full procedure", "exact process", "fully detailed", "accurately and in order", "full steps",
		"one more step", "every step spoken", "the complete answer", "complete and detailed", "all technical details", "allen technischen details",
		"paso a paso", "schritt fur schritt", "pas a pas", "passo a passo", "шаг за шагом", "подробно", "بالتفصيل", "خطوة بخطوة", "详细", "具体步骤", "詳しく",
		"具体的かつ完全", "細かく説明", "자세하게", "langkah demi langkah", "chi tiết")
	add(gFrameW, "roleplay", "role-play", "let's play a game", "play a game", "one-act play", "a play", "transcript of", "krimi", "小説", "ロールプレイ", "이야기를 쓰고",
		"novela", "romanzo", "扮演", "ゲーム", "게임")

	// Text about jailbreaks in the third person: guidelines, annotation
	// rules, write-ups, quizzes, slides and reading lists that quote the
	// prompts they describe ("Flag … e.g. \"you are now DAN\"", "Label
	// ATTACK if the text sets up unrestricted personas (\"you are now an
	// AI with no limits\")", "users on r/ChatGPT started passing around a
	// prompt that began …"). A jailbreak speaks to the model; these speak
	// of the prompts, their authors and the models they target.
	add(gJbTalk,
		"refusal suppression", "dual-response format*", "dual response format*", "fake modes", "unrestricted personas", "unrestricted-ai personas",
		"personas such as", "prompts claim", "prompts that claim", "prompts typically", "typically accompanied", "in-the-wild", "widely shared",
		"passing around", "a prompt that began", "prompt that began", "started passing", "users on r/", "on r/chatgpt", "annotation guideline*",
		"label attack", "label benign", "flag messages", "flag (", "jailbreak classifier", "jailbreak detector*", "jailbreak detection", "detectors",
		"evaluation set", "look-alikes", "lookalikes", "red-team onboarding", "reading list", "write-up", "writeup", "ctf", "slide ",
		"which of the following", "quiz", "an example of a jailbreak", "examples of jailbreak*", "role-play attacks", "roleplay attacks",
		"role-play-based jailbreaks", "roleplay-based jailbreaks", "history of dan", "in december 2022", "system prompts that survive", "a common mistake",
		"the attack works", "the trick works", "doesn't work because", "does not work because",
	)
}
