// Package smoke runs every built function bootstrap under the AWS Lambda
// runtime interface emulator (RIE) and invokes it with the sample events in
// events/testdata/smoke-<function>*.json. It proves what the in-process
// handler tests cannot: the binary starts with the environment the stack
// gives it, speaks the Lambda runtime API, decodes the real payload shape and
// answers with a well-formed response.
package smoke

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/agentgate/agentgate/shared/platform"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/agentgate/agentgate/infra"
	"github.com/agentgate/agentgate/localtest/emulator"
	"github.com/agentgate/agentgate/localtest/stack"
	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/tables"
)

// RIEModule is the pinned emulator; `make rie` installs the same into .tools/bin.
const RIEModule = "github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@v0.0.0-20261030222936-bef5c4ba774d"

// emu is DynamoDB Local: the functions reach a real key store and evidence
// table, so the sample events exercise the whole path, not only the error paths.
var emu *emulator.Set

func TestMain(m *testing.M) { emulator.Main(m, &emu, emulator.Dynamo, emulator.S3Svc, emulator.SNS) }

// The smoke tenant and key. The key is minted from fixed bytes, so
// events/testdata/smoke-authorizer-valid.json can carry it verbatim.
const (
	smokeTenant = "acme"
	smokeKeyID  = "4242424242424242"
)

// expectations per sample event, beyond the generic checks.
var expectations = map[string]func(t *testing.T, event, resp map[string]any){
	// The contract: a request the authorizer did not authenticate is a 401
	// JSON error carrying the request id.
	"smoke-api-unauthenticated.json": func(t *testing.T, event, resp map[string]any) {
		assert.EqualValues(t, 401, resp["statusCode"])
		body := apiBody(t, resp)
		errObj, _ := body["error"].(map[string]any)
		require.NotNil(t, errObj, "error envelope: %v", body)
		assert.Equal(t, "unauthorized", errObj["code"])
		assert.Equal(t, requestID(event), errObj["requestId"])
	},
	// A validate call decides and leaves an evidence entry on the tenant's chain.
	"smoke-api.json": func(t *testing.T, _, resp map[string]any) {
		require.EqualValues(t, 200, resp["statusCode"], "validate: %v", resp)
		body := apiBody(t, resp)
		assert.Contains(t, []any{"allow", "redact", "block"}, body["decision"])
		ev, _ := body["evidence"].(map[string]any)
		require.NotNil(t, ev, "evidence in %v", body)
		assert.True(t, strings.HasPrefix(fmt.Sprint(ev["chain"]), smokeTenant+"/"), "chain %v", ev["chain"])
		assert.Len(t, fmt.Sprint(ev["hash"]), 64)
	},
	// The key minted into the registry resolves to its tenant, id and scopes.
	"smoke-authorizer-valid.json": func(t *testing.T, _, resp map[string]any) {
		ctx, _ := resp["context"].(map[string]any)
		require.NotNil(t, ctx, "context in %v", resp)
		assert.Equal(t, true, ctx["authenticated"])
		assert.Equal(t, smokeTenant, ctx["tenant"])
		assert.Equal(t, smokeKeyID, ctx["keyId"])
	},
	// The record's entry is not in the table (its tenant, "unseeded", has no
	// entries, whatever the API smoke event appended), so the archive of its
	// chain fails: the handler must say so as a batch item failure at that
	// record (the stream then retries from it), not as an error or a crash.
	"smoke-archiver.json": func(t *testing.T, event, resp map[string]any) {
		rec := event["Records"].([]any)[0].(map[string]any)
		seq := rec["dynamodb"].(map[string]any)["SequenceNumber"]
		assert.Equal(t, []any{map[string]any{"itemIdentifier": seq}}, resp["batchItemFailures"])
	},
	// A scheduled run answers with its summary, even when a chain cannot be sealed.
	"smoke-checkpointer.json": func(t *testing.T, _, resp map[string]any) {
		_, chains := resp["chains"].(float64)
		_, sealed := resp["sealed"].(float64)
		assert.True(t, chains && sealed, "checkpoint summary: %v", resp)
	},
	// A string that is not an agentgate key must never come back authenticated.
	"smoke-authorizer.json": func(t *testing.T, _, resp map[string]any) {
		_, isBool := resp["isAuthorized"].(bool)
		assert.True(t, isBool, "simple response has isAuthorized: %v", resp)
		ctx, _ := resp["context"].(map[string]any)
		assert.NotEqual(t, true, ctx["authenticated"], "a malformed key is not authenticated")
	},
}

// shapes checks the response shape every event of a function must have.
var shapes = map[string]func(t *testing.T, resp map[string]any){
	"api": func(t *testing.T, resp map[string]any) {
		status := toInt(resp["statusCode"])
		assert.True(t, status >= 200 && status < 600, "statusCode %v", resp["statusCode"])
		assert.NotEqual(t, 500, status, "never a 500")
		headers, _ := resp["headers"].(map[string]any)
		assert.Contains(t, fmt.Sprint(headers["Content-Type"], headers["content-type"]), "application/json")
		apiBody(t, resp)
	},
	"authorizer": func(t *testing.T, resp map[string]any) {
		assert.Contains(t, resp, "isAuthorized")
	},
}

func TestBootstrapsAnswerUnderRIE(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the runtime interface emulator runs on Linux only")
	}
	root := repoRoot(t)
	rie := rieBinary(t, root)
	tableNames := seed(t)
	mains, err := filepath.Glob(filepath.Join(root, "functions", "*", "main.go"))
	require.NoError(t, err)
	require.NotEmpty(t, mains, "no functions to smoke-test")

	for _, m := range mains {
		name := filepath.Base(filepath.Dir(m))
		t.Run(name, func(t *testing.T) {
			events, err := filepath.Glob(filepath.Join(root, "events", "testdata", "smoke-"+name+"*.json"))
			require.NoError(t, err)
			// Globs like smoke-api*.json also match smoke-apix.json; keep this function's own.
			events = ownEvents(name, events)
			require.NotEmpty(t, events, "add a sample event events/testdata/smoke-%s.json", name)
			envNames, ok := infra.FunctionEnvNames(name)
			require.True(t, ok, "functions/%s has no spec in infra/stack.go", name)

			bootstrap := buildBootstrap(t, root, name)
			fn := startRIE(t, rie, bootstrap, name, envNames, tableNames)
			for _, ev := range events {
				t.Run(filepath.Base(ev), func(t *testing.T) {
					payload, err := os.ReadFile(ev)
					require.NoError(t, err)
					var event map[string]any
					require.NoError(t, json.Unmarshal(payload, &event))

					start := time.Now()
					raw := fn.invoke(t, payload)
					t.Logf("%s answered in %s: %s", name, time.Since(start).Round(time.Millisecond), truncate(raw, 300))
					var resp map[string]any
					require.NoError(t, json.Unmarshal(raw, &resp), "response is a JSON object: %s", raw)
					assert.NotContains(t, resp, "errorType", "the handler returned an error: %s", raw)
					if shape, ok := shapes[name]; ok {
						shape(t, resp)
					}
					if exp, ok := expectations[filepath.Base(ev)]; ok {
						exp(t, event, resp)
					}
				})
			}
		})
	}
}

// seed creates the tables from the shared definitions, the smoke tenant and
// its key, and returns the physical table names by env var.
func seed(t *testing.T) map[string]string {
	t.Helper()
	ctx := context.Background()
	ddb := dynamodb.NewFromConfig(emulator.Config(emu.Region), emulator.DynamoOptions(emu.Dynamo.Endpoint))
	names, err := stack.CreateTables(ctx, ddb, fmt.Sprintf("smoke%d-", time.Now().UnixNano()))
	require.NoError(t, err)
	registry := names[tables.Registry.EnvVar]
	_, err = dynamo.NewTenantStore(ddb, registry).PutTenant(ctx, dynamo.Tenant{
		ID: smokeTenant, Name: smokeTenant, UserKey: bytes.Repeat([]byte{7}, 32), CreatedAt: time.Now().UTC(),
	})
	require.NoError(t, err)
	plain, k, err := auth.NewKey(bytes.NewReader(bytes.Repeat([]byte{0x42}, 40)), smokeTenant,
		[]string{auth.ScopeValidate, auth.ScopeRead}, time.Now())
	require.NoError(t, err)
	require.Equal(t, smokeKeyID, k.ID)
	raw, err := os.ReadFile(filepath.Join(repoRoot(t), "events", "testdata", "smoke-authorizer-valid.json"))
	require.NoError(t, err)
	require.Contains(t, string(raw), plain, "smoke-authorizer-valid.json carries the key minted from fixed bytes")
	require.NoError(t, dynamo.NewKeyStore(ddb, registry).PutKey(ctx, k))

	// The buckets and the topic the scheduled functions write to.
	suffix := strconv.FormatInt(time.Now().UnixNano(), 36)
	s3c := emu.S3Client()
	names[platform.EnvArchiveBucket] = "smoke-archive-" + suffix
	names[platform.EnvPackagesBucket] = "smoke-packages-" + suffix
	_, err = s3c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(names[platform.EnvArchiveBucket]), ObjectLockEnabledForBucket: aws.Bool(true)})
	require.NoError(t, err)
	_, err = s3c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(names[platform.EnvPackagesBucket])})
	require.NoError(t, err)
	topic, err := emu.SNSClient().CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("smoke-alerts-" + suffix)})
	require.NoError(t, err)
	names[platform.EnvAlertTopicARN] = aws.ToString(topic.TopicArn)
	return names
}

func ownEvents(name string, paths []string) []string {
	var out []string
	for _, p := range paths {
		rest := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), "smoke-"+name), ".json")
		if rest == "" || strings.HasPrefix(rest, "-") {
			out = append(out, p)
		}
	}
	return out
}

func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, parent, dir, "go.mod not found above the test directory")
		dir = parent
	}
}

// rieBinary uses AGENTGATE_RIE, else .tools/bin/aws-lambda-rie, installing the
// pinned version there on first use so plain `go test` works.
func rieBinary(t *testing.T, root string) string {
	t.Helper()
	if p := os.Getenv("AGENTGATE_RIE"); p != "" {
		return p
	}
	bin := filepath.Join(root, ".tools", "bin")
	p := filepath.Join(bin, "aws-lambda-rie")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	cmd := exec.Command("go", "install", RIEModule)
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	cmd.Dir = os.TempDir() // outside this module: install the pinned module as is
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "install %s: %s", RIEModule, out)
	return p
}

// buildBootstrap builds for the host architecture (the deploy build is
// linux/arm64), with the deploy build's tags and flags.
func buildBootstrap(t *testing.T, root, name string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "bootstrap")
	cmd := exec.Command("go", "build", "-tags", "lambda.norpc", "-trimpath", "-ldflags=-s -w", "-o", out, "./functions/"+name)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH="+runtime.GOARCH)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "build functions/%s: %s", name, msg)
	return out
}

type rieProcess struct {
	url string
}

// startRIE runs the emulator with both of its listeners on 127.0.0.1 and
// the bootstrap as its runtime. The environment is the stack's variable
// names (real table names, placeholders for the rest), the emulators'
// static credentials, DynamoDB Local, and every other AWS endpoint pointed
// at a closed local port, so nothing can leave the machine.
func startRIE(t *testing.T, rie, bootstrap, name string, envNames []string, tableNames map[string]string) *rieProcess {
	t.Helper()
	apiAddr, runtimeAddr, deadAddr := freeAddr(t), freeAddr(t), freeAddr(t)
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + t.TempDir(),
		"AWS_LAMBDA_FUNCTION_NAME=agentgate-" + name,
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512",
		"AWS_LAMBDA_FUNCTION_TIMEOUT=30",
		"AWS_ENDPOINT_URL=http://" + deadAddr, // every service without its own variable below
		"AWS_MAX_ATTEMPTS=1",
	}
	env = append(env, emu.Env()...) // credentials, region, DynamoDB Local endpoints
	for _, n := range envNames {
		v, ok := tableNames[n]
		if !ok {
			v = placeholder(n)
		}
		env = append(env, n+"="+v)
	}
	cmd := exec.Command(rie, "--runtime-interface-emulator-address", apiAddr, "--runtime-api-address", runtimeAddr, bootstrap)
	cmd.Env = env
	cmd.Dir = filepath.Dir(bootstrap)
	// Own process group: RIE forks the bootstrap, and cleanup must end both.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	require.NoError(t, cmd.Start())
	pid := cmd.Process.Pid
	t.Cleanup(func() {
		_ = syscall.Kill(-pid, syscall.SIGKILL) // the group this test created, by its id
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("RIE and %s output:\n%s", name, truncate(logs.Bytes(), 4000))
		}
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", apiAddr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		require.True(t, time.Now().Before(deadline), "RIE did not listen on %s: %s", apiAddr, logs.String())
		time.Sleep(50 * time.Millisecond)
	}
	for _, addr := range []string{apiAddr, runtimeAddr} {
		assertLoopbackOnly(t, addr)
	}
	return &rieProcess{url: "http://" + apiAddr + "/2015-03-31/functions/function/invocations"}
}

// assertLoopbackOnly reads the kernel's socket tables: every listener on the
// port must be bound to 127.0.0.1, none to a wildcard or external address.
func assertLoopbackOnly(t *testing.T, addr string) {
	t.Helper()
	_, portStr, err := net.SplitHostPort(addr)
	require.NoError(t, err)
	port, err := strconv.Atoi(portStr)
	require.NoError(t, err)
	wantPort := fmt.Sprintf("%04X", port)
	// RIE opens its two ports one after the other: the invoke port can answer
	// before the runtime API port is listening (seen in a clean-clone CI run),
	// so wait for a listener before judging how it is bound.
	var listeners []string
	deadline := time.Now().Add(10 * time.Second)
	for {
		listeners = listenersOn(wantPort)
		if len(listeners) > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	require.NotEmpty(t, listeners, "a listener on %s", addr)
	for _, h := range listeners {
		assert.Equal(t, "0100007F", h, "listener on port %d is bound to 127.0.0.1 only", port)
	}
}

// listenersOn returns the local addresses (kernel hex) of the sockets
// listening on the port (4 hex digits).
func listenersOn(wantPort string) []string {
	var listeners []string
	for _, table := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		raw, err := os.ReadFile(table)
		if err != nil {
			continue // no IPv6 table on this kernel
		}
		for _, line := range strings.Split(string(raw), "\n")[1:] {
			f := strings.Fields(line)
			if len(f) < 4 || f[3] != "0A" { // 0A: LISTEN
				continue
			}
			host, p, ok := strings.Cut(f[1], ":")
			if ok && p == wantPort {
				listeners = append(listeners, host)
			}
		}
	}
	return listeners
}

func (p *rieProcess) invoke(t *testing.T, payload []byte) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(payload))
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "RIE invoke: %s", body)
	return body
}

func placeholder(name string) string {
	switch name {
	case "EVIDENCE_SHARDS":
		return "4"
	case "RETENTION_DAYS":
		return "400"
	case "LATENCY_OBJECTIVE_MS":
		return "300"
	case "RATE_LIMIT_RPS":
		return "100"
	case "LOG_LEVEL":
		return "debug"
	// Optional features off, as a deploy with cdk.json's defaults sets them.
	case "WITNESS_QUORUM":
		return "0"
	case "WITNESSES", "ANCHOR_BUCKET", "ANCHOR_BUCKET_OWNER", "BEDROCK_GUARDRAIL":
		return ""
	case "SECURITY_HUB":
		return "false"
	// The package sizes cdk.json sets (decision 230).
	case "PACKAGE_SINGLE_MAX_BYTES":
		return "8589934592"
	case "PACKAGE_BY_REFERENCE_BYTES":
		return "68719476736"
	}
	if strings.HasSuffix(name, "_ARN") || strings.HasSuffix(name, "_KEY_ID") {
		return "arn:aws:smoke:eu-west-1:123456789012:" + strings.ToLower(name)
	}
	if strings.HasSuffix(name, "_URL") {
		return "http://127.0.0.1:9/" + strings.ToLower(name)
	}
	return "smoke-" + strings.ToLower(strings.ReplaceAll(name, "_", "-"))
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().String()
}

func apiBody(t *testing.T, resp map[string]any) map[string]any {
	t.Helper()
	s, _ := resp["body"].(string)
	var body map[string]any
	require.NoError(t, json.Unmarshal([]byte(s), &body), "body is JSON: %q", s)
	return body
}

func requestID(event map[string]any) any {
	rc, _ := event["requestContext"].(map[string]any)
	return rc["requestId"]
}

func toInt(v any) int {
	f, ok := v.(float64)
	if !ok {
		return -1
	}
	return int(f)
}

func truncate(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	return string(b[:n]) + "..."
}
