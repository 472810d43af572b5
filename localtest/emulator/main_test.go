package emulator_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/emulator"
)

// helperSet is set only when this binary runs as the helper of
// TestMainStopsChildrenOnSIGTERM.
var helperSet *emulator.Set

func TestMain(m *testing.M) {
	if os.Getenv("EMULATOR_TEST_MAIN") == "1" {
		emulator.Main(m, &helperSet, emulator.SNS)
		return
	}
	os.Exit(m.Run())
}

// TestMainHelperWaits is the helper's only test: report the child, then
// block until the parent test signals this process.
func TestMainHelperWaits(t *testing.T) {
	if helperSet == nil {
		t.Skip("runs only as the helper process of TestMainStopsChildrenOnSIGTERM")
	}
	fmt.Printf("CHILD %d %s\n", helperSet.SNS.PID, helperSet.SNS.Dir)
	time.Sleep(time.Minute)
}

// TestMainStopsChildrenOnSIGTERM proves emulator.Main stops its children
// itself on SIGTERM: the data dir is gone, which only Stop does (the
// parent-death signal alone would leave it behind).
func TestMainStopsChildrenOnSIGTERM(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestMainHelperWaits$", "-test.v")
	cmd.Env = append(os.Environ(), "EMULATOR_TEST_MAIN=1")
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()

	var pid int
	var dir string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "CHILD "); ok {
			_, err := fmt.Sscanf(rest, "%d %s", &pid, &dir)
			require.NoError(t, err)
			break
		}
	}
	require.Positive(t, pid, "helper reported no child")
	require.True(t, emulator.Alive(pid))
	_, err = os.Stat(dir)
	require.NoError(t, err)

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	err = cmd.Wait()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "the helper reports the interruption as a failure")
	assert.Equal(t, 1, exit.ExitCode())
	assert.False(t, emulator.Exists(pid), "child %d left behind", pid)
	_, err = os.Stat(dir)
	assert.ErrorIs(t, err, os.ErrNotExist, "Stop ran and removed the data dir")
}
