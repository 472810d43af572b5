// Command fakeserver serves the conformance fake on 127.0.0.1 and prints its
// base URL on the first line of stdout, so the TypeScript and Python runners
// can start it as a subprocess. It exits when stdin closes (its parent died)
// or on SIGINT/SIGTERM.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/agentgate/agentgate/clients/conformance"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address (loopback only)")
	flag.Parse()
	f, err := conformance.Load()
	if err != nil {
		slog.Error("load scenarios", "error", err)
		os.Exit(1)
	}
	// Checked before listening, so a wrong flag never opens a port to the network.
	host, _, err := net.SplitHostPort(*addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		slog.Error("refusing a non-loopback address", "addr", *addr)
		os.Exit(1)
	}
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		slog.Error("listen", "addr", *addr, "error", err)
		os.Exit(1)
	}
	fmt.Printf("http://%s\n", l.Addr())
	srv := &http.Server{Handler: conformance.NewServer(f.APIKey)}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	if err := srv.Serve(l); err != nil && err != http.ErrServerClosed {
		slog.Error("serve", "error", err)
		os.Exit(1)
	}
}
