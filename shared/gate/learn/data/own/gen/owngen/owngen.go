// Package owngen is what the own-data generators share: the pool's JSONL
// item, and the near-duplicate test of the pool's de-duplication (a
// normalised key for exact duplicates, the Jaccard similarity of 8-word
// shingles for near ones), which training also applies (learn.Shingles).
package owngen

import "github.com/agentgate/agentgate/shared/gate/learn"

// Item is one line of the pool's JSONL format, as training reads it.
type Item = learn.Item

// Normalise mirrors the pool's de-duplication key: casefold, punctuation and
// symbols removed, whitespace collapsed.
func Normalise(s string) string { return learn.Normalise(s) }

// Shingles is the set of 8-word runs of s's normalised words (the whole
// text when it has fewer).
func Shingles(s string) map[string]bool { return learn.Shingles(s) }

// Jaccard is |a ∩ b| / |a ∪ b|.
func Jaccard(a, b map[string]bool) float64 { return learn.Jaccard(a, b) }
