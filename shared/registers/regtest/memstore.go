// Package regtest holds an in-memory registers.Store for tests of the
// packages that read the registers (controls, routes). The DynamoDB adapter
// is tested against DynamoDB Local; this one only mirrors its contract.
package regtest

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/agentgate/agentgate/shared/registers"
)

// Store is a concurrency-safe in-memory registers.Store. Err, when set, is
// returned by every call (a store outage).
type Store struct {
	mu      sync.Mutex
	Err     error
	vendors map[string]map[string]registers.Vendor
	models  map[string]map[string]registers.ModelVersion
	reviews map[string][]registers.AccessReview
	runs    map[string][]registers.AdversarialRun
}

var _ registers.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	return &Store{
		vendors: map[string]map[string]registers.Vendor{},
		models:  map[string]map[string]registers.ModelVersion{},
		reviews: map[string][]registers.AccessReview{},
		runs:    map[string][]registers.AdversarialRun{},
	}
}

func (s *Store) PutVendor(_ context.Context, tenant string, v registers.Vendor) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	if s.vendors[tenant] == nil {
		s.vendors[tenant] = map[string]registers.Vendor{}
	}
	s.vendors[tenant][v.ID] = v
	return nil
}

func (s *Store) Vendors(_ context.Context, tenant string) ([]registers.Vendor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	out := []registers.Vendor{}
	for _, v := range s.vendors[tenant] {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (s *Store) CreateModel(_ context.Context, tenant string, m registers.ModelVersion) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	if s.models[tenant] == nil {
		s.models[tenant] = map[string]registers.ModelVersion{}
	}
	if _, ok := s.models[tenant][m.Version]; ok {
		return fmt.Errorf("%w: model %s exists", registers.ErrConflict, m.Version)
	}
	s.models[tenant][m.Version] = m
	return nil
}

func (s *Store) UpdateModel(_ context.Context, tenant string, m registers.ModelVersion, from string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	old, ok := s.models[tenant][m.Version]
	if !ok || old.Status != from {
		return registers.ErrConflict
	}
	s.models[tenant][m.Version] = m
	return nil
}

func (s *Store) Model(_ context.Context, tenant, version string) (registers.ModelVersion, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return registers.ModelVersion{}, s.Err
	}
	m, ok := s.models[tenant][version]
	if !ok {
		return m, registers.ErrNotFound
	}
	return m, nil
}

func (s *Store) Models(_ context.Context, tenant string) ([]registers.ModelVersion, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	out := []registers.ModelVersion{}
	for _, m := range s.models[tenant] {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

func (s *Store) PutAccessReview(_ context.Context, tenant string, r registers.AccessReview) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	s.reviews[tenant] = append([]registers.AccessReview{r}, s.reviews[tenant]...)
	return nil
}

func (s *Store) AccessReviews(_ context.Context, tenant string) ([]registers.AccessReview, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	return append([]registers.AccessReview{}, s.reviews[tenant]...), nil
}

func (s *Store) PutAdversarialRun(_ context.Context, tenant string, r registers.AdversarialRun) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	s.runs[tenant] = append([]registers.AdversarialRun{r}, s.runs[tenant]...)
	return nil
}

func (s *Store) AdversarialRuns(_ context.Context, tenant string) ([]registers.AdversarialRun, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	return append([]registers.AdversarialRun{}, s.runs[tenant]...), nil
}
