package audit

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unsafe"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/evidence"
)

// MaxBundleEntryBytes bounds one decompressed JSON line of a bundle: entries
// are well under 4 KiB; a megabyte line is an attack, not evidence.
const MaxBundleEntryBytes = 1 << 20

// errSlow tells the fast line parser to hand the line to encoding/json.
var errSlow = errors.New("not in the fast form")

// eachLine streams a bundle's decompressed lines through *buf (grown as one
// line needs, refused past MaxBundleEntryBytes) and calls fn with every
// non-blank line and its 1-based number. More than limit bytes in all is
// refused: a bundle's compressed size says nothing about what it expands to.
// Going a window at a time keeps the lines in cache while they are hashed.
// The line passed to fn is valid only during the call.
func eachLine(r io.Reader, buf *[]byte, limit int64, fn func(n int, line []byte) error) error {
	b := (*buf)[:cap(*buf)]
	if len(b) == 0 {
		b = make([]byte, 64<<10)
	}
	defer func() { *buf = b[:0] }()
	n := 0
	emit := func(line []byte) error {
		n++
		if len(line) > MaxBundleEntryBytes {
			return fmt.Errorf("line %d: longer than %d bytes", n, MaxBundleEntryBytes)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			return nil
		}
		return fn(n, line)
	}
	var total int64
	start, end := 0, 0
	for eof := false; ; {
		for {
			i := bytes.IndexByte(b[start:end], '\n')
			if i < 0 {
				break
			}
			if err := emit(b[start : start+i]); err != nil {
				return err
			}
			start += i + 1
		}
		if eof {
			if start < end {
				return emit(b[start:end])
			}
			return nil
		}
		end = copy(b, b[start:end])
		start = 0
		if end == len(b) {
			if end > MaxBundleEntryBytes {
				return fmt.Errorf("line %d: longer than %d bytes", n+1, MaxBundleEntryBytes)
			}
			b = append(b, make([]byte, len(b))...)
		}
		k, err := r.Read(b[end:])
		end += k
		if total += int64(k); total > limit {
			return fmt.Errorf("decompresses to more than %d bytes", limit)
		}
		switch {
		case err == io.EOF:
			eof = true
		case err != nil:
			return err
		}
	}
}

// eachEntry calls fn for every entry of a bundle's lines, in order (see
// eachLine for buf and limit). Lines in the archiver's exact forms take a
// hand-written parser; anything else goes through encoding/json, so the
// accepted language is encoding/json's either way (the fuzz target checks
// the two agree). The strings of the entry passed to fn alias the buffer and
// are valid only during the call.
func eachEntry(r io.Reader, buf *[]byte, limit int64, fn func(*evidence.Entry) error) error {
	var e evidence.Entry
	return eachLine(r, buf, limit, func(n int, line []byte) error {
		if err := parseLine(line, &e); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		return fn(&e)
	})
}

// parseLine parses one bundle line into e (reset first).
func parseLine(l []byte, e *evidence.Entry) error {
	*e = evidence.Entry{}
	if err := parseEntryFast(l, e); err != nil {
		*e = evidence.Entry{}
		return parseEntrySlow(l, e)
	}
	return nil
}

func parseEntrySlow(l []byte, e *evidence.Entry) error {
	dec := json.NewDecoder(bytes.NewReader(l))
	dec.DisallowUnknownFields()
	if err := dec.Decode(e); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one JSON value on a line")
	}
	return nil
}

// parser is a cursor over one line.
type parser struct {
	b []byte
	i int
}

func (p *parser) lit(s string) bool {
	if len(p.b)-p.i >= len(s) && string(p.b[p.i:p.i+len(s)]) == s {
		p.i += len(s)
		return true
	}
	return false
}

// str reads a JSON string with no escapes, no control characters and only
// ASCII (anything else: errSlow). The result aliases the line.
func (p *parser) str() (string, error) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return "", errSlow
	}
	start := p.i + 1
	j := bytes.IndexByte(p.b[start:], '"')
	if j < 0 {
		return "", errSlow
	}
	s := p.b[start : start+j]
	// An escaped quote leaves a backslash before the quote found, so
	// plainASCII refuses it and the line goes to encoding/json.
	if !plainASCII(s) {
		return "", errSlow
	}
	p.i = start + j + 1
	if len(s) == 0 {
		return "", nil
	}
	return unsafe.String(&s[0], len(s)), nil
}

const (
	swarLo = 0x0101010101010101
	swarHi = 0x8080808080808080
)

// plainASCII reports whether b holds only printable ASCII other than the
// backslash, eight bytes at a time: entries are mostly 64-digit hex.
func plainASCII(b []byte) bool {
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		if x&swarHi != 0 || // non-ASCII
			(x-swarLo*0x20)&^x&swarHi != 0 || // a byte below 0x20
			(x^(swarLo*'\\')-swarLo)&^(x^(swarLo*'\\'))&swarHi != 0 { // a backslash
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c < 0x20 || c == '\\' || c >= 0x80 {
			return false
		}
	}
	return true
}

// int reads a JSON integer in canonical form.
func (p *parser) int() (int64, error) {
	start := p.i
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
	}
	if p.i < len(p.b) {
		if c := p.b[p.i]; c == '.' || c == 'e' || c == 'E' {
			return 0, errSlow
		}
	}
	s := p.b[start:p.i]
	if len(s) == 0 || len(s) > 19 || (len(s) > 1 && s[0] == '0') || (len(s) > 2 && s[0] == '-' && s[1] == '0') {
		return 0, errSlow
	}
	n, err := strconv.ParseInt(unsafe.String(&s[0], len(s)), 10, 64)
	if err != nil {
		return 0, errSlow
	}
	return n, nil
}

// optStr reads `,"name":"value"` if the line continues with it.
func (p *parser) optStr(key string, dst *string) error {
	if !p.lit(key) {
		return nil
	}
	s, err := p.str()
	if err != nil {
		return err
	}
	if s == "" {
		// encoding/json omits empty omitempty strings; an explicit "" is
		// legal JSON but not the archiver's form.
		return errSlow
	}
	*dst = s
	return nil
}

func (p *parser) reqStr(key string, dst *string) error {
	if !p.lit(key) {
		return errSlow
	}
	s, err := p.str()
	*dst = s
	return err
}

func (p *parser) reqInt(key string, dst *int64) error {
	if !p.lit(key) {
		return errSlow
	}
	n, err := p.int()
	*dst = n
	return err
}

// parseEntryFast parses the archiver's exact line forms: today's (RFC 8785,
// members in sorted order, evidence.AppendLine) and the legacy one (the
// fields of evidence.Entry in declaration order); in both, omitempty fields
// possibly absent, no whitespace, no meta map.
func parseEntryFast(l []byte, e *evidence.Entry) error {
	p := &parser{b: l}
	if p.lit(`{"chain":`) {
		return p.canonicalEntry(e)
	}
	var v int64
	if err := p.reqInt(`{"v":`, &v); err != nil {
		return err
	}
	if v < -1<<31 || v > 1<<31-1 {
		return errSlow
	}
	e.V = int(v)
	steps := []error{
		p.reqStr(`,"kind":`, &e.Kind),
		p.reqStr(`,"tenant":`, &e.Tenant),
		p.reqStr(`,"chain":`, &e.Chain),
		p.reqInt(`,"seq":`, &e.Seq),
		p.reqStr(`,"ts":`, &e.TS),
		p.reqStr(`,"principal":`, &e.Principal),
		p.optStr(`,"userRef":`, &e.UserRef),
		p.optStr(`,"modelVersion":`, &e.ModelVersion),
		p.optStr(`,"modelProvider":`, &e.ModelProvider),
		p.optStr(`,"inputSha256":`, &e.InputSHA256),
		p.optStr(`,"outputSha256":`, &e.OutputSHA256),
		p.optStr(`,"decision":`, &e.Decision),
	}
	// The steps above run in order because Go evaluates the composite
	// literal's elements left to right; stop at the first failure.
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	if err := p.rules(`,"rules":`, &e.Rules); err != nil {
		return err
	}
	if err := p.optStr(`,"policyHash":`, &e.PolicyHash); err != nil {
		return err
	}
	if err := p.reqStr(`,"status":`, &e.Status); err != nil {
		return err
	}
	if err := p.reqInt(`,"latencyNs":`, &e.LatencyNs); err != nil {
		return err
	}
	if p.lit(`,"meta":`) {
		return errSlow
	}
	if err := p.reqStr(`,"prevHash":`, &e.PrevHash); err != nil {
		return err
	}
	if err := p.optStr(`,"hash":`, &e.Hash); err != nil {
		return err
	}
	return p.end()
}

// canonicalEntry parses the rest of a line in evidence.AppendLine's form.
func (p *parser) canonicalEntry(e *evidence.Entry) error {
	var err error
	if e.Chain, err = p.str(); err != nil {
		return err
	}
	steps := []func() error{
		func() error { return p.optStr(`,"decision":`, &e.Decision) },
		func() error { return p.optStr(`,"hash":`, &e.Hash) },
		func() error { return p.optStr(`,"inputSha256":`, &e.InputSHA256) },
		func() error { return p.reqStr(`,"kind":`, &e.Kind) },
		func() error { return p.reqInt(`,"latencyNs":`, &e.LatencyNs) },
		func() error {
			if p.lit(`,"meta":`) {
				return errSlow
			}
			return nil
		},
		func() error { return p.optStr(`,"modelProvider":`, &e.ModelProvider) },
		func() error { return p.optStr(`,"modelVersion":`, &e.ModelVersion) },
		func() error { return p.optStr(`,"outputSha256":`, &e.OutputSHA256) },
		func() error { return p.optStr(`,"policyHash":`, &e.PolicyHash) },
		func() error { return p.reqStr(`,"prevHash":`, &e.PrevHash) },
		func() error { return p.reqStr(`,"principal":`, &e.Principal) },
		func() error { return p.rules(`,"rules":`, &e.Rules) },
		func() error { return p.reqInt(`,"seq":`, &e.Seq) },
		func() error { return p.reqStr(`,"status":`, &e.Status) },
		func() error { return p.reqStr(`,"tenant":`, &e.Tenant) },
		func() error { return p.reqStr(`,"ts":`, &e.TS) },
		func() error { return p.optStr(`,"userRef":`, &e.UserRef) },
		func() error {
			var v int64
			if err := p.reqInt(`,"v":`, &v); err != nil {
				return err
			}
			if v < -1<<31 || v > 1<<31-1 {
				return errSlow
			}
			e.V = int(v)
			return nil
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return p.end()
}

// rules reads `,"rules":` followed by null or an array of strings.
func (p *parser) rules(key string, dst *[]string) error {
	if !p.lit(key) {
		return errSlow
	}
	if p.lit("null") {
		*dst = nil
		return nil
	}
	if !p.lit("[") {
		return errSlow
	}
	*dst = []string{}
	for !p.lit("]") {
		if len(*dst) > 0 && !p.lit(",") {
			return errSlow
		}
		s, err := p.str()
		if err != nil {
			return err
		}
		*dst = append(*dst, s)
	}
	return nil
}

// end accepts the closing brace and trailing blanks only.
func (p *parser) end() error {
	if !p.lit("}") {
		return errSlow
	}
	for ; p.i < len(p.b); p.i++ {
		switch p.b[p.i] {
		case ' ', '\t', '\r':
		default:
			return errSlow
		}
	}
	return nil
}

// decodeBundleEntries is the reference reader (the archive's) for callers
// that need owned entries.
func decodeBundleEntries(body []byte) ([]evidence.Entry, error) {
	return archive.DecodeBundle(bytes.NewReader(body))
}
