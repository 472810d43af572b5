package main

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/proofapi"
	"github.com/agentgate/agentgate/shared/evidence"
)

// maxProofFile bounds what `proof verify` reads: a proof is a few KiB.
const maxProofFile = 4 << 20

func init() {
	proof := &cobra.Command{
		Use:   "proof",
		Short: "Check Merkle proofs the API returned, offline",
	}
	var keyFile, fingerprint string
	var allowUnpinned bool
	verify := &cobra.Command{
		Use:   "verify FILE",
		Short: "Verify an inclusion or consistency proof offline (FILE - reads stdin)",
		Long: `proof verify checks, without any network access, the JSON body of
GET /v1/evidence/{tenant}/{shard}/{seq}/proof (an inclusion proof) or of
GET /v1/checkpoints/consistency (a consistency proof), saved as it was
returned:

  inclusion:   the entry's hash recomputes from its fields, its leaf hash is
               the proof's, and the audit path leads from it to the root of
               the signed checkpoint;
  consistency: the path proves that the second checkpoint's tree extends the
               first one's;
  both:        every checkpoint body is signed by the key, states the chain,
               size and root the proof uses, and its C2SP signed note (when it
               has one) states the same size and root under the same key.

The key is the one in the response, so pin the key you obtained out of band
with --pubkey (its PEM) or --fingerprint (hex SHA-256 of its DER form;
default $AGENTGATE_SIGNING_KEY_FINGERPRINT). Without a pin the proof shows
only that the response is consistent with itself, and proof verify exits 1
unless --allow-unpinned.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var in io.Reader = cmd.InOrStdin()
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return err
				}
				defer f.Close()
				in = f
			}
			raw, err := io.ReadAll(io.LimitReader(in, maxProofFile+1))
			if err != nil {
				return err
			}
			if len(raw) > maxProofFile {
				return fmt.Errorf("%s: larger than %d bytes, not a proof", args[0], maxProofFile)
			}
			if fingerprint == "" {
				fingerprint = os.Getenv("AGENTGATE_SIGNING_KEY_FINGERPRINT")
			}
			var pin string
			if keyFile != "" {
				k, err := os.ReadFile(keyFile)
				if err != nil {
					return fmt.Errorf("read --pubkey: %w", err)
				}
				if pin, err = audit.KeyFingerprint(string(k)); err != nil {
					return fmt.Errorf("--pubkey %s: %w", keyFile, err)
				}
			}
			if fingerprint != "" {
				if pin != "" && pin != fingerprint {
					return errors.New("--pubkey and --fingerprint name different keys")
				}
				pin = fingerprint
			}
			lines, keyFP, err := verifyProof(raw)
			if err != nil {
				return fmt.Errorf("%s does not verify: %w", args[0], err)
			}
			out := cmd.OutOrStdout()
			pinned := pin != "" && pin == keyFP
			if pin != "" && !pinned {
				return fmt.Errorf("%s is signed by key sha256 %s, not the pinned key sha256 %s", args[0], keyFP, pin)
			}
			status := "OK      "
			if !pinned {
				status = "UNPINNED"
			}
			fmt.Fprintf(out, "%s %s: %s\n", status, args[0], lines[0])
			for _, l := range lines[1:] {
				fmt.Fprintf(out, "    %s\n", l)
			}
			if pinned {
				fmt.Fprintf(out, "    signing key: the pinned key (sha256 %s)\n", keyFP)
				return nil
			}
			fmt.Fprintf(out, "    signing key sha256 %s is NOT pinned: this proves only that the response is consistent with itself\n", keyFP)
			if !allowUnpinned {
				return fmt.Errorf("%s is consistent with itself but UNPINNED: pin --pubkey or --fingerprint (or pass --allow-unpinned)", args[0])
			}
			return nil
		},
	}
	verify.Flags().StringVar(&keyFile, "pubkey", "", "PEM public key the checkpoints must be signed with")
	verify.Flags().StringVar(&fingerprint, "fingerprint", "", "hex SHA-256 of the DER public key the checkpoints must be signed with")
	verify.Flags().BoolVar(&allowUnpinned, "allow-unpinned", false, "exit 0 without a pinned key (the result then proves only self-consistency)")
	proof.AddCommand(verify)
	rootCmd.AddCommand(proof)
}

// verifyProof checks an inclusion or a consistency proof response and
// returns what it proved, one line each, and the fingerprint of the key
// that signed it, for the caller to compare with its pin.
func verifyProof(raw []byte) ([]string, string, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(raw, &probe); err != nil {
		return nil, "", fmt.Errorf("not a JSON object: %w", err)
	}
	switch {
	case probe["leafHash"] != nil:
		var p proofapi.ProofResponse
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, "", fmt.Errorf("inclusion proof: %w", err)
		}
		return verifyInclusion(p)
	case probe["first"] != nil && probe["second"] != nil:
		var c proofapi.ConsistencyResponse
		if err := json.Unmarshal(raw, &c); err != nil {
			return nil, "", fmt.Errorf("consistency proof: %w", err)
		}
		return verifyConsistency(c)
	}
	return nil, "", errors.New("neither an inclusion proof (leafHash) nor a consistency proof (first, second)")
}

func verifyInclusion(p proofapi.ProofResponse) ([]string, string, error) {
	fp, err := audit.KeyFingerprint(p.PublicKey)
	if err != nil {
		return nil, "", fmt.Errorf("publicKey: %w", err)
	}
	cp, noted, err := openSigned(p.Checkpoint, p.PublicKey)
	if err != nil {
		return nil, fp, err
	}
	root, err := hex.DecodeString(p.RootHash)
	if err != nil {
		return nil, fp, errors.New("rootHash is not hex")
	}
	if cp.Chain != p.Chain || cp.Size != p.TreeSize || !bytes.Equal(cp.Root, root) {
		return nil, fp, fmt.Errorf("the signed checkpoint states chain %s size %d root %x, the proof chain %s size %d root %s", cp.Chain, cp.Size, cp.Root, p.Chain, p.TreeSize, p.RootHash)
	}
	e := p.Entry
	if got := evidence.ComputeHash(&e); got != e.Hash {
		return nil, fp, fmt.Errorf("entry %s: its fields hash to %s, it states %s", e.ID(), got, e.Hash)
	}
	if e.Chain != p.Chain || e.Seq < 0 || uint64(e.Seq) != p.LeafIndex {
		return nil, fp, fmt.Errorf("entry %s is not leaf %d of chain %s", e.ID(), p.LeafIndex, p.Chain)
	}
	leaf, err := checkpoint.LeafHash(e.Hash)
	if err != nil {
		return nil, fp, fmt.Errorf("entry %s: %w", e.ID(), err)
	}
	if hex.EncodeToString(leaf) != p.LeafHash {
		return nil, fp, fmt.Errorf("leafHash %s is not the entry's leaf hash %x", p.LeafHash, leaf)
	}
	path, err := unhex(p.Hashes)
	if err != nil {
		return nil, fp, err
	}
	if err := checkpoint.VerifyInclusion(p.LeafIndex, p.TreeSize, leaf, path, root); err != nil {
		return nil, fp, fmt.Errorf("audit path of entry %s: %w", e.ID(), err)
	}
	return []string{
		fmt.Sprintf("entry %s (%s, %s) is leaf %d of chain %s", e.ID(), e.Kind, e.TS, p.LeafIndex, p.Chain),
		fmt.Sprintf("audit path of %d hashes leads to root %s of size %d", len(path), p.RootHash, p.TreeSize),
		fmt.Sprintf("checkpoint signed at %s%s", cp.Time.UTC().Format("2006-01-02T15:04:05Z"), noteWord(noted)),
	}, fp, nil
}

func verifyConsistency(c proofapi.ConsistencyResponse) ([]string, string, error) {
	fp, err := audit.KeyFingerprint(c.PublicKey)
	if err != nil {
		return nil, "", fmt.Errorf("publicKey: %w", err)
	}
	var cps [2]checkpoint.Checkpoint
	var noted [2]bool
	for i, s := range []proofapi.CheckpointResponse{c.First, c.Second} {
		name := [2]string{"first", "second"}[i]
		if s.PublicKey != "" && s.PublicKey != c.PublicKey {
			return nil, fp, fmt.Errorf("%s checkpoint names another key than the proof", name)
		}
		cp, n, err := openSigned(s.Checkpoint, c.PublicKey)
		if err != nil {
			return nil, fp, fmt.Errorf("%s checkpoint: %w", name, err)
		}
		if cp.Chain != c.Chain || cp.Size != s.Size || hex.EncodeToString(cp.Root) != s.RootHash {
			return nil, fp, fmt.Errorf("%s checkpoint: its signed body states chain %s size %d root %x, the response chain %s size %d root %s", name, cp.Chain, cp.Size, cp.Root, c.Chain, s.Size, s.RootHash)
		}
		cps[i], noted[i] = cp, n
	}
	if cps[0].Size == 0 || cps[0].Size > cps[1].Size {
		return nil, fp, fmt.Errorf("sizes %d and %d: want 0 < first <= second", cps[0].Size, cps[1].Size)
	}
	path, err := unhex(c.Hashes)
	if err != nil {
		return nil, fp, err
	}
	if err := checkpoint.VerifyConsistency(cps[0].Size, cps[1].Size, path, cps[0].Root, cps[1].Root); err != nil {
		return nil, fp, fmt.Errorf("consistency %d→%d: %w", cps[0].Size, cps[1].Size, err)
	}
	return []string{
		fmt.Sprintf("chain %s at size %d extends itself at size %d", c.Chain, cps[1].Size, cps[0].Size),
		fmt.Sprintf("consistency path of %d hashes from root %x to root %x", len(path), cps[0].Root, cps[1].Root),
		fmt.Sprintf("checkpoints signed at %s%s and %s%s", cps[0].Time.UTC().Format("2006-01-02T15:04:05Z"), noteWord(noted[0]),
			cps[1].Time.UTC().Format("2006-01-02T15:04:05Z"), noteWord(noted[1])),
	}, fp, nil
}

// openSigned checks a checkpoint's signature and, if it has one, its C2SP
// note (the same size and root under the same key), and returns its body.
func openSigned(s proofapi.Signed, pubPEM string) (checkpoint.Checkpoint, bool, error) {
	sig, err := base64.StdEncoding.DecodeString(s.Signature)
	if err != nil {
		return checkpoint.Checkpoint{}, false, errors.New("checkpoint signature is not base64")
	}
	if err := checkpoint.VerifySignature(pubPEM, s.Body, sig); err != nil {
		return checkpoint.Checkpoint{}, false, fmt.Errorf("checkpoint signature: %w", err)
	}
	cp, err := checkpoint.ParseBody(s.Body)
	if err != nil {
		return cp, false, err
	}
	if s.Note == "" {
		return cp, false, nil
	}
	n, err := checkpoint.OpenNote(s.Note, checkpoint.NoteOrigin(cp.Origin, cp.Chain), pubPEM)
	if err != nil {
		return cp, false, fmt.Errorf("checkpoint note: %w", err)
	}
	if n.Size != cp.Size || !bytes.Equal(n.Root, cp.Root) {
		return cp, false, fmt.Errorf("checkpoint note states size %d root %x, the signed body size %d root %x", n.Size, n.Root, cp.Size, cp.Root)
	}
	return cp, true, nil
}

func noteWord(noted bool) string {
	if noted {
		return " (C2SP note checked)"
	}
	return " (no C2SP note)"
}

func unhex(hs []string) ([][]byte, error) {
	out := make([][]byte, len(hs))
	for i, h := range hs {
		b, err := hex.DecodeString(h)
		if err != nil {
			return nil, fmt.Errorf("hashes[%d] is not hex", i)
		}
		out[i] = b
	}
	return out, nil
}
