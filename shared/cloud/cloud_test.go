package cloud_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go/encoding/cbor"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/events"
	"github.com/agentgate/agentgate/shared/cloud"
	"github.com/agentgate/agentgate/shared/cloud/fixture"
)

var now = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// account serves the recorded account; the clients below are the real SDK
// clients pointed at it, so requests and answers go through each
// service's real protocol (de)serialisers.
type account struct {
	fx  *fixture.Account
	cfg aws.Config
	url string
}

func newAccount(t *testing.T) *account {
	fx := fixture.New()
	srv := httptest.NewServer(fx)
	t.Cleanup(srv.Close)
	return &account{fx: fx, url: srv.URL, cfg: aws.Config{
		Region:           "us-east-1",
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDFIXTURE", "fixture-secret", ""),
		RetryMaxAttempts: 1,
	}}
}

func (a *account) iam() *iam.Client {
	return iam.NewFromConfig(a.cfg, func(o *iam.Options) { o.BaseEndpoint = aws.String(a.url) })
}
func (a *account) config() *configservice.Client {
	return configservice.NewFromConfig(a.cfg, func(o *configservice.Options) { o.BaseEndpoint = aws.String(a.url) })
}
func (a *account) cloudwatch() *cloudwatch.Client {
	return cloudwatch.NewFromConfig(a.cfg, func(o *cloudwatch.Options) { o.BaseEndpoint = aws.String(a.url) })
}
func (a *account) sns() *sns.Client {
	return sns.NewFromConfig(a.cfg, func(o *sns.Options) { o.BaseEndpoint = aws.String(a.url) })
}
func (a *account) ddb() *dynamodb.Client {
	return dynamodb.NewFromConfig(a.cfg, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(a.url) })
}
func (a *account) s3() *s3.Client {
	return s3.NewFromConfig(a.cfg, func(o *s3.Options) { o.BaseEndpoint = aws.String(a.url); o.UsePathStyle = true })
}

func runCheck(t *testing.T, c controls.Check) controls.Result {
	t.Helper()
	f, err := c.Run(context.Background(), controls.Input{Tenant: "acme", Now: now})
	return controls.Combine(c.Control, now, []controls.Check{c}, []controls.Outcome{{Findings: f, Err: err}})
}

func TestIAMCredentialReport(t *testing.T) {
	a := newAccount(t)
	adapter := cloud.NewIAM(a.iam())
	users, err := adapter.CredentialReport(context.Background())
	require.NoError(t, err)
	require.Len(t, users, 5)
	byName := map[string]controls.Credential{}
	for _, u := range users {
		byName[u.User] = u
	}
	assert.True(t, byName[controls.RootUser].MFAActive)
	assert.True(t, byName["alice.admin"].PasswordEnabled)
	assert.True(t, byName["alice.admin"].MFAActive)
	assert.True(t, byName["bob.analyst"].PasswordEnabled)
	assert.False(t, byName["bob.analyst"].MFAActive)
	require.Len(t, byName["deploy-bot"].Keys, 2)
	assert.True(t, byName["deploy-bot"].Keys[0].Active)
	assert.Equal(t, time.Date(2026, 11, 2, 9, 15, 31, 0, time.UTC), byName["deploy-bot"].Keys[0].LastRotated)
	assert.False(t, byName["deploy-bot"].Keys[1].Active)

	tests := []struct {
		name     string
		override map[string]fixture.Response
		status   controls.Status
		detail   string
	}{
		{name: "recorded account: one console user without MFA", status: controls.Failing,
			detail: "IAM user bob.analyst has console access without MFA"},
		{name: "report not present", status: controls.Error, detail: "IAM credential report could not be checked",
			override: map[string]fixture.Response{fixture.IAMGetReport: {Status: 410, Body: fixture.ErrorBody("iam", "ReportNotPresent", "no report")}}},
		{name: "access denied", status: controls.Error, detail: "IAM credential report could not be checked",
			override: map[string]fixture.Response{fixture.IAMGenerateReport: {Status: 403, Body: fixture.ErrorBody("iam", "AccessDenied", "not authorized")}}},
		{name: "malformed report", status: controls.Error,
			override: map[string]fixture.Response{fixture.IAMGetReport: {Status: 200, Body: []byte(`<GetCredentialReportResponse><GetCredentialReportResult><Content>` + "bm90LGEscmVwb3J0" + `</Content></GetCredentialReportResult></GetCredentialReportResponse>`)}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a.fx.Reset()
			for op, r := range tc.override {
				a.fx.Set(op, r)
			}
			r := runCheck(t, controls.CredentialCheck(cloud.NewIAM(a.iam()), controls.Thresholds{}))
			assert.Equal(t, tc.status, r.Status, r.Detail)
			if tc.detail != "" {
				assert.Equal(t, tc.detail, r.Detail)
			}
		})
	}
}

func TestIAMCredentialReportPollsUntilComplete(t *testing.T) {
	a := newAccount(t)
	a.fx.Set(fixture.IAMGenerateReport, fixture.Response{Status: 200, Body: []byte(`<GenerateCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GenerateCredentialReportResult><State>STARTED</State><Description>No report exists. Starting a new report generation task</Description></GenerateCredentialReportResult></GenerateCredentialReportResponse>`)})
	adapter := cloud.NewIAM(a.iam())
	waits := 0
	adapter.Sleep = func(ctx context.Context, d time.Duration) error {
		waits++
		if waits == 2 {
			a.fx.Reset() // the report completes
		}
		return nil
	}
	users, err := adapter.CredentialReport(context.Background())
	require.NoError(t, err)
	assert.Len(t, users, 5)
	assert.Equal(t, 2, waits)

	a.fx.Set(fixture.IAMGenerateReport, fixture.Response{Status: 200, Body: []byte(`<GenerateCredentialReportResponse><GenerateCredentialReportResult><State>INPROGRESS</State></GenerateCredentialReportResult></GenerateCredentialReportResponse>`)})
	adapter.Polls = 3
	_, err = adapter.CredentialReport(context.Background())
	assert.ErrorContains(t, err, "after 3 polls")
}

func TestIAMModelEndpointPrincipals(t *testing.T) {
	a := newAccount(t)
	adapter := cloud.NewIAM(a.iam())
	clock := now
	adapter.Now = func() time.Time { return clock }
	got, err := adapter.ModelEndpointPrincipals(context.Background())
	require.NoError(t, err)
	names := map[string][]string{}
	var order []string
	for _, p := range got {
		order = append(order, p.Kind+" "+p.Name)
		names[p.Kind+" "+p.Name] = p.Via
	}
	// The account details come in two pages (batch-scorer, ops-automation
	// and the managed policies are on the second); AWS-managed policies
	// missing from them are fetched by version.
	assert.Equal(t, []string{
		"role batch-scorer",      // customer-managed policy, second page
		"role inference-service", // inline bedrock:InvokeModel*
		"role ops-automation",    // NotAction iam:*, organizations:* (used to be missed)
		"user alice.admin",       // group admins -> AdministratorAccess (users were not scanned)
		"user carol.ds",          // group data-science -> AmazonBedrockLimitedAccess, not a name on any list
	}, order, "not the API role (no model action), not readonly-auditor (explicit Deny), not the service-linked role")
	assert.Equal(t, []string{"group admins: AdministratorAccess"}, names["user alice.admin"])
	assert.Equal(t, []string{"group data-science: AmazonBedrockLimitedAccess"}, names["user carol.ds"])
	assert.Equal(t, []string{"everything-but-iam"}, names["role ops-automation"])
	assert.Equal(t, 2, a.fx.Calls(fixture.IAMAuthDetails), "both pages read")
	assert.Equal(t, 2, a.fx.Calls(fixture.IAMGetPolicyVersion), "AmazonBedrockLimitedAccess and PowerUserAccess fetched")
	form, err := url.ParseQuery(string(a.fx.LastBody(fixture.IAMAuthDetails)))
	require.NoError(t, err)
	assert.Equal(t, "page2", form.Get("Marker"))
	var filters []string
	for i := 1; form.Get("Filter.member."+strconv.Itoa(i)) != ""; i++ {
		filters = append(filters, form.Get("Filter.member."+strconv.Itoa(i)))
	}
	assert.ElementsMatch(t, []string{"User", "Group", "Role", "LocalManagedPolicy", "AWSManagedPolicy"}, filters)

	_, err = adapter.ModelEndpointPrincipals(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 2, a.fx.Calls(fixture.IAMAuthDetails), "cached within one run")
	clock = clock.Add(2 * time.Minute)
	_, err = adapter.ModelEndpointPrincipals(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 4, a.fx.Calls(fixture.IAMAuthDetails), "re-read after the TTL")
	assert.Equal(t, 2, a.fx.Calls(fixture.IAMGetPolicyVersion), "an AWS-managed version's document is kept")

	a.fx.Set(fixture.IAMAuthDetails, fixture.Response{Status: 403, Body: fixture.ErrorBody("iam", "AccessDenied", "no")})
	clock = clock.Add(2 * time.Minute)
	_, err = adapter.ModelEndpointPrincipals(context.Background())
	assert.Error(t, err)

	a.fx.Reset()
	a.fx.Set(fixture.IAMGetPolicyVersion, fixture.Response{Status: 403, Body: fixture.ErrorBody("iam", "AccessDenied", "no")})
	fresh := cloud.NewIAM(a.iam())
	_, err = fresh.ModelEndpointPrincipals(context.Background())
	assert.ErrorContains(t, err, "get policy version", "a policy that cannot be read is an error, never an empty scan")
}

func TestConfigRules(t *testing.T) {
	a := newAccount(t)
	rules, err := cloud.NewConfigRules(a.config()).Compliance(context.Background(), controls.EncryptionRules)
	require.NoError(t, err)
	require.Len(t, rules, 4, "the public-read rule is not an encryption rule; the log-group rule is on the second page")
	assert.Equal(t, 2, a.fx.Calls(fixture.ConfigRules), "both pages of rules read")
	assert.Equal(t, 2, a.fx.Calls(fixture.ConfigCompliance), "both pages of compliance read")
	for _, r := range rules {
		assert.Equal(t, "COMPLIANT", r.Compliance, r.RuleName)
		assert.Contains(t, controls.EncryptionRules, r.Identifier)
	}
	var req struct{ ConfigRuleNames []string }
	require.NoError(t, json.Unmarshal(a.fx.LastBody(fixture.ConfigCompliance), &req))
	assert.ElementsMatch(t, []string{"agentgate-s3-sse", "agentgate-dynamodb-kms", "agentgate-sns-kms", "agentgate-log-groups-kms"}, req.ConfigRuleNames)

	tests := []struct {
		name     string
		override map[string]fixture.Response
		status   controls.Status
		detail   string
	}{
		{name: "recorded account: compliant", status: controls.Passing},
		{name: "non-compliant bucket", status: controls.Failing, detail: "AWS Config rule agentgate-s3-sse: 3 non-compliant resources",
			override: map[string]fixture.Response{fixture.ConfigCompliance: {Status: 200, Body: []byte(`{"ComplianceByConfigRules":[
				{"ConfigRuleName":"agentgate-s3-sse","Compliance":{"ComplianceType":"NON_COMPLIANT","ComplianceContributorCount":{"CappedCount":3,"CapExceeded":false}}},
				{"ConfigRuleName":"agentgate-dynamodb-kms","Compliance":{"ComplianceType":"COMPLIANT"}},
				{"ConfigRuleName":"agentgate-sns-kms","Compliance":{"ComplianceType":"COMPLIANT"}},
				{"ConfigRuleName":"agentgate-log-groups-kms","Compliance":{"ComplianceType":"COMPLIANT"}}]}`)}}},
		{name: "a rule not evaluated yet", status: controls.Warning, detail: "AWS Config rule agentgate-sns-kms has not evaluated its resources yet",
			override: map[string]fixture.Response{fixture.ConfigCompliance: {Status: 200, Body: []byte(`{"ComplianceByConfigRules":[
				{"ConfigRuleName":"agentgate-s3-sse","Compliance":{"ComplianceType":"COMPLIANT"}},
				{"ConfigRuleName":"agentgate-dynamodb-kms","Compliance":{"ComplianceType":"COMPLIANT"}},
				{"ConfigRuleName":"agentgate-log-groups-kms","Compliance":{"ComplianceType":"COMPLIANT"}}]}`)}}},
		{name: "Config not enabled", status: controls.Error, detail: "AWS Config encryption rules could not be checked",
			override: map[string]fixture.Response{fixture.ConfigRules: {Status: 400, Body: fixture.ErrorBody("config", "NoAvailableConfigurationRecorderException", "no recorder")}}},
		{name: "throttled", status: controls.Error,
			override: map[string]fixture.Response{fixture.ConfigCompliance: {Status: 400, Body: fixture.ErrorBody("config", "ThrottlingException", "rate exceeded")}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a.fx.Reset()
			for op, r := range tc.override {
				a.fx.Set(op, r)
			}
			r := runCheck(t, controls.EncryptionCheck(cloud.NewConfigRules(a.config())))
			assert.Equal(t, tc.status, r.Status, r.Detail)
			if tc.detail != "" {
				assert.Equal(t, tc.detail, r.Detail)
			}
		})
	}
}

func TestValidateLatency(t *testing.T) {
	a := newAccount(t)
	lat := cloud.NewValidateLatency(a.cloudwatch(), "a1b2c3d4e5", "prod")
	p99, ok, err := lat.P99(context.Background(), now.Add(-time.Hour), now)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, 57300*time.Microsecond, p99, "the worst 5-minute p99, on the second page")
	assert.Equal(t, 2, a.fx.Calls(fixture.CloudWatchMetricGet), "both pages read")

	// The request went out in CBOR with the route's dimensions.
	v, err := cbor.Decode(a.fx.LastBody(fixture.CloudWatchMetricGet))
	require.NoError(t, err)
	raw, _ := json.Marshal(cborToJSON(v))
	assert.Contains(t, string(raw), `"Namespace":"AWS/ApiGateway"`)
	assert.Contains(t, string(raw), `{"Name":"ApiId","Value":"a1b2c3d4e5"}`)
	assert.Contains(t, string(raw), `{"Name":"Resource","Value":"/v1/validate"}`)
	assert.Contains(t, string(raw), `"Stat":"p99"`)

	tests := []struct {
		name     string
		override *fixture.Response
		status   controls.Status
	}{
		{name: "recorded: 57 ms against 120 ms", status: controls.Passing},
		{name: "slow: 180 ms", status: controls.Failing, override: &fixture.Response{Status: 200,
			Body: fixture.MetricDataResponse("p99", "Latency", []time.Time{now.Add(-5 * time.Minute)}, []float64{180})}},
		{name: "close: 101 ms", status: controls.Warning, override: &fixture.Response{Status: 200,
			Body: fixture.MetricDataResponse("p99", "Latency", []time.Time{now.Add(-5 * time.Minute)}, []float64{101})}},
		{name: "no traffic", status: controls.Passing, override: &fixture.Response{Status: 200,
			Body: fixture.MetricDataResponse("p99", "Latency", nil, nil)}},
		{name: "access denied", status: controls.Error, override: &fixture.Response{Status: 400,
			Body: fixture.ErrorBody("cloudwatch", "AccessDeniedException", "no")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a.fx.Reset()
			if tc.override != nil {
				a.fx.Set(fixture.CloudWatchMetricGet, *tc.override)
			}
			r := runCheck(t, controls.LatencyCheck(lat, controls.Thresholds{LatencyObjective: 120 * time.Millisecond}))
			assert.Equal(t, tc.status, r.Status, r.Detail)
		})
	}
}

// cborToJSON turns decoded CBOR into JSON-able values for assertions.
func cborToJSON(v cbor.Value) any {
	switch x := v.(type) {
	case cbor.Map:
		m := map[string]any{}
		for k, e := range x {
			m[k] = cborToJSON(e)
		}
		return m
	case cbor.List:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = cborToJSON(e)
		}
		return l
	case cbor.String:
		return string(x)
	case *cbor.Tag:
		return cborToJSON(x.Value)
	default:
		return x
	}
}

func TestRetention(t *testing.T) {
	a := newAccount(t)
	ret := cloud.NewRetention(a.ddb(), a.s3(), "agentgate-Evidence", "agentgate-archive")
	on, attr, err := ret.EvidenceTTL(context.Background())
	require.NoError(t, err)
	assert.True(t, on)
	assert.Equal(t, "expiresAt", attr)
	mode, days, err := ret.ArchiveLock(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "COMPLIANCE", mode)
	assert.Equal(t, 2555, days)

	tests := []struct {
		name     string
		override map[string]fixture.Response
		status   controls.Status
		detail   string
	}{
		{name: "recorded: matches the 2555-day schedule", status: controls.Passing},
		{name: "no object lock configuration", status: controls.Failing, detail: "archive bucket has no default Object Lock retention",
			override: map[string]fixture.Response{fixture.S3ObjectLock: {Status: 404, Body: fixture.ErrorBody("s3", "ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket")}}},
		{name: "TTL disabled", status: controls.Failing, detail: "evidence table TTL is not enabled",
			override: map[string]fixture.Response{fixture.DynamoDescribeTTL: {Status: 200, Body: []byte(`{"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}`)}}},
		{name: "longer lock", status: controls.Warning,
			override: map[string]fixture.Response{fixture.S3ObjectLock: {Status: 200, Body: []byte(`<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Years>10</Years></DefaultRetention></Rule></ObjectLockConfiguration>`)}}},
		{name: "table not found", status: controls.Error, detail: "retention settings could not be checked",
			override: map[string]fixture.Response{fixture.DynamoDescribeTTL: {Status: 400, Body: fixture.ErrorBody("dynamodb", "ResourceNotFoundException", "Requested resource not found")}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a.fx.Reset()
			for op, r := range tc.override {
				a.fx.Set(op, r)
			}
			r := runCheck(t, controls.RetentionCheck(ret, controls.Thresholds{RetentionDays: 2555}))
			assert.Equal(t, tc.status, r.Status, r.Detail)
			if tc.detail != "" {
				assert.Equal(t, tc.detail, r.Detail)
			}
		})
	}
}

func TestAlerts(t *testing.T) {
	a := newAccount(t)
	al := cloud.NewAlerts(a.sns(), "arn:aws:sns:us-east-1:123456789012:agentgate-alerts")
	ev := events.ControlStatusChanged{Type: events.ControlStatusChangedType, Version: 1, Tenant: "acme", Control: "CC9.2",
		Name: "Vendor risk", From: "passing", To: "warning", Detail: "OpenAI vendor review due in 14 days", At: now}
	require.NoError(t, al.Publish(context.Background(), ev))
	form, err := url.ParseQuery(string(a.fx.LastBody(fixture.SNSPublish)))
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sns:us-east-1:123456789012:agentgate-alerts", form.Get("TopicArn"))
	assert.Equal(t, "agentgate acme: CC9.2 passing -> warning", form.Get("Subject"))
	var got events.ControlStatusChanged
	require.NoError(t, json.Unmarshal([]byte(form.Get("Message")), &got))
	assert.Equal(t, ev, got)
	attrs := map[string]string{}
	for i := 1; form.Get("MessageAttributes.entry."+strconv.Itoa(i)+".Name") != ""; i++ {
		attrs[form.Get("MessageAttributes.entry."+strconv.Itoa(i)+".Name")] = form.Get("MessageAttributes.entry." + strconv.Itoa(i) + ".Value.StringValue")
	}
	assert.Equal(t, map[string]string{"type": events.ControlStatusChangedType, "tenant": "acme", "control": "CC9.2", "to": "warning"}, attrs)

	a.fx.Set(fixture.SNSPublish, fixture.Response{Status: 404, Body: fixture.ErrorBody("sns", "NotFound", "Topic does not exist")})
	err = al.Publish(context.Background(), ev)
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "CC9.2"))
}

func TestDeadLetterQueue(t *testing.T) {
	a := newAccount(t)
	q := cloud.NewDeadLetterQueue(sqs.NewFromConfig(a.cfg, func(o *sqs.Options) { o.BaseEndpoint = aws.String(a.url) }), a.url+"/123456789012/agentgate-archiver-dlq")
	n, err := q.DeadLetters(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 0, n)
	a.fx.Set(fixture.SQSQueueAttributes, fixture.Response{Status: 200, Body: []byte(`{"Attributes":{"ApproximateNumberOfMessages":"2","ApproximateNumberOfMessagesNotVisible":"1"}}`)})
	n, err = q.DeadLetters(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	a.fx.Set(fixture.SQSQueueAttributes, fixture.Response{Status: 400, Body: fixture.ErrorBody("sqs", "QueueDoesNotExist", "The specified queue does not exist.")})
	_, err = q.DeadLetters(context.Background())
	assert.Error(t, err)
}
