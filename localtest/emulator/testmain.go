package emulator

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"testing"
)

// Main is for a package's TestMain: it starts the named emulators once,
// stores them in *dst, runs the tests and stops every child before exiting.
//
//	var emu *emulator.Set
//	func TestMain(m *testing.M) { emulator.Main(m, &emu, emulator.Dynamo) }
//
// SIGINT/SIGTERM stop the children before the binary exits. A panicking
// test or a test timeout kills the process without running deferred code;
// the children then die by their parent-death signal (SIGKILL), so nothing
// outlives the test binary either way.
func Main(m *testing.M, dst **Set, services ...Service) {
	os.Exit(runMain(m, dst, services))
}

func runMain(m *testing.M, dst **Set, services []Service) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		fmt.Fprintf(os.Stderr, "emulator: %v: stopping emulators\n", sig)
		StopAll()
		os.Exit(1)
	}()
	defer signal.Stop(sigs)

	set, err := Start(context.Background(), Options{}, services...)
	if err != nil {
		fmt.Fprintf(os.Stderr, "emulator: cannot start %v: %v\n", services, err)
		return 1
	}
	*dst = set
	defer func() {
		if err := set.Stop(); err != nil {
			fmt.Fprintf(os.Stderr, "emulator: stop: %v\n", err)
		}
	}()
	return m.Run()
}
