package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
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
	var out, fingerprint, fetch string
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
			return verifyDownloaded(stdout, out, fingerprint, fetch)
		},
	}
	addAPIFlags(get, &api)
	get.Flags().StringVar(&out, "out", "", "file to write the package to (default <ID>.zip)")
	get.Flags().BoolVar(&wait, "wait", false, "wait while the package is still building")
	get.Flags().BoolVar(&verify, "verify", true, "verify the downloaded package offline")
	get.Flags().StringVar(&fingerprint, "fingerprint", "", "hex SHA-256 of the signing key to pin when verifying (default $AGENTGATE_SIGNING_KEY_FINGERPRINT)")
	get.Flags().StringVar(&fetch, "fetch", "", "for a package by reference: the archive mirror directory or URL list to verify its bundles from (see verify --fetch)")
	get.Flags().DurationVar(&timeout, "timeout", 30*time.Minute, "give up after this long")
	pkgs.AddCommand(get)

	var lapi apiTarget
	var maxN int
	var ltimeout time.Duration
	list := &cobra.Command{
		Use:   "list",
		Short: "List the packages of the key's tenant, newest first",
		Long: `packages list follows GET /v1/packages page by page (up to --max
packages) and prints one line per package, newest first: its id, status,
period (end exclusive), when it was requested and, once ready, its size.
Download one with packages get ID.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := lapi.check(); err != nil {
				return err
			}
			if maxN < 1 {
				return fmt.Errorf("--max must be at least 1")
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), ltimeout)
			defer cancel()
			var all []audit.Response
			next := ""
			for len(all) < maxN {
				path := "/v1/packages?limit=" + strconv.Itoa(min(audit.MaxListLimit, maxN-len(all)))
				if next != "" {
					path += "&next=" + url.QueryEscape(next)
				}
				var page audit.ListResponse
				if _, err := lapi.call(ctx, "GET", path, nil, &page); err != nil {
					return err
				}
				all = append(all, page.Packages...)
				if next = page.Next; next == "" {
					break
				}
			}
			printPackages(cmd.OutOrStdout(), all, next != "")
			return nil
		},
	}
	addAPIFlags(list, &lapi)
	list.Flags().IntVar(&maxN, "max", 500, "list at most this many packages")
	list.Flags().DurationVar(&ltimeout, "timeout", time.Minute, "give up after this long")
	pkgs.AddCommand(list)
	rootCmd.AddCommand(pkgs)
}

// printPackages prints the table of packages list, newest first (the API
// pages in id order, which is no order a person wants).
func printPackages(w io.Writer, ps []audit.Response, more bool) {
	if len(ps) == 0 {
		fmt.Fprintln(w, "No packages yet: request one with agentgate package --from DATE --to DATE.")
		return
	}
	slices.SortStableFunc(ps, func(a, b audit.Response) int {
		if c := strings.Compare(b.CreatedAt, a.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tPERIOD\tREQUESTED\tSIZE")
	for _, p := range ps {
		size := "-"
		if p.Status == audit.StateReady {
			size = humanBytes(p.Size)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s to %s\t%s\t%s\n", p.ID, p.Status, shortWhen(p.From), shortWhen(p.To), shortWhen(p.CreatedAt), size)
	}
	_ = tw.Flush()
	if more {
		fmt.Fprintf(w, "(first %d packages; pass --max for more)\n", len(ps))
	}
}

// shortWhen prints an RFC 3339 time as a date when it is midnight UTC,
// else to the minute.
func shortWhen(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	t = t.UTC()
	if t.Equal(t.Truncate(24 * time.Hour)) {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04")
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// verifyDownloaded verifies a downloaded package and prints one line.
func verifyDownloaded(w io.Writer, path, fingerprint, fetch string) error {
	if fingerprint == "" {
		fingerprint = os.Getenv("AGENTGATE_SIGNING_KEY_FINGERPRINT")
	}
	opt := audit.VerifyOptions{TrustedFingerprint: fingerprint}
	if fetch != "" {
		f, err := audit.OpenFetcher(fetch)
		if err != nil {
			return fmt.Errorf("--fetch: %w", err)
		}
		opt.Fetch = f
	}
	res, err := audit.VerifyFile(path, "", opt)
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
