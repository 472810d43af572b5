package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/checkpoint/witness"
)

func init() {
	var previous, keyFile, oldKeyFile, fingerprint, fetch string
	var requireSig, asJSON, allowUnpinned bool
	var witnessKeys []string
	var quorum int
	cmd := &cobra.Command{
		Use:   "verify PACKAGE.zip",
		Short: "Verify an audit package offline",
		Long: `verify checks an audit package without any network access: every file's
SHA-256, the package hash and signature, the chain of evidence bundles,
every entry's hash and link, the signed checkpoints and that they cover
the entries, each checkpoint's C2SP signed note (tlog-checkpoint, checked
with transparency-dev's verifier against the same key), and (with
--previous) that the package extends the previous one. It exits 0 when all of it holds, and otherwise names the first thing
that does not (check, file, chain, seq) and exits 1.

A package by reference lists its bundles by archive key and SHA-256 instead
of holding them: --fetch DIR reads each from a mirror of the archive bucket,
--fetch LIST downloads each from its URL (presigned GETs); every bundle is
checked against the SHA-256 the signed package lists, then entry by entry,
several at a time. A missing or altered bundle is named by its key.

Pin the signing key you obtained out of band, with --pubkey (its PEM) or
--fingerprint (the hex SHA-256 of its DER form: what the stack output
SigningKeyFingerprintCommand prints, or what make local prints). Without a pin a package only proves that it is
consistent with itself — whoever made it could have signed it with a key
of their own — so verify says UNPINNED and exits 1 unless you pass
--allow-unpinned. The pin may also come from AGENTGATE_SIGNING_KEY_FINGERPRINT.

With --witness NAME+KEY (a witness's tlog-cosignature verifier key, once
per witness) every checkpoint must also carry valid cosignatures of at
least --quorum of them (default: all): a checkpoint no witness cosigned
may have been shown to you alone (a split view). The failure names the
chain, the checkpoint and the witnesses that did not cosign.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if fingerprint == "" {
				fingerprint = os.Getenv("AGENTGATE_SIGNING_KEY_FINGERPRINT")
			}
			opt := audit.VerifyOptions{RequireSignature: requireSig, TrustedFingerprint: fingerprint}
			for _, k := range witnessKeys {
				w, err := witness.ParseKey(k)
				if err != nil {
					return fmt.Errorf("--witness: %w", err)
				}
				opt.Witnesses = append(opt.Witnesses, w)
			}
			opt.Quorum = quorum
			if !cmd.Flags().Changed("quorum") {
				opt.Quorum = len(opt.Witnesses)
			}
			if opt.Quorum < 0 || opt.Quorum > len(opt.Witnesses) || (len(opt.Witnesses) > 0 && opt.Quorum == 0) {
				return fmt.Errorf("--quorum %d with %d witnesses: want 1 to %d", opt.Quorum, len(opt.Witnesses), len(opt.Witnesses))
			}
			if oldKeyFile != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), "agentgate: verify --key is deprecated and will be removed in the next release: use --pubkey (--key means an API key in every other command)")
				if keyFile == "" {
					keyFile = oldKeyFile
				}
			}
			if keyFile != "" {
				k, err := os.ReadFile(keyFile)
				if err != nil {
					return fmt.Errorf("read key: %w", err)
				}
				opt.TrustedKey = string(k)
			}
			if fetch != "" {
				f, err := audit.OpenFetcher(fetch)
				if err != nil {
					return fmt.Errorf("--fetch: %w", err)
				}
				opt.Fetch = f
			}
			res, err := audit.VerifyFile(args[0], previous, opt)
			if err != nil {
				return fmt.Errorf("%s does not verify: %w", args[0], err)
			}
			out := cmd.OutOrStdout()
			// An unpinned result is not a failure of the package, but it
			// is not the proof a caller scripting "verify && ship" expects.
			var unpinned error
			if !res.Pinned && !allowUnpinned {
				unpinned = fmt.Errorf("%s is consistent with itself but UNPINNED: no trusted key was given, so it is not proven to come from your agentgate (pin --pubkey or --fingerprint %s after comparing it with what your stack's SigningKeyFingerprintCommand output prints, or pass --allow-unpinned)", args[0], res.KeyFingerprint)
			}
			if asJSON {
				if err := json.NewEncoder(out).Encode(map[string]any{
					"valid": true, "pinned": res.Pinned, "id": res.Manifest.ID, "tenant": res.Manifest.Tenant, "sequence": res.Manifest.Sequence,
					"packageHash": res.Manifest.PackageHash, "entries": res.Entries, "bundles": res.Bundles,
					"chains": res.Chains, "checkpoints": res.Checkpoints, "signedNotes": res.SignedNotes, "witnessed": res.Witnessed, "files": res.Files, "signed": res.Signed,
					"keyFingerprint": res.KeyFingerprint, "notes": res.Notes,
				}); err != nil {
					return err
				}
				return unpinned
			}
			m := res.Manifest
			status := "OK      "
			if !res.Pinned {
				status = "UNPINNED"
			}
			fmt.Fprintf(out, "%s %s: package %s of tenant %s (#%d), %s to %s\n", status, args[0], m.ID, m.Tenant, m.Sequence, m.Period.From, m.Period.To)
			fmt.Fprintf(out, "    %d entries in %d bundles across %d chains; %d signed checkpoints (%d with a C2SP note); %d files\n", res.Entries, res.Bundles, res.Chains, res.Checkpoints, res.SignedNotes, res.Files)
			fmt.Fprintf(out, "    package hash %s (signed: %s)\n", m.PackageHash, yesNo(res.Signed))
			if res.Pinned {
				fmt.Fprintf(out, "    signing key: the pinned key (sha256 %s)\n", res.KeyFingerprint)
			} else {
				fmt.Fprintf(out, "    signing key sha256 %s is NOT pinned: this proves only that the package is consistent with itself\n", res.KeyFingerprint)
			}
			if len(opt.Witnesses) > 0 {
				fmt.Fprintf(out, "    %d checkpoints cosigned by at least %d of %d witnesses\n", res.Witnessed, opt.Quorum, len(opt.Witnesses))
			}
			if previous != "" {
				fmt.Fprintf(out, "    extends %s\n", previous)
			}
			for _, n := range res.Notes {
				fmt.Fprintf(out, "    note: %s\n", strings.TrimSpace(n))
			}
			return unpinned
		},
	}
	cmd.Flags().StringVar(&previous, "previous", "", "the previous package: check that this one extends it")
	cmd.Flags().StringVar(&keyFile, "pubkey", "", "PEM public key the package must be signed with")
	// --key is an API key everywhere else; here it was the PEM. It keeps
	// working for one release, with a warning (docs/packages.md).
	cmd.Flags().StringVar(&oldKeyFile, "key", "", "deprecated: use --pubkey")
	_ = cmd.Flags().MarkHidden("key")
	cmd.Flags().StringVar(&fingerprint, "fingerprint", "", "hex SHA-256 of the DER public key the package must be signed with (what the stack output SigningKeyFingerprintCommand prints)")
	cmd.Flags().BoolVar(&allowUnpinned, "allow-unpinned", false, "exit 0 without a pinned key (the result then proves only self-consistency)")
	cmd.Flags().StringArrayVar(&witnessKeys, "witness", nil, "a witness's verifier key NAME+KEY (repeatable): every checkpoint must carry its cosignature")
	cmd.Flags().IntVar(&quorum, "quorum", 0, "how many of the --witness keys must have cosigned each checkpoint (default: all)")
	cmd.Flags().BoolVar(&requireSig, "require-signature", false, "refuse packages without a package signature")
	cmd.Flags().StringVar(&fetch, "fetch", "", "for a package by reference: a directory mirroring the archive bucket (DIR/<bundle key>), or a URL list file (one \"KEY URL\" a line, or {\"bundles\":[{\"key\",\"url\"}]}) to download each bundle from")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	rootCmd.AddCommand(cmd)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
