package emulator

import (
	"context"
	"path/filepath"

	"github.com/aws/aws-sdk-go-v2/service/kms"
)

// StartKMS starts local-kms served in-process by the tools main behind a
// 127.0.0.1 listener, with a fresh key database and the client's region in
// its ARNs.
func StartKMS(ctx context.Context, opt Options) (*Process, error) {
	opt = opt.withDefaults()
	return launch{
		name: "kms", comp: compGoTools, path: Paths.LocalKMS, subdirs: []string{"db"},
		args: func(dir string) []string {
			return []string{"-addr", "127.0.0.1:0", "-data", filepath.Join(dir, "db"), "-region", opt.Region}
		},
		probe: func(endpoint string) func(context.Context) error {
			client := kms.NewFromConfig(Config(opt.Region), KMSOptions(endpoint), func(o *kms.Options) { o.RetryMaxAttempts = 1 })
			return func(ctx context.Context) error {
				_, err := client.ListKeys(ctx, &kms.ListKeysInput{})
				return err
			}
		},
	}.start(ctx, opt)
}
