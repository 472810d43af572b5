// Package awsstore implements the archive's and the checkpointer's storage
// over S3, DynamoDB (the Registry table) and KMS. Each adapter turns SDK
// errors into the domain errors of shared/archive and shared/checkpoint.
package awsstore

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/archive/tiles"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/evidence"
)

// S3API is the part of the S3 client the bucket uses.
type S3API interface {
	PutObject(ctx context.Context, in *s3.PutObjectInput, opts ...func(*s3.Options)) (*s3.PutObjectOutput, error)
	GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error)
	ListObjectsV2(ctx context.Context, in *s3.ListObjectsV2Input, opts ...func(*s3.Options)) (*s3.ListObjectsV2Output, error)
}

// Bucket is the write-once archive bucket.
type Bucket struct {
	api    S3API
	name   string
	keyID  string // KMS key for SSE-KMS
	mode   s3types.ObjectLockMode
	retain time.Duration // for checkpoints; bundles carry their own date
}

var (
	_ archive.Objects      = (*Bucket)(nil)
	_ checkpoint.Publisher = (*Bucket)(nil)
)

// NewBucket returns the adapter. Every put names the customer-managed key
// (SSE-KMS with a bucket key) and a COMPLIANCE-mode retention: compliance,
// not governance, so no principal (not even the account root) can shorten
// it or delete a locked version before it ends.
func NewBucket(api S3API, name, kmsKeyID string, retention time.Duration) *Bucket {
	return &Bucket{api: api, name: name, keyID: kmsKeyID, mode: s3types.ObjectLockModeCompliance, retain: retention}
}

// WithMode sets the Object Lock mode of every put: "COMPLIANCE" (the
// default) or "GOVERNANCE" (trial deploys, see docs/decisions/053). Any other
// value keeps COMPLIANCE: a typo must never weaken the lock.
func (b *Bucket) WithMode(mode string) *Bucket {
	if mode == string(s3types.ObjectLockModeGovernance) {
		b.mode = s3types.ObjectLockModeGovernance
	}
	return b
}

// Put stores o with SSE-KMS and Object Lock retention. Repeating it with the
// same object adds an identical version (the bucket is versioned).
func (b *Bucket) Put(ctx context.Context, o archive.Object) error {
	in := &s3.PutObjectInput{
		Bucket:                    &b.name,
		Key:                       &o.Key,
		Body:                      bytes.NewReader(o.Body),
		ContentLength:             aws.Int64(int64(len(o.Body))),
		ContentType:               aws.String(o.ContentType),
		ServerSideEncryption:      s3types.ServerSideEncryptionAwsKms,
		SSEKMSKeyId:               aws.String(b.keyID),
		BucketKeyEnabled:          aws.Bool(true),
		ChecksumAlgorithm:         s3types.ChecksumAlgorithmSha256,
		ObjectLockMode:            b.mode,
		ObjectLockRetainUntilDate: aws.Time(o.RetainUntil.UTC().Truncate(time.Second)),
	}
	if _, err := b.api.PutObject(ctx, in); err != nil {
		return fmt.Errorf("put s3://%s/%s: %w", b.name, o.Key, err)
	}
	return nil
}

// Get reads an object; archive.ErrNotFound if absent.
func (b *Bucket) Get(ctx context.Context, key string) ([]byte, error) {
	out, err := b.api.GetObject(ctx, &s3.GetObjectInput{Bucket: &b.name, Key: &key})
	var nsk *s3types.NoSuchKey
	if errors.As(err, &nsk) {
		return nil, fmt.Errorf("%w: %s", archive.ErrNotFound, key)
	}
	if err != nil {
		return nil, fmt.Errorf("get s3://%s/%s: %w", b.name, key, err)
	}
	defer out.Body.Close()
	body, err := io.ReadAll(out.Body)
	if err != nil {
		return nil, fmt.Errorf("read s3://%s/%s: %w", b.name, key, err)
	}
	return body, nil
}

// Keys lists the keys under prefix, in key order.
func (b *Bucket) Keys(ctx context.Context, prefix string) ([]string, error) {
	var keys []string
	p := s3.NewListObjectsV2Paginator(b.api, &s3.ListObjectsV2Input{Bucket: &b.name, Prefix: &prefix})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list s3://%s/%s: %w", b.name, prefix, err)
		}
		for _, o := range page.Contents {
			keys = append(keys, aws.ToString(o.Key))
		}
	}
	return keys, nil
}

// GetTile reads a tile object (tiles.GetFunc): tiles.ErrNotFound if absent.
func (b *Bucket) GetTile(ctx context.Context, key string) ([]byte, error) {
	body, err := b.Get(ctx, key)
	if errors.Is(err, archive.ErrNotFound) {
		return nil, fmt.Errorf("%w: %s", tiles.ErrNotFound, key)
	}
	return body, err
}

// ArchivedEntry reads entry seq of chain from the bundle that holds it, for
// proofs once the table's row has expired: one bounded listing (bundles
// hold at most archive.MaxBundleEntries, so the bundle starts at most that
// far back) and one GET. archive.ErrNotFound if no bundle holds it. The
// caller checks the entry against the signed tree.
func (b *Bucket) ArchivedEntry(ctx context.Context, chain string, seq int64) (evidence.Entry, error) {
	prefix, err := archive.ChainPrefix(chain)
	if err != nil {
		return evidence.Entry{}, err
	}
	start, err := archive.BundleSearchStart(chain, seq)
	if err != nil {
		return evidence.Entry{}, err
	}
	var key string
	p := s3.NewListObjectsV2Paginator(b.api, &s3.ListObjectsV2Input{Bucket: &b.name, Prefix: &prefix, StartAfter: &start})
search:
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return evidence.Entry{}, fmt.Errorf("list s3://%s/%s: %w", b.name, start, err)
		}
		for _, o := range page.Contents {
			first, last, ok := archive.ParseBundleKey(aws.ToString(o.Key))
			switch {
			case !ok:
			case first > seq:
				break search
			case last >= seq:
				key = aws.ToString(o.Key)
				break search
			}
		}
	}
	if key == "" {
		return evidence.Entry{}, fmt.Errorf("%w: %s seq %d in no bundle", archive.ErrNotFound, chain, seq)
	}
	body, err := b.Get(ctx, key)
	if err != nil {
		return evidence.Entry{}, err
	}
	entries, err := archive.DecodeBundle(bytes.NewReader(body))
	if err != nil {
		return evidence.Entry{}, fmt.Errorf("%s: %w", key, err)
	}
	for _, e := range entries {
		if e.Seq == seq {
			return e, nil
		}
	}
	return evidence.Entry{}, fmt.Errorf("%w: %s seq %d not in %s", archive.ErrNotFound, chain, seq, key)
}

// PublishedCheckpoint is the archived form of a checkpoint.
type PublishedCheckpoint struct {
	Origin    string `json:"origin"`
	Chain     string `json:"chain"`
	Size      uint64 `json:"size"`
	RootHash  string `json:"rootHash"`
	Time      string `json:"time"`
	Body      string `json:"body"`
	Signature string `json:"signature"` // base64 DER
	KeyID     string `json:"keyId"`
	PublicKey string `json:"publicKey"` // PEM
	// Note is the C2SP tlog-checkpoint signed note of the same tree head
	// (absent on checkpoints signed before notes).
	Note string `json:"note,omitempty"`
}

// CheckpointKey is where the checkpoint of chain at size is archived.
func CheckpointKey(chain string, size uint64) (string, error) {
	tenant, shard, err := evidence.ParseChainID(chain)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("checkpoints/%s/%d/%020d.json", tenant, shard, size), nil
}

// Publish archives a signed checkpoint.
func (b *Bucket) Publish(ctx context.Context, c checkpoint.Checkpoint) error {
	key, err := CheckpointKey(c.Chain, c.Size)
	if err != nil {
		return err
	}
	body, err := json.Marshal(PublishedCheckpoint{
		Origin: c.Origin, Chain: c.Chain, Size: c.Size, RootHash: hex.EncodeToString(c.Root),
		Time: c.Time.UTC().Format(time.RFC3339Nano), Body: c.Body,
		Signature: base64.StdEncoding.EncodeToString(c.Signature), KeyID: c.KeyID, PublicKey: c.PublicKeyPEM, Note: c.Note,
	})
	if err != nil {
		return err
	}
	return b.Put(ctx, archive.Object{Key: key, Body: body, ContentType: "application/json", RetainUntil: c.Time.Add(b.retain)})
}
