package route

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// maxJSONDepth bounds nesting: no request of ours nests deeper than a few
// levels, and a deep document is a way to burn CPU and stack.
const maxJSONDepth = 32

var errJSONSyntax = errors.New("malformed JSON")

// checkJSON rejects what encoding/json would accept silently but the
// contract refuses: duplicate member names (two parsers could read two
// different requests), escaped lone UTF-16 surrogates (decoded to U+FFFD, so
// the text we hash is not the text sent), NUL characters, and nesting deeper
// than maxJSONDepth. It is a single pass over the raw bytes; structural
// syntax errors are left to the decoder, which reports them with an offset.
func checkJSON(b []byte) error {
	type frame struct {
		object    bool
		keys      map[string]struct{}
		expectKey bool
	}
	var stack []frame
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '{', '[':
			if len(stack) >= maxJSONDepth {
				return fmt.Errorf("JSON nests deeper than %d levels", maxJSONDepth)
			}
			stack = append(stack, frame{object: c == '{', expectKey: c == '{'})
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].expectKey = true
			}
		case '"':
			start := i + 1
			end, s, err := scanString(b, start)
			if err != nil {
				return err
			}
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].expectKey {
				f := &stack[n-1]
				if f.keys == nil {
					f.keys = map[string]struct{}{}
				}
				// encoding/json matches member names to fields ignoring
				// case ("Input" fills input): compare them folded, or
				// {"input":"x","Input":"y"} would be read as "y" here and
				// possibly as "x" by the caller's own parser.
				k := foldName(s)
				if _, dup := f.keys[k]; dup {
					return fmt.Errorf("duplicate member %q", s)
				}
				f.keys[k] = struct{}{}
				f.expectKey = false
			}
			i = end
		}
	}
	return nil
}

// scanString reads the string starting at b[start] (after the quote) and
// returns the index of the closing quote and the decoded string.
func scanString(b []byte, start int) (int, string, error) {
	for i := start; i < len(b); i++ {
		switch b[i] {
		case '"':
			name := string(b[start:i])
			if bytes.IndexByte(b[start:i], '\\') >= 0 {
				// Compare names as the decoder will see them.
				var u string
				if err := json.Unmarshal(b[start-1:i+1], &u); err != nil {
					return 0, "", errJSONSyntax
				}
				name = u
			}
			return i, name, nil
		case '\\':
			if i+1 >= len(b) {
				return 0, "", errJSONSyntax
			}
			if b[i+1] != 'u' {
				i++
				continue
			}
			r, ok := hex4(b, i+2)
			if !ok {
				return 0, "", errJSONSyntax
			}
			switch {
			case r == 0:
				return 0, "", errors.New("NUL characters are not accepted")
			case r >= 0xD800 && r <= 0xDBFF:
				// A high surrogate must be followed by an escaped low one.
				lo, ok := uint32(0), false
				if i+11 < len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
					lo, ok = hex4(b, i+8)
				}
				if !ok || lo < 0xDC00 || lo > 0xDFFF {
					return 0, "", errors.New("lone UTF-16 surrogate in a string")
				}
				i += 11
			case r >= 0xDC00 && r <= 0xDFFF:
				return 0, "", errors.New("lone UTF-16 surrogate in a string")
			default:
				i += 5
			}
		case 0:
			return 0, "", errors.New("NUL characters are not accepted")
		}
	}
	return 0, "", errJSONSyntax
}

func hex4(b []byte, at int) (uint32, bool) {
	if at+4 > len(b) {
		return 0, false
	}
	var r uint32
	for _, c := range b[at : at+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= uint32(c - '0')
		case c >= 'a' && c <= 'f':
			r |= uint32(c-'a') + 10
		case c >= 'A' && c <= 'F':
			r |= uint32(c-'A') + 10
		default:
			return 0, false
		}
	}
	return r, true
}

// foldName folds a member name the way encoding/json compares names with
// fields: case-insensitively, including the two runes whose simple folding
// reaches ASCII letters (U+017F long s, U+212A Kelvin sign).
func foldName(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 0x017F:
			return 's'
		case 0x212A:
			return 'k'
		}
		return unicode.ToLower(r)
	}, s)
}
