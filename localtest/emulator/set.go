package emulator

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// Service names one emulator, for starting only what a test package needs.
type Service string

// The emulated services.
const (
	Dynamo Service = "dynamodb" // DynamoDB and DynamoDB Streams
	S3Svc  Service = "s3"
	SNS    Service = "sns"
	KMS    Service = "kms"
)

// AllServices lists every emulator, in start order.
var AllServices = []Service{Dynamo, S3Svc, SNS, KMS}

// Set is a group of running emulators. Fields of services not started are nil.
type Set struct {
	Dynamo *Process
	S3     *S3
	SNS    *Process
	KMS    *Process
	Region string
}

// StartAll starts all four emulators.
func StartAll(ctx context.Context, opt Options) (*Set, error) {
	return Start(ctx, opt, AllServices...)
}

// Start starts the named emulators concurrently (the JVM dominates, the Go
// ones start meanwhile). If any fails, the others are stopped and the
// errors, each with its log tail, are returned together.
func Start(ctx context.Context, opt Options, services ...Service) (*Set, error) {
	opt = opt.withDefaults()
	want := map[Service]bool{}
	for _, s := range services {
		switch s {
		case Dynamo, S3Svc, SNS, KMS:
			want[s] = true
		default:
			return nil, fmt.Errorf("start emulators: unknown service %q", s)
		}
	}
	// Install once up front so parallel starts do not queue on the lock
	// one step at a time.
	var comps []string
	if want[Dynamo] {
		comps = append(comps, compDynamo)
	}
	if want[S3Svc] {
		comps = append(comps, compS3)
	}
	if want[SNS] || want[KMS] {
		comps = append(comps, compGoTools)
	}
	if _, err := ensure(ctx, comps...); err != nil {
		return nil, fmt.Errorf("start emulators: %w", err)
	}

	set := &Set{Region: opt.Region}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	run := func(s Service, start func() error) {
		if !want[s] {
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := start(); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	run(Dynamo, func() (err error) { set.Dynamo, err = StartDynamo(ctx, opt); return })
	run(S3Svc, func() (err error) { set.S3, err = StartS3(ctx, opt); return })
	run(SNS, func() (err error) { set.SNS, err = StartSNS(ctx, opt); return })
	run(KMS, func() (err error) { set.KMS, err = StartKMS(ctx, opt); return })
	wg.Wait()
	if len(errs) > 0 {
		_ = set.Stop()
		return nil, errors.Join(errs...)
	}
	return set, nil
}

// Processes returns the running children of the set.
func (s *Set) Processes() []*Process {
	var out []*Process
	if s == nil {
		return out
	}
	for _, p := range []*Process{s.Dynamo, s.s3Proc(), s.SNS, s.KMS} {
		if p != nil {
			out = append(out, p)
		}
	}
	return out
}

func (s *Set) s3Proc() *Process {
	if s.S3 == nil {
		return nil
	}
	return s.S3.Process
}

// PIDs returns the PID of every child, so a test can prove they are gone.
func (s *Set) PIDs() []int {
	var pids []int
	for _, p := range s.Processes() {
		pids = append(pids, p.PID)
	}
	return pids
}

// Stop stops every child concurrently and waits for all of them.
func (s *Set) Stop() error {
	procs := s.Processes()
	errs := make([]error, len(procs))
	var wg sync.WaitGroup
	for i, p := range procs {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = p.Stop() }()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// AWSConfig is Config(region) for this set: static credentials the
// emulators accept, nothing read from the environment.
func (s *Set) AWSConfig(_ context.Context) aws.Config { return Config(s.Region) }

// DynamoClient returns a DynamoDB client for DynamoDB Local.
func (s *Set) DynamoClient(optFns ...func(*dynamodb.Options)) *dynamodb.Client {
	return dynamodb.NewFromConfig(Config(s.Region), append([]func(*dynamodb.Options){DynamoOptions(s.Dynamo.Endpoint)}, optFns...)...)
}

// StreamsClient returns a DynamoDB Streams client for DynamoDB Local.
func (s *Set) StreamsClient(optFns ...func(*dynamodbstreams.Options)) *dynamodbstreams.Client {
	return dynamodbstreams.NewFromConfig(Config(s.Region), append([]func(*dynamodbstreams.Options){StreamsOptions(s.Dynamo.Endpoint)}, optFns...)...)
}

// S3Client returns a path-style S3 client for versitygw.
func (s *Set) S3Client(optFns ...func(*s3.Options)) *s3.Client {
	return s3.NewFromConfig(Config(s.Region), append([]func(*s3.Options){S3Options(s.S3.Endpoint)}, optFns...)...)
}

// SNSClient returns an SNS client for goaws.
func (s *Set) SNSClient(optFns ...func(*sns.Options)) *sns.Client {
	return sns.NewFromConfig(Config(s.Region), append([]func(*sns.Options){SNSOptions(s.SNS.Endpoint)}, optFns...)...)
}

// KMSClient returns a KMS client for local-kms.
func (s *Set) KMSClient(optFns ...func(*kms.Options)) *kms.Client {
	return kms.NewFromConfig(Config(s.Region), append([]func(*kms.Options){KMSOptions(s.KMS.Endpoint)}, optFns...)...)
}

// Env returns the environment that points code calling
// config.LoadDefaultConfig at these emulators with no code change: static
// credentials, region and AWS_ENDPOINT_URL_<SERVICE> per started service.
// S3 still needs UsePathStyle set in code; no variable sets it.
func (s *Set) Env() []string {
	env := []string{
		"AWS_ACCESS_KEY_ID=" + AccessKey,
		"AWS_SECRET_ACCESS_KEY=" + SecretKey,
		"AWS_REGION=" + s.Region,
		"AWS_EC2_METADATA_DISABLED=true",
	}
	if s.Dynamo != nil {
		env = append(env, "AWS_ENDPOINT_URL_DYNAMODB="+s.Dynamo.Endpoint, "AWS_ENDPOINT_URL_DYNAMODB_STREAMS="+s.Dynamo.Endpoint)
	}
	if s.S3 != nil {
		env = append(env, "AWS_ENDPOINT_URL_S3="+s.S3.Endpoint)
	}
	if s.SNS != nil {
		env = append(env, "AWS_ENDPOINT_URL_SNS="+s.SNS.Endpoint)
	}
	if s.KMS != nil {
		env = append(env, "AWS_ENDPOINT_URL_KMS="+s.KMS.Endpoint)
	}
	return env
}
