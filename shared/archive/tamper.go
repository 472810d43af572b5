package archive

import (
	"context"
	"fmt"
	"slices"
	"strconv"
)

// Kinds of tamper event.
const (
	// TamperModified: the stream saw an evidence item rewritten (MODIFY).
	// No writer of evidence updates an item, so every MODIFY is one.
	TamperModified = "modified"
	// TamperDeleted: the stream saw an evidence item removed by anyone but
	// DynamoDB's TTL process.
	TamperDeleted = "deleted"
	// TamperMismatch: the sweep found a table item that differs from its
	// archived copy (a rewrite the stream did not report).
	TamperMismatch = "mismatch"
	// TamperMissing: the sweep found an archived entry gone from the table
	// before its retention ended.
	TamperMissing = "missing"
)

// MaxTamperSeqs bounds the seqs one report lists; Count keeps the total.
const MaxTamperSeqs = 64

// Tamper is one batch's worth of one kind of tamper event on one chain.
type Tamper struct {
	Chain  string
	Change string // TamperModified, TamperDeleted, TamperMismatch, TamperMissing
	// Seqs are the entries concerned, ascending, at most MaxTamperSeqs.
	Seqs  []int64
	Count int
	// By is the stream record's user identity ("type:principal"), "" when
	// the record carries none (any IAM principal's own write).
	By string
	// StoredHash is, for the first rewritten entry, the hash attribute the
	// table now holds; ContentHash (filled by the recorder, which reads the
	// item) the hash its content really has: equal when the forger
	// re-sealed the entry.
	StoredHash, ContentHash string
	// StreamSeq is the sequence number of the batch's first record of this
	// report; ArchivedHash, for the sweep, the hash the archive holds.
	StreamSeq    string
	ArchivedHash string
}

func (t *Tamper) add(seq int64, stored string) {
	t.Count++
	if t.StoredHash == "" {
		t.StoredHash = stored
	}
	i, found := slices.BinarySearch(t.Seqs, seq)
	if found {
		t.Count-- // the same entry twice in one batch is one event
		return
	}
	if len(t.Seqs) < MaxTamperSeqs {
		t.Seqs = slices.Insert(t.Seqs, i, seq)
	}
}

// Meta is the report's evidence metadata: what a tamper entry records.
func (t Tamper) Meta() map[string]string {
	m := map[string]string{
		"chain": t.Chain, "change": t.Change, "count": strconv.Itoa(t.Count), "seqs": formatSeqs(t.Seqs),
	}
	set := func(k, v string) {
		if v != "" {
			m[k] = v
		}
	}
	set("by", t.By)
	set("storedHash", t.StoredHash)
	set("contentHash", t.ContentHash)
	set("archivedHash", t.ArchivedHash)
	set("streamSeq", t.StreamSeq)
	return m
}

func formatSeqs(seqs []int64) string {
	b := make([]byte, 0, 8*len(seqs))
	for i, s := range seqs {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, s, 10)
	}
	return string(b)
}

// ParseSeqs reads a tamper entry's "seqs" metadata back.
func ParseSeqs(s string) ([]int64, error) {
	var out []int64
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ',' {
			continue
		}
		if i > start {
			n, err := strconv.ParseInt(s[start:i], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("tamper seqs %q: %w", s, err)
			}
			out = append(out, n)
		}
		start = i + 1
	}
	return out, nil
}

// TamperRecorder records a tamper report as evidence.
type TamperRecorder interface {
	RecordTamper(ctx context.Context, t Tamper) error
}
