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
	gv      *gov
}

var _ registers.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	return &Store{
		vendors: map[string]map[string]registers.Vendor{},
		models:  map[string]map[string]registers.ModelVersion{},
		reviews: map[string][]registers.AccessReview{},
		runs:    map[string][]registers.AdversarialRun{},
		gv: &gov{bias: map[string][]registers.BiasRun{}, reviews: map[string][]registers.OutputReview{},
			books: map[string]map[string]registers.Runbook{}, data: map[string]map[string]registers.Dataset{}},
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

// gov holds the governance registers: append-only lists newest first, and
// keyed registers (runbooks, datasets) replaced by id.
type gov struct {
	bias    map[string][]registers.BiasRun
	reviews map[string][]registers.OutputReview
	books   map[string]map[string]registers.Runbook
	data    map[string]map[string]registers.Dataset
}

func (s *Store) gov() *gov { return s.gv }

func (s *Store) PutBiasRun(_ context.Context, tenant string, r registers.BiasRun) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	g := s.gov()
	g.bias[tenant] = append([]registers.BiasRun{r}, g.bias[tenant]...)
	return nil
}

func (s *Store) BiasRuns(_ context.Context, tenant string) ([]registers.BiasRun, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	return append([]registers.BiasRun{}, s.gov().bias[tenant]...), nil
}

func (s *Store) PutOutputReview(_ context.Context, tenant string, r registers.OutputReview) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	g := s.gov()
	g.reviews[tenant] = append([]registers.OutputReview{r}, g.reviews[tenant]...)
	return nil
}

func (s *Store) OutputReviews(_ context.Context, tenant string) ([]registers.OutputReview, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	return append([]registers.OutputReview{}, s.gov().reviews[tenant]...), nil
}

func (s *Store) PutRunbook(_ context.Context, tenant string, r registers.Runbook) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	g := s.gov()
	if g.books[tenant] == nil {
		g.books[tenant] = map[string]registers.Runbook{}
	}
	g.books[tenant][r.ID] = r
	return nil
}

func (s *Store) Runbooks(_ context.Context, tenant string) ([]registers.Runbook, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	out := []registers.Runbook{}
	for _, r := range s.gov().books[tenant] {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (s *Store) PutDataset(_ context.Context, tenant string, d registers.Dataset) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	g := s.gov()
	if g.data[tenant] == nil {
		g.data[tenant] = map[string]registers.Dataset{}
	}
	g.data[tenant][d.ID] = d
	return nil
}

func (s *Store) Datasets(_ context.Context, tenant string) ([]registers.Dataset, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	out := []registers.Dataset{}
	for _, d := range s.gov().data[tenant] {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
