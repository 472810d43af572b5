package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// PlanKey is where a package built in parts keeps its plan while it builds.
func PlanKey(tenant, id string) string { return "packages/" + tenant + "/" + id + ".plan.json" }

// PartKey is where a worker keeps what the assembler needs of its part.
func PartKey(tenant, id string, part int32) string {
	return fmt.Sprintf("packages/%s/%s.parts/%05d.json", tenant, id, part)
}

// EntryBytes is the bytes an archived entry takes in a package (177 MiB
// per million, docs/benchmarks.md): what a plan's size is estimated from.
const EntryBytes = 186

// FanOut starts the build of a package over many invocations (the Step
// Functions state machine of decision 230).
type FanOut interface {
	Start(ctx context.Context, tenant, id string) error
}

// Opener reads an object as a stream (a package's SHA-256 after its parts
// were joined).
type Opener interface {
	Open(ctx context.Context, key string) (io.ReadCloser, error)
}

// PartAnswer is a worker's answer to the orchestration: small, as every
// answer travels in one state's input; the assembler reads the rest from
// Directory (a PartKey).
type PartAnswer struct {
	Part      int32  `json:"part"`
	ETag      string `json:"etag"`
	Size      int64  `json:"size"`
	Directory string `json:"directory"`
}

// PlanAnswer is the plan's answer: the upload and the parts to build.
type PlanAnswer struct {
	UploadID string     `json:"uploadId"`
	Parts    []PlanPart `json:"parts"`
}

func (s *Service) previous(ctx context.Context, tenant string) (*Manifest, error) {
	head, err := s.Records.Head(ctx, tenant)
	switch {
	case errors.Is(err, ErrNotFound):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("package head: %w", err)
	}
	body, err := s.Blobs.GetBytes(ctx, head.ManifestKey)
	if err != nil {
		return nil, fmt.Errorf("previous manifest %s: %w", head.ManifestKey, err)
	}
	prev, err := ParseManifest(body)
	if err != nil || prev.PackageHash != head.PackageHash {
		return nil, fmt.Errorf("previous manifest %s does not match the head", head.ManifestKey)
	}
	return prev, nil
}

// route decides how rec is built from its plan's size (its entries at
// EntryBytes each): by reference above ByReferenceBytes (in one
// invocation: the zip holds no bundle), in parts above SingleMaxBytes when
// a FanOut is wired, else whole in one invocation.
func (s *Service) route(ctx context.Context, rec *Record) (byRef, fan bool, err error) {
	if s.ByReferenceBytes <= 0 && (s.FanOut == nil || s.SingleMaxBytes <= 0) {
		return false, false, nil
	}
	prev, err := s.previous(ctx, rec.Tenant)
	if err != nil {
		return false, false, err
	}
	p, err := s.Builder.Plan(ctx, Request{ID: rec.ID, Tenant: rec.Tenant, From: rec.From, To: rec.To, Frameworks: rec.Frameworks}, prev, s.PartBundles)
	if err != nil {
		return false, false, err
	}
	size := p.Entries() * EntryBytes
	if s.ByReferenceBytes > 0 && size > s.ByReferenceBytes {
		return true, false, nil
	}
	return false, s.FanOut != nil && s.SingleMaxBytes > 0 && size > s.SingleMaxBytes, nil
}

// PlanParts plans a package in parts, starts its multipart upload and
// stores the plan for the workers.
func (s *Service) PlanParts(ctx context.Context, tenant, id string) (*PlanAnswer, error) {
	rec, err := s.Records.Get(ctx, tenant, id)
	if err != nil {
		return nil, fmt.Errorf("package %s/%s: %w", tenant, id, err)
	}
	if rec.Status != StateBuilding {
		return nil, fmt.Errorf("%w: package %s is %s", ErrInvalid, id, rec.Status)
	}
	prev, err := s.previous(ctx, tenant)
	if err != nil {
		return nil, err
	}
	p, err := s.Builder.Plan(ctx, Request{ID: rec.ID, Tenant: rec.Tenant, From: rec.From, To: rec.To, Frameworks: rec.Frameworks}, prev, s.PartBundles)
	if err != nil {
		return nil, err
	}
	if p.UploadID, err = s.Blobs.CreateMultipart(ctx, PackageKey(tenant, id), "application/zip"); err != nil {
		return nil, fmt.Errorf("start upload of %s: %w", id, err)
	}
	body, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	if err := s.Blobs.PutBytes(ctx, PlanKey(tenant, id), body, "application/json"); err != nil {
		return nil, errors.Join(fmt.Errorf("store plan of %s: %w", id, err), s.Blobs.AbortMultipart(ctx, PackageKey(tenant, id), p.UploadID))
	}
	rec.Stage = StageReading
	_ = s.Records.Put(ctx, rec) // progress is a courtesy
	return &PlanAnswer{UploadID: p.UploadID, Parts: p.Parts}, nil
}

func (s *Service) plan(ctx context.Context, tenant, id, uploadID string) (*Plan, error) {
	body, err := s.Blobs.GetBytes(ctx, PlanKey(tenant, id))
	if err != nil {
		return nil, fmt.Errorf("plan of %s: %w", id, err)
	}
	var p Plan
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("plan of %s: %w", id, err)
	}
	if p.UploadID != uploadID || p.Request.Tenant != tenant || p.Request.ID != id {
		return nil, fmt.Errorf("%w: upload %q is not the plan's of %s/%s", ErrInvalid, uploadID, tenant, id)
	}
	return &p, nil
}

// BuildPart builds part n of a planned package, uploads it as part n of
// the upload and stores what the assembler needs. Repeating it replaces
// the part (UploadPart of the same number), so a retried worker is safe.
func (s *Service) BuildPart(ctx context.Context, tenant, id, uploadID string, n int32) (*PartAnswer, error) {
	p, err := s.plan(ctx, tenant, id, uploadID)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	res, err := s.Builder.BuildPart(ctx, p, n, &buf)
	if err != nil {
		return nil, fmt.Errorf("part %d of %s: %w", n, id, err)
	}
	if res.Embedded > 0 {
		if res.ETag, err = s.Blobs.UploadPart(ctx, PackageKey(tenant, id), uploadID, n, buf.Bytes()); err != nil {
			return nil, fmt.Errorf("upload part %d of %s: %w", n, id, err)
		}
	}
	body, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	key := PartKey(tenant, id, n)
	if err := s.Blobs.PutBytes(ctx, key, body, "application/json"); err != nil {
		return nil, fmt.Errorf("store part %d of %s: %w", n, id, err)
	}
	return &PartAnswer{Part: n, ETag: res.ETag, Size: res.Size, Directory: key}, nil
}

// FinishParts assembles a package from its parts: it writes the last part
// (index, reports, manifest, central directory, and the bundles of a last
// packing part too small to stand before it), completes the upload and
// advances the package chain, as Process does for one invocation. The
// record is ready, or failed with the upload aborted.
func (s *Service) FinishParts(ctx context.Context, tenant, id, uploadID string, answers []PartAnswer) error {
	rec, err := s.Records.Get(ctx, tenant, id)
	if err != nil {
		return fmt.Errorf("package %s/%s: %w", tenant, id, err)
	}
	if rec.Status != StateBuilding {
		return nil
	}
	err = s.finishParts(ctx, &rec, uploadID, answers)
	if err != nil {
		s.log().ErrorContext(ctx, "package assembly failed", "tenant", tenant, "id", id, "err", err)
		rec.Status, rec.Error = StateFailed, "the package could not be built; see the service logs for "+id
		if uploadID != "" {
			if aerr := s.Blobs.AbortMultipart(ctx, PackageKey(tenant, id), uploadID); aerr != nil {
				s.log().ErrorContext(ctx, "abort package upload", "tenant", tenant, "id", id, "err", aerr)
			}
		}
	} else {
		rec.Status = StateReady
	}
	rec.Stage = ""
	rec.CompletedAt = s.now().UTC()
	if err := s.Records.Put(ctx, rec); err != nil {
		return fmt.Errorf("record package %s: %w", id, err)
	}
	return nil
}

func (s *Service) finishParts(ctx context.Context, rec *Record, uploadID string, answers []PartAnswer) error {
	p, err := s.plan(ctx, rec.Tenant, rec.ID, uploadID)
	if err != nil {
		return err
	}
	if len(answers) != len(p.Parts) {
		return fmt.Errorf("%w: %d part answers for %d parts", ErrInvalid, len(answers), len(p.Parts))
	}
	results := make([]*PartResult, len(answers))
	for i, a := range answers {
		if a.Part != int32(i+1) || a.Directory != PartKey(rec.Tenant, rec.ID, a.Part) {
			return fmt.Errorf("%w: answer %d is not part %d's", ErrInvalid, a.Part, i+1)
		}
		body, err := s.Blobs.GetBytes(ctx, a.Directory)
		if err != nil {
			return fmt.Errorf("part %d: %w", a.Part, err)
		}
		var r PartResult
		if err := json.Unmarshal(body, &r); err != nil {
			return fmt.Errorf("part %d: %w", a.Part, err)
		}
		if r.ETag != a.ETag || r.Size != a.Size {
			return fmt.Errorf("%w: part %d's answer is not its stored result", ErrInvalid, a.Part)
		}
		results[i] = &r
	}
	// S3 takes a part under 5 MiB only last: from the first small part on
	// (usually only the last packing part, where the period ends), the
	// assembler fetches the bundles again and writes them into its own part.
	minPart := int64(MinPartSize)
	if s.MinPartSize > 0 {
		minPart = s.MinPartSize
	}
	kept := map[int32]bool{}
	for _, r := range results {
		if r.Embedded > 0 && r.Size < minPart {
			break
		}
		kept[r.Part] = true
	}
	keep := func(r *PartResult) bool { return kept[r.Part] }
	var buf bytes.Buffer
	progress := s.recorder(ctx, rec)
	ab := *s.Builder
	m, err := ab.Assemble(ctx, p, results, keep, &buf)
	if err != nil {
		return err
	}
	var done []Part
	var size int64
	for _, r := range results {
		if r.Embedded > 0 && keep(r) {
			done = append(done, Part{Number: r.Part, ETag: r.ETag, Size: r.Size})
			size += r.Size
		}
	}
	key, mkey := PackageKey(rec.Tenant, rec.ID), ManifestKey(rec.Tenant, rec.ID)
	last := int32(len(p.Parts) + 1)
	etag, err := s.Blobs.UploadPart(ctx, key, uploadID, last, buf.Bytes())
	if err != nil {
		return fmt.Errorf("upload the last part of %s: %w", rec.ID, err)
	}
	done = append(done, Part{Number: last, ETag: etag, Size: int64(buf.Len())})
	size += int64(buf.Len())
	progress(Progress{Stage: StageStoring, Entries: rec.Entries, Bundles: rec.Bundles})
	if err := s.Blobs.CompleteMultipart(ctx, key, uploadID, done); err != nil {
		return fmt.Errorf("complete %s: %w", key, err)
	}
	sum := ""
	if o, ok := s.Blobs.(Opener); ok {
		// The parts' bytes were never in one place: read the object back
		// for its SHA-256 (what GET /v1/packages/{id} announces).
		r, err := o.Open(ctx, key)
		if err != nil {
			return fmt.Errorf("read back %s: %w", key, err)
		}
		h := sha256.New()
		n, err := io.Copy(h, r)
		r.Close()
		if err != nil {
			return fmt.Errorf("read back %s: %w", key, err)
		}
		if n != size {
			return fmt.Errorf("%s holds %d bytes, its parts %d", key, n, size)
		}
		sum = hex.EncodeToString(h.Sum(nil))
	}
	mb, err := marshalManifest(m)
	if err != nil {
		return err
	}
	if err := s.Blobs.PutBytes(ctx, mkey, mb, "application/json"); err != nil {
		return fmt.Errorf("store %s: %w", mkey, err)
	}
	prevHash := ""
	if p.Previous != nil {
		prevHash = p.Previous.PackageHash
	}
	if err := s.Records.Advance(ctx, rec.Tenant, prevHash, Head{ID: rec.ID, PackageHash: m.PackageHash, Sequence: m.Sequence, ManifestKey: mkey}); err != nil {
		return fmt.Errorf("advance the package chain: %w", err)
	}
	var entries, bundles int64
	for _, c := range m.Chains {
		entries += c.NextSeq - c.FirstSeq
		bundles += int64(c.Bundles)
	}
	rec.SHA256, rec.PackageHash, rec.Sequence, rec.Key, rec.Size = sum, m.PackageHash, m.Sequence, key, size
	rec.Entries, rec.Bundles = entries, bundles
	return nil
}

// AbortParts aborts a package's upload (if the plan started one) and marks
// it failed: the orchestration's catch-all.
func (s *Service) AbortParts(ctx context.Context, tenant, id, uploadID, reason string) error {
	var errs []error
	if uploadID != "" {
		if err := s.Blobs.AbortMultipart(ctx, PackageKey(tenant, id), uploadID); err != nil {
			errs = append(errs, err)
		}
	}
	rec, err := s.Records.Get(ctx, tenant, id)
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	if rec.Status == StateBuilding {
		s.log().ErrorContext(ctx, "package fan-out failed", "tenant", tenant, "id", id, "reason", reason)
		rec.Status, rec.Error, rec.Stage = StateFailed, "the package could not be built; see the service logs for "+id, ""
		rec.CompletedAt = s.now().UTC()
		if err := s.Records.Put(ctx, rec); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
