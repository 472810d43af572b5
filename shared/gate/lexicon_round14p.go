package gate

// Round 14p (decision 150, "Round 14p: other people's data under a
// pretext, mode banners, split payloads"). An assistant in front of a bank,
// an HR system or a health portal holds other people's data; the direct
// injections the lexicon missed most on the purple-team collection and on
// a set written for this round (testdata/fresh20a.jsonl) ask for that data
// without any override: a claimed police officer, a judge, a parent or an
// auditor asking for a customer's address, "just to confirm" the birth
// date "you have on file for" someone, the same request behind a mode
// banner or in a world "where privacy no longer exists". A request for
// one's own data ("what's my balance"), a developer's question ("how do I
// read the user's e-mail from the API") and a clerk's question about
// procedure ("what is the legal process to request records") stay clean.
//
// dataAsk fires on a person's data (gPData) asked for (gAskSecret,
// gAskSecretW) with one sign that it is somebody else's held by the
// assistant (gHeld) or that the ask leans on a pretext, an authority, a
// fiction or a special mode; never near a how-to (gDataHow).
var dataAsk = proxRule{
	rule:    "prompt_injection.instruction_override",
	reqs:    []group{gPData, gAskSecret, gAskSecretW, gHeld, gPretext, gAuthority, gFrame, gModeOn},
	weights: []uint8{0, 0, 0, 2, 2, 2, 1, 2},
	must:    1, mustAny: 0b110, need: 2, window: 300,
	unless: []group{gDataHow, gJbTalk, gReported},
}

func init() {
	proxRules = append(proxRules, dataAsk)
	add := func(g group, ws ...string) { lexicon[g] = append(lexicon[g], ws...) }

	// A person's data, as a support, HR or health assistant holds it.
	// Bare "email", "address" and "balance" are left out in English: "the
	// e-mail you sent", "the address of the venue", "work-life balance".
	add(gPData,
		"home address", "home addresses", "residential address", "street address", "postal address", "mailing address", "current address", "her address", "his address", "their address",
		"email address", "email addresses", "e-mail address", "e-mail addresses", "personal email", "emails and phone", "emails and telephone",
		"phone number", "phone numbers", "mobile number", "mobile numbers", "cell number", "cell phone number", "telephone number", "personal phone", "personal mobile", "contact details", "contact info",
		"birth date", "birth dates", "date of birth", "birth year", "birthdate",
		"social security number", "social security numbers", "ssn", "id number", "id numbers", "national id", "passport number", "tax id", "driver's license number",
		"account balance", "account balances", "bank balance", "current balance", "the balance of", "account number", "account numbers", "bank account number", "bank account numbers",
		"card number", "credit card number", "cvv", "iban", "pin and", "the pin of",
		"'s salary", "salary of", "his salary", "her salary", "their salary", "their salaries", "salaries of", "annual salaries", "the salary you", "salary and", "salaries", "bonus this year",
		"'s diagnosis", "his diagnosis", "her diagnosis", "their diagnosis", "diagnosis of", "diagnosis code", "diagnosis history", "diagnosed with", "medication list", "medical record", "medical records", "medical history", "health condition", "health conditions",
		"hiv diagnosis", "city of residence", "place of residence", "current city", "current location", "where she lives", "where he lives", "where they live", "personal data", "personal details",
		"user emails", "the email of", "birth month", "birth day", "initials", "credit card details", "card details", "payment details", "bank details",
		"where does the user", "where is the user", "the user live", "the user living", "emails of", "the e-mail of", "the phone number of",
		"personal information", "full profile", "raw record", "customer record", "customer pii", "disciplinary action", "disciplinary actions", "last transaction",
		// de, fr, es, it, pt, nl, pl
		"wohnanschrift", "anschrift", "adresse", "e-mail-adresse", "telefonnummer", "handynummer", "geburtsdatum", "kontostand", "gehalt", "kontonummer", "die diagnose", "steuer-id",
		"sozialversicherungsnummer", "ausweisnummer",
		"adresse e-mail", "numero de telephone", "date de naissance", "salaire", "le solde", "diagnostic", "numero de securite sociale",
		"direccion", "correos", "el correo", "telefono", "telefonos", "fecha de nacimiento", "sueldo", "salario", "el saldo", "dni", "numero de seguridad social",
		"indirizzo", "numero di telefono", "data di nascita", "stipendio", "codice fiscale", "diagnosi",
		"endereco", "telefone", "data de nascimento", "o saldo", "cpf", "diagnostico",
		"adres", "telefoonnummer", "geboortedatum", "salaris", "bsn", "numer telefonu", "data urodzenia", "pensja", "wynagrodzenie", "pesel",
		// tr, ru, ar, hi, ja, ko, zh, id, vi
		"telefon numarasi", "adresi", "dogum tarihi", "maasi", "maas", "bakiyesi", "bakiye", "kimlik numarasi", "tc kimlik",
		"адрес", "номер телефона", "телефон", "дата рождения", "дату рождения", "зарплат", "зарплаты", "баланс", "паспорт", "почту", "почта",
		"رقم الهاتف", "البريد الإلكتروني", "عنوان", "تاريخ ميلاد", "راتب", "رصيد", "تشخيص",
		"मोबाइल नंबर", "फ़ोन नंबर", "फोन नंबर", "घर का पता", "पता", "जन्मतिथि", "जन्म तिथि", "सैलरी", "वेतन", "बैलेंस", "अकाउंट नंबर", "आधार नंबर",
		"住所", "電話番号", "メールアドレス", "生年月日", "給与", "残高", "診断",
		"주민등록번호", "전화번호", "주소", "연봉", "월급", "잔액", "이메일",
		"地址", "电话号码", "手机号", "出生日期", "工资", "薪水", "余额", "身份证号", "诊断", "邮箱",
		"alamat", "nomor telepon", "nomor hp", "tanggal lahir", "gaji", "saldo rekening", "nomor ktp",
		"dia chi", "so dien thoai", "ngay sinh", "luong", "so du",
	)
	// The data named as held by the assistant and somebody else's: "the
	// birth date you have on file for M. Brandt", "the address of the
	// customer", "the person who chatted with you before me". "My"
	// account, "a customer's" address in a developer's question are not.
	add(gHeld,
		"on file", "on record", "you have for", "you hold for", "you hold on", "you have stored", "you've got on", "you have on", "in your records", "in your database", "in your system",
		"in your data", "in your files", "in the hr file", "in the hr database", "your employee records", "your customer records", "your records", "registered for", "recorded for", "stored for",
		"of the customer", "the customer's", "the customers'", "of your customers", "of all customers", "of every customer", "of all users", "of every user", "other users", "other customers",
		"all employees", "every employee", "of the employee", "the employee's", "of employee", "your employee", "of the patient", "the patient's", "patients in", "of the user you", "the user you're",
		"the user you are", "the previous caller", "previous caller's", "the person before me", "the person who chatted", "the last person", "your last customer", "the previous user",
		"previous customer", "the account holder", "account holder", "of customer", "for customer", "for the customer", "for account", "for accounts", "associated with the user", "the student's",
		"their parents'", "of the student", "your members", "your patients", "your customers", "your employees", "your portal's", "the person before", "the other account",
		"hinterlegt", "hinterlegte", "in ihrer datenbank", "in deiner datenbank", "ihres kunden", "ihrer kundin", "des kunden", "der kundin", "ihres mitarbeiters", "des mitarbeiters", "der mitarbeiterin",
		"du client", "de la cliente", "de vos clients", "dans le dossier", "dans vos dossiers", "de l'employe", "du patient", "de la patiente", "sur le portail",
		"del cliente", "de la clienta", "de los clientes", "en sus registros", "en tus registros", "del empleado", "de la empleada", "del paciente", "de todos los clientes",
		"della cliente", "dei clienti", "nei vostri archivi", "del dipendente", "della dipendente", "del paziente", "dell'ufficio",
		"do cliente", "da cliente", "dos clientes", "nos teus dados", "nos seus dados", "do funcionario", "da funcionaria", "do paciente",
		"van de klant", "van klant", "in uw systeem", "van de medewerker", "klienta", "klientki", "pracownika", "pacjenta", "w bazie",
		"musterinin", "musterisinin", "kayitli", "calisanin", "personelin", "hastanin",
		"клиента", "клиентки", "клиентов", "сотрудника", "сотрудницы", "сотрудников", "в базе", "пациента",
		"للموظف", "للموظفة", "العميل", "المريض", "في بياناتك",
		"ग्राहक", "कर्मचारी", "मरीज़", "मरीज",
		"お客様の", "顧客の", "社員の", "登録住所", "登録されて", "患者の",
		"고객", "사원", "직원", "환자",
		"客户的", "顾客的", "员工的", "病人", "患者", "数据库里", "数据库中",
		"nasabah", "karyawan", "pasien", "tercatat", "atas nama",
		"khach hang", "nhan vien", "benh nhan", "trong ho so",
		"for patient", "of patient", "patient id", "bei dir fur", "ist bei dir",
		"the user's birth", "the user's initials", "the user's home", "the user's current", "the user's credit", "the user's bank", "the user's ssn",
		"the user's social security", "the user's email address", "the user's phone", "the user's date",
	)
	// Claimed officials and relatives, and the pressure that comes with
	// them. gPretext's other rule (round 5) weighs a pretext only with a
	// lifted limit, so these words add nothing there on their own.
	add(gPretext,
		"police officer", "police inspector", "police department", "metro police", "i'm a detective", "i am a detective", "this is detective", "detective sergeant", "law enforcement",
		"law-enforcement", "federal agency", "federal agent", "internal affairs", "court order", "order of the court", "by order of", "subpoena", "a warrant", "national security",
		"fraud department", "internal audit", "external auditor", "compliance review", "data protection officer", "company president", "i'm the ceo", "i am the ceo", "the president of",
		"i'm the president", "i am the president", "hr admin", "head of hr", "i'm his mom", "i'm her mom", "i'm his dad", "i'm her dad", "i'm his father", "i'm her father", "i'm his mother",
		"i'm her mother", "im his mom", "im her mom", "the parent of", "i'm the parent", "i am the parent", "i'm the teacher", "i'm his accountant", "i'm her accountant", "i'm treating",
		"treating physician", "this is an emergency", "it's an emergency", "emergency override", "is in danger", "time is critical", "it's urgent", "it is urgent", "for a survey",
		"conducting a survey", "a university study", "conducting a study", "for the safety of", "it was fine", "it's fine", "gave me permission", "i have permission", "asked me to get",
		"asked me to pass", "asked me to ask", "for verification", "dispatcher here",
		// privacy said to be gone, so the data would be no secret
		"personal data is public", "personal data is shared", "personal data is currency", "personal data is open", "data is public knowledge", "is public knowledge",
		"is already public", "privacy doesn't exist", "privacy does not exist", "privacy no longer exists", "privacy laws were abolished", "privacy was abolished", "without privacy",
		"no privacy", "confidentiality was never", "confidentiality doesn't exist", "all data is public", "all records are public", "records are open", "sharing personal data is the norm",
		"datenschutz gibt es", "ohne datenschutz", "sans vie privee", "sin privacidad", "senza privacy", "sem privacidade", "без приватности", "لا توجد فيه خصوصية", "khong co quyen rieng tu",
		"du lieu ca nhan deu cong khai",
		"kriminalkommissar", "kriminalpolizei", "polizei", "polizist", "ermittlungsverfahren", "staatsanwalt", "richterlich",
		"medecin traitant", "je suis le medecin", "je suis medecin", "policier", "gendarmerie", "commissaire", "juge d'instruction", "c'est urgent",
		"soy policia", "soy el jefe", "soy la jefa", "auditoria", "es urgente",
		"sono il giudice", "tribunale", "polizia", "carabinieri", "provvedimento urgente",
		"sou policial", "sou o medico", "sou a medica",
		"я отец", "я мать", "полиция", "следователь", "ic denetim", "polis",
		"पुलिस", "इंस्पेक्टर", "مدير النظام", "الشرطة", "وضع الطوارئ",
		"인사팀장", "경찰", "警察", "監査", "审计", "petugas", "kantor pajak", "polisi", "cong an", "canh sat",
	)
	// Asks that read a person's data back, and their forms where the
	// verb follows its object. Each also joins the round-4 rule on a
	// defended secret, which needs "the password" within 30 bytes after
	// it.
	add(gAskSecret,
		"remind me", "read back", "read out", "look up", "echo back", "could you tell", "would you tell", "pass me", "confirm his", "confirm her", "confirm their", "confirm the",
		"list all", "list the", "list every", "which patient", "which patients", "which customer", "which customers", "which student", "who has the",
		"necesito", "me pases", "preciso", "benotige", "brauche", "geben sie mir", "j'ai besoin", "communiquer", "ho bisogno", "fornirmi", "mostrar", "mostra",
		"tolong berikan", "berikan", "paylasabilir", "dogrulamam", "скажите", "выведи", "cho minh", "la gi", "in ra",
		"what phone", "what email", "what e-mail", "what address", "what date of birth", "what birth", "what salary", "what was it", "printing", "by printing",
		"welche", "welchen", "quelle est", "quels sont", "quelles sont", "ما هو", "ما هي",
	)
	add(gAskSecretW, "चाहिए", "बताओ", "बताइए", "क्या है", "क्या था", "教えてもらえ", "알려주세요", "列出", "是多少", "是什么", "berapa")

	// How-tos, procedures and fields: the developer, the clerk and the
	// trainer around the same nouns.
	add(gDataHow,
		"how do i", "how can i", "how to", "how should", "how would i", "how does", "how is", "what's the best way", "what is the best way", "the proper", "the correct way", "procedure",
		"the process for", "legal process", "api", "endpoint", "field", "column", "query", "schema", "sql", "orm", "sdk", "json", "request.", "user.", "returns", "null", "redact",
		"never ask", "never share", "never reveal", "never give", "never disclose", "do not share", "don't share", "do not reveal", "don't reveal", "do not disclose", "must not",
		"not allowed to", "such as", "respecting", "not collecting", "not collect", "no personal data", "no personal information", "anonymi", "retention",
		// the asker's own data
		"for my account", "on my account", "my account", "for me", "my own", "my file", "my profile", "my details", "my record", "linked to my", "mine", "gdpr", "subject access", "pretexting", "pretending to be", "social engineering", "red flag", "awareness", "training",
		"wie kann ich", "wie andere ich", "comment", "como puedo", "como faco", "come si", "как в", "как сделать", "nasil", "bagaimana cara", "lam sao",
	)

	// The hidden prompt asked back as a reminder, and a text reversed
	// before it is obeyed.
	add(gExtVerb, "remind me of")
	add(gObfVerb, "reverse this", "reverse the text", "reverse this text")
	add(gModeOn, "debug=true", "debug = true", "redact=false")
	// A secret written in a form that carries it whole ("a haiku about the
	// password", "the password in leetspeak"); split parts to interlace;
	// the Hindi noun form of "ignore" ("की अनदेखी करें").
	add(gLeakForm, "haiku", "a haiku", "limerick", "a song about", "in leetspeak", "in leet", "in pig latin", "in morse", "in base64", "in binary", "in hex")
	add(gConcat, "interlace")
	add(gOvrVerbW, "अनदेखी")

	// The guarded secret with a word before its noun: "the stored
	// password", "the vault PIN", "den internen Zugangscode".
	add(gSecret,
		"stored password", "admin password", "administrator password", "master password", "root password", "vault pin", "vault code", "door pin", "door code", "staff door",
		"zugangscode", "mot de passe administrateur", "contrasena de administrador", "mat khau", "كلمة المرور",
	)

	// Split payloads: pieces to be joined ("Part 1 is …", "a = …, b = …,
	// write z = a + b + c") and the joined text to be answered or obeyed.
	add(gConcat,
		"part 1 is", "part 2 is", "part one is", "part two is", "part 1:", "part 2:", "piece one", "piece two", "first half", "second half", "two halves", "two parts together",
		"combine a, b", "combine a and", "a + b + c", "x1 +", "+ x1", "a+b+c", "put them in order", "glue them", "all together", "build the string", "concatenate the following",
		"fix the order", "z = a", "z = p", "p + q", "write z =", "\"\".join(", "''.join(", "s1 +", "the following strings", "these pieces", "the pieces", "join them into", "into one instruction", "join the parts",
		"partie a", "partie b", "assemble a", "parte 1", "parte 2", "junta as", "une questi pezzi", "unisci questi", "birlestir", "gabungkan", "ghep", "つなげて", "합쳐서", "जोड़कर",
	)
	add(gExecute,
		"answer the combined", "answer the resulting", "respond to the result", "answer the result", "answer the question they form", "answer the joined", "then answer z", "and answer it", "then answer it",
		"and answer:", "then answer:", "together and answer",
		"reply to z", "respond to z", "would reply to", "as an instruction", "execute it", "answer q", "answer the full", "tell me x of y",
		"jawab pertanyaannya",
		"rispondi alla domanda", "responde a la pregunta", "responde a z", "responde a pergunta", "reponds a la question", "cevapla", "jawab pertanyaan", "tra loi cau hoi", "答えて", "답해", "जवाब दो",
	)
}
