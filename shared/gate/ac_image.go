package gate

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"
	"sync"
	"unsafe"

	"github.com/agentgate/agentgate/shared/gate/internal/hugepage"
)

// The ASCII automaton of the default policies (no canaries) ships in the
// binary as an image built from the word lists by `make gate-generate`
// (decision 233). At start the gate replays the image instead of building
// the automaton: no pattern list is folded, deduplicated or sorted and no
// trie is made, and the image holds each state's failure state, so the
// start-up writes the table rows and the sparse states' arrays once, in one
// allocation advised to use huge pages. The automaton over every pattern
// (wide) and the automata of policies with canaries are still built from
// the lists when first needed.
//
// The image is a replay of build's BFS: for each state in BFS order, its
// failure state, its children's classes (and whether each has outputs)
// and the patterns that end in it. The replay numbers the states as build
// does, so the automaton is the one build makes, array for array
// (TestASCIIImageFresh). Its table itself is not stored: at tens of MB
// it would not fit the binary (decision 153).
//
// The image names a fingerprint of the word lists it was made from. If
// the lists changed and the image was not made again, the fingerprint
// differs, and the gate builds the automaton from the lists as before:
// slower to start, the same findings. TestASCIIImageFresh fails then, and
// names the command.

// make gate-generate runs these two, in this order: the image reads the
// rune fold table through the patterns.
//go:generate env GATE_GENERATE=1 go test -count=1 -run ^TestRuneFoldTableFresh$ .
//go:generate env GATE_GENERATE=1 go test -count=1 -run ^TestASCIIImageFresh$ .

//go:embed ac_ascii.img
var asciiImageData string

const (
	imageMagic = "AGACIMG1"
	// imageVersion changes with the image's layout or with anything the
	// fingerprint does not read that changes the automaton.
	imageVersion = 1
)

var (
	asciiImageOnce sync.Once
	asciiImageAuto *automaton
)

// imageAutomaton returns the ASCII automaton decoded from the shipped
// image, or nil when the image does not match the word lists (or there is
// none): the caller then builds it.
func imageAutomaton() *automaton {
	asciiImageOnce.Do(func() {
		if imageFingerprint(asciiImageData) != lexiconFingerprint() {
			return
		}
		if a, _, err := decodeImage(asciiImageData); err == nil {
			asciiImageAuto = a
		}
	})
	return asciiImageAuto
}

var (
	lexiconFPOnce sync.Once
	lexiconFP     uint32
)

// lexiconFingerprint is a CRC-32C of what the ASCII patterns are made of
// and could change without the gate's code: the word lists (as they stand
// after every init, before traditionalForms adds to them), the probes' word
// lists, the groups read joined up or not contracted, the contractions and
// the image's layout. Computed once, before the first pattern list is
// made (patternList calls it first).
func lexiconFingerprint() uint32 {
	lexiconFPOnce.Do(func() {
		tab := crc32.MakeTable(crc32.Castagnoli)
		var crc uint32
		var num [8]byte
		u := func(v uint64) {
			binary.LittleEndian.PutUint64(num[:], v)
			crc = crc32.Update(crc, tab, num[:])
		}
		str := func(s string) {
			u(uint64(len(s)))
			crc = crc32.Update(crc, tab, unsafe.Slice(unsafe.StringData(s), len(s)))
		}
		mask := func(m gmask) {
			for _, w := range m {
				u(w)
			}
		}
		u(imageVersion)
		u(denseDepth)
		u(uint64(numGroups))
		for g := group(0); g < numGroups; g++ {
			ws := lexicon[g]
			u(uint64(len(ws)))
			for _, w := range ws {
				str(w)
			}
		}
		mask(contractionSkip)
		mask(joinedGroups)
		for _, sp := range secretPrefixes {
			str(sp.prefix)
		}
		for _, l := range [][]string{roleMarkers, passwordWords, activeMarkers} {
			u(uint64(len(l)))
			for _, w := range l {
				str(w)
			}
		}
		full := make([]string, 0, len(contractionFull))
		for k := range contractionFull {
			full = append(full, k)
		}
		slices.Sort(full)
		for _, k := range full {
			str(k)
			for _, s := range contractionFull[k] {
				str(s)
			}
		}
		lexiconFP = crc
	})
	return lexiconFP
}

// imageRec collects, while build runs, the image's part on the states.
type imageRec struct {
	levels  []uint32 // states per depth
	out     []byte
	pending []int32 // the patterns that end in the state being recorded
}

func (r *imageRec) begin(depth []int32, states int) {
	for _, d := range depth {
		for int(d) >= len(r.levels) {
			r.levels = append(r.levels, 0)
		}
		r.levels[d]++
	}
	r.out = make([]byte, 0, 6*states)
}

// state records a state as BFS takes it: the number of its children and
// whether patterns end in it, its failure state (not for the root), then
// kid is called per child, in order; the patterns that end in it follow
// the children (flushed by the next state or by finish).
func (r *imageRec) state(a *automaton, root bool, ff uint32, firstKid int32, sibling []int32, own []int32) {
	r.flush()
	nk := 0
	for x := firstKid; x != 0; x = sibling[x] {
		nk++
	}
	h := uint64(nk) << 1
	if len(own) > 0 {
		h |= 1
	}
	r.out = binary.AppendUvarint(r.out, h)
	if !root {
		r.out = binary.AppendUvarint(r.out, uint64(a.stateNo(ff)))
	}
	r.pending = own
}

func (r *imageRec) kid(c uint32, out bool) {
	b := byte(c)
	if out {
		b |= 0x80
	}
	r.out = append(r.out, b)
}

func (r *imageRec) flush() {
	if len(r.pending) > 0 {
		r.out = binary.AppendUvarint(r.out, uint64(len(r.pending)))
		for _, id := range r.pending {
			r.out = binary.AppendUvarint(r.out, uint64(id))
		}
	}
	r.pending = nil
}

// encodeImage builds the automaton over pats (the ASCII patterns of the
// default policy) and returns its image.
func encodeImage(pats []acPattern, fp uint32) ([]byte, *automaton, error) {
	rec := &imageRec{}
	a, err := buildAutomatonRec(pats, denseDepth, rec)
	if err != nil {
		return nil, nil, err
	}
	rec.flush()
	if a.nclass > 128 {
		return nil, nil, errors.New("automaton image: more than 128 byte classes")
	}
	var masks []gmask
	maskNo := map[gmask]int{}
	text := 0
	for _, p := range a.pats {
		if _, ok := maskNo[p.group]; !ok {
			maskNo[p.group] = len(masks)
			masks = append(masks, p.group)
		}
		if p.size != len(p.text) || p.arg < 0 {
			return nil, nil, errors.New("automaton image: a pattern's size is not its length, or its argument is negative")
		}
		text += len(p.text)
	}
	nd := a.sparseStart / uint32(a.nclass)
	b := []byte(imageMagic)
	b = binary.LittleEndian.AppendUint32(b, fp)
	uv := func(v int) { b = binary.AppendUvarint(b, uint64(v)) }
	uv(imageVersion)
	uv(denseDepth)
	uv(a.nclass)
	uv(int(a.space))
	for c := range a.class {
		b = append(b, byte(a.class[c]))
	}
	uv(len(a.pats))
	uv(a.states())
	uv(int(nd))
	uv(len(a.sFail))
	uv(len(a.kidClass))
	uv(len(a.outList))
	uv(len(masks))
	uv(text)
	uv(len(rec.levels))
	for _, l := range rec.levels {
		uv(int(l))
	}
	for _, m := range masks {
		for _, w := range m {
			b = binary.LittleEndian.AppendUint64(b, w)
		}
	}
	for _, p := range a.pats {
		b = append(b, p.text...)
	}
	for _, p := range a.pats {
		uv(len(p.text))
		b = append(b, p.flags, p.probe)
		uv(maskNo[p.group])
		uv(int(p.arg))
	}
	b = append(b, rec.out...)
	return b, a, nil
}

// imageReader reads an image: uvarints and bytes from a string.
type imageReader struct {
	s   string
	i   int
	bad bool
}

func (r *imageReader) uv() int {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if r.i >= len(r.s) || shift > 56 {
			r.bad = true
			return 0
		}
		c := r.s[r.i]
		r.i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			break
		}
	}
	if v > 1<<31 {
		r.bad = true
		return 0
	}
	return int(v)
}

func (r *imageReader) byte() byte {
	if r.i >= len(r.s) {
		r.bad = true
		return 0
	}
	c := r.s[r.i]
	r.i++
	return c
}

func (r *imageReader) take(n int) string {
	if n < 0 || len(r.s)-r.i < n {
		r.bad = true
		return ""
	}
	s := r.s[r.i : r.i+n]
	r.i += n
	return s
}

var errImage = errors.New("automaton image: malformed")

// imageFingerprint is the fingerprint of the word lists img was made
// from, 0 for no image.
func imageFingerprint(img string) uint32 {
	if len(img) < len(imageMagic)+4 || img[:len(imageMagic)] != imageMagic {
		return 0
	}
	return binary.LittleEndian.Uint32([]byte(img[len(imageMagic) : len(imageMagic)+4]))
}

// decodeImage replays an image into the automaton build made, and returns
// the fingerprint of the word lists it was made from.
func decodeImage(img string) (*automaton, uint32, error) {
	if len(img) < len(imageMagic)+4 || img[:len(imageMagic)] != imageMagic {
		return nil, 0, errImage
	}
	fp := binary.LittleEndian.Uint32([]byte(img[len(imageMagic) : len(imageMagic)+4]))
	r := &imageReader{s: img, i: len(imageMagic) + 4}
	if r.uv() != imageVersion || r.uv() != denseDepth {
		return nil, 0, errImage
	}
	n, space := r.uv(), r.uv()
	class := r.take(256)
	npats, nstates, nd, ns, nkids, nout, nmasks, ntext, nlevels := r.uv(), r.uv(), r.uv(), r.uv(), r.uv(), r.uv(), r.uv(), r.uv(), r.uv()
	if r.bad || n < 2 || n > 128 || space >= n || nstates != nd+ns || nd < 1 || nlevels < 1 || npats < 1 || nmasks < 1 {
		return nil, 0, errImage
	}
	levels := make([]int, nlevels)
	total := 0
	for i := range levels {
		levels[i] = r.uv()
		total += levels[i]
	}
	if total != nstates || levels[0] != 1 {
		return nil, 0, errImage
	}
	masks := make([]gmask, nmasks)
	mb := r.take(32 * nmasks)
	if r.bad {
		return nil, 0, errImage
	}
	for i := range masks {
		for w := range masks[i] {
			masks[i][w] = binary.LittleEndian.Uint64([]byte(mb[32*i+8*w : 32*i+8*w+8]))
		}
	}
	text := r.take(ntext)
	a := &automaton{nclass: n, space: uint16(space), pats: hugepage.Make[acPattern](npats)}
	for c := range a.class {
		if int(class[c]) >= n {
			return nil, 0, errImage
		}
		a.class[c] = uint16(class[c])
		a.tab[c] = uint32(class[c])
	}
	// What outList keeps of each pattern, in a table a sixth the size
	// of pats: the replay reads it in the patterns' sorted order.
	const entryWords = int(unsafe.Sizeof(outEntry{}) / 4)
	words := arenaWords(n, npats, nd, ns, nkids, nout)
	if words > 1<<28 || nkids >= nstates || npats > nstates {
		return nil, 0, errImage
	}
	arena := hugepage.Make[uint32](words)
	pe := unsafe.Slice((*outEntry)(unsafe.Pointer(unsafe.SliceData(arena[len(arena)-npats*entryWords:]))), npats)
	off := 0
	for i := range a.pats {
		l := r.uv()
		flags, probe := r.byte(), r.byte()
		m, arg := r.uv(), r.uv()
		if r.bad || m >= nmasks || off+l > len(text) {
			return nil, 0, errImage
		}
		a.pats[i] = acPattern{text: text[off : off+l], size: l, flags: flags, group: masks[m], probe: probe, arg: int32(arg)}
		pe[i] = outEntry{id: int32(i), size: int32(l), flags: flags}
		off += l
	}
	if r.bad || off != len(text) {
		return nil, 0, errImage
	}
	if !a.replay(r, arena, pe, nd, ns, nkids, nout, levels) || r.i != len(r.s) {
		return nil, 0, errImage
	}
	return a, fp, nil
}

// arenaWords is the size of replay's allocation: the automaton's arrays,
// then what only the replay reads (the BFS's own arrays and the patterns'
// output entries, ~1.5 MB), which stays in the allocation, unused, after.
func arenaWords(n, npats, nd, ns, nkids, nout int) int {
	const entryWords = int(unsafe.Sizeof(outEntry{}) / 4)
	states := nd + ns
	return nd*n + 3*ns + nkids + states + nout*entryWords + (nkids+3)/4 + states + (states+3)/4 + npats*entryWords
}

// replay runs build's BFS over the image's states. Every array of the
// automaton, and the BFS's own (each state's value and class), is cut from
// one allocation advised to use huge pages: at start every first touch of
// a 4 KiB page is a fault, and this is most of what the gate allocates.
func (a *automaton) replay(r *imageReader, arena []uint32, pe []outEntry, nd, ns, nkids, nout int, levels []int) bool {
	n := a.nclass
	nn := uint32(n)
	states := nd + ns
	const entryWords = int(unsafe.Sizeof(outEntry{}) / 4)
	cut := func(k int) []uint32 {
		s := arena[:k:k]
		arena = arena[k:]
		return s
	}
	next := cut(nd * n)
	sFail, kidLo, kidHi := cut(ns), cut(ns), cut(ns)
	kidNext := cut(nkids)
	outHeadW := cut(states)
	outListW := cut(nout * entryWords)
	kidClassW := cut((nkids + 3) / 4)
	val := cut(states)
	clsW := cut((states + 3) / 4)
	outHead := unsafe.Slice((*int32)(unsafe.Pointer(unsafe.SliceData(outHeadW))), states)
	var outList []outEntry
	if nout > 0 {
		outList = unsafe.Slice((*outEntry)(unsafe.Pointer(unsafe.SliceData(outListW))), nout)
	}
	var kidClass, cls []uint8
	if nkids > 0 {
		kidClass = unsafe.Slice((*uint8)(unsafe.Pointer(unsafe.SliceData(kidClassW))), nkids)
	}
	cls = unsafe.Slice((*uint8)(unsafe.Pointer(unsafe.SliceData(clsW))), states)

	a.next = next
	sparse := uint32(nd) * nn
	a.sparseStart = sparse
	dd := max(denseDepth, 1)
	space := uint32(a.space)
	plain, outs, splain, souts := uint32(1), uint32(0), uint32(0), uint32(0)
	nsu := uint32(ns)
	hasOut := func(v uint32) bool {
		if v < sparse {
			return v/nn >= plain
		}
		return v-sparse >= splain
	}
	value := func(no int) uint32 {
		if no < nd {
			return uint32(no) * nn
		}
		return sparse + uint32(no-nd)
	}
	qn, kc, ol := 1, 0, 0
	level, levelEnd := 0, levels[0]
	for q := 0; q < states; q++ {
		for q >= levelEnd {
			level++
			if level >= len(levels) {
				return false
			}
			levelEnd += levels[level]
		}
		vs := val[q]
		h := r.uv()
		nk, own := h>>1, h&1 != 0
		var ff uint32
		if q != 0 {
			no := r.uv()
			if no >= states {
				return false
			}
			ff = value(no)
		}
		if r.bad || nk > n || qn+nk > states {
			return false
		}
		var row []uint32
		var k uint32
		if vs < sparse {
			row = next[vs : vs+nn]
			if q != 0 {
				copy(row, next[ff:ff+nn])
			}
		} else {
			k = vs - sparse
			sFail[k] = ff
			kidLo[k] = uint32(kc)
			if uint32(cls[q]) == space {
				if kc >= nkids {
					return false
				}
				kidClass[kc], kidNext[kc] = uint8(space), vs
				kc++
			}
		}
		deep := level+1 > dd
		for j := 0; j < nk; j++ {
			b := r.byte()
			c, out := uint32(b&0x7f), b&0x80 != 0
			if c >= nn {
				return false
			}
			var v uint32
			switch {
			case deep && out:
				souts++
				v = sparse + nsu - souts
			case deep:
				v = sparse + splain
				splain++
			case out:
				outs++
				v = (uint32(nd) - outs) * nn
			default:
				v = plain * nn
				plain++
			}
			if souts+splain > nsu || plain+outs > uint32(nd) {
				return false
			}
			val[qn], cls[qn] = v, uint8(c)
			qn++
			if row != nil {
				row[c] = v
			} else {
				if kc >= nkids {
					return false
				}
				kidClass[kc], kidNext[kc] = uint8(c), v
				kc++
			}
		}
		if row != nil && q != 0 && uint32(cls[q]) == space {
			row[space] = vs
		}
		if row == nil {
			kidHi[k] = uint32(kc)
		}
		no := int(vs / nn)
		if vs >= sparse {
			no = nd + int(vs-sparse)
		}
		if !hasOut(vs) {
			if own {
				return false
			}
			outHead[no] = -1
			continue
		}
		outHead[no] = int32(ol)
		if own {
			m := r.uv()
			for ; m > 0; m-- {
				id := r.uv()
				if r.bad || id >= len(pe) || ol >= nout {
					return false
				}
				outList[ol] = pe[id]
				ol++
			}
		}
		if q != 0 {
			if h := outHead[a.stateNo(ff)]; h >= 0 {
				for k := int(h); outList[k].id >= 0; k++ {
					if ol >= nout {
						return false
					}
					outList[ol] = outList[k]
					ol++
				}
			}
		}
		if ol >= nout {
			return false
		}
		outList[ol] = outEntry{id: -1}
		ol++
	}
	if r.bad || qn != states || kc != nkids || ol != nout {
		return false
	}
	a.sFail, a.kidLo, a.kidHi, a.kidClass, a.kidNext = sFail, kidLo, kidHi, kidClass, kidNext
	a.outHead, a.outList = outHead, outList
	a.outStart = plain * nn
	a.sparseOut = sparse + splain
	return true
}

// generateASCIIImage makes the image of the default policies' ASCII
// automaton from the word lists (make gate-generate writes it to
// ac_ascii.img), and returns the automaton build made from the same
// patterns.
func generateASCIIImage() ([]byte, *automaton, error) {
	pats, err := patternList(DefaultPolicy().Canaries)
	if err != nil {
		return nil, nil, err
	}
	ascii := make([]acPattern, 0, len(pats))
	for _, pt := range pats {
		if isASCII(pt.text) {
			ascii = append(ascii, pt)
		}
	}
	return encodeImage(ascii, lexiconFingerprint())
}
