package emulator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// launch is what the Go-built emulators share: install if needed (not
// counted against StartTimeout, a cold build can take minutes), a fresh data
// dir with its subdirectories, the child on 127.0.0.1:0, the port read from
// /proc, and readiness proven by a real call (probe, given the endpoint).
type launch struct {
	name    string
	comp    string
	path    func(Paths) string
	subdirs []string
	// prepare, if set, writes the child's files into its data dir.
	prepare func(dir string) error
	args    func(dir string) []string
	probe   func(endpoint string) func(context.Context) error
}

func (l launch) start(ctx context.Context, opt Options) (*Process, error) {
	paths, err := ensure(ctx, l.comp)
	if err != nil {
		return nil, fmt.Errorf("start %s: %w", l.name, err)
	}
	ctx, cancel := context.WithTimeout(ctx, opt.StartTimeout)
	defer cancel()
	dir, err := newDataDir(opt, l.name)
	if err != nil {
		return nil, err
	}
	for _, d := range l.subdirs {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			return nil, fmt.Errorf("start %s: %w", l.name, err)
		}
	}
	if l.prepare != nil {
		if err := l.prepare(dir); err != nil {
			return nil, fmt.Errorf("start %s: %w", l.name, err)
		}
	}
	p, err := startChild(childSpec{name: l.name, path: l.path(paths), args: l.args(dir), dir: dir}, opt)
	if err != nil {
		return nil, err
	}
	ap, err := p.waitListening(ctx)
	if err != nil {
		return nil, p.failStart(err)
	}
	p.Endpoint = "http://" + ap.String()
	if err := p.waitReady(ctx, l.probe(p.Endpoint)); err != nil {
		return nil, p.failStart(err)
	}
	opt.Logger.Info("emulator ready", "name", p.Name, "pid", p.PID, "endpoint", p.Endpoint)
	return p, nil
}
