package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/agentgate/agentgate/shared/audit"
)

func init() {
	var api apiTarget
	var from, to, out, fingerprint, fetch string
	var frameworks []string
	var wait, verify bool
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "package",
		Short: "Request an audit package, wait for it and download it",
		Long: `package asks the API for an audit package of [--from, --to) (RFC 3339 times
or YYYY-MM-DD dates). Without --wait it prints the package id. With --wait
it shows progress while the package is built, downloads it through its
presigned URL to --out, checks its SHA-256 and verifies it offline.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := api.check(); err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			var created audit.Response
			if _, err := api.call(ctx, "POST", "/v1/packages", audit.CreateRequest{From: from, To: to, Frameworks: frameworks}, &created); err != nil {
				return err
			}
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			if !wait {
				fmt.Fprintln(stdout, created.ID)
				return nil
			}
			ready, err := waitForPackage(ctx, &api, created.ID, stderr)
			if err != nil {
				return err
			}
			if out == "" {
				out = created.ID + ".zip"
			}
			if err := downloadPackage(ctx, ready, out, stderr); err != nil {
				return err
			}
			if verify {
				return verifyDownloaded(stdout, out, fingerprint, fetch)
			}
			fmt.Fprintln(stdout, out)
			return nil
		},
	}
	addAPIFlags(cmd, &api)
	cmd.Flags().StringVar(&from, "from", "", "start of the period (inclusive)")
	cmd.Flags().StringVar(&to, "to", "", "end of the period (exclusive)")
	cmd.Flags().StringSliceVar(&frameworks, "frameworks", nil, "frameworks of the control matrix (soc2,gdpr,...; default all)")
	cmd.Flags().BoolVar(&wait, "wait", false, "wait for the package, download and verify it")
	cmd.Flags().StringVar(&out, "out", "", "file to write the package to (default <id>.zip)")
	cmd.Flags().BoolVar(&verify, "verify", true, "verify the downloaded package offline")
	cmd.Flags().StringVar(&fingerprint, "fingerprint", "", "hex SHA-256 of the signing key to pin when verifying (default $AGENTGATE_SIGNING_KEY_FINGERPRINT)")
	cmd.Flags().StringVar(&fetch, "fetch", "", "for a package by reference: the archive mirror directory or URL list to verify its bundles from (see verify --fetch)")
	cmd.Flags().DurationVar(&timeout, "timeout", 30*time.Minute, "give up after this long")
	_ = cmd.MarkFlagRequired("from")
	_ = cmd.MarkFlagRequired("to")
	rootCmd.AddCommand(cmd)
}

// pollEvery is how often --wait asks for the package's status.
var pollEvery = time.Second

// waitForPackage polls until the package is ready. On a terminal it shows
// a spinner described by the build's stage and counts (the build reports no
// fraction done, so stage, counts and elapsed time are the honest progress);
// anywhere else it prints a line when the status, stage or counts change and
// when it is ready, with no \r frames in a CI log.
func waitForPackage(ctx context.Context, api *apiTarget, id string, w io.Writer) (audit.Response, error) {
	tty := isTerminal(w)
	start := time.Now()
	var bar *progressbar.ProgressBar
	if tty {
		bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("building "+id),
			progressbar.OptionSpinnerType(14), progressbar.OptionShowElapsedTimeOnFinish(), progressbar.OptionClearOnFinish())
		defer func() { _ = bar.Finish() }()
	}
	t := time.NewTicker(pollEvery)
	defer t.Stop()
	last := ""
	for {
		var r audit.Response
		if _, err := api.call(ctx, "GET", "/v1/packages/"+id, nil, &r); err != nil {
			return r, err
		}
		line := buildLine(id, r)
		if r.Status != audit.StateReady && line != last {
			if tty {
				bar.Describe(line)
			} else {
				fmt.Fprintln(w, line)
			}
		}
		last = line
		switch r.Status {
		case audit.StateReady:
			if !tty {
				fmt.Fprintf(w, "%s: ready after %s\n", id, time.Since(start).Round(time.Second))
			}
			return r, nil
		case audit.StateFailed:
			return r, fmt.Errorf("package %s failed: %s", id, r.Error)
		}
		select {
		case <-ctx.Done():
			return r, fmt.Errorf("package %s: %w", id, ctx.Err())
		case <-t.C:
			if tty {
				_ = bar.Add(1)
			}
		}
	}
}

// buildLine is one line of a build's progress: "ID: building: reading
// evidence (1200 entries, 2 bundles)", or "ID: STATUS" before the build
// reports a stage.
func buildLine(id string, r audit.Response) string {
	line := id + ": " + r.Status
	if r.Stage != "" {
		line += ": " + r.Stage
		if r.Entries > 0 || r.Bundles > 0 {
			line += fmt.Sprintf(" (%d entries, %d bundles)", r.Entries, r.Bundles)
		}
	}
	return line
}

// downloadPackage fetches the presigned URL (no API key: the URL is the
// authorisation) to path, checking the announced SHA-256.
func downloadPackage(ctx context.Context, r audit.Response, path string, w io.Writer) error {
	if r.URL == "" {
		return errors.New("the package is ready but has no download URL")
	}
	req, err := http.NewRequestWithContext(ctx, "GET", r.URL, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("download: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("download: HTTP %d (the URL may have expired: run the command again)", resp.StatusCode)
	}
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	h := sha256.New()
	var sink io.Writer = io.MultiWriter(f, h)
	var bar *progressbar.ProgressBar
	if isTerminal(w) {
		bar = progressbar.NewOptions64(resp.ContentLength, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("downloading"),
			progressbar.OptionShowBytes(true), progressbar.OptionClearOnFinish())
		sink = io.MultiWriter(sink, bar)
	}
	n, err := io.Copy(sink, resp.Body)
	if err != nil {
		f.Close()
		return fmt.Errorf("download: %w", err)
	}
	if bar != nil {
		_ = bar.Finish()
	} else {
		fmt.Fprintf(w, "downloaded %d bytes to %s\n", n, path)
	}
	if err := f.Close(); err != nil {
		return err
	}
	if got := hex.EncodeToString(h.Sum(nil)); r.SHA256 != "" && got != r.SHA256 {
		return fmt.Errorf("download: sha256 %s, the API announced %s", got, r.SHA256)
	}
	return os.Rename(tmp, path)
}
