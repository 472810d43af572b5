package emulator

import (
	"bufio"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseProcAddr(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantErr        bool
	}{
		{name: "ipv4 loopback", in: "0100007F:1F90", want: "127.0.0.1:8080"},
		{name: "ipv4 any", in: "00000000:0050", want: "0.0.0.0:80"},
		{name: "ipv6 loopback", in: "00000000000000000000000001000000:0016", want: "[::1]:22"},
		{name: "ipv6 any", in: "00000000000000000000000000000000:0016", want: "[::]:22"},
		{name: "ipv4-mapped loopback reported as ipv4", in: "0000000000000000FFFF00000100007F:A0FC", want: "127.0.0.1:41212"},
		{name: "no colon", in: "0100007F", wantErr: true},
		{name: "bad hex", in: "ZZ00007F:0050", wantErr: true},
		{name: "bad length", in: "0100:0050", wantErr: true},
		{name: "bad port", in: "0100007F:XYZ", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseProcAddr(tt.in)
			if tt.wantErr {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

// ListeningAddrs must see a wildcard bind as such, or the loopback check in
// the emulator test could never fail.
func TestListeningAddrsSeesOwnSockets(t *testing.T) {
	loop, err := net.Listen("tcp4", "127.0.0.1:0")
	require.NoError(t, err)
	defer loop.Close()
	any4, err := net.Listen("tcp4", "0.0.0.0:0")
	require.NoError(t, err)
	defer any4.Close()

	addrs, err := ListeningAddrs(os.Getpid())
	require.NoError(t, err)
	assert.Contains(t, addrs, netip.MustParseAddrPort(loop.Addr().String()))
	assert.Contains(t, addrs, netip.AddrPortFrom(netip.IPv4Unspecified(), uint16(any4.Addr().(*net.TCPAddr).Port)))

	_, err = ListeningAddrs(1 << 30)
	assert.Error(t, err, "a pid that does not exist")
}

func TestFindRoot(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, body string) {
		p := filepath.Join(dir, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	write("go.mod", "// root\nmodule "+ModulePath+"\n\ngo 1.26\n")
	write("tools/go.mod", "module "+ModulePath+"/tools\n")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "tools", "goaws"), 0o755))
	write("other/go.mod", "module \"example.com/x\"\n")

	got, err := findRoot(filepath.Join(dir, "tools", "goaws"))
	require.NoError(t, err)
	assert.Equal(t, dir, got, "the nested tools module is skipped")

	got, err = findRoot(filepath.Join(dir, "other"))
	require.NoError(t, err)
	assert.Equal(t, dir, got)

	_, err = findRoot(t.TempDir())
	assert.ErrorContains(t, err, "no go.mod with module")
}

func shChild(t *testing.T, script string, opt Options) *Process {
	t.Helper()
	opt = opt.withDefaults()
	opt.Dir = t.TempDir()
	dir, err := newDataDir(opt, "sh")
	require.NoError(t, err)
	p, err := startChild(childSpec{name: "sh", path: "/bin/sh", args: []string{"-c", script}, dir: dir}, opt)
	require.NoError(t, err)
	return p
}

func TestStopEscalatesToSIGKILL(t *testing.T) {
	p := shChild(t, `trap '' TERM; echo up; while :; do sleep 0.05; done`, Options{StopTimeout: 300 * time.Millisecond})
	// Wait until the trap is installed, or SIGTERM could land first.
	require.Eventually(t, func() bool { return strings.Contains(p.LogTail(5), "up") }, 5*time.Second, 10*time.Millisecond)
	start := time.Now()
	require.NoError(t, p.Stop())
	took := time.Since(start)
	assert.GreaterOrEqual(t, took, 300*time.Millisecond, "SIGTERM was ignored, so Stop must have waited the grace period")
	assert.Less(t, took, 5*time.Second)
	assert.False(t, Exists(p.PID))
	_, err := os.Stat(p.Dir)
	assert.ErrorIs(t, err, os.ErrNotExist, "data dir removed")
}

func TestStopKillsWholeProcessGroup(t *testing.T) {
	p := shChild(t, `sleep 60 & echo $! > grandchild; wait`, Options{})
	var gpid int
	require.Eventually(t, func() bool {
		b, err := os.ReadFile(filepath.Join(p.Dir, "grandchild"))
		if err != nil || len(strings.TrimSpace(string(b))) == 0 {
			return false
		}
		gpid = atoiOr0(strings.TrimSpace(string(b)))
		return gpid > 0
	}, 5*time.Second, 10*time.Millisecond)
	require.True(t, Alive(gpid))
	require.NoError(t, p.Stop())
	assert.False(t, Exists(p.PID))
	// The grandchild is reparented to init (or a subreaper), which reaps it
	// asynchronously: give it a moment.
	assert.Eventually(t, func() bool { return !Alive(gpid) }, 2*time.Second, 10*time.Millisecond, "grandchild %d survived", gpid)
	require.NoError(t, p.Stop(), "a second Stop is harmless")
}

func TestFailStartReportsLogTail(t *testing.T) {
	p := shChild(t, `echo "boom: port in use" >&2; exit 3`, Options{})
	_, err := p.waitListening(t.Context())
	require.Error(t, err)
	err = p.failStart(err)
	assert.ErrorContains(t, err, "exit status 3")
	assert.ErrorContains(t, err, "boom: port in use", "the child's own words reach the caller")
	assert.False(t, Exists(p.PID))
	_, statErr := os.Stat(p.Dir)
	assert.ErrorIs(t, statErr, os.ErrNotExist)
}

func atoiOr0(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// TestChildDiesWithParent proves the parent-death signal: a helper process
// (this test binary re-executed) starts a child and is then SIGKILLed, so no
// deferred Stop can run; the kernel must kill the child anyway.
func TestChildDiesWithParent(t *testing.T) {
	if dir := os.Getenv("EMULATOR_TEST_PARENT_DIR"); dir != "" {
		// Not t.TempDir: this process is SIGKILLed and could not remove it.
		opt := Options{Dir: dir}.withDefaults()
		d, err := newDataDir(opt, "sh")
		require.NoError(t, err)
		p, err := startChild(childSpec{name: "sh", path: "/bin/sh", args: []string{"-c", `while :; do sleep 0.05; done`}, dir: d}, opt)
		require.NoError(t, err)
		fmt.Printf("CHILD %d\n", p.PID)
		time.Sleep(time.Minute) // wait to be killed
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildDiesWithParent$", "-test.v")
	cmd.Env = append(os.Environ(), "EMULATOR_TEST_PARENT_DIR="+t.TempDir())
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()

	var child int
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if n, ok := strings.CutPrefix(sc.Text(), "CHILD "); ok {
			child = atoiOr0(n)
			break
		}
	}
	require.Positive(t, child, "helper reported no child pid")
	require.True(t, Alive(child))

	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	_ = cmd.Wait()
	assert.Eventually(t, func() bool { return !Alive(child) }, 5*time.Second, 10*time.Millisecond,
		"child %d outlived its SIGKILLed parent", child)
}

func TestSweepStaleRemovesOnlyDeadOwners(t *testing.T) {
	parent := t.TempDir()
	mk := func(name, owner string, age time.Duration) string {
		d := filepath.Join(parent, name)
		require.NoError(t, os.MkdirAll(d, 0o755))
		if owner != "" {
			require.NoError(t, os.WriteFile(filepath.Join(d, ownerFile), []byte(owner), 0o644))
		}
		old := time.Now().Add(-age)
		require.NoError(t, os.Chtimes(d, old, old))
		return d
	}
	// A pid far above pid_max never exists.
	dead := mk("agentgate-dynamodb-111", "1073741823", time.Hour)
	live := mk("agentgate-s3-222", strconv.Itoa(os.Getpid()), time.Hour)
	young := mk("agentgate-kms-333", "1073741823", time.Second)
	foreign := mk("agentgate-sns-444", "", time.Hour)
	other := mk("unrelated-dir", "1073741823", time.Hour)

	sweepStale(parent, time.Now())

	assert.NoDirExists(t, dead)
	assert.DirExists(t, live)
	assert.DirExists(t, young)
	assert.DirExists(t, foreign)
	assert.DirExists(t, other)
}
