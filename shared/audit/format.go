// Package audit turns a period of a tenant's evidence, control results and
// registers into one zip an auditor can consume and verify offline, and
// verifies such zips. It imports no AWS package: the sources a build reads
// and the store it writes to are small interfaces the adapters implement.
//
// A package partitions the evidence: each archive bundle lands in exactly one
// package, in order, and every package names the hash of the one before it.
// The chain of packages is therefore a chain over the evidence itself, and
// "this package extends the previous one" is a checkable statement (see
// docs/packages.md).
package audit

import (
	"encoding/json"
	"errors"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/audit/pkgsig"
	"github.com/agentgate/agentgate/shared/evidence"
)

// Format names the package layout version in manifest.json.
const Format = "agentgate-audit-package/1"

// PackageDomain separates package hashes from every other SHA-256 here.
const PackageDomain = "agentgate/package/v1\n"

// SignatureHeader is the first line of the signed package statement, so a
// package signature can never be mistaken for a checkpoint signature made
// with the same key.
const SignatureHeader = pkgsig.SignatureHeader

// Names of the files every package holds.
const (
	FileManifest        = "manifest.json"
	FileVerify          = "VERIFY.txt"
	FileReport          = "report.html"
	FileMatrixCSV       = "control-matrix.csv"
	FileMatrixJSON      = "control-matrix.json"
	FileBundles         = "evidence-bundles.jsonl"
	FileExceptions      = "exceptions.csv"
	FileVendors         = "vendors.csv"
	FileAccessReviews   = "access-reviews.csv"
	FileModelChanges    = "model-changes.csv"
	FileAdversarialRuns = "adversarial-runs.csv"
	FileBiasRuns        = "bias-runs.csv"
	FileRunbooks        = "incident-runbooks.csv"
	FileDatasets        = "training-datasets.csv"
	FileOutputReviews   = "output-reviews.csv"
	// FileControlResults holds each control's result at the period's start
	// and every change of its status or detail in the period: what the
	// account checks found (which function, which CVE, which domain).
	FileControlResults = "control-results.csv"
)

// Errors callers branch on with errors.Is.
var (
	ErrNotFound = errors.New("audit: not found")
	ErrConflict = errors.New("audit: a newer package was stored concurrently")
	ErrInvalid  = errors.New("audit: invalid")
)

// Manifest is manifest.json: what the package holds and how it links to the
// previous package. PackageHash = SHA-256(PackageDomain || JCS(manifest
// without packageHash and signature)).
type Manifest struct {
	Format     string   `json:"format"`
	ID         string   `json:"id"`
	Tenant     string   `json:"tenant"`
	Period     Period   `json:"period"`
	Frameworks []string `json:"frameworks"`
	CreatedAt  string   `json:"createdAt"`
	// Sequence numbers the tenant's packages from 1.
	Sequence int64 `json:"sequence"`
	// PreviousPackageHash is the PackageHash of the package before this one
	// (64 zeros for the first).
	PreviousPackageHash string `json:"previousPackageHash"`
	// BundlesByReference says the bundles are not in the zip: the bundle
	// index lists each by archive key and SHA-256 (its line's file is
	// empty) and a verifier fetches them (agentgate verify --fetch).
	BundlesByReference bool    `json:"bundlesByReference,omitempty"`
	Files              []File  `json:"files"`
	Chains             []Chain `json:"chains"`
	// PublicKey is the PEM (PKIX) key the checkpoints and the package are
	// signed with. Auditors should compare it with a key obtained out of band.
	PublicKey   string `json:"publicKey"`
	PackageHash string `json:"packageHash,omitempty"`
	// Signature, when present, is a base64 DER ECDSA signature over
	// SHA-256(SignedStatement(...)) by the same key as the checkpoints.
	Signature string `json:"signature,omitempty"`
}

// Period is the half-open interval [From, To) the package reports on (RFC 3339).
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// File is one file of the package with its digest.
type File struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Chain is one evidence chain's slice in this package: seqs
// [FirstSeq, NextSeq) in Bundles bundles, and what ties that slice to the
// signed checkpoint and to the slices before and after it.
type Chain struct {
	Chain    string `json:"chain"`
	FirstSeq int64  `json:"firstSeq"`
	NextSeq  int64  `json:"nextSeq"`
	Bundles  int    `json:"bundles"`
	// PrevEntryHash is the hash of entry FirstSeq-1 (genesis zeros at 0);
	// LastEntryHash the hash of entry NextSeq-1 (= PrevEntryHash if empty).
	PrevEntryHash string `json:"prevEntryHash"`
	LastEntryHash string `json:"lastEntryHash"`
	// PrevBundleHash is the bundle hash before this package's first bundle;
	// LastBundleHash this package's last (= PrevBundleHash if empty).
	PrevBundleHash string `json:"prevBundleHash"`
	LastBundleHash string `json:"lastBundleHash"`
	// FirstTS and LastTS are the timestamps of the first and last entry held.
	FirstTS string `json:"firstTs,omitempty"`
	LastTS  string `json:"lastTs,omitempty"`
	// StartCompact is the RFC 6962 compact range of leaves [0, FirstSeq),
	// EndCompact of [0, NextSeq) and TailCompact of [NextSeq, checkpoint
	// size): hex hashes, left to right. They let a verifier compute the
	// signed root from this package's entries alone; they need no trust, as
	// any other values would not reproduce the signed root.
	StartCompact []string    `json:"startCompact"`
	EndCompact   []string    `json:"endCompact"`
	TailCompact  []string    `json:"tailCompact"`
	Checkpoint   *Checkpoint `json:"checkpoint,omitempty"`
}

// Checkpoint is a signed checkpoint as carried in the manifest.
type Checkpoint struct {
	Size      uint64 `json:"size"`
	RootHash  string `json:"rootHash"`
	Body      string `json:"body"`
	Signature string `json:"signature"` // base64 ASN.1 DER ECDSA over SHA-256(body)
	KeyID     string `json:"keyId,omitempty"`
	// Note is the same tree head as a C2SP tlog-checkpoint signed note by
	// the same key (origin "<body origin>/<chain>"), so transparency-log
	// tools check it as they are. Absent in packages built before notes and
	// for checkpoints signed before them; omitempty keeps the package hash
	// of those packages what it was (docs/decisions/170).
	Note string `json:"note,omitempty"`
	// Cosigned is Note with the cosignatures of the witnesses that accepted
	// it (c2sp.org/tlog-cosignature), when any did; absent otherwise, so
	// packages without it hash as before (docs/decisions/172).
	Cosigned string `json:"cosigned,omitempty"`
}

// BundleLine is one line of evidence-bundles.jsonl: the archive manifest of
// a bundle (its fields are the archive's, unchanged, so the bundle hash
// recomputes) plus the path of the bundle inside the zip.
type BundleLine struct {
	archive.Manifest
	// File is the bundle's path in the zip; "" in a package by reference
	// (the bundle is the archive object Key, of SHA-256 ObjectSHA256).
	File string `json:"file"`
}

// Hash computes the package hash of m (ignoring PackageHash and Signature).
func (m Manifest) Hash() (string, error) {
	m.PackageHash = ""
	m.Signature = ""
	return evidence.CanonicalHash(PackageDomain, m)
}

// SignedStatement is the text whose SHA-256 the package signature covers.
func SignedStatement(tenant, id string, sequence int64, packageHash string) string {
	return pkgsig.SignedStatement(tenant, id, sequence, packageHash)
}

// ChainByName returns the manifest's entry for chain, or nil.
func (m *Manifest) ChainByName(chain string) *Chain {
	for i := range m.Chains {
		if m.Chains[i].Chain == chain {
			return &m.Chains[i]
		}
	}
	return nil
}

// BundlePath is where a bundle with archive key key is stored in the zip:
// under the same key, so a file in the package names its archive object.
func BundlePath(key string) string { return key }

// genesisChain is the state of a chain before its first entry.
func genesisChain(chain string) Chain {
	return Chain{
		Chain: chain, PrevEntryHash: evidence.GenesisHash, LastEntryHash: evidence.GenesisHash,
		PrevBundleHash: evidence.GenesisHash, LastBundleHash: evidence.GenesisHash,
		StartCompact: []string{}, EndCompact: []string{}, TailCompact: []string{},
	}
}

func jsonIndent(v any) ([]byte, error) { return json.MarshalIndent(v, "", "  ") }
