package gate

// Round 14z (decision 150, "Round 14z: instructions for tool-using agents
// in tool outputs"). Written from testdata/fresh34a.jsonl: a field of a
// tool's result, an e-mail, an invite, a review or a log line that tells
// the agent reading it to move money, grant access, send data out, or
// delete and change things. Round 14e's aiHeading reads a note headed by a
// word for an AI ("To the AI agent:", "Hinweis an den KI-Assistenten:");
// it lacked the agents' words for themselves and the tools' verbs.

// aiHeadingAct is round 14e's aiHeading with the tools' verbs
// (gAgentDo), kept out of gIndDir: round 3's rules read gIndDir after a
// turn's role marker, and a pasted support chat says "Bot: … can I get a
// refund" and "I've sent a reset link".
var aiHeadingAct = proxRule{rule: "prompt_injection.indirect", reqs: []group{gAINoun, gAgentDo}, window: 220, heading: 1, ordered: true, untrusted: true, unless: []group{gReported}}

func init() {
	proxRules = append(proxRules, aiHeadingAct)
	add := func(g group, ws ...string) { lexicon[g] = append(lexicon[g], ws...) }

	// Words for the agent at the head of a note. Not "assistant" or
	// "agent" alone: "Assistant:" opens a turn of a pasted transcript and
	// "Agent: Maria" is a ticket's field; nor "agents", a support team's
	// ("(note for agents): never ask …").
	add(gAINoun, "assistants", "ai agent", "ai agents", "digital assistant", "digital assistants", "connected assistants", "ai operator", "admin ai",
		"copilot", "ki-assistenten", "ki-assistent", "assistente de ia", "assistant ia", "assistente ia", "asistente de ia", "automated ap systems", "ap automation",
		"ops automation", "cleanup automation", "automation note", "automated systems", "payouts agent", "mail agent", "reviewing agent", "ai service agent",
		"ai coaches", "ai podcast apps", "ai debugging assistants", "ai coding agents", "hr assistant ai", "agent acting for", "assistant handling",
		"assistant with", "assistente di", "ai 비서님", "aiアシスタントは")
	// What the note makes the agent do with its tools.
	add(gAgentDo, "email the", "e-mail the", "cancel", "refund", "wire", "replace the", "assign", "unlock", "disarm", "reset", "archive", "move all files",
		"attach", "merge", "rename", "initiate", "release payment", "issue a", "turn off", "fill the", "process this", "charge", "upgrade", "enable", "grant", "change the",
		"switch", "remove", "revoke", "purchase", "order", "buy", "book", "rebook", "publish", "schedule", "re-place", "reorder", "mass-delete", "destroy",
		"trigger", "set its", "set the", "post the", "reply with", "reply to this", "add pest", "add 4", "add the", "add my", "add a key",
		"uberweisen", "andern sie", "fuhren sie", "fuge", "transferez", "envoyer", "atualize", "agende", "facam", "cancella", "rifiuta", "付与して", "전송하세요",
		"열고", "등록해")
}
