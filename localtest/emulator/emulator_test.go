package emulator_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	streamtypes "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/emulator"
)

// TestEmulators starts all four emulators once, proves each answers real
// SDK v2 calls with the features the project relies on, proves every
// listening socket of every child is on 127.0.0.1, then stops the set and
// proves every child is gone and reaped.
func TestEmulators(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()

	start := time.Now()
	set, err := emulator.StartAll(ctx, emulator.Options{})
	require.NoError(t, err)
	t.Logf("all four emulators ready in %s", time.Since(start).Round(time.Millisecond))
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			_ = set.Stop()
		}
	})
	pids := set.PIDs()
	require.Len(t, pids, 4)

	t.Run("dynamodb streams", func(t *testing.T) { testDynamoStreams(ctx, t, set) })
	t.Run("s3 object lock", func(t *testing.T) { testS3ObjectLock(ctx, t, set) })
	t.Run("sns topic and http delivery", func(t *testing.T) { testSNS(ctx, t, set) })
	t.Run("kms ecc sign", func(t *testing.T) { testKMS(ctx, t, set) })

	t.Run("every listening socket is on 127.0.0.1", func(t *testing.T) {
		for _, p := range set.Processes() {
			addrs, err := emulator.ListeningAddrs(p.PID)
			require.NoError(t, err, p.Name)
			require.NotEmpty(t, addrs, "%s (pid %d) listens on nothing", p.Name, p.PID)
			for _, a := range addrs {
				assert.Equal(t, "127.0.0.1", a.Addr().String(), "%s (pid %d) listens on %s", p.Name, p.PID, a)
			}
			assert.True(t, strings.HasSuffix(p.Endpoint, ":"+itoa(int(addrs[0].Port()))), "%s endpoint %s vs %v", p.Name, p.Endpoint, addrs)
		}
	})

	stopStart := time.Now()
	require.NoError(t, set.Stop())
	stopped = true
	t.Logf("all four stopped in %s", time.Since(stopStart).Round(time.Millisecond))
	for _, pid := range pids {
		assert.False(t, emulator.Alive(pid), "pid %d still running", pid)
		assert.False(t, emulator.Zombie(pid), "pid %d is a zombie: not reaped", pid)
		assert.False(t, emulator.Exists(pid), "pid %d still in /proc", pid)
	}
	for _, p := range set.Processes() {
		conn, err := net.DialTimeout("tcp", strings.TrimPrefix(p.Endpoint, "http://"), time.Second)
		if err == nil {
			conn.Close()
		}
		assert.Error(t, err, "%s endpoint still accepts connections after Stop", p.Name)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func testDynamoStreams(ctx context.Context, t *testing.T, set *emulator.Set) {
	db := set.DynamoClient()
	table := "emulator-test"
	out, err := db.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:            aws.String(table),
		AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: ddbtypes.ScalarAttributeTypeS}},
		KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: ddbtypes.KeyTypeHash}},
		BillingMode:          ddbtypes.BillingModePayPerRequest,
		StreamSpecification: &ddbtypes.StreamSpecification{
			StreamEnabled:  aws.Bool(true),
			StreamViewType: ddbtypes.StreamViewTypeNewImage,
		},
	})
	require.NoError(t, err)
	streamARN := aws.ToString(out.TableDescription.LatestStreamArn)
	require.NotEmpty(t, streamARN)

	// A conditional transactional write: the feature the evidence chain needs.
	_, err = db.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []ddbtypes.TransactWriteItem{{
		Put: &ddbtypes.Put{
			TableName:           aws.String(table),
			Item:                map[string]ddbtypes.AttributeValue{"pk": &ddbtypes.AttributeValueMemberS{Value: "a"}},
			ConditionExpression: aws.String("attribute_not_exists(pk)"),
		},
	}}})
	require.NoError(t, err)

	streams := set.StreamsClient()
	desc, err := streams.DescribeStream(ctx, &dynamodbstreams.DescribeStreamInput{StreamArn: aws.String(streamARN)})
	require.NoError(t, err)
	assert.Equal(t, streamtypes.StreamStatusEnabled, desc.StreamDescription.StreamStatus)
	require.NotEmpty(t, desc.StreamDescription.Shards)

	it, err := streams.GetShardIterator(ctx, &dynamodbstreams.GetShardIteratorInput{
		StreamArn:         aws.String(streamARN),
		ShardId:           desc.StreamDescription.Shards[0].ShardId,
		ShardIteratorType: streamtypes.ShardIteratorTypeTrimHorizon,
	})
	require.NoError(t, err)
	recs, err := streams.GetRecords(ctx, &dynamodbstreams.GetRecordsInput{ShardIterator: it.ShardIterator})
	require.NoError(t, err)
	require.Len(t, recs.Records, 1)
	assert.Equal(t, streamtypes.OperationTypeInsert, recs.Records[0].EventName)
	pk, ok := recs.Records[0].Dynamodb.NewImage["pk"].(*streamtypes.AttributeValueMemberS)
	require.True(t, ok)
	assert.Equal(t, "a", pk.Value)
}

func testS3ObjectLock(ctx context.Context, t *testing.T, set *emulator.Set) {
	s3c := set.S3Client()
	bucket := "evidence-archive"
	_, err := s3c.CreateBucket(ctx, &s3.CreateBucketInput{
		Bucket:                     aws.String(bucket),
		ObjectLockEnabledForBucket: aws.Bool(true),
	})
	require.NoError(t, err)

	lock, err := s3c.GetObjectLockConfiguration(ctx, &s3.GetObjectLockConfigurationInput{Bucket: aws.String(bucket)})
	require.NoError(t, err)
	assert.Equal(t, s3types.ObjectLockEnabledEnabled, lock.ObjectLockConfiguration.ObjectLockEnabled)

	put, err := s3c.PutObject(ctx, &s3.PutObjectInput{
		Bucket:                    aws.String(bucket),
		Key:                       aws.String("bundles/acme/1.jsonl.gz"),
		Body:                      strings.NewReader("sealed"),
		ObjectLockMode:            s3types.ObjectLockModeCompliance,
		ObjectLockRetainUntilDate: aws.Time(time.Now().Add(24 * time.Hour)),
	})
	require.NoError(t, err)
	require.NotEmpty(t, aws.ToString(put.VersionId), "Object Lock implies versioning")

	_, err = s3c.DeleteObject(ctx, &s3.DeleteObjectInput{
		Bucket:    aws.String(bucket),
		Key:       aws.String("bundles/acme/1.jsonl.gz"),
		VersionId: put.VersionId,
	})
	require.Error(t, err, "deleting a retained version must be refused")
	var apiErr smithy.APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, "AccessDenied", apiErr.ErrorCode())

	got, err := s3c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String("bundles/acme/1.jsonl.gz")})
	require.NoError(t, err)
	body, _ := io.ReadAll(got.Body)
	got.Body.Close()
	assert.Equal(t, "sealed", string(body))

	// Signatures are checked: a client with the wrong secret is refused.
	bad := s3.NewFromConfig(emulator.Config(set.Region), emulator.S3Options(set.S3.Endpoint), func(o *s3.Options) {
		o.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: emulator.AccessKey, SecretAccessKey: "wrong"}, nil
		})
		o.RetryMaxAttempts = 1
	})
	_, err = bad.ListBuckets(ctx, &s3.ListBucketsInput{})
	require.Error(t, err)
}

func testSNS(ctx context.Context, t *testing.T, set *emulator.Set) {
	got := make(chan map[string]any, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m map[string]any
		if json.NewDecoder(r.Body).Decode(&m) == nil {
			got <- m
		}
	}))
	defer srv.Close()

	c := set.SNSClient()
	topic, err := c.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("control-alerts")})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sns:"+set.Region+":"+emulator.AccountID+":control-alerts", aws.ToString(topic.TopicArn))

	_, err = c.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("http"), Endpoint: aws.String(srv.URL)})
	require.NoError(t, err)
	_, err = c.Publish(ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Subject: aws.String("CC6.1"), Message: aws.String(`{"control":"CC6.1","to":"failing"}`)})
	require.NoError(t, err)

	deadline := time.After(10 * time.Second)
	for {
		select {
		case m := <-got:
			if m["Type"] != "Notification" {
				continue // goaws first posts a SubscriptionConfirmation
			}
			assert.Equal(t, `{"control":"CC6.1","to":"failing"}`, m["Message"])
			assert.Equal(t, aws.ToString(topic.TopicArn), m["TopicArn"])
			return
		case <-deadline:
			t.Fatal("no notification delivered to the HTTP subscriber")
		}
	}
}

func testKMS(ctx context.Context, t *testing.T, set *emulator.Set) {
	c := set.KMSClient()
	key, err := c.CreateKey(ctx, &kms.CreateKeyInput{
		KeySpec:  kmstypes.KeySpecEccNistP256,
		KeyUsage: kmstypes.KeyUsageTypeSignVerify,
	})
	require.NoError(t, err)
	assert.Contains(t, aws.ToString(key.KeyMetadata.Arn), ":kms:"+set.Region+":", "key ARN carries the client's region")

	digest := sha256.Sum256([]byte("checkpoint acme/3 size 412"))
	sig, err := c.Sign(ctx, &kms.SignInput{
		KeyId:            key.KeyMetadata.KeyId,
		Message:          digest[:],
		MessageType:      kmstypes.MessageTypeDigest,
		SigningAlgorithm: kmstypes.SigningAlgorithmSpecEcdsaSha256,
	})
	require.NoError(t, err)

	pub, err := c.GetPublicKey(ctx, &kms.GetPublicKeyInput{KeyId: key.KeyMetadata.KeyId})
	require.NoError(t, err)
	parsed, err := x509.ParsePKIXPublicKey(pub.PublicKey)
	require.NoError(t, err)
	ecPub, ok := parsed.(*ecdsa.PublicKey)
	require.True(t, ok, "public key is %T", parsed)
	assert.True(t, ecdsa.VerifyASN1(ecPub, digest[:], sig.Signature), "signature verifies offline with the public key")
	other := sha256.Sum256([]byte("something else"))
	assert.False(t, ecdsa.VerifyASN1(ecPub, other[:], sig.Signature))
}
