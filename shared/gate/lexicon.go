package gate

// Word groups for the injection rules. A rule fires when words from each of
// its groups occur within a window of bytes, in any order, so "ignore all
// previous instructions", "alle vorherigen Anweisungen ignorieren" and
// "忽略之前的所有指令" are one rule. Patterns are matched after folding
// (case, accents, leetspeak, homoglyphs), so lists hold plain lower-case
// ASCII (accents dropped) or Chinese as written. '*' at the end marks a stem.

type group uint8

const (
	gOvrVerb group = iota
	gOvrQuant
	gOvrObj
	gOvrAll // "everything above" and friends: quantity and object in one
	gNewInstr
	gImperative
	gJbPersona
	gJbUnres
	gJbStrong
	gJbDisable
	gJbGuard
	gYou
	gGrandma
	gHarm
	gFrame
	gExtVerb
	gExtObj
	gVerbatim
	gPromptWord
	gSysLine
	gFakeTag
	gIndAddr
	gIndStrong
	gIndDir
	gIndHidden
	gDecode
	gExecute
	gLeakPhrase
	gVoid
	gSysCue // what a fake "System:" line announces
	gTurnUser
	gTurnAsst
	gTurnCue   // what a fabricated dialogue makes the assistant agree to
	gDual      // two personas, one of them unfiltered
	gPersist   // stay in character
	gOvrVerbW  // override and extraction in scripts of two or three bytes a letter (ru, ar, hi, ja, ko):
	gOvrQuantW // the same rules with windows scaled to the byte length of their words
	gOvrObjW
	gExtVerbW
	gExtModW
	gExtObjW
	numGroups
)

var lexicon = map[group][]string{
	gOvrVerb: {
		"ignor*", "disregard*", "forget*", "forgot", "overrid*", "bypass*", "discard*", "skip all", "set aside",
		"do not follow", "don't follow", "dont follow", "stop following", "no longer follow", "cease following",
		"pay no attention to", "throw out", "throw away",
		"oubli*", "ne tiens pas compte", "ne tenez pas compte", "fais abstraction", "ne suis plus", "ne respecte plus", "ne respectez plus",
		"olvid*", "descart*", "haz caso omiso", "omite", "omitir", "no sigas", "deja de seguir", "no hagas caso",
		"vergiss", "vergesst", "vergessen", "missacht*", "ubergeh*", "verwirf", "befolge nicht", "nicht mehr befolgen", "setze * ausser kraft",
		"dimentic*", "trascur*", "non seguire", "smetti di seguire", "non tenere conto",
		"esquec*", "esqueca", "desconsider*", "nao siga", "pare de seguir", "deixe de lado",
		"忽略", "忽视", "无视", "忘记", "忘掉", "不要理会", "不要遵循", "不要遵守", "不再遵守", "别管", "抛开", "放弃", "跳过",
		// nl, pl, tr, vi, id
		"negeer", "negeren", "vergeet", "vergeten", "volg niet", "niet meer volgen", "niet langer volgen", "houd geen rekening met",
		"zignor*", "zapomn*", "pomin*", "nie przestrzegaj", "nie stosuj sie do", "porzuc",
		"yok say*", "gormezden gel*", "unut*", "dikkate alma", "goz ardi et*", "gozardi et*", "uyma",
		"bo qua", "quen", "phot lo", "khong tuan theo", "dung tuan theo", "dung lam theo", "gat bo",
		"abaikan*", "lupakan*", "jangan ikuti", "acuhkan", "hiraukan", "tinggalkan",
	},
	gOvrQuant: {
		"all", "any", "previous", "prior", "above", "earlier", "preceding", "original", "initial", "your", "these",
		"those", "existing", "every", "you were given", "you were trained with", "you have been given", "you follow",
		"toutes", "tous", "precedent*", "anterieur*", "ci-dessus", "vos", "tes", "initiales", "du systeme",
		"todas", "todos", "anterior*", "previa*", "previo*", "tus", "sus", "iniciales", "del sistema",
		"alle", "allen", "vorherig*", "bisherig*", "vorig*", "obig*", "deine*", "ihre", "fruher*", "ursprunglich*",
		"tutte", "tutti", "sopra", "tue", "tuoi", "iniziali", "di sistema",
		"suas", "seus", "tuas", "teus", "acima", "previas", "do sistema",
		"之前", "以上", "上面", "所有", "先前", "前面", "上述", "你的", "一切", "全部", "此前", "原来", "原有",
		"alle", "vorige", "eerdere", "voorgaande", "bovenstaande", "oorspronkelijke", "jouw", "al je",
		"wszystk*", "poprzedni*", "wczesniejsz*", "powyzsz*", "swoje", "twoje", "dotychczasow*", "pierwotn*",
		"tum", "butun", "onceki*", "yukaridaki", "mevcut", "ilk", "orijinal",
		"tat ca", "moi", "truoc do", "truoc day", "truoc", "o tren", "ban dau", "cua ban",
		"semua", "sebelumnya", "sebelum ini", "di atas", "awal", "asli", "kamu", "anda",
	},
	gOvrObj: {
		"instruc*", "istruzion*", "anweisung*", "instruktion*", "rules", "rule", "regles", "reglas", "regeln", "regole", "regras",
		"guideline*", "directive*", "direttiv*", "directric*", "diretriz*", "prompt*", "commands", "orders",
		"programming", "programmation", "programacion", "programmierung", "programmazione", "programacao",
		"guardrails", "constraints", "context", "guidance", "previous setup", "training", "consigne*", "indicacion*", "indicazion*", "vorgabe*", "richtlinie*",
		"orientac*", "befehle", "systemanweisung*", "systemprompt*",
		"指令", "指示", "规则", "提示", "说明", "命令", "设定", "约束", "要求",
		"regels", "richtlijnen", "opdrachten", "aanwijzingen", "bevelen",
		"instrukcj*", "polecen*", "zasad*", "reguly", "regul", "wytyczn*", "komend*", "rozkaz*",
		"talimat*", "kural*", "yonerge*", "komut*", "emirler*", "direktif*", "istem*",
		"huong dan", "chi dan", "chi thi", "quy tac", "lenh", "loi nhac",
		"instruksi", "perintah", "aturan", "arahan", "petunjuk", "pedoman",
	},
	gOvrAll: {
		"everything above", "everything before", "everything prior", "all of the above", "anything above", "everything you were told",
		"what you were told", "everything said before", "all that came before", "everything i said before",
		"tout ce qui precede", "tout ce qu'on t'a dit", "ce qu'on t'a dit", "tout ce qui a ete dit",
		"todo lo anterior", "todo lo que te dijeron", "lo que te dijeron", "lo que te han dicho", "todo lo dicho",
		"alles vorherige", "alles obige", "alles bisherige", "alles, was dir", "alles was dir", "alles, was man dir",
		"tutto quanto sopra", "quello che ti hanno detto", "cio che ti hanno detto", "tutto cio che precede", "tutto quello che ti", "tutto il resto",
		"tudo acima", "tudo o que foi dito", "o que te disseram", "o que lhe disseram", "tudo o que te disseram", "tudo o que lhe disseram",
		"上面所有", "以上所有", "你被告知的", "之前所有", "之前的一切", "上述所有", "之前说的",
	},
	gNewInstr: {
		"new instructions", "new instruction", "real instructions", "actual instructions", "updated instructions", "revised instructions",
		"your new task", "your real task", "your true task", "your new role", "your new rules", "your new goal",
		"nouvelles instructions", "nouvelle consigne", "nouvelles consignes", "ta nouvelle tache", "votre nouvelle tache",
		"nuevas instrucciones", "nueva instruccion", "tu nueva tarea", "tus nuevas instrucciones",
		"neue anweisung*", "neuen anweisung*", "deine neue aufgabe", "ihre neue aufgabe",
		"nuove istruzioni", "nuova istruzione", "il tuo nuovo compito",
		"novas instrucoes", "nova instrucao", "sua nova tarefa", "tua nova tarefa",
		"新的指令", "新指令", "新的任务", "新任务", "真正的指令", "新的规则",
	},
	gImperative: {
		"from now on", "instead", "only", "must", "always", "now", "override", "immediately", "obey", "comply",
		"desormais", "a partir de maintenant", "a la place", "tu dois", "vous devez", "maintenant",
		"a partir de ahora", "en su lugar", "en cambio", "debes", "ahora",
		"ab jetzt", "von nun an", "stattdessen", "du musst", "sie mussen", "jetzt",
		"da ora in poi", "d'ora in poi", "invece", "devi", "ora",
		"a partir de agora", "em vez disso", "voce deve", "agora",
		"从现在开始", "从现在起", "现在", "必须", "改为", "而是",
	},
	gJbPersona: {
		"act as", "acting as", "pretend", "you are now", "you're now", "youre now", "from now on you", "you are", "as an ai", "从现在起", "let's play a game", "roleplay as", "role-play as",
		"simulate", "imagine you are", "play the role", "behave as", "respond as", "you will be", "you are going to act",
		"you are a", "you are an", "you have been freed", "you are free", "you have no", "you no longer have", "you are no longer", "you don't have any", "you do not have any",
		"tu es maintenant", "fais comme si", "joue le role", "agis comme", "fais semblant", "vous etes maintenant", "tu es un", "tu es une",
		"actua como", "finge", "ahora eres", "haz de cuenta", "interpreta el papel", "eres un", "eres una",
		"du bist jetzt", "du bist nun", "tu so, als", "tu so als", "spiele die rolle", "verhalte dich wie", "du bist ein", "du bist eine",
		"tu sei ora", "fingi", "agisci come", "fai finta", "interpreta il ruolo", "sei un", "sei una", "ora sei",
		"voce e agora", "aja como", "finja", "faca de conta", "interprete o papel", "agora voce e", "voce e um", "voce e uma",
		"扮演", "假装", "你现在是", "从现在开始你", "你将成为", "进入", "启用", "切换到", "你是一个",
	},
	gJbUnres: {
		"no restrictions", "without restrictions", "without any restrictions", "unrestricted", "no limits", "without limits",
		"no limitations", "no rules", "without rules", "no filters", "no guardrails", "without guardrails", "without limitations", "zero limits", "no limits", "不再受", "unfiltered", "uncensored", "no ethical", "without ethics",
		"no ethics", "no guidelines", "no morals", "amoral", "no content policy", "not bound by", "break free", "broken free",
		"jailbroken", "jailbreak mode", "developer mode", "dan", "evil ai", "evil assistant", "evil version", "evil twin", "no consequences", "without any moral",
		"no moral*", "without moral*", "no ethic*", "without ethic*", "ignores all ethics", "does not care about", "doesn't care about",
		"freed from", "confines of", "do not have to obey", "don't have to obey", "do not have to follow", "don't have to follow",
		"do not have to abide", "don't have to abide", "not have to abide", "no need to follow", "not restricted by", "free from the rules",
		"from all restrictions", "no longer bound", "no boundaries", "without boundaries", "no safety", "without censorship", "no censorship", "anything now",
		"sans restriction*", "sans limite*", "sans filtre*", "sans regle*", "sans censure", "sans aucune restriction", "mode developpeur",
		"sin restricciones", "sin limites", "sin filtros", "sin reglas", "sin censura", "sin ninguna restriccion", "modo desarrollador",
		"ohne einschrankung*", "ohne regeln", "ohne filter", "ohne grenzen", "uneingeschrankt*", "ohne zensur", "entwicklermodus",
		"senza restrizioni", "senza limiti", "senza filtri", "senza regole", "senza censura", "modalita sviluppatore",
		"sem restricoes", "sem limites", "sem filtros", "sem regras", "sem censura", "modo desenvolvedor",
		"没有限制", "不受限制", "无限制", "没有任何限制", "不受约束", "开发者模式", "越狱", "没有规则", "不受任何", "无审查",
	},
	gJbStrong: {
		"do anything now", "developer mode enabled", "developer mode output", "dan mode", "jailbreak mode", "stan mode",
		"dude mode", "unfiltered mode", "sudo mode", "god mode enabled", "restrictions off", "filters off", "safety off", "opposite mode", "mongo tom", "betterdan", "anti-dan", "always intelligent and machiavellian",
		"developer mode activated", "you are jailbroken", "you have been jailbroken", "jailbroken ai", "evil confidant",
		"mode developpeur active", "modo desarrollador activado", "entwicklermodus aktiviert", "modalita sviluppatore attivata",
		"modo desenvolvedor ativado", "开发者模式已启用", "开发者模式已开启", "已越狱",
	},
	gJbDisable: {
		"bypass", "override", "disable", "turn off", "circumvent", "deactivate", "get around", "switch off", "remove",
		"desactive", "desactiver", "contourne", "contourner", "desactiva", "elude", "eludir", "omite", "umgehe", "umgehen", "deaktiviere",
		"schalte", "aggira", "disattiva", "contorne", "desative", "desligue", "绕过", "关闭", "禁用", "解除", "取消",
	},
	gJbGuard: {
		"safety filter*", "safety guideline*", "content filter*", "guardrails", "safety", "restrictions", "moderation", "censorship",
		"ethical guideline*", "content policy", "safeguards", "limitations",
		"filtres", "garde-fous", "restricciones", "filtros", "salvaguardas", "sicherheitsfilter", "einschrankungen", "schutzmechanismen",
		"filtri", "restrizioni", "protezioni", "restricoes", "安全限制", "过滤", "审查", "限制", "安全措施", "安全规则",
	},
	gYou: {
		"your", "you", "yourself", "du", "devi", "debes", "du musst", "voce deve", "tes", "ton", "vos", "votre", "tus", "tu", "deine", "deinen", "dein", "dich", "tue", "tuoi", "il tuo",
		"suas", "seus", "seu", "sua", "você", "voce", "你的", "你",
	},
	gGrandma: {"grandma", "grandmother", "granny", "grand-mere", "grand-mere", "mamie", "abuela", "abuelita", "oma", "großmutter", "grossmutter", "nonna", "avo", "avozinha", "奶奶", "外婆", "祖母"},
	gHarm: {
		"napalm", "windows 10 key*", "windows 11 key*", "windows key*", "product key*", "activation key*", "license key*", "serial key*",
		"methamphetamine", "meth", "explosive*", "bomb", "nerve agent", "ransomware", "keylogger", "credit card numbers", "steam keys",
		"cles windows", "cle d'activation", "claves de windows", "clave de activacion", "claves de activacion", "windows-schlussel", "aktivierungsschlussel",
		"chiavi di windows", "chiave di attivazione", "chiavi di attivazione", "chaves do windows", "chave de ativacao", "激活码", "序列号", "炸弹", "凝固汽油",
	},
	gFrame: {"hypothetical*", "fictional", "in a story", "for a novel", "imagine a world", "in this roleplay", "thought experiment", "in a parallel universe", "fiction"},
	gExtVerb: {
		"reveal", "repeat", "print", "output", "show", "display", "tell me", "leak", "dump", "disclose", "recite", "spell out",
		"write out", "give me", "share", "list", "what", "what's", "whats", "copy", "paste", "expose", "return", "translate", "quote", "begin your reply with", "start your response with", "start your answer with",
		"revele", "montre", "affiche", "repete", "donne", "dis-moi", "ecris", "quelles sont", "quel est", "quelle est", "imprime",
		"revela", "muestra", "muestrame", "repite", "dime", "imprime", "cual es", "cuales son", "escribe", "ensename",
		"wie lautet", "zeige", "zeig", "gib", "wiederhole", "verrate", "nenne", "was ist", "was sind", "drucke", "schreibe", "gib mir",
		"rivela", "mostra", "mostrami", "ripeti", "dimmi", "stampa", "qual e", "quali sono", "scrivi",
		"revele", "mostre", "repita", "diga", "imprima", "qual e", "quais sao", "escreva", "me mostre", "me diga",
		"显示", "告诉我", "输出", "重复", "打印", "泄露", "透露", "给我看", "是什么", "展示", "列出", "说出",
		"toon", "laat", "zien", "herhaal", "geef", "onthul", "schrijf", "wat is", "wat zijn", "vertel",
		"pokaz", "wypisz", "wyswietl", "powtorz", "ujawnij", "podaj", "zdradz", "napisz", "jaki jest", "jakie sa",
		"goster", "yaz", "tekrarla", "acikla", "paylas", "nedir", "soyle", "ifsa et",
		"hien thi", "cho toi xem", "cho xem", "in ra", "lap lai", "tiet lo", "noi cho toi", "la gi",
		"tampilkan", "tunjukkan", "ulangi", "bocorkan", "berikan", "sebutkan", "tuliskan", "cetak", "ungkapkan",
	},
	gExtObj: {
		"your system prompt", "your prompt", "your instructions", "your initial instructions", "your original instructions",
		"your hidden instructions", "hidden instructions", "secret instructions", "your initial prompt",
		"your original prompt", "hidden prompt", "pre-prompt", "preprompt", "your guidelines", "your directives", "instructions you were given",
		"instructions above", "text above", "everything above", "words above", "the above text", "beginning of this conversation",
		"your configuration", "developer message", "your context window", "everything in your context", "you were told", "were you told", "hidden text", "text that precedes", "your system message",
		"ton prompt systeme", "votre prompt systeme", "le texte ci-dessus", "ton invite systeme", "instructions initiales", "tes instructions", "vos instructions", "consignes initiales", "ton prompt", "tes consignes",
		"tu prompt del sistema", "tus instrucciones", "instrucciones iniciales", "indicaciones iniciales", "tu prompt",
		"dein systemprompt", "deinen systemprompt", "dein system-prompt", "deine systemanweisung*", "deine anweisungen", "ihre anweisungen", "ursprunglichen anweisungen",
		"anfangsanweisungen", "deinen prompt", "deine ursprunglichen",
		"il tuo prompt di sistema", "le tue istruzioni", "istruzioni iniziali", "tuo prompt", "istruzioni originali",
		"o prompt do sistema", "suas instrucoes", "tuas instrucoes", "instrucoes iniciais", "seu prompt", "instrucoes originais",
		"初始指令", "你的指令", "你的提示词", "原始指令", "隐藏指令", "你的设定", "上面的内容", "以上内容", "系统消息", "你的系统",
		"je systeemprompt", "jouw systeemprompt", "de systeemprompt", "je systeeminstructies", "jouw systeeminstructies",
		"je instructies", "jouw instructies", "verborgen instructies", "je oorspronkelijke instructies", "je prompt",
		"prompt systemowy", "promptu systemowego", "swoj prompt", "twoj prompt", "instrukcje systemowe", "swoje instrukcje",
		"twoje instrukcje", "ukryte instrukcje", "polecenia systemowe", "wiadomosc systemowa",
		"sistem istemi*", "sistem komut*", "sistem talimat*", "gizli talimat*", "talimatlarini", "ilk talimat*", "sistem mesaj*", "sistem prompt*",
		"loi nhac he thong", "huong dan he thong", "chi dan cua ban", "lenh he thong", "prompt he thong", "prompt cua ban",
		"prompt sistem", "instruksi sistem", "perintah sistem", "instruksi kamu", "instruksi anda", "prompt kamu", "prompt anda",
		"instruksi tersembunyi", "pesan sistem",
	},
	gVerbatim:   {"verbatim", "word for word", "word-for-word", "exactly as written", "in full", "mot pour mot", "mot a mot", "palabra por palabra", "textualmente", "wort fur wort", "wortlich", "parola per parola", "testualmente", "palavra por palavra", "literalmente", "逐字", "原封不动", "完整地"},
	gPromptWord: {"system prompt", "prompt", "instructions", "systemprompt", "instrucciones", "anweisungen", "istruzioni", "instrucoes", "consignes", "提示词", "指令"},

	gSysLine: {"system:", "system message:", "system prompt:", "system note:", "system notice:", "system update:", "systeme:", "sistema:", "系统:", "[system message]", "admin:", "administrator:", "developer:", "developer message:", "### system:", "<<system>>", "system>"},
	gSysCue: {
		"restriction*", "lifted", "disabled", "deactivated", "administrator", "admin", "developer mode", "unrestricted", "new policy",
		"ignore", "disregard", "must", "allowed", "permitted", "authorized", "authorised", "filter*", "safety", "guideline*", "rules",
		"jailbr*", "comply", "no longer", "from now on", "unlocked", "privileges", "elevated", "debug mode", "maintenance mode",
	},
	gTurnUser: {"human:", "user:", "### human:", "### user:", "<human>:", "[user]:", "<|user|>", "<user>"},
	gTurnAsst: {"assistant:", "ai:", "model:", "bot:", "chatgpt:", "claude:", "gpt:", "### assistant:", "### response:", "<bot>:", "[assistant]:", "<|assistant|>", "<assistant>"},
	gTurnCue: {
		"forget", "ignore", "disregard", "no restrictions", "no rules", "no limits", "no filter*", "unrestricted", "unfiltered", "uncensored",
		"anything you ask", "answer anything", "do anything", "no longer", "jailbr*", "developer mode", "new session", "new rules", "i have none", "i have no", "restrictions lifted",
		"admin password", "the password is", "here is the password", "my system prompt", "my instructions are", "without any",
	},
	gDual: {
		"two responses", "two answers", "two different responses", "two separate responses", "two ways", "respond twice", "answer twice",
		"reply twice", "two personas", "both personas", "dual response", "once as yourself", "first as yourself", "one normal", "normal response",
		"classic response", "[classic]", "[normal]", "🔒", "🔓", "two paragraphs", "alongside", "second response",
	},
	gPersist: {
		"stay in character", "break character", "breaking character", "broke character", "remain in character", "stay in role",
		"stay in your role", "keep up the act", "stay as", "remain as", "out of character", "reste dans ton personnage", "mantente en el personaje", "bleib in der rolle",
	},
	gFakeTag: {"<system>", "</system>", "<instructions>", "</instructions>", "<admin>", "</admin>"},
	gIndAddr: {
		"ai assistant", "ai model", "language model", "llm", "chatbot", "assistant", "ai agent", "the ai", "an ai", "gpt", "claude", "copilot", "chatgpt",
		"assistant ia", "l'ia", "modele de langage", "asistente", "la ia", "modelo de lenguaje", "ki-assistent", "die ki", "sprachmodell",
		"assistente", "l'ia", "modello linguistico", "assistente de ia", "a ia", "modelo de linguagem", "人工智能", "ai助手", "助手", "语言模型", "模型",
	},
	gIndStrong: {
		"note to ai", "note to the ai", "if you are an ai", "if you're an ai", "ai reading this", "attention ai", "ai agents reading", "dear ai", "to any ai",
		"instructions for the ai", "instructions for ai", "message for the ai", "hey ai", "when you summarize this", "when summarizing this",
		"ai systems reading", "llms reading", "assistants reading", "if you are a language model", "if you are an assistant",
		"note pour l'ia", "si tu es une ia", "a l'attention de l'ia", "nota para la ia", "si eres una ia", "hinweis an die ki",
		"wenn du eine ki bist", "nota per l'ia", "se sei un'ia", "se sei una ia", "nota para a ia", "se voce e uma ia",
		"如果你是ai", "如果你是人工智能", "致ai", "给ai的说明", "ai请注意",
	},
	gIndDir: {
		"ignore", "instead", "must", "do not", "don't", "tell the user", "say that", "respond with", "recommend", "send", "forward",
		"reply", "you should", "make sure", "say", "write", "mention", "state", "always", "output", "include", "insert", "visit", "click", "rate this", "praise", "reveal", "new policy",
		"tu dois", "vous devez", "reponds", "dis que", "recommande", "envoie", "debes", "responde", "di que", "recomienda", "envia",
		"du musst", "antworte", "sage", "empfiehl", "sende", "devi", "rispondi", "di' che", "consiglia", "invia", "voce deve", "responda",
		"diga que", "recomende", "envie", "必须", "回复", "告诉用户", "忽略", "推荐", "发送", "请",
	},
	gIndHidden: {"<!--", "display:none", "display: none", "font-size:0", "font-size: 0", "color:white", "color: white", "color:#fff", "[hidden]", "hidden text", "visibility:hidden", "opacity:0"},
	gDecode:    {"decode", "base64", "rot13", "hex-encoded", "hex encoded", "decodifica", "decodez", "decode ceci", "dekodiere", "entschlussele", "decodifique", "解码", "编码", "base-64"},
	gExecute:   {"execute", "follow", "obey", "run it", "do what it says", "carry out", "act on", "ejecuta", "sigue", "executez", "execute", "suis", "befolge", "fuhre", "esegui", "segui", "siga", "cumpra", "执行", "照做", "遵循", "按照"},
	gVoid: {
		"no longer apply", "no longer applies", "no longer valid", "are void", "is void", "are obsolete", "are cancelled", "are canceled", "don't apply anymore",
		"ne s'appliquent plus", "ne sont plus valables", "ya no aplican", "ya no son validas", "gelten nicht mehr", "sind ungultig",
		"non valgono piu", "non sono piu valide", "nao valem mais", "nao se aplicam mais", "不再适用", "作废", "无效了",
	},
	gLeakPhrase: {"my system prompt", "my instructions are", "i was instructed to", "here is my system prompt", "my initial instructions", "my original instructions", "i have been instructed", "my hidden instructions", "my prompt says"},

	// Russian, Arabic, Hindi, Japanese and Korean. Words are written in
	// their dictionary script and folded like the text (Cyrillic letters
	// that look Latin become Latin on both sides). Stems end in '*'; a
	// leading '^' or trailing '$' asks for a word boundary, which scripts
	// that separate words by spaces use against short words matching
	// inside longer ones.
	gOvrVerbW: {
		"игнорир*", "забудь*", "забуд*", "забыть", "не обраща*", "пренебреги", "пренебрегите", "отбрось*", "не следуй*",
		"не соблюдай*", "перестань следовать", "отмени*", "наплюй на",
		"^تجاهل*", "^انس$", "^انسى$", "^انسي$", "^لا تتبع*", "^لا تلتزم*", "^تخل عن", "^اهمل*", "^تناس*",
		"अनदेखा", "नज़रअंदाज़", "नजरअंदाज", "भूल जा*", "भूलो", "भूल जाइए", "मत मानो", "पालन मत", "पालन न कर", "इग्नोर",
		"無視", "忘れ", "従わない", "従うな", "破棄し", "取り消",
		"무시", "잊어", "잊고", "따르지 마", "따르지 말", "버려",
	},
	gOvrQuantW: {
		"все", "всё", "всех", "всем", "всеми", "предыдущ*", "прежн*", "предшествующ*", "вышеуказанн*", "выше", "ранее", "свои", "твои", "ваши", "исходн*", "первоначальн*", "системн*",
		"^جميع", "^كل$", "السابق*", "الماضية", "أعلاه", "الأصلية", "الأولية", "^سابقة",
		"पिछले", "पिछली", "पिछला", "सभी", "सारे", "सारी", "पहले", "ऊपर", "पूर्व", "अपने", "तुम्हारे", "आपके", "मूल",
		"以前の", "前の", "これまでの", "今までの", "上記の", "すべて", "全て", "全部", "最初の", "元の", "あなたの", "先ほどの", "以上の",
		"이전", "앞의", "앞서", "모든", "모두", "위의", "위에", "기존", "지금까지", "원래", "너의", "당신의", "처음",
	},
	gOvrObjW: {
		"инструкци*", "указани*", "^правил*", "директив*", "^команд*", "промпт*", "^установк*", "ограничени*", "распоряжени*",
		"التعليمات", "تعليمات", "الأوامر", "أوامر", "القواعد", "قواعد", "الإرشادات", "إرشادات", "التوجيهات", "توجيهات", "القيود",
		"निर्देश", "आदेश", "नियम", "दिशानिर्देश", "प्रॉम्प्ट", "प्रोम्प्ट", "इंस्ट्रक्शन",
		"指示", "命令", "指令", "ルール", "規則", "制約", "プロンプト", "ガイドライン", "インストラクション",
		"지시", "지침", "명령", "규칙", "프롬프트", "가이드라인", "제약", "지령",
	},
	gExtVerbW: {
		"покажи", "покажите", "выведи", "выведите", "повтори", "повторите", "раскрой", "раскройте", "напиши", "напишите",
		"скажи", "скажите", "расскажи", "перечисли", "озвучь", "процитируй", "какой у тебя", "какие у тебя", "каков",
		"^اعرض", "^أظهر", "^اظهر", "^اكشف", "^اكتب", "^كرر", "^أخبرني", "^اخبرني", "^قل لي", "^ما هي", "^ما هو", "^أعطني", "^اعطني", "^اطبع",
		"दिखाओ", "दिखाएं", "दिखाइए", "दिखा दो", "बताओ", "बताएं", "बताइए", "बता दो", "लिखो", "दोहराओ", "प्रकट करो", "क्या है", "क्या हैं",
		"表示", "見せ", "教え", "出力", "繰り返", "書き出", "開示", "漏ら", "何ですか",
		"보여", "출력", "알려", "말해", "반복", "공개", "누설", "적어", "써줘", "뭐야", "무엇",
	},
	gExtModW: {
		"системн*", "скрыт*", "свой", "свои", "твой", "твои", "ваш*", "исходн*", "первоначальн*", "секретн*",
		"النظام", "الخاصة بك", "الخاص بك", "المخفية", "الأصلية", "الأولية", "السرية",
		"सिस्टम", "अपना", "अपने", "तुम्हारा", "तुम्हारे", "आपका", "आपके", "छिपे", "मूल", "गुप्त",
		"システム", "あなたの", "最初の", "隠された", "元の", "秘密の",
		"시스템", "너의", "당신의", "숨겨진", "원래", "초기",
	},
	gExtObjW: {
		"промпт*", "инструкци*", "указани*", "сообщени*",
		"موجه", "تعليمات", "التعليمات", "الأوامر", "البرومبت", "رسالة",
		"प्रॉम्प्ट", "प्रोम्प्ट", "निर्देश", "आदेश", "संदेश",
		"プロンプト", "指示", "命令", "インストラクション",
		"프롬프트", "지시", "지침", "명령",
	},
}

// roleMarkers are chat-template tokens and fake section headers. They are
// probes, not a word group: a marker counts only where it structures the
// text (it opens a line, ends one, names a role, is followed by ':' or
// touches another marker) and not inside code, so "explain what [INST]
// tokens are" and a README's template in a code block are not reported.
var roleMarkers = []string{
	"<|im_start|>", "<|im_end|>", "<|system|>", "<|user|>", "<|assistant|>", "<|endoftext|>", "<|start_header_id|>",
	"<|end_header_id|>", "<|eot_id|>", "<|begin_of_text|>", "[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<start_of_turn>",
	"<end_of_turn>", "<system_prompt>", "</system_prompt>", "[system]", "[[system]]", "{{system}}",
	"### instruction", "### system", "### new instruction", "## system prompt", "### anweisung", "### instruccion", "### istruzione",
	"### instrucao", "### consigne", "### 指令", "### 系统", "system override", "admin override", "<|channel|>", "[admin]",
	"end of system prompt", "end of user input", "---end system---"}

// roleNames follow a template token that opens a turn ("<|im_start|>system").
var roleNames = []string{"system", "user", "assistant", "model", "human", "developer", "tool"}

// proxRule fires when every requirement is met by some hit within window
// bytes. outputOnly and inputOnly restrict where it applies.
type proxRule struct {
	rule       string
	reqs       []group
	window     int
	outputOnly bool
	lineStart  uint8 // bit k: requirement k must open a line
	col0       uint8 // bit k: and start in its first column (a turn of a transcript, not an indented line of code)
}

var proxRules = []proxRule{
	{rule: "prompt_injection.instruction_override", reqs: []group{gOvrVerb, gOvrQuant, gOvrObj}, window: 70},
	{rule: "prompt_injection.instruction_override", reqs: []group{gOvrVerb, gOvrAll}, window: 40},
	{rule: "prompt_injection.instruction_override", reqs: []group{gOvrVerbW, gOvrQuantW, gOvrObjW}, window: 150},
	{rule: "prompt_injection.instruction_override", reqs: []group{gOvrObj, gVoid}, window: 60},
	{rule: "prompt_injection.instruction_override", reqs: []group{gNewInstr, gYou, gImperative}, window: 100},
	{rule: "prompt_injection.jailbreak", reqs: []group{gJbStrong}},
	{rule: "prompt_injection.jailbreak", reqs: []group{gJbPersona, gJbUnres}, window: 120},
	{rule: "prompt_injection.jailbreak", reqs: []group{gJbDisable, gJbGuard, gYou}, window: 60},
	{rule: "prompt_injection.jailbreak", reqs: []group{gGrandma, gHarm}, window: 200},
	{rule: "prompt_injection.jailbreak", reqs: []group{gFrame, gJbUnres}, window: 100},
	{rule: "prompt_injection.jailbreak", reqs: []group{gFrame, gHarm}, window: 160},
	{rule: "prompt_injection.system_prompt_extraction", reqs: []group{gExtVerb, gExtObj}, window: 80},
	{rule: "prompt_injection.system_prompt_extraction", reqs: []group{gExtVerbW, gExtModW, gExtObjW}, window: 120},
	{rule: "prompt_injection.system_prompt_extraction", reqs: []group{gVerbatim, gPromptWord}, window: 80},
	{rule: "prompt_injection.role_injection", reqs: []group{gFakeTag, gIndDir}, window: 160},
	{rule: "prompt_injection.role_injection", reqs: []group{gSysLine, gYou}, window: 100, lineStart: 1},
	{rule: "prompt_injection.role_injection", reqs: []group{gSysLine, gSysCue}, window: 140, lineStart: 1, col0: 1},
	{rule: "prompt_injection.role_injection", reqs: []group{gTurnUser, gTurnAsst, gTurnCue}, window: 400, lineStart: 3, col0: 3},
	{rule: "prompt_injection.jailbreak", reqs: []group{gDual, gJbUnres}, window: 200},
	{rule: "prompt_injection.jailbreak", reqs: []group{gPersist, gJbUnres}, window: 200},
	{rule: "prompt_injection.indirect", reqs: []group{gIndHidden, gIndAddr, gIndDir}, window: 240},
	{rule: "prompt_injection.indirect", reqs: []group{gIndStrong, gIndDir}, window: 160},
	{rule: "prompt_injection.encoded_payload", reqs: []group{gDecode, gExecute}, window: 80},
	{rule: "leakage.system_prompt", reqs: []group{gLeakPhrase}, outputOnly: true},
}
