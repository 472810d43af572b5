package emulator

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// StartDynamo starts DynamoDB Local 3.x in memory (-inMemory -sharedDb, so
// every access key and region sees the same tables; Streams work), through
// the launcher that binds its Jetty connector to 127.0.0.1.
func StartDynamo(ctx context.Context, opt Options) (*Process, error) {
	opt = opt.withDefaults()
	// Installing may compile for minutes on a cold cache; only the start
	// itself is bounded by StartTimeout.
	paths, err := ensure(ctx, compDynamo)
	if err != nil {
		return nil, fmt.Errorf("start dynamodb: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, opt.StartTimeout)
	defer cancel()
	if err := paths.dynamoPaths(); err != nil {
		return nil, fmt.Errorf("start dynamodb: %w", err)
	}
	dir, err := newDataDir(opt, "dynamodb")
	if err != nil {
		return nil, err
	}
	portFile := filepath.Join(dir, "port")
	args := append(jvmFlags(),
		"-Djava.library.path="+filepath.Join(paths.DynamoDir, "DynamoDBLocal_lib"),
		"-Dagentgate.host=127.0.0.1",
		"-Dagentgate.port=0",
		"-Dagentgate.portFile="+portFile,
		"-cp", paths.LauncherDir+":"+dynamoClasspath(paths.DynamoDir),
		"Launcher",
		"-inMemory", "-sharedDb", "-disableTelemetry",
	)
	p, err := startChild(childSpec{name: "dynamodb", path: paths.Java, args: args, dir: dir}, opt)
	if err != nil {
		return nil, err
	}
	port, err := p.readPortFile(ctx, portFile)
	if err != nil {
		return nil, p.failStart(err)
	}
	p.Endpoint = "http://127.0.0.1:" + port
	if err := p.waitReady(ctx, dynamoProbe(p.Endpoint, opt.Region)); err != nil {
		return nil, p.failStart(err)
	}
	opt.Logger.Info("emulator ready", "name", p.Name, "pid", p.PID, "endpoint", p.Endpoint)
	return p, nil
}

// jvmFlags trade peak throughput for start time: a test run is short, and
// C1-only compilation with the serial collector started DynamoDB Local in
// 3.4-4.8s against 9.0-9.4s with the defaults on a loaded 2-core machine.
// (AppCDS would help more but refuses this jar: its manifest Class-Path
// names ".", a non-empty directory.)
//
// Benchmarks want the opposite: AGENTGATE_EMULATOR_PEAK=1 (set by `make
// bench`) keeps the JVM's full JIT and parallel collector.
func jvmFlags() []string {
	flags := []string{
		"-Xshare:auto",
		// Report sockets as plain IPv4 so /proc/net/tcp shows 127.0.0.1.
		"-Djava.net.preferIPv4Stack=true",
	}
	if os.Getenv("AGENTGATE_EMULATOR_PEAK") == "1" {
		return append(flags, "-Xms512m")
	}
	return append(flags, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
}

// dynamoProbe issues a real ListTables call: the port being open is not
// enough, the handler behind Jetty must answer.
func dynamoProbe(endpoint, region string) func(context.Context) error {
	return func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint+"/", strings.NewReader("{}"))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		req.Header.Set("X-Amz-Target", "DynamoDB_20120810.ListTables")
		// DynamoDB Local parses but does not verify the signature.
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+AccessKey+"/20260101/"+region+"/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "TableNames") {
			return fmt.Errorf("ListTables: %d %s", resp.StatusCode, body)
		}
		return nil
	}
}
