// Command localkms serves local-kms on a loopback address only. The upstream
// binary listens on every interface and reads its settings from globals set
// by its own main, so this main sets them and serves src.HandleRequest behind
// a listener it controls.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/nsmithuk/local-kms/src"
	"github.com/nsmithuk/local-kms/src/config"
	"github.com/nsmithuk/local-kms/src/data"

	"github.com/agentgate/agentgate/tools/loopback"
)

func main() {
	if err := run(); err != nil {
		slog.Error("localkms", "err", err)
		os.Exit(1)
	}
}

func run() error {
	addr := flag.String("addr", "127.0.0.1:0", "loopback address to listen on; port 0 picks a free one")
	dir := flag.String("data", "", "fresh, empty directory for the key database (required)")
	region := flag.String("region", "us-east-1", "region put in key ARNs; must match the client's")
	account := flag.String("account", "111122223333", "account id put in key ARNs")
	flag.Parse()

	if *dir == "" {
		return errors.New("-data is required")
	}
	ln, err := loopback.Listen(*addr)
	if err != nil {
		return err
	}
	config.AWSRegion = *region
	config.AWSAccountId = *account
	config.DatabasePath = *dir
	// NewDatabase panics on failure; a fresh dir per instance means two
	// servers never fight over one leveldb lock.
	db := data.NewDatabase(*dir)
	defer db.Close()

	srv := &http.Server{
		Handler:           http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { src.HandleRequest(w, r, db) }),
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Printf("localkms listening on %s region %s data %s\n", ln.Addr(), *region, *dir)
	return loopback.Serve(srv, ln)
}
