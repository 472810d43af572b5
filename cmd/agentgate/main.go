// Command agentgate is the user's CLI. Each subcommand lives in its own file
// and registers itself on rootCmd from that file's init, so engineers can add
// commands without touching this file.
package main

import (
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
		os.Exit(1)
	}
}
