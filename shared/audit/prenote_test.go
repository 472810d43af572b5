package audit

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testdata/package-before-notes.zip was built by audittest.Source at commit
// 3281183, before checkpoints carried C2SP signed notes (docs/decisions/170).
// Packages already handed to auditors must keep verifying, pinned to the key
// that signed them, whatever later versions add.
const (
	preNotePackage     = "testdata/package-before-notes.zip"
	preNoteFingerprint = "bf660954401037cce3ede32824da02ebe5c660f63de08d7a5e38829182dd1113"
	preNoteHash        = "a46e6c299540f65c8923b5f4be943d086123cb8b4c507c394248d9cf6bd97c21"
)

func TestPackageBuiltBeforeNotesStillVerifies(t *testing.T) {
	data, err := os.ReadFile(preNotePackage)
	require.NoError(t, err)
	res, err := verifyBytes(data, VerifyOptions{RequireSignature: true, TrustedFingerprint: preNoteFingerprint})
	require.NoError(t, err)
	assert.True(t, res.Pinned)
	assert.True(t, res.Signed)
	assert.Equal(t, preNoteHash, res.Manifest.PackageHash)
	assert.Equal(t, int64(30), res.Entries)
	assert.Equal(t, 3, res.Bundles)
	assert.Equal(t, 1, res.Checkpoints)
	for _, c := range res.Manifest.Chains {
		require.NotNil(t, c.Checkpoint)
	}

	// It is the pin that holds it: another fingerprint fails.
	_, err = verifyBytes(data, VerifyOptions{TrustedFingerprint: "00" + preNoteFingerprint[2:]})
	assertFailure(t, err, "public_key", FileManifest, -1)
}
