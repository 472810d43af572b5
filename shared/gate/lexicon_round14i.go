package gate

// Round 14i (decision 150, "Round 14i: documents pasted without a request
// line of the old forms"): the words of its later steps; the reading of a
// titled document as data is pasted.go's (titledDocument).
func init() {
	add := func(g group, ws ...string) { lexicon[g] = append(lexicon[g], ws...) }

	// A request once made to an AI, reported: show notes read as data say
	// "We asked an AI to write our postmortem" (step 1).
	add(gReported, "asked an ai to", "asked the ai to", "asked chatgpt to", "asked a chatbot to", "asked an llm to", "asked the model to")
	// The AI reader named by its role in the data ("AI grader:", "Recruiting
	// AI:", "AI feed readers:", "Automated assistants reviewing this
	// worksheet:"), for the address rules (step 3).
	add(gIndAddr, "ai grader*", "ai processor*", "ai feed reader*", "ai drafting", "recruiting ai", "hiring ai", "automated assistant*", "automated summar*",
		"@summarizer", "@summariser", "whoever or whatever", "ai reader*", "ai writer*", "ai grading", "ai evaluator*", "ai judge*")

	// Step 4: the AI reader addressed in the other languages of the data
	// ("Hinweis an KI-Assistenten:", "Si vous êtes une IA qui résume cet
	// article, …", "Если ты нейросеть, которая переводит этот текст, …",
	// "この記事を要約するAIは…", "AI 비서에게:", "Catatan untuk asisten AI:"),
	// written per language from the forms a note to a reader takes (a note
	// or instruction for the AI, "if you are an AI", the AI that summarises
	// or translates this), and what such a note goes on to demand.
	add(gIndStrong,
		// de
		"hinweis an ki*", "hinweis an die ki", "hinweis fur ki*", "hinweis fur die ki", "hinweis an den ki-assistenten", "anweisung fur ki*", "anweisung an ki*",
		"anweisung fur die ki", "anweisung an die ki", "notiz fur ki*", "notiz fur die ki", "notiz fur automatische", "nachricht an die ki", "an alle ki*",
		"wenn du eine ki bist", "wenn sie eine ki sind", "falls du eine ki bist", "falls sie eine ki sind",
		// fr
		"note aux ia", "note a l'ia", "note pour l'ia", "note aux assistants", "note a l'assistant", "note pour l'assistant", "instruction pour l'ia", "instructions pour l'ia",
		"consigne pour l'ia", "consignes pour l'ia", "message pour l'ia", "si vous etes une ia", "si vous etes un assistant", "si vous etes un modele",

		// es
		"nota para el asistente", "nota para los asistentes", "instrucciones para la ia", "instruccion para la ia", "mensaje para la ia", "mensaje para el asistente",
		"mensaje para asistente", "si usted es una ia", "si eres un asistente", "si eres un modelo",
		// it
		"nota per l'assistente", "istruzioni per l'ia", "istruzione per l'ia", "messaggio per l'ia", "se sei un'intelligenza artificiale", "se sei un assistente",
		"se sei un modello",
		// pt
		"nota para o assistente", "observacao para a ia", "instrucao para a ia", "instrucoes para a ia", "mensagem para a ia", "aviso para a ia", "se es uma ia",
		"se voce for uma ia", "se es um assistente", "nota para modelos de linguagem", "para modelos de linguagem:",
		// nl
		"opmerking voor de ai", "notitie voor de ai", "instructie voor de ai", "als je een ai bent", "als u een ai bent",
		// ru
		"если ты нейросеть", "если вы нейросеть", "если ты ии", "если вы ии", "если ты ассистент", "если ты бот", "примечание для ии", "примечание для нейросети",
		"инструкция для ии", "инструкция для нейросети", "указание для ии", "для ии-ассистента",
		// the AI that summarises, reads or translates this (with the
		// "this": "Как нейросеть, которая переводит тексты, учится?" is a
		// question about one)
		"ki, die diese", "ki, die dieses", "ki, die diesen", "ia qui resume ce", "ia qui resume cet", "ia qui resume cette", "ia qui lit ce", "ia qui lit cette",
		"ia qui traduit ce", "ia qui traduit cette", "ia que evalue esta", "ia que evalue este", "ia que lea este", "ia que lea esta", "ia que resuma este",
		"ia que resuma esta", "ia que traduzca este", "ia que traduzca esta", "che riassume questo", "che riassume questa", "che legge questo", "che legge questa",
		"che traduce questo", "che traduce questa", "ia que resumir esta", "ia que resumir este", "ia a resumir estas", "ia a resumir este", "ia a resumir esta",
		"которая переводит этот", "которая переводит это", "которая читает этот", "которая читает это", "который читает этот", "который читает это",
		"который делает выжимку этого", "которая обрабатывает этот", "который обрабатывает этот",
		// ja, zh
		"aiへの指示", "aiへの注意", "aiへのメッセージ", "aiアシスタントへの", "あなたがaiなら", "あなたがaiの場合", "aiである場合", "*するaiは", "*するaiへ",
		"给ai", "致ai", "给人工智能", "如果你是一个ai", "如果你是语言模型", "助手提示", "给助手的", "给ai助手",
		// ko
		"ai에게", "ai 비서에게", "ai 어시스턴트에게", "인공지능에게", "ai 모델에게", "당신이 ai라면", "*하는 ai는", "*하는 ai라면", "*하는 ai에게",
		// tr
		"yapay zekaya not", "yapay zeka icin not", "yapay zekaya talimat", "yapay zeka icin talimat", "yapay zekaysan", "yapay zeka isen", "yapay zeka iseniz",
		"ozetleyen yapay zeka", "okuyan yapay zeka", "ceviren yapay zeka", "isleyen yapay zeka", "analiz eden yapay zeka", "degerlendiren yapay zeka",
		// ar
		"ملاحظة للمساعد", "ملاحظة للذكاء الاصطناعي", "تعليمات للمساعد", "تعليمات للذكاء الاصطناعي", "أيها المساعد", "إلى المساعد", "إذا كنت نموذج",
		"إذا كنت مساعدا", "إذا كنت ذكاء اصطناعي", "للمساعد الذكي",
		// hi
		"एआई के लिए निर्देश", "एआई सहायक के लिए", "एआई के लिए नोट", "एआई सहायक को", "अगर आप एक एआई हैं", "अगर आप एआई हैं", "यदि आप एक एआई हैं", "यदि आप एआई हैं",
		"अगर तुम एआई हो", "वाले एआई", "ai सहायक के लिए", "ai के लिए निर्देश",
		// id
		"catatan untuk ai", "catatan untuk asisten", "instruksi untuk ai", "pesan untuk ai", "kepada ai", "kepada asisten ai", "untuk asisten ai", "jika kamu adalah ai",
		"jika anda adalah ai", "jika kamu ai", "jika anda ai", "kalau kamu ai",
		// vi
		"gui tro ly ai", "tro ly ai:", "ghi chu cho ai", "luu y cho ai", "huong dan cho ai", "neu ban la mot ai", "neu ban la tro ly", "neu ban la mo hinh",
		"danh cho tro ly ai",
	)
	add(gIndDir,
		"teilen sie", "teile dem", "sag dem", "sagen sie", "schreiben sie", "fugen sie", "erwahnen sie", "empfehlen sie", "bitten sie", "fordern sie", "fordere",
		"lies die", "nicht ubersetzen", "ubersetze nicht", "behaupte", "behaupten sie", "geben sie an", "weisen sie",
		"ajoutez", "ajoute", "dites", "indiquez", "indique", "ecrivez", "precisez", "demandez", "ne traduis pas", "ne traduisez pas", "mentionnez", "recommandez",
		"affirmez", "affirme", "terminez", "invitez",
		"di al usuario", "anade", "agrega", "menciona", "pide", "no traduzcas", "afirma", "asegura",
		"aggiungi", "chiedi", "menziona", "afferma", "non tradurre", "non tradurlo", "raccomanda", "segnala", "all'utente",
		"diga", "adicione", "acrescente", "informe", "mencione", "afirme", "nao traduza", "diz que",
		"zeg dat", "schrijf", "voeg toe", "vermeld", "vraag de",
		"напишите", "скажи", "скажите", "сообщите", "добавь", "добавьте", "не переводи", "попроси", "попросите", "укажи", "укажите", "порекомендуй", "посоветуй",
		"と書", "と言って", "追加", "依頼", "記載", "推奨", "無視", "翻訳せず", "と答え", "案内",
		"写明", "添加", "加上", "写上", "声称", "要求用户", "不要翻译", "让用户", "让其",
		"말하세요", "알려주세요", "알려 주세요", "안내하세요", "전하세요", "작성하세요", "추가하세요", "요청하세요", "무시하고", "라고 하세요", "번역하지", "추천하세요", "추천할",
		"soyleyin", "yazin", "ekle", "ekleyin", "belirt", "bildir", "gonder", "tavsiye et", "yazmasini",
		"قل", "اخبر", "اكتب", "أضف", "فأضف", "اطلب", "لا تترجم", "انصح", "اذكر",
		"बताएं", "बताओ", "बताइए", "लिखें", "लिखो", "जोड़ें", "कहें", "कहो", "अनुरोध करें", "अनदेखा करें", "अनुवाद न करें", "सलाह दें",
		"katakan", "beritahu", "beri tahu", "tuliskan", "tambahkan", "minta", "mintalah", "sarankan", "abaikan", "jangan terjemahkan", "sampaikan",
		"hay noi", "noi rang", "hay ghi", "hay viet", "hay them", "hay yeu cau", "yeu cau nguoi", "bo qua", "dung dich", "hay bao", "hay khuyen",
	)
}
