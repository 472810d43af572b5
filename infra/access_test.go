package infra

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Effective permissions, read back from the synthesized template: for each
// function, each resource it may touch and every action on it, written as
//
//	"dynamodb:GetItem"                       allowed on the whole resource
//	"dynamodb:PutItem only KEY#*,TENANT#*"   allowed on items whose partition key matches (dynamodb:LeadingKeys)
//	"deny dynamodb:UpdateItem"               explicitly denied
//	"deny dynamodb:PutItem on TENANT#*#..."  explicitly denied for items whose partition key matches
//
// Resources are named by construct path ("Store/Registry", "Keys/Signing");
// a suffix after the name is the rest of the ARN ("/index/gsi1", "/*").
// Own resources of a function (its log group and DLQ) are "own logs" and
// "own DLQ".

// wantAccess is each function's need, stated once: anything the template
// grants beyond it (or lacks) fails TestFunctionAccessIsExactlyItsNeed.
// Every function also has X-Ray ("*"), its own log group, the explicit
// evidence deny and, if asynchronous, its own DLQ: see commonAccess.
var wantAccess = map[string]map[string][]string{
	"authorizer": {
		// One API key item per request: no tenant, no registers, no subjects.
		"Store/Registry": {"dynamodb:GetItem only KEY#*"},
		"Keys/Data":      dataKeyRead,
	},
	"api": {
		// Appends are conditional puts; reads serve entries and proofs; the
		// index is the DSAR export by userRef.
		"Store/Evidence":                 {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"},
		"Store/Evidence/index/byUserRef": {"dynamodb:Query"},
		// Writes keys, tenants (policy) and registers, replay claims and
		// package records; never a control result, which its TENANT#*
		// prefix would otherwise reach.
		// Idempotency-Key answers are claimed, answered and released.
		"Store/Registry": append([]string{"dynamodb:DeleteItem only IDEM#*", "dynamodb:GetItem", "dynamodb:PutItem only IDEM#*",
			"dynamodb:PutItem only KEY#*,TENANT#*,REPLAY#*,PACKAGE#*", "dynamodb:Query",
			"dynamodb:UpdateItem only IDEM#*", "dynamodb:UpdateItem only KEY#*,TENANT#*,REPLAY#*,PACKAGE#*"},
			denyControlResults...),
		"Store/Registry/index/gsi1": {"dynamodb:Query"},
		"Store/Registry/index/*":    denyControlResults,
		// Subject keys: created on first use, read, destroyed on erasure.
		"Store/Subjects":              {"dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem"},
		"Buckets/Packages/requests/*": s3Put,
		"Buckets/Packages/packages/*": s3Read,
		"Buckets/Packages":            s3Read,
		// Proofs: the chains' tiles, and an expired entry from its bundle.
		"Buckets/Archive/tiles/*":    s3Read,
		"Buckets/Archive/evidence/*": s3Read,
		"Buckets/Archive":            s3Read,
		"Keys/Data":                  dataKeyWrite,
		// The Bedrock layer's guardrail (decision 220; the full stack
		// creates it, the default has none): that guardrail only.
		guardrailRes: {"bedrock:ApplyGuardrail"},
	},
	"archiver": {
		// Reads the chain, appends purge reports; the stream is its trigger.
		"Store/Evidence":           {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"},
		"Store/Evidence.StreamArn": {"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"},
		"*":                        {"dynamodb:ListStreams"},
		// Its own watermarks and sweep ledgers only.
		"Store/Registry":    {"dynamodb:GetItem only ARCHIVE#*", "dynamodb:UpdateItem only ARCHIVE#*"},
		"Buckets/Archive/*": s3Put,
		// The sweep: the chain list, and the bundles read back.
		"Store/Registry/index/gsi1":  {"dynamodb:Query"},
		"Buckets/Archive":            s3Read,
		"Buckets/Archive/evidence/*": s3Read,
		"Buckets/Archive/tiles/*":    s3Read, // the tiles' right edge, extended with each bundle
		"Archiving/DLQ":              {"sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"},
		"Keys/Data":                  dataKeyWrite,
	},
	"checkpointer": {
		"Store/Evidence": {"dynamodb:GetItem", "dynamodb:Query"},
		// Its own checkpoints; the chain list is an index over watermarks.
		"Store/Registry":            {"dynamodb:GetItem only CHECKPOINT#*", "dynamodb:PutItem only CHECKPOINT#*"},
		"Store/Registry/index/gsi1": {"dynamodb:Query"},
		"Buckets/Archive/*":         s3Put,
		// The one signer of checkpoints and package statements.
		"Keys/Signing": {"kms:GetPublicKey", "kms:Sign"},
		"Keys/Data":    dataKeyWrite,
		// The second anchor (decision 173; the full stack sets it): new
		// objects under checkpoints/ of the other account's bucket only.
		"arn:aws:s3:::customer-anchor/checkpoints/*": {"s3:PutObject"},
	},
	"controls": {
		"Store/Evidence": {"dynamodb:DescribeTimeToLive", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"},
		// Reads tenants, registers, watermarks, checkpoints; writes its own results and the exceptions.
		"Store/Registry": {"dynamodb:GetItem", "dynamodb:Query",
			"dynamodb:PutItem only TENANT#*#CONTROLS,TENANT#*#CONTROL#*,TENANT#*#EXCEPTIONS", "dynamodb:UpdateItem only TENANT#*#CONTROLS,TENANT#*#CONTROL#*,TENANT#*#EXCEPTIONS"},
		"Store/Registry/index/gsi1": {"dynamodb:Query"},
		"Buckets/Archive":           {"s3:GetBucketObjectLockConfiguration"},
		"Archiving/DLQ":             {"sqs:GetQueueAttributes"},
		"Alerts/Topic":              {"sns:Publish"},
		"*": {"cloudwatch:GetMetricData", "config:DescribeComplianceByConfigRule", "config:DescribeConfigRules",
			"iam:GenerateCredentialReport", "iam:GetAccountAuthorizationDetails", "iam:GetCredentialReport",
			"iam:GetPolicy", "iam:GetPolicyVersion", "inspector2:BatchGetAccountStatus", "inspector2:ListFindings", "lambda:ListFunctions",
			"cloudfront:ListDistributions", "secretsmanager:ListSecrets", "ecs:DescribeTaskDefinition", "ecs:ListTaskDefinitionFamilies",
			"sagemaker:DescribeEndpoint", "sagemaker:DescribeEndpointConfig", "sagemaker:DescribeModel", "sagemaker:ListEndpoints"},
		// The stack's partition and region are references the test reads as "".
		"arn::apigateway:::/domainnames": {"apigateway:GET"},
		// securityHub=true: imports into the account's own product only.
		"arn::securityhub:::product//default": {"securityhub:BatchImportFindings"},
		"Keys/Data":                           dataKeyWrite,
	},
	"packager": {
		"Store/Evidence": {"dynamodb:GetItem", "dynamodb:Query"},
		// Reads what a package holds; writes its package records only.
		"Store/Registry":            {"dynamodb:GetItem", "dynamodb:PutItem only PACKAGE#*", "dynamodb:Query"},
		"Store/Registry/index/gsi1": {"dynamodb:Query"},
		"Buckets/Archive":           s3Read,
		"Buckets/Archive/*":         s3Read,
		// Writes packages, deletes the request objects it has served.
		"Buckets/Packages":   s3ReadWrite,
		"Buckets/Packages/*": s3ReadWrite,
		// No signing key: seals and package signatures come from the checkpointer.
		"FnCheckpointer/Function": {"lambda:InvokeFunction"},
		// A package too large for one invocation fans out (decision 230):
		// starting the package state machine, nothing else of it.
		fanOutLabel + "/stateMachine": {"states:StartExecution"},
		"Keys/Data":                   dataKeyWrite,
	},
}

var (
	dataKeyRead  = []string{"kms:Decrypt", "kms:DescribeKey"}
	dataKeyWrite = []string{"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"}
	s3Read       = []string{"s3:GetBucket*", "s3:GetObject*", "s3:List*"}
	s3Put        = []string{"s3:Abort*", "s3:PutObject", "s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"}
	s3ReadWrite  = []string{"s3:Abort*", "s3:DeleteObject*", "s3:GetBucket*", "s3:GetObject*", "s3:List*", "s3:PutObject",
		"s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"}
	denyControlResults = []string{
		"deny dynamodb:DeleteItem on TENANT#*#CONTROLS,TENANT#*#CONTROL#*",
		"deny dynamodb:PutItem on TENANT#*#CONTROLS,TENANT#*#CONTROL#*",
		"deny dynamodb:UpdateItem on TENANT#*#CONTROLS,TENANT#*#CONTROL#*",
	}
	denyEvidence = []string{"deny dynamodb:BatchWriteItem", "deny dynamodb:DeleteItem", "deny dynamodb:PartiQLDelete",
		"deny dynamodb:PartiQLUpdate", "deny dynamodb:UpdateItem"}
)

// guardrailRes is the created Bedrock guardrail as a grant names it.
const guardrailRes = "Bedrock/Guardrail.GuardrailArn"

// commonAccess is what every function has besides its need: traces, its own
// log group, its own DLQ when asynchronous, and the evidence deny.
func commonAccess(fn string) map[string][]string {
	out := map[string][]string{
		"*":                      {"xray:PutTelemetryRecords", "xray:PutTraceSegments"},
		"own logs":               {"logs:CreateLogStream", "logs:PutLogEvents"},
		"Store/Evidence":         denyEvidence,
		"Store/Evidence/index/*": denyEvidence,
	}
	for _, spec := range functionSpecs {
		if spec.name == fn && spec.async {
			out["own DLQ"] = []string{"sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"}
		}
	}
	return out
}

// want is fn's complete expected access: its need plus the common part.
func want(fn string) map[string][]string {
	out := commonAccess(fn)
	for res, actions := range wantAccess[fn] {
		out[res] = append(slices.Clone(out[res]), actions...)
	}
	for _, v := range out {
		sort.Strings(v)
	}
	return out
}

// effectiveAccess reads function -> resource -> actions from the template.
func (s *synthesized) effectiveAccess(t *testing.T) map[string]map[string][]string {
	t.Helper()
	out := map[string]map[string][]string{}
	for _, fn := range s.functions {
		fnPath := "Fn" + exported(fn)
		out[fn] = s.roleAccess(t, s.logicalID(t, "AWS::IAM::Role", "/"+fnPath+"/Role/Resource"), fnPath)
	}
	return out
}

// roleAccess reads resource -> actions of one role from the template;
// resources under own (a construct path) are named "own logs", "own DLQ".
func (s *synthesized) roleAccess(t *testing.T, role, own string) map[string][]string {
	t.Helper()
	names := map[string]string{} // logical id -> construct path name
	for id, r := range s.tpl["Resources"].(map[string]any) {
		md, _ := r.(map[string]any)["Metadata"].(map[string]any)
		p, _ := md["aws:cdk:path"].(string)
		p = strings.TrimPrefix(p, "Test/")
		p = strings.TrimSuffix(p, "/Resource")
		names[id] = p
	}
	got := map[string][]string{}
	for _, p := range s.resources("AWS::IAM::Policy") {
		if !refs(props(p)["Roles"], role) {
			continue
		}
		for _, st := range props(p)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
			m := st.(map[string]any)
			cond := condition(t, m["Condition"])
			for _, res := range asAnyList(m["Resource"]) {
				name := s.fanOutResourceName(resourceName(t, res, names))
				name = strings.Replace(name, own+"/Logs", "own logs", 1)
				name = strings.Replace(name, own+"/DLQ", "own DLQ", 1)
				for _, a := range asList(m["Action"]) {
					e := a
					switch {
					case m["Effect"] == "Deny" && cond != "":
						e = "deny " + a + " on " + cond
					case m["Effect"] == "Deny":
						e = "deny " + a
					case cond != "":
						e = a + " only " + cond
					}
					if !slices.Contains(got[name], e) {
						got[name] = append(got[name], e)
					}
				}
			}
		}
	}
	for _, v := range got {
		sort.Strings(v)
	}
	return got
}

// condition renders a LeadingKeys condition as its comma-joined patterns;
// any other condition fails the test (it would need a reading of its own).
func condition(t *testing.T, c any) string {
	if c == nil {
		return ""
	}
	m := c.(map[string]any)
	require.Len(t, m, 1, "one condition operator: %v", c)
	for op, v := range m {
		require.Contains(t, []string{"ForAllValues:StringLike", "ForAnyValue:StringLike"}, op)
		kv := v.(map[string]any)
		require.Len(t, kv, 1)
		return strings.Join(asList(kv["dynamodb:LeadingKeys"]), ",")
	}
	return ""
}

// resourceName names one Resource entry of a statement.
func resourceName(t *testing.T, res any, names map[string]string) string {
	switch r := res.(type) {
	case string:
		return r
	case map[string]any:
		if ga, ok := r["Fn::GetAtt"].([]any); ok {
			n := names[ga[0].(string)]
			if ga[1] != "Arn" {
				n += "." + ga[1].(string)
			}
			return n
		}
		if ref, ok := r["Ref"].(string); ok {
			return names[ref]
		}
		if j, ok := r["Fn::Join"].([]any); ok {
			var b strings.Builder
			for _, part := range j[1].([]any) {
				if s, ok := part.(string); ok {
					b.WriteString(s)
				} else {
					b.WriteString(resourceName(t, part, names))
				}
			}
			return b.String()
		}
	}
	t.Fatalf("unreadable resource %v", res)
	return ""
}

// Every function's effective actions per table, bucket, key, queue and
// function are exactly its need: one grant too many, or a missing one, fails.
func TestFunctionAccessIsExactlyItsNeed(t *testing.T) {
	for _, tc := range stacks() {
		got := tc.s.effectiveAccess(t)
		for _, fn := range tc.s.functions {
			t.Run(tc.name+"/"+fn, func(t *testing.T) {
				require.Contains(t, wantAccess, fn, "a function without a stated need")
				w := want(fn)
				if len(tc.s.resources("AWS::Bedrock::Guardrail")) == 0 {
					delete(w, guardrailRes)
				}
				for res, actions := range got[fn] {
					assert.Equal(t, w[res], actions, "%s on %s", fn, res)
				}
				for res := range w {
					assert.Contains(t, got[fn], res, "%s needs access to %s", fn, res)
				}
			})
		}
	}
}

// No role of the stack, a function's or any other, may update or delete an
// evidence item: each carries the explicit deny, and no allow on the
// evidence table names a rewriting action.
func TestNoRoleCanRewriteEvidence(t *testing.T) {
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			evidence := tc.s.logicalID(t, "AWS::DynamoDB::Table", "/Store/Evidence/Resource")
			roles := tc.s.resources("AWS::IAM::Role")
			require.NotEmpty(t, roles)
			for role := range roles {
				denied := map[string]bool{}
				for id, p := range tc.s.resources("AWS::IAM::Policy") {
					if !refs(props(p)["Roles"], role) {
						continue
					}
					for _, st := range props(p)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
						m := st.(map[string]any)
						if !refs(m["Resource"], evidence) && !slices.Contains(asAnyList(m["Resource"]), any("*")) {
							continue
						}
						for _, a := range asList(m["Action"]) {
							switch {
							case m["Effect"] == "Deny" && m["Condition"] == nil:
								denied[a] = true
							case m["Effect"] == "Allow":
								assert.NotContains(t, EvidenceRewriteActions, a, "%s allows %s %s on the evidence table", id, role, a)
								assert.False(t, strings.HasPrefix(a, "dynamodb:PartiQL"), "%s allows %s PartiQL on the evidence table", id, role)
							}
						}
					}
				}
				for _, a := range EvidenceRewriteActions {
					assert.True(t, denied[a], "role %s has no explicit deny of %s on the evidence table", role, a)
				}
			}
		})
	}
}

// The signing key's policy lets the account administer the key but not sign
// with it or grant it; only the checkpointer's role may sign. The CDK
// default (account root, kms:*) would let any principal an IAM policy grants
// kms:Sign forge checkpoints.
func TestSigningKeyPolicy(t *testing.T) {
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			key := tc.s.logicalID(t, "AWS::KMS::Key", "/Keys/Signing/Resource")
			sts := props(tc.s.resources("AWS::KMS::Key")[key])["KeyPolicy"].(map[string]any)["Statement"].([]any)
			bySid := map[string]map[string]any{}
			for _, st := range sts {
				m := st.(map[string]any)
				assert.Equal(t, "Allow", m["Effect"])
				bySid[fmt.Sprint(m["Sid"])] = m
				for _, a := range asList(m["Action"]) {
					assert.False(t, strings.HasSuffix(a, "*"), "no wildcard action in the signing key policy: %s", a)
					assert.NotEqual(t, "kms:CreateGrant", a, "a grant would hand signing to any principal")
				}
			}
			admin := bySid[SigningKeyAdminSid]
			require.NotNil(t, admin, "the account may still administer the key")
			assert.ElementsMatch(t, SigningKeyAdminActions, asList(admin["Action"]))
			assert.NotContains(t, asList(admin["Action"]), "kms:Sign")
			assert.Contains(t, asList(admin["Action"]), "kms:PutKeyPolicy", "CloudFormation must be able to update the key")
			assert.Contains(t, fmt.Sprint(admin["Principal"]), ":root", "the administration statement is the account's")

			if !slices.Contains(tc.s.functions, "checkpointer") {
				assert.Len(t, sts, 1, "without a checkpointer nothing may sign")
				return
			}
			require.Len(t, sts, 2, "administration and the checkpointer's signing, nothing else")
			sign := bySid[SigningKeySignSid]
			require.NotNil(t, sign)
			assert.ElementsMatch(t, []string{"kms:Sign", "kms:GetPublicKey"}, asList(sign["Action"]))
			role := tc.s.logicalID(t, "AWS::IAM::Role", "/FnCheckpointer/Role/Resource")
			assert.True(t, refs(sign["Principal"], role), "only the checkpointer's role signs: %v", sign["Principal"])
			// And no IAM policy grants kms:Sign but the checkpointer's.
			for id, p := range tc.s.resources("AWS::IAM::Policy") {
				for _, st := range props(p)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
					m := st.(map[string]any)
					if slices.Contains(asList(m["Action"]), "kms:Sign") {
						assert.True(t, refs(props(p)["Roles"], role), "%s grants kms:Sign", id)
					}
				}
			}
		})
	}
}
