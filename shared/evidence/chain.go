package evidence

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

// Store is what the chain needs from storage. Implementations must make Put a
// conditional write on the (chain, seq) slot: of two writers racing for the
// same slot exactly one wins and the other gets ErrConflict. That single
// condition is what rules out forks; appending only after the previous entry
// is known rules out gaps.
type Store interface {
	// Head returns the entry with the highest seq of chain, strongly
	// consistent; ErrNotFound for an empty chain.
	Head(ctx context.Context, chain string) (Entry, error)
	// Put writes e at (e.Chain, e.Seq) if that slot is empty, else ErrConflict.
	Put(ctx context.Context, e *Entry) error
	// Get returns one entry or ErrNotFound.
	Get(ctx context.Context, chain string, seq int64) (Entry, error)
	// Range calls fn for each stored entry with from <= seq <= to, in seq
	// order (to < 0: to the end). fn's error stops the walk and is returned.
	Range(ctx context.Context, chain string, from, to int64, fn func(*Entry) error) error
}

// Appender appends entries to chains. One Appender lives per process (per warm
// Lambda instance): it caches each chain's head so the common append is a
// single conditional write, and it serialises its own appends per chain so
// only other processes can cause conflicts.
type Appender struct {
	store Store
	now   func() time.Time
	// MaxAttempts bounds the conditional writes tried for one append.
	maxAttempts int
	backoffBase time.Duration
	backoffMax  time.Duration
	sleep       func(context.Context, time.Duration) error

	mu     sync.Mutex
	chains map[string]*chainState
	rnd    *rand.Rand
	rndMu  sync.Mutex

	// shards is the number of chains per tenant; current is the shard this
	// instance appends to per tenant. An instance stays on its shard while it
	// wins and hops to another one when it loses a race, so concurrent
	// instances spread over the shards instead of queueing on one head.
	shards  int
	current map[string]int

	// tip, when set, says where an empty chain really ends: retention (TTL)
	// can remove every entry of an idle chain, and without it the next
	// append would start a second chain at seq 0 (a fork).
	tip func(ctx context.Context, chain string) (seq int64, hash string, ok bool, err error)

	// onConflict, when set, is told of every lost race (for metrics).
	onConflict func(ctx context.Context, chain string, hopped bool)
}

type chainState struct {
	mu    sync.Mutex
	known bool // head below is valid
	seq   int64
	hash  string
}

// AppenderOption configures an Appender.
type AppenderOption func(*Appender)

// WithClock injects the clock that stamps entries.
func WithClock(now func() time.Time) AppenderOption { return func(a *Appender) { a.now = now } }

// WithRetry sets the attempt bound and the jittered backoff range.
func WithRetry(attempts int, base, max time.Duration) AppenderOption {
	return func(a *Appender) { a.maxAttempts, a.backoffBase, a.backoffMax = attempts, base, max }
}

// WithShards sets how many chains each tenant has (default 1).
func WithShards(n int) AppenderOption { return func(a *Appender) { a.shards = max(n, 1) } }

// WithTip sets where to look for a chain's last entry when the store has
// none (e.g. the archive watermark, which outlives the table's retention).
func WithTip(tip func(ctx context.Context, chain string) (seq int64, hash string, ok bool, err error)) AppenderOption {
	return func(a *Appender) { a.tip = tip }
}

// WithConflicts sets f to be told of every conflict an append meets: the
// chain whose head it lost, and whether it then hopped to another shard.
// It is for metrics; it must not block.
func WithConflicts(f func(ctx context.Context, chain string, hopped bool)) AppenderOption {
	return func(a *Appender) { a.onConflict = f }
}

// WithRand injects the randomness used for backoff jitter.
func WithRand(r *rand.Rand) AppenderOption { return func(a *Appender) { a.rnd = r } }

// NewAppender returns an Appender over store.
func NewAppender(store Store, opts ...AppenderOption) *Appender {
	a := &Appender{
		store:       store,
		now:         time.Now,
		maxAttempts: 64,
		backoffBase: 2 * time.Millisecond,
		backoffMax:  100 * time.Millisecond,
		sleep:       sleepCtx,
		chains:      map[string]*chainState{},
		shards:      1,
		current:     map[string]int{},
		rnd:         rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0x9e3779b97f4a7c15)),
	}
	for _, o := range opts {
		o(a)
	}
	return a
}

func (a *Appender) state(chain string) *chainState {
	a.mu.Lock()
	defer a.mu.Unlock()
	s, ok := a.chains[chain]
	if !ok {
		s = &chainState{}
		a.chains[chain] = s
	}
	return s
}

// Append assigns draft the next seq of its chain, links and seals it, and
// stores it with a conditional write. draft's Seq, PrevHash, Hash, V and TS
// are set here; every other field is the caller's. If draft.Chain is empty
// the Appender picks one of the tenant's shards. On a conflict (another
// process took the slot) it re-reads the head (or hops to another shard) and
// retries with jittered backoff, at most MaxAttempts times, then returns
// ErrContention.
func (a *Appender) Append(ctx context.Context, draft Entry) (Entry, error) {
	if draft.Tenant == "" {
		return Entry{}, fmt.Errorf("%w: entry needs a tenant", ErrInvalid)
	}
	sharded := draft.Chain == ""
	for attempt := 0; attempt < a.maxAttempts; attempt++ {
		st := a.lock(&draft, sharded)
		e, err := a.try(ctx, draft, st)
		st.mu.Unlock()
		if err == nil {
			return e, nil
		}
		if !errors.Is(err, ErrConflict) {
			return Entry{}, err
		}
		hopped := sharded && a.shards > 1
		if hopped {
			a.hop(draft.Tenant)
		}
		if a.onConflict != nil {
			a.onConflict(ctx, draft.Chain, hopped)
		}
		if err := a.sleep(ctx, a.backoff(attempt)); err != nil {
			return Entry{}, fmt.Errorf("append %s: %w", draft.Chain, err)
		}
	}
	return Entry{}, fmt.Errorf("append %s after %d attempts: %w", draft.Chain, a.maxAttempts, ErrContention)
}

// lock takes the chain lock for draft. For a sharded append it prefers the
// instance's current shard but takes any free shard of the tenant rather
// than queue, so one instance serving concurrent requests appends to as many
// heads at once as the tenant has shards.
func (a *Appender) lock(draft *Entry, sharded bool) *chainState {
	if !sharded {
		st := a.state(draft.Chain)
		st.mu.Lock()
		return st
	}
	start := a.shardOf(draft.Tenant)
	for k := 0; k < a.shards; k++ {
		chain := ChainID(draft.Tenant, (start+k)%a.shards)
		if st := a.state(chain); st.mu.TryLock() {
			draft.Chain = chain
			return st
		}
	}
	draft.Chain = ChainID(draft.Tenant, start)
	st := a.state(draft.Chain)
	st.mu.Lock()
	return st
}

// try makes one conditional write of draft at the head of its chain; the
// caller holds s.mu.
func (a *Appender) try(ctx context.Context, draft Entry, s *chainState) (Entry, error) {
	if !s.known {
		head, err := a.store.Head(ctx, draft.Chain)
		switch {
		case errors.Is(err, ErrNotFound):
			s.seq, s.hash = -1, GenesisHash
			if a.tip != nil {
				seq, hash, ok, err := a.tip(ctx, draft.Chain)
				if err != nil {
					return Entry{}, fmt.Errorf("tip of %s: %w", draft.Chain, err)
				}
				if ok {
					s.seq, s.hash = seq, hash
				}
			}
		case err != nil:
			return Entry{}, fmt.Errorf("read head of %s: %w", draft.Chain, err)
		default:
			s.seq, s.hash = head.Seq, head.Hash
		}
		s.known = true
	}
	e := draft
	e.V = Version
	e.Seq = s.seq + 1
	e.PrevHash = s.hash
	e.TS = FormatTime(a.now())
	if e.Rules == nil {
		e.Rules = []string{}
	}
	Seal(&e)
	if err := a.store.Put(ctx, &e); err != nil {
		s.known = false
		if a.landed(ctx, &e) {
			s.known, s.seq, s.hash = true, e.Seq, e.Hash
			return e, nil
		}
		if errors.Is(err, ErrConflict) {
			return Entry{}, err
		}
		return Entry{}, fmt.Errorf("append %s seq %d: %w", e.Chain, e.Seq, err)
	}
	s.seq, s.hash = e.Seq, e.Hash
	return e, nil
}

// landed reports whether a Put that returned an error wrote e anyway. The
// SDK retries a PutItem whose response was lost: when the first attempt had
// succeeded, the retry fails its condition on the entry it wrote itself,
// and treating that as a lost race would append the same call twice. The
// slot holds our write exactly when it holds our hash (the hash covers the
// nanosecond timestamp and every field, so no other writer produces it).
// A slot that cannot be read is not ours: the caller retries, and the next
// attempt re-reads the head.
func (a *Appender) landed(ctx context.Context, e *Entry) bool {
	got, err := a.store.Get(ctx, e.Chain, e.Seq)
	return err == nil && got.Hash == e.Hash && ComputeHash(&got) == e.Hash
}

func (a *Appender) shardOf(tenant string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	sh, ok := a.current[tenant]
	if !ok {
		sh = a.randN(a.shards)
		a.current[tenant] = sh
	}
	return sh
}

func (a *Appender) hop(tenant string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	cur := a.current[tenant]
	next := (cur + 1 + a.randN(a.shards-1)) % a.shards
	a.current[tenant] = next
	return next
}

func (a *Appender) randN(n int) int {
	if n <= 1 {
		return 0
	}
	a.rndMu.Lock()
	defer a.rndMu.Unlock()
	return a.rnd.IntN(n)
}

// backoff is "full jitter": uniform in [0, min(max, base*2^attempt)).
func (a *Appender) backoff(attempt int) time.Duration {
	ceil := a.backoffBase << min(attempt, 16)
	if ceil > a.backoffMax || ceil <= 0 {
		ceil = a.backoffMax
	}
	a.rndMu.Lock()
	defer a.rndMu.Unlock()
	return time.Duration(a.rnd.Int64N(int64(ceil) + 1))
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
