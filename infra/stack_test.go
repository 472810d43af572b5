package infra

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/platform"
	"github.com/agentgate/agentgate/shared/tables"
)

// Both stacks are synthesized once: every synth crosses into the jsii Node
// kernel and takes seconds.
var (
	assetDir string
	// today: the functions that exist now, default parameters.
	today *synthesized
	// full: every function the stack knows, non-default parameters.
	full *synthesized
)

type synthesized struct {
	stack     *Stack
	cfg       Config
	functions []string
	tpl       map[string]any
	nagErrors []string
	nagWarns  []string
}

func TestMain(m *testing.M) {
	os.Setenv("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
	os.Setenv("CDK_DISABLE_VERSION_CHECK", "true")
	os.Setenv("CDK_DISABLE_CLI_TELEMETRY", "true")
	code := func() int {
		defer jsii.Close()
		dir, err := os.MkdirTemp("", "agentgate-infra-assets-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		// The template only needs each asset folder to exist and hash; the
		// real bootstraps are exercised by infra/smoke. A placeholder keeps
		// these tests independent of whether the functions compile today.
		for _, name := range KnownFunctions() {
			if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
			if err := os.WriteFile(filepath.Join(dir, name, "bootstrap"), []byte("placeholder "+name), 0o755); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
		}
		assetDir = dir

		cfg := DefaultConfig()
		if today, err = synth(cfg, []string{"api", "authorizer"}); err != nil {
			fmt.Fprintln(os.Stderr, "synth today:", err)
			return 1
		}
		cfg.ObjectLockMode = "COMPLIANCE"
		cfg.RetentionDays = 2557
		cfg.ArchiveTransitionDays = 0
		cfg.AlertEmails = []string{"sec@example.com", "oncall@example.com"}
		cfg.LatencyObjectiveMs = 150
		cfg.ControlsSchedule = "rate(15 minutes)"
		cfg.LogRetentionDays = 731
		cfg.OperatorTenant = "ops"
		cfg.SecurityHub = true
		cfg.AnchorBucket, cfg.AnchorBucketOwner = "arn:aws:s3:::customer-anchor", "111122223333"
		cfg.BedrockGuardrail = BedrockGuardrailCreate
		cfg.PackageSingleMaxBytes, cfg.PackageByReferenceBytes, cfg.PackageFanOutConcurrency = 4<<30, 32<<30, 40
		if full, err = synth(cfg, KnownFunctions()); err != nil {
			fmt.Fprintln(os.Stderr, "synth full:", err)
			return 1
		}
		return m.Run()
	}()
	os.Exit(code)
}

func synth(cfg Config, fns []string) (*synthesized, error) {
	// Path metadata lets the tests find resources by construct path.
	app := awscdk.NewApp(&awscdk.AppProps{Context: &map[string]any{"aws:cdk:enable-path-metadata": true}})
	s, err := NewStack(app, "Test", &StackProps{Config: cfg, AssetDir: assetDir, Functions: fns})
	if err != nil {
		return nil, err
	}
	Check(app)
	raw := assertions.Template_FromStack(s.Stack, nil).ToJSON()
	b, err := json.Marshal(raw)
	if err != nil {
		return nil, fmt.Errorf("marshal template: %w", err)
	}
	out := &synthesized{stack: s, cfg: cfg, functions: fns}
	if err := json.Unmarshal(b, &out.tpl); err != nil {
		return nil, fmt.Errorf("unmarshal template: %w", err)
	}
	ann := assertions.Annotations_FromStack(s.Stack)
	for _, msg := range *ann.FindError(jsii.String("*"), assertions.Match_StringLikeRegexp(jsii.String("AwsSolutions-.*"))) {
		out.nagErrors = append(out.nagErrors, fmt.Sprintf("%s: %v", *msg.Id, msg.Entry.Data))
	}
	for _, msg := range *ann.FindWarning(jsii.String("*"), assertions.Match_StringLikeRegexp(jsii.String("AwsSolutions-.*"))) {
		out.nagWarns = append(out.nagWarns, fmt.Sprintf("%s: %v", *msg.Id, msg.Entry.Data))
	}
	return out, nil
}

func stacks() []struct {
	name string
	s    *synthesized
} {
	return []struct {
		name string
		s    *synthesized
	}{{"today", today}, {"full", full}}
}

// resources returns logical id -> resource of one CloudFormation type.
func (s *synthesized) resources(typ string) map[string]map[string]any {
	out := map[string]map[string]any{}
	for id, r := range s.tpl["Resources"].(map[string]any) {
		res := r.(map[string]any)
		if res["Type"] == typ {
			out[id] = res
		}
	}
	return out
}

func props(r map[string]any) map[string]any {
	p, _ := r["Properties"].(map[string]any)
	return p
}

// logicalID finds the one resource whose construct path ends with suffix.
func (s *synthesized) logicalID(t *testing.T, typ, pathSuffix string) string {
	t.Helper()
	var found []string
	for id, r := range s.resources(typ) {
		md, _ := r["Metadata"].(map[string]any)
		if p, _ := md["aws:cdk:path"].(string); strings.HasSuffix(p, pathSuffix) {
			found = append(found, id)
		}
	}
	require.Len(t, found, 1, "resources of type %s at path *%s", typ, pathSuffix)
	return found[0]
}

// refs reports whether v (any template value) references logical id.
func refs(v any, id string) bool {
	switch x := v.(type) {
	case map[string]any:
		if x["Ref"] == id {
			return true
		}
		if ga, ok := x["Fn::GetAtt"].([]any); ok && len(ga) > 0 && ga[0] == id {
			return true
		}
		for _, e := range x {
			if refs(e, id) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if refs(e, id) {
				return true
			}
		}
	}
	return false
}

func (s *synthesized) dataKey(t *testing.T) string {
	return s.logicalID(t, "AWS::KMS::Key", "/Keys/Data/Resource")
}

func TestFunctionsRuntimeArchTracingLogs(t *testing.T) {
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			fns := tc.s.resources("AWS::Lambda::Function")
			// Exactly one Lambda per function: no CDK helper functions
			// (log retention, auto-delete) sneak into the stack.
			require.Len(t, fns, len(tc.s.functions))
			logGroups := tc.s.resources("AWS::Logs::LogGroup")
			for id, fn := range fns {
				p := props(fn)
				assert.Equal(t, "provided.al2023", p["Runtime"], id)
				assert.Equal(t, []any{"arm64"}, p["Architectures"], id)
				assert.Equal(t, "bootstrap", p["Handler"], id)
				assert.Equal(t, map[string]any{"Mode": "Active"}, p["TracingConfig"], id)
				lc, _ := p["LoggingConfig"].(map[string]any)
				require.NotNil(t, lc, id)
				lgRef, _ := lc["LogGroup"].(map[string]any)
				lg, ok := logGroups[fmt.Sprint(lgRef["Ref"])]
				require.True(t, ok, "%s logs to a log group of this stack", id)
				assert.EqualValues(t, tc.s.cfg.LogRetentionDays, props(lg)["RetentionInDays"], id)
				assert.True(t, refs(props(lg)["KmsKeyId"], tc.s.dataKey(t)), "%s log group encrypted with the data key", id)
				assert.Empty(t, props(fn)["ManagedPolicyArns"], id)
			}
		})
	}
}

func TestFunctionEnvIsExactlyTheSharedNames(t *testing.T) {
	known := map[string]bool{}
	for _, tb := range tables.All() {
		known[tb.EnvVar] = true
	}
	for _, n := range []string{platform.EnvCheckpointerFunction, platform.EnvArchiveBucket, platform.EnvPackagesBucket, platform.EnvDataKeyID,
		platform.EnvSigningKeyID, platform.EnvAlertTopicARN, platform.EnvArchiverDLQURL, platform.EnvShards,
		platform.EnvRetentionDays, platform.EnvLatencyObjective, platform.EnvRateLimit, platform.EnvLogLevel,
		platform.EnvCheckpointOrigin, platform.EnvObjectLockMode, platform.EnvAPIID, platform.EnvAPIStage, platform.EnvOperatorTenant,
		platform.EnvWitnesses, platform.EnvWitnessQuorum, platform.EnvSecurityHub, platform.EnvAnchorBucket, platform.EnvAnchorBucketOwner,
		platform.EnvControlsSchedule, platform.EnvPackageStateMachineARN, platform.EnvPackageSingleMaxBytes, platform.EnvPackageByReferenceBytes} {
		known[n] = true
	}
	s := full
	for _, spec := range functionSpecs {
		t.Run(spec.name, func(t *testing.T) {
			id := s.logicalID(t, "AWS::Lambda::Function", "/Fn"+exported(spec.name)+"/Function/Resource")
			vars := props(s.resources("AWS::Lambda::Function")[id])["Environment"].(map[string]any)["Variables"].(map[string]any)
			got := make([]string, 0, len(vars))
			for k := range vars {
				got = append(got, k)
				assert.True(t, known[k], "env var %s is declared in shared/platform or shared/tables", k)
			}
			assert.ElementsMatch(t, spec.env, got)
			if v, ok := vars[tables.Evidence.EnvVar]; ok {
				assert.True(t, refs(v, s.logicalID(t, "AWS::DynamoDB::Table", "/Store/Evidence/Resource")))
			}
			if v, ok := vars[platform.EnvArchiveBucket]; ok {
				assert.True(t, refs(v, s.logicalID(t, "AWS::S3::Bucket", "/Buckets/Archive/Resource")))
			}
			if v, ok := vars[tables.Subjects.EnvVar]; ok {
				assert.True(t, refs(v, s.logicalID(t, "AWS::DynamoDB::Table", "/Store/Subjects/Resource")))
			}
			if v, ok := vars[platform.EnvCheckpointerFunction]; ok {
				assert.True(t, refs(v, s.logicalID(t, "AWS::Lambda::Function", "/FnCheckpointer/Function/Resource")))
			}
			if v, ok := vars[platform.EnvRetentionDays]; ok {
				assert.Equal(t, "2557", v)
			}
			if v, ok := vars[platform.EnvAPIID]; ok {
				assert.True(t, refs(v, s.logicalID(t, "AWS::ApiGatewayV2::Api", "/Api/HttpApi/Resource")), "API_ID is the deployed API, not a placeholder: %v", v)
			}
			// The API and the controls function both decide who sees the
			// account's findings (decision 131): they must agree.
			if spec.name == "controls" {
				assert.Equal(t, "true", vars[platform.EnvSecurityHub], "securityHub reaches the controls function")
			}
			if spec.name == "api" || spec.name == "controls" {
				assert.Equal(t, "ops", vars[platform.EnvOperatorTenant], "the operator tenant reaches %s", spec.name)
			}
			// The status says when the controls run: the API reads the
			// same expression the controls rule fires on.
			if spec.name == "api" {
				assert.Equal(t, s.cfg.ControlsSchedule, vars[platform.EnvControlsSchedule])
			}
			if v, ok := vars[platform.EnvObjectLockMode]; ok {
				assert.Equal(t, "COMPLIANCE", v, "the archive's puts follow the configured lock mode")
			}
		})
	}
}

func TestTablesFollowSharedDefinitions(t *testing.T) {
	for _, tc := range stacks() {
		for _, def := range tables.All() {
			t.Run(tc.name+"/"+def.ID, func(t *testing.T) {
				id := tc.s.logicalID(t, "AWS::DynamoDB::Table", "/Store/"+def.ID+"/Resource")
				p := props(tc.s.resources("AWS::DynamoDB::Table")[id])
				wantKeys := []any{map[string]any{"AttributeName": def.PK.Name, "KeyType": "HASH"}}
				if def.SK != nil {
					wantKeys = append(wantKeys, map[string]any{"AttributeName": def.SK.Name, "KeyType": "RANGE"})
				}
				assert.Equal(t, wantKeys, p["KeySchema"])
				attrs := map[string]any{}
				for _, a := range p["AttributeDefinitions"].([]any) {
					m := a.(map[string]any)
					attrs[m["AttributeName"].(string)] = m["AttributeType"]
				}
				assert.Equal(t, string(def.PK.Type), attrs[def.PK.Name])
				var gsiNames []any
				gsis, _ := p["GlobalSecondaryIndexes"].([]any)
				for _, g := range gsis {
					gsiNames = append(gsiNames, g.(map[string]any)["IndexName"])
				}
				for _, ix := range def.GSIs {
					assert.Contains(t, gsiNames, ix.Name)
					assert.Equal(t, string(ix.PK.Type), attrs[ix.PK.Name])
				}
				sse := p["SSESpecification"].(map[string]any)
				assert.Equal(t, true, sse["SSEEnabled"])
				assert.Equal(t, "KMS", sse["SSEType"])
				assert.True(t, refs(sse["KMSMasterKeyId"], tc.s.dataKey(t)), "customer-managed data key")
				// Subjects alone has none: an erased subject key must not be
				// restorable (decision 101).
				assert.Equal(t, map[string]any{"PointInTimeRecoveryEnabled": def.ID != tables.Subjects.ID}, p["PointInTimeRecoverySpecification"])
				assert.Equal(t, def.PITR, def.ID != tables.Subjects.ID)
				if def.TTLAttr != "" {
					assert.Equal(t, map[string]any{"AttributeName": def.TTLAttr, "Enabled": true}, p["TimeToLiveSpecification"])
				} else {
					assert.Nil(t, p["TimeToLiveSpecification"])
				}
				assert.Equal(t, true, p["DeletionProtectionEnabled"])
				if def.Stream {
					assert.Equal(t, map[string]any{"StreamViewType": "NEW_IMAGE"}, p["StreamSpecification"])
				} else {
					assert.Nil(t, p["StreamSpecification"])
				}
			})
		}
	}
}

func TestBucketsSecureDefaults(t *testing.T) {
	for _, tc := range stacks() {
		s := tc.s
		policies := s.resources("AWS::S3::BucketPolicy")
		logBucket := s.logicalID(t, "AWS::S3::Bucket", "/Buckets/AccessLogs/Resource")
		for _, name := range []string{"Archive", "Packages", "AccessLogs"} {
			t.Run(tc.name+"/"+name, func(t *testing.T) {
				id := s.logicalID(t, "AWS::S3::Bucket", "/Buckets/"+name+"/Resource")
				p := props(s.resources("AWS::S3::Bucket")[id])
				assert.Equal(t, map[string]any{"BlockPublicAcls": true, "BlockPublicPolicy": true,
					"IgnorePublicAcls": true, "RestrictPublicBuckets": true}, p["PublicAccessBlockConfiguration"])
				assert.Equal(t, map[string]any{"Status": "Enabled"}, p["VersioningConfiguration"])
				require.NotEmpty(t, p["LifecycleConfiguration"])

				// TLS-only: the bucket policy denies every request without SecureTransport.
				var denyInsecure bool
				for _, pol := range policies {
					pp := props(pol)
					if !refs(pp["Bucket"], id) {
						continue
					}
					for _, st := range pp["PolicyDocument"].(map[string]any)["Statement"].([]any) {
						m := st.(map[string]any)
						cond, _ := m["Condition"].(map[string]any)
						b, _ := cond["Bool"].(map[string]any)
						if m["Effect"] == "Deny" && m["Action"] == "s3:*" && b["aws:SecureTransport"] == "false" {
							denyInsecure = true
						}
					}
				}
				assert.True(t, denyInsecure, "bucket policy denies non-TLS access")

				rule := p["BucketEncryption"].(map[string]any)["ServerSideEncryptionConfiguration"].([]any)[0].(map[string]any)
				sse := rule["ServerSideEncryptionByDefault"].(map[string]any)
				if name == "AccessLogs" {
					// S3 access-log delivery supports SSE-S3 only.
					assert.Equal(t, "AES256", sse["SSEAlgorithm"])
					return
				}
				assert.Equal(t, "aws:kms", sse["SSEAlgorithm"])
				assert.True(t, refs(sse["KMSMasterKeyID"], s.dataKey(t)))
				logging := p["LoggingConfiguration"].(map[string]any)
				assert.True(t, refs(logging["DestinationBucketName"], logBucket), "access logs go to the log bucket")
			})
		}
	}
}

func TestArchiveObjectLockFollowsConfig(t *testing.T) {
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			id := tc.s.logicalID(t, "AWS::S3::Bucket", "/Buckets/Archive/Resource")
			p := props(tc.s.resources("AWS::S3::Bucket")[id])
			assert.Equal(t, true, p["ObjectLockEnabled"])
			assert.Equal(t, map[string]any{
				"ObjectLockEnabled": "Enabled",
				"Rule": map[string]any{"DefaultRetention": map[string]any{
					"Mode": tc.s.cfg.ObjectLockMode, "Days": float64(tc.s.cfg.RetentionDays)}},
			}, p["ObjectLockConfiguration"])
			rule := p["LifecycleConfiguration"].(map[string]any)["Rules"].([]any)[0].(map[string]any)
			assert.EqualValues(t, tc.s.cfg.RetentionDays, rule["ExpirationInDays"])
			if tc.s.cfg.ArchiveTransitionDays > 0 {
				require.NotNil(t, rule["Transitions"])
				tr := rule["Transitions"].([]any)[0].(map[string]any)
				assert.Equal(t, "GLACIER_IR", tr["StorageClass"])
				assert.EqualValues(t, tc.s.cfg.ArchiveTransitionDays, tr["TransitionInDays"])
			} else {
				assert.Nil(t, rule["Transitions"])
			}
		})
	}
}

func TestKeys(t *testing.T) {
	s := today
	signing := props(s.resources("AWS::KMS::Key")[s.logicalID(t, "AWS::KMS::Key", "/Keys/Signing/Resource")])
	assert.Equal(t, "ECC_NIST_P256", signing["KeySpec"])
	assert.Equal(t, "SIGN_VERIFY", signing["KeyUsage"])
	data := props(s.resources("AWS::KMS::Key")[s.dataKey(t)])
	assert.Equal(t, true, data["EnableKeyRotation"])
	assert.Len(t, s.resources("AWS::KMS::Key"), 2)
}

func TestTopicEncryptedTLSOnlyWithSubscriptions(t *testing.T) {
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			topic := tc.s.logicalID(t, "AWS::SNS::Topic", "/Alerts/Topic/Resource")
			assert.True(t, refs(props(tc.s.resources("AWS::SNS::Topic")[topic])["KmsMasterKeyId"], tc.s.dataKey(t)))
			var tlsOnly bool
			for _, pol := range tc.s.resources("AWS::SNS::TopicPolicy") {
				for _, st := range props(pol)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
					m := st.(map[string]any)
					b, _ := m["Condition"].(map[string]any)["Bool"].(map[string]any)
					if m["Effect"] == "Deny" && b["aws:SecureTransport"] == "false" && refs(m["Resource"], topic) {
						tlsOnly = true
					}
				}
			}
			assert.True(t, tlsOnly, "topic policy denies non-TLS publish")
			var emails []string
			for _, sub := range tc.s.resources("AWS::SNS::Subscription") {
				p := props(sub)
				assert.Equal(t, "email", p["Protocol"])
				assert.True(t, refs(p["TopicArn"], topic))
				emails = append(emails, p["Endpoint"].(string))
			}
			assert.ElementsMatch(t, tc.s.cfg.AlertEmails, emails)
		})
	}
}

func TestAlarmsWiredToTopic(t *testing.T) {
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.s
			topic := s.logicalID(t, "AWS::SNS::Topic", "/Alerts/Topic/Resource")
			alarms := s.resources("AWS::CloudWatch::Alarm")
			byMetric := map[string]map[string]any{}
			var errorsAlarms, dlqAlarms int
			for id, a := range alarms {
				p := props(a)
				assert.Len(t, p["AlarmActions"], 1, id)
				assert.True(t, refs(p["AlarmActions"], topic), "%s notifies the alert topic", id)
				assert.True(t, refs(p["OKActions"], topic), "%s notifies recovery", id)
				switch p["MetricName"] {
				case "Errors":
					errorsAlarms++
				case "ApproximateNumberOfMessagesVisible":
					dlqAlarms++
				default:
					byMetric[fmt.Sprint(p["Namespace"], "/", p["MetricName"])] = p
				}
			}
			assert.Equal(t, len(s.functions), errorsAlarms, "one errors alarm per function")
			async := 0
			for _, spec := range functionSpecs {
				if spec.async && slices.Contains(s.functions, spec.name) {
					async++
				}
			}
			assert.Equal(t, 1+async, dlqAlarms, "archiver stream DLQ plus one per async function")

			p99 := byMetric["AWS/ApiGateway/Latency"]
			require.NotNil(t, p99, "validate latency alarm")
			assert.Equal(t, "p99", p99["ExtendedStatistic"])
			assert.EqualValues(t, s.cfg.LatencyObjectiveMs, p99["Threshold"])
			assert.Equal(t, "GreaterThanThreshold", p99["ComparisonOperator"])
			dims := map[string]any{}
			for _, d := range p99["Dimensions"].([]any) {
				m := d.(map[string]any)
				dims[m["Name"].(string)] = m["Value"]
			}
			assert.Equal(t, "POST", dims["Method"])
			assert.Equal(t, ValidatePath, dims["Resource"])
			assert.Equal(t, StageName, dims["Stage"])
			assert.True(t, refs(dims["ApiId"], s.logicalID(t, "AWS::ApiGatewayV2::Api", "/Api/HttpApi/Resource")))

			lag := byMetric[MetricNamespace+"/ArchiveLagSeconds"]
			require.NotNil(t, lag, "archive lag alarm")
			assert.EqualValues(t, s.cfg.ArchiveLagAlarmSeconds, lag["Threshold"])
			// Same dimensions as the archiver's embedded-metric lines.
			assert.Equal(t, []any{map[string]any{"Name": "Function", "Value": "archiver"}}, lag["Dimensions"])
			kinds := 2
			if s.stack.PackageFanOut != nil {
				require.Contains(t, byMetric, "AWS/States/ExecutionsFailed", "the package fan-out's failed executions")
				kinds++
			}
			assert.Len(t, byMetric, kinds, "no unexpected alarm kinds")
		})
	}
}

func TestEveryRouteHasTheAuthorizer(t *testing.T) {
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.s
			auths := s.resources("AWS::ApiGatewayV2::Authorizer")
			require.Len(t, auths, 1)
			var authID string
			for id, a := range auths {
				authID = id
				p := props(a)
				assert.Equal(t, "REQUEST", p["AuthorizerType"])
				assert.Equal(t, "2.0", p["AuthorizerPayloadFormatVersion"])
				assert.Equal(t, true, p["EnableSimpleResponses"])
				// Identity source and cache TTL: infra/api_test.go (decision 120).
				assert.True(t, refs(p["AuthorizerUri"], s.logicalID(t, "AWS::Lambda::Function", "/FnAuthorizer/Function/Resource")))
			}
			var keys []string
			for id, r := range s.resources("AWS::ApiGatewayV2::Route") {
				p := props(r)
				keys = append(keys, p["RouteKey"].(string))
				assert.Equal(t, "CUSTOM", p["AuthorizationType"], id)
				assert.True(t, refs(p["AuthorizerId"], authID), "%s uses the Lambda authorizer", id)
			}
			sort.Strings(keys)
			assert.Equal(t, []string{"ANY " + ProxyPath, "POST " + ValidatePath}, keys, "no $default or public route")
			for id, in := range s.resources("AWS::ApiGatewayV2::Integration") {
				assert.Equal(t, "2.0", props(in)["PayloadFormatVersion"], id)
				assert.True(t, refs(props(in)["IntegrationUri"], s.logicalID(t, "AWS::Lambda::Function", "/FnApi/Function/Resource")))
			}
		})
	}
}

func TestStageThrottledAndAccessLogged(t *testing.T) {
	s := today
	stages := s.resources("AWS::ApiGatewayV2::Stage")
	require.Len(t, stages, 1)
	for _, st := range stages {
		p := props(st)
		assert.Equal(t, StageName, p["StageName"])
		assert.Equal(t, true, p["AutoDeploy"])
		rs := p["DefaultRouteSettings"].(map[string]any)
		assert.EqualValues(t, s.cfg.ThrottleRate, rs["ThrottlingRateLimit"])
		assert.EqualValues(t, s.cfg.ThrottleBurst, rs["ThrottlingBurstLimit"])
		assert.Equal(t, true, rs["DetailedMetricsEnabled"])
		als := p["AccessLogSettings"].(map[string]any)
		assert.True(t, refs(als["DestinationArn"], s.logicalID(t, "AWS::Logs::LogGroup", "/Api/AccessLogs/Resource")))
		var format map[string]string
		require.NoError(t, json.Unmarshal([]byte(als["Format"].(string)), &format))
		assert.Equal(t, "$context.requestId", format["requestId"])
		assert.Equal(t, "$context.authorizer.tenant", format["tenant"])
		for _, v := range format {
			assert.NotContains(t, strings.ToLower(v), "authorization", "access log never carries the API key")
			// /v1/subjects/{userId} carries a raw user id: the log names the
			// route, never the path, so an erasure leaves nothing behind here.
			assert.NotContains(t, v, "$context.path", "access log never carries the request path")
		}
		assert.Equal(t, "$context.routeKey", format["routeKey"])
	}
}

func TestLeastPrivilege(t *testing.T) {
	// Only these actions may use Resource "*": AWS offers no resource-level
	// permission for them.
	// Actions with no resource-level permissions: X-Ray, the stream source's
	// ListStreams, and the controls function's account-level reads.
	starOK := regexp.MustCompile(`^(xray:PutTraceSegments|xray:PutTelemetryRecords|dynamodb:ListStreams|` +
		`iam:GenerateCredentialReport|iam:GetCredentialReport|iam:GetAccountAuthorizationDetails|` +
		`config:DescribeConfigRules|config:DescribeComplianceByConfigRule|cloudwatch:GetMetricData|` +
		`iam:GetPolicy|iam:GetPolicyVersion|lambda:ListFunctions|inspector2:ListFindings|inspector2:BatchGetAccountStatus|` +
		`cloudfront:ListDistributions|secretsmanager:ListSecrets|ecs:ListTaskDefinitionFamilies|ecs:DescribeTaskDefinition|` +
		`sagemaker:ListEndpoints|sagemaker:DescribeEndpoint|sagemaker:DescribeEndpointConfig|sagemaker:DescribeModel|` +
		// The package state machine's log delivery and trace sampling.
		`logs:CreateLogDelivery|logs:GetLogDelivery|logs:UpdateLogDelivery|logs:DeleteLogDelivery|logs:ListLogDeliveries|` +
		`logs:PutResourcePolicy|logs:DescribeResourcePolicies|logs:DescribeLogGroups|xray:GetSamplingRules|xray:GetSamplingTargets)$`)
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			for id, pol := range tc.s.resources("AWS::IAM::Policy") {
				for _, st := range props(pol)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
					m := st.(map[string]any)
					actions := asList(m["Action"])
					for _, a := range actions {
						assert.NotEqual(t, "*", a, id)
						assert.False(t, strings.HasSuffix(a, ":*"), "%s grants a whole service: %s", id, a)
					}
					if slices.Contains(asAnyList(m["Resource"]), any("*")) {
						for _, a := range actions {
							assert.Regexp(t, starOK, a, "%s: Resource \"*\" only where AWS requires it", id)
						}
					}
				}
			}
			for id, role := range tc.s.resources("AWS::IAM::Role") {
				assert.Empty(t, props(role)["ManagedPolicyArns"], "%s: no managed (FullAccess) policies", id)
			}
		})
	}
}

func asAnyList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{v}
}

func asList(v any) []string {
	var out []string
	for _, e := range asAnyList(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func TestCdkNagAwsSolutions(t *testing.T) {
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			assert.Empty(t, tc.s.nagErrors, "unsuppressed AwsSolutions errors")
			t.Logf("%d AwsSolutions warnings", len(tc.s.nagWarns))
			for _, w := range tc.s.nagWarns {
				t.Log(w)
			}
			// Every suppression carries a reason a reviewer can read.
			n := 0
			for id, r := range tc.s.tpl["Resources"].(map[string]any) {
				md, _ := r.(map[string]any)["Metadata"].(map[string]any)
				nag, _ := md["cdk_nag"].(map[string]any)
				rules, _ := nag["rules_to_suppress"].([]any)
				for _, rule := range rules {
					m := rule.(map[string]any)
					n++
					assert.GreaterOrEqual(t, len(fmt.Sprint(m["reason"])), 20, "%s: suppression %v has a real reason", id, m["id"])
				}
			}
			assert.Positive(t, n, "the suppressions are in the template metadata")
		})
	}
}

func TestSchedulesAndTriggers(t *testing.T) {
	s := full
	want := map[string]string{
		"checkpointer": s.cfg.CheckpointSchedule,
		"controls":     s.cfg.ControlsSchedule,
		"packager":     s.cfg.PackagerSchedule,
		"archiver":     s.cfg.ArchiveSweepSchedule, // the sweep; the stream is its other trigger
	}
	rules := s.resources("AWS::Events::Rule")
	require.Len(t, rules, len(want)+1, "one schedule per scheduled function, plus the package-request rule")
	var requestRule bool
	for _, r := range rules {
		p := props(r)
		if pat, ok := p["EventPattern"].(map[string]any); ok {
			requestRule = true
			assert.Equal(t, []any{"Object Created"}, pat["detail-type"])
			assert.True(t, refs(pat["detail"], s.logicalID(t, "AWS::S3::Bucket", "/Buckets/Packages/Resource")), "requests of the packages bucket")
			assert.True(t, refs(p["Targets"], s.logicalID(t, "AWS::Lambda::Function", "/FnPackager/Function/Resource")))
		}
	}
	assert.True(t, requestRule, "package build requests reach the packager")
	pkg := props(s.resources("AWS::S3::Bucket")[s.logicalID(t, "AWS::S3::Bucket", "/Buckets/Packages/Resource")])
	assert.Equal(t, map[string]any{"EventBridgeConfiguration": map[string]any{"EventBridgeEnabled": true}}, pkg["NotificationConfiguration"])
	for name, expr := range want {
		fn := s.logicalID(t, "AWS::Lambda::Function", "/Fn"+exported(name)+"/Function/Resource")
		var found bool
		for _, r := range rules {
			p := props(r)
			if refs(p["Targets"], fn) && p["ScheduleExpression"] != nil {
				found = true
				assert.Equal(t, expr, p["ScheduleExpression"], name)
			}
		}
		assert.True(t, found, "%s has a schedule", name)
		// Async: after Lambda's retries, a failed event lands in the function's DLQ.
		dlc := props(s.resources("AWS::Lambda::Function")[fn])["DeadLetterConfig"].(map[string]any)
		assert.True(t, refs(dlc["TargetArn"], s.logicalID(t, "AWS::SQS::Queue", "/Fn"+exported(name)+"/DLQ/Resource")), name)
	}
	esms := s.resources("AWS::Lambda::EventSourceMapping")
	require.Len(t, esms, 1)
	for _, e := range esms {
		p := props(e)
		assert.True(t, refs(p["FunctionName"], s.logicalID(t, "AWS::Lambda::Function", "/FnArchiver/Function/Resource")))
		assert.True(t, refs(p["EventSourceArn"], s.logicalID(t, "AWS::DynamoDB::Table", "/Store/Evidence/Resource")))
		assert.Equal(t, []any{"ReportBatchItemFailures"}, p["FunctionResponseTypes"])
		assert.Equal(t, true, p["BisectBatchOnFunctionError"])
		assert.Equal(t, "TRIM_HORIZON", p["StartingPosition"])
		dest := p["DestinationConfig"].(map[string]any)["OnFailure"].(map[string]any)
		assert.True(t, refs(dest["Destination"], s.logicalID(t, "AWS::SQS::Queue", "/Archiving/DLQ/Resource")))
	}
	// today's stack has no schedule: they arrive with their functions.
	assert.Empty(t, today.resources("AWS::Events::Rule"))
	assert.Empty(t, today.resources("AWS::Lambda::EventSourceMapping"))
}

func TestQueuesEncryptedTLSOnly(t *testing.T) {
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			qs := tc.s.resources("AWS::SQS::Queue")
			require.NotEmpty(t, qs)
			for id, q := range qs {
				assert.True(t, refs(props(q)["KmsMasterKeyId"], tc.s.dataKey(t)), id)
				assert.EqualValues(t, 14*24*3600, props(q)["MessageRetentionPeriod"], id)
			}
			assert.Len(t, tc.s.resources("AWS::SQS::QueuePolicy"), len(qs), "every queue has its TLS-only policy")
		})
	}
}

func TestOutputs(t *testing.T) {
	outs := today.tpl["Outputs"].(map[string]any)
	for _, name := range []string{"ApiUrl", "AlertTopicArn", "ArchiveBucketName", "PackagesBucketName",
		"AccessLogBucketName", "EvidenceTableName", "RegistryTableName", "SubjectsTableName", "SigningKeyArn",
		"SigningKeyFingerprintCommand"} {
		assert.Contains(t, outs, name)
	}
	// KMS makes the key at deploy time: the output is the command printing
	// the fingerprint of exactly this key.
	fp := outs["SigningKeyFingerprintCommand"].(map[string]any)["Value"]
	assert.True(t, refs(fp, today.logicalID(t, "AWS::KMS::Key", "/Keys/Signing/Resource")), "%v", fp)
	assert.Contains(t, fmt.Sprint(fp), "aws kms get-public-key --key-id ")
	assert.Contains(t, fmt.Sprint(fp), "| base64 -d | sha256sum")
	assert.True(t, refs(outs["ArchiveBucketName"], today.logicalID(t, "AWS::S3::Bucket", "/Buckets/Archive/Resource")))
}

func TestNewStackRejects(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		name    string
		cfg     func(*Config)
		fns     []string
		assets  string
		wantErr string
	}{
		{name: "missing bootstrap", fns: []string{"api", "authorizer"}, assets: empty, wantErr: "make build"},
		{name: "function without spec", fns: []string{"api", "authorizer", "mystery"}, wantErr: "functions/mystery has no spec"},
		{name: "no authorizer", fns: []string{"api"}, wantErr: "function authorizer is required"},
		{name: "bad config", cfg: func(c *Config) { c.ObjectLockMode = "NONE" }, fns: []string{"api", "authorizer"}, wantErr: "objectLockMode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			dir := assetDir
			if tt.assets != "" {
				dir = tt.assets
			}
			_, err := NewStack(awscdk.NewApp(nil), "Reject", &StackProps{Config: cfg, AssetDir: dir, Functions: tt.fns})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

// The nag harness itself must see findings: a bare bucket (no TLS policy, no
// access logs) in a stack under Check yields AwsSolutions errors.
func TestCdkNagHarnessDetectsFindings(t *testing.T) {
	app := awscdk.NewApp(nil)
	st := awscdk.NewStack(app, jsii.String("Bad"), nil)
	awss3.NewBucket(st, jsii.String("Bare"), nil)
	Check(app)
	errs := assertions.Annotations_FromStack(st).FindError(jsii.String("*"),
		assertions.Match_StringLikeRegexp(jsii.String("AwsSolutions-S(1|10).*")))
	assert.NotEmpty(t, *errs)
}

// Only the checkpointer may sign, checkpoints and package statements alike
// (the packager asks it to); no other role is granted kms:Sign on the key.
func TestOnlyCheckpointerSigns(t *testing.T) {
	s := full
	signing := s.logicalID(t, "AWS::KMS::Key", "/Keys/Signing/Resource")
	for _, spec := range functionSpecs {
		t.Run(spec.name, func(t *testing.T) {
			role := s.logicalID(t, "AWS::IAM::Role", "/Fn"+exported(spec.name)+"/Role/Resource")
			var signs bool
			for _, p := range s.resources("AWS::IAM::Policy") {
				if !refs(props(p)["Roles"], role) {
					continue
				}
				for _, st := range props(p)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
					m := st.(map[string]any)
					if slices.Contains(asList(m["Action"]), "kms:Sign") && refs(m["Resource"], signing) {
						signs = true
					}
				}
			}
			assert.Equal(t, spec.name == "checkpointer", signs)
		})
	}
}

// An async function's DLQ is KMS-encrypted: the function must be able to
// encrypt into it even when it has no other grant on the data key (in the
// full stack every function also reaches the key through its table grants,
// which would hide a missing DLQ key grant).
func TestAsyncFunctionCanWriteItsEncryptedDLQ(t *testing.T) {
	app := awscdk.NewApp(&awscdk.AppProps{Context: &map[string]any{"aws:cdk:enable-path-metadata": true}})
	st := awscdk.NewStack(app, jsii.String("Dlq"), nil)
	keys := NewKeys(st, "Keys")
	f, err := NewFunction(st, "Fn", FunctionProps{
		Name: "controls", AssetDir: assetDir, MemoryMB: 128, Timeout: awscdk.Duration_Seconds(jsii.Number(3)),
		Async: true, Key: keys.Data, LogRetention: logRetention(7), Alerts: NewAlerts(st, "Alerts", keys.Data, nil),
	})
	require.NoError(t, err)
	require.NotNil(t, f.DLQ)
	tpl := assertions.Template_FromStack(st, nil)
	s := &synthesized{}
	b, err := json.Marshal(tpl.ToJSON())
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &s.tpl))
	dataKey := s.logicalID(t, "AWS::KMS::Key", "/Keys/Data/Resource")
	dlq := s.logicalID(t, "AWS::SQS::Queue", "/Fn/DLQ/Resource")
	var send, encrypt bool
	for _, p := range s.resources("AWS::IAM::Policy") {
		for _, stmt := range props(p)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
			m := stmt.(map[string]any)
			actions := asList(m["Action"])
			send = send || (slices.Contains(actions, "sqs:SendMessage") && refs(m["Resource"], dlq))
			encrypt = encrypt || (slices.Contains(actions, "kms:GenerateDataKey*") && refs(m["Resource"], dataKey))
		}
	}
	assert.True(t, send, "sqs:SendMessage on the DLQ")
	assert.True(t, encrypt, "kms:GenerateDataKey* on the data key")
	fn := props(s.resources("AWS::Lambda::Function")[s.logicalID(t, "AWS::Lambda::Function", "/Fn/Function/Resource")])
	assert.True(t, refs(fn["DeadLetterConfig"].(map[string]any)["TargetArn"], dlq))
}

// The archiver and the checkpointer put objects with a per-object Object Lock
// retain-until date, which needs s3:PutObjectRetention on the archive.
func TestArchiveWritersMaySetRetention(t *testing.T) {
	s := full
	archive := s.logicalID(t, "AWS::S3::Bucket", "/Buckets/Archive/Resource")
	for _, fn := range []string{"archiver", "checkpointer"} {
		t.Run(fn, func(t *testing.T) {
			role := s.logicalID(t, "AWS::IAM::Role", "/Fn"+exported(fn)+"/Role/Resource")
			var put, retention bool
			for _, p := range s.resources("AWS::IAM::Policy") {
				if !refs(props(p)["Roles"], role) {
					continue
				}
				for _, st := range props(p)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
					m := st.(map[string]any)
					if !refs(m["Resource"], archive) {
						continue
					}
					put = put || slices.Contains(asList(m["Action"]), "s3:PutObject")
					retention = retention || slices.Contains(asList(m["Action"]), "s3:PutObjectRetention")
					assert.NotContains(t, asList(m["Action"]), "s3:DeleteObject*", "nothing deletes from the archive")
				}
			}
			assert.True(t, put)
			assert.True(t, retention)
		})
	}
}

// The Bedrock layer (decision 220): with bedrockGuardrail "create" the stack
// has one guardrail with the content filters, profanity and grounding
// defaults and a published version, and exactly one grant names it —
// bedrock:ApplyGuardrail, to the api role, on that guardrail's ARN. The
// default stack has neither, and no role has any bedrock action.
func TestBedrockGuardrail(t *testing.T) {
	g := full.resources("AWS::Bedrock::Guardrail")
	require.Len(t, g, 1)
	var id string
	var p map[string]any
	for k, r := range g {
		id, p = k, props(r)
	}
	var filters []string
	for _, f := range p["ContentPolicyConfig"].(map[string]any)["FiltersConfig"].([]any) {
		m := f.(map[string]any)
		filters = append(filters, fmt.Sprintf("%s %s/%s", m["Type"], m["InputStrength"], m["OutputStrength"]))
	}
	assert.ElementsMatch(t, []string{"HATE HIGH/HIGH", "INSULTS HIGH/HIGH", "SEXUAL HIGH/HIGH", "VIOLENCE HIGH/HIGH",
		"MISCONDUCT HIGH/HIGH", "PROMPT_ATTACK HIGH/NONE"}, filters)
	assert.Len(t, p["ContextualGroundingPolicyConfig"].(map[string]any)["FiltersConfig"], 2)
	assert.Len(t, full.resources("AWS::Bedrock::GuardrailVersion"), 1)

	apiRole := full.logicalID(t, "AWS::IAM::Role", "/FnApi/Role/Resource")
	type grant struct {
		role     string
		action   any
		resource any
	}
	var grants []grant
	for _, s := range []*synthesized{today, full} {
		for _, pol := range s.resources("AWS::IAM::Policy") {
			for _, st := range props(pol)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
				m := st.(map[string]any)
				for _, a := range asList(m["Action"]) {
					if strings.HasPrefix(a, "bedrock:") {
						roles := props(pol)["Roles"]
						require.True(t, s == full, "the default stack grants %s", a)
						require.True(t, refs(roles, apiRole), "%s granted to %v", a, roles)
						grants = append(grants, grant{role: apiRole, action: a, resource: m["Resource"]})
					}
				}
			}
		}
	}
	assert.Equal(t, []grant{{role: apiRole, action: "bedrock:ApplyGuardrail",
		resource: map[string]any{"Fn::GetAtt": []any{id, "GuardrailArn"}}}}, grants)
	assert.Empty(t, today.resources("AWS::Bedrock::Guardrail"))
}
