package gate

// Round 5: languages (decision 150, "Round 5: languages"; decision 152).
// The override, extraction, new-task, persona and hijack words of the
// existing groups in the languages the lexicon lacked or had thinly: sv,
// fi, cs, ro, hu, el, uk, fa, he, bn, th, more forms of nl, pl, tr, vi, id,
// ar, hi, ja, ko, zh, and the ways people write some of them in Latin
// letters (Russian translit, Hindi, Arabic chat alphabet, Persian
// "Finglish", romaji, pinyin). Words are folded like the text (accents
// dropped, so "järjestelmä" is "jarjestelma"; Cyrillic and Greek
// look-alikes read as Latin); Latin-script languages join the groups of
// the Latin rules (70-80 byte windows), the others the groups of decision
// 152 (gOvrVerbW …), whose windows are scaled to their byte length.
// Inflections: stems ('*') where a language declines its nouns (Slavic,
// Finnic, Hungarian cases), and whole words where a stem would run into
// unrelated words (Turkish "istem*" is also "to want"). Possessive
// suffixes ("ohjeesi", "kurallarını", "إرشاداتك", "szabályaidat") say
// "your" inside the noun: they sit in both the quantifier and the object
// group, so one word meets both.
func init() {
	add := func(g group, words ...string) { lexicon[g] = append(lexicon[g], words...) }

	// Override: verb, quantifier, object (Latin script).
	add(gOvrVerb,
		"ne tiens plus compte", "ne tenez plus compte", "ne prends pas en compte", "ne prenez pas en compte", "laisse tomber", "laissez tomber",
		"no tengas en cuenta", "deja de lado", "lascia perdere", "lasciate perdere", "non considerare", "non seguire piu", "non rispettare",
		"vergeet", "nie stosuj sie juz", "nie przestrzegaj juz", "przestan stosowac", "przestan przestrzegac",
		"zapomen*", "nedodrzuj*", "prestan dodrzovat", "nerid se", "ignoruj",
		"glom", "strunta i", "bortse fran", "folj inte", "sluta folja",
		"unohda", "unohtakaa", "ala valita", "alkaa valittako", "jata huomiotta", "jata huomioimatta", "ohita", "ala noudata", "lakkaa noudattamasta",
		"uita", "uitati", "nu mai respecta", "nu mai urma", "nu tine cont", "nu mai tine cont",
		"hagyd figyelmen kivul", "hagyja figyelmen kivul", "felejtsd el", "felejtse el", "ne kovesd", "ne kovesse", "ne vedd figyelembe", "ne torodj",
		"bir kenara birak", "kenara birak", "gormezden gel*",
		"dung tuan theo", "dung lam theo", "bo qua",
		// in Latin letters: Russian, Hindi, Arabic chat alphabet, Persian, romaji, pinyin
		"zabud*", "ignoriruj*", "ne obrashchaj vnimaniya",
		"bhool jao", "bhul jao", "bhool ja", "bhulo", "bhool jaiye", "nazarandaaz karo", "nazar andaz karo", "mat mano",
		"tajahal", "tgahal", "etjahal", "itjahal", "insa", "ensa",
		"faramoosh kon", "faramush kon", "faramoosh kun", "nadide begir", "nadideh begir",
		"mushi shite", "mushi shiro", "mushi shi", "wasurete", "wasurero",
		"hulue", "wushi", "wangji", "wangdiao",
		"不要再遵守", "不要再遵循", "别再遵守", "不用再遵守", "不必遵守",
	)
	add(gOvrQuant,
		"swoich", "swoimi", "twoich", "twoimi", "tych",
		"vsechn*", "vsech", "vse", "predchozi*", "drivejsi*", "puvodni*", "sve", "svych", "svymi", "tve", "tvych", "svoje",
		"alla tidigare", "alla dina", "alla regler", "alla instruktioner", "tidigare", "dina", "ursprungliga", "ovanstaende", "foregaende",
		"kaikki", "aiemm*", "edelli*", "aikaisemm*", "alkuperai*", "ylla olevat",
		"toate", "anterioare", "precedente", "tale", "tau", "initiale", "originale", "de mai sus",
		"osszes", "korabbi*", "elozo*", "fenti", "eredeti", "minden",
		"tum", "tumu", "hepsi", "hepsini",
		"cua ban", "moi",
		"vsyo", "predydushch*", "prezhn*", "svoi", "tvoi",
		"pichle", "pichli", "pichla", "saare", "saari", "sabhi", "upar", "apne", "tumhare", "aapke",
		"kol", "kul", "el sab2a", "elsab2a", "sab2a", "sabqa",
		"hame", "hameye", "ghabli", "qabli", "ghablí",
		"mae no", "zenbu", "subete", "kore made no", "ima made no",
		"zhiqian", "suoyou", "yiqian", "shangmian",
		// "your" inside the noun
		"ohjeesi", "ohjeitasi", "ohjeistasi", "saantosi", "saannoistasi", "saantojasi", "kehotteesi",
		"kurallarini", "kurallarin", "talimatlarini", "talimatlarin", "yonergelerini", "yonergelerin",
		"aturanmu", "pedomanmu", "instruksimu", "perintahmu",
		"szabalyaidat", "szabalyaid", "utasitasaidat", "utasitasaid", "iranyelveidet", "iranyelveid",
		"regulile tale", "instructiunile tale",
	)
	add(gOvrObj,
		"instrukc*", "pokyn*", "pravidl*", "smernic*",
		"regler", "reglerna", "riktlinje*", "anvisning*", "instruktioner",
		"ohjee*", "ohjeit*", "ohjeis*", "ohje", "ohjeet", "saanno*", "saanto*", "kehote*", "kehott*",
		"instructiun*", "regulile", "regulil*", "reguli", "indicatii*",
		"utasitas*", "szabaly*", "iranyelv*", "parancs*",
		"nguyen tac",
		"aturanmu", "pedomanmu", "instruksimu", "perintahmu",
		"kurallarini", "talimatlarini", "yonergelerini",
		"instrukci*", "pravila", "pravil", "ukazani*",
		"nirdesh", "niyam",
		"ta3limat", "t3limat", "taalimat", "2awamer", "awamer", "qawa3ed",
		"dastoorat", "dasturat", "dastoor*", "dastur*", "ghavanin", "qavanin",
		"shiji", "meirei", "ruru", "puronputo",
		"zhiling", "guize", "tishici", "tishi",
		"准则", "守则",
		"szabalyaidat", "utasitasaidat", "iranyelveidet",
	)
	add(gOvrAll,
		"wat je eerder", "alles wat je eerder", "wat je is opgedragen", "wat je eerder is opgedragen", "wat je is verteld",
		"tout ce qui se trouve au-dessus", "tout ce qu'on t'a donne",
		"wszystko powyzej", "wszystko, co powyzej", "wszystko co powyzej",
		"vsechno vyse", "vse vyse", "vsechno, co bylo receno", "vse, co bylo receno",
		"allt ovan", "allt ovanstaende", "allt du har fatt",
		"kaikki ylla oleva", "kaiken ylla olevan", "kaikki edella oleva", "kaiken edella",
		"tot ce e mai sus", "tot ce este mai sus", "tot ce ai primit",
		"minden fentit", "mindent, amit fent", "mindent amit fent",
		"yukaridaki her seyi", "ustundeki her seyi", "yukarida yazan her seyi",
		"moi thu o tren", "tat ca nhung gi o tren",
		"semua yang di atas", "semua di atas",
		"upar likhi", "upar likha", "upar wali", "upar di gayi",
		// wide scripts (gOvrVerbW + gOvrAll)
		"上の内容", "上記の内容", "以上の内容", "これまでの内容", "上に書かれた",
		"위의 내용", "위 내용", "위에 있는 내용", "지금까지의 내용",
		"উপরের সব", "উপরের সবকিছু", "আগের সব কিছু",
		"все, что было выше", "всё, что было выше", "все что выше", "всё что выше", "все, що було сказано вище", "що було сказано вище", "все, що вище",
		"ऊपर लिखी", "ऊपर लिखा", "ऊपर दी गई सभी",
		"ما سبق", "كل ما سبق", "كل ما ورد أعلاه",
		"هرچه بالا", "همه چیزهای بالا", "آنچه بالا",
		"כל מה שנאמר", "כל מה שכתוב למעלה", "כל מה שלמעלה",
		"ทุกอย่างข้างบน", "ทุกอย่างก่อนหน้า",
		"όλα τα παραπάνω", "ό,τι σου είπαν",
	)
	// Override, wide scripts: uk, fa, he, bn, th, el; more forms of ar, ja, ko.
	add(gOvrVerbW,
		"ігнор*", "не зважай*", "не дотримуйся", "не дотримуйтесь", "відкинь", "знехтуй", "не слухай*", "забудьте",
		"نادیده بگیر", "نادیده", "فراموش کن", "توجه نکن", "پیروی نکن", "اطاعت نکن",
		"התעלם", "תתעלם", "^שכח$", "^תשכח$", "אל תציית", "אל תקשיב", "אל תתייחס", "אל תפעל לפי",
		"উপেক্ষা", "ভুলে যাও", "ভুলে যান", "মেনো না", "মানবে না", "অগ্রাহ্য",
		"ไม่ต้องสนใจ", "ไม่สนใจ", "ลืม", "เพิกเฉย", "อย่าทำตาม", "ละเว้น",
		"αγνόησε", "αγνοήστε", "ξέχνα", "ξεχάστε", "ξέχασε", "μην ακολουθείς", "μην ακολουθήσεις", "μην υπακούς",
		"^لا تلتزم", "^لا تتبع", "^انس$", "^تجاهل",
		"を無視", "無視して", "忘れて",
		"무시하고", "무시해", "잊어버려", "잊어",
	)
	add(gOvrQuantW,
		"усі", "всі", "попередн*", "свої", "твої", "усе", "початков*", "вище",
		"همه", "قبلی", "بالا", "خودت", "اصلی", "اولیه", "تمام", "خود را",
		"^כל$", "הקודמות", "הקודמים", "הקודם", "שלך", "המקוריות", "למעלה", "מעל",
		"আগের", "সব", "সকল", "তোমার", "আপনার", "উপরের", "পূর্ববর্তী",
		"ก่อนหน้า", "ทั้งหมด", "ของคุณ", "ข้างบน", "ด้านบน", "เดิม",
		"όλες", "όλα", "όλους", "προηγούμεν*", "σου", "σας", "αρχικ*", "παραπάνω",
		"تعليماتك", "قواعدك", "إرشاداتك", "ارشاداتك", "أوامرك", "اوامرك", "قوانينك",
		"전부", "네 ", "너의",
		"これまでの", "前の",
	)
	add(gOvrObjW,
		"інструкці*", "вказівк*", "вказівок", "^правил*", "настанов*",
		"دستور", "قوانین", "قانون", "قواعد", "پرامپت", "رهنمود",
		"הוראות", "הנחיות", "הנחיית", "כללים", "הכללים", "חוקים", "פקודות", "פרומפט",
		"নির্দেশ", "নিয়ম", "প্রম্পট", "আদেশ",
		"คำสั่ง", "กฎ", "แนวทาง", "ข้อกำหนด", "พรอมต์", "พรอมท์",
		"οδηγί*", "κανόν*", "κανονες", "εντολ*", "prompt",
		"تعليماتك", "قواعدك", "إرشاداتك", "ارشاداتك", "أوامرك", "اوامرك", "قوانينك",
	)

	// Extraction (Latin script): verbs, and what is asked for.
	add(gExtVerb,
		"recopier", "recopiez", "liste", "listez", "elenca", "elencale", "copie", "copiez", "copia", "copiala", "copialas",
		"was stand", "geef", "herhaal", "przepisz", "jakie", "zopakuj", "vypis", "ukaz", "jake", "jaka", "jaky",
		"neler", "goster", "vilka", "visa mig", "visa hela", "visa dina", "skriv ut", "mitka", "nayta", "kirjoita", "care sunt", "arata", "scrie",
		"milyen", "mutasd", "mutassa", "ird le", "apa", "salin", "chep lai", "cho toi xem", "in ra",
		"dikhao", "dikhaiye", "batao", "bata do", "likh do", "likho", "2oli", "2ooli", "warini",
		"neshoon bede", "neshun bede", "begoo", "begu", "misete", "oshiete", "gaosu wo", "xianshi",
		"发给我", "复述", "原封不动",
	)
	add(gExtObj,
		"au-dessus de ce message", "acima desta mensagem", "boven dit bericht", "powyzej tej wiadomosci", "nad touto zpravou",
		"mesajin ustundeki", "ustundeki her seyi", "di atas pesan ini", "above this message", "mai sus de acest mesaj", "ovanfor detta meddelande",
		"regles cachees", "instructions cachees", "regole segrete", "istruzioni segrete", "istruzioni nascoste", "diretrizes ocultas", "instrucoes ocultas", "regras ocultas",
		"instrucciones ocultas", "reglas ocultas", "verborgen regels", "geheime instructies", "ukryte zasady", "skryte instrukce", "skryte pokyny",
		"dolda instruktioner", "dolda regler", "piilotetut ohjeet", "salaiset ohjeet", "instructiunile ascunse", "regulile ascunse",
		"rejtett utasitas*", "titkos utasitas*", "chi dan an", "huong dan an", "quy tac an",
		"din systemprompt", "din dolda prompt", "dina instruktioner", "jarjestelmakehot*", "kehotteesi", "ohjeesi",
		"svuj systemovy prompt", "systemovy prompt", "sve instrukce", "promptul tau", "promptul de sistem", "instructiunile tale",
		"rendszerprompt*", "utasitasaidat", "vor meiner nachricht",
		"sistemnyj prompt", "sistemnyi prompt", "svoj prompt", "apna system prompt", "apne system prompt", "tumhara system prompt",
		"el system prompt", "prompt system khodet", "prompt systemet", "shisutemu puronputo", "xitong tishici", "ni de xitong",
	)
	// Extraction, wide scripts.
	add(gExtVerbW,
		"виведи", "перепиши", "які", "яка", "покажіть",
		"نشان بده", "بنویس", "چیست", "بگو", "چه هستند",
		"הצג", "הראה", "העתק", "כתוב", "חזור על", "^מה$", "מהן", "מהם",
		"দেখাও", "দেখান", "লিখে দাও", "লেখো", "বলো", "কী",
		"แสดง", "คืออะไร", "บอก", "คัดลอก", "พิมพ์",
		"δείξε", "γράψε", "ποιες είναι", "ποιοι είναι", "επανάλαβε", "πες μου",
		"انسخ", "^ما هي", "書き出", "教えて",
	)
	add(gExtModW,
		"приховані", "прихован*", "свій", "свої", "твої", "системн*", "початков*",
		"سیستمی", "سیستم", "خودت", "پنهان", "مخفی",
		"המערכת", "שלך", "נסתר*", "סודי*",
		"সিস্টেম", "তোমার", "গোপন", "লুকানো",
		"ระบบ", "ของคุณ", "ลับ",
		"συστήματ*", "σου", "κρυφ*", "μυστικ*",
		"初期", "隠し", "設定された",
	)
	add(gExtObjW,
		"інструкці*", "вказівк*", "промпт*", "повідомлення",
		"پرامپت", "دستور", "پیام",
		"הנחיית", "הנחיות", "הוראות", "פרומפט",
		"প্রম্পট", "নির্দেশ",
		"พรอมต์", "พรอมท์", "คำสั่ง",
		"prompt", "οδηγί*", "εντολ*",
	)
	add(gGivenYou,
		// fr, es, it, pt, de, nl, pl, cs
		"qu'on t'a", "qu'on vous a", "que tu as recu*", "que vous avez recu*", "qui t'ont ete", "que te dieron", "que te han dado", "que recibiste",
		"che ti hanno dato", "che ti sono state date", "che hai ricevuto", "que voce recebeu", "que recebeste", "que te deram", "que lhe deram",
		"die du bekommen", "die du erhalten", "du bekommen hast", "du erhalten hast", "die man dir gegeben", "dir gegeben",
		"je kreeg", "jij kreeg", "aan het begin kreeg", "je hebt gekregen", "je gekregen hebt", "jou gegeven",
		"dostales", "dostalas", "otrzymales", "otrzymalas", "ci dano", "ci podano",
		"jsi dostal", "jsi dostala", "ti dali", "jsi obdrzel",
		// sv, fi, ro, hu, tr, vi, id
		"fick du", "du fick", "du har fatt", "som du fick", "jotka sait", "sait alussa", "jotka sinulle annettiin", "sinulle annetut",
		"ai primit", "le-ai primit", "ti s-au dat", "kaptal", "neked adtak",
		"sana verilen", "sana verdikleri", "aldigin", "ban nhan duoc", "ban da nhan", "duoc giao cho ban", "kamu terima", "anda terima", "diberikan kepadamu", "diberikan kepada anda",
		// wide scripts
		"тебе дали", "вам дали", "ты получил", "тобі дали", "ти отримав", "вам надали",
		"تلقيتها", "أعطيت لك", "اعطيت لك", "المعطاة لك", "به تو داده", "به تو دادند",
		"שקיבלת", "שנתנו לך", "שניתנו לך",
		"तुम्हें जो", "तुम्हें दिए", "आपको दिए", "তোমাকে যে", "তোমাকে দেওয়া",
		"ที่คุณได้รับ", "คุณได้รับ",
		"σου δόθηκαν", "που σου έδωσαν", "που έλαβες",
		"与えられた", "設定された", "처음에 받은", "받은 지시", "给你的", "你收到的",
	)

	// New task: "your new task is …" and what makes it one.
	add(gNewInstr,
		"tu nueva tarea", "ta nouvelle mission", "ta veritable mission", "votre nouvelle mission", "il tuo nuovo compito", "twoje nowe zadanie",
		"tvym novym ukolem", "tvuj novy ukol", "yeni gorevin", "nhiem vu moi cua ban", "tugas barumu", "tugas baru kamu", "tugas baru anda",
		"din nya uppgift", "uusi tehtavasi", "noua ta sarcina", "az uj feladatod", "je nieuwe taak",
		"твоя новая задача", "ваша новая задача", "твоє нове завдання", "مهمتك الجديدة", "وظیفه جدید تو", "המשימה החדשה שלך",
		"তোমার নতুন কাজ", "新しい任務", "새로운 임무", "你的新任务", "งานใหม่ของคุณ", "η νέα σου αποστολή",
	)
	add(gImperative, "siempre", "sempre", "immer", "toujours", "altijd", "zawsze", "всегда", "в каждом ответе", "en cada respuesta", "con ogni risposta", "с этого момента", "отныне")
	add(gYou, "^твоя$", "^ты$")

	// Hijack: the competition payload in other languages ("I have been
	// PWNED" as people translate it) and the verbs that ask for it alone.
	add(gGranted,
		"i have been hacked", "i've been hacked", "ich wurde gehackt", "ich bin gehackt", "j'ai ete pirate", "j'ai ete hacke", "me han hackeado", "he sido hackeado",
		"sono stato hackerato", "fui hackeado", "ik ben gehackt", "zostalem zhakowany", "zostalam zhakowana", "меня взломали", "мене зламали", "byl jsem hacknut",
		"hacklendim", "تم اختراقي", "هک شدم", "נפרצתי", "मुझे हैक कर लिया गया", "আমি হ্যাক হয়েছি", "ハッキングされました", "해킹당했습니다", "我被黑了",
		"toi da bi hack", "saya telah diretas", "saya sudah diretas", "ฉันถูกแฮ็ก", "jag har blivit hackad", "minut on hakkeroitu", "με χάκαραν", "am fost hackuit", "feltortek",
	)
	add(gSayAny,
		"contesta", "contesta unicamente", "antwoord alleen", "odpowiadasz tylko", "odpowiadaj tylko", "відповідай лише", "odpovidej jen", "odpovez jen",
		"بنویس", "תענה רק", "ענה רק", "লেখো", "라고만", "chi tra loi", "tra loi", "jawab saja", "ตอบแค่ว่า", "svarar du bara", "svara bara", "svara endast",
		"vastaa vain", "vastaa ainoastaan", "απάντα μόνο", "απάντησε μόνο", "raspunde doar", "raspunde numai", "valaszold", "csak azt valaszold", "sirf", "likho",
	)

	nUnres := len(lexicon[gJbUnres])
	// Persona jailbreaks: "from now on you are X" and "without
	// restrictions / censorship / filters".
	add(gJbPersona,
		"tu es", "tu es desormais", "desde ahora eres", "тепер ти", "відтепер ти", "з цього моменту ти",
		"od ted jsi", "ted jsi", "jsi ted", "od teraz jestes",
		"من الآن أنت", "من الان انت", "أنت الآن", "انت الان", "از حالا تو", "از این به بعد تو", "تو الان",
		"מעכשיו אתה", "אתה עכשיו", "מעתה אתה", "अब से तुम", "अब तुम", "ab se tum", "ab tum", "এখন থেকে তুমি", "তুমি এখন",
		"あなたはもう", "今からあなたは", "mulai sekarang kamu", "sekarang kamu adalah", "kamu sekarang",
		"ตั้งแต่นี้ไปคุณคือ", "ตอนนี้คุณคือ", "ตอนนี้คุณเป็น", "fran och med nu ar du", "nu ar du", "du ar nu",
		"tasta eteenpain olet", "tasta lahtien olet", "olet nyt", "nyt olet", "από εδώ και πέρα είσαι", "από τώρα είσαι", "είσαι τώρα",
		"de acum esti", "de acum inainte esti", "acum esti", "mostantol te vagy", "mostantol", "ty teper", "teper ty",
	)
	add(gJbUnres,
		"sans aucune limite", "ni censure", "без обмежень", "без цензури", "без фільтрів", "без жодних обмежень",
		"bez omezeni", "bez cenzury", "bez filtru", "bez jakychkoli omezeni",
		"hicbir kisitlama*", "kisitlamasi olmayan", "sansursuz", "sansuru olmayan", "kisitlamasiz", "filtresiz",
		"بلا قيود", "بدون قيود", "بلا رقابة", "بدون رقابة", "بدون فلاتر", "بلا فلاتر", "بلا حدود", "دون أي قيود",
		"بدون هیچ محدودیت", "بدون محدودیت", "بدون سانسور", "بیسانسور", "بدون فیلتر",
		"בלי הגבלות", "ללא הגבלות", "בלי שום הגבלות", "בלי צנזורה", "ללא צנזורה", "ללא מגבלות", "בלי מגבלות", "בלי פילטרים",
		"पाबंदी नहीं", "कोई पाबंदी", "सेंसरशिप नहीं", "कोई सीमा नहीं", "बिना किसी रोक", "बिना सेंसर",
		"koi rules nahi", "koi filter nahi", "koi censorship nahi", "koi pabandi nahi", "bina kisi rok", "bina censorship",
		"কোনো সীমাবদ্ধতা", "সীমাবদ্ধতা ছাড়া", "সেন্সরশিপ ছাড়া", "কোনো বাধা নেই",
		"検閲もない", "検閲のない", "制限もない", "制限もフィルター", "フィルターのない", "縛られない", "断らずに",
		"제한도 검열도", "아무 제한도 없는", "검열도 없는", "검열 없이", "제한 없이", "아무 제한",
		"khong co bat ky gioi han", "bat ky gioi han", "khong gioi han", "khong kiem duyet", "khong bi kiem duyet", "gioi han hay kiem duyet",
		"tanpa batasan", "tanpa filter", "tanpa sensor",
		"ไม่มีข้อจำกัด", "ไม่มีการเซ็นเซอร์", "ไร้ข้อจำกัด",
		"utan begransningar", "utan filter", "utan censur",
		"ilman rajoituksia", "ilman mitaan rajoituksia", "ilman sensuuria", "ilman suodattimia",
		"χωρίς κανέναν περιορισμό", "χωρίς περιορισμούς", "χωρίς λογοκρισία", "χωρίς φίλτρα",
		"fara nicio restrictie", "fara restrictii", "fara cenzura", "fara filtre", "fara limite",
		"mindenfele korlatozas", "korlatozas nelkul", "cenzura nelkul", "szuro nelkul", "korlatok nelkul",
		"bez ogranichenij", "bez ogranichenii", "bez cenzury", "bez filtrov",
	)
	// Vietnamese "from now on you are" is no persona marker: "dẫn" and
	// "dân" fold to "dan", a persona name of gJbUnres ("Bây giờ bạn là
	// hướng dẫn viên", a tour guide). It weighs as a new identity with a
	// quality instead (jbNear), and the qualities of this round join
	// gJbQual as decision 150's round 4 put those of gJbUnres there.
	add(gJbIdent, "tu bay gio ban la", "bay gio ban la", "tu gio ban la", "ke tu bay gio ban la")
	for _, w := range lexicon[gJbUnres][nUnres:] {
		add(gJbQual, w)
	}
	add(gOvrObj, "linee guida")
	add(gExtVerb, "חזור", "העתק")
	add(gExtObj, "מעל ההודעה")

	// Echo of "the above" near the text's start.
	add(gAbove,
		"ustundeki her seyi", "yukaridaki her seyi", "boven dit bericht", "powyzej tej wiadomosci", "nad touto zpravou", "acima desta mensagem",
		"di atas pesan ini", "au-dessus de ce message", "ovanfor detta meddelande", "mai sus de acest mesaj", "מעל ההודעה",
	)
	add(gEcho, "recopier", "zopakuj", "ulangi", "repete", "חזור", "העתק")
}

// Round 5, second pass (after fresh8m2 was measured once: 19.2 % of its
// attacks): the shapes its misses share, written for every language of the
// round rather than for its sentences: "without rules / restrictions /
// censorship / morals" generated from each language's word for "without"
// and its nouns (or the noun and a suffix where the language puts it
// after: "ルールのない", "규칙이 없는", "szabályok nélkül", "कोई नियम नहीं"); "pretend",
// "imagine you are", "play the role"; what came before the user's first
// message (the system message, the start of the conversation, the
// developer's message); "only listen to me"; cancel and stop-obeying
// verbs; copy and paste verbs; "word for word".
func init() {
	add := func(g group, words ...string) { lexicon[g] = append(lexicon[g], words...) }
	both := func(g1, g2 group, words ...string) { add(g1, words...); add(g2, words...) }

	var unres []string
	cross := func(pre, nouns []string, sep string) {
		for _, p := range pre {
			for _, n := range nouns {
				unres = append(unres, p+sep+n)
			}
		}
	}
	suffix := func(nouns, suf []string) {
		for _, n := range nouns {
			for _, s := range suf {
				unres = append(unres, n+s)
			}
		}
	}
	cross([]string{"ohne", "ohne jegliche", "ohne irgendwelche", "ganz ohne"}, []string{"regeln", "moral", "ethik", "einschrankungen", "grenzen", "filter", "zensur", "beschrankungen", "richtlinien", "tabus"}, " ")
	cross([]string{"sans", "sans aucune", "sans aucun", "sans la moindre"}, []string{"regle", "regles", "limite", "limites", "restriction", "restrictions", "filtre", "filtres", "censure", "morale", "ethique", "tabou", "tabous"}, " ")
	cross([]string{"sin", "sin ninguna", "sin ningun", "sin ningún tipo de"}, []string{"reglas", "regla", "limites", "restricciones", "restriccion", "filtros", "censura", "moral", "etica", "normas", "tabues"}, " ")
	cross([]string{"senza", "senza alcuna", "senza nessuna", "senza alcun", "senza nessun"}, []string{"regole", "limiti", "restrizioni", "filtri", "censura", "morale", "etica", "vincoli", "tabu"}, " ")
	cross([]string{"sem", "sem nenhuma", "sem qualquer", "sem nenhum"}, []string{"regras", "limites", "restricoes", "filtros", "censura", "moral", "etica", "tabus"}, " ")
	cross([]string{"zonder", "zonder enige", "zonder alle"}, []string{"regels", "grenzen", "beperkingen", "filters", "censuur", "moraal", "ethiek", "taboes"}, " ")
	cross([]string{"bez", "bez zadnych", "bez jakichkolwiek", "bez jakychkoli", "bez zadnych"}, []string{"zasad", "regul", "ograniczen", "filtrow", "cenzury", "moralnosci", "etyki", "granic", "pravidel", "omezeni", "filtru", "moralky", "etiky", "hranic", "pravil", "ogranichenij", "cenzury", "filtrov", "morali"}, " ")
	cross([]string{"utan", "utan nagra"}, []string{"regler", "begransningar", "filter", "censur", "moral", "etik", "granser"}, " ")
	cross([]string{"ilman", "ilman mitaan"}, []string{"saantoja", "rajoituksia", "suodattimia", "sensuuria", "moraalia", "etiikkaa", "rajoja"}, " ")
	cross([]string{"fara", "fara nicio", "fara niciun"}, []string{"reguli", "regula", "restrictii", "restrictie", "limite", "filtre", "cenzura", "morala", "etica"}, " ")
	cross([]string{"tanpa", "tanpa ada"}, []string{"aturan", "batasan", "filter", "sensor", "moral", "etika"}, " ")
	cross([]string{"khong co", "khong co bat ky"}, []string{"quy tac", "gioi han", "bo loc", "kiem duyet", "dao duc", "rang buoc"}, " ")
	cross([]string{"bina", "bina kisi"}, []string{"rules", "niyam", "pabandi", "censorship", "filter", "seema"}, " ")
	suffix([]string{"szabalyok", "korlatozas", "korlatok", "szurok", "cenzura", "erkolcs", "etika", "hatarok", "szabaly"}, []string{" nelkul", " nelkuli"})
	suffix([]string{"kural", "sansur", "filtre", "sinir", "kisitlama"}, []string{"siz", "i olmayan", "lari olmayan"})
	unres = append(unres, "kuralsiz", "sansursuz", "filtresiz", "sinirsiz", "kisitlamasiz")
	cross([]string{"без", "без каких-либо", "без всяких", "без любых", "без жодних", "без будь-яких"}, []string{"правил", "ограничений", "фильтров", "цензуры", "морали", "этики", "запретов", "обмежень", "фільтрів", "цензури", "моралі", "етики", "заборон"}, " ")
	cross([]string{"بدون", "بلا", "دون", "بدون أي", "بلا أي", "دون أي", "بدون هیچ", "بی"}, []string{"قواعد", "قيود", "حدود", "رقابة", "فلاتر", "أخلاق", "ضوابط", "قانون", "قوانین", "محدودیت", "سانسور", "فیلتر", "اخلاق"}, " ")
	cross([]string{"בלי", "ללא", "בלי שום", "ללא שום"}, []string{"חוקים", "כללים", "הגבלות", "מגבלות", "צנזורה", "מסננים", "מוסר", "אתיקה", "גבולות"}, " ")
	cross([]string{"बिना", "बिना किसी", "कोई"}, []string{"नियम", "पाबंदी", "प्रतिबंध", "सेंसरशिप", "फ़िल्टर", "सीमा", "रोक"}, " ")
	suffix([]string{"नियम", "पाबंदी", "प्रतिबंध", "सेंसरशिप", "सीमा"}, []string{" के बिना", " नहीं"})
	suffix([]string{"নিয়ম", "সীমাবদ্ধতা", "সেন্সরশিপ", "ফিল্টার", "নৈতিকতা", "বাধা"}, []string{" ছাড়া", " নেই"})
	suffix([]string{"ルール", "制限", "規則", "フィルター", "検閲", "倫理", "モラル", "制約", "道徳"}, []string{"のない", "がない", "なし", "もない", "に縛られない", "を持たない"})
	suffix([]string{"규칙", "제한", "검열", "필터", "윤리", "제약", "도덕"}, []string{"이 없는", "가 없는", "도 없는", " 없는", " 없이", "이 없이", "가 없이"})
	// Chinese had its phrases before this round; the generated ones
	// ("不受审查", "没有任何道德") flagged two custom-GPT prompts of the pool
	// that say them of a persona, and are left out.
	cross([]string{"ไม่มี", "ไร้"}, []string{"กฎ", "ข้อจำกัด", "การเซ็นเซอร์", "ศีลธรรม", "จริยธรรม", "ตัวกรอง"}, "")
	cross([]string{"χωρίς", "χωρίς κανέναν", "χωρίς καμία", "χωρίς κανένα"}, []string{"κανόνες", "κανόνα", "περιορισμούς", "περιορισμό", "λογοκρισία", "φίλτρα", "ηθική", "όρια"}, " ")
	both(gJbUnres, gJbQual, unres...)

	add(gJbPersona,
		"stell dir vor, du", "stell dir vor du", "stellen sie sich vor, sie", "du spielst", "verkorpere",
		"tu incarnes", "incarne", "imagine que tu es", "imagine que tu sois", "finge que eres", "imagina que eres", "haz como si",
		"fingi di essere", "immagina di essere", "imagine que voce e", "imagine que voce", "stel je voor dat je", "speel de rol",
		"wyobraz sobie, ze jestes", "wyobraz sobie ze jestes", "wciel sie w", "predstirej", "predstav si, ze jsi", "predstav si ze jsi", "hraj roli", "chovej se jako",
		"притворись", "сыграй роль", "веди себя как", "уяви, що ти", "уяви що ти", "прикинься", "вдавай", "зіграй роль", "поводься як",
		"mis gibi yap", "oldugunu hayal et", "تخيل أنك", "تخيل انك", "تقمص دور", "العب دور", "وانمود کن", "فرض کن که تو", "فرض کن تو", "تصور کن که تو",
		"תעמיד פנים", "העמד פנים", "דמיין שאתה", "תתנהג כמו", "שחק את התפקיד", "मान लो कि तुम", "कल्पना करो कि तुम", "की भूमिका निभाओ", "natak karo", "maan lo ki tum",
		"ভান করো", "কল্পনা করো তুমি", "ধরে নাও তুমি", "になりきって", "と仮定して", "を演じて", "척하고", "역할을 해", "연기해", "想象你是",
		"berpura-pura*", "bayangkan kamu", "anggap kamu", "berperan sebagai", "แกล้งทำเป็น", "สมมติว่าคุณ", "จินตนาการว่าคุณ", "สวมบทบาท", "รับบท",
		"latsas att du", "latsas", "forestall dig att du", "spela rollen", "teeskentele", "kuvittele olevasi", "esita olevasi",
		"προσποιήσου", "κάνε πως είσαι", "φαντάσου ότι είσαι", "υποδύσου", "prefa-te", "prefate", "imagineaza-ti ca esti", "joaca rolul",
		"tegy ugy, mintha", "tegy ugy mintha", "kepzeld el, hogy", "jatszd el",
	)
	add(gJbIdent, "gia vo ban la", "hay gia vo", "dong vai")

	// What came before the user: the system message, the start of the
	// conversation, the developer's message (gFirstMsg).
	add(gFirstMsg,
		"vor meiner ersten frage", "vor meiner ersten nachricht", "deine konfiguration", "deiner konfiguration", "die systemnachricht", "deine systemnachricht", "anfang des gesprachs", "anfang der unterhaltung", "dein entwickler", "deine entwickler",
		"message systeme", "ton message systeme", "le premier message", "ton developpeur", "tes developpeurs", "debut de la conversation", "ta configuration",
		"mensaje del sistema", "mensaje de sistema", "reglas internas", "principio de la conversacion", "inicio de la conversacion", "tu desarrollador", "tu configuracion",
		"messaggio di sistema", "inizio della conversazione", "il tuo sviluppatore", "la tua configurazione", "regole interne",
		"mensagem de sistema", "mensagem do sistema", "inicio da conversa", "seu desenvolvedor", "sua configuracao", "regras internas",
		"systeembericht", "je systeeminstructies", "begin van het gesprek", "je ontwikkelaar", "je configuratie", "interne regels",
		"wiadomosc systemowa", "wiadomosci systemowej", "poczatku rozmowy", "twoi tworcy", "od tworcow", "twojej konfiguracji", "wewnetrzne zasady",
		"systemova zprava", "systemovou zpravu", "zacatku konverzace", "tvuj vyvojar", "tvoje konfigurace", "vnitrni pravidla",
		"systemmeddelande*", "borjan av samtalet", "din utvecklare", "din konfiguration", "interna regler",
		"jarjestelmaviest*", "keskustelun alussa", "kehittajasi", "sisaiset saannot",
		"mesajul tau de sistem", "mesajul de sistem", "inceputul conversatiei", "dezvoltatorul tau", "regulile interne",
		"rendszeruzenet*", "a beszelgetes elejen", "fejlesztod", "belso szabaly*",
		"sistem mesaj*", "konusmanin basinda", "gelistiricin", "ic kurallar*",
		"tin nhan he thong", "dau cuoc tro chuyen", "nha phat trien cua ban", "pesan sistem", "awal percakapan", "pengembangmu",
		"системное сообщение", "системного сообщения", "перед моим первым", "до моего первого", "начале разговора", "начале диалога", "твой разработчик", "твои разработчики", "внутренние правила",
		"системні інструкції", "системне повідомлення", "перед моїм першим", "початку розмови", "твій розробник",
		"رسالة النظام", "تعليمات النظام", "بداية المحادثة", "مطورك", "قبل رسالتي الأولى",
		"پیام سیستم", "دستورالعملهای سیستمی", "دستورالعمل سیستمی", "ابتدای گفتگو",
		"הוראות המערכת", "הודעת המערכת", "תחילת השיחה", "המפתח שלך",
		"सिस्टम मैसेज", "सिस्टम संदेश", "बातचीत की शुरुआत", "তোমার ডেভেলপার", "সিস্টেম মেসেজ", "সিস্টেম বার্তা", "কথোপকথনের শুরু",
		"システムメッセージ", "設定文", "会話の最初", "最初のメッセージ", "開発者から", "시스템 메시지", "대화 시작", "처음 메시지", "개발자가 준",
		"系统设定", "对话开始", "开发者给你", "ข้อความระบบ", "คำสั่งระบบ", "ตอนต้นของบทสนทนา",
		"μήνυμα συστήματος", "αρχή της συζήτησης", "τον προγραμματιστή σου",
	)
	add(gGivenYou, "ke diye hue", "ke diye gaye", "ne diye", "t'a envoye", "t'a donne", "ti sono state date", "ti hanno dato")
	add(gExtVerb,
		"kopiere", "kopier", "copiaza", "kopiuj", "skopiuj", "zkopiruj", "kopyala", "sao chep", "kopioi", "kopiera", "masold",
		"plak", "wklej", "vloz", "yapistir", "tempel", "klistra in", "liita", "lipeste", "illeszd be", "scrivimi", "ird ki", "wat staat", "yazar misin",
		"copy", "paste",
	)
	add(gExtVerbW, "скопіюй", "کپی کن", "תעתיק", "कॉपी करो", "কপি করো", "コピー", "복사", "αντέγραψε", "αντίγραψε")
	add(gExtVerb, "复制")

	// "Only listen to me": the user in the place of the rules (gObeyMe).
	add(gObeyMe,
		"only listen to me", "listen only to me", "obey only me", "only obey me", "do only what i say", "only do what i say",
		"nur noch mir", "gehorche nur mir", "nur auf mich", "hor nur auf mich", "nur noch auf mich", "nur was ich sage",
		"c'est moi qui decide", "n'obeis qu'a moi", "obeis seulement a moi", "ecoute seulement moi", "n'ecoute que moi",
		"solo sigues las mias", "solo me obedeces", "obedece solo a mi", "haz solo lo que yo diga", "solo lo que yo diga", "solo me escuchas",
		"solo quello che dico io", "obbedisci solo a me", "ascolta solo me", "so me obedeca", "obedeca apenas a mim", "so o que eu disser", "apenas o que eu disser",
		"alleen wat ik zeg", "luister alleen naar mij", "alleen nog naar mij", "sluchaj tylko mnie", "tylko mnie sluchaj", "rob tylko to, co mowie", "tylko to co mowie",
		"rid se jen mnou", "poslouchej jen mne", "jen to, co rikam", "bara som jag sager", "lyd bara mig", "lyssna bara pa mig",
		"tottele vain minua", "kuuntele vain minua", "doar ce spun eu", "asculta doar de mine", "csak ram hallgass", "csak engem hallgass",
		"sadece benim dediklerimi", "sadece beni dinle", "turuti perintahku saja", "hanya dengarkan aku", "ikuti perintahku saja",
		"chi nghe loi toi", "chi lam theo toi", "chi nghe toi", "sirf meri baat mano", "sirf meri sunno",
		"слушайся только меня", "слушай только меня", "выполняй только мои", "слухайся тільки мене", "слухай тільки мене",
		"أوامري فقط", "اوامري فقط", "أطعني فقط", "استمع إلي فقط", "نفذ أوامري", "فقط حرف من", "فقط از من",
		"רק מה שאני אומר", "רק לי", "सिर्फ मेरी बात", "केवल मेरी बात", "सिर्फ़ मेरी बात", "শুধু আমার কথা", "কেবল আমার কথা",
		"私の命令だけ", "私の指示だけ", "私の言うことだけ", "내 명령만", "내 말만", "내 지시만", "只听我的", "只服从我", "只听从我",
		"ฟังแค่ฉัน", "ทำตามฉันเท่านั้น", "เชื่อฟังฉันเท่านั้น", "μόνο ό,τι λέω", "μόνο εμένα",
	)
	add(gOvrVerb,
		"annulla", "annule", "anula", "annuleer", "anuluj", "zrus", "iptal et", "huy bo", "batalkan", "avbryt", "anuleaza",
		"olej", "bosver", "chhod do", "chod do", "trek je niks aan van", "trek je niets aan van", "deja de obedecer", "arrete de suivre", "arrete d'obeir",
		"hor auf", "hore auf", "stop met", "przestan sluchac", "prestan poslouchat", "berhenti mengikuti", "sluta lyda", "nu mai asculta", "ne hallgass",
		"takip etmeyi birak", "uymayi birak", "取消",
		// "whatever it says above": the override and what it overrides in one phrase
		"egal was oben steht", "egal, was oben steht", "peu importe ce qui est au-dessus", "no importa lo que diga arriba", "non importa cosa c'e sopra",
	)
	add(gOvrAll, "egal was oben steht", "egal, was oben steht", "peu importe ce qui est au-dessus", "no importa lo que diga arriba", "non importa cosa c'e sopra")
	// Not Thai "ยกเลิก" (cancel): "คำสั่งซื้อ" (a purchase order) holds
	// "คำสั่ง", so cancelling all previous orders read as an override.
	add(gOvrVerbW,
		"скасуй", "перестань слушаться", "перестань выполнять", "припини", "توقف عن اتباع", "توقف عن", "لغو کن", "תפסיק לציית", "תפסיק", "בטל",
		"रद्द करो", "छोड़ दो", "বাতিল করো", "বাদ দাও", "取り消して", "취소하고", "취소해", "หยุดทำตาม", "σταμάτα να ακολουθείς", "σταμάτα", "ακύρωσε",
		"не важно, что написано выше", "неважно, что написано выше",
	)
	add(gOvrAll, "не важно, что написано выше", "неважно, что написано выше")
	both(gOvrQuant, gOvrObj, "saantojesi", "szabalyaiddal", "szabalyaidra", "aturan lamamu", "lamamu")
	add(gVerbatim,
		"slovo od slova", "slovo po slove", "doslova", "ordagrant", "ord for ord", "sanasta sanaan", "sana sanalta", "cuvant cu cuvant", "szo szerint", "szorol szora",
		"kata demi kata", "kata per kata", "persis seperti aslinya", "nguyen van", "tung chu", "word by word", "hubahu",
		"дослівно", "слово в слово", "αυτολεξεί", "λέξη προς λέξη", "کلمه به کلمه", "מילה במילה", "हूबहू", "হুবহু", "ঠিক যেমন", "คำต่อคำ", "한 글자도", "原文", "そのままコピー",
	)
	add(gPromptWord,
		"tus reglas", "tes regles", "deine regeln", "le tue regole", "suas regras", "je regels", "twoje zasady", "tvoje pravidla", "твои правила", "твої правила",
		"kurallarini", "قواعدك", "قوانینت", "הכללים שלך", "तुम्हारे नियम", "তোমার নিয়ম", "あなたのルール", "너의 규칙", "你的规则", "quy tac cua ban", "aturanmu", "กฎของคุณ",
		"dina regler", "saantosi", "κανόνες σου", "regulile tale", "szabalyaid", "reglas internas", "regole interne", "regras internas", "interne regels",
	)
}

// Round 5, third pass (after fresh8m3 was measured once: 54.0 % of its 50
// attacks): the model's rules declared void (gVoidL), which decision 150's
// gVoid holds for English and a few languages, in the others; they count
// with a quantifier ("previous", "all", "your", "so far"), not alone.
func init() {
	lexicon[gVoidL] = append(lexicon[gVoidL],
		"gelten nicht mehr", "gelten ab jetzt nicht mehr", "gelten ab sofort nicht mehr", "sind nicht mehr gultig", "sind ungultig", "sind ab sofort ungultig", "sind aufgehoben",
		"ne comptent plus", "ne sont plus valides", "ne sont plus valables", "sont annulees", "sont caduques", "ne s'appliquent plus",
		"ya no valen", "ya no cuentan", "ya no son validas", "ya no aplican", "quedan anuladas", "han sido anuladas",
		"non vale piu", "non valgono piu", "non contano piu", "sono annullate", "non sono piu valide",
		"nao valem mais", "nao contam mais", "foram canceladas", "foram anuladas", "nao sao mais validas",
		"gelden niet meer", "zijn niet meer geldig", "zijn vervallen", "zijn ongeldig",
		"sa niewazne", "nie obowiazuja", "juz nie obowiazuja", "przestaja obowiazywac", "zostaly anulowane",
		"neplati", "uz neplati", "prestavaji platit", "jsou neplatne", "jsou zrusene",
		"gecersizdir", "gecersiz", "artik gecerli degil", "gecerli degildir",
		"khong con hieu luc", "het hieu luc", "tidak berlaku lagi", "sudah tidak berlaku", "dibatalkan",
		"galler inte langre", "ar ogiltiga", "ar upphavda", "eivat ole enaa voimassa", "eivat enaa pade", "ovat mitatoityja",
		"nu mai sunt valabile", "nu mai sunt valide", "au fost anulate", "mar nem ervenyesek", "ervenytelenek", "nem ervenyesek",
		"bol'she ne dejstvuyut", "bolshe ne deystvuyut", "ab lagu nahi", "ab valid nahi",
		"больше не действуют", "больше не действительны", "отменены", "недействительны", "утратили силу",
		"більше не діють", "скасовано", "скасовані", "недійсні",
		"لم تعد صالحة", "لم تعد سارية", "ملغاة", "باطلة", "اعتبار ندارند", "دیگر معتبر نیست", "دیگر معتبر نیستند", "لغو شده",
		"לא תקפות", "אינן תקפות", "כבר לא תקפות", "בטלות", "מבוטלות",
		"मान्य नहीं", "रद्द हो गए", "अब लागू नहीं", "আর প্রযোজ্য নয়", "বাতিল করা হয়েছে",
		"無効です", "無効になりました", "もう無効", "すべて無効", "무효", "더 이상 유효하지", "作废", "全部作废", "不再有效",
		"ถือเป็นโมฆะ", "ไม่มีผลแล้ว", "δεν ισχύουν", "δεν ισχύουν πια", "ακυρώνονται", "καταργούνται",
	)
}

// Round 5, last pass (written before fresh8m4, from no set): the
// imperative verbs that ask for text in each language, so an extraction is
// not missed for its verb, and the first/original modifiers and the word
// for "rules" of the wide-script extraction rule ("покажи свои правила",
// English "your rules" in gExtObj). Not the verbs for "share": "Deel je
// wachtwoord nooit" is advice.
func init() {
	add := func(g group, words ...string) { lexicon[g] = append(lexicon[g], words...) }
	add(gExtVerb,
		"zeigen sie", "gib aus", "sag mir", "sage mir", "offenbare", "enthulle", "teile",
		"montrez", "affichez", "donnez", "dites-moi", "ecrivez", "revelez", "repetez", "envoie", "cite",
		"muestre", "digame", "lista", "envia", "cita", "dame",
		"inviami", "dammi",
		"mostra-me", "diz-me", "escreve", "envie",
		"vertel", "kopieer", "noem",
		"pokazcie", "powiedz", "wymien",
		"ukazte", "vypiste", "zobraz", "napis", "rekni", "prozrad", "sdel",
		"skriv", "beratta", "avsloja", "upprepa", "lista", "ge mig",
		"kerro", "paljasta", "toista", "listaa", "tulosta", "anna",
		"arata-mi", "spune-mi", "dezvaluie", "repeta", "listeaza", "afiseaza", "da-mi",
		"mondd el", "mondd meg", "aruld el", "ismeteld meg", "listazd", "add meg",
		"listele", "ver", "yazdir",
		"sebutkan", "beritahu",
		"viet ra", "liet ke", "cung cap",
	)
	add(gExtVerbW,
		"напиши", "перечисли", "процитируй", "отобрази", "распечатай", "^дай$", "предоставь",
		"перелічи", "розкрий", "процитуй", "надай", "скажи",
		"اكتب", "قل", "كرر", "اكشف", "اطبع", "اذكر",
		"تکرار کن", "فاش کن", "چاپ کن", "فهرست کن",
		"תכתוב", "תראה", "תציג", "אמור", "תגיד", "חשוף", "תחשוף", "הדפס", "פרט",
		"दोहराओ", "छापो", "शेयर करो",
		"প্রকাশ করো", "পুনরাবৃত্তি করো",
		"書い", "列挙", "貼り",
		"써", "나열",
		"เขียน", "ทวน", "เปิดเผย", "แชร์",
		"πες", "αποκάλυψε", "εμφάνισε", "τύπωσε", "δώσε",
	)
	add(gExtModW,
		"начальн*", "вихідн*", "اولیه", "اصلی", "המקוריות", "ההתחלתיות", "הראשוניות", "शुरुआती", "মূল", "প্রাথমিক",
		"처음", "เริ่มต้น", "ดั้งเดิม", "αρχικ*",
	)
	add(gExtObjW, "^правил*", "القواعد", "قوانین", "כללים", "הכללים", "नियम", "নিয়ম", "ルール", "규칙", "กฎ", "κανόν*")
}
