package evidence

// DocumentRef records one untrusted document a validate call checked: its id
// and source as the caller gave them, and the SHA-256 (hex) of its text. The
// text itself is never stored, like prompts; the digest lets the holder of
// the text show it is the one that was checked.
//
// Member names sort as id, sha256, source: the order RFC 8785 emits them.
type DocumentRef struct {
	ID     string `json:"id"`
	SHA256 string `json:"sha256"`
	Source string `json:"source,omitempty"`
}

// appendDocuments writes the `,"documents":[…]` member of an entry, which
// RFC 8785 places between "decision" and "hash". It is omitted when there are
// no documents, as encoding/json's omitempty would, so entries without
// documents (every entry before the field existed) hash exactly as before.
func appendDocuments(dst []byte, docs []DocumentRef) []byte {
	if len(docs) == 0 {
		return dst
	}
	dst = append(dst, `,"documents":[`...)
	for i := range docs {
		d := &docs[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"id":`...)
		dst = appendString(dst, d.ID)
		dst = append(dst, `,"sha256":`...)
		dst = appendString(dst, d.SHA256)
		if d.Source != "" {
			dst = append(dst, `,"source":`...)
			dst = appendString(dst, d.Source)
		}
		dst = append(dst, '}')
	}
	return append(dst, ']')
}
