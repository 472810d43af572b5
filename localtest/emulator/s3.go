package emulator

import (
	"context"
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
	p, err := launch{
		name: "s3", comp: compS3, path: Paths.Versitygw, subdirs: []string{"data", "versions"},
		args: func(dir string) []string {
			return []string{
				"--port", "127.0.0.1:0",
				"--access", AccessKey,
				"--secret", SecretKey,
				"--region", opt.Region,
				"--quiet",
				"posix",
				"--versioning-dir", filepath.Join(dir, "versions"),
				filepath.Join(dir, "data"),
			}
		},
		probe: func(endpoint string) func(context.Context) error {
			client := s3.NewFromConfig(Config(opt.Region), S3Options(endpoint), func(o *s3.Options) { o.RetryMaxAttempts = 1 })
			return func(ctx context.Context) error {
				// A signed call: proves the gateway is up and accepts our keys.
				_, err := client.ListBuckets(ctx, &s3.ListBucketsInput{})
				return err
			}
		},
	}.start(ctx, opt)
	if err != nil {
		return nil, err
	}
	return &S3{Process: p, AccessKey: AccessKey, SecretKey: SecretKey, Region: opt.Region}, nil
}
