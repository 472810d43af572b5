// Package awsstore implements the audit package's storage and sources over
// DynamoDB (the Registry table), S3 (the packages and archive buckets) and
// the archive's adapters. Each adapter turns SDK errors into the domain
// errors of shared/audit.
package awsstore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/agentgate/agentgate/shared/archive"
	"github.com/agentgate/agentgate/shared/audit"
)

// DynamoAPI is the part of the DynamoDB client the records use.
type DynamoAPI interface {
	GetItem(ctx context.Context, in *dynamodb.GetItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
	PutItem(ctx context.Context, in *dynamodb.PutItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
	Query(ctx context.Context, in *dynamodb.QueryInput, opts ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error)
}

// Records keeps package records in the Registry table:
//
//	PACKAGE#<tenant> / ID#<id>   one package request and its outcome
//	PACKAGE#<tenant> / HEAD      the newest package (what the next extends)
type Records struct {
	api   DynamoAPI
	table string
}

var _ audit.Records = (*Records)(nil)

// NewRecords returns the adapter.
func NewRecords(api DynamoAPI, table string) *Records { return &Records{api: api, table: table} }

type recordItem struct {
	PK          string    `dynamodbav:"pk"`
	SK          string    `dynamodbav:"sk"`
	ID          string    `dynamodbav:"id"`
	Tenant      string    `dynamodbav:"tenant"`
	Status      string    `dynamodbav:"status"`
	From        time.Time `dynamodbav:"from"`
	To          time.Time `dynamodbav:"to"`
	Frameworks  []string  `dynamodbav:"frameworks"`
	RequestedBy string    `dynamodbav:"requestedBy"`
	CreatedAt   time.Time `dynamodbav:"createdAt"`
	CompletedAt time.Time `dynamodbav:"completedAt"`
	SHA256      string    `dynamodbav:"sha256"`
	PackageHash string    `dynamodbav:"packageHash"`
	Sequence    int64     `dynamodbav:"sequence"`
	Key         string    `dynamodbav:"objectKey"`
	Size        int64     `dynamodbav:"size"`
	Error       string    `dynamodbav:"error"`
	Stage       string    `dynamodbav:"stage,omitempty"`
	Entries     int64     `dynamodbav:"entries,omitempty"`
	Bundles     int64     `dynamodbav:"bundles,omitempty"`
}

type headItem struct {
	PK          string `dynamodbav:"pk"`
	SK          string `dynamodbav:"sk"`
	ID          string `dynamodbav:"id"`
	PackageHash string `dynamodbav:"packageHash"`
	Sequence    int64  `dynamodbav:"sequence"`
	ManifestKey string `dynamodbav:"manifestKey"`
}

func pk(tenant string) string { return "PACKAGE#" + tenant }

func keyOf(pkv, skv string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: pkv}, "sk": &types.AttributeValueMemberS{Value: skv}}
}

func condFailed(err error) bool {
	var ccf *types.ConditionalCheckFailedException
	return errors.As(err, &ccf)
}

func (r *Records) put(ctx context.Context, rec audit.Record, cond *string) error {
	if rec.Frameworks == nil {
		rec.Frameworks = []string{}
	}
	item, err := attributevalue.MarshalMap(recordItem{
		PK: pk(rec.Tenant), SK: "ID#" + rec.ID, ID: rec.ID, Tenant: rec.Tenant, Status: rec.Status, From: rec.From, To: rec.To,
		Frameworks: rec.Frameworks, RequestedBy: rec.RequestedBy, CreatedAt: rec.CreatedAt, CompletedAt: rec.CompletedAt,
		SHA256: rec.SHA256, PackageHash: rec.PackageHash, Sequence: rec.Sequence, Key: rec.Key, Size: rec.Size, Error: rec.Error,
		Stage: rec.Stage, Entries: rec.Entries, Bundles: rec.Bundles,
	})
	if err != nil {
		return err
	}
	_, err = r.api.PutItem(ctx, &dynamodb.PutItemInput{TableName: &r.table, Item: item, ConditionExpression: cond})
	if condFailed(err) {
		return fmt.Errorf("%w: package %s", audit.ErrConflict, rec.ID)
	}
	if err != nil {
		return fmt.Errorf("put package %s: %w", rec.ID, err)
	}
	return nil
}

// Create stores a new record unless the id exists.
func (r *Records) Create(ctx context.Context, rec audit.Record) error {
	return r.put(ctx, rec, aws.String("attribute_not_exists(pk)"))
}

// Put replaces a record.
func (r *Records) Put(ctx context.Context, rec audit.Record) error { return r.put(ctx, rec, nil) }

// Get reads a tenant's record. The tenant is part of the key, so another
// tenant's id is simply absent.
func (r *Records) Get(ctx context.Context, tenant, id string) (audit.Record, error) {
	out, err := r.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &r.table, Key: keyOf(pk(tenant), "ID#"+id), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return audit.Record{}, fmt.Errorf("get package %s: %w", id, err)
	}
	if out.Item == nil {
		return audit.Record{}, fmt.Errorf("%w: package %s", audit.ErrNotFound, id)
	}
	rec, err := recordOf(out.Item)
	if err != nil {
		return audit.Record{}, fmt.Errorf("decode package %s: %w", id, err)
	}
	return rec, nil
}

func recordOf(item map[string]types.AttributeValue) (audit.Record, error) {
	var it recordItem
	if err := attributevalue.UnmarshalMap(item, &it); err != nil {
		return audit.Record{}, err
	}
	return audit.Record{ID: it.ID, Tenant: it.Tenant, Status: it.Status, From: it.From, To: it.To, Frameworks: it.Frameworks,
		RequestedBy: it.RequestedBy, CreatedAt: it.CreatedAt, CompletedAt: it.CompletedAt, SHA256: it.SHA256,
		PackageHash: it.PackageHash, Sequence: it.Sequence, Key: it.Key, Size: it.Size, Error: it.Error,
		Stage: it.Stage, Entries: it.Entries, Bundles: it.Bundles}, nil
}

// List queries the tenant's ID# items (not its HEAD) a page at a time. The
// key condition selects the records before Limit counts, so a page is full
// unless the tenant has no more.
func (r *Records) List(ctx context.Context, tenant, after string, limit int) ([]audit.Record, string, error) {
	in := &dynamodb.QueryInput{
		TableName:              &r.table,
		KeyConditionExpression: aws.String("pk = :pk AND begins_with(sk, :id)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":pk": &types.AttributeValueMemberS{Value: pk(tenant)}, ":id": &types.AttributeValueMemberS{Value: "ID#"},
		},
		Limit: aws.Int32(int32(limit)),
	}
	if after != "" {
		in.ExclusiveStartKey = keyOf(pk(tenant), "ID#"+after)
	}
	out, err := r.api.Query(ctx, in)
	if err != nil {
		return nil, "", fmt.Errorf("list packages of %s: %w", tenant, err)
	}
	recs := make([]audit.Record, 0, len(out.Items))
	for _, item := range out.Items {
		rec, err := recordOf(item)
		if err != nil {
			return nil, "", fmt.Errorf("decode a package of %s: %w", tenant, err)
		}
		recs = append(recs, rec)
	}
	next := ""
	if len(out.LastEvaluatedKey) > 0 && len(recs) > 0 {
		next = recs[len(recs)-1].ID
	}
	return recs, next, nil
}

// Head reads the tenant's newest package.
func (r *Records) Head(ctx context.Context, tenant string) (audit.Head, error) {
	out, err := r.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &r.table, Key: keyOf(pk(tenant), "HEAD"), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return audit.Head{}, fmt.Errorf("get package head of %s: %w", tenant, err)
	}
	if out.Item == nil {
		return audit.Head{}, fmt.Errorf("%w: no package of %s yet", audit.ErrNotFound, tenant)
	}
	var it headItem
	if err := attributevalue.UnmarshalMap(out.Item, &it); err != nil {
		return audit.Head{}, err
	}
	return audit.Head{ID: it.ID, PackageHash: it.PackageHash, Sequence: it.Sequence, ManifestKey: it.ManifestKey}, nil
}

// Advance moves the head with a conditional put on its previous hash.
func (r *Records) Advance(ctx context.Context, tenant, prevHash string, next audit.Head) error {
	item, err := attributevalue.MarshalMap(headItem{PK: pk(tenant), SK: "HEAD", ID: next.ID, PackageHash: next.PackageHash, Sequence: next.Sequence, ManifestKey: next.ManifestKey})
	if err != nil {
		return err
	}
	in := &dynamodb.PutItemInput{TableName: &r.table, Item: item}
	if prevHash == "" {
		in.ConditionExpression = aws.String("attribute_not_exists(pk)")
	} else {
		in.ConditionExpression = aws.String("packageHash = :p")
		in.ExpressionAttributeValues = map[string]types.AttributeValue{":p": &types.AttributeValueMemberS{Value: prevHash}}
	}
	_, err = r.api.PutItem(ctx, in)
	if condFailed(err) {
		return fmt.Errorf("%w: the package head of %s moved", audit.ErrConflict, tenant)
	}
	if err != nil {
		return fmt.Errorf("advance package head of %s: %w", tenant, err)
	}
	return nil
}

// S3API is the part of the S3 client the buckets use.
type S3API interface {
	PutObject(ctx context.Context, in *s3.PutObjectInput, opts ...func(*s3.Options)) (*s3.PutObjectOutput, error)
	GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error)
	ListObjectsV2(ctx context.Context, in *s3.ListObjectsV2Input, opts ...func(*s3.Options)) (*s3.ListObjectsV2Output, error)
	DeleteObject(ctx context.Context, in *s3.DeleteObjectInput, opts ...func(*s3.Options)) (*s3.DeleteObjectOutput, error)
	CreateMultipartUpload(ctx context.Context, in *s3.CreateMultipartUploadInput, opts ...func(*s3.Options)) (*s3.CreateMultipartUploadOutput, error)
	UploadPart(ctx context.Context, in *s3.UploadPartInput, opts ...func(*s3.Options)) (*s3.UploadPartOutput, error)
	CompleteMultipartUpload(ctx context.Context, in *s3.CompleteMultipartUploadInput, opts ...func(*s3.Options)) (*s3.CompleteMultipartUploadOutput, error)
	AbortMultipartUpload(ctx context.Context, in *s3.AbortMultipartUploadInput, opts ...func(*s3.Options)) (*s3.AbortMultipartUploadOutput, error)
}

// Blobs is the packages bucket. Every object is written SSE-KMS with the
// data key: packages hold the tenant's whole evidence.
type Blobs struct {
	api     S3API
	presign *s3.PresignClient
	bucket  string
	keyID   string
}

var _ audit.Blobs = (*Blobs)(nil)

// NewBlobs returns the adapter.
func NewBlobs(c *s3.Client, bucket, kmsKeyID string) *Blobs {
	return &Blobs{api: c, presign: s3.NewPresignClient(c), bucket: bucket, keyID: kmsKeyID}
}

func (b *Blobs) put(ctx context.Context, key string, body io.Reader, size int64, ct string) error {
	_, err := b.api.PutObject(ctx, &s3.PutObjectInput{
		Bucket: &b.bucket, Key: &key, Body: body, ContentLength: aws.Int64(size), ContentType: aws.String(ct),
		ServerSideEncryption: s3types.ServerSideEncryptionAwsKms, SSEKMSKeyId: aws.String(b.keyID), BucketKeyEnabled: aws.Bool(true),
	})
	if err != nil {
		return fmt.Errorf("put s3://%s/%s: %w", b.bucket, key, err)
	}
	return nil
}

// CreateMultipart starts a multipart upload, SSE-KMS with the data key as
// every object of the bucket.
func (b *Blobs) CreateMultipart(ctx context.Context, key, ct string) (string, error) {
	out, err := b.api.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{
		Bucket: &b.bucket, Key: &key, ContentType: aws.String(ct),
		ServerSideEncryption: s3types.ServerSideEncryptionAwsKms, SSEKMSKeyId: aws.String(b.keyID), BucketKeyEnabled: aws.Bool(true),
	})
	if err != nil {
		return "", fmt.Errorf("start upload s3://%s/%s: %w", b.bucket, key, err)
	}
	return aws.ToString(out.UploadId), nil
}

// UploadPart uploads part n of an upload.
func (b *Blobs) UploadPart(ctx context.Context, key, uploadID string, n int32, body []byte) (string, error) {
	out, err := b.api.UploadPart(ctx, &s3.UploadPartInput{
		Bucket: &b.bucket, Key: &key, UploadId: &uploadID, PartNumber: aws.Int32(n),
		Body: bytes.NewReader(body), ContentLength: aws.Int64(int64(len(body))),
	})
	if err != nil {
		return "", fmt.Errorf("upload part %d of s3://%s/%s: %w", n, b.bucket, key, err)
	}
	return aws.ToString(out.ETag), nil
}

// CompleteMultipart joins the parts into the object.
func (b *Blobs) CompleteMultipart(ctx context.Context, key, uploadID string, parts []audit.Part) error {
	done := make([]s3types.CompletedPart, len(parts))
	for i, p := range parts {
		done[i] = s3types.CompletedPart{PartNumber: aws.Int32(p.Number), ETag: aws.String(p.ETag)}
	}
	_, err := b.api.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{
		Bucket: &b.bucket, Key: &key, UploadId: &uploadID, MultipartUpload: &s3types.CompletedMultipartUpload{Parts: done},
	})
	if err != nil {
		return fmt.Errorf("complete s3://%s/%s: %w", b.bucket, key, err)
	}
	return nil
}

// AbortMultipart discards an upload and its parts.
func (b *Blobs) AbortMultipart(ctx context.Context, key, uploadID string) error {
	_, err := b.api.AbortMultipartUpload(ctx, &s3.AbortMultipartUploadInput{Bucket: &b.bucket, Key: &key, UploadId: &uploadID})
	if err != nil {
		return fmt.Errorf("abort upload s3://%s/%s: %w", b.bucket, key, err)
	}
	return nil
}

// PutBytes uploads a small object.
func (b *Blobs) PutBytes(ctx context.Context, key string, body []byte, ct string) error {
	return b.put(ctx, key, bytes.NewReader(body), int64(len(body)), ct)
}

// Open streams an object; audit.ErrNotFound if absent.
func (b *Blobs) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	out, err := b.api.GetObject(ctx, &s3.GetObjectInput{Bucket: &b.bucket, Key: &key})
	var nsk *s3types.NoSuchKey
	if errors.As(err, &nsk) {
		return nil, fmt.Errorf("%w: %s", audit.ErrNotFound, key)
	}
	if err != nil {
		return nil, fmt.Errorf("get s3://%s/%s: %w", b.bucket, key, err)
	}
	return out.Body, nil
}

var _ audit.Opener = (*Blobs)(nil)

// GetBytes reads a small object; audit.ErrNotFound if absent.
func (b *Blobs) GetBytes(ctx context.Context, key string) ([]byte, error) {
	return getBytes(ctx, b.api, b.bucket, key, 64<<20)
}

// Presign returns a GET URL valid for ttl.
func (b *Blobs) Presign(ctx context.Context, key string, ttl time.Duration) (string, error) {
	req, err := b.presign.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: &b.bucket, Key: &key}, s3.WithPresignExpires(ttl))
	if err != nil {
		return "", fmt.Errorf("presign s3://%s/%s: %w", b.bucket, key, err)
	}
	return req.URL, nil
}

func getBytes(ctx context.Context, api S3API, bucket, key string, limit int64) ([]byte, error) {
	out, err := api.GetObject(ctx, &s3.GetObjectInput{Bucket: &bucket, Key: &key})
	var nsk *s3types.NoSuchKey
	if errors.As(err, &nsk) {
		return nil, fmt.Errorf("%w: %s", audit.ErrNotFound, key)
	}
	if err != nil {
		return nil, fmt.Errorf("get s3://%s/%s: %w", bucket, key, err)
	}
	defer out.Body.Close()
	if n := aws.ToInt64(out.ContentLength); n > 0 && n <= limit {
		// One allocation of the known size: io.ReadAll's doubling would
		// allocate a bundle's size twice more in garbage.
		body := make([]byte, n)
		if _, err := io.ReadFull(out.Body, body); err != nil {
			return nil, fmt.Errorf("read s3://%s/%s: %w", bucket, key, err)
		}
		return body, nil
	}
	body, err := io.ReadAll(io.LimitReader(out.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read s3://%s/%s: %w", bucket, key, err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("s3://%s/%s is larger than %d bytes", bucket, key, limit)
	}
	return body, nil
}

// RequestPrefix is where POST /v1/packages drops build requests; the
// bucket notifies the packager function of each (an asynchronous invoke).
const RequestPrefix = "requests/"

// RequestKey is a build request's key: requests/<tenant>/<id>.json.
func RequestKey(tenant, id string) string { return RequestPrefix + tenant + "/" + id + ".json" }

// ParseRequestKey reads tenant and id back from a request key.
func ParseRequestKey(key string) (tenant, id string, ok bool) {
	rest, ok := strings.CutPrefix(key, RequestPrefix)
	if !ok {
		return "", "", false
	}
	rest, ok = strings.CutSuffix(rest, ".json")
	i := strings.LastIndexByte(rest, '/')
	if !ok || i <= 0 || i == len(rest)-1 {
		return "", "", false
	}
	return rest[:i], rest[i+1:], true
}

// Trigger starts builds by writing a request object.
type Trigger struct{ Blobs *Blobs }

var _ audit.Trigger = Trigger{}

// Requested writes the build request.
func (t Trigger) Requested(ctx context.Context, tenant, id string) error {
	body, _ := json.Marshal(map[string]string{"tenant": tenant, "id": id})
	return t.Blobs.PutBytes(ctx, RequestKey(tenant, id), body, "application/json")
}

// Done removes a processed request.
func (b *Blobs) Done(ctx context.Context, key string) error {
	_, err := b.api.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &b.bucket, Key: &key})
	if err != nil {
		return fmt.Errorf("delete s3://%s/%s: %w", b.bucket, key, err)
	}
	return nil
}

// Pending lists request keys (the local system's stand-in for S3 event
// notifications).
func (b *Blobs) Pending(ctx context.Context) ([]string, error) {
	return listKeys(ctx, b.api, b.bucket, RequestPrefix, "")
}

func listKeys(ctx context.Context, api S3API, bucket, prefix, after string) ([]string, error) {
	var keys []string
	in := &s3.ListObjectsV2Input{Bucket: &bucket, Prefix: &prefix}
	if after != "" {
		in.StartAfter = &after
	}
	p := s3.NewListObjectsV2Paginator(api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list s3://%s/%s: %w", bucket, prefix, err)
		}
		for _, o := range page.Contents {
			keys = append(keys, aws.ToString(o.Key))
		}
	}
	return keys, nil
}

// ChainLister lists archived chains (the archive's registry).
type ChainLister interface {
	Chains(ctx context.Context) ([]string, error)
}

// Archive reads bundles and their manifests from the archive bucket.
type Archive struct {
	api    S3API
	bucket string
	chains ChainLister
}

var _ audit.BundleSource = (*Archive)(nil)

// NewArchive returns the adapter.
func NewArchive(api S3API, bucket string, chains ChainLister) *Archive {
	return &Archive{api: api, bucket: bucket, chains: chains}
}

// Chains lists the tenant's archived chains.
func (a *Archive) Chains(ctx context.Context, tenant string) ([]string, error) {
	all, err := a.chains.Chains(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range all {
		if strings.HasPrefix(c, tenant+"/") && !strings.Contains(c[len(tenant)+1:], "/") {
			out = append(out, c)
		}
	}
	return out, nil
}

// Manifests lists chain's bundle manifests from seq from, in seq order.
// Keys carry zero-padded seqs, so listing after the key of seq from-1
// skips everything already packaged.
func (a *Archive) Manifests(ctx context.Context, chain string, from int64) ([]archive.Manifest, error) {
	return a.ManifestsRange(ctx, chain, from, -1)
}

// ManifestsRange is Manifests of the bundles that begin at seq to or
// before (to < 0: all): a fan-out worker lists its range, not the rest of
// the chain.
func (a *Archive) ManifestsRange(ctx context.Context, chain string, from, to int64) ([]archive.Manifest, error) {
	prefix, err := archive.ChainPrefix(chain)
	if err != nil {
		return nil, err
	}
	after := ""
	if from > 0 {
		after = fmt.Sprintf("%s%018d", prefix, from)
	}
	until := "" // keys sort by first seq: stop past the one beginning after to
	if to >= 0 {
		until = fmt.Sprintf("%s%018d", prefix, to+1)
	}
	var mkeys []string
	in := &s3.ListObjectsV2Input{Bucket: &a.bucket, Prefix: &prefix}
	if after != "" {
		in.StartAfter = &after
	}
	p := s3.NewListObjectsV2Paginator(a.api, in)
pages:
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list s3://%s/%s: %w", a.bucket, prefix, err)
		}
		for _, o := range page.Contents {
			k := aws.ToString(o.Key)
			if until != "" && k >= until {
				break pages
			}
			if strings.HasSuffix(k, ".manifest.json") {
				mkeys = append(mkeys, k)
			}
		}
	}
	// A manifest is a few hundred bytes: the time is the round trip, so
	// they are read ManifestReaders at a time (10,000 one after another
	// would be minutes on S3).
	ms := make([]archive.Manifest, len(mkeys))
	errs := make([]error, len(mkeys))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(ManifestReaders, len(mkeys)) {
		wg.Go(func() {
			for i := range work {
				body, err := getBytes(ctx, a.api, a.bucket, mkeys[i], 1<<20)
				if err == nil {
					if err = json.Unmarshal(body, &ms[i]); err != nil {
						err = fmt.Errorf("manifest %s: %w", mkeys[i], err)
					}
				}
				errs[i] = err
			}
		})
	}
	for i := range mkeys {
		work <- i
	}
	close(work)
	wg.Wait()
	var out []archive.Manifest
	for i, m := range ms {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if m.FirstSeq >= from {
			out = append(out, m)
		}
	}
	return out, nil
}

// ManifestReaders is how many bundle manifests Archive.Manifests reads at
// once.
const ManifestReaders = 16

// Bundle reads a bundle.
func (a *Archive) Bundle(ctx context.Context, key string) ([]byte, error) {
	return getBytes(ctx, a.api, a.bucket, key, 1<<30)
}
