package wire_test

import (
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/agentgate/agentgate/"

// credentialChain are the SDK services the default credential chain links
// (platform.AWSConfig: STS for web identity and roles, SSO and its OIDC and
// sign-in services for profiles); every function links them.
var credentialChain = []string{"signin", "sso", "ssooidc", "sts"}

// Each function binary links only the SDK services it calls and, unless it
// builds a gate, not the gate: every SDK service and the gate initialise
// their tables at process start, whether used or not (docs/decisions/232).
// A new import that breaks this belongs in the function's own wiring
// package, or the table here changes with a reason.
func TestFunctionsLinkOnlyWhatTheyUse(t *testing.T) {
	for _, tc := range []struct {
		pkg      string
		services []string // besides the credential chain
		gate     bool
	}{
		{pkg: "shared/wire", services: []string{"dynamodb", "kms", "s3"}},
		{pkg: "functions/authorizer", services: []string{"dynamodb"}},
		{pkg: "functions/archiver", services: []string{"dynamodb", "kms", "s3"}},
		{pkg: "functions/checkpointer", services: []string{"dynamodb", "kms", "s3"}},
		// dynamodbstreams: the SDK's attributevalue (shared/audit/awsstore,
		// shared/registers/regstore) imports it for stream records.
		{pkg: "functions/api", services: []string{"bedrockruntime", "dynamodb", "dynamodbstreams", "kms", "s3"}, gate: true},
		// No gate: shared/audit declares its routes with shared/httpapi/route,
		// and the adversarial runs are shared/registers/adversary.
		{pkg: "functions/packager", services: []string{"dynamodb", "dynamodbstreams", "kms", "lambda", "s3", "sfn"}},
		{pkg: "functions/controls", services: []string{"apigatewayv2", "cloudfront", "cloudwatch", "configservice", "dynamodb",
			"dynamodbstreams", "ecs", "iam", "inspector2", "kms", "lambda", "s3", "sagemaker", "secretsmanager", "securityhub", "sns", "sqs"}, gate: true},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			t.Parallel()
			deps := listDeps(t, module+tc.pkg)
			var services []string
			hasGate := false
			for _, d := range deps {
				if rest, ok := strings.CutPrefix(d, "github.com/aws/aws-sdk-go-v2/service/"); ok {
					name, _, _ := strings.Cut(rest, "/")
					if name != "internal" && !slices.Contains(services, name) {
						services = append(services, name)
					}
				}
				if d == module+"shared/gate" {
					hasGate = true
				}
			}
			want := append(slices.Clone(tc.services), credentialChain...)
			slices.Sort(want)
			slices.Sort(services)
			if !slices.Equal(services, want) {
				t.Errorf("%s links the SDK services %v, want %v", tc.pkg, services, want)
			}
			if hasGate != tc.gate {
				t.Errorf("%s links shared/gate: %v, want %v", tc.pkg, hasGate, tc.gate)
			}
		})
	}
}

// listDeps is `go list -deps -json pkg`: every package pkg links.
func listDeps(t *testing.T, pkg string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath", pkg)
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list %s: %v\n%s", pkg, err, ee.Stderr)
		}
		t.Fatalf("go list %s: %v", pkg, err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	var deps []string
	for {
		var p struct{ ImportPath string }
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		deps = append(deps, p.ImportPath)
	}
	return deps
}
