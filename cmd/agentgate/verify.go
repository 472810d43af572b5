package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/agentgate/agentgate/shared/audit"
)

func init() {
	var previous, keyFile string
	var requireSig, asJSON bool
	cmd := &cobra.Command{
		Use:   "verify PACKAGE.zip",
		Short: "Verify an audit package offline",
		Long: `verify checks an audit package without any network access: every file's
SHA-256, the package hash and signature, the chain of evidence bundles,
every entry's hash and link, the signed checkpoints and that they cover
the entries, and (with --previous) that the package extends the previous
one. It exits 0 when all of it holds, and otherwise names the first thing
that does not (check, file, chain, seq) and exits 1.

Pin the signing key you obtained out of band with --key: without it the
package's own key is used and its fingerprint printed for you to compare.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opt := audit.VerifyOptions{RequireSignature: requireSig}
			if keyFile != "" {
				k, err := os.ReadFile(keyFile)
				if err != nil {
					return fmt.Errorf("read key: %w", err)
				}
				opt.TrustedKey = string(k)
			}
			res, err := audit.VerifyFile(args[0], previous, opt)
			if err != nil {
				return fmt.Errorf("%s does not verify: %w", args[0], err)
			}
			out := cmd.OutOrStdout()
			if asJSON {
				return json.NewEncoder(out).Encode(map[string]any{
					"valid": true, "id": res.Manifest.ID, "tenant": res.Manifest.Tenant, "sequence": res.Manifest.Sequence,
					"packageHash": res.Manifest.PackageHash, "entries": res.Entries, "bundles": res.Bundles,
					"chains": res.Chains, "checkpoints": res.Checkpoints, "files": res.Files, "signed": res.Signed,
					"keyFingerprint": res.KeyFingerprint, "notes": res.Notes,
				})
			}
			m := res.Manifest
			fmt.Fprintf(out, "OK  %s: package %s of tenant %s (#%d), %s to %s\n", args[0], m.ID, m.Tenant, m.Sequence, m.Period.From, m.Period.To)
			fmt.Fprintf(out, "    %d entries in %d bundles across %d chains; %d signed checkpoints; %d files\n", res.Entries, res.Bundles, res.Chains, res.Checkpoints, res.Files)
			fmt.Fprintf(out, "    package hash %s (signed: %s)\n", m.PackageHash, yesNo(res.Signed))
			switch {
			case keyFile != "":
				fmt.Fprintf(out, "    signing key: the pinned key (sha256 %s)\n", res.KeyFingerprint)
			default:
				fmt.Fprintf(out, "    signing key sha256 %s: compare it with the key you trust, or pin it with --key\n", res.KeyFingerprint)
			}
			if previous != "" {
				fmt.Fprintf(out, "    extends %s\n", previous)
			}
			for _, n := range res.Notes {
				fmt.Fprintf(out, "    note: %s\n", strings.TrimSpace(n))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&previous, "previous", "", "the previous package: check that this one extends it")
	cmd.Flags().StringVar(&keyFile, "key", "", "PEM public key the package must be signed with")
	cmd.Flags().BoolVar(&requireSig, "require-signature", false, "refuse packages without a package signature")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	rootCmd.AddCommand(cmd)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
