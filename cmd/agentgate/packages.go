package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/agentgate/agentgate/shared/audit"
)

func init() {
	pkgs := &cobra.Command{
		Use:   "packages",
		Short: "Fetch audit packages already requested (see package to request one)",
	}
	var api apiTarget
	var out, fingerprint string
	var wait, verify bool
	var timeout time.Duration
	get := &cobra.Command{
		Use:   "get ID",
		Short: "Download a package by id, check its SHA-256 and verify it offline",
		Long: `packages get asks GET /v1/packages/{ID} for the package's status. A ready
package is downloaded through its presigned URL to --out (default ID.zip),
its SHA-256 checked against the API's and, unless --verify=false, verified
offline as verify does. A package still building is reported as such, or
waited for with --wait; a failed one exits 1 with the build's error.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := api.check(); err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			id := args[0]
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			var r audit.Response
			if _, err := api.call(ctx, "GET", "/v1/packages/"+id, nil, &r); err != nil {
				return err
			}
			switch r.Status {
			case audit.StateFailed:
				return fmt.Errorf("package %s failed: %s", id, r.Error)
			case audit.StateReady:
			default:
				if !wait {
					fmt.Fprintf(stdout, "%s: %s (run again later, or pass --wait)\n", id, r.Status)
					return nil
				}
				var err error
				if r, err = waitForPackage(ctx, &api, id, stderr); err != nil {
					return err
				}
			}
			if out == "" {
				out = id + ".zip"
			}
			if err := downloadPackage(ctx, r, out, stderr); err != nil {
				return err
			}
			if !verify {
				fmt.Fprintln(stdout, out)
				return nil
			}
			return verifyDownloaded(stdout, out, fingerprint)
		},
	}
	addAPIFlags(get, &api)
	get.Flags().StringVar(&out, "out", "", "file to write the package to (default <ID>.zip)")
	get.Flags().BoolVar(&wait, "wait", false, "wait while the package is still building")
	get.Flags().BoolVar(&verify, "verify", true, "verify the downloaded package offline")
	get.Flags().StringVar(&fingerprint, "fingerprint", "", "hex SHA-256 of the signing key to pin when verifying (default $AGENTGATE_SIGNING_KEY_FINGERPRINT)")
	get.Flags().DurationVar(&timeout, "timeout", 30*time.Minute, "give up after this long")
	pkgs.AddCommand(get)
	rootCmd.AddCommand(pkgs)
}

// verifyDownloaded verifies a downloaded package and prints one line.
func verifyDownloaded(w io.Writer, path, fingerprint string) error {
	if fingerprint == "" {
		fingerprint = os.Getenv("AGENTGATE_SIGNING_KEY_FINGERPRINT")
	}
	res, err := audit.VerifyFile(path, "", audit.VerifyOptions{TrustedFingerprint: fingerprint})
	if err != nil {
		return fmt.Errorf("%s was downloaded but does not verify: %w", path, err)
	}
	how := "verified against the pinned key"
	if !res.Pinned {
		how = fmt.Sprintf("consistent with itself but UNPINNED (key sha256 %s; pin it with --fingerprint)", res.KeyFingerprint)
	}
	fmt.Fprintf(w, "%s: %d entries, %d checkpoints, package hash %s, %s\n", path, res.Entries, res.Checkpoints, res.Manifest.PackageHash, how)
	return nil
}

// isTerminal says whether w is a character device: progress bars redraw
// with \r there, and print plain lines anywhere else (CI logs, files).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
