package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math/bits"
)

// AddLine is Add for one bundle line as AppendLine writes it, without
// parsing the entry: the line's bytes around its hash member are exactly the
// hash input, so checking the entry costs one SHA-256 and a scan for the
// members the chain links through (prevHash, seq, tenant, v). It accepts only
// a line that verifies; on anything else (another encoding, an escape where
// none is expected, a wrong hash or link...) it returns false and changes
// nothing, and the caller parses the line and calls Add, which names the
// failure precisely. tenant is the tenant the entry must belong to. On
// success sum is the entry's hash.
//
// Reading the members from the raw bytes is sound because the bytes are
// authenticated by the chain itself: a line is accepted only if its hash is
// the one the next line links to (and, in the end, one the checkpoint signs),
// and only the encoder writes lines with such hashes.
func (v *Verifier) AddLine(line []byte, tenant string) (sum [sha256.Size]byte, ok bool) {
	if v.bad != nil || !v.prevKnown {
		return sum, false
	}
	if v.prefix == nil {
		v.prefix = appendString([]byte(`{"chain":`), v.chain)
	}
	if !bytes.HasPrefix(line, v.prefix) {
		return sum, false
	}
	p := len(v.prefix)
	const decisionKey, documentsKey, hashKey = `,"decision":`, `,"documents":`, `,"hash":"`
	if hasAt(line, p, decisionKey) {
		if p, ok = skipValue(line, p+len(decisionKey)); !ok {
			return sum, false
		}
	}
	if hasAt(line, p, documentsKey) {
		if p, ok = skipDocuments(line, p+len(documentsKey)); !ok {
			return sum, false
		}
	}
	hashStart := p
	p += len(hashKey)
	if !hasAt(line, hashStart, hashKey) || len(line) < p+len(v.prev)+1 || line[p+len(v.prev)] != '"' {
		return sum, false
	}
	stored := line[p : p+len(v.prev)]
	hashEnd := p + len(v.prev) + 1

	// The members after the hash, in their canonical order: literal key
	// matches, one value skip each.
	var prevVal, seqVal, tenantVal, verVal []byte
	i := hashEnd
	for k := range lineMembers {
		m := &lineMembers[k]
		if !m.at(line, i) {
			if m.optional {
				continue
			}
			return sum, false
		}
		start := i + len(m.key)
		if i, ok = skipPlainString(line, start); !ok {
			if i, ok = skipValue(line, start); !ok {
				return sum, false
			}
		}
		switch m.dst {
		case 0:
			prevVal = line[start:i]
		case 1:
			seqVal = line[start:i]
		case 2:
			tenantVal = line[start:i]
		case 3:
			verVal = line[start:i]
		}
	}
	if i != len(line)-1 || line[i] != '}' {
		return sum, false
	}
	if string(verVal) != "1" || !isQuoted(prevVal, v.prev[:]) || !isQuoted(tenantVal, tenant) {
		return sum, false
	}
	if seq, ok := parseSeq(seqVal); !ok || seq != v.nextSeq {
		return sum, false
	}
	if v.digest == nil {
		v.digest = sha256.New()
	}
	v.digest.Reset()
	v.buf = append(append(v.buf[:0], HashDomain...), line[:hashStart]...)
	v.digest.Write(v.buf)
	v.digest.Write(line[hashEnd:])
	copy(sum[:], v.digest.Sum(v.sum[:0])) // v.sum: a slice of a local would escape through the interface
	var got [2 * sha256.Size]byte
	hex.Encode(got[:], sum[:])
	if string(got[:]) != string(stored) {
		return sum, false
	}
	v.checked++
	v.nextSeq++
	v.prev = got
	return sum, true
}

// lineMembers are the members that follow "hash" in a line, in RFC 8785
// order; dst says which value AddLine keeps (-1: none).
var lineMembers = [...]lineMember{
	{key: `,"inputSha256":`, optional: true, dst: -1},
	{key: `,"kind":`, optional: false, dst: -1},
	{key: `,"latencyNs":`, optional: false, dst: -1},
	{key: `,"meta":`, optional: true, dst: -1},
	{key: `,"modelProvider":`, optional: true, dst: -1},
	{key: `,"modelVersion":`, optional: true, dst: -1},
	{key: `,"outputSha256":`, optional: true, dst: -1},
	{key: `,"policyHash":`, optional: true, dst: -1},
	{key: `,"prevHash":`, optional: false, dst: 0},
	{key: `,"principal":`, optional: false, dst: -1},
	{key: `,"rules":`, optional: false, dst: -1},
	{key: `,"seq":`, optional: false, dst: 1},
	{key: `,"status":`, optional: false, dst: -1},
	{key: `,"tenant":`, optional: false, dst: 2},
	{key: `,"ts":`, optional: false, dst: -1},
	{key: `,"userRef":`, optional: true, dst: -1},
	{key: `,"v":`, optional: false, dst: 3},
}

type lineMember struct {
	key      string
	optional bool
	dst      int
	lo, hi   uint64 // the key's first and last 8 bytes (keys of 8 to 16 bytes)
}

func init() {
	for k := range lineMembers {
		m := &lineMembers[k]
		if n := len(m.key); n >= 8 && n <= 16 {
			m.lo = binary.LittleEndian.Uint64([]byte(m.key[:8]))
			m.hi = binary.LittleEndian.Uint64([]byte(m.key[n-8:]))
		}
	}
}

// at reports whether b[i:] starts with the member's key: two overlapping
// 8-byte compares for keys of 8 to 16 bytes (most of them), which is what
// the scan spends much of its time on otherwise.
func (m *lineMember) at(b []byte, i int) bool {
	n := len(m.key)
	if m.lo == 0 || len(b)-i < n {
		return hasAt(b, i, m.key)
	}
	return binary.LittleEndian.Uint64(b[i:]) == m.lo && binary.LittleEndian.Uint64(b[i+n-8:]) == m.hi
}

func hasAt(b []byte, i int, s string) bool {
	return len(b)-i >= len(s) && string(b[i:i+len(s)]) == s
}

// isQuoted reports whether val is the JSON string s with nothing to escape.
func isQuoted[T string | []byte](val []byte, s T) bool {
	return len(val) == len(s)+2 && val[0] == '"' && val[len(val)-1] == '"' && string(val[1:len(val)-1]) == string(s)
}

// parseSeq reads a canonical non-negative integer (no sign, no leading zero).
func parseSeq(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 18 || (b[0] == '0' && len(b) > 1) {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// skipValue returns the index just past the JSON value starting at b[i]:
// a string, an array of strings, an object of string members, a number or
// null — every value an entry has.
func skipValue(b []byte, i int) (int, bool) {
	if i >= len(b) {
		return i, false
	}
	switch c := b[i]; {
	case c == '"':
		return skipString(b, i)
	case c == '[':
		i++
		if i < len(b) && b[i] == ']' {
			return i + 1, true
		}
		for {
			var ok bool
			if i, ok = skipString(b, i); !ok || i >= len(b) {
				return i, false
			}
			switch b[i] {
			case ']':
				return i + 1, true
			case ',':
				i++
			default:
				return i, false
			}
		}
	case c == '{':
		i++
		if i < len(b) && b[i] == '}' {
			return i + 1, true
		}
		for {
			var ok bool
			if i, ok = skipString(b, i); !ok || i >= len(b) || b[i] != ':' {
				return i, false
			}
			if i, ok = skipString(b, i+1); !ok || i >= len(b) {
				return i, false
			}
			switch b[i] {
			case '}':
				return i + 1, true
			case ',':
				i++
			default:
				return i, false
			}
		}
	case c == '-' || (c >= '0' && c <= '9'):
		i++
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i, true
	case hasAt(b, i, "null"):
		return i + 4, true
	}
	return i, false
}

// skipDocuments returns the index just past the documents array starting at
// b[i]: a non-empty array of objects of string members (the encoder omits an
// empty one).
func skipDocuments(b []byte, i int) (int, bool) {
	if !hasAt(b, i, "[{") {
		return i, false
	}
	i++
	for {
		var ok bool
		if i, ok = skipValue(b, i); !ok || i >= len(b) {
			return i, false
		}
		switch b[i] {
		case ']':
			return i + 1, true
		case ',':
			if i++; i >= len(b) || b[i] != '{' {
				return i, false
			}
		default:
			return i, false
		}
	}
}

// skipPlainString is skipString for the common case, a string with no
// backslash before its closing quote; false sends the caller to skipValue.
func skipPlainString(b []byte, i int) (int, bool) {
	if i >= len(b) || b[i] != '"' {
		return i, false
	}
	q := indexQuote(b, i+1)
	if q < 0 || b[q-1] == '\\' {
		return i, false
	}
	return q + 1, true
}

// skipString returns the index just past the JSON string starting at b[i].
func skipString(b []byte, i int) (int, bool) {
	if i >= len(b) || b[i] != '"' {
		return i, false
	}
	for j := i + 1; ; {
		q := indexQuote(b, j)
		if q < 0 {
			return i, false
		}
		n := 0 // backslashes right before the quote: odd means it is escaped
		for q-1-n > i && b[q-1-n] == '\\' {
			n++
		}
		if n%2 == 0 {
			return q + 1, true
		}
		j = q + 1
	}
}

// indexQuote is the index of the first '"' in b[from:], or -1: eight bytes
// at a time, since a line's strings are short (digests, names) and a call
// into bytes.IndexByte costs more than the search.
func indexQuote(b []byte, from int) int {
	const lo, hi, quotes = 0x0101010101010101, 0x8080808080808080, 0x2222222222222222
	j := from
	for ; j+8 <= len(b); j += 8 {
		x := binary.LittleEndian.Uint64(b[j:]) ^ quotes
		if m := (x - lo) &^ x & hi; m != 0 {
			return j + bits.TrailingZeros64(m)/8
		}
	}
	for ; j < len(b); j++ {
		if b[j] == '"' {
			return j
		}
	}
	return -1
}
