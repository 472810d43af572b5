package httpapi

import (
	"fmt"

	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/gate"
)

// Limits of a validate request's documents (docs/openapi.yaml, decision 160).
// Their text shares the 256 KiB body limit with the input and the output.
const (
	// MaxDocuments bounds the documents of one call: a retrieval step's top-k
	// or a tool loop's outputs, not a corpus. Every document costs a row in
	// the evidence entry.
	MaxDocuments = 32
	// MaxDocumentID bounds an id, which is echoed in violations and stored in
	// evidence.
	MaxDocumentID = 128
	// MaxDocumentSource bounds a source (a URL, a tool name, "email").
	MaxDocumentSource = 256
)

// DocumentInput is a document as a request (or an `agentgate scan` line)
// sends it; pointers tell a missing member from an empty one.
type DocumentInput struct {
	ID     *string `json:"id"`
	Source *string `json:"source"`
	Text   *string `json:"text"`
}

// documentID reports whether id uses only the characters an id may have:
// ASCII letters, digits and . _ : / @ # = + ~ - (enough for UUIDs, paths,
// URNs and message ids; nothing that needs escaping in JSON or a log line).
func documentID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '.', c == '_', c == ':', c == '/', c == '@', c == '#', c == '=', c == '+', c == '~', c == '-':
		default:
			return false
		}
	}
	return true
}

// checkDocuments is ParseDocuments answering 422 for what it refuses.
func checkDocuments(in []DocumentInput) ([]gate.Document, []evidence.DocumentRef, error) {
	docs, refs, err := ParseDocuments(in)
	if err != nil {
		return nil, nil, Errorf(422, "validation_failed", "%s", err.Error())
	}
	return docs, refs, nil
}

// ParseDocuments validates the documents of a request and returns them as
// the gate takes them and as evidence records them (digest, never text). The
// API and `agentgate scan` share it, so both refuse the same documents.
func ParseDocuments(in []DocumentInput) ([]gate.Document, []evidence.DocumentRef, error) {
	if len(in) == 0 {
		return nil, nil, nil
	}
	if len(in) > MaxDocuments {
		return nil, nil, fmt.Errorf("documents has %d items; the limit is %d", len(in), MaxDocuments)
	}
	docs := make([]gate.Document, len(in))
	refs := make([]evidence.DocumentRef, len(in))
	seen := make(map[string]int, len(in))
	for i, d := range in {
		switch {
		case d.ID == nil || *d.ID == "":
			return nil, nil, fmt.Errorf("documents[%d].id is required", i)
		case len(*d.ID) > MaxDocumentID:
			return nil, nil, fmt.Errorf("documents[%d].id is longer than %d bytes", i, MaxDocumentID)
		case !documentID(*d.ID):
			return nil, nil, fmt.Errorf("documents[%d].id may hold only ASCII letters, digits and . _ : / @ # = + ~ -", i)
		case d.Text == nil:
			return nil, nil, fmt.Errorf("documents[%d].text is required", i)
		case d.Source != nil && len(*d.Source) > MaxDocumentSource:
			return nil, nil, fmt.Errorf("documents[%d].source is longer than %d bytes", i, MaxDocumentSource)
		case d.Source != nil && hasControl(*d.Source):
			return nil, nil, fmt.Errorf("documents[%d].source may not contain control characters", i)
		}
		if j, dup := seen[*d.ID]; dup {
			return nil, nil, fmt.Errorf("documents[%d].id %q repeats documents[%d].id: ids name documents in violations and must be unique", i, *d.ID, j)
		}
		seen[*d.ID] = i
		docs[i] = gate.Document{ID: *d.ID, Text: *d.Text}
		refs[i] = evidence.DocumentRef{ID: *d.ID, SHA256: sha256Hex(*d.Text)}
		if d.Source != nil {
			docs[i].Source, refs[i].Source = *d.Source, *d.Source
		}
	}
	return docs, refs, nil
}

// hasControl reports a C0 control character or DEL: a source is a label, and
// each such byte would take six in the evidence entry's JSON.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}
