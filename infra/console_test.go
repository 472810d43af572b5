package infra

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/web"
)

// consoleTemplate synthesizes a stack with the console construct (and the
// log bucket it needs) under cdk-nag.
func consoleTemplate(t *testing.T) (map[string]any, []string) {
	t.Helper()
	nm := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(nm, "chart.js", "dist"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(nm, "chart.js", "dist", "chart.umd.min.js"), []byte("/*chart*/"), 0o644))
	dir := filepath.Join(t.TempDir(), "console")
	require.NoError(t, StageConsole(dir, nm))
	for _, f := range []string{"index.html", "app.js", "app.css", "vendor/chart.umd.min.js"} {
		assert.FileExists(t, filepath.Join(dir, filepath.FromSlash(f)), "staged")
	}

	app := awscdk.NewApp(&awscdk.AppProps{Context: &featureFlags})
	st := awscdk.NewStack(app, jsii.String("ConsoleTest"), nil)
	keys := NewKeys(st, "Keys")
	buckets := NewBuckets(st, "Buckets", BucketsProps{Key: keys.Data, RetentionDays: 30, ObjectLockMode: "GOVERNANCE",
		PackagesRetentionDays: 30, AccessLogRetentionDays: 30})
	NewConsole(st, "Console", ConsoleProps{Dir: dir, APIEndpoint: jsii.String("https://abc123.execute-api.eu-west-1.amazonaws.com"),
		AccessLog: buckets.AccessLog})
	Check(app)
	raw := assertions.Template_FromStack(st, nil).ToJSON()
	b, err := json.Marshal(raw)
	require.NoError(t, err)
	var tpl map[string]any
	require.NoError(t, json.Unmarshal(b, &tpl))
	var nagErrs []string
	for _, msg := range *assertions.Annotations_FromStack(st).FindError(jsii.String("*"), assertions.Match_StringLikeRegexp(jsii.String("AwsSolutions-.*"))) {
		nagErrs = append(nagErrs, *msg.Id+": "+jsonString(msg.Entry.Data))
	}
	return tpl, nagErrs
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func ofType(tpl map[string]any, typ string) []map[string]any {
	var out []map[string]any
	for _, r := range tpl["Resources"].(map[string]any) {
		m := r.(map[string]any)
		if m["Type"] == typ {
			p, _ := m["Properties"].(map[string]any)
			out = append(out, p)
		}
	}
	return out
}

func TestConsoleConstruct(t *testing.T) {
	tpl, nagErrs := consoleTemplate(t)
	assert.Empty(t, nagErrs, "unsuppressed AwsSolutions errors")

	policies := ofType(tpl, "AWS::CloudFront::ResponseHeadersPolicy")
	require.Len(t, policies, 1)
	sec := policies[0]["ResponseHeadersPolicyConfig"].(map[string]any)["SecurityHeadersConfig"].(map[string]any)
	assert.Equal(t, web.CSP, sec["ContentSecurityPolicy"].(map[string]any)["ContentSecurityPolicy"], "the CSP the local console is tested with")
	assert.Equal(t, "DENY", sec["FrameOptions"].(map[string]any)["FrameOption"])
	assert.Equal(t, "no-referrer", sec["ReferrerPolicy"].(map[string]any)["ReferrerPolicy"])

	dists := ofType(tpl, "AWS::CloudFront::Distribution")
	require.Len(t, dists, 1)
	cfg := dists[0]["DistributionConfig"].(map[string]any)
	def := cfg["DefaultCacheBehavior"].(map[string]any)
	assert.Equal(t, "redirect-to-https", def["ViewerProtocolPolicy"])
	assert.NotNil(t, def["ResponseHeadersPolicyId"], "the console's files carry the CSP")
	assert.Equal(t, "index.html", cfg["DefaultRootObject"])
	behaviors := cfg["CacheBehaviors"].([]any)
	require.Len(t, behaviors, 1)
	apiB := behaviors[0].(map[string]any)
	assert.Equal(t, "/v1/*", apiB["PathPattern"], "the API on the same origin, so connect-src 'self' reaches it")
	assert.Equal(t, "https-only", apiB["ViewerProtocolPolicy"])
	assert.Equal(t, "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", apiB["CachePolicyId"], "CachingDisabled: no API answer is cached")
	assert.Equal(t, "b689b0a8-53d0-40ab-baf2-68738e2966ac", apiB["OriginRequestPolicyId"], "AllViewerExceptHostHeader: the Authorization header reaches the API")
	assert.Len(t, apiB["AllowedMethods"], 7)
	origins := jsonString(cfg["Origins"])
	assert.Contains(t, origins, `"OriginAccessControlId"`, "the bucket is read through origin access control")
	assert.Contains(t, origins, `"OriginProtocolPolicy":"https-only"`)
	assert.Contains(t, origins, "execute-api", "the API origin is the HTTP API's domain")

	// The console bucket: private, TLS-only, logged, readable by the distribution only.
	var consoleBucket map[string]any
	for _, b := range ofType(tpl, "AWS::S3::Bucket") {
		if lc, ok := b["LoggingConfiguration"].(map[string]any); ok && lc["LogFilePrefix"] == "console/" {
			consoleBucket = b
		}
	}
	require.NotNil(t, consoleBucket, "the console bucket logs to the access log bucket under console/")
	pab := consoleBucket["PublicAccessBlockConfiguration"].(map[string]any)
	for _, k := range []string{"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"} {
		assert.Equal(t, true, pab[k], k)
	}
	var grantsCloudFront bool
	for _, p := range ofType(tpl, "AWS::S3::BucketPolicy") {
		s := jsonString(p["PolicyDocument"])
		if strings.Contains(s, "cloudfront.amazonaws.com") && strings.Contains(s, "AWS:SourceArn") {
			grantsCloudFront = true
		}
	}
	assert.True(t, grantsCloudFront, "the bucket policy lets this distribution (by SourceArn) read")

	deploys := ofType(tpl, "Custom::CDKBucketDeployment")
	require.Len(t, deploys, 1, "the files are deployed with the stack")
	assert.Equal(t, true, deploys[0]["Prune"])
	assert.NotNil(t, deploys[0]["DistributionId"], "the deploy invalidates the distribution")
}

// The stack deploys the console when the app stages it: one distribution
// whose default origin is the console bucket and whose /v1/* behaviour
// reaches this stack's HTTP API, a ConsoleUrl output, and no unsuppressed
// cdk-nag finding. Without ConsoleDir (the other stack tests) there is none.
func TestStackDeploysConsole(t *testing.T) {
	nm := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(nm, "chart.js", "dist"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(nm, "chart.js", "dist", "chart.umd.min.js"), []byte("/*chart*/"), 0o644))
	dir := filepath.Join(t.TempDir(), "console")
	require.NoError(t, StageConsole(dir, nm))

	app := awscdk.NewApp(&awscdk.AppProps{Context: &featureFlags})
	s, err := NewStack(app, "ConsoleStack", &StackProps{Config: DefaultConfig(), AssetDir: assetDir, Functions: []string{"api", "authorizer"}, ConsoleDir: dir})
	require.NoError(t, err)
	require.NotNil(t, s.Console)
	Check(app)
	raw := assertions.Template_FromStack(s.Stack, nil).ToJSON()
	b, err := json.Marshal(raw)
	require.NoError(t, err)
	var tpl map[string]any
	require.NoError(t, json.Unmarshal(b, &tpl))
	for _, msg := range *assertions.Annotations_FromStack(s.Stack).FindError(jsii.String("*"), assertions.Match_StringLikeRegexp(jsii.String("AwsSolutions-.*"))) {
		t.Errorf("unsuppressed cdk-nag finding %s: %s", *msg.Id, jsonString(msg.Entry.Data))
	}
	dists := ofType(tpl, "AWS::CloudFront::Distribution")
	require.Len(t, dists, 1)
	cfg := dists[0]["DistributionConfig"].(map[string]any)
	origins := jsonString(cfg["Origins"])
	apiID := ""
	for id, r := range tpl["Resources"].(map[string]any) {
		if r.(map[string]any)["Type"] == "AWS::ApiGatewayV2::Api" {
			apiID = id
		}
	}
	require.NotEmpty(t, apiID)
	assert.Contains(t, origins, apiID, "an origin is this stack's HTTP API")
	assert.Contains(t, jsonString(cfg["CacheBehaviors"]), `"PathPattern":"/v1/*"`)
	outs := tpl["Outputs"].(map[string]any)
	assert.Contains(t, outs, "ConsoleUrl")

	assert.Nil(t, full.stack.Console, "no console without ConsoleDir")
	assert.Empty(t, ofType(full.tpl, "AWS::CloudFront::Distribution"))
}
