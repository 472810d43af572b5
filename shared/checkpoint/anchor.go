package checkpoint

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/agentgate/agentgate/shared/checkpoint/witness"
	"github.com/agentgate/agentgate/shared/evidence"
)

// ErrAnchorExists is what an AnchorWriter returns when the object is already
// in the anchor: the write is conditional (If-None-Match: *), so an anchored
// checkpoint is never replaced (docs/decisions/173).
var ErrAnchorExists = errors.New("checkpoint: already anchored")

// AnchorWriter writes one object to the second anchor, a bucket in another
// account (docs/decisions/173), and never overwrites: an existing key is
// ErrAnchorExists.
type AnchorWriter interface {
	PutAnchor(ctx context.Context, key string, body []byte) error
}

// Anchored is a signed checkpoint as the anchor holds it: the signed body,
// its signature, the C2SP note and the cosigned note when witnesses had
// cosigned by the time it was written. Everything a verifier needs is in it:
// the anchor account holds no key of ours.
type Anchored struct {
	Origin    string `json:"origin"`
	Chain     string `json:"chain"`
	Size      uint64 `json:"size"`
	RootHash  string `json:"rootHash"` // hex
	Time      string `json:"time"`
	Body      string `json:"body"`
	Signature string `json:"signature"` // base64 DER
	KeyID     string `json:"keyId,omitempty"`
	PublicKey string `json:"publicKey"` // PEM
	Note      string `json:"note,omitempty"`
	Cosigned  string `json:"cosigned,omitempty"`
}

// AnchorKey is where the checkpoint of chain at size is anchored: the same
// layout as the archive's checkpoints (size zero-padded, so a listing is in
// size order).
func AnchorKey(chain string, size uint64) (string, error) {
	tenant, shard, err := evidence.ParseChainID(chain)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("checkpoints/%s/%d/%020d.json", tenant, shard, size), nil
}

// AnchorRecord is c as written to the anchor.
func AnchorRecord(c Checkpoint) Anchored {
	return Anchored{
		Origin: c.Origin, Chain: c.Chain, Size: c.Size, RootHash: hex.EncodeToString(c.Root),
		Time: c.Time.UTC().Format(time.RFC3339Nano), Body: c.Body,
		Signature: base64.StdEncoding.EncodeToString(c.Signature), KeyID: c.KeyID, PublicKey: c.PublicKeyPEM,
		Note: c.Note, Cosigned: c.Cosigned,
	}
}

// ParseAnchored reads an anchored object strictly: unknown fields are an
// error, as in packages.
func ParseAnchored(b []byte) (Anchored, error) {
	var a Anchored
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&a); err != nil {
		return a, fmt.Errorf("%w: anchored checkpoint: %v", ErrInvalid, err)
	}
	return a, nil
}

// CheckAnchored checks an anchored checkpoint against the one a verifier
// holds (from a package) of the same chain and size: the same signed body,
// signature and root, and the same note text; the cosignatures may differ
// (witnesses can cosign after the anchor was written). The anchored copy
// must also be signed by pubPEM, so a forged object in the anchor is not
// taken as a witness of anything. A difference is a split view or a
// rewritten history, and the error says which field.
func CheckAnchored(want, got Anchored, pubPEM string) error {
	if got.Chain != want.Chain || got.Size != want.Size {
		return fmt.Errorf("%w: anchored checkpoint is of chain %s size %d, not %s size %d", ErrMismatch, got.Chain, got.Size, want.Chain, want.Size)
	}
	if err := checkAnchoredSigned(got, pubPEM); err != nil {
		return err
	}
	switch {
	case got.RootHash != want.RootHash:
		return fmt.Errorf("%w: chain %s size %d: anchored root %s, package root %s", ErrMismatch, want.Chain, want.Size, got.RootHash, want.RootHash)
	case got.Body != want.Body:
		return fmt.Errorf("%w: chain %s size %d: the anchored signed body differs", ErrMismatch, want.Chain, want.Size)
	case got.Signature != want.Signature:
		return fmt.Errorf("%w: chain %s size %d: the anchored signature differs", ErrMismatch, want.Chain, want.Size)
	case witness.Text(got.Note) != witness.Text(want.Note):
		return fmt.Errorf("%w: chain %s size %d: the anchored note differs", ErrMismatch, want.Chain, want.Size)
	}
	return nil
}

// checkAnchoredSigned checks a's body signature and, when present, its note
// against pubPEM, and that the body states a's chain, size and root.
func checkAnchoredSigned(a Anchored, pubPEM string) error {
	sig, err := base64.StdEncoding.DecodeString(a.Signature)
	if err != nil {
		return fmt.Errorf("%w: anchored checkpoint %s size %d: signature: %v", ErrInvalid, a.Chain, a.Size, err)
	}
	if err := VerifySignature(pubPEM, a.Body, sig); err != nil {
		return fmt.Errorf("anchored checkpoint %s size %d: %w", a.Chain, a.Size, err)
	}
	b, err := ParseBody(a.Body)
	if err != nil {
		return fmt.Errorf("anchored checkpoint %s size %d: %w", a.Chain, a.Size, err)
	}
	if b.Chain != a.Chain || b.Size != a.Size || hex.EncodeToString(b.Root) != a.RootHash {
		return fmt.Errorf("%w: anchored checkpoint %s size %d: its fields are not what its body signs", ErrMismatch, a.Chain, a.Size)
	}
	if a.Note != "" {
		if _, err := OpenNote(a.Note, NoteOrigin(b.Origin, a.Chain), pubPEM); err != nil {
			return fmt.Errorf("anchored checkpoint %s size %d: note: %w", a.Chain, a.Size, err)
		}
	}
	return nil
}

// CheckAnchoredLater checks an anchored checkpoint of a chain later than
// the one a verifier holds: it must be signed by pubPEM and be larger. Its
// consistency with the held one needs the leaves between the two, which a
// package does not carry: that is checked by witnesses, or online with the
// consistency route (docs/decisions/173).
func CheckAnchoredLater(held, later Anchored, pubPEM string) error {
	if later.Chain != held.Chain || later.Size <= held.Size {
		return fmt.Errorf("%w: anchored checkpoint %s size %d is not later than %s size %d", ErrInvalid, later.Chain, later.Size, held.Chain, held.Size)
	}
	return checkAnchoredSigned(later, pubPEM)
}

// Anchor copies every checkpoint the checkpointer seals to the second
// anchor. A failed write is logged and kept pending in memory; the chain's
// next Seal (the next tick, grown or not) writes it again from the stored
// checkpoint. A fresh instance offers each chain's latest checkpoint once
// (ErrAnchorExists: it is there), so a failure before a cold start is
// retried too when it was the latest. It never fails a seal.
type Anchor struct {
	Writer AnchorWriter

	mu sync.Mutex
	// pending holds the sizes per chain whose write failed.
	pending map[string]map[uint64]bool
	// done is the latest size per chain known to be anchored.
	done map[string]uint64
}

// write anchors c; on failure c stays pending.
func (a *Anchor) write(ctx context.Context, c Checkpoint) error {
	key, err := AnchorKey(c.Chain, c.Size)
	if err != nil {
		return err
	}
	body, err := json.Marshal(AnchorRecord(c))
	if err != nil {
		return err
	}
	err = a.Writer.PutAnchor(ctx, key, body)
	if err != nil && !errors.Is(err, ErrAnchorExists) {
		a.mark(c.Chain, c.Size, false)
		return err
	}
	a.mark(c.Chain, c.Size, true)
	return nil
}

func (a *Anchor) mark(chain string, size uint64, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.pending == nil {
		a.pending, a.done = map[string]map[uint64]bool{}, map[string]uint64{}
	}
	if !ok {
		if a.pending[chain] == nil {
			a.pending[chain] = map[uint64]bool{}
		}
		a.pending[chain][size] = true
		return
	}
	delete(a.pending[chain], size)
	if size > a.done[chain] {
		a.done[chain] = size
	}
}

// todo lists the sizes of chain to write again, in order: the pending ones
// and latest, unless it is known to be anchored.
func (a *Anchor) todo(chain string, latest uint64) []uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	var sizes []uint64
	for s := range a.pending[chain] {
		sizes = append(sizes, s)
	}
	sort.Slice(sizes, func(i, j int) bool { return sizes[i] < sizes[j] })
	_, wasPending := a.pending[chain][latest]
	if latest > 0 && !wasPending && (a.done == nil || a.done[chain] < latest) {
		sizes = append(sizes, latest)
	}
	return sizes
}

// anchor writes cp to the anchor, logging a failure.
func (c *Checkpointer) anchor(ctx context.Context, cp Checkpoint) {
	if err := c.Anchor.write(ctx, cp); err != nil {
		c.Log.ErrorContext(ctx, "anchor write failed", "chain", cp.Chain, "size", cp.Size, "err", err)
	}
}

// retryAnchors writes chain's pending checkpoints (read from the store) and
// its latest one if this instance has not anchored it.
func (c *Checkpointer) retryAnchors(ctx context.Context, chain string, latest Checkpoint) {
	for _, size := range c.Anchor.todo(chain, latest.Size) {
		cp := latest
		if size != latest.Size {
			var err error
			if cp, err = c.Store.AtSize(ctx, chain, size); err != nil {
				c.Log.ErrorContext(ctx, "anchor retry: read checkpoint", "chain", chain, "size", size, "err", err)
				continue
			}
		}
		c.anchor(ctx, cp)
	}
}
