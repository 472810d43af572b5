package main

// verify --anchor DIR: the package's checkpoints against a local copy of the
// second anchor, the bucket in another account the checkpointer copies every
// checkpoint to (docs/decisions/173). It lives in its own file and wraps the
// verify command registered by verify.go (this file sorts after it, so its
// init runs later).

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/checkpoint"
)

func init() {
	var verify *cobra.Command
	for _, c := range rootCmd.Commands() {
		if c.Name() == "verify" {
			verify = c
		}
	}
	if verify == nil {
		panic("verify --anchor: no verify command to extend")
	}
	var dir string
	verify.Flags().StringVar(&dir, "anchor", "", "a local copy of the anchor bucket (aws s3 sync s3://BUCKET DIR): every checkpoint of the package must be anchored there, identical")
	verify.Long += `

With --anchor DIR (a local copy of the anchor bucket in another account,
e.g. aws s3 sync s3://BUCKET DIR) every chain checkpoint in the package must
be anchored in DIR at checkpoints/<tenant>/<shard>/<size>.json with the
same signed body, signature, root and note: a missing or different one is a
split view or a rewritten history, and the failure names the chain. Later
anchored checkpoints of the chain must be signed by the package's key; their
consistency with the package's checkpoint is not checked offline (the
package does not carry the leaves between them).`
	run := verify.RunE
	verify.RunE = func(cmd *cobra.Command, args []string) error {
		if dir == "" {
			return run(cmd, args)
		}
		sum, err := checkAnchor(args[0], dir)
		if err != nil {
			return fmt.Errorf("%s does not match the anchor in %s: %w", args[0], dir, err)
		}
		if err := run(cmd, args); err != nil {
			return err
		}
		if asJSON, _ := cmd.Flags().GetBool("json"); !asJSON {
			fmt.Fprintf(cmd.OutOrStdout(), "    anchor %s: %d checkpoints anchored identically; %d later anchored checkpoints signed by the same key (consistency not checked offline)\n", dir, sum.matched, sum.later)
		}
		return nil
	}
}

type anchorSummary struct{ matched, later int }

// checkAnchor compares each chain checkpoint of the package at path with
// its anchored copy in dir.
func checkAnchor(path, dir string) (anchorSummary, error) {
	var sum anchorSummary
	fh, err := os.Open(path)
	if err != nil {
		return sum, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return sum, err
	}
	z, err := audit.OpenZip(fh, st.Size(), audit.DefaultLimits)
	if err != nil {
		return sum, err
	}
	m, err := audit.ReadManifest(z)
	if err != nil {
		return sum, err
	}
	for _, c := range m.Chains {
		if c.Checkpoint == nil {
			continue
		}
		held := checkpoint.Anchored{
			Chain: c.Chain, Size: c.Checkpoint.Size, RootHash: c.Checkpoint.RootHash, Body: c.Checkpoint.Body,
			Signature: c.Checkpoint.Signature, KeyID: c.Checkpoint.KeyID, Note: c.Checkpoint.Note, Cosigned: c.Checkpoint.Cosigned,
		}
		key, err := checkpoint.AnchorKey(c.Chain, held.Size)
		if err != nil {
			return sum, fmt.Errorf("chain %s: %w", c.Chain, err)
		}
		file := filepath.Join(dir, filepath.FromSlash(key))
		got, err := readAnchored(file)
		if errors.Is(err, fs.ErrNotExist) {
			return sum, fmt.Errorf("chain %s: no anchored checkpoint at size %d (%s)", c.Chain, held.Size, key)
		}
		if err != nil {
			return sum, fmt.Errorf("chain %s: %w", c.Chain, err)
		}
		if err := checkpoint.CheckAnchored(held, got, m.PublicKey); err != nil {
			return sum, fmt.Errorf("chain %s: %s: %w", c.Chain, key, err)
		}
		sum.matched++
		// Zero-padded sizes: a later checkpoint sorts after this one.
		names, err := filepath.Glob(filepath.Join(filepath.Dir(file), "*.json"))
		if err != nil {
			return sum, err
		}
		sort.Strings(names)
		for _, n := range names {
			if filepath.Base(n) <= filepath.Base(file) {
				continue
			}
			later, err := readAnchored(n)
			if err != nil {
				return sum, fmt.Errorf("chain %s: %w", c.Chain, err)
			}
			if err := checkpoint.CheckAnchoredLater(held, later, m.PublicKey); err != nil {
				return sum, fmt.Errorf("chain %s: %s: %w", c.Chain, filepath.Base(n), err)
			}
			sum.later++
		}
	}
	return sum, nil
}

func readAnchored(file string) (checkpoint.Anchored, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return checkpoint.Anchored{}, err
	}
	a, err := checkpoint.ParseAnchored(b)
	if err != nil {
		return a, fmt.Errorf("%s: %w", file, err)
	}
	return a, nil
}
