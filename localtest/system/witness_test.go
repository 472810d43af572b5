package system_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tnote "github.com/transparency-dev/formats/note"

	"github.com/agentgate/agentgate/localtest/system"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/audit"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/checkpoint"
	"github.com/agentgate/agentgate/shared/checkpoint/witness"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/wire/checkpointwire"
)

// TestSplitViewRefusedByWitness is issue 15's split-view test, against the
// real transparency-dev witness the local system runs. The demo tenant's
// checkpoints are cosigned by it and a package carrying them verifies with
// `agentgate verify --witness`. Then the operator, who holds the signing
// key, signs a second checkpoint of the same chain and size with another
// root (the history it would show one auditor only): the witness refuses
// it, and `agentgate verify` of a package carrying it fails and names the
// chain, the checkpoint and the witness that did not cosign it.
func TestSplitViewRefusedByWitness(t *testing.T) {
	ctx := context.Background()
	require.NotEmpty(t, sys.Witness, "the local system runs a witness")
	w, err := witness.ParseKey(sys.Witness)
	require.NoError(t, err)
	w.URL = sys.WitnessURL
	assert.Equal(t, system.WitnessName, w.Name)

	auditKey, err := sys.CreateKey(ctx, sys.Tenant, auth.ScopeAudit)
	require.NoError(t, err)
	validateMany(t, sys.APIKey, 40)
	waitArchived(t, sys.Tenant)
	from := time.Now().UTC().AddDate(0, 0, -1).Format(time.RFC3339)
	to := time.Now().UTC().Add(time.Hour).Format(time.RFC3339)
	status, body := do(t, "POST", "/v1/packages", auditKey, fmt.Sprintf(`{"from":%q,"to":%q,"frameworks":["soc2"]}`, from, to))
	require.Equal(t, 202, status, "%v", body)
	pkg := download(t, waitReady(t, auditKey, body["id"].(string))["url"].(string))

	res, err := audit.Verify(bytes.NewReader(pkg), int64(len(pkg)), audit.VerifyOptions{
		TrustedFingerprint: sys.SigningKeyFingerprint, Witnesses: []witness.Witness{w}, Quorum: 1})
	require.NoError(t, err, "the honest package's checkpoints are cosigned by the witness")
	require.Positive(t, res.Checkpoints)
	assert.Equal(t, res.Checkpoints, res.Witnessed)

	// The checkpoint the operator forks: one the witness cosigned.
	var chain *audit.Chain
	for i := range res.Manifest.Chains {
		if c := res.Manifest.Chains[i]; c.Checkpoint != nil && c.Checkpoint.Cosigned != "" {
			chain = &res.Manifest.Chains[i]
			break
		}
	}
	require.NotNil(t, chain, "a chain with a cosigned checkpoint")
	honest, err := checkpoint.ParseBody(chain.Checkpoint.Body)
	require.NoError(t, err)
	forkRoot := bytes.Clone(honest.Root)
	forkRoot[0] ^= 0xff

	signer := awsstore.NewSigner(sys.Clients.KMS, sys.Config.SigningKeyID)
	der, err := signer.PublicKey(ctx)
	require.NoError(t, err)
	origin := checkpoint.NoteOrigin(honest.Origin, chain.Chain)
	forkNote, err := checkpoint.SignNote(ctx, signer, der, origin, honest.Size, forkRoot)
	require.NoError(t, err)
	_, err = (&witness.Client{}).Submit(ctx, w, forkNote, honest.Size, func(context.Context, uint64) ([][]byte, error) { return nil, nil })
	require.ErrorIs(t, err, witness.ErrRefused, "the witness refuses a second root for a size it cosigned")

	// The package the operator would hand that one auditor: the forked
	// checkpoint (body and note, both validly signed by the deployment's
	// key), the package re-signed.
	forkBody := checkpoint.Body(honest.Origin, chain.Chain, honest.Size, forkRoot, honest.Time)
	forkSig, err := signer.Sign(ctx, checkpoint.Digest(forkBody))
	require.NoError(t, err)
	forked := rewritePackage(t, ctx, pkg, signer, func(m *audit.Manifest) {
		c := m.ChainByName(chain.Chain)
		c.Checkpoint.Body, c.Checkpoint.Signature = forkBody, base64.StdEncoding.EncodeToString(forkSig)
		c.Checkpoint.RootHash = hex.EncodeToString(forkRoot)
		c.Checkpoint.Note, c.Checkpoint.Cosigned = forkNote, ""
	})

	dir := t.TempDir()
	cli := filepath.Join(dir, "agentgate")
	build := exec.Command("go", "build", "-o", cli, "../../cmd/agentgate")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	honestPath, forkedPath := filepath.Join(dir, "honest.zip"), filepath.Join(dir, "forked.zip")
	require.NoError(t, os.WriteFile(honestPath, pkg, 0o600))
	require.NoError(t, os.WriteFile(forkedPath, forked, 0o600))
	verify := func(path string) (string, error) {
		out, err := exec.Command(cli, "verify", path, "--fingerprint", sys.SigningKeyFingerprint, "--witness", sys.Witness, "--quorum", "1").CombinedOutput()
		return string(out), err
	}

	out, err := verify(honestPath)
	require.NoError(t, err, out)
	assert.Contains(t, out, fmt.Sprintf("%d checkpoints cosigned by at least 1 of 1 witnesses", res.Checkpoints))

	out, err = verify(forkedPath)
	require.Error(t, err, "the forked package must not verify against the witness:\n%s", out)
	assert.Contains(t, out, "checkpoint_witness")
	assert.Contains(t, out, chain.Chain)
	assert.Contains(t, out, fmt.Sprintf("checkpoint at size %d", honest.Size))
	assert.Contains(t, out, "no valid cosignature by "+system.WitnessName)

	// Without --witness the forked checkpoint itself is validly signed: it
	// is the entries that give it away here, since the operator did not
	// also forge them. The witness is what catches a consistent fork.
	plain, err := exec.Command(cli, "verify", forkedPath, "--fingerprint", sys.SigningKeyFingerprint).CombinedOutput()
	require.Error(t, err, string(plain))
	assert.NotContains(t, string(plain), "checkpoint_witness")
}

// rewritePackage edits a package's manifest and re-signs the package with
// the deployment's key, as the operator could.
func rewritePackage(t *testing.T, ctx context.Context, data []byte, signer *awsstore.Signer, edit func(*audit.Manifest)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		body, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		if f.Name == audit.FileManifest {
			m, err := audit.ParseManifest(body)
			require.NoError(t, err)
			edit(m)
			m.PackageHash, err = m.Hash()
			require.NoError(t, err)
			sig, err := signer.Sign(ctx, checkpoint.Digest(audit.SignedStatement(m.Tenant, m.ID, m.Sequence, m.PackageHash)))
			require.NoError(t, err)
			m.Signature = base64.StdEncoding.EncodeToString(sig)
			body, err = json.Marshal(m)
			require.NoError(t, err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method})
		require.NoError(t, err)
		_, err = w.Write(body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// TestWitnessDownDelaysCosigning: with its witness down, the checkpointer
// still seals and stores every checkpoint, promptly, uncosigned; once the
// witness answers, the next run cosigns the latest checkpoint although the
// chain did not grow (the witness, a size behind, answers 409 and gets the
// consistency proof from its own size).
func TestWitnessDownDelaysCosigning(t *testing.T) {
	ctx := context.Background()
	w, err := witness.ParseKey(sys.Witness)
	require.NoError(t, err)
	reg := awsstore.NewRegistry(sys.DDB, sys.Config.RegistryTable)

	// A first checkpoint of every demo chain, cosigned, so the witness has
	// a size of its own for each.
	validateMany(t, sys.APIKey, 16)
	waitArchived(t, sys.Tenant)
	require.NoError(t, sys.Checkpoint(ctx))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	downURL := "http://" + ln.Addr().String()
	require.NoError(t, ln.Close())
	cfg := sys.Config
	cfg.Witnesses = fmt.Sprintf(`[{"name":%q,"url":%q,"publicKey":%q}]`, w.Name, downURL, sys.Witness)
	down, err := checkpointwire.NewCheckpointer(sys.Clients, cfg)
	require.NoError(t, err)

	validateMany(t, sys.APIKey, 16)
	waitArchived(t, sys.Tenant)
	start := time.Now()
	res, err := down.Run(ctx, time.Now())
	require.NoError(t, err, "a witness down fails no seal")
	assert.Less(t, time.Since(start), 5*time.Second, "nor holds it up")
	require.Positive(t, res.Sealed)

	var grown []checkpoint.Checkpoint
	for shard := range 4 {
		c, err := reg.Latest(ctx, evidence.ChainID(sys.Tenant, shard))
		if errors.Is(err, checkpoint.ErrNotFound) {
			continue
		}
		require.NoError(t, err)
		if c.Cosigned == "" {
			grown = append(grown, c)
		}
	}
	require.NotEmpty(t, grown, "the checkpoints sealed while the witness was down are stored uncosigned")

	up, err := checkpointwire.NewCheckpointer(sys.Clients, sys.Config)
	require.NoError(t, err)
	res, err = up.Run(ctx, time.Now())
	require.NoError(t, err)
	assert.Zero(t, res.Sealed, "nothing grew")
	for _, g := range grown {
		c, err := reg.Latest(ctx, g.Chain)
		require.NoError(t, err)
		require.Equal(t, g.Size, c.Size)
		require.NotEmpty(t, c.Cosigned, "chain %s size %d cosigned on the next run", g.Chain, g.Size)
		vkey, err := checkpoint.NoteVerifierKeyPEM(checkpoint.NoteOrigin(c.Origin, c.Chain), c.PublicKeyPEM)
		require.NoError(t, err)
		logV, err := tnote.NewECDSAVerifier(vkey)
		require.NoError(t, err)
		got, err := witness.Verify(c.Cosigned, logV, []witness.Witness{w}, 1)
		require.NoError(t, err)
		assert.Equal(t, []string{system.WitnessName}, got)
		atSize, err := reg.AtSize(ctx, g.Chain, g.Size)
		require.NoError(t, err)
		assert.Equal(t, c.Cosigned, atSize.Cosigned, "stored on the size's item too")
	}
}
