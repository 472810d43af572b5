package evidence

import (
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// maxSafeInt is 2^53: RFC 8785 serialises numbers as IEEE-754 doubles, so
// integers beyond it would not round-trip. Validate rejects them.
const maxSafeInt = 1 << 53

// AppendCanonical appends the RFC 8785 (JCS) form of e, without its hash
// field, to dst. It is written by hand for the hot paths (append, verify at
// millions of entries per second); the tests check it byte for byte against a
// general JCS implementation, including under fuzzing.
//
// Members are emitted in the order JCS mandates (UTF-16 code unit order of the
// names, which for these ASCII names is byte order); optional members are
// omitted when empty, exactly as encoding/json's omitempty would.
func AppendCanonical(dst []byte, e *Entry) []byte { return appendCanonical(dst, e, false) }

// AppendLine appends the RFC 8785 form of the whole entry, its hash member
// included: one line of an archive bundle. The line is the hash input with
// the member `,"hash":"…"` inserted at its sorted place, so a verifier can
// hash the line's bytes around that member instead of re-encoding the entry.
func AppendLine(dst []byte, e *Entry) []byte { return appendCanonical(dst, e, true) }

func appendCanonical(dst []byte, e *Entry, withHash bool) []byte {
	dst = append(dst, `{"chain":`...)
	dst = appendString(dst, e.Chain)
	if e.Decision != "" {
		dst = append(dst, `,"decision":`...)
		dst = appendString(dst, e.Decision)
	}
	dst = appendDocuments(dst, e.Documents)
	if withHash && e.Hash != "" {
		dst = append(dst, `,"hash":`...)
		dst = appendString(dst, e.Hash)
	}
	if e.InputSHA256 != "" {
		dst = append(dst, `,"inputSha256":`...)
		dst = appendString(dst, e.InputSHA256)
	}
	dst = append(dst, `,"kind":`...)
	dst = appendString(dst, e.Kind)
	dst = append(dst, `,"latencyNs":`...)
	dst = strconv.AppendInt(dst, e.LatencyNs, 10)
	if len(e.Meta) > 0 {
		dst = append(dst, `,"meta":{`...)
		keys := make([]string, 0, len(e.Meta))
		for k := range e.Meta {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, compareUTF16)
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, k)
			dst = append(dst, ':')
			dst = appendString(dst, e.Meta[k])
		}
		dst = append(dst, '}')
	}
	if e.ModelProvider != "" {
		dst = append(dst, `,"modelProvider":`...)
		dst = appendString(dst, e.ModelProvider)
	}
	if e.ModelVersion != "" {
		dst = append(dst, `,"modelVersion":`...)
		dst = appendString(dst, e.ModelVersion)
	}
	if e.OutputSHA256 != "" {
		dst = append(dst, `,"outputSha256":`...)
		dst = appendString(dst, e.OutputSHA256)
	}
	if e.PolicyHash != "" {
		dst = append(dst, `,"policyHash":`...)
		dst = appendString(dst, e.PolicyHash)
	}
	dst = append(dst, `,"prevHash":`...)
	dst = appendString(dst, e.PrevHash)
	dst = append(dst, `,"principal":`...)
	dst = appendString(dst, e.Principal)
	dst = append(dst, `,"rules":`...)
	if e.Rules == nil {
		// encoding/json spells a nil slice null; keep the two encoders equal.
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i, r := range e.Rules {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, r)
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"seq":`...)
	dst = strconv.AppendInt(dst, e.Seq, 10)
	dst = append(dst, `,"status":`...)
	dst = appendString(dst, e.Status)
	dst = append(dst, `,"tenant":`...)
	dst = appendString(dst, e.Tenant)
	dst = append(dst, `,"ts":`...)
	dst = appendString(dst, e.TS)
	if e.UserRef != "" {
		dst = append(dst, `,"userRef":`...)
		dst = appendString(dst, e.UserRef)
	}
	dst = append(dst, `,"v":`...)
	dst = strconv.AppendInt(dst, int64(e.V), 10)
	return append(dst, '}')
}

const hexDigits = "0123456789abcdef"

const (
	swarLo = 0x0101010101010101
	swarHi = 0x8080808080808080
)

// plain32 is plain8 over 32 bytes with one combined test (digests are 64
// characters: two iterations).
func plain32(b string) bool {
	p := unsafe.Pointer(unsafe.StringData(b))
	x0 := *(*uint64)(p)
	x1 := *(*uint64)(unsafe.Add(p, 8))
	x2 := *(*uint64)(unsafe.Add(p, 16))
	x3 := *(*uint64)(unsafe.Add(p, 24))
	if (x0|x1|x2|x3)&swarHi != 0 {
		return false
	}
	const quotes, backslashes = swarLo * '"', swarLo * '\\'
	bad := func(x uint64) uint64 {
		q, bs := x^quotes, x^backslashes
		return (x-swarLo*0x20)&^x | (q-swarLo)&^q | (bs-swarLo)&^bs
	}
	return (bad(x0)|bad(x1)|bad(x2)|bad(x3))&swarHi == 0
}

// plain8 reports whether none of 8 bytes is a control character, '"', '\\'
// or non-ASCII, testing all eight at once (SWAR) on one unaligned load.
func plain8(b string) bool {
	x := *(*uint64)(unsafe.Pointer(unsafe.StringData(b)))
	if x&swarHi != 0 {
		return false // non-ASCII
	}
	const quotes, backslashes = swarLo * '"', swarLo * '\\'
	zero := func(v uint64) uint64 { return (v - swarLo) &^ v & swarHi }
	return (x-swarLo*0x20)&^x&swarHi == 0 && // every byte >= 0x20
		zero(x^quotes) == 0 && zero(x^backslashes) == 0
}

// appendString writes s as a JSON string the way RFC 8785 (ECMAScript
// JSON.stringify) does: only '"', '\\' and C0 controls are escaped, with the
// short forms where they exist; everything else is literal UTF-8. Invalid
// UTF-8 bytes become U+FFFD, as a JSON decoder would read them.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	// Fast path: skip 8 bytes at a time while none needs attention (most
	// fields are hex digests and identifiers).
	i := 0
	for i+32 <= len(s) && plain32(s[i:i+32]) {
		i += 32
	}
	for i+8 <= len(s) && plain8(s[i:i+8]) {
		i += 8
	}
	start := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, "\uFFFD"...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"':
			dst = append(dst, '\\', '"')
		case '\\':
			dst = append(dst, '\\', '\\')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// compareUTF16 orders strings by UTF-16 code units, as RFC 8785 sorts member
// names. It differs from byte order only for characters above U+FFFF.
func compareUTF16(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	ua, ub := utf16.Encode(ra), utf16.Encode(rb)
	return slices.Compare(ua, ub)
}
