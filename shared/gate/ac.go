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
	pfSpaced                // has a space, so a match may span a whitespace run
)

type acPattern struct {
	text  string // folded
	size  int    // length in folded, whitespace-collapsed bytes
	flags uint8
	group gmask // rule-evaluator groups this word belongs to
	probe uint8 // non-zero: a confirmation scanner to run at the hit
	arg   int32 // probe argument (for example the canary index)
}

type automaton struct {
	nclass int
	class  [256]uint16
	// tab is class widened to the table's element type, so the scan loop
	// adds it to a state with no conversion.
	tab   [256]uint32
	space uint16 // class of the folded space
	// next holds the dense states' rows: every state up to denseDepth
	// bytes deep (decision 156). Their values are premultiplied by
	// nclass: plain states from 0 upwards, states with outputs below
	// sparseStart.
	next []uint32
	// outStart is the first value that is not a dense plain state: the
	// scan loop leaves on st >= outStart, for a state with outputs or a
	// sparse one.
	outStart uint32
	// sparseStart is the first sparse state's value; sparse states are
	// numbered by one from it, those with outputs from sparseOut on. A
	// sparse state k has no row: its trie children (kidClass and kidNext
	// from kidLo[k] to kidHi[k]) and its failure state sFail[k], which
	// move follows.
	sparseStart uint32
	sparseOut   uint32
	sFail       []uint32
	kidLo       []uint32
	kidHi       []uint32
	kidClass    []uint8
	kidNext     []uint32
	outHead     []int32    // per state number (stateNo): index into outList or -1
	outList     []outEntry // each state's patterns, each run ended by id -1
	pats        []acPattern
}

// denseDepth is how deep the states with a full row go (decision 156).
// Text spends 99.6 % of its bytes in states at most 12 bytes deep (the
// pool's benign texts); the deeper half of the states are long patterns'
// middles and ends, and a row for each was most of the table and of the
// gate's cold start. At 10 the table is smaller still, but the scan loses
// 7-16 % on real prompts instead of 2-7 %.
const denseDepth = 12

// stateNo numbers states densely: dense states by row, sparse ones after.
func (a *automaton) stateNo(v uint32) uint32 {
	n := uint32(a.nclass)
	if v < a.sparseStart {
		return v / n
	}
	return a.sparseStart/n + v - a.sparseStart
}

// states is the number of states.
func (a *automaton) states() int { return len(a.outHead) }

// head is the start of v's outputs in outList, or -1.
func (a *automaton) head(v uint32) int32 { return a.outHead[a.stateNo(v)] }

// hasOut reports whether state v has outputs.
func (a *automaton) hasOut(v uint32) bool {
	return v >= a.outStart && (v < a.sparseStart || v >= a.sparseOut)
}

// move is the automaton's transition from state v on class c: a sparse
// state's child on c, else its failure state's move, down to a dense row.
func (a *automaton) move(v, c uint32) uint32 {
	for v >= a.sparseStart {
		k := v - a.sparseStart
		for j, end := a.kidLo[k], a.kidHi[k]; j < end; j++ {
			if uint32(a.kidClass[j]) == c {
				return a.kidNext[j]
			}
		}
		v = a.sFail[k]
	}
	return a.next[v+c]
}

// parsePattern reads the tiny pattern syntax used in the word lists: a
// leading '*' lets the match start inside a word, a trailing '*' makes it a
// stem. Patterns with non-ASCII bytes (Chinese) check no boundaries unless
// a leading '^' or a trailing '$' asks for one on that side (every byte
// of a multi-byte letter continues a word, so a space or punctuation is
// a boundary).
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
	left, right := strings.HasPrefix(s, "^"), strings.HasSuffix(s, "$")
	s = strings.TrimSuffix(strings.TrimPrefix(s, "^"), "$")
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			if !left {
				f |= pfLeftOpen
			}
			if !right {
				f |= pfRightOpen
			}
			break
		}
	}
	// Boundaries only matter next to letters: "<|im_start|>" matches
	// glued to anything.
	if s != "" && !wordByte[s[0]] {
		f |= pfLeftOpen
	}
	if s != "" && !wordByte[s[len(s)-1]] {
		f |= pfRightOpen
	}
	return s, f
}

func foldString(s string) string {
	if foldsToItself(s) {
		return s // most patterns: lower case, single spaces, nothing to trim
	}
	return foldCopy(s)
}

// foldCopy is foldString the long way: each byte folded, runs of spaces
// made one, the ends trimmed.
func foldCopy(s string) string {
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

// foldsToItself reports whether foldString(s) == s: every byte its own
// fold, no run of spaces, nothing strings.TrimSpace would remove (an ASCII
// space or a non-ASCII byte at either end sends s the long way).
func foldsToItself(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || s[0] >= 0x80 || s[len(s)-1] >= 0x80 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if foldByte[c] != c || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

func buildAutomaton(pats []acPattern) (*automaton, error) {
	return buildAutomatonDepth(pats, denseDepth)
}

// buildAutomatonDepth builds with full rows for states at most depth bytes
// deep.
func buildAutomatonDepth(pats []acPattern, depth int) (*automaton, error) {
	return buildAutomatonRec(pats, depth, nil)
}

// buildAutomatonRec is buildAutomatonDepth, recording into rec what the
// automaton's image needs (ac_image.go) when rec is not nil.
func buildAutomatonRec(pats []acPattern, depth int, rec *imageRec) (*automaton, error) {
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
			used[p.text[i]] = p.text[i] != '_' // read as a space below
		}
	}
	for i := range a.pats {
		if strings.ContainsAny(a.pats[i].text, " _") {
			a.pats[i].flags |= pfSpaced
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
		if c == '_' {
			// An underscore separates words like a space ("your_system_prompt").
			a.class[c] = folded[' ']
		}
	}
	a.space = folded[' ']
	a.nclass = n

	if n > 256 {
		return nil, errors.New("automaton: more than 255 byte values in use")
	}
	for c := 0; c < 256; c++ {
		a.tab[c] = uint32(a.class[c])
	}
	a.buildRec(depth, rec)
	return a, nil
}

// build makes the automaton in one pass that writes every row once, in
// its final place. The gate is built at cold start and the table (a few
// million cells) is its largest allocation: on a fresh process every page
// of it costs a fault, so it is neither grown nor written twice.
//
// The trie comes from the patterns' class strings sorted: each string
// shares a prefix with the one before and adds the rest as new states,
// so the children of a state are made in class order and the patterns
// ending in a state are adjacent. A BFS over it then gives each state its
// failure state, its final number and its row: the failure state's row
// with the state's own children written over it. States are numbered as
// the scan loop wants them: dense plain states upwards from 0 in BFS
// order, so the shallow states that ordinary text keeps revisiting sit
// together in a few pages, dense states with outputs downwards from the
// last dense one, and the sparse states (deeper than denseDepth) after
// them, so the loop leaves for a match or a sparse state with one compare
// (st >= outStart). Whether a state has outputs is known when it is
// found: its own patterns, or its failure state's, which BFS has numbered
// already. Dense targets are premultiplied by nclass: one add and one
// load per byte. A sparse state keeps its trie children and its failure
// state; BFS gives the failure states of its children by move, which
// only reads states already done.
//
// Whitespace runs collapse inside the table: a state entered by a space
// stays put on further spaces ("treat a run as one space" with no branch
// in the loop). A state whose failure state was entered by a space was
// entered by one too, so the self-loop it copies is overwritten by its
// own; a child on a space of such a state (a pattern with two spaces in a
// row: foldString makes none) is never reached. A sparse state keeps the
// self-loop as its first child, ahead of any such child.
func (a *automaton) build(maxDense int) { a.buildRec(maxDense, nil) }

// buildRec is build, which also writes to rec, when it is not nil, what
// the image of the automaton needs to replay it (ac_image.go).
func (a *automaton) buildRec(maxDense int, rec *imageRec) {
	n := a.nclass
	pats := a.pats
	keys := make([]string, len(pats))
	buf := make([]byte, 0, func() (t int) {
		for _, p := range pats {
			t += len(p.text)
		}
		return t
	}())
	for i, p := range pats {
		from := len(buf)
		for j := 0; j < len(p.text); j++ {
			buf = append(buf, byte(a.class[p.text[j]]))
		}
		keys[i] = string(buf[from:])
	}
	ids := make([]int32, len(pats))
	for i := range ids {
		ids[i] = int32(i)
	}
	sortKeys(ids, keys, n)

	// The trie: node 0 is the root; a node's children are a list linked
	// through sibling, in class order; own[k]..own[k]+nown[k] are the
	// entries of ids that end in node k.
	est := 1
	for _, k := range keys {
		est += len(k)
	}
	cls := make([]uint8, 1, est)
	first := make([]int32, 1, est)
	last := make([]int32, 1, est)
	sibling := make([]int32, 1, est)
	own := make([]int32, 1, est)
	nown := make([]int32, 1, est)
	depth := make([]int32, 1, est)
	path := make([]int32, 1, 64)
	prev := ""
	for j, id := range ids {
		k := keys[id]
		l := 0
		for l < len(k) && l < len(prev) && k[l] == prev[l] {
			l++
		}
		path = path[:l+1]
		for d := l; d < len(k); d++ {
			x := int32(len(cls))
			p := path[d]
			cls = append(cls, k[d])
			first = append(first, 0)
			last = append(last, 0)
			sibling = append(sibling, 0)
			own = append(own, 0)
			nown = append(nown, 0)
			depth = append(depth, int32(d+1))
			if last[p] == 0 {
				first[p] = x
			} else {
				sibling[last[p]] = x
			}
			last[p] = x
			path = append(path, x)
		}
		end := path[len(k)]
		if nown[end] == 0 {
			own[end] = int32(j)
		}
		nown[end]++
		prev = k
	}
	states := len(cls)
	dd := int32(max(maxDense, 1))
	nd := uint32(0) // dense states
	for _, d := range depth {
		if d <= dd {
			nd++
		}
	}
	ns := uint32(states) - nd

	nn := uint32(n)
	space := uint32(a.space)
	next := make([]uint32, int(nd)*n)
	hugePages(next)
	a.next = next // move reads it during the build
	sparse := nd * nn
	a.sparseStart = sparse
	a.sFail = make([]uint32, ns)
	a.kidLo = make([]uint32, ns)
	a.kidHi = make([]uint32, ns)
	a.kidClass = make([]uint8, 0, ns)
	a.kidNext = make([]uint32, 0, ns)
	a.outList = make([]outEntry, 0, 4*len(pats))
	val := make([]uint32, states)  // node -> its value (premultiplied if dense)
	fail := make([]uint32, states) // node -> its failure state's value
	a.outHead = make([]int32, states)
	for i := range a.outHead {
		a.outHead[i] = -1
	}
	// The root is plain state 0. Plain states are numbered upwards, those
	// with outputs downwards, each kind in its own range: a value at or
	// above the plain count so far has outputs.
	plain, outs, splain, souts := uint32(1), uint32(0), uint32(0), uint32(0)
	hasOut := func(v uint32) bool {
		if v < sparse {
			return v/nn >= plain
		}
		return v-sparse >= splain
	}
	queue := make([]int32, 1, states)
	if rec != nil {
		rec.begin(depth, states)
	}
	for q := 0; q < len(queue); q++ {
		s := queue[q]
		vs, ff := val[s], fail[s]
		if rec != nil {
			rec.state(a, s == 0, ff, first[s], sibling, ids[own[s]:own[s]+nown[s]])
		}
		var row []uint32
		if vs < sparse {
			row = next[vs : vs+nn]
			if s != 0 {
				copy(row, next[ff:ff+nn])
			}
		} else {
			a.sFail[vs-sparse] = ff
			a.kidLo[vs-sparse] = uint32(len(a.kidClass))
			if uint32(cls[s]) == space {
				a.kidClass = append(a.kidClass, uint8(space))
				a.kidNext = append(a.kidNext, vs)
			}
		}
		for x := first[s]; x != 0; x = sibling[x] {
			c := uint32(cls[x])
			var fx uint32 // the failure state's move: children differ in class
			switch {
			case s == 0:
			case row != nil:
				fx = row[c]
			default:
				fx = a.move(ff, c)
			}
			fail[x] = fx
			out := nown[x] > 0 || hasOut(fx)
			var v uint32
			switch {
			case depth[x] > dd && out:
				souts++
				v = sparse + ns - souts
			case depth[x] > dd:
				v = sparse + splain
				splain++
			case out:
				outs++
				v = (nd - outs) * nn
			default:
				v = plain * nn
				plain++
			}
			val[x] = v
			if rec != nil {
				rec.kid(c, out)
			}
			if row != nil {
				row[c] = v
			} else {
				a.kidClass = append(a.kidClass, uint8(c))
				a.kidNext = append(a.kidNext, v)
			}
			queue = append(queue, x)
		}
		if row != nil && s != 0 && uint32(cls[s]) == space {
			row[space] = vs
		}
		if row == nil {
			a.kidHi[vs-sparse] = uint32(len(a.kidClass))
		}
		if hasOut(vs) {
			a.outHead[a.stateNo(vs)] = int32(len(a.outList))
			for _, id := range ids[own[s] : own[s]+nown[s]] {
				p := &pats[id]
				a.outList = append(a.outList, outEntry{id: id, size: int32(p.size), flags: p.flags})
			}
			if s != 0 {
				if h := a.outHead[a.stateNo(ff)]; h >= 0 {
					for k := h; a.outList[k].id >= 0; k++ {
						a.outList = append(a.outList, a.outList[k])
					}
				}
			}
			a.outList = append(a.outList, outEntry{id: -1})
		}
	}
	a.outStart = plain * nn
	a.sparseOut = sparse + splain
}

// sortKeys orders ids (ascending on entry) by keys[id], ties by id: what
// slices.SortFunc with strings.Compare and then the id gives, in a stable
// most-significant-byte radix sort over an alphabet of n bytes (the
// classes; TestSortKeys).
func sortKeys(ids []int32, keys []string, n int) {
	r := radixSort{keys: keys, n: n}
	r.sort(ids, make([]int32, len(ids)), 0)
}

type radixSort struct {
	keys  []string
	n     int
	count [][]int // per depth: bucket sizes, then starts
}

func (r *radixSort) sort(ids, tmp []int32, d int) {
	keys := r.keys
	if len(ids) < 32 {
		// Insertion sort: every key shares its first d bytes.
		for i := 1; i < len(ids); i++ {
			x := ids[i]
			j := i
			for ; j > 0; j-- {
				y := ids[j-1]
				if c := strings.Compare(keys[y][d:], keys[x][d:]); c < 0 || c == 0 && y < x {
					break
				}
				ids[j] = y
			}
			ids[j] = x
		}
		return
	}
	for len(r.count) <= d {
		r.count = append(r.count, make([]int, 2*(r.n+1)))
	}
	// Bucket 0: keys that end at d (they come first); bucket b+1: byte b.
	count, start := r.count[d][:r.n+1], r.count[d][r.n+1:]
	clear(count)
	for _, id := range ids {
		if k := keys[id]; len(k) > d {
			count[int(k[d])+1]++
		} else {
			count[0]++
		}
	}
	sum := 0
	for b, c := range count {
		start[b] = sum
		sum += c
	}
	for _, id := range ids {
		b := 0
		if k := keys[id]; len(k) > d {
			b = int(k[d]) + 1
		}
		tmp[start[b]] = id
		start[b]++
	}
	copy(ids, tmp)
	// start[b] is now bucket b's end.
	for b := 1; b < len(count); b++ {
		if c := count[b]; c > 1 {
			lo := start[b] - c
			r.sort(ids[lo:start[b]], tmp[lo:start[b]], d+1)
		}
	}
}

// acHit is a pattern occurrence in view coordinates.
type acHit struct {
	pat        int32
	start, end int32
}

// run scans s and appends every boundary-respecting occurrence to hits.
// Runs of whitespace count as one space, so hit starts are found by
// walking back over the original bytes.
//
// Each byte costs one table load that depends on the previous one, so a
// single walk is bound by load latency, not by throughput. Long texts are
// therefore cut into runWays pieces walked in lockstep in one loop, which
// keeps that many independent loads in flight. Every piece after the first
// starts from the root runOverlap bytes before its cut; where the piece
// before it ends, both walks must be in the same state, and from there on
// they see the same transitions and report the same hits. When they
// disagree (a partial match longer than the overlap straddles the cut) the
// later piece's hits are dropped and that stretch is walked again from
// the right state. side holds the later pieces' hits until the earlier
// ones are in, so hits come out in the serial order.
func (a *automaton) run(s string, hits []acHit, side *[runWays - 1][]acHit) []acHit {
	if len(s) < 8*runWays*runOverlap || side == nil {
		_, hits = a.walk(s, 0, len(s), 0, hits)
		return hits
	}
	// Piece w is s[w*stride : w*stride+size]; it reports from w*stride+runOverlap.
	size := (len(s) + (runWays-1)*runOverlap) / runWays
	stride := size - runOverlap
	var st, warm [runWays]uint32
	var ps [runWays]string
	for w := range ps {
		ps[w] = s[w*stride : w*stride+size]
		side[max(w-1, 0)] = side[max(w-1, 0)][:0]
	}
	for i, lim := 0, runOverlap; ; {
		if max(st[0], st[1], st[2], st[3]) < a.sparseStart {
			i = a.step4(&ps, lim, i, &st)
		} else {
			i = a.slow4(&ps, lim, i, &st)
		}
		if i == lim {
			if lim == size {
				break
			}
			warm, lim = st, size
			continue
		}
		if a.hasOut(st[0]) {
			hits = a.emit(s, i+1, a.head(st[0]), hits)
		}
		if i >= runOverlap {
			for w := 1; w < runWays; w++ {
				if a.hasOut(st[w]) {
					side[w-1] = a.emit(s, w*stride+i+1, a.head(st[w]), side[w-1])
				}
			}
		}
		i++
	}
	cur := st[0]
	for w := 1; w < runWays; w++ {
		if cur == warm[w] {
			hits = append(hits, side[w-1]...)
			cur = st[w]
		} else {
			cur, hits = a.walk(s, w*stride+runOverlap, w*stride+size, cur, hits)
		}
	}
	_, hits = a.walk(s, (runWays-1)*stride+size, len(s), cur, hits)
	return hits
}

const (
	runWays    = 4  // pieces run walks in lockstep
	runOverlap = 64 // how far before its cut a piece starts
)

// step4 advances the walks over the pieces in lockstep from i until one
// enters a state with outputs, and returns the index of the byte that did
// it, or lim. Reporting happens in the caller: with no call inside, the
// states stay in registers instead of round-tripping through the stack on
// every byte.
func (a *automaton) step4(ps *[runWays]string, lim, i int, st *[runWays]uint32) int {
	next, tab, outStart := a.next, &a.tab, a.outStart
	s0, s1, s2, s3 := ps[0][:lim], ps[1][:lim], ps[2][:lim], ps[3][:lim]
	t0, t1, t2, t3 := st[0], st[1], st[2], st[3]
	for ; i < len(s0); i++ {
		t0 = next[t0+tab[s0[i]]]
		t1 = next[t1+tab[s1[i]]]
		t2 = next[t2+tab[s2[i]]]
		t3 = next[t3+tab[s3[i]]]
		if max(t0, t1, t2, t3) >= outStart {
			break
		}
	}
	st[0], st[1], st[2], st[3] = t0, t1, t2, t3
	return i
}

// walk runs the automaton over s[from:to] starting in state st.
func (a *automaton) walk(s string, from, to int, st uint32, hits []acHit) (uint32, []acHit) {
	for i := from; ; i++ {
		if st < a.sparseStart {
			i, st = a.step1(s[:to], i, st)
		} else {
			i, st = a.slow1(s[:to], i, st)
		}
		if i == to {
			return st, hits
		}
		if a.hasOut(st) {
			hits = a.emit(s, i+1, a.head(st), hits)
		}
	}
}

// slow4 advances the walks one byte at a time while one of them is in a
// sparse state, until one enters a state with outputs or all are dense
// again, and returns the index of the byte that did it, or lim.
func (a *automaton) slow4(ps *[runWays]string, lim, i int, st *[runWays]uint32) int {
	for ; i < lim; i++ {
		for w := range st {
			st[w] = a.move(st[w], a.tab[ps[w][i]])
		}
		if max(st[0], st[1], st[2], st[3]) < a.sparseStart || a.hasOut(st[0]) || a.hasOut(st[1]) || a.hasOut(st[2]) || a.hasOut(st[3]) {
			break
		}
	}
	return i
}

// slow1 is slow4 for one walk.
func (a *automaton) slow1(s string, i int, st uint32) (int, uint32) {
	for ; i < len(s); i++ {
		st = a.move(st, a.tab[s[i]])
		if st < a.sparseStart || a.hasOut(st) {
			break
		}
	}
	return i, st
}

// step1 is step4 for one walk.
func (a *automaton) step1(s string, i int, st uint32) (int, uint32) {
	next, tab, outStart := a.next, &a.tab, a.outStart
	for ; i < len(s); i++ {
		st = next[st+tab[s[i]]]
		if st >= outStart {
			break
		}
	}
	return i, st
}

// outEntry is what emit needs of a pattern, kept next to the other
// outputs of the same state rather than in the pattern table.
type outEntry struct {
	id, size int32
	flags    uint8
}

func (a *automaton) emit(s string, end int, head int32, hits []acHit) []acHit {
	for k := head; a.outList[k].id >= 0; k++ {
		p := a.outList[k]
		// The right boundary first: it needs no walk back, and inside a
		// word ("llm" in "limit") it is what fails.
		if p.flags&pfRightOpen == 0 && end < len(s) && wordByte[s[end]] && !camelJoin(s, end) {
			continue
		}
		// Without a space in the pattern no whitespace run can be inside
		// the match, so it is exactly size bytes long.
		start := end - int(p.size)
		if p.flags&pfSpaced != 0 {
			start = backStart(s, end, int(p.size))
		}
		if p.flags&pfLeftOpen == 0 && start > 0 && wordByte[s[start-1]] && !camelJoin(s, start) {
			continue
		}
		hits = append(hits, acHit{pat: p.id, start: int32(start), end: int32(end)})
	}
	return hits
}

// camelJoin reports a word boundary inside an identifier at i: a lower
// case letter followed by a capital ("ignorePrevious"), so CamelCase and
// camelCase words are read as words.
func camelJoin(s string, i int) bool {
	return i > 0 && i < len(s) && s[i-1] >= 'a' && s[i-1] <= 'z' && s[i] >= 'A' && s[i] <= 'Z'
}

func isSpaceByte(c byte) bool { return foldByte[c] == ' ' || c == '_' }

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
