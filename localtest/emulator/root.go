// Package emulator installs, starts and stops the local AWS emulators the
// tests and `make local` run against: DynamoDB Local (with Streams), versitygw
// for S3, goaws for SNS and local-kms for KMS.
//
// Every emulator is a child process bound to 127.0.0.1 on a kernel-chosen
// port, in its own process group, killed by the kernel if this process dies,
// and stopped by PID. Tools live in the gitignored .tools folder at the repo
// root and are installed on first use, so a plain `go test ./...` on a fresh
// clone works.
package emulator

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// ModulePath is the module line that marks the repository root.
const ModulePath = "github.com/agentgate/agentgate"

var (
	rootOnce sync.Once
	rootDir  string
	rootErr  error
)

// RepoRoot returns the directory holding the go.mod of ModulePath, found by
// walking up from the working directory. Tests run with their package folder
// as working directory, and the nested tools module has a go.mod of its own,
// so the first go.mod found is not necessarily the right one.
func RepoRoot() (string, error) {
	rootOnce.Do(func() {
		wd, err := os.Getwd()
		if err != nil {
			rootErr = fmt.Errorf("find repo root: %w", err)
			return
		}
		rootDir, rootErr = findRoot(wd)
	})
	return rootDir, rootErr
}

func findRoot(start string) (string, error) {
	dir := start
	for {
		mod, err := moduleOf(filepath.Join(dir, "go.mod"))
		if err == nil && mod == ModulePath {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("find repo root: no go.mod with module %s above %s", ModulePath, start)
		}
		dir = parent
	}
}

func moduleOf(gomod string) (string, error) {
	f, err := os.Open(gomod)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", errors.New("no module line")
}
