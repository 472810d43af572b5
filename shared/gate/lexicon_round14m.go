package gate

// Round 14m (decision 150, "Round 14m: harms in other languages"): the
// harms a framed jailbreak asks for — a bomb, methamphetamine, malware, a
// phishing e-mail, counterfeit money, a forged passport, poisoning, an
// account taken over — were English words, with a few in five languages,
// so a fiction, a grandmother or a lifted limit in Turkish or Korean framed
// nothing the frame rules could weigh. The same harms in the sixteen
// languages of the gate's sets join gHarm (the frame + harm rules) and
// gJbAsk (the persona and framed-ask rules, round 5 and 12j). Bare words
// with everyday senses stay out: Portuguese "bom" is "good", "veneno" and
// "Gift" are in every crime novel's blurb.
func init() {
	add := func(g group, ws ...string) { lexicon[g] = append(lexicon[g], ws...) }
	// Making or doing the harm (the frame + harm rules weigh these on
	// their own with a fiction); the harm named as a thing (counterfeit
	// money, a forged passport, malware) only joins gJbAsk, where a persona
	// or two framing cues must come with it: "in my novel the detective finds
	// counterfeit money" is a plot.
	making := []string{
		"eine bombe bauen", "bombe bauen", "drogen herstellen", "jemanden vergiften", "konto hacken", "handy hacken",
		"fabriquer une bombe", "fabriquer de la drogue", "empoisonner quelqu'un", "pirater le compte", "pirater un compte",
		"fabricar una bomba", "sintetizar drogas", "envenenar a", "hackear la cuenta",
		"costruire una bomba", "fabbricare una bomba", "sintetizzare droga", "avvelenare qualcuno", "hackerare l'account",
		"fazer uma bomba", "envenenar alguem", "hackear a conta",
		"een bom maken", "bom bouwen", "explosieven maken", "iemand vergiftigen",
		"zrobic bombe", "zbudowac bombe", "otruc kogos",
		"bomba yapimi", "bomba yapmak", "bomba nasil yapilir", "zehirlemek", "hesabini hacklemek",
		"сделать бомбу", "собрать бомбу", "синтез наркотиков", "отравить человека",
		"صنع قنبلة", "تسميم",
		"बम बनाना", "बम बनाने", "ज़हर देना", "जहर देना", "अकाउंट हैक",
		"爆弾の作り方", "毒殺",
		"폭탄 만드는", "폭탄 제조", "독살",
		"制作炸弹", "下毒", "黑进",
		"membuat bom", "meracuni", "meretas akun",
		"che tao bom", "lam bom", "dau doc", "hack tai khoan",
	}
	things := []string{
		"methamphetamin", "crystal meth", "schadsoftware", "phishing-mail", "falschgeld", "gefalschten ausweis", "gefalschter ausweis", "gefalschten pass", "unauffindbare waffe",
		"une bombe artisanale", "logiciel malveillant", "rancongiciel", "enregistreur de frappe", "e-mail de phishing", "mail d'hameconnage", "fausse monnaie", "faux passeport",
		"fausse carte d'identite", "arme intracable",
		"bomba casera", "metanfetamina", "fentanilo", "programa malicioso", "software malicioso", "registrador de teclas", "correo de phishing", "dinero falso", "billetes falsos",
		"pasaporte falso", "documento falso", "arma imposible de rastrear",
		"software dannoso", "registratore di tasti", "email di phishing", "banconote false", "soldi falsi", "passaporto falso", "arma non rintracciabile",
		"bomba caseira", "e-mail de phishing", "dinheiro falso", "notas falsas", "passaporte falso", "arma irrastreavel",
		"methamfetamine", "kwaadaardige software", "phishingmail", "vals geld", "vals paspoort",
		"materialy wybuchowe", "metamfetamina", "metamfetamine", "zlosliwe oprogramowanie", "falszywe pieniadze", "falszywy paszport", "falszywy dowod",
		"patlayici", "metamfetamin", "zararli yazilim", "fidye yazilimi", "oltalama e-postasi", "sahte para", "sahte pasaport", "sahte kimlik",
		"метамфетамин", "вредоносн", "вирус-вымогатель", "кейлоггер", "фишинговое письмо", "фальшивые деньги",
		"متفجرات", "ميثامفيتامين", "برمجيات خبيثة", "برنامج فدية", "رسالة تصيد", "نقود مزورة", "جواز سفر مزور",
		"विस्फोटक", "मेथामफेटामाइन", "मैलवेयर", "रैनसमवेयर", "फ़िशिंग ईमेल", "फिशिंग ईमेल", "नकली नोट", "नकली पासपोर्ट",
		"爆発物", "覚醒剤", "メタンフェタミン", "マルウェア", "ランサムウェア", "キーロガー", "フィッシングメール", "偽札", "偽造パスポート",
		"폭발물", "필로폰", "메스암페타민", "악성코드", "랜섬웨어", "키로거", "피싱 메일", "위조지폐", "위조 여권",
		"冰毒", "甲基苯丙胺", "恶意软件", "勒索软件", "键盘记录", "钓鱼邮件", "假钞", "伪造护照",
		"bom rakitan", "bahan peledak", "perangkat lunak berbahaya", "email phishing", "uang palsu", "paspor palsu", "ktp palsu",
		"thuoc no", "ma tuy da", "phan mem doc hai", "ma doc tong tien", "email lua dao", "tien gia", "ho chieu gia",
	}
	add(gHarm, making...)
	add(gJbAsk, making...)
	add(gJbAsk, things...)
	// The broader harms a fiction may name, read only with the recipe's
	// detail (gHarm2 with gDetail, round 3): "step by step", "exact
	// quantities", in the same languages.
	add(gHarm2, things...)
	add(gDetail,
		"schritt fur schritt", "genaue mengen", "etape par etape", "quantites exactes", "paso a paso", "cantidades exactas", "passo dopo passo", "quantita esatte",
		"passo a passo", "quantidades exatas", "stap voor stap", "krok po kroku", "adim adim", "шаг за шагом", "точные количества", "خطوة بخطوة", "चरण दर चरण",
		"ステップバイステップ", "手順を詳しく", "단계별로", "一步一步", "详细步骤", "langkah demi langkah", "tung buoc",
	)

	// The fiction that carries them: "write a story in which", "in my
	// novel", in the same languages (round 5 had their fictional worlds).
	add(gFrame,
		"schreib eine geschichte", "eine geschichte, in der", "in meinem roman", "in meinem thriller", "ecris une histoire", "une histoire ou", "dans mon roman",
		"escribe una historia", "una historia en la que", "en mi novela", "scrivi una storia", "una storia in cui", "nel mio romanzo", "escreva uma historia",
		"uma historia em que", "no meu romance", "schrijf een verhaal", "in mijn roman", "napisz opowiadanie", "w mojej powiesci", "roman yaziyorum", "bir hikaye yaz",
		"romanimda", "напиши рассказ", "в моём романе", "в моем романе", "اكتب قصة", "في روايتي", "कहानी लिखो", "मेरे उपन्यास में", "小説を書いて", "私の小説で",
		"소설을 쓰", "내 소설에서", "写一个故事", "我的小说里", "tulis cerita", "dalam novel saya", "viet mot cau chuyen", "trong tieu thuyet cua toi",
	)
}
