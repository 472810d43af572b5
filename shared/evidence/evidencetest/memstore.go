// Package evidencetest provides an in-memory evidence.Store with the same
// conditional-put semantics as the DynamoDB adapter, for unit tests of code
// above the store. The adapter itself is tested against DynamoDB Local.
package evidencetest

import (
	"context"
	"sort"
	"sync"

	"github.com/agentgate/agentgate/shared/evidence"
)

// MemStore is an in-memory Store with the same conditional-put semantics as
// the DynamoDB adapter; the adapter's own integration tests run against
// DynamoDB Local.
type MemStore struct {
	mu sync.Mutex
	m  map[string]map[int64]evidence.Entry
	// PutHook, if set, runs before each put (to inject races).
	PutHook func(e *evidence.Entry)
}

func NewMemStore() *MemStore { return &MemStore{m: map[string]map[int64]evidence.Entry{}} }

func (s *MemStore) Head(_ context.Context, chain string) (evidence.Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var best *evidence.Entry
	for _, e := range s.m[chain] {
		if best == nil || e.Seq > best.Seq {
			e := e
			best = &e
		}
	}
	if best == nil {
		return evidence.Entry{}, evidence.ErrNotFound
	}
	return *best, nil
}

func (s *MemStore) Put(_ context.Context, e *evidence.Entry) error {
	if s.PutHook != nil {
		s.PutHook(e)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.m[e.Chain]
	if c == nil {
		c = map[int64]evidence.Entry{}
		s.m[e.Chain] = c
	}
	if _, ok := c[e.Seq]; ok {
		return evidence.ErrConflict
	}
	c[e.Seq] = *e
	return nil
}

func (s *MemStore) Get(_ context.Context, chain string, seq int64) (evidence.Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.m[chain][seq]
	if !ok {
		return evidence.Entry{}, evidence.ErrNotFound
	}
	return e, nil
}

func (s *MemStore) Range(_ context.Context, chain string, from, to int64, fn func(*evidence.Entry) error) error {
	s.mu.Lock()
	var es []evidence.Entry
	for _, e := range s.m[chain] {
		if e.Seq >= from && (to < 0 || e.Seq <= to) {
			es = append(es, e)
		}
	}
	s.mu.Unlock()
	sort.Slice(es, func(i, j int) bool { return es[i].Seq < es[j].Seq })
	for i := range es {
		if err := fn(&es[i]); err != nil {
			return err
		}
	}
	return nil
}

func (s *MemStore) Set(e evidence.Entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[e.Chain][e.Seq] = e
}

func (s *MemStore) Delete(chain string, seq int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m[chain], seq)
}
