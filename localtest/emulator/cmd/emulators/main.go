// Command emulators installs the local AWS emulators under .tools (what
// `make emulators` runs), or starts them all on 127.0.0.1 and prints their
// environment until interrupted.
//
//	go run ./localtest/emulator/cmd/emulators install
//	go run ./localtest/emulator/cmd/emulators up
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/agentgate/agentgate/localtest/emulator"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "emulators:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	cmd := "install"
	if len(args) > 0 {
		cmd = args[0]
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	switch cmd {
	case "install":
		start := time.Now()
		p, err := emulator.Install(ctx)
		if err != nil {
			return err
		}
		fmt.Printf("emulators installed under %s (%s)\n", p.Tools, time.Since(start).Round(time.Millisecond))
		return nil
	case "up":
		set, err := emulator.StartAll(ctx, emulator.Options{})
		if err != nil {
			return err
		}
		for _, p := range set.Processes() {
			fmt.Printf("# %-8s pid %-7d %s  log %s\n", p.Name, p.PID, p.Endpoint, p.LogPath)
		}
		for _, kv := range set.Env() {
			fmt.Println("export " + kv)
		}
		<-ctx.Done()
		return set.Stop()
	default:
		return errors.New("usage: emulators [install|up]")
	}
}
