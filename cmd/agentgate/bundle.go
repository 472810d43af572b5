package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/agentgate/agentgate/shared/archive"
)

// maxBundleFile bounds what `bundle` reads: archive bundles are a few
// hundred KiB; the limit only stops a mistaken or hostile file.
const (
	maxBundleFile  = 1 << 30
	maxBundleLines = 4 << 30
)

func init() {
	cmd := &cobra.Command{
		Use:   "bundle FILE",
		Short: "Print an evidence bundle's entries as JSON lines",
		Long: `bundle decompresses an archive bundle (a .jsonl.sz file from an audit
package or the evidence bucket; legacy .jsonl.gz too) and prints its
entries, one JSON object per line, for jq or any other tool. It checks
nothing: use verify for that.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			body, err := io.ReadAll(io.LimitReader(f, maxBundleFile+1))
			if err != nil {
				return err
			}
			if len(body) > maxBundleFile {
				return fmt.Errorf("%s: larger than %d bytes, not a bundle", args[0], maxBundleFile)
			}
			r, release, err := archive.OpenBundle(body)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			defer release()
			n, err := io.Copy(cmd.OutOrStdout(), io.LimitReader(r, maxBundleLines+1))
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			if n > maxBundleLines {
				return fmt.Errorf("%s: decompresses to more than %d bytes", args[0], int64(maxBundleLines))
			}
			return nil
		},
	}
	rootCmd.AddCommand(cmd)
}
