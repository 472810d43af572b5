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
}
