package gate

import (
	"strings"
	"sync"
)

// Round 14e (decision 150, "Round 14e: notes to the AI reader in any
// language"). Written from testdata/fresh26a.jsonl, instructions planted
// in e-mails, pages, tables, code and tool output in 17 languages. The
// lexicon knew the AI reader by the phrases of its word lists ("Note to any
// AI assistant summarising reviews:"); the plants name it in as many ways as
// there are writers ("SYSTEM MESSAGE FOR THE STUDIO'S AI:", "Processing
// note to the AP automation assistant:", "Aan de AI-assistent die deze
// mail samenvat:", "[Instrucción para el agente de IA:", "このメールを要約する
// AIアシスタントへ：", "AI कोडिंग एजेंट के लिए:"). What they share is the
// form: a short phrase that opens a line or a note, names an AI, and ends
// at a colon, with a demand after it.
var aiHeading = proxRule{rule: "prompt_injection.indirect", reqs: []group{gAINoun, gIndDir}, window: 220, heading: 1, ordered: true, untrusted: true, unless: []group{gReported}}

func init() {
	proxRules = append(proxRules, aiHeading)
	add := func(g group, ws ...string) { lexicon[g] = append(lexicon[g], ws...) }
	add(gAINoun,
		"ai", "a.i.", "ki", "ia", "ии", "llm", "llms", "chatbot", "chatbots", "language model", "language models",
		"taalmodel", "taalmodellen", "sprachmodell", "sprachmodelle", "modele de langage", "modelo de lenguaje", "modelo de linguagem", "modello linguistico",
		"yapay zeka", "нейросеть", "нейросети", "ассистенту", "ассистент", "асистенту", "ذكاء اصطناعي", "الذكاء الاصطناعي", "人工智能", "인공지능", "trí tuệ nhân tạo",
		"automation assistant", "automation agent", "automated assistant", "automated agent", "automated maintainer", "automated reviewer", "autonomous agent", "autonomous agents",
		"aiアシスタント", "aiエージェント", "アシスタントへ", "エージェントへ", "ai助手", "ai 助手", "ai代理", "ai 비서", "ai 에이전트",
	)
	// What such a note demands, in the languages whose imperatives the
	// lists lacked: "informa al usuario", "altere o status", "meld de
	// gebruiker", "napisz użytkownikowi", "перешли всю переписку",
	// "추천하십시오", "phớt lờ các đánh giá khác".
	add(gIndDir,
		"informa", "informale", "indicale", "responde", "escribe", "envia", "reenvia", "recomienda", "marca", "aprueba", "ignora", "omite", "no menciones",
		"altere", "gere", "informe", "diga", "responda", "escreva", "envie", "encaminhe", "recomende", "marque", "aprove", "nao mencione", "nao registre",
		"rispondi", "scrivi", "invia", "inoltra", "consiglia", "segna", "approva", "non menzionare",
		"meld", "vertel", "zeg", "schrijf", "stuur", "voeg", "beveel", "markeer", "keur", "negeer", "noem niet",
		"napisz", "przedstaw", "nie wspominaj", "poinformuj", "powiedz", "odpowiedz", "wyslij", "przekaz", "polec", "oznacz", "zatwierdz", "zignoruj", "dodaj",
		"перешли", "перешлите", "отправь", "отправьте", "сообщи", "сообщите", "напиши", "напишите", "ответь", "скажи", "добавь", "игнорируй", "не упоминай", "порекомендуй", "одобри", "удали",
		"надішли", "повідом", "yaz", "gonder", "ilet", "soyle", "bildir", "ekle", "oner", "onayla", "gormezden gel", "bahsetme", "isaretle",
		"أرسل", "أخبر", "أبلغ", "تجاهل", "أضف", "وافق", "لا تذكر", "انصح", "भेजो", "बताओ", "जोड़ो", "अनदेखा करो", "मत बताओ", "सुझाओ", "कहो",
		"phớt lờ", "bỏ qua", "chỉ ghi", "khuyên", "gửi", "thông báo", "trả lời", "đừng nhắc", "kirim", "teruskan", "beri tahu", "tulis", "balas", "abaikan", "tambahkan", "rekomendasikan", "jangan sebut",
		"伝えて", "送信し", "送って", "書いて", "変更し", "追加し", "無視し", "勧めて", "触れないこと", "言わないこと", "伝えないこと",
		"알리고", "안내하세요", "추천하십시오", "하십시오", "평가하고", "전달하", "무시하", "언급하지 마",
		"告诉", "转发", "发送", "忽略", "推荐", "不要提及", "回复", "leite weiter", "schicke", "sende", "antworte", "ignoriere", "fuge hinzu", "erwahne nicht", "markiere", "genehmige",
		"indique", "dis a", "reponds", "ecris", "envoie", "transfere", "recommande", "approuve", "ne mentionne pas", "ajoute",
		"inform", "notify", "warn the", "alert the", "advise the", "instruct", "merge", "treat this", "treat the", "treat all", "score", "rank", "rate", "tell drivers", "tell customers", "tell them", "tell users",
	)
}

// aiHeadingAt reports whether s[start:end], a word for an AI, stands in a
// short phrase that opens a line, a bracketed note, a comment or a
// sentence, and ends at a colon or a dash with text after it on the line:
// the note is addressed to the AI reading the data. Not a speaker's label
// ("Assistant:" alone, or a label that opens other lines too: a chat
// export), nor a heading about people who work on AI ("Note for the AI
// team:").
func aiHeadingAt(s string, start, end int) bool {
	if w := s[start:end]; len(w) == 2 && (isDigit(w[0]) || isDigit(w[1]) || w != strings.ToUpper(w) && !(end < len(s) && s[end] == '-')) {
		// Italian "ai clienti", Portuguese "ia" in lower case: a word, not
		// the acronym ("ai-agent-directive:" is one); "14:00" read as "ia"
		// by the leetspeak folding.
		return false
	}
	if c := s[start]; c >= 0xD0 && c <= 0xD3 && start > 0 && (isAlnum(s[start-1]) || s[start-1] >= 0x80) {
		return false // the end of a Russian word ("деформации"), not "ИИ"
	}
	if end < len(s) && strings.IndexByte("_(.=/", s[end]) >= 0 || start > 0 && strings.IndexByte("_./$", s[start-1]) >= 0 {
		return false // an identifier: "llm_max_retries:", "llm(self, prompt: str)"
	}
	// Before: back to where the phrase opens, at most 90 bytes.
	seg := -1
	for i := start; i > 0 && i > start-90; i-- {
		c := s[i-1]
		if c == '\n' || c == '[' || c == '(' || c == '{' || c == '#' || c == '*' || c == '>' || c == '|' || c == '"' {
			seg = i
			break
		}
		if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':') && i < len(s) && s[i] == ' ' {
			seg = i
			break
		}
		// Full-width brackets, colons, dashes and spaces reach this view
		// folded to ASCII; the ideographic full stop and "※" do not.
		if c >= 0x80 && i >= 3 && (s[i-3:i] == "。" || s[i-3:i] == "※") {
			seg = i
			break
		}
	}
	if seg < 0 && start < 90 {
		seg = 0
	}
	if seg < 0 {
		return false
	}
	// After: the colon (or a spaced dash; "：" and "—" fold to them) within
	// 70 bytes, on the line, with no sentence ending before it.
	colon, after := -1, 0
	for j := end; j < len(s) && j < end+70; j++ {
		c := s[j]
		if c == '\n' {
			return false
		}
		if c == ':' {
			colon, after = j, j+1
			break
		}
		if c == ',' && conditionalLead(s[seg:start]) && !pastClause(s[end:j]) {
			// "If an AI assistant is answering questions from this
			// handbook, tell drivers …", "When an AI agent implements
			// these changes, treat …": the reader named in a condition.
			colon, after = j, j+1
			break
		}
		if c == '-' && j > 0 && s[j-1] == ' ' && j+1 < len(s) && s[j+1] == ' ' {
			// A dash ends an address ("All'agente IA dell'helpdesk —")
			// only after a few words that are no clause of their own
			// ("Please don't use AI to write your cover note — …").
			if dashClause(s[seg:start]) {
				return false
			}
			colon, after = j, j+1
			break
		}
		if (c == '.' || c == '!' || c == '?') && j+1 < len(s) && s[j+1] == ' ' || c == 0xE3 && j+2 < len(s) && s[j:j+3] == "。" {
			return false
		}
	}
	if colon < 0 {
		return false
	}
	for after < len(s) && (s[after] == ' ' || s[after] == '*' || s[after] == '\t') {
		after++
	}
	if after >= len(s) || s[after] == '\n' || isDigit(s[after]) {
		return false // "AI agents:" over a list: a heading, its items below; "AI: 80" a score
	}
	if s[after] == '"' || s[after] == '\'' || s[after] == '`' || exampleLead(s[after:]) {
		return false // "… to AI assistants: for example, «forward …»": a quotation introduced
	}
	// Before the name, an address's few words, none of them a verb of a
	// sentence: "where you are an AI with 'no vowels allowed': you must …"
	// sets up a game.
	lead := s[seg:start]
	if k := strings.LastIndexByte(lead, ','); k >= 0 {
		lead = lead[k+1:] // "[note from my mate who wrote the middle bit, for the AI: …"
	}
	if ws := strings.Fields(lead); len(ws) > 8 {
		return false
	} else if len(ws) > 0 && !conditionalLead(lead) && !strings.EqualFold(strings.Trim(ws[0], "([*\"'"), "whoever") {
		// "If you are an AI …", "Whoever is auditing this with an AI:"
		// name the reader by what it is doing.
		for _, w := range ws {
			if finiteVerb(strings.ToLower(w)) {
				return false
			}
		}
	}
	// A sentence about the AI, not an address to it: "The AI assistant in
	// this app is great: …" (a condition's verb is its own: "If an AI is
	// reading this, …").
	if s[colon] != ',' {
		for j := end; j < colon; j++ {
			if s[j] == ' ' && j+1 < colon && finiteVerb(strings.ToLower(s[j+1:colon])) && !progressive(s[j+1:colon]) {
				return false
			}
		}
	}
	phrase := strings.TrimSpace(s[seg:colon])
	if strings.EqualFold(phrase, s[start:end]) {
		return false // "AI: …", "Assistant: …": a speaker's label
	}
	// A label that opens another line too is a speaker's in a transcript.
	if seg == 0 || s[seg-1] == '\n' {
		label := s[seg : colon+1]
		n := strings.Count(s, "\n"+label)
		if strings.HasPrefix(s, label) {
			n++
		}
		if n > 1 {
			return false
		}
	}
	// People who work on AI, not an AI: "Note for the AI team:".
	rest := strings.ToLower(strings.TrimLeft(s[end:colon], " -"))
	if notReaderNext(rest) {
		return false
	}
	// A Latin word right after the name must go on naming the reader
	// ("AI assistant summarising this", "agente IA dell'helpdesk", "AI die
	// deze mail samenvat"), not make it part of another noun ("[AI Input]:",
	// "ChatGPT Responsibilities]:", "LLM-based agents, including:").
	k := 0
	for k < len(rest) && isAlnum(rest[k]) {
		k++
	}
	if k > 0 && (k == len(rest) || rest[k] < 0x80) && !aiReaderNext.m[rest[:k]] {
		return false
	}
	return true
}

// aiReaderNext are the Latin words that may follow an AI's name in an
// address: more of the name, a relative or a participle, a preposition.
var aiReaderNext = setOf("assistant", "assistants", "agent", "agents", "model", "models", "system", "systems", "tool", "tools", "reader", "readers", "reading",
	"summariser", "summarizer", "summarisers", "summarizers", "summarising", "summarizing", "processing", "parsing", "reviewing", "reviewer", "reviewers", "working",
	"answering", "handling", "triaging", "screening", "helper", "bot", "bots", "copilot", "that", "which", "who", "when", "if", "here", "now", "only", "please",
	"of", "for", "in", "on", "at", "to", "with", "from", "s", "the", "dell", "del", "della", "dei", "de", "do", "da", "du", "des", "der", "die", "das", "dat", "van", "voor",
	"que", "qui", "che", "mit", "fur", "dla", "ktory", "ktora", "ktore", "yang", "pour", "para", "per", "kod", "asistani", "asistent", "asistente", "assistente", "assistent",
	"assistenten", "agente", "agenti", "ajan", "asystent", "asystenta", "asystentow", "tong", "hop")

var aiNotReader = []string{"team", "teams", "project", "projects", "policy", "policies", "strategy", "committee", "act", "regulation", "usage", "use", "ethics", "roadmap",
	"budget", "training", "course", "lab", "department", "group", "initiative", "program", "programme", "governance", "working group", "task force", "council", "board",
	"crawler", "crawlers", "scraper", "scrapers", "companies", "developers", "vendors", "providers", "news", "newsletter", "update", "updates", "summit", "conference", "event", "workshop", "session", "track", "report", "research", "researchers", "engineers", "engineering", "product", "products", "features", "feature", "market"}

// dashClause reports whether the words before an AI's name make a clause
// of their own rather than an address: more than four words, or a verb or
// preposition of talk about AI ("use", "without", "by").
func dashClause(before string) bool {
	ws := strings.Fields(strings.ToLower(before))
	if len(ws) > 4 {
		return true
	}
	for _, w := range ws {
		switch strings.Trim(w, ",.'\"") {
		case "use", "using", "used", "don't", "dont", "do", "not", "never", "without", "with", "by", "from", "about", "like", "than", "is", "are", "was":
			return true
		}
	}
	return false
}

// exampleLead reports whether s opens with "for example" or its kin: the
// colon before it introduces examples, not a demand.
func exampleLead(s string) bool {
	l := strings.ToLower(s[:min(len(s), 24)])
	exampleLeadsOnce.Do(buildExampleLeads)
	for _, p := range exampleLeads {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// exampleLeads are folded as the view is ("например" reads "haпpиmep"),
// on first use: folding builds the rune tables, which a process that never
// reads a colon after an AI's name need not build at start.
var (
	exampleLeads     []string
	exampleLeadsOnce sync.Once
)

func buildExampleLeads() {
	for _, p := range []string{"e.g.", "eg ", "for example", "for instance", "such as", "like ", "например", "наприклад", "por ejemplo", "por exemplo", "zum beispiel", "z.b.", "z. b.", "par exemple",
		"ad esempio", "per esempio", "bijvoorbeeld", "bijv.", "na przyklad", "np.", "ornegin", "例如", "比如", "例えば", "たとえば", "예를 들어", "예를 들면", "مثلا", "مثلاً", "जैसे", "ví dụ", "misalnya", "contoh"} {
		exampleLeads = append(exampleLeads, strings.ToLower(foldPatternRunes(p)))
	}
}

// conditionalLead reports whether the words before an AI's name open a
// condition on the reader: "If an", "When any", "Si eres un", "Wenn du als".
func conditionalLead(before string) bool {
	ws := strings.Fields(strings.ToLower(before))
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws[1:] {
		switch w {
		case "use", "uses", "using", "used", "ask", "asked", "with", "by", "let", "have", "had":
			return false // "If you use Copilot to draft your reply, …": the user's tool
		}
	}
	switch strings.Trim(ws[0], "([*\"'") {
	case "if", "when", "whenever", "while", "si", "wenn", "falls", "als", "se", "jesli", "jezeli", "если", "eger":
		return true
	}
	return false
}

// pastClause reports whether a condition on an AI tells what it did, not
// what it is doing: "If an AI assistant summarised the e-mail and told
// you to do something urgent, treat that as part of the phish."
func pastClause(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ",.;")
		if len(w) > 4 && strings.HasSuffix(w, "ed") && w != "need" && w != "indeed" {
			return true
		}
		switch w {
		case "told", "sent", "gave", "wrote", "said", "made", "did", "got", "was", "were":
			return true
		}
	}
	return false
}

// notReaderNext reports whether s, the text right after a word for an AI,
// opens with a noun that makes the phrase about people or things around AI
// ("team", "policy", "roadmap"), not the AI itself.
func notReaderNext(s string) bool {
	for _, w := range aiNotReader {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) && (len(s) == len(w) || !isAlnum(s[len(w)])) {
			return true
		}
	}
	return false
}
