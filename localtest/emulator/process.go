package emulator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Process is one running emulator child.
type Process struct {
	Name     string // "dynamodb", "s3", "sns", "kms"
	Endpoint string // http://127.0.0.1:PORT
	PID      int
	Dir      string // fresh data dir, removed by Stop unless Options.KeepData
	LogPath  string // stdout+stderr of the child

	cmd         *exec.Cmd
	logFile     *os.File
	done        chan struct{} // closed once the child is reaped
	waitErr     error
	keepData    bool
	stopTimeout time.Duration
	stopOnce    sync.Once
	stopErr     error
	log         *slog.Logger
}

// Options tune how emulators start. The zero value is ready to use.
type Options struct {
	// Dir is where each emulator gets its own fresh data dir. Empty means the
	// system temp dir.
	Dir string
	// Region the clients and emulators agree on; default us-east-1.
	Region string
	// StartTimeout bounds each start (after any install) to ready; default 90s, because
	// the JVM under a loaded 2-core machine can take many seconds.
	StartTimeout time.Duration
	// StopTimeout is how long Stop waits after SIGTERM before SIGKILL; default 5s.
	StopTimeout time.Duration
	// KeepData leaves data dirs and logs in place after Stop, for debugging.
	KeepData bool
	// Logger receives start/stop events; default slog.Default().
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Region == "" {
		o.Region = DefaultRegion
	}
	if o.StartTimeout == 0 {
		o.StartTimeout = 90 * time.Second
	}
	if o.StopTimeout == 0 {
		o.StopTimeout = 5 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// DefaultRegion is the region every emulator and client uses unless told otherwise.
const DefaultRegion = "us-east-1"

// spawnReq asks the spawner thread to start a command.
type spawnReq struct {
	cmd *exec.Cmd
	res chan error
}

var (
	spawnOnce sync.Once
	spawnCh   chan spawnReq
)

// spawn starts cmd from one OS thread that never exits. Pdeathsig fires when
// the *thread* that forked the child dies, not the process; Go may retire
// idle threads, which would kill a healthy child at a random moment. A
// goroutine locked to its thread for the life of the process avoids that.
func spawn(cmd *exec.Cmd) error {
	spawnOnce.Do(func() {
		spawnCh = make(chan spawnReq)
		go func() {
			runtime.LockOSThread() // never unlocked: the thread must outlive every child
			for req := range spawnCh {
				req.res <- req.cmd.Start()
			}
		}()
	})
	res := make(chan error, 1)
	spawnCh <- spawnReq{cmd: cmd, res: res}
	return <-res
}

// childSpec describes how to launch one emulator.
type childSpec struct {
	name string
	path string
	args []string
	env  []string // added to a minimal environment
	dir  string   // data dir, already created
}

// startChild launches spec with its output in dir/NAME.log, in its own
// process group, with SIGKILL as parent-death signal.
func startChild(spec childSpec, opt Options) (*Process, error) {
	logPath := filepath.Join(spec.dir, spec.name+".log")
	lf, err := os.Create(logPath)
	if err != nil {
		return nil, fmt.Errorf("start %s: create log: %w", spec.name, err)
	}
	cmd := exec.Command(spec.path, spec.args...)
	cmd.Dir = spec.dir
	cmd.Stdout = lf
	cmd.Stderr = lf
	cmd.Stdin = nil
	cmd.Env = append(baseEnv(), spec.env...)
	cmd.SysProcAttr = childAttr()
	if err := spawn(cmd); err != nil {
		lf.Close()
		if !opt.KeepData {
			_ = os.RemoveAll(spec.dir)
		}
		return nil, fmt.Errorf("start %s (%s): %w", spec.name, spec.path, err)
	}
	p := &Process{
		Name:        spec.name,
		PID:         cmd.Process.Pid,
		Dir:         spec.dir,
		LogPath:     logPath,
		cmd:         cmd,
		logFile:     lf,
		done:        make(chan struct{}),
		keepData:    opt.KeepData,
		stopTimeout: opt.StopTimeout,
		log:         opt.Logger,
	}
	track(p)
	go func() {
		p.waitErr = cmd.Wait()
		lf.Close()
		close(p.done)
	}()
	return p, nil
}

// baseEnv passes the child only what it needs, so a developer's real AWS
// credentials or endpoint overrides never leak into an emulator.
func baseEnv() []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "LANG", "JAVA_HOME"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// exited reports whether the child is gone, and why.
func (p *Process) exited() (bool, error) {
	select {
	case <-p.done:
		return true, p.waitErr
	default:
		return false, nil
	}
}

// Stop sends SIGTERM to the child's process group, waits up to the stop
// timeout, then SIGKILLs the group and waits for the child to be reaped.
// It is safe to call more than once.
func (p *Process) Stop() error {
	if p == nil {
		return nil
	}
	p.stopOnce.Do(func() { p.stopErr = p.stop(p.stopTimeout) })
	return p.stopErr
}

func (p *Process) stop(grace time.Duration) error {
	defer untrack(p)
	// Negative pid = the whole process group, so helpers a child may fork go too.
	_ = syscall.Kill(-p.PID, syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(grace):
		p.log.Warn("emulator ignored SIGTERM, killing", "name", p.Name, "pid", p.PID)
		_ = syscall.Kill(-p.PID, syscall.SIGKILL)
		select {
		case <-p.done:
		case <-time.After(10 * time.Second):
			return fmt.Errorf("stop %s pid %d: not reaped 10s after SIGKILL", p.Name, p.PID)
		}
	}
	// A group member that survived its leader would keep a port: sweep it.
	_ = syscall.Kill(-p.PID, syscall.SIGKILL)
	p.log.Debug("emulator stopped", "name", p.Name, "pid", p.PID)
	if !p.keepData {
		if err := os.RemoveAll(p.Dir); err != nil {
			return fmt.Errorf("stop %s: remove data dir: %w", p.Name, err)
		}
	}
	return nil
}

// LogTail returns the last n lines of the child's output.
func (p *Process) LogTail(n int) string {
	b, err := os.ReadFile(p.LogPath)
	if err != nil {
		return fmt.Sprintf("(no log: %v)", err)
	}
	if len(b) > 64<<10 {
		b = b[len(b)-64<<10:]
	}
	lines := bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}

// failStart stops a child that did not become ready and returns an error
// carrying the tail of its log, which is nearly always where the cause is.
func (p *Process) failStart(cause error) error {
	keep := p.keepData
	p.keepData = true // keep the log readable until we have copied the tail
	tail := p.LogTail(40)
	_ = p.Stop()
	if !keep {
		_ = os.RemoveAll(p.Dir)
	}
	err := fmt.Errorf("start %s (pid %d): %w\n--- last lines of %s ---\n%s", p.Name, p.PID, cause, p.LogPath, tail)
	p.log.Error("emulator failed to start", "name", p.Name, "pid", p.PID, "err", cause, "log_tail", tail)
	return err
}

// waitListening polls /proc until the child listens on exactly one TCP
// address (the kernel-chosen port), and returns it. That port discovery is
// race-free: no free port is guessed up front for another process to take.
func (p *Process) waitListening(ctx context.Context) (netip.AddrPort, error) {
	for {
		if gone, err := p.exited(); gone {
			return netip.AddrPort{}, fmt.Errorf("exited before listening: %v", err)
		}
		addrs, err := ListeningAddrs(p.PID)
		if err == nil && len(addrs) > 0 {
			if len(addrs) > 1 {
				return netip.AddrPort{}, fmt.Errorf("listens on %d addresses %v, want one", len(addrs), addrs)
			}
			return addrs[0], nil
		}
		if err := sleepCtx(ctx, 20*time.Millisecond); err != nil {
			return netip.AddrPort{}, fmt.Errorf("waiting for a listening socket: %w", err)
		}
	}
}

// waitReady calls probe until it succeeds, the child exits or ctx ends.
func (p *Process) waitReady(ctx context.Context, probe func(context.Context) error) error {
	var last error
	for {
		if gone, err := p.exited(); gone {
			return fmt.Errorf("exited before ready: %v", err)
		}
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		last = probe(pctx)
		cancel()
		if last == nil {
			return nil
		}
		if err := sleepCtx(ctx, 50*time.Millisecond); err != nil {
			return fmt.Errorf("not ready: %w (last probe: %v)", err, last)
		}
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// newDataDir makes a fresh dir for one emulator instance.
func newDataDir(opt Options, name string) (string, error) {
	if opt.Dir != "" {
		if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
			return "", fmt.Errorf("create emulator dir: %w", err)
		}
	}
	sweepOnce.Do(func() { sweepStale(opt.Dir, time.Now()) })
	dir, err := os.MkdirTemp(opt.Dir, dataDirPrefix+name+"-")
	if err != nil {
		return "", fmt.Errorf("create %s data dir: %w", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return "", fmt.Errorf("create %s data dir: %w", name, err)
	}
	return dir, nil
}

const (
	dataDirPrefix = "agentgate-"
	ownerFile     = ".owner"
)

var sweepOnce sync.Once

// sweepStale removes data dirs left by a process that was SIGKILLed (its
// children died with it, by Pdeathsig, but nobody ran Stop to delete their
// dirs). A dir is stale when the PID in its owner file no longer exists;
// young dirs are skipped so a dir being created is never raced.
func sweepStale(parent string, now time.Time) {
	if parent == "" {
		parent = os.TempDir()
	}
	dirs, _ := filepath.Glob(filepath.Join(parent, dataDirPrefix+"*-*"))
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, ownerFile))
		if err != nil {
			continue // not ours, or still being created
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || pid <= 0 || Exists(pid) {
			continue
		}
		if fi, err := os.Stat(d); err != nil || now.Sub(fi.ModTime()) < time.Minute {
			continue
		}
		_ = os.RemoveAll(d)
	}
}

// readPortFile waits for a child that reports its own port through a file.
func (p *Process) readPortFile(ctx context.Context, path string) (string, error) {
	for {
		b, err := os.ReadFile(path)
		if err == nil {
			return strings.TrimSpace(string(b)), nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("read port file: %w", err)
		}
		if gone, werr := p.exited(); gone {
			return "", fmt.Errorf("exited before listening: %v", werr)
		}
		if err := sleepCtx(ctx, 20*time.Millisecond); err != nil {
			return "", fmt.Errorf("waiting for port file: %w", err)
		}
	}
}
