package emulator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// S3 is a running versitygw with the credentials it checks signatures against.
type S3 struct {
	*Process
	AccessKey string
	SecretKey string
	Region    string
}

// StartS3 starts versitygw with its posix backend in a fresh dir, with a
// versioning dir so bucket versioning and Object Lock work. It verifies
// SigV4 signatures and presigned expiry with AccessKey/SecretKey.
func StartS3(ctx context.Context, opt Options) (*S3, error) {
	opt = opt.withDefaults()
	// Installing may compile for minutes on a cold cache; only the start
	// itself is bounded by StartTimeout.
	paths, err := ensure(ctx, compS3)
	if err != nil {
		return nil, fmt.Errorf("start s3: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, opt.StartTimeout)
	defer cancel()
	dir, err := newDataDir(opt, "s3")
	if err != nil {
		return nil, err
	}
	data := filepath.Join(dir, "data")
	versions := filepath.Join(dir, "versions")
	for _, d := range []string{data, versions} {
		if err := os.Mkdir(d, 0o755); err != nil {
			return nil, fmt.Errorf("start s3: %w", err)
		}
	}
	args := []string{
		"--port", "127.0.0.1:0",
		"--access", AccessKey,
		"--secret", SecretKey,
		"--region", opt.Region,
		"--quiet",
		"posix",
		"--versioning-dir", versions,
		data,
	}
	p, err := startChild(childSpec{name: "s3", path: paths.Versitygw(), args: args, dir: dir}, opt)
	if err != nil {
		return nil, err
	}
	ap, err := p.waitListening(ctx)
	if err != nil {
		return nil, p.failStart(err)
	}
	p.Endpoint = "http://" + ap.String()
	s := &S3{Process: p, AccessKey: AccessKey, SecretKey: SecretKey, Region: opt.Region}
	client := s3.NewFromConfig(Config(opt.Region), S3Options(p.Endpoint), func(o *s3.Options) { o.RetryMaxAttempts = 1 })
	probe := func(ctx context.Context) error {
		// A signed call: proves the gateway is up and accepts our keys.
		_, err := client.ListBuckets(ctx, &s3.ListBucketsInput{})
		return err
	}
	if err := p.waitReady(ctx, probe); err != nil {
		return nil, p.failStart(err)
	}
	opt.Logger.Info("emulator ready", "name", p.Name, "pid", p.PID, "endpoint", p.Endpoint)
	return s, nil
}
