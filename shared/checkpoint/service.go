package checkpoint

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	tnote "github.com/transparency-dev/formats/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/agentgate/agentgate/shared/archive/tiles"
	"github.com/agentgate/agentgate/shared/checkpoint/witness"
	"github.com/agentgate/agentgate/shared/evidence"
)

// Signer signs checkpoint digests with an asymmetric key it never reveals.
type Signer interface {
	// Sign returns an ASN.1 DER ECDSA signature over a SHA-256 digest.
	Sign(ctx context.Context, digest []byte) ([]byte, error)
	// PublicKey returns the PKIX DER public key.
	PublicKey(ctx context.Context) ([]byte, error)
	KeyID() string
}

// Store keeps checkpoints: the latest per chain and every one by size.
type Store interface {
	// Latest returns the newest checkpoint of chain, or ErrNotFound.
	Latest(ctx context.Context, chain string) (Checkpoint, error)
	// AtSize returns the checkpoint of chain at size, or ErrNotFound.
	AtSize(ctx context.Context, chain string, size uint64) (Checkpoint, error)
	// Save stores c and makes it the latest, if the latest is still of
	// prevSize (0 and none are the same); else ErrConflict.
	Save(ctx context.Context, c Checkpoint, prevSize uint64) error
}

// Publisher keeps a copy of each signed checkpoint outside the database (the
// write-once archive), so checkpoints outlive the table like the evidence.
type Publisher interface {
	Publish(ctx context.Context, c Checkpoint) error
}

// CosignStore keeps the witnesses' cosigned note of a stored checkpoint.
type CosignStore interface {
	SaveCosigned(ctx context.Context, chain string, size uint64, cosigned string) error
}

// Witnesses submits each sealed checkpoint's note to witnesses
// (c2sp.org/tlog-witness) and keeps the cosignatures they return
// (docs/decisions/172). A witness that is down or refuses only leaves the
// checkpoint with fewer cosignatures: the seal, and appends, never wait on
// it beyond Client's timeout.
type Witnesses struct {
	List   []witness.Witness
	Quorum int
	Client *witness.Client
	Store  CosignStore
	// Proofs gives the consistency proof from the size a witness holds.
	Proofs interface {
		Consistency(ctx context.Context, chain string, first, second uint64) (Consistency, error)
	}
	// Backoff is how long a witness that did not answer at all is skipped
	// (default 1 minute), so a witness cut off costs one timeout per
	// backoff, not one per chain: a run over many chains stays short.
	Backoff time.Duration
	// Now is the clock of the backoff (default time.Now).
	Now func() time.Time

	mu        sync.Mutex
	skipUntil map[string]time.Time
}

// skip reports whether w is in its backoff.
func (w *Witnesses) skip(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.now().Before(w.skipUntil[name])
}

// unreachable starts w's backoff.
func (w *Witnesses) unreachable(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.skipUntil == nil {
		w.skipUntil = map[string]time.Time{}
	}
	b := w.Backoff
	if b <= 0 {
		b = time.Minute
	}
	w.skipUntil[name] = w.now().Add(b)
}

func (w *Witnesses) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

// Chains lists the chains to seal.
type Chains interface {
	Chains(ctx context.Context) ([]string, error)
}

// Entries is the part of the evidence store the checkpointer reads.
type Entries interface {
	Range(ctx context.Context, chain string, from, to int64, fn func(*evidence.Entry) error) error
}

// Checkpointer seals every chain on a schedule.
type Checkpointer struct {
	// Origin is the deployment origin: the first line of every checkpoint
	// body, and the prefix of every chain's note origin (NoteOrigin).
	Origin    string
	Entries   Entries
	Store     Store
	Publisher Publisher
	Signer    Signer
	Chains    Chains
	Log       *slog.Logger
	// MaxLeaves bounds the entries sealed per chain per run, so one run's
	// time is bounded however far behind it is.
	MaxLeaves int64
	// Witnesses, if set, cosign every checkpoint after it is stored.
	Witnesses *Witnesses
	// Anchor, if set, copies every checkpoint after it is stored (and
	// cosigned) to a bucket outside the operator's account
	// (docs/decisions/173).
	Anchor *Anchor

	pubPEM string
	pubDER []byte
}

// Result summarises one run.
type Result struct {
	Chains int      `json:"chains"`
	Sealed int      `json:"sealed"`
	Failed []string `json:"failed,omitempty"`
}

// Run seals every chain that grew since its last checkpoint. A chain that
// fails is logged and the others still run; the joined errors are returned
// with the summary.
func (c *Checkpointer) Run(ctx context.Context, now time.Time) (Result, error) {
	var res Result
	chains, err := c.Chains.Chains(ctx)
	if err != nil {
		return res, fmt.Errorf("list chains: %w", err)
	}
	res.Chains = len(chains)
	var errs []error
	for _, chain := range chains {
		cp, err := c.Seal(ctx, chain, now)
		switch {
		case err != nil:
			c.Log.ErrorContext(ctx, "checkpoint failed", "chain", chain, "err", err)
			res.Failed = append(res.Failed, chain)
			errs = append(errs, err)
		case cp != nil:
			res.Sealed++
			c.Log.InfoContext(ctx, "checkpoint signed", "chain", chain, "size", cp.Size)
		}
	}
	return res, errors.Join(errs...)
}

// Seal signs a new checkpoint for chain if it grew; nil if it did not.
func (c *Checkpointer) Seal(ctx context.Context, chain string, now time.Time) (*Checkpoint, error) {
	prev, err := c.Store.Latest(ctx, chain)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("seal %s: %w", chain, err)
	}
	if c.Anchor != nil && prev.Size > 0 {
		// The tick is the retry of a failed anchor write; it never
		// holds up the seal.
		c.retryAnchors(ctx, chain, prev)
	}
	acc, err := NewAccumulator(prev.Size, prev.Compact)
	if err != nil {
		return nil, fmt.Errorf("seal %s: resume: %w", chain, err)
	}
	from := int64(prev.Size)
	v := evidence.NewVerifier(chain, from, prev.LastHash)
	max := c.MaxLeaves
	if max <= 0 {
		max = 1 << 20
	}
	var walkErr error
	err = c.Entries.Range(ctx, chain, from, from+max-1, func(e *evidence.Entry) error {
		// Never sign over a chain that does not hold: a broken link or a
		// rewritten entry stops the seal at the last good entry.
		if !v.Add(e) {
			rep := v.Report()
			walkErr = fmt.Errorf("%w: chain %s seq %d: %s", ErrMismatch, chain, rep.FirstBad.Seq, rep.FirstBad.Reason)
			return walkErr
		}
		lh, err := LeafHash(e.Hash)
		if err != nil {
			return err
		}
		return acc.Append(lh)
	})
	if err != nil {
		return nil, fmt.Errorf("seal %s: %w", chain, err)
	}
	if acc.Size() == prev.Size {
		// Nothing new to seal; a latest checkpoint still short of its
		// quorum (a witness was down) is offered again.
		if prev.Size > 0 && prev.Note != "" && c.Witnesses != nil && !c.Witnesses.met(prev) {
			c.cosign(ctx, &prev, prev.Size)
		}
		return nil, nil
	}
	root, err := acc.Root()
	if err != nil {
		return nil, fmt.Errorf("seal %s: root: %w", chain, err)
	}
	pub, der, err := c.publicKey(ctx)
	if err != nil {
		return nil, err
	}
	cp := Checkpoint{
		Origin: c.Origin, Chain: chain, Size: acc.Size(), Root: root, Time: now.UTC(),
		KeyID: c.Signer.KeyID(), PublicKeyPEM: pub, Compact: acc.Hashes(), LastHash: v.Report().LastHash,
	}
	cp.Body = Body(cp.Origin, cp.Chain, cp.Size, cp.Root, cp.Time)
	if cp.Signature, err = c.Signer.Sign(ctx, Digest(cp.Body)); err != nil {
		return nil, fmt.Errorf("seal %s: sign: %w", chain, err)
	}
	// Check our own signature before publishing it: a misconfigured key (the
	// wrong algorithm, a rotated alias) must fail here, not at an auditor's.
	if err := VerifySignature(cp.PublicKeyPEM, cp.Body, cp.Signature); err != nil {
		return nil, fmt.Errorf("seal %s: own signature: %w", chain, err)
	}
	// The same tree head as a C2SP signed note, checked the way a third
	// party checks it before anything is stored.
	origin := NoteOrigin(c.Origin, chain)
	if cp.Note, err = SignNote(ctx, c.Signer, der, origin, cp.Size, cp.Root); err != nil {
		return nil, fmt.Errorf("seal %s: %w", chain, err)
	}
	if _, err := OpenNote(cp.Note, origin, cp.PublicKeyPEM); err != nil {
		return nil, fmt.Errorf("seal %s: own note: %w", chain, err)
	}
	// The archive copy first: a checkpoint becomes "latest" only once its
	// write-once copy exists.
	if c.Publisher != nil {
		if err := c.Publisher.Publish(ctx, cp); err != nil {
			return nil, fmt.Errorf("seal %s: publish: %w", chain, err)
		}
	}
	if err := c.Store.Save(ctx, cp, prev.Size); err != nil {
		if errors.Is(err, ErrConflict) {
			return nil, nil // another run sealed concurrently; its checkpoint stands
		}
		return nil, fmt.Errorf("seal %s: save: %w", chain, err)
	}
	if c.Witnesses != nil {
		c.cosign(ctx, &cp, prev.Size)
	}
	if c.Anchor != nil {
		c.anchor(ctx, cp)
	}
	return &cp, nil
}

// cosigners returns the witnesses with a valid cosignature on cp.
func (w *Witnesses) cosigners(cp Checkpoint) map[string]bool {
	have := map[string]bool{}
	if cp.Cosigned == "" {
		return have
	}
	der, err := ecdsaDER(cp.PublicKeyPEM)
	if err != nil {
		return have
	}
	v, err := tnote.NewECDSAVerifier(NoteVerifierKey(NoteOrigin(cp.Origin, cp.Chain), der))
	if err != nil {
		return have
	}
	got, _ := witness.Verify(cp.Cosigned, v, w.List, 0)
	for _, n := range got {
		have[n] = true
	}
	return have
}

// met reports whether every witness cosigned cp.
func (w *Witnesses) met(cp Checkpoint) bool { return len(w.cosigners(cp)) == len(w.List) }

// cosign submits cp's note to every witness at once, each starting from
// guess (the size it most likely holds: the previous checkpoint's), and
// stores the note with whatever cosignatures came back. Failures are
// logged: they delay cosigning, the next seal or tick offers it again.
func (c *Checkpointer) cosign(ctx context.Context, cp *Checkpoint, guess uint64) {
	w := c.Witnesses
	if cp.Note == "" || len(w.List) == 0 {
		return
	}
	proof := func(ctx context.Context, old uint64) ([][]byte, error) {
		if old == 0 || old == cp.Size {
			return nil, nil
		}
		if w.Proofs == nil {
			return nil, fmt.Errorf("%w: no consistency prover", ErrInvalid)
		}
		p, err := w.Proofs.Consistency(ctx, cp.Chain, old, cp.Size)
		if err != nil {
			return nil, err
		}
		return p.Hashes, nil
	}
	client := w.Client
	if client == nil {
		client = &witness.Client{}
	}
	have := w.cosigners(*cp)
	lines := make([][]string, len(w.List))
	var wg sync.WaitGroup
	for i, wi := range w.List {
		if have[wi.Name] || w.skip(wi.Name) {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := client.Submit(ctx, wi, cp.Note, guess, proof)
			if err != nil {
				if errors.Is(err, witness.ErrUnreachable) {
					w.unreachable(wi.Name)
				}
				c.Log.WarnContext(ctx, "witness did not cosign", "chain", cp.Chain, "size", cp.Size, "witness", wi.Name, "err", err)
				return
			}
			lines[i] = l
		}()
	}
	wg.Wait()
	cosigned := cp.Cosigned
	if cosigned == "" {
		cosigned = cp.Note
	}
	n, added := len(have), false
	for _, l := range lines {
		if len(l) > 0 {
			n++
			added = true
			cosigned = witness.Cosign(cosigned, l...)
		}
	}
	if !added {
		return
	}
	if err := w.Store.SaveCosigned(ctx, cp.Chain, cp.Size, cosigned); err != nil {
		c.Log.ErrorContext(ctx, "store cosigned checkpoint", "chain", cp.Chain, "size", cp.Size, "err", err)
		return
	}
	cp.Cosigned = cosigned
	if n < w.Quorum {
		c.Log.WarnContext(ctx, "checkpoint below witness quorum", "chain", cp.Chain, "size", cp.Size, "cosigned", n, "quorum", w.Quorum)
	}
}

func (c *Checkpointer) publicKey(ctx context.Context) (string, []byte, error) {
	if c.pubPEM != "" {
		return c.pubPEM, c.pubDER, nil
	}
	der, err := c.Signer.PublicKey(ctx)
	if err != nil {
		return "", nil, fmt.Errorf("signing public key: %w", err)
	}
	c.pubPEM, c.pubDER = string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})), der
	return c.pubPEM, c.pubDER, nil
}

// VerifySignature checks sig over body with a PEM (PKIX) ECDSA public key.
func VerifySignature(pubPEM, body string, sig []byte) error {
	blk, _ := pem.Decode([]byte(pubPEM))
	if blk == nil {
		return fmt.Errorf("%w: public key is not PEM", ErrInvalid)
	}
	k, err := x509.ParsePKIXPublicKey(blk.Bytes)
	if err != nil {
		return fmt.Errorf("%w: public key: %v", ErrInvalid, err)
	}
	ek, ok := k.(*ecdsa.PublicKey)
	if !ok {
		return fmt.Errorf("%w: public key is %T, want ECDSA", ErrInvalid, k)
	}
	if !ecdsa.VerifyASN1(ek, Digest(body), sig) {
		return fmt.Errorf("%w: bad signature", ErrMismatch)
	}
	return nil
}

// Inclusion is an entry's audit path against the latest checkpoint that covers it.
type Inclusion struct {
	Entry      evidence.Entry
	LeafIndex  uint64
	TreeSize   uint64
	LeafHash   []byte
	Hashes     [][]byte
	Root       []byte
	Checkpoint Checkpoint
}

// Consistency proves that the checkpoint at Second extends the one at First.
type Consistency struct {
	First, Second Checkpoint
	Hashes        [][]byte
}

// Prover answers proofs from the stored chain and checkpoints.
type Prover struct {
	Entries Entries
	Store   Store
	// Tiles, if set, serves proofs from the chain's C2SP tlog-tiles in the
	// archive (docs/decisions/171): a few tile reads per proof, no tree
	// rebuild. A checkpoint the tiles do not reach yet (the archive behind
	// the checkpointer) is proved by rebuilding from the table, as without
	// tiles.
	Tiles TileHashes
	// Archive, if set, reads an entry whose table row has expired (TTL)
	// from its archive bundle, so proofs outlive the table.
	Archive ArchivedEntries
}

// TileHashes reads a chain's tree hashes from its tiles (tiles.Reader).
type TileHashes interface {
	// Hashes returns a reader of the tree of size leaves whose every hash
	// is authenticated against root; tiles.ErrBehind if not tiled yet.
	Hashes(ctx context.Context, chain string, size int64, root []byte) (tlog.HashReader, error)
}

// ArchivedEntries reads an entry from the archive bundles.
type ArchivedEntries interface {
	ArchivedEntry(ctx context.Context, chain string, seq int64) (evidence.Entry, error)
}

// entry reads entry seq of chain from the table, or, once its row has
// expired, from the archive. ErrMismatch if neither has it (a signed
// checkpoint covers it, so it existed), and if the table's chain around it
// no longer holds: the same query reads both neighbours, each must match
// its own hash and link to the entry. A proof thus refuses a rewritten
// entry and its neighbours at the cost of one query, as the per-request
// rebuild refused every entry of a rewritten chain at the cost of reading
// all of it. An entry from the archive has no neighbours to check: its
// bundle was verified when it was written.
func (p *Prover) entry(ctx context.Context, chain string, seq int64) (evidence.Entry, error) {
	var got [3]*evidence.Entry // seq-1, seq, seq+1
	err := p.Entries.Range(ctx, chain, max(seq-1, 0), seq+1, func(x *evidence.Entry) error {
		if d := x.Seq - seq + 1; d >= 0 && d < 3 {
			c := *x
			got[d] = &c
		}
		return nil
	})
	if err != nil {
		return evidence.Entry{}, fmt.Errorf("read %s seq %d: %w", chain, seq, err)
	}
	if e := got[1]; e != nil {
		if prev := got[0]; prev != nil && (evidence.ComputeHash(prev) != prev.Hash || e.PrevHash != prev.Hash) {
			return *e, fmt.Errorf("%w: %s seq %d does not link to seq %d as stored", ErrMismatch, chain, seq, seq-1)
		}
		if next := got[2]; next != nil && (evidence.ComputeHash(next) != next.Hash || next.PrevHash != e.Hash) {
			return *e, fmt.Errorf("%w: %s seq %d as stored does not link to seq %d", ErrMismatch, chain, seq+1, seq)
		}
		return *e, nil
	}
	if p.Archive == nil {
		return evidence.Entry{}, fmt.Errorf("%w: %s seq %d is not in the table", ErrMismatch, chain, seq)
	}
	e, err := p.Archive.ArchivedEntry(ctx, chain, seq)
	if err != nil {
		return e, fmt.Errorf("%w: %s seq %d is in neither the table nor the archive: %w", ErrMismatch, chain, seq, err)
	}
	return e, nil
}

// tileErr names a tile that does not match the signed root as ErrMismatch.
func tileErr(err error) error {
	if errors.Is(err, tiles.ErrMismatch) {
		return fmt.Errorf("%w: %w", ErrMismatch, err)
	}
	return err
}

// inclusionFromTiles proves seq against cp with the tiles: the leaf comes
// from tiles authenticated against cp's root, and the entry (table or
// archive) must hash to exactly that leaf.
func (p *Prover) inclusionFromTiles(ctx context.Context, chain string, seq int64, cp Checkpoint) (Inclusion, error) {
	// The entry is read while the tiles are: the two round trips overlap.
	type read struct {
		e   evidence.Entry
		err error
	}
	entry := make(chan read, 1)
	go func() {
		e, err := p.entry(ctx, chain, seq)
		entry <- read{e, err}
	}()
	hr, err := p.Tiles.Hashes(ctx, chain, int64(cp.Size), cp.Root)
	if err != nil {
		return Inclusion{}, tileErr(err)
	}
	leaf, path, err := tiles.Inclusion(hr, seq, int64(cp.Size))
	if err != nil {
		return Inclusion{}, tileErr(err)
	}
	got := <-entry
	if got.err != nil {
		return Inclusion{}, got.err
	}
	e := got.e
	lh, err := LeafHash(e.Hash)
	if err != nil || evidence.ComputeHash(&e) != e.Hash || !bytes.Equal(lh, leaf) {
		return Inclusion{}, fmt.Errorf("%w: %s seq %d differs from the signed tree", ErrMismatch, chain, seq)
	}
	if err := VerifyInclusion(uint64(seq), cp.Size, leaf, path, cp.Root); err != nil {
		return Inclusion{}, err
	}
	return Inclusion{Entry: e, LeafIndex: uint64(seq), TreeSize: cp.Size, LeafHash: leaf, Hashes: path, Root: cp.Root, Checkpoint: cp}, nil
}

// leaves reads the leaf hashes of entries 0..size-1 of chain, checking that
// the chain still holds.
func (p *Prover) tree(ctx context.Context, chain string, size uint64, keep int64) (*Tree, evidence.Entry, error) {
	leaves := make([][]byte, 0, size)
	v := evidence.NewVerifier(chain, 0, "")
	var kept evidence.Entry
	err := p.Entries.Range(ctx, chain, 0, int64(size)-1, func(e *evidence.Entry) error {
		if !v.Add(e) {
			rep := v.Report()
			return fmt.Errorf("%w: chain %s seq %d: %s", ErrMismatch, chain, rep.FirstBad.Seq, rep.FirstBad.Reason)
		}
		if e.Seq == keep {
			kept = *e
		}
		lh, err := LeafHash(e.Hash)
		if err != nil {
			return err
		}
		leaves = append(leaves, lh)
		return nil
	})
	if err != nil {
		return nil, kept, fmt.Errorf("read %s: %w", chain, err)
	}
	if uint64(len(leaves)) != size {
		return nil, kept, fmt.Errorf("%w: chain %s has %d entries below the checkpoint size %d", ErrMismatch, chain, len(leaves), size)
	}
	return NewTree(leaves), kept, nil
}

// Inclusion proves entry seq of chain against the latest checkpoint.
// ErrNotCovered before a checkpoint includes it; ErrMismatch if the stored
// chain no longer matches the signed root (the evidence was altered).
func (p *Prover) Inclusion(ctx context.Context, chain string, seq int64) (Inclusion, error) {
	cp, err := p.Store.Latest(ctx, chain)
	if errors.Is(err, ErrNotFound) || (err == nil && uint64(seq) >= cp.Size) {
		return Inclusion{}, fmt.Errorf("%w: %s seq %d", ErrNotCovered, chain, seq)
	}
	if err != nil {
		return Inclusion{}, fmt.Errorf("inclusion %s seq %d: %w", chain, seq, err)
	}
	if p.Tiles != nil {
		inc, err := p.inclusionFromTiles(ctx, chain, seq, cp)
		if !errors.Is(err, tiles.ErrBehind) {
			if err != nil {
				return Inclusion{}, fmt.Errorf("inclusion %s seq %d: %w", chain, seq, err)
			}
			return inc, nil
		}
	}
	t, e, err := p.tree(ctx, chain, cp.Size, seq)
	if err != nil {
		return Inclusion{}, fmt.Errorf("inclusion %s seq %d: %w", chain, seq, err)
	}
	path, err := t.Inclusion(uint64(seq), cp.Size)
	if err != nil {
		return Inclusion{}, err
	}
	leaf := t.levels[0][seq]
	if err := VerifyInclusion(uint64(seq), cp.Size, leaf, path, cp.Root); err != nil {
		return Inclusion{}, fmt.Errorf("inclusion %s seq %d: %w", chain, seq, err)
	}
	return Inclusion{Entry: e, LeafIndex: uint64(seq), TreeSize: cp.Size, LeafHash: leaf, Hashes: path, Root: cp.Root, Checkpoint: cp}, nil
}

// Consistency proves that the checkpoint of size second extends the one of
// size first. Both must exist (ErrNotFound otherwise).
func (p *Prover) Consistency(ctx context.Context, chain string, first, second uint64) (Consistency, error) {
	if first == 0 || first > second {
		return Consistency{}, fmt.Errorf("%w: need 0 < first <= second", ErrInvalid)
	}
	c1, err := p.Store.AtSize(ctx, chain, first)
	if err != nil {
		return Consistency{}, fmt.Errorf("consistency %s: checkpoint %d: %w", chain, first, err)
	}
	c2, err := p.Store.AtSize(ctx, chain, second)
	if err != nil {
		return Consistency{}, fmt.Errorf("consistency %s: checkpoint %d: %w", chain, second, err)
	}
	if p.Tiles != nil {
		hr, err := p.Tiles.Hashes(ctx, chain, int64(second), c2.Root)
		if err == nil {
			var path [][]byte
			if path, err = tiles.Consistency(hr, int64(first), int64(second)); err == nil {
				// The tiles are authenticated against the second root; the
				// first root must then follow from the proof.
				if err := VerifyConsistency(first, second, path, c1.Root, c2.Root); err != nil {
					return Consistency{}, fmt.Errorf("consistency %s %d→%d: %w", chain, first, second, err)
				}
				return Consistency{First: c1, Second: c2, Hashes: path}, nil
			}
		}
		if !errors.Is(err, tiles.ErrBehind) {
			return Consistency{}, fmt.Errorf("consistency %s %d→%d: %w", chain, first, second, tileErr(err))
		}
	}
	t, _, err := p.tree(ctx, chain, second, -1)
	if err != nil {
		return Consistency{}, fmt.Errorf("consistency %s: %w", chain, err)
	}
	for _, c := range []Checkpoint{c1, c2} {
		r, err := t.Root(c.Size)
		if err != nil {
			return Consistency{}, err
		}
		if !bytes.Equal(r, c.Root) {
			return Consistency{}, fmt.Errorf("%w: %s root at size %d", ErrMismatch, chain, c.Size)
		}
	}
	path, err := t.Consistency(first, second)
	if err != nil {
		return Consistency{}, err
	}
	return Consistency{First: c1, Second: c2, Hashes: path}, nil
}
