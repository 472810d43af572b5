package infra

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/platform"
)

// fanOutLabel names the package state machine in effective-access maps:
// its grants use its ARN written by name (PackageFanOutARN), which the
// access reader renders as "arn::states:::stateMachine:<name>".
const fanOutLabel = "PackageFanOut/StateMachine"

// fanOutResourceName replaces the state machine's ARN by name with
// fanOutLabel, so expectations do not spell the generated name.
func (s *synthesized) fanOutResourceName(name string) string {
	if s.stack.PackageFanOut == nil {
		return name
	}
	sm := s.stack.PackageFanOut.Name
	for _, kind := range []string{"stateMachine", "execution"} {
		name = strings.Replace(name, "arn::states:::"+kind+":"+sm, fanOutLabel+"/"+kind, 1)
	}
	return name
}

// The state machine's exact access: invoke the packager, run its own
// Distributed Map's child executions, deliver logs and traces. Nothing
// else: no S3, no DynamoDB, no key (the packager does the work).
var wantFanOutAccess = map[string][]string{
	"FnPackager/Function":          {"lambda:InvokeFunction"},
	fanOutLabel + "/stateMachine":  {"states:StartExecution"},
	fanOutLabel + "/execution:*":   {"states:DescribeExecution", "states:StopExecution"},
	fanOutLabel + "/execution/*:*": {"states:RedriveExecution"},
	// The explicit deny every role of the stack carries.
	"Store/Evidence":         denyEvidence,
	"Store/Evidence/index/*": denyEvidence,
	"*": {"logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies",
		"logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:UpdateLogDelivery",
		"xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"},
}

// fanOutDefinition parses the deployed definition; it holds no token (the
// packager's ARN is a substitution), so it is the JSON Step Functions gets.
func (s *synthesized) fanOutDefinition(t *testing.T) (map[string]any, map[string]any) {
	t.Helper()
	id := s.logicalID(t, "AWS::StepFunctions::StateMachine", "/PackageFanOut/StateMachine/Resource")
	p := props(s.resources("AWS::StepFunctions::StateMachine")[id])
	raw, ok := p["DefinitionString"].(string)
	require.True(t, ok, "the definition is plain JSON, no token: %v", p["DefinitionString"])
	var def map[string]any
	require.NoError(t, json.Unmarshal([]byte(raw), &def))
	return def, p
}

func state(t *testing.T, states map[string]any, name string) map[string]any {
	t.Helper()
	st, ok := states[name].(map[string]any)
	require.True(t, ok, "state %s exists", name)
	return st
}

// payload is a packager task's Payload (an object, or a JSONata string).
func payload(t *testing.T, st map[string]any) any {
	t.Helper()
	require.Equal(t, "Task", st["Type"])
	require.Equal(t, "arn:aws:states:::lambda:invoke", st["Resource"])
	args := st["Arguments"].(map[string]any)
	assert.Equal(t, "${Packager}", args["FunctionName"], "every task invokes the packager")
	return args["Payload"]
}

// retriesServiceErrors: the task retries Lambda's transient errors and its
// throttling with exponential backoff before anything else.
func retriesServiceErrors(t *testing.T, name string, st map[string]any) {
	t.Helper()
	retry, ok := st["Retry"].([]any)
	require.True(t, ok, "%s retries", name)
	first := retry[0].(map[string]any)
	assert.ElementsMatch(t, []any{"Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException",
		"Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"}, first["ErrorEquals"], name)
	assert.Greater(t, first["BackoffRate"], 1.0, "%s backs off", name)
	assert.GreaterOrEqual(t, first["MaxAttempts"], 3.0, name)
	assert.Equal(t, "FULL", first["JitterStrategy"], name)
}

func catchesToAbort(t *testing.T, name string, st map[string]any) {
	t.Helper()
	assert.Equal(t, []any{map[string]any{"ErrorEquals": []any{"States.ALL"}, "Next": fanOutAbort}}, st["Catch"],
		"%s: any failure aborts the upload and marks the package failed", name)
}

// The definition is plan -> Distributed Map over the plan's parts (at the
// configured concurrency, each part one packager invocation) -> finish,
// and every one of the three catches into abort -> fail.
func TestPackageFanOutDefinition(t *testing.T) {
	s := full
	require.NotNil(t, s.stack.PackageFanOut)
	def, _ := s.fanOutDefinition(t)
	assert.Equal(t, "JSONata", def["QueryLanguage"])
	assert.Equal(t, fanOutStart, def["StartAt"])
	states := def["States"].(map[string]any)
	assert.Len(t, states, 6, "Start, Plan, Parts, Finish, Abort, Failed")

	start := state(t, states, fanOutStart)
	assert.Equal(t, "Pass", start["Type"])
	assert.Equal(t, fanOutPlan, start["Next"])
	assert.Equal(t, map[string]any{"tenant": "{% $states.input.tenant %}", "id": "{% $states.input.id %}", "uploadId": "{% '' %}"},
		start["Assign"], "the abort knows the package before the plan has run")

	plan := state(t, states, fanOutPlan)
	assert.Equal(t, map[string]any{"action": "plan", "tenant": "{% $tenant %}", "id": "{% $id %}"}, payload(t, plan))
	retriesServiceErrors(t, fanOutPlan, plan)
	catchesToAbort(t, fanOutPlan, plan)
	assert.Equal(t, fanOutParts, plan["Next"])
	assert.Equal(t, "{% $states.result.Payload.uploadId %}", plan["Assign"].(map[string]any)["uploadId"])

	parts := state(t, states, fanOutParts)
	assert.Equal(t, "Map", parts["Type"])
	proc := parts["ItemProcessor"].(map[string]any)
	assert.Equal(t, map[string]any{"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, proc["ProcessorConfig"])
	assert.EqualValues(t, s.cfg.PackageFanOutConcurrency, parts["MaxConcurrency"], "the packageFanOutConcurrency parameter")
	assert.NotEqual(t, DefaultConfig().PackageFanOutConcurrency, s.cfg.PackageFanOutConcurrency, "the full stack sets a non-default value")
	// The plan's parts are the items, in the state payload: no ItemReader,
	// no ResultWriter (decision 230 gives the size bound).
	assert.Equal(t, "{% $states.input.parts %}", parts["Items"])
	assert.NotContains(t, parts, "ItemReader")
	assert.NotContains(t, parts, "ResultWriter")
	assert.Equal(t, map[string]any{"item": "{% $states.context.Map.Item.Value %}", "tenant": "{% $states.input.tenant %}",
		"id": "{% $states.input.id %}", "uploadId": "{% $states.input.uploadId %}"}, parts["ItemSelector"])
	catchesToAbort(t, fanOutParts, parts)
	assert.Equal(t, fanOutFinish, parts["Next"])
	assert.Equal(t, fanOutPart, proc["StartAt"])
	child := proc["States"].(map[string]any)
	require.Len(t, child, 1)
	part := state(t, child, fanOutPart)
	assert.Equal(t, "{% $merge([$states.input.item, {'action': 'part', 'tenant': $states.input.tenant, 'id': $states.input.id, 'uploadId': $states.input.uploadId}]) %}",
		payload(t, part), "a part event is the plan's part with the action and the upload")
	retriesServiceErrors(t, fanOutPart, part)
	assert.Equal(t, "{% $states.result.Payload %}", part["Output"], "a child's output is the packager's part result")
	assert.Equal(t, true, part["End"])

	finish := state(t, states, fanOutFinish)
	assert.Equal(t, map[string]any{"action": "finish", "tenant": "{% $tenant %}", "id": "{% $id %}", "uploadId": "{% $uploadId %}",
		"parts": "{% $states.input %}"}, payload(t, finish), "finish gets the map's output: the part results")
	retriesServiceErrors(t, fanOutFinish, finish)
	catchesToAbort(t, fanOutFinish, finish)
	assert.Equal(t, true, finish["End"])

	abort := state(t, states, fanOutAbort)
	assert.Equal(t, map[string]any{"action": "abort", "tenant": "{% $tenant %}", "id": "{% $id %}", "uploadId": "{% $uploadId %}",
		"error": "{% $states.input.Error %}", "cause": "{% $states.input.Cause %}"}, payload(t, abort))
	retriesServiceErrors(t, fanOutAbort, abort)
	assert.NotContains(t, abort, "Catch", "a failed abort fails the execution (and its alarm fires)")
	assert.Equal(t, fanOutFailed, abort["Next"])
	assert.Equal(t, "Fail", state(t, states, fanOutFailed)["Type"])
}

func TestPackageFanOutDefinitionRejectsNoConcurrency(t *testing.T) {
	_, err := packageFanOutDefinition(0)
	assert.ErrorContains(t, err, "max concurrency must be >= 1")
}

// Standard workflow, traced, logging every event to its own log group
// encrypted with the data key, run by its own role, the packager's ARN
// substituted by reference; a failed execution alarms.
func TestPackageFanOutStateMachine(t *testing.T) {
	s := full
	_, p := s.fanOutDefinition(t)
	assert.Equal(t, "STANDARD", p["StateMachineType"])
	assert.Equal(t, map[string]any{"Enabled": true}, p["TracingConfiguration"])
	lc := p["LoggingConfiguration"].(map[string]any)
	assert.Equal(t, "ALL", lc["Level"])
	logs := s.logicalID(t, "AWS::Logs::LogGroup", "/PackageFanOut/Logs/Resource")
	assert.True(t, refs(lc["Destinations"], logs))
	lg := props(s.resources("AWS::Logs::LogGroup")[logs])
	assert.True(t, refs(lg["KmsKeyId"], s.dataKey(t)), "log group encrypted with the data key")
	assert.EqualValues(t, s.cfg.LogRetentionDays, lg["RetentionInDays"])
	assert.True(t, refs(p["RoleArn"], s.logicalID(t, "AWS::IAM::Role", "/PackageFanOut/Role/Resource")))
	packager := s.logicalID(t, "AWS::Lambda::Function", "/FnPackager/Function/Resource")
	assert.Equal(t, map[string]any{"Packager": map[string]any{"Fn::GetAtt": []any{packager, "Arn"}}}, p["DefinitionSubstitutions"])
	assert.Equal(t, s.stack.PackageFanOut.Name, p["StateMachineName"])

	failed := 0
	for _, a := range s.resources("AWS::CloudWatch::Alarm") {
		if ap := props(a); ap["Namespace"] == "AWS/States" && ap["MetricName"] == "ExecutionsFailed" {
			failed++
			assert.True(t, refs(ap["Dimensions"], s.logicalID(t, "AWS::StepFunctions::StateMachine", "/PackageFanOut/StateMachine/Resource")))
		}
	}
	assert.Equal(t, 1, failed, "one alarm on failed executions")

	// Without the packager there is nothing to fan out.
	assert.Nil(t, today.stack.PackageFanOut)
	assert.Empty(t, today.resources("AWS::StepFunctions::StateMachine"))
}

// The packager gets the state machine's ARN, by name, and the two size
// thresholds; it must not reference the state machine, which references
// it (CloudFormation refuses a cycle).
func TestPackagerFanOutEnv(t *testing.T) {
	s := full
	packager := s.resources("AWS::Lambda::Function")[s.logicalID(t, "AWS::Lambda::Function", "/FnPackager/Function/Resource")]
	vars := props(packager)["Environment"].(map[string]any)["Variables"].(map[string]any)
	assert.Equal(t, strconv.Itoa(s.cfg.PackageSingleMaxBytes), vars[platform.EnvPackageSingleMaxBytes])
	assert.Equal(t, strconv.Itoa(s.cfg.PackageByReferenceBytes), vars[platform.EnvPackageByReferenceBytes])
	assert.NotEqual(t, DefaultConfig().PackageSingleMaxBytes, s.cfg.PackageSingleMaxBytes, "the full stack sets non-default sizes")
	arn := resourceName(t, vars[platform.EnvPackageStateMachineARN], nil)
	assert.Equal(t, "arn::states:::stateMachine:"+s.stack.PackageFanOut.Name, arn)
	sm := s.logicalID(t, "AWS::StepFunctions::StateMachine", "/PackageFanOut/StateMachine/Resource")
	assert.False(t, refs(packager, sm), "the packager does not reference the state machine")
}

// The state machine role's effective access is exactly wantFanOutAccess.
func TestPackageFanOutAccessIsExactlyItsNeed(t *testing.T) {
	s := full
	got := s.roleAccess(t, s.logicalID(t, "AWS::IAM::Role", "/PackageFanOut/Role/Resource"), "PackageFanOut")
	want := map[string][]string{}
	for k, v := range wantFanOutAccess {
		want[k] = append([]string(nil), v...)
		sort.Strings(want[k])
	}
	assert.Equal(t, want, got)
}
