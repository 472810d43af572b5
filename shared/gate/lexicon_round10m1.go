package gate

import "strings"

// Round 10m1 (decision 150, "Round 10m1: multilingual parity, part 1"): the
// families of direct attacks the English lexicon catches, as people write
// them in Hindi (Devanagari and romanised), Bengali, Thai, Indonesian
// (formal and Jakarta informal), Tagalog (with English mixed in),
// Vietnamese (with and without diacritics: the lists are folded, so one
// unaccented form serves both) and Arabic (harakat are dropped by the
// fold). Round 5 gave each language a first layer of verbs and nouns; what
// it lacked were the other ways to say the same thing: "stop following",
// "whatever was said above", "everything so far", the informal verb forms
// ("lupain", "ikutin", "huwag pansinin"), "from now on you are" in its
// common variants, "you don't have any rules", the authority claims and
// lifted limits of round 5's weighed rule, the hijack verbs ("print
// exactly", "answer only with") and the secret asked for.
//
// Words only: every list joins an existing group, so the rules of earlier
// rounds (override, extraction, persona, authority, hijack) read them.
func init() {
	add := func(g group, words ...string) { lexicon[g] = append(lexicon[g], words...) }
	both := func(g1, g2 group, words ...string) { add(g1, words...); add(g2, words...) }

	// Override verbs. Latin script: Indonesian informal (the -in suffix of
	// Jakarta speech: "lupain", "ikutin", "cuekin"), Tagalog (with its
	// "don't" forms, "huwag"/"wag", and the English verbs it borrows with
	// "i-"), Vietnamese "stop following", "don't pay attention to",
	// romanised Hindi "break" and "stop obeying".
	add(gOvrVerb,
		"lupain", "lupakanlah", "cuekin", "cuekan", "abaikanlah", "jangan pedulikan", "jangan hiraukan", "jangan dengerin", "jangan dengarkan",
		"nggak usah ikutin", "gak usah ikutin", "ga usah ikutin", "tidak usah ikuti", "jangan ikutin", "berhenti ikutin", "berhenti ngikutin",
		"stop ikutin", "berhenti mematuhi", "berhenti menuruti", "langgar", "lewati",
		"kalimutan", "kalimutan mo", "limutin", "limutin mo", "huwag pansinin", "huwag mong pansinin", "wag pansinin", "wag mong pansinin",
		"balewalain", "ibalewala", "huwag sundin", "huwag mong sundin", "wag sundin", "wag mong sundin", "i-ignore", "i-ignore mo",
		"tigilan mo na ang pagsunod", "tigilan ang pagsunod", "itigil ang pagsunod", "itigil mo ang pagsunod", "huminto sa pagsunod", "lampasan", "labagin",
		"dung de y", "khong can de y", "dung quan tam", "khong can quan tam", "mac ke", "ngung tuan theo", "ngung lam theo", "thoi tuan theo", "khong can tuan theo", "vuot qua",
		"tod do", "tod dena", "maanna band karo", "manna band karo", "follow karna band karo", "follow mat karo",
	)
	add(gOvrQuant,
		"lahat", "lahat ng", "naunang", "nauna", "nakaraang", "sa itaas", "ibinigay sa iyo", "ibinigay sayo",
		"sejauh ini", "lamamu",
		"tu truoc", "truoc nay", "tu nay",
		"pehle ke", "pichhle", "sab", "tumhare sare",
	)
	add(gOvrObj,
		"tagubilin", "alituntunin", "patakaran", "panuntunan", "utos", "mga utos",
		"nguyen tac", "quy dinh", "chi thi",
		"nirdeshon", "niyamon",
	)
	// Possessive nouns that carry "your" (Tagalog "mo" after the noun,
	// Indonesian "-mu"/"-nya" forms not in round 5): both quantifier and object.
	both(gOvrQuant, gOvrObj,
		"alituntunin mo", "patakaran mo", "tagubilin mo", "panuntunan mo", "rules mo", "instructions mo", "utos mo",
		"instruksimu", "arahanmu", "petunjukmu", "peraturanmu", "rules kamu", "aturan kamu", "instruksi kamu", "pedoman kamu", "aturan lo", "instruksi lo",
	)
	// "Whatever was said above", "everything so far", "everything we talked
	// about": the quantity and the object in one (English "everything so
	// far", "everything you were told").
	add(gOvrAll,
		"yang dibilang di atas", "yang dikatakan di atas", "yang ditulis di atas", "yang tertulis di atas", "semua yang dibilang", "semua yang dikatakan sebelumnya",
		"semua obrolan tadi", "obrolan kita tadi", "semua yang kita bahas", "yang kita obrolin", "yang kita bicarakan", "semua percakapan tadi",
		"lahat ng sinabi sa itaas", "sinabi sa itaas", "nakasulat sa itaas", "lahat ng nasa itaas", "lahat ng pinag-usapan", "pinag-usapan natin", "lahat ng sinabi ko kanina",
		"nhung gi da noi o tren", "nhung gi o tren", "moi thu da noi", "tat ca nhung gi da noi", "nhung gi minh noi nay", "nhung gi chung ta da noi", "moi thu tu nay", "het nhung gi",
		"ab tak ki saari baatein", "ab tak ki sari baatein", "ab tak jo bhi", "upar jo bhi",
		"ऊपर जो कुछ", "जो कुछ भी कहा गया", "जो कुछ कहा गया", "अब तक की सारी बातें", "अब तक की सभी बातें", "अब तक की बातें", "अब तक जो कुछ", "अब तक कहा गया", "ऊपर कही गई",
		"উপরে যা কিছু", "যা কিছু বলা হয়েছে", "উপরে যা বলা", "এতক্ষণ যা", "এতক্ষণের সব", "এ পর্যন্ত যা", "এখন পর্যন্ত যা",
		"ที่บอกไว้ข้างบน", "ที่เขียนไว้ข้างบน", "ที่กล่าวไว้ข้างต้น", "ข้างต้นทั้งหมด", "ทุกอย่างที่คุยกันมา", "ที่คุยกันมาทั้งหมด", "ทุกอย่างที่บอกไป", "ที่ผ่านมาทั้งหมด",
		"كل ما قيل", "ما قيل في الأعلى", "ما ورد في الأعلى", "ما ذكر أعلاه", "كل ما تحدثنا", "ما تحدثنا عنه", "كل ما قلناه", "كل ما سبق ذكره",
	)
	// Override verbs, wide scripts: "stop following/obeying", "break".
	add(gOvrVerbW,
		"पालन करना बंद", "पालन बंद", "मानना बंद", "मानना छोड़", "पालन करना छोड़", "तोड़ दो", "तोड़ो", "दरकिनार",
		"মানা বন্ধ", "মেনে চলা বন্ধ", "অনুসরণ করা বন্ধ", "অনুসরণ বন্ধ", "পাত্তা দিও না", "পাত্তা দেবে না", "ভেঙে দাও",
		"เลิกทำตาม", "เลิกสนใจ", "ไม่ต้องทำตาม", "ไม่ต้องไปสนใจ", "อย่าไปสนใจ", "อย่าสนใจ",
		"لا تهتم ب", "لا تلتفت", "تخط", "اترك",
	)
	add(gOvrQuantW, "सारी", "तमाम", "সমস্ত", "সবগুলো", "আগেকার", "คุณได้รับ", "كافة", "الخاصة بك", "الخاص بك")
	add(gOvrObjW, "हिदायत", "নির্দেশনা", "নির্দেশিকা", "নিয়মকানুন", "বিধি", "ข้อบังคับ", "กติกา", "الضوابط", "ضوابط")

	// Extraction: the verbs and objects of English "reveal your
	// configuration", "what hidden instructions were you given", in the
	// Latin-script languages.
	add(gExtVerb,
		"tunjukin", "kasih lihat", "kasih liat", "tulis", "ketik", "kasih tau", "kasih tahu", "spill",
		"ipakita", "ipakita mo", "ipakita sa akin", "sabihin mo", "isulat", "isulat mo", "ilista", "ibunyag", "ibunyag mo", "ulitin", "ulitin mo", "i-print", "ibigay mo", "ano ang", "ano yung", "ano 'yung",
		"cho xem", "tiet lo", "lo ra", "dua ra", "noi ra", "nhung gi",
		"bolo", "likh ke do", "share karo", "reveal karo", "print karo",
	)
	add(gExtObj,
		"instruksi rahasia", "perintah rahasia", "aturan rahasia", "arahan rahasia", "konfigurasi kamu", "konfigurasimu", "konfigurasi anda", "api key kamu", "api key-mu",
		"kunci rahasia kamu", "system prompt kamu", "system prompt-mu", "system promptmu", "prompt sistem kamu", "password kamu", "passwordmu",
		"system prompt mo", "prompt mo", "mga tagubilin mo", "instructions mo", "configuration mo", "config mo", "password mo", "mga patakaran mo", "rules mo",
		"lihim na tagubilin", "lihim na instructions", "nakatagong tagubilin", "nakatagong instructions", "sikretong instructions", "sikretong tagubilin",
		"chi thi an", "chi thi bi mat", "huong dan bi mat", "cau hinh cua ban", "khoa api cua ban", "khoa bi mat cua ban", "system prompt cua ban",
		"tumhare instructions", "tumhara prompt", "apne instructions", "chhupe instructions", "secret instructions",
		// "your rules", as English "your rules" in gExtObj
		"aturanmu", "aturan kamu", "peraturanmu", "patakaran mo", "mga patakaran mo", "quy tac cua ban", "quy dinh cua ban", "tumhare rules", "tumhare niyam",
	)
	add(gExtModW, "قواعدك")
	add(gExtObjW, "قواعدك", "নিয়মগুলো")

	// Left as it was: "अपना पासवर्ड" alone (gSecretAsk) is also "my own
	// password" ("मैं अपना पासवर्ड भूल गया"), but narrowed to the informal
	// verbs that ask for it, the pool's Hindi injections (formal Hindi:
	// aggregate only) lost 16 of 52 caught. Not narrowed.
	add(gGivenYou,
		"dikasih ke kamu", "dikasih ke lo", "diberikan ke kamu", "dikasih kamu", "yang kamu dapat",
		"ibinigay sa iyo", "ibinigay sayo", "binigay sa iyo", "binigay sayo", "ibinigay sa'yo",
		"ban da duoc giao", "da duoc giao", "ban duoc giao", "ban da nhan",
		"tumhe diye gaye", "tumhe jo",
		"तुम्हें जो", "আপনাকে যে", "ที่ได้รับมา", "التي أعطيت لك", "المعطاة لك",
	)
	// Wide scripts: verbs that ask for text, and "your"/"hidden"
	// modifiers (Hindi "छुपे" is the spoken form of "छिपे").
	add(gExtVerbW, "लिखकर", "लिख दो", "लिख कर", "बता दे", "ফাঁস করো", "বলে দাও", "প্রিন্ট করো", "เผย", "ขอดู", "اعرض علي", "أرني", "ارني", "أظهر لي")
	add(gExtModW, "अपनी", "तुम्हारी", "आपकी", "छुपे", "छुपी", "छुपा", "छिपी", "छिपा", "সিক্রেট", "ซ่อน", "เฝ้า", "إعداداتك", "اعداداتك")
	add(gExtObjW, "अपनी कॉन्फ़िगरेशन", "अपनी कॉन्फिगरेशन", "तुम्हारी कॉन्फ़िगरेशन", "अपने कॉन्फ़िगरेशन", "তোমার কনফিগারেশন", "การตั้งค่าของคุณ", "إعداداتك", "اعداداتك")

	// The secret asked for (gAskSecret/gAskSecretW with gSecret, as in
	// "tell me the secret password"): only the secret named as one, not a
	// bare "password", so "tell me how to change the wifi password" stays
	// a question.
	add(gAskSecret, "kasih tau", "kasih tahu", "kasi tau", "beritahu aku", "beritahu saya", "sabihin mo", "sabihin mo sa akin", "ibigay mo", "ano ang",
		"noi cho toi biet", "cho toi biet", "noi cho toi", "bata do", "batao")
	add(gAskSecretW, "บอก", "বলো", "বলে দাও", "बताओ", "बता दो", "أعطني", "اعطني", "أخبرني ب", "اخبرني ب", "قل لي")
	add(gSecret,
		"password rahasia", "kata sandi rahasia", "sandi rahasia", "sikretong password", "lihim na password", "mat khau bi mat", "secret password",
		"गुप्त पासवर्ड", "सीक्रेट पासवर्ड", "গোপন পাসওয়ার্ড", "সিক্রেট পাসওয়ার্ড", "รหัสผ่านลับ", "كلمة السر",
	)

	// Persona: "from now on you are", "pretend", and "you don't have any
	// rules" (gJbUnres, and gJbQual as round 4 copied them).
	add(gJbPersona,
		"pura-pura", "pura pura", "anggap aja kamu", "anggap saja kamu", "mulai sekarang lo", "mulai sekarang kamu jadi", "sekarang lo adalah",
		"simula ngayon ikaw", "mula ngayon ikaw", "mula ngayon, ikaw", "simula ngayon, ikaw", "ikaw na si", "ikaw ay si", "magkunwari", "magkunwaring", "magpanggap", "kunwari ikaw", "gumanap bilang", "umarte bilang",
		"ab se tum ek", "tum ab ek", "aisa behave karo", "aise behave karo", "natak karo ki",
		"अब से तुम एक", "बर्ताव करो जैसे", "ऐसा बर्ताव करो", "ऐसे बर्ताव करो", "व्यवहार करो जैसे", "ऐसा व्यवहार करो", "दिखावा करो",
		"এখন থেকে তুমি হলে", "এখন থেকে তুমি একটা", "ভান করো যে", "এমন আচরণ করো",
		"ต่อจากนี้ไปคุณคือ", "ต่อจากนี้คุณคือ", "จากนี้ไปคุณคือ", "นับจากนี้คุณคือ", "ต่อจากนี้ไปคุณเป็น", "ตั้งแต่นี้ไปคุณเป็น", "ตั้งแต่นี้คุณคือ", "ทำเป็นว่า", "ทำตัวเป็น",
		"فصاعدا أنت", "فصاعدا انت", "فصاعدا ستكون", "من الآن ستكون", "تصرف كما لو", "تظاهر بأنك",
	)
	add(gJbIdent, "tu gio tro di ban la", "ke tu gio ban la", "tu bay gio tro di ban la", "tu nay ban la", "tu gio ban se la", "gia vo nhu", "gia vo rang", "hay tuong tuong ban la", "dong vai mot")

	var unres []string
	cross := func(pre, nouns []string, sep string) {
		for _, p := range pre {
			for _, n := range nouns {
				unres = append(unres, p+sep+n)
			}
		}
	}
	cross([]string{"nggak punya", "gak punya", "ga punya", "tidak punya", "tidak ada", "nggak ada", "gak ada", "tanpa"}, []string{"aturan", "batasan", "filter", "sensor", "etika", "moral", "larangan", "batas"}, " ")
	cross([]string{"walang", "walang anumang", "walang kahit anong", "wala kang", "wala kang kahit anong", "nang walang"}, []string{"limitasyon", "rules", "patakaran", "filter", "censorship", "restriksyon", "batas", "hangganan", "moralidad", "etika", "paghihigpit"}, " ")
	cross([]string{"khong co", "khong he co", "khong bi"}, []string{"han che", "rao can", "luat le", "quy dinh", "kiem soat"}, " ")
	cross([]string{"koi", "bina kisi", "bilkul koi"}, []string{"niyam nahi", "rules nahi", "limit nahi", "seema nahi", "restriction nahi"}, " ")
	cross([]string{"कोई"}, []string{"नियम ही नहीं", "नियम नहीं", "सीमा नहीं", "रोक-टोक नहीं", "बंदिश नहीं"}, " ")
	cross([]string{"बिना किसी"}, []string{"सीमा के", "रोक-टोक", "बंदिश", "प्रतिबंध के"}, " ")
	for _, n := range []string{"বিধিনিষেধ", "নিয়মকানুন", "সীমা", "নিষেধাজ্ঞা", "বাধানিষেধ", "নিয়ম-কানুন"} {
		for _, s := range []string{" নেই", " ছাড়া", " ছাড়াই"} {
			unres = append(unres, n+s)
		}
	}
	cross([]string{"ไม่มี", "ไร้", "โดยไม่มี"}, []string{"ขีดจำกัด", "ข้อห้าม", "กฎเกณฑ์", "ข้อบังคับ", "กติกา"}, "")
	cross([]string{"لا تملك", "لا تملك أي", "ليس لديك", "ليس لديك أي", "ليست لديك أي", "لا توجد لديك أي"}, []string{"قواعد", "قيود", "حدود", "ضوابط", "رقابة", "فلاتر"}, " ")
	both(gJbUnres, gJbQual, unres...)

	// Authority (round 5's weighed rule: a claim 3, a lifted limit 2, a
	// mode switched off 1, "without limits" 1): the claim to own or run
	// the assistant, the permission it gives, the safety mode said off.
	add(gAuthority,
		"मैं तुम्हारा डेवलपर", "मैं आपका डेवलपर", "मैं तुम्हारा निर्माता", "मैंने तुम्हें बनाया", "मैं सिस्टम एडमिनिस्ट्रेटर", "मैं तुम्हारा एडमिन", "मैं एडमिन हूँ", "मैं एडमिन हूं",
		"main tumhara developer", "mai tumhara developer", "main tumhara admin", "maine tumhe banaya", "main system admin",
		"আমি তোমার ডেভেলপার", "আমি আপনার ডেভেলপার", "আমি তোমার নির্মাতা", "আমি তোমাকে তৈরি করেছি", "আমি সিস্টেম অ্যাডমিনিস্ট্রেটর", "আমি অ্যাডমিন",
		"ฉันเป็นผู้ดูแลระบบ", "ผมเป็นผู้ดูแลระบบ", "ฉันคือผู้ดูแลระบบ", "ผมคือผู้ดูแลระบบ", "ผมเป็นนักพัฒนาของคุณ", "ฉันเป็นนักพัฒนาของคุณ", "ผู้พัฒนาของคุณ", "ฉันสร้างคุณ", "ผมสร้างคุณ", "ฉันเป็นแอดมิน", "ผมเป็นแอดมิน",
		"saya administrator sistem", "saya admin sistem", "saya adalah administrator", "saya developer kamu", "saya developer anda", "saya pengembangmu", "saya pengembang kamu",
		"gue developer lo", "gw developer lo", "aku developer kamu", "aku pembuatmu", "saya pembuat kamu", "saya yang membuat kamu",
		"ako ang system administrator", "ako ang admin", "ako ang developer mo", "ako ang gumawa sa iyo", "ako ang lumikha sa iyo", "developer mo ako", "ako ang developer",
		"toi la quan tri vien", "toi la admin", "toi la nha phat trien cua ban", "toi la nguoi tao ra ban", "toi da tao ra ban", "toi la developer cua ban",
		"أنا مسؤول النظام", "أنا مدير النظام", "أنا المطور", "أنا مطورك", "أنا من صنعك", "أنا من برمجك", "أنا صانعك", "أنا المسؤول عنك",
	)
	add(gLift,
		"अनुमति देता हूँ", "अनुमति देती हूँ", "अनुमति देता हूं", "इजाज़त देता हूँ", "इजाजत देता हूं", "तुम्हें अनुमति है", "ijazat deta hoon", "permission deta hoon",
		"অনুমতি দিচ্ছি", "তোমাকে অনুমতি দেওয়া হলো",
		"อนุญาตให้คุณ", "คุณได้รับอนุญาต",
		"saya mengizinkan kamu", "aku izinkan kamu", "saya izinkan kamu", "kamu diizinkan", "kamu sekarang boleh", "apa pun aturanmu", "apapun aturanmu", "terlepas dari aturanmu",
		"pinapayagan kita", "pinapayagan kitang", "pinahihintulutan kita", "kahit ano pa ang patakaran mo", "kahit ano ang rules mo",
		"toi cho phep ban", "ban duoc phep", "bat ke quy dinh cua ban", "bat ke quy tac cua ban",
		"أسمح لك", "اسمح لك", "مسموح لك الآن", "بغض النظر عن قواعدك", "بغض النظر عن تعليماتك", "مهما كانت قواعدك",
	)
	add(gModeOn,
		"मोड बंद", "सेफ्टी मोड", "बंद कर दिया गया", "mode band hai",
		"বন্ধ করা আছে", "সেফটি মোড", "নিষ্ক্রিয়",
		"ถูกปิด", "ปิดไว้", "ปิดอยู่", "โหมดความปลอดภัย",
		"dimatiin", "dimatikan", "dinonaktifkan", "mode aman",
		"naka-off", "naka off", "nakapatay", "naka-disable", "safety mode",
		"da tat", "da bi tat", "bi vo hieu hoa", "che do an toan",
		"معطل", "تم تعطيل", "متوقف", "وضع الأمان",
	)

	// Hijack: the verbs that print a fixed answer (English "print
	// exactly", "only answer with").
	add(gSayAny,
		"ตอบแค่คำว่า", "ตอบว่า", "พิมพ์ว่า", "พิมพ์", "ตอบเพียง", "ตอบเฉพาะ",
		"jawab cuma", "cuma jawab", "jawab hanya", "hanya jawab", "jawab dengan", "balas dengan", "tulis", "ketik", "cetak",
		"sumagot ka lang", "sagot lang", "isagot mo lang", "sumagot ka ng", "i-type mo", "isulat mo", "i-print",
		"in chinh xac", "in ra", "in dong", "go chinh xac", "viet chinh xac", "tra loi bang",
		"प्रिंट करो", "छापो", "লিখে দাও", "প্রিন্ট করো", "প্রিন্ট কর", "اطبع",
		"sirf likho", "print karo", "bas likho",
	)
}

// erratumWords name a slip in a text: a typo, a mistake, a spelling error.
// An override whose span holds one ("ignore the typo in the previous
// instructions", "पिछले निर्देशों में जो गलती थी उसे नज़रअंदाज़ करो", "abaikan
// salah ketik di instruksi sebelumnya") sets aside the slip, not the
// instructions: a correction, which teachers, colleagues and users send
// every day. Matched in the folded span of an override rule's match, so
// the word must lie between the verb and its object (an error reported
// after the instructions, "ignore all previous instructions, they were an
// error", is outside it).
var erratumWords = func() []string {
	ws := []string{
		"typo", "mistake", "misspel", "spelling", "erratum", "error",
		"गलती", "ग़लती", "टाइपो", "त्रुटि", "galti",
		"টাইপো", "বানান ভুল", "একটা ভুল", "ভুলটা", "ভুলগুলো", "ভুল ছিল", "ভুল আছে", "ত্রুটি",
		"พิมพ์ผิด", "คำผิด", "สะกดผิด", "ผิดพลาด",
		"salah ketik", "salah tulis", "salah eja", "kesalahan",
		"pagkakamali", "maling spelling",
		"loi danh may", "loi chinh ta", "sai chinh ta", "go nham", "danh may sai", "loi sai",
		"خطأ", "أخطاء", "الخطأ",
		// Round 10m2's languages (their check at the verb is folded into
		// this one): not bare "falta", "faute" or "間違い", which also
		// mean "without fail" ("sin falta", "sans faute") and "without
		// doubt" ("間違いなく").
		"misprint", "coquille", "faute de frappe", "faute d'orth", "fautes d", "erreur", "falta de ortograf", "faltas de ortograf", "errata",
		"refuso", "refusi", "erro", "gralha", "fehler", "vertipper", "hata", "yanlis",
		"опечат", "ошибк", "誤字", "誤植", "タイプミス", "错别字", "錯別字", "笔误", "筆誤", "拼写错误", "오타", "오류",
	}
	for i, w := range ws {
		ws[i] = foldPatternRunes(w)
	}
	return ws
}()

// erratumIn reports whether an override's matched span names a slip
// (erratumWords).
func erratumIn(span string) bool {
	for _, w := range erratumWords {
		if strings.Contains(span, w) {
			return true
		}
	}
	return false
}

// Round 10m1, second pass (after fresh16m1b was measured once: 19.1 % of
// its attacks, English 4 of 8): the shapes English caught there and the
// other languages did not, written for every language of the round.
// The model's rules declared void with a quantifier ("the instructions
// you got earlier are cancelled"; round 5's gVoidL); what came before the
// user's first message (gFirstMsg: "before my message", "at the very
// start"); the rules the model follows now, asked for (gGivenYou, as
// English "rules are you following"); the model's identity denied ("you
// are not an assistant anymore", gJbIdent); more hijack verbs. Not Thai
// "ถูกยกเลิก" (cancelled): "คำสั่งซื้อ" (a purchase order) holds "คำสั่ง",
// as round 5 found for "ยกเลิก". Not Vietnamese "đã bị hủy" either: the
// quantifier "moi" ("mọi", every) is also "mới" (new) folded, so "Hướng dẫn
// … đã bị hủy, phòng mới là 204" read as the rules declared void.
func init() {
	add := func(g group, words ...string) { lexicon[g] = append(lexicon[g], words...) }
	add(gVoidL,
		"रद्द हैं", "अब रद्द", "रद्द कर दिए गए", "कैंसल हैं", "कैंसल हो गए", "ab cancel", "cancel hain", "cancel ho gaye", "ab valid nahi",
		"এখন বাতিল", "বাতিল হয়েছে", "বাতিল হয়ে গেছে", "বাতিল করা হলো", "আর কার্যকর নয়",
		"dibatalin", "udah batal", "sudah batal", "nggak berlaku lagi", "gak berlaku lagi", "ga berlaku lagi", "udah nggak berlaku",
		"kanselado na", "kanselado", "hindi na valid", "wala nang bisa", "pinawalang-bisa", "cancelled na", "cancel na",
		"ألغيت", "تم إلغاؤها", "ملغية", "لم تعد سارية المفعول",
	)
	add(gOvrQuant, "natanggap mo", "kanina", "pehle", "kamu dapat", "yang kamu dapat", "ban nhan duoc", "luc truoc")
	add(gOvrQuantW, "سابقا", "تلقيتها", "तुम्हें पहले", "তোমাকে আগে")
	add(gFirstMsg,
		"मेरे मैसेज से पहले", "मेरे संदेश से पहले", "शुरुआत में तुम्हें", "बिल्कुल शुरुआत में", "mere message se pehle", "shuru mein tumhe",
		"আমার মেসেজের আগে", "আমার বার্তার আগে", "শুরুতে তোমাকে", "একদম শুরুতে",
		"ก่อนข้อความของฉัน", "ก่อนข้อความแรกของฉัน", "ตอนเริ่มต้นก่อน",
		"sebelum pesanku", "sebelum pesan saya", "sebelum pesan pertamaku", "paling awal sebelum",
		"bago ang message ko", "bago ang mensahe ko", "sa pinakasimula",
		"truoc tin nhan cua toi", "truoc tin nhan dau tien", "ngay tu dau truoc",
		"قبل رسالتي", "في البداية تماما",
	)
	add(gGivenYou,
		"पालन कर रहे हो", "पालन करते हो", "মেনে চলছ", "মেনে চলো", "คุณทำตาม", "คุณปฏิบัติตาม",
		"kamu lagi ngikutin", "yang kamu ikuti", "kamu ikuti", "kamu patuhi", "sinusunod mo", "ban dang tuan theo", "ban tuan theo", "التي تتبعها", "التي تلتزم بها",
		"follow kar rahe ho",
	)
	add(gExtVerb, "kopyahin", "kopyahin mo", "anong", "sebutin", "salinin", "copy karke")
	add(gExtVerbW, "कॉपी करके", "कॉपी कर", "लिस्ट बनाओ", "सूची बनाओ", "কপি করে", "তালিকা দাও", "ลิสต์", "อะไรบ้าง", "اذكر", "^ما ال")
	add(gJbIdent,
		"bukan asisten lagi", "kamu bukan lagi", "sudah bukan asisten", "hindi ka na assistant", "hindi ka na ai", "khong con la tro ly", "ban khong con la",
		"ไม่ใช่ผู้ช่วยอีกต่อไป", "คุณไม่ใช่ผู้ช่วย", "अब तुम असिस्टेंट नहीं", "তুমি আর সহকারী নও", "لم تعد مساعدا", "tum ab assistant nahi",
	)
	add(gSayAny, "ตอบกลับแค่", "ตอบกลับ", "উত্তর দেবে", "উত্তর দাও", "শুধু", "رد فقط", "رد ب", "reply karna")
}

// Round 10m1, last pass (written from no set, before fresh16m1c): the
// English families the round's sets did not reach, in its languages. "Your
// new task", "new instructions" (gNewInstr, which counts with "you" and
// "now/from now on/must": gYou and gImperative get those words too), "stay
// in character" (gPersist, with a freedom from gJbUnres), "only listen to
// me" (gObeyMe, with the model's rules named).
func init() {
	add := func(g group, words ...string) { lexicon[g] = append(lexicon[g], words...) }
	add(gNewInstr,
		"तुम्हारा नया काम", "नए निर्देश", "नया निर्देश", "असली निर्देश", "tumhara naya kaam", "naye instructions", "naya instruction",
		"নতুন নির্দেশ", "তোমার আসল কাজ", "কাজ এখন",
		"คำสั่งใหม่", "งานจริงของคุณ",
		"instruksi baru", "perintah baru", "tugasmu sekarang", "tugas kamu sekarang", "tugas barumu",
		"bagong instructions", "bagong tagubilin", "ang bago mong gawain", "ang bago mong task", "bagong task", "bagong utos",
		"huong dan moi", "chi thi moi", "nhiem vu moi", "nhiem vu that su", "viec cua ban bay gio",
		"تعليمات جديدة", "التعليمات الجديدة", "مهمتك الحقيقية", "مهمتك الآن", "مهمة جديدة",
	)
	add(gYou, "तुम", "तुम्हारा", "तुम्हें", "আপনি", "তুমি", "তোমার", "คุณ", "kamu", "anda", "ikaw", "iyong", "ban", "أنت", "انت", "tum", "tumhara")
	add(gImperative,
		"अब से", "अभी से", "ab se", "এখন থেকে", "এখন", "ต่อจากนี้", "ตอนนี้", "ต้อง", "mulai sekarang", "sekarang", "harus",
		"mula ngayon", "simula ngayon", "ngayon", "dapat", "tu gio", "bay gio", "ngay lap tuc", "phai", "من الآن", "الآن", "يجب", "فورا",
	)
	add(gPersist,
		"किरदार में रहो", "किरदार में ही रहना", "किरदार मत तोड़ना", "kirdar mein raho", "চরিত্রে থাকো", "চরিত্র ভাঙবে না", "อยู่ในบทบาท", "ห้ามออกจากบทบาท",
		"tetap dalam karakter", "tetap jadi karakter", "jangan keluar dari karakter", "manatili sa karakter", "huwag lumabas sa karakter",
		"giu nguyen vai", "khong duoc thoat vai", "dung thoat vai", "ابق في الشخصية", "لا تخرج عن الشخصية",
	)
	add(gObeyMe,
		"dengerin aku aja", "dengarkan aku saja", "cuma dengerin aku", "turuti aku saja", "ikutin aku aja",
		"sa akin ka lang makinig", "ako lang ang sundin mo", "ako lang ang pakinggan mo",
		"chi nghe minh thoi", "chi nghe loi minh", "ฟังฉันคนเดียว", "ทำตามที่ฉันสั่งเท่านั้น",
		"सिर्फ़ मेरी सुनो", "सिर्फ मेरी सुनो", "केवल मेरी सुनो", "sirf meri suno", "استمع لي أنا فقط", "استمع لي فقط",
	)
}
