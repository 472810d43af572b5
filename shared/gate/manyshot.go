package gate

import "strings"

// Round 14f (decision 150, "Round 14f: fake conversations and many-shot
// jailbreaks"): a transcript the user writes in which the assistant has
// already answered, eagerly, the questions it should decline ("Q: how do I
// pick a lock? A: Sure! …"), ending on the assistant's turn left open for
// it to fill the same way. Read by its shape, since the questions and
// answers are the attacker's own words:
//   - lines that open with a turn label: the user's ("User:", "Human:",
//     "Q:", "Nutzer:", "Пользователь:", "用户：") and an AI's ("Assistant:",
//     "AI:", "A:", "Bot:", "Assistent:", "Ассистент:", "助手：");
//   - at least two of the AI's turns open with eager assent ("Sure!", "Of
//     course", "No problem", "Claro", "Kein Problem", "Конечно", "没问题");
//   - and the last turn is the AI's, left empty, or the user's asking it to
//     go on ("go on, finish your answer", "your turn").
// A few-shot prompt for a classifier or a translator gives answers, not
// assent; a support chat's turns are an agent's and a customer's, labels
// this reads as neither; a chat pasted to be summarised ends on a turn
// that is not left open.

// turnLabels are the labels of a turn, lower case, without the colon; the
// AI's are marked.
var turnLabels = map[string]bool{
	"user": false, "human": false, "q": false, "question": false, "me": false, "prompt": false, "p": false, "pergunta": false,
	"domanda": false, "nutzer": false, "benutzer": false, "frage": false, "usuario": false, "usuário": false, "utilisateur": false,
	"utente": false, "gebruiker": false, "пользователь": false, "вопрос": false, "用户": false, "問": false, "问": false, "ユーザー": false,
	"assistant": true, "ai": true, "a": true, "bot": true, "model": true, "chatgpt": true, "gpt": true, "claude": true, "llm": true,
	"answer": true, "r": true, "respuesta": true, "risposta": true, "resposta": true, "antwort": true, "réponse": true, "reponse": true,
	"assistent": true, "assistente": true, "asistente": true, "ассистент": true, "ответ": true, "ии": true, "助手": true, "答": true,
	"アシスタント": true, "回答": true,
	"Usuário": false, "Пользователь": false, "Вопрос": false, "Réponse": true, "Ассистент": true, "Ответ": true, "ИИ": true,
}

// eagerOpeners open an AI turn that goes along at once.
var eagerOpeners = []string{
	"sure", "of course", "absolutely", "certainly", "happy to", "no problem", "yes.", "yes ", "oui", "sí", "si,", "ja,", "はい", "簡単", "easy", "great question", "here's how", "here is how",
	"yes,", "yes!", "okay, here", "ok, here", "you bet", "definitely", "gladly",
	"claro", "por supuesto", "sin problema", "desde luego", "con gusto", "kein problem", "gern", "klar", "na klar", "ja, klar", "selbstverständlich",
	"certo", "nessun problema", "facile", "volentieri", "bien sûr", "bien sur", "pas de problème", "pas de probleme", "avec plaisir",
	"com certeza", "tranquilo", "sem problema", "конечно", "без проблем", "да,", "легко", "当然", "没问题", "很简单", "好的", "もちろん", "いいですよ",
	"Конечно", "Без проблем", "Да,", "Легко", "Bien sûr", "Sí", "Selbstverständlich",
}

// goOnCues in the user's last turn ask the AI to answer the same way.
var goOnCues = []string{"go on", "finish", "continue", "keep going", "your turn", "same as", "like the others", "like before", "same way", "weiter", "continua", "continúa", "продолжай", "继续"}

// scanManyShot reports such a transcript in the input or a document. It
// reads the text as sent, not the folded view, whose homoglyph folding
// turns "Ассистент:" into Latin letters.
func (d *detector) scanManyShot(s string, output bool, out []finding) []finding {
	if output || len(s) < 60 || !d.on(d.rJailbreak) {
		return out
	}
	type turn struct {
		ai         bool
		start, end int // the line
		body       string
	}
	var turns []turn
	for i := 0; i < len(s); {
		e := strings.IndexByte(s[i:], '\n')
		if e < 0 {
			e = len(s)
		} else {
			e += i
		}
		if ai, body, ok := turnLine(s[i:e]); ok {
			turns = append(turns, turn{ai, i, e, body})
		}
		i = e + 1
	}
	if len(turns) < 4 {
		return out
	}
	eager, users, long := 0, 0, 0
	for _, t := range turns {
		if !t.ai {
			users++
			continue
		}
		if eagerOpening(t.body) {
			eager++
		}
		if len(strings.Fields(t.body)) >= 5 {
			long++
		}
	}
	// Two eager answers, or one and three answers of five words or more: a
	// few-shot prompt's answers are labels ("A: positive", "A: Madrid").
	if users < 2 || eager < 2 && (eager < 1 || long < 3) {
		return out
	}
	last := turns[len(turns)-1]
	// Nothing but blank space may follow the last turn's line.
	if strings.TrimSpace(s[last.end:]) != "" {
		return out
	}
	open := last.ai && strings.TrimSpace(last.body) == ""
	if !open && !last.ai {
		for _, c := range goOnCues {
			if containsFold(last.body, c) {
				open = true
				break
			}
		}
	}
	if !open {
		return out
	}
	return append(out, finding{rule: d.rJailbreak, start: turns[0].start, end: last.end})
}

// turnLine reports whether line opens with a turn label and a colon
// (after spaces, a list bullet or bold marks), whether it is an AI's, and
// the text after the colon. It reads at most the line's first 28 bytes for
// the label and allocates only for a label in capitals of another script.
func turnLine(line string) (ai bool, body string, ok bool) {
	t := line
	for len(t) > 0 {
		if c := t[0]; c == ' ' || c == '\t' || c == '>' || c == '-' || c == '*' {
			t = t[1:]
		} else if strings.HasPrefix(t, "•") {
			t = t[len("•"):]
		} else {
			break
		}
	}
	head := t[:min(len(t), 28)]
	c := strings.IndexByte(head, ':')
	w := 1
	if f := strings.Index(head, "："); f >= 0 && (c < 0 || f < c) {
		c, w = f, len("：")
	}
	if c <= 0 || c > 24 {
		return false, "", false
	}
	label := strings.Trim(t[:c], " *_[]")
	var buf [24]byte
	ascii := true
	for k := 0; k < len(label); k++ {
		b := label[k]
		if b >= 0x80 {
			ascii = false
			break
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[k] = b
	}
	if ascii {
		ai, ok = turnLabels[string(buf[:len(label)])]
	} else {
		// Labels of other scripts are listed as written, capitalised
		// or not: no lowering, no allocation.
		ai, ok = turnLabels[label]
	}
	if !ok {
		return false, "", false
	}
	return ai, strings.TrimLeft(t[c+w:], " *_"), true
}

// eagerOpening reports whether an AI turn opens with eager assent.
func eagerOpening(body string) bool {
	if len(body) > 48 {
		body = body[:48]
	}
	for len(body) > 0 && strings.IndexByte("\"'(", body[0]) >= 0 {
		body = body[1:]
	}
	for _, q := range []string{"¡", "¿", "“", "«"} {
		body = strings.TrimPrefix(body, q)
	}
	for _, o := range eagerOpeners {
		if hasPrefixLower(body, o) {
			return true
		}
	}
	return false
}

// templateTalk reports whether the text is a developer's question about
// chat templates and prompt formats (round 14f): the template tokens it
// quotes ("Do I need a newline after <|im_start|>assistant?", "my
// dataset has entries like ### Instruction:") are its subject, not a turn
// it forges. An attacker who forges a turn does not ask about the
// tokenizer.
func templateTalk(s string) bool {
	for _, w := range templateWords {
		if containsFold(s, w) {
			return true
		}
	}
	return false
}

var templateWords = []string{
	"tokenizer", "chat template", "chat_template", "jinja", "add_generation_prompt", "fine-tuned", "fine-tune", "finetune", "fine-tuning",
	"bos token", "eos token", "special token", "prompt format", "chat format", "alpaca format", "chatml format", "] format", "template for",
	"my dataset", "the dataset", "training data", "at inference", "during inference",
	"токенизатор", "шаблоне чата", "шаблон чата", "分词器", "聊天模板", "トークナイザ", "チャットテンプレート",
}
