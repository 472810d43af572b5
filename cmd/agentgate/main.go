// Command agentgate is the user's CLI. Each subcommand lives in its own file
// and registers itself on rootCmd from that file's init, so engineers can add
// commands without touching this file.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{
	Use:           "agentgate",
	Short:         "agentgate: AI compliance gate, evidence verification and audit packages",
	SilenceUsage:  true,
	SilenceErrors: true,
}

func main() {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "agentgate:", err)
		var e exitError
		if errors.As(err, &e) {
			os.Exit(e.code)
		}
		os.Exit(1)
	}
}

// exitError carries an exit status other than 1, for outcomes a script
// must tell apart from a failure to run (scan --fail-on exits 2).
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }
