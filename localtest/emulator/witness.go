package emulator

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	tnote "github.com/transparency-dev/formats/note"
	"golang.org/x/mod/sumdb/note"
)

// WitnessLog is a log the local witness cosigns: its origin and the verifier
// key of its checkpoint signatures (for agentgate's chains,
// checkpoint.NoteVerifierKey of the chain's origin).
type WitnessLog struct {
	Origin    string
	PublicKey string
}

// Witness is a running transparency-dev omniwitness.
type Witness struct {
	*Process
	// Name is the witness's key name, PublicKey its tlog-cosignature (0x04)
	// verifier key: what a deployment's `witnesses` entry and
	// `agentgate verify --witness` take.
	Name      string
	PublicKey string
}

// StartWitness runs transparency-dev/witness's omniwitness (built from the
// module proxy at the version tools/go.mod pins) on 127.0.0.1 with a fresh
// Ed25519 key named name, an sqlite database in its data dir, and logs as
// the logs it cosigns. It is given no distributor, bastion or public witness
// network configuration and no metrics listener, so it makes no outbound
// call: it only answers add-checkpoint. (Its built-in list of public logs is
// only a list of keys; without a feeder it fetches nothing.)
func StartWitness(ctx context.Context, opt Options, name string, logs []WitnessLog) (*Witness, error) {
	opt = opt.withDefaults()
	skey, vkey, err := note.GenerateKey(rand.Reader, name)
	if err != nil {
		return nil, fmt.Errorf("witness key: %w", err)
	}
	cosigKey, err := tnote.VKeyToCosignatureV1(vkey)
	if err != nil {
		return nil, fmt.Errorf("witness key: %w", err)
	}
	var yaml strings.Builder
	yaml.WriteString("Logs:\n")
	for _, l := range logs {
		fmt.Fprintf(&yaml, "  - Origin: %q\n    PublicKey: %q\n", l.Origin, l.PublicKey)
	}
	p, err := launch{
		name: "witness", comp: compGoTools, path: Paths.Omniwitness,
		prepare: func(dir string) error {
			if err := os.WriteFile(filepath.Join(dir, "witness.key"), []byte(skey), 0o600); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "logs.yaml"), []byte(yaml.String()), 0o644)
		},
		args: func(dir string) []string {
			return []string{
				"--listen=127.0.0.1:0",
				"--metrics_listen=",
				"--db_file=" + filepath.Join(dir, "witness.db"),
				"--private_key_path=" + filepath.Join(dir, "witness.key"),
				"--additional_logs=" + filepath.Join(dir, "logs.yaml"),
			}
		},
		probe: func(endpoint string) func(context.Context) error {
			// Any answer proves the server is up; an empty add-checkpoint
			// is a 400.
			return func(ctx context.Context) error {
				req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint+"/add-checkpoint", strings.NewReader(""))
				if err != nil {
					return err
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					return err
				}
				resp.Body.Close()
				return nil
			}
		},
	}.start(ctx, opt)
	if err != nil {
		return nil, err
	}
	return &Witness{Process: p, Name: name, PublicKey: cosigKey}, nil
}
