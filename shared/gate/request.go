package gate

// TargetDocument marks a finding in one of a request's untrusted documents;
// Violation.Document names which.
const TargetDocument = "document"

// Document is untrusted content the model is given alongside the user's
// input: a retrieved page, a tool output, an e-mail. It is checked as data
// that may carry instructions addressed to the assistant, never as the
// user's own words.
type Document struct {
	ID     string `json:"id"`
	Source string `json:"source,omitempty"`
	Text   string `json:"text"`
}

// Request is one call to check: the input, optionally the model's output
// (nil: the pre-call check of the input alone), and untrusted documents.
type Request struct {
	Input     string
	Output    *string
	Documents []Document
}

// Scores are the learned layer's per-family scores in [0, 1] for a request:
// the highest score over the texts the family applies to.
type Scores struct {
	Injection float64 `json:"injection"`
	Jailbreak float64 `json:"jailbreak"`
	Indirect  float64 `json:"indirect"`
}

// RedactedDocument is a document whose redact-action spans were replaced.
type RedactedDocument struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Check evaluates an input and, when output is non-nil, the model's output.
// A nil output is the pre-call check of the input alone.
func (g *Gate) Check(input string, output *string) Result {
	return g.CheckRequest(Request{Input: input, Output: output})
}
