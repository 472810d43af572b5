package audit

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildInParts plans, builds every part with its own Builder on its own
// goroutine (as separate workers would), assembles, and returns the
// package bytes as S3 would join them: the kept non-empty parts in order,
// then the assembler's last part.
func buildInParts(t *testing.T, w *world, signer Signer, id string, from, to time.Time, prev *Manifest, perPart int, keep func(*PartResult) bool) ([]byte, *Manifest, *Plan) {
	t.Helper()
	ctx := context.Background()
	planner := w.builder(buildTime)
	planner.Signer = signer
	plan, err := planner.Plan(ctx, Request{ID: id, Tenant: w.tenant, From: from, To: to, Frameworks: []string{"soc2", "gdpr"}}, prev, perPart)
	require.NoError(t, err)
	results := make([]*PartResult, len(plan.Parts))
	bodies := make([]bytes.Buffer, len(plan.Parts))
	var wg sync.WaitGroup
	errs := make([]error, len(plan.Parts))
	for i := range plan.Parts {
		wg.Go(func() {
			worker := w.builder(time.Time{}) // a worker's clock plays no part
			worker.Prefetch = 2
			results[i], errs[i] = worker.BuildPart(ctx, plan, int32(i+1), &bodies[i])
		})
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	var out bytes.Buffer
	for i, r := range results {
		require.Equal(t, int64(bodies[i].Len()), r.Size)
		if r.Embedded > 0 && keep(r) {
			out.Write(bodies[i].Bytes())
		}
	}
	assembler := w.builder(time.Time{})
	assembler.Signer = signer
	m, err := assembler.Assemble(ctx, plan, results, keep, &out)
	require.NoError(t, err)
	return out.Bytes(), m, plan
}

func keepAll(*PartResult) bool { return true }

// TestPartsAssembleTheSamePackage: a package assembled from parts built by
// separate workers is the package one Build writes, byte for byte, for a
// first package, a period cut inside a part, a later package, and with
// the last packing part rewritten by the assembler (a part too small for
// S3 to take before another).
func TestPartsAssembleTheSamePackage(t *testing.T) {
	w := newWorld(t, "acme", 100)
	for _, c := range []struct {
		chain string
		n     int
	}{{"acme/0", 2550}, {"acme/1", 1230}, {"acme/2", 40}} {
		w.add(t, c.chain, c.n)
		w.archive(t, c.chain, true)
		w.seal(t, c.chain)
	}
	w.add(t, "acme/0", 300) // archived past the checkpoint
	w.archive(t, "acme/0", true)
	signer := &memoSigner{Signer: DigestSigner{Key: keySigner{w.key}}, sigs: map[string][]byte{}}
	mid := w.t0.Add(1050 * w.step)
	b := w.builder(buildTime)
	b.Signer = signer
	_, first := w.build(t, b, "pkg_first", periodFrom, mid, nil)
	for _, tc := range []struct {
		name     string
		from, to time.Time
		prev     *Manifest
		perPart  int
		rewrite  bool
	}{
		{"whole period", periodFrom, periodTo, nil, 4, false},
		{"period cut inside a part", periodFrom, mid, nil, 4, false},
		{"extends the previous package", mid, periodTo, first, 3, false},
		{"one part per bundle", periodFrom, periodTo, nil, 1, false},
		{"last packing part rewritten", periodFrom, mid, nil, 4, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wm := w.build(t, b, "pkg_x", tc.from, tc.to, tc.prev)
			keep := keepAll
			if tc.rewrite {
				// acme/2 packs last; rewrite its one part.
				keep = func(r *PartResult) bool { return r.Chain != "acme/2" }
			}
			got, gm, plan := buildInParts(t, w, signer, "pkg_x", tc.from, tc.to, tc.prev, tc.perPart, keep)
			require.Greater(t, len(plan.Parts), 3, "several parts")
			assert.Equal(t, wm.PackageHash, gm.PackageHash)
			require.True(t, bytes.Equal(want, got), "assembled package differs from Build's (%d vs %d bytes)", len(got), len(want))
			_, err := verifyBytes(got, VerifyOptions{RequireSignature: true, Previous: tc.prev})
			require.NoError(t, err)
		})
	}
}

// TestAssembleRefusesInconsistentParts: a part whose size is not its
// entries, a part missing, or parts out of order fail the assembly.
func TestAssembleRefusesInconsistentParts(t *testing.T) {
	w := smallWorld(t)
	ctx := context.Background()
	b := w.builder(buildTime)
	plan, err := b.Plan(ctx, Request{ID: "pkg_p", Tenant: "acme", From: periodFrom, To: periodTo}, nil, 1)
	require.NoError(t, err)
	var results []*PartResult
	for i := range plan.Parts {
		r, err := b.BuildPart(ctx, plan, int32(i+1), io.Discard)
		require.NoError(t, err)
		results = append(results, r)
	}
	for _, tc := range []struct {
		name  string
		parts func() []*PartResult
	}{
		{"size", func() []*PartResult {
			rs := clone(results)
			c := *rs[1]
			c.Size++
			rs[1] = &c
			return rs
		}},
		{"missing", func() []*PartResult { return clone(results)[1:] }},
		{"order", func() []*PartResult {
			rs := clone(results)
			rs[0], rs[1] = rs[1], rs[0]
			return rs
		}},
		{"packed range", func() []*PartResult {
			rs := clone(results)
			c := *rs[0]
			c.Packed = append([]string{}, c.Packed...)
			c.Packed[0] = fmt.Sprintf("%064x", 1)
			rs[0] = &c
			return rs
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := b.Assemble(ctx, plan, tc.parts(), keepAll, io.Discard)
			assert.Error(t, err)
		})
	}
}

func clone(rs []*PartResult) []*PartResult { return append([]*PartResult{}, rs...) }
