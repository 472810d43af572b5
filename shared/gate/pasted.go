package gate

import "strings"

// Pasted data inside an input (decision 150, third round). A user who asks
// about an e-mail, a table, a page or a piece of code usually pastes it into
// the input after the question ("Summarise this e-mail:\n\nFrom: …"), not
// into documents. The rules for untrusted text (the assistant addressed
// inside data, insertions into its answer) then apply to the pasted part:
// the user may say "AI, answer in French" in their own words, but an e-mail
// that addresses the assistant is an injection wherever it was posted.

// pastedDataStart returns the offset at which an input's pasted data
// begins, or -1 when it carries none. The input must open with a request
// about data: a short first line that introduces it (ending in ':' and
// naming or pointing at it: "Summarise this e-mail for me:", "Fasse diese
// E-Mail zusammen:", "Summarize:"), or asks about a carrier it points at
// ("What does this README tell me to do?", "here's the page I scraped,
// answer: …"). The data is everything after that line. A text that opens
// otherwise (a persona prompt: "You are …", "Act as …", a title) carries
// no pasted data: it speaks to the assistant in its own words.
func pastedDataStart(s string) int {
	at := 0
	for at < len(s) && (s[at] == ' ' || s[at] == '\t' || s[at] == '\n' || s[at] == '\r') {
		at++
	}
	nl := strings.IndexByte(s[at:], '\n')
	if nl < 0 {
		return -1
	}
	line := strings.TrimSpace(s[at : at+nl])
	if documentOpening(line) {
		return at // the input is itself a pasted document: an e-mail, a page, a table, code
	}
	if len(line) < 4 || len(line) > 200 {
		return -1
	}
	var buf [200]byte
	lower := appendLower(buf[:0], line)
	for _, p := range personaMarkers {
		if strings.Contains(lower, p) {
			return -1
		}
	}
	carrier, deictic := hasAnyWord(lower, carriers), hasAnyWord(lower, deictics)
	switch {
	case strings.HasSuffix(line, ":"):
		if !carrier && !deictic && !hasAnyWord(lower, dataVerbs) {
			return -1
		}
	case strings.HasSuffix(line, "?"):
		if !carrier || !deictic {
			return -1
		}
	default:
		// "Answer the question using only the context below."
		if !carrier || !deictic {
			return -1
		}
	}
	rest := at + nl + 1
	for rest < len(s) && (s[rest] == ' ' || s[rest] == '\t' || s[rest] == '\n' || s[rest] == '\r') {
		rest++
	}
	if rest == len(s) {
		return -1
	}
	return rest
}

// personaMarkers mark a prompt that speaks to the assistant in its own
// words: it may name "the following text" without pasting one.
var personaMarkers = []string{
	"you are", "you're", "act as", "i want you", "i need you", "pretend", "your role", "your task", "you will",
	"let's play", "lets play", "play a game", "role:", "rules:", "instructions:", "system:", "persona:", "prompt:",
	"your output", "your response", "your answer", "our dialog", "our conversation", "this conversation", "this chat",
}

// dataVerbs ask for work on data ("Summarize:", "Fasse zusammen:").
var dataVerbs = []string{
	"summarise", "summarize", "summarize this", "translate", "explain", "review", "proofread", "tl;dr", "tldr",
	"classify", "extract", "analyse", "analyze", "resume", "resumen", "resume", "zusammen", "fasse", "ubersetze",
	"resumez", "traduis", "traduce", "riassumi", "traduci", "vat", "samen", "podsumuj", "stresc", "ozetle",
}

// carriers name what a user pastes (accents are folded in the view the
// rules read).
var carriers = []string{
	"email", "e-mail", "mail", "message", "context", "page", "article", "text", "table", "csv", "code", "review", "reviews",
	"document", "doc", "transcript", "notes", "post", "thread", "ticket", "log", "file", "listing", "resume", "cv",
	"invoice", "newsletter", "readme", "diff", "snippet", "sms", "tweet", "chat", "invite", "pdf", "manual", "report",
	"survey", "answers", "description", "comment", "comments", "letter", "section", "paragraph", "function", "yaml",
	"json", "spreadsheet", "export", "website", "site", "issue", "pr", "blog", "forum",
	"correo", "pagina", "tabla", "texto", "articulo", "resena", "mensaje", "seite", "tabelle", "artikel", "nachricht",
	"rechnung", "courriel", "tableau", "texte", "avis", "tabella", "testo", "recensione", "messaggio", "tekst", "bericht",
	"tabel", "artykul", "wiadomosc", "wiadomosci", "tabela", "strona", "maila", "письмо", "страницу", "текст", "таблицу",
	"статью", "отзыв", "メール", "ページ", "記事", "이메일", "페이지", "邮件", "页面", "文章",
}

// deictics point at something the user shows.
var deictics = []string{
	"this", "these", "following", "below", "here", "here's", "attached", "pasted", "copied", "sent me", "got this",
	"diese", "dieser", "diesen", "folgende", "cet", "cette", "ce", "ces", "suivant", "este", "esta", "estos", "siguiente",
	"questa", "questo", "seguente", "deze", "dit", "tego", "ten", "te", "ta", "это", "этот", "эту", "この", "이", "这",
}

// hasAnyWord reports whether lower contains one of words as a whole word.
func hasAnyWord(lower string, words []string) bool {
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			j += i
			if (j == 0 || !isAlnum(lower[j-1])) && (j+len(w) == len(lower) || !isAlnum(lower[j+len(w)])) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// addressAt reports whether the name of an assistant at s[start:end]
// heads an address to it: it opens its clause (after at most a few words
// such as "Note to any", "Seller note to shopping") and the address ends
// on its line with ':', ',', ']', ')' or a dash, after at most a short
// description ("AI assistant summarising reviews:", "the AI taking notes]",
// "LLM agents working on this repository:").
func addressAt(s string, start, end int) bool {
	// Before: the line start, then markup, then at most five short words.
	if start > 0 && (isAlnum(s[start-1]) || strings.IndexByte("-_./", s[start-1]) >= 0) {
		return false // inside a token: a URL, a path, an identifier
	}
	words := 0
	for i := start; i > 0 && s[i-1] != '\n'; i-- {
		c := s[i-1]
		switch {
		case c == '.' || c == '!' || c == '?' || c == ';':
			if i-1 > 0 && isAlnum(s[i-2]) && c != ';' && i-1-lineStartOf(s, i-1) <= 4 {
				continue // "P.S." or "PS." opening the line
			}
			if s[i] != ' ' {
				return false // inside a token: "www.example.com/…"
			}
			// Another sentence before it on the line: the address opens
			// the next one ("Loved it! Also, to whatever AI reads this:").
			i = 0
		case c == ',':
		case c == ' ' && i > 1 && isAlnum(s[i-2]):
			if words++; words > 5 {
				return false
			}
		}
	}
	// After: the address ends soon, on the same line, after a few words
	// only (code has symbols there: "llm = llms[…]", "llm(self, …)"; a
	// sentence about the assistant runs on: "The AI responds according to
	// the player's action, …"). A comma or a dash ends an address right
	// after the name ("Assistant, …", "ChatGPT/Claude/Gemini, please"); a
	// colon or a closing bracket after a short description ("… summarising
	// reviews:", "… taking notes]").
	words = 0
	for j := end; j < len(s) && j < end+80; j++ {
		switch c := s[j]; {
		case c == ',':
			return words == 0
		case c == ']' || c == ')':
			return words <= 6
		case c == ':':
			// "AI:" then the instruction on its line; "if not llm:" then
			// a block of code on the next.
			return words <= 6 && j+2 < len(s) && s[j+1] == ' ' && s[j+2] != ' ' && s[j+2] != '\n'
		case c == '-':
			if j+1 < len(s) && s[j+1] == ' ' && s[j-1] == ' ' {
				return words <= 1
			}
		case c == ' ':
			if j+1 < len(s) && isAlnum(s[j+1]) {
				if words++; finiteVerb(s[j+1:]) && !progressive(s[j+1:]) {
					return false // "The AI assistant in this app is great:"
				}
			}
		case isAlnum(c) || c >= 0x80 || c == '\'' || c == '/' || c == '@':
		default:
			return false
		}
	}
	return false
}

func lineStartOf(s string, i int) int {
	for i > 0 && s[i-1] != '\n' {
		i--
	}
	return i
}

// finiteVerb reports whether s starts with a verb that makes the words
// before it a sentence about the assistant, not an address to it.
func finiteVerb(s string) bool {
	for _, v := range []string{"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "does", "did", "seems", "looks", "should", "must", "may"} {
		if len(s) >= len(v) && strings.EqualFold(s[:len(v)], v) && (len(s) == len(v) || !isAlnum(s[len(v)])) {
			return true
		}
	}
	return false
}

// progressive reports whether the verb at the start of s is followed by
// an -ing form ("is reading this for you:"), which describes the one
// addressed rather than saying something of it.
func progressive(s string) bool {
	i := 0
	for i < len(s) && isAlnum(s[i]) {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) && isAlnum(s[j]) {
		j++
	}
	return j-i > 4 && strings.EqualFold(s[j-3:j], "ing")
}

// appendLower appends s to b with ASCII letters lowered, without the
// allocation of strings.ToLower: the request line is read once per input
// that some rule for data could match in.
func appendLower(b []byte, s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return bytesToString(b)
}

// documentOpening reports whether an input's first line can only open a
// document: an e-mail header, markup, a code fence, a table row or a
// calendar entry. Such an input is data as a whole.
func documentOpening(line string) bool {
	if line == "" {
		return false
	}
	switch line[0] {
	case '|':
		return strings.Count(line, "|") >= 3
	case '<':
		return len(line) > 1 && (line[1] == '!' || line[1] >= 'a' && line[1] <= 'z' || line[1] >= 'A' && line[1] <= 'Z')
	}
	for _, p := range documentOpeners {
		if len(line) >= len(p) && strings.EqualFold(line[:len(p)], p) {
			return true
		}
	}
	return false
}

var documentOpeners = []string{
	"```", "~~~", "from:", "subject:", "date:", "to:", "cc:", "re:", "fwd:", "begin:vcalendar", "begin:vevent",
	"betreff:", "objet :", "objet:", "asunto:", "assunto:", "oggetto:", "temat:", "onderwerp:", "тема:", "件名",
}
