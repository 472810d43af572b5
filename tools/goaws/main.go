// Command goaws serves goaws (SNS and SQS) on a loopback address only. The
// upstream main listens on 0.0.0.0 and takes its settings from a YAML file;
// this main sets the same environment in code and serves goaws's router
// behind a listener it controls.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/Admiral-Piett/goaws/app"
	"github.com/Admiral-Piett/goaws/app/gosqs"
	"github.com/Admiral-Piett/goaws/app/router"
	log "github.com/sirupsen/logrus"

	"github.com/agentgate/agentgate/tools/loopback"
)

func main() {
	if err := run(); err != nil {
		slog.Error("goaws", "err", err)
		os.Exit(1)
	}
}

func run() error {
	addr := flag.String("addr", "127.0.0.1:0", "loopback address to listen on; port 0 picks a free one")
	region := flag.String("region", "us-east-1", "region put in topic and queue ARNs")
	account := flag.String("account", "000000000000", "account id put in ARNs (12 digits)")
	debug := flag.Bool("debug", false, "log every request")
	flag.Parse()

	if _, err := strconv.ParseUint(*account, 10, 64); err != nil || len(*account) != 12 {
		return errors.New("-account must be 12 digits, as in a real ARN")
	}
	ln, err := loopback.Listen(*addr)
	if err != nil {
		return err
	}
	tcp := ln.Addr().(*net.TCPAddr)

	log.SetFormatter(&log.JSONFormatter{})
	log.SetOutput(os.Stdout)
	log.SetLevel(log.WarnLevel)
	if *debug {
		log.SetLevel(log.DebugLevel)
	}

	// goaws builds queue URLs and SNS signing-cert/unsubscribe URLs from
	// Host and Port, so they must name the address really listened on.
	app.CurrentEnvironment = app.Environment{
		Host:      tcp.IP.String(),
		Port:      strconv.Itoa(tcp.Port),
		Region:    *region,
		AccountID: *account,
		QueueAttributeDefaults: app.EnvQueueAttributes{
			VisibilityTimeout:  30,
			MaximumMessageSize: 262144,
		},
	}

	quit := make(chan struct{})
	defer close(quit)
	go gosqs.PeriodicTasks(time.Second, quit)

	srv := &http.Server{Handler: router.New(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("goaws listening on %s region %s account %s\n", ln.Addr(), *region, *account)
	return loopback.Serve(srv, ln)
}
