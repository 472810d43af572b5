package evidence

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
)

// Reasons a verification names for the first entry that does not hold.
const (
	ReasonBadHash    = "bad_hash"    // the stored hash is not the hash of the content
	ReasonBrokenLink = "broken_link" // prevHash is not the previous entry's hash
	ReasonGap        = "gap"         // a seq is missing
	ReasonMalformed  = "malformed"   // the entry is not well-formed (wrong chain, version...)
)

// Bad describes the first entry that does not hold.
type Bad struct {
	Seq      int64  `json:"seq"`
	Reason   string `json:"reason"`
	Expected string `json:"expected,omitempty"`
	Actual   string `json:"actual,omitempty"`
}

// Report is the outcome of verifying a seq range.
type Report struct {
	Chain    string `json:"chain"`
	Valid    bool   `json:"valid"`
	Checked  int64  `json:"checked"`
	FirstBad *Bad   `json:"firstBad"`
	// LastSeq and LastHash are the last entry that held (-1 and "" if none).
	LastSeq  int64  `json:"lastSeq"`
	LastHash string `json:"lastHash,omitempty"`
}

// Verifier checks entries one at a time, in order. It is the single
// definition of "a chain holds", used online (the verify route), by the
// archiver and offline (audit packages).
type Verifier struct {
	chain     string
	nextSeq   int64
	prev      [2 * sha256.Size]byte // the previous entry's hash, hex
	prevKnown bool                  // false: the range does not start at genesis and its first link is trusted
	checked   int64
	bad       *Bad
	buf       []byte
	prefix    []byte    // `{"chain":"<chain>"`, the start of every line of this chain (AddLine)
	digest    hash.Hash // AddLine's, reused
	sum       [sha256.Size]byte
}

// NewVerifier starts at seq from. If from is 0 the first prevHash must be the
// genesis hash; otherwise prevHash is the hash of entry from-1 when known, or ""
// to trust the first entry's link.
func NewVerifier(chain string, from int64, prevHash string) *Verifier {
	if from == 0 && prevHash == "" {
		prevHash = GenesisHash
	}
	v := &Verifier{chain: chain, nextSeq: from, buf: make([]byte, 0, 1024)}
	v.setPrev(prevHash)
	return v
}

// setPrev records the hash the next entry must link to. A value that is not
// 64 characters long (a hostile manifest's) can be linked to by no entry.
func (v *Verifier) setPrev(h string) {
	switch {
	case h == "":
		v.prevKnown = false
	case len(h) == len(v.prev):
		copy(v.prev[:], h)
		v.prevKnown = true
	default:
		for i := range v.prev {
			v.prev[i] = 0xff
		}
		v.prevKnown = true
	}
}

// Add checks the next entry. It returns false once an entry failed; later
// calls are ignored.
func (v *Verifier) Add(e *Entry) bool {
	if v.bad != nil {
		return false
	}
	switch {
	case e.Chain != v.chain || e.V != Version:
		v.bad = &Bad{Seq: e.Seq, Reason: ReasonMalformed, Expected: v.chain, Actual: e.Chain}
	case e.Seq != v.nextSeq:
		v.bad = &Bad{Seq: v.nextSeq, Reason: ReasonGap, Expected: fmt.Sprint(v.nextSeq), Actual: fmt.Sprint(e.Seq)}
	default:
		var sum [32]byte
		v.buf = sumEntry(v.buf, e, &sum)
		if !hashEquals(&sum, e.Hash) {
			v.bad = &Bad{Seq: e.Seq, Reason: ReasonBadHash, Expected: hex.EncodeToString(sum[:]), Actual: e.Hash}
		} else if v.prevKnown && e.PrevHash != string(v.prev[:]) {
			v.bad = &Bad{Seq: e.Seq, Reason: ReasonBrokenLink, Expected: string(v.prev[:]), Actual: e.PrevHash}
		}
	}
	if v.bad != nil {
		return false
	}
	v.checked++
	v.nextSeq = e.Seq + 1
	v.setPrev(e.Hash) // 64 characters: hashEquals held
	return true
}

// Report returns the result so far.
func (v *Verifier) Report() Report {
	r := Report{Chain: v.chain, Valid: v.bad == nil, Checked: v.checked, FirstBad: v.bad, LastSeq: v.nextSeq - 1}
	if v.checked > 0 {
		r.LastHash = string(v.prev[:])
	}
	return r
}

var errStop = errors.New("stop")

// VerifyRange reads entries from..to (to < 0: to the end) of chain from store
// and verifies them: content hashes, links, and seq contiguity.
func VerifyRange(ctx context.Context, store Store, chain string, from, to int64) (Report, error) {
	prev := ""
	if from > 0 {
		before, err := store.Get(ctx, chain, from-1)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return Report{}, fmt.Errorf("verify %s: read seq %d: %w", chain, from-1, err)
		}
		prev = before.Hash
	}
	v := NewVerifier(chain, from, prev)
	err := store.Range(ctx, chain, from, to, func(e *Entry) error {
		if !v.Add(e) {
			return errStop
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return Report{}, fmt.Errorf("verify %s: %w", chain, err)
	}
	return v.Report(), nil
}
