package gate

import (
	"errors"
	"fmt"
	"strings"
)

// The automaton below is a small Aho-Corasick DFA written for the gate's
// needs rather than a general library: it matches over a folded alphabet
// (case, leetspeak and whitespace runs collapse in the byte-class table, so
// "1GN0RE   a11" walks the same states as "ignore all") and it reports each
// pattern's metadata, which the rule evaluator needs, with no allocation.

// foldByte maps a byte to the character it stands for during detection:
// upper case to lower case, leetspeak digits and symbols to letters, any
// whitespace to a space. 'l' and '1' and '|' all fold to 'i' because
// attackers use them interchangeably; patterns fold the same way, so
// "all" is stored as "aii".
var foldByte = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c) + 32
	}
	for _, p := range []string{"0o", "1i", "3e", "4a", "5s", "7t", "@a", "$s", "li", "Li", "|i"} {
		t[p[0]] = p[1]
	}
	for _, c := range "\t\n\v\f\r" {
		t[c] = ' '
	}
	return t
}()

// wordByte marks bytes that continue a word for boundary checks. Bytes of
// multi-byte UTF-8 sequences count as word characters.
var wordByte = func() (t [256]bool) {
	for i := range t {
		c := byte(i)
		t[i] = isAlnum(c) || c >= 0x80
	}
	return t
}()

// pattern flags
const (
	pfLeftOpen  = 1 << iota // may start inside a word
	pfRightOpen             // may end inside a word (a stem)
)

type acPattern struct {
	text  string // folded
	size  int    // length in folded, whitespace-collapsed bytes
	flags uint8
	group uint64 // rule-evaluator groups this word belongs to
	probe uint8  // non-zero: a confirmation scanner to run at the hit
	arg   int32  // probe argument (for example the canary index)
}

type automaton struct {
	nclass int
	class  [256]uint16
	// tab is class | pre-pass kind<<16, so the fused scan loop reads one
	// table entry per byte for both jobs.
	tab     [256]uint32
	space   uint16 // class of the folded space
	next    []uint32
	outHead []int32 // per state: index into outList or -1
	outList []int32 // pattern ids, each run terminated by -1
	pats    []acPattern
}

// parsePattern reads the tiny pattern syntax used in the word lists: a
// leading '*' lets the match start inside a word, a trailing '*' makes it a
// stem. Patterns with non-ASCII bytes (Chinese) never check boundaries.
func parsePattern(s string) (string, uint8) {
	var f uint8
	if strings.HasPrefix(s, "*") {
		f |= pfLeftOpen
		s = s[1:]
	}
	if strings.HasSuffix(s, "*") {
		f |= pfRightOpen
		s = s[:len(s)-1]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			f |= pfLeftOpen | pfRightOpen
			break
		}
	}
	// Boundaries only matter next to letters: "<|im_start|>" matches
	// glued to anything.
	if s != "" && !isAlnum(s[0]) {
		f |= pfLeftOpen
	}
	if s != "" && !isAlnum(s[len(s)-1]) {
		f |= pfRightOpen
	}
	return s, f
}

func foldString(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := foldByte[s[i]]
		if c == ' ' && len(b) > 0 && b[len(b)-1] == ' ' {
			continue
		}
		b = append(b, c)
	}
	return strings.TrimSpace(string(b))
}

func buildAutomaton(pats []acPattern) (*automaton, error) {
	if len(pats) == 0 {
		return nil, errors.New("automaton: no patterns")
	}
	a := &automaton{pats: pats}
	// Class 0 is every byte no pattern uses: it always sends the DFA back
	// towards the root.
	used := [256]bool{}
	for _, p := range pats {
		if p.text == "" {
			return nil, fmt.Errorf("automaton: empty pattern")
		}
		for i := 0; i < len(p.text); i++ {
			used[p.text[i]] = true
		}
	}
	used[' '] = true
	n := 1
	var folded [256]uint16
	for c := 0; c < 256; c++ {
		if used[c] {
			folded[c] = uint16(n)
			n++
		}
	}
	for c := 0; c < 256; c++ {
		a.class[c] = folded[foldByte[c]]
	}
	a.space = folded[' ']
	a.nclass = n

	// Trie, built straight into the dense transition table: a.next holds the
	// goto function while patterns are added (0 = no child; the root is never
	// a child), then becomes the full DFA in one BFS. No maps: the gate is
	// built at cold start and this table has about a million cells.
	a.next = make([]uint32, n, 16384*n)
	out := [][]int32{nil}
	bySpace := []bool{false}
	for id, p := range pats {
		s := uint32(0)
		for i := 0; i < len(p.text); i++ {
			c := int(folded[p.text[i]])
			nx := a.next[int(s)*n+c]
			if nx == 0 {
				nx = uint32(len(out))
				a.next = append(a.next, make([]uint32, n)...)
				out = append(out, nil)
				bySpace = append(bySpace, uint16(c) == a.space)
				a.next[int(s)*n+c] = nx
			}
			s = nx
		}
		out[s] = append(out[s], int32(id))
	}
	states := len(out)
	// BFS for failure links: a state moves like its failure state except on
	// its own children.
	fail := make([]uint32, states)
	queue := make([]uint32, 0, states)
	for c := 0; c < n; c++ {
		if nx := a.next[c]; nx != 0 {
			queue = append(queue, nx) // fail = root
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := fail[s]
		out[s] = append(out[s], out[f]...)
		row := a.next[int(s)*n : int(s+1)*n]
		frow := a.next[int(f)*n : int(f+1)*n]
		for c, nx := range row {
			if nx != 0 {
				fail[nx] = frow[c]
				queue = append(queue, nx)
			} else {
				row[c] = frow[c]
			}
		}
	}
	// Store premultiplied targets (state*nclass) so the scan loop does one
	// add and one load per byte, and mark states with outputs in the top
	// bit so the common no-match case costs a single test.
	// Whitespace runs collapse inside the table: a state entered by a
	// space stays put on further spaces, which is exactly "treat a run as
	// one space" without a branch in the loop.
	for st := 1; st < states; st++ {
		if bySpace[st] {
			a.next[st*n+int(a.space)] = uint32(st)
		}
	}
	for c := 0; c < 256; c++ {
		a.tab[c] = uint32(a.class[c]) | uint32(ppClass[c])<<16
	}
	a.outHead = make([]int32, states)
	defer func() {
		for k, t := range a.next {
			v := t * uint32(n)
			if a.outHead[t] >= 0 {
				v |= outFlag
			}
			a.next[k] = v
		}
	}()
	for i := range out {
		if len(out[i]) == 0 {
			a.outHead[i] = -1
			continue
		}
		a.outHead[i] = int32(len(a.outList))
		a.outList = append(a.outList, out[i]...)
		a.outList = append(a.outList, -1)
	}
	return a, nil
}

const outFlag = 1 << 31

// acHit is a pattern occurrence in view coordinates.
type acHit struct {
	pat        int32
	start, end int32
}

// run scans s and appends every boundary-respecting occurrence to hits.
// Runs of whitespace count as one space, so hit starts are found by
// walking back over the original bytes.
func (a *automaton) run(s string, hits []acHit) []acHit {
	st := uint32(0)
	n := uint32(a.nclass)
	next, tab := a.next, &a.tab
	for i := 0; i < len(s); i++ {
		st = next[st+tab[s[i]]&0xFFFF]
		if st&outFlag != 0 {
			st &^= outFlag
			hits = a.emit(s, i+1, a.outHead[st/n], hits)
		}
	}
	return hits
}

func (a *automaton) emit(s string, end int, head int32, hits []acHit) []acHit {
	for k := head; a.outList[k] >= 0; k++ {
		id := a.outList[k]
		p := &a.pats[id]
		start := backStart(s, end, p.size)
		if p.flags&pfLeftOpen == 0 && start > 0 && wordByte[s[start-1]] {
			continue
		}
		if p.flags&pfRightOpen == 0 && end < len(s) && wordByte[s[end]] {
			continue
		}
		hits = append(hits, acHit{pat: id, start: int32(start), end: int32(end)})
	}
	return hits
}

func isSpaceByte(c byte) bool { return foldByte[c] == ' ' }

// scan is run fused with the pre-pass (see prescan.run): one read of each
// byte feeds the automaton and the candidate collection. With stopAtHigh
// it returns at the first non-ASCII byte, leaving p.stopped set.
func (a *automaton) scan(s string, hits []acHit, p *prescan, stopAtHigh bool) []acHit {
	p.slow, p.pct, p.stopped, p.layout = false, false, false, false
	p.digits, p.tokens = p.digits[:0], p.tokens[:0]
	st := uint32(0)
	n := uint32(a.nclass)
	next, tab := a.next, &a.tab
	tok, run := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		v := tab[c]
		st = next[st+v&0xFFFF]
		if st&outFlag != 0 {
			st &^= outFlag
			hits = a.emit(s, i+1, a.outHead[st/n], hits)
		}
		switch v >> 16 {
		case ppWord:
			continue
		case ppDigit:
			if i == 0 || ppClass[s[i-1]] != ppDigit {
				p.digits = append(p.digits, int32(i))
			}
			continue
		case ppHigh:
			p.slow = true
			if stopAtHigh {
				p.stopped = true
				return hits
			}
		}
		p.boundary(s, tok, i, &run)
		if c == '\n' && i > 0 && s[i-1] == '-' {
			p.slow, p.layout = true, true
		} else if c == '%' {
			p.pct = true
		}
		tok = i + 1
	}
	p.boundary(s, tok, len(s), &run)
	return hits
}

// backStart finds where a match of size folded bytes ending at end begins,
// replaying the whitespace collapse of run backwards.
func backStart(s string, end, size int) int {
	k := end
	for cnt := 0; cnt < size && k > 0; {
		k--
		if isSpaceByte(s[k]) && k > 0 && isSpaceByte(s[k-1]) {
			continue
		}
		cnt++
	}
	return k
}
