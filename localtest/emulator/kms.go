package emulator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aws/aws-sdk-go-v2/service/kms"
)

// StartKMS starts local-kms served in-process by the tools main behind a
// 127.0.0.1 listener, with a fresh key database and the client's region in
// its ARNs.
func StartKMS(ctx context.Context, opt Options) (*Process, error) {
	opt = opt.withDefaults()
	// Installing may compile for minutes on a cold cache; only the start
	// itself is bounded by StartTimeout.
	paths, err := ensure(ctx, compGoTools)
	if err != nil {
		return nil, fmt.Errorf("start kms: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, opt.StartTimeout)
	defer cancel()
	dir, err := newDataDir(opt, "kms")
	if err != nil {
		return nil, err
	}
	db := filepath.Join(dir, "db")
	if err := os.Mkdir(db, 0o755); err != nil {
		return nil, fmt.Errorf("start kms: %w", err)
	}
	args := []string{"-addr", "127.0.0.1:0", "-data", db, "-region", opt.Region}
	p, err := startChild(childSpec{name: "kms", path: paths.LocalKMS(), args: args, dir: dir}, opt)
	if err != nil {
		return nil, err
	}
	ap, err := p.waitListening(ctx)
	if err != nil {
		return nil, p.failStart(err)
	}
	p.Endpoint = "http://" + ap.String()
	client := kms.NewFromConfig(Config(opt.Region), KMSOptions(p.Endpoint), func(o *kms.Options) { o.RetryMaxAttempts = 1 })
	probe := func(ctx context.Context) error {
		_, err := client.ListKeys(ctx, &kms.ListKeysInput{})
		return err
	}
	if err := p.waitReady(ctx, probe); err != nil {
		return nil, p.failStart(err)
	}
	opt.Logger.Info("emulator ready", "name", p.Name, "pid", p.PID, "endpoint", p.Endpoint)
	return p, nil
}
