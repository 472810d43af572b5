package infra

import (
	"encoding/json"
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2authorizers"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2integrations"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Routes of the HTTP API. Both go to the api function behind the authorizer;
// there is no $default route, so a path outside /v1 is a 404 from API
// Gateway that invokes nothing. POST /v1/validate has a route of its own
// only so that it gets its own latency metric for the P99 objective alarm.
const (
	ValidatePath = "/v1/validate"
	ProxyPath    = "/v1/{proxy+}"
	StageName    = "$default"
)

// APIProps wires the HTTP API to its two functions.
type APIProps struct {
	Handler            awslambda.IFunction
	Authorizer         awslambda.IFunction
	Key                awskms.IKey
	LogRetention       awslogs.RetentionDays
	ThrottleRate       int
	ThrottleBurst      int
	LatencyObjectiveMs int
	Alerts             *Alerts
}

// API is the public HTTP API (payload 2.0) with a Lambda authorizer on every route.
type API struct {
	constructs.Construct
	HTTPAPI    awsapigatewayv2.HttpApi
	Stage      awsapigatewayv2.HttpStage
	AccessLogs awslogs.LogGroup
}

// NewAPI creates the API, its stage (throttled, access-logged, with
// per-route metrics) and the validate latency alarm.
func NewAPI(scope constructs.Construct, id string, p APIProps) *API {
	c := constructs.NewConstruct(scope, jsii.String(id))

	authorizer := awsapigatewayv2authorizers.NewHttpLambdaAuthorizer(jsii.String("ApiKey"), p.Authorizer,
		&awsapigatewayv2authorizers.HttpLambdaAuthorizerProps{
			AuthorizerName: jsii.String("api-key"),
			ResponseTypes:  &[]awsapigatewayv2authorizers.HttpLambdaResponseType{awsapigatewayv2authorizers.HttpLambdaResponseType_SIMPLE},
			// No identity source, no gateway cache (decision 120): with the
			// Authorization header as identity source API Gateway answers a
			// request without it with a bare 401 {"message":"Unauthorized"},
			// never the documented JSON error. So the authorizer runs for
			// every request and keeps verdicts itself (authwire.CacheTTL);
			// it denies keys we never issued (API Gateway's 403, before the
			// api function) and never keeps a store failure.
			IdentitySource:  &[]*string{},
			ResultsCacheTtl: awscdk.Duration_Seconds(jsii.Number(0)),
		})
	api := awsapigatewayv2.NewHttpApi(c, jsii.String("HttpApi"), &awsapigatewayv2.HttpApiProps{
		Description: jsii.String("agentgate compliance API"),
		// The default authorizer covers any route added later without an
		// explicit one, so an unauthenticated route cannot appear by omission.
		DefaultAuthorizer:  authorizer,
		CreateDefaultStage: jsii.Bool(false),
	})
	integration := awsapigatewayv2integrations.NewHttpLambdaIntegration(jsii.String("Api"), p.Handler,
		&awsapigatewayv2integrations.HttpLambdaIntegrationProps{
			PayloadFormatVersion: awsapigatewayv2.PayloadFormatVersion_VERSION_2_0(),
		})
	api.AddRoutes(&awsapigatewayv2.AddRoutesOptions{
		Path: jsii.String(ValidatePath), Methods: &[]awsapigatewayv2.HttpMethod{awsapigatewayv2.HttpMethod_POST},
		Integration: integration, Authorizer: authorizer,
	})
	api.AddRoutes(&awsapigatewayv2.AddRoutesOptions{
		Path: jsii.String(ProxyPath), Methods: &[]awsapigatewayv2.HttpMethod{awsapigatewayv2.HttpMethod_ANY},
		Integration: integration, Authorizer: authorizer,
	})

	accessLogs := awslogs.NewLogGroup(c, jsii.String("AccessLogs"), &awslogs.LogGroupProps{
		Retention:     p.LogRetention,
		EncryptionKey: p.Key,
		RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})
	stage := awsapigatewayv2.NewHttpStage(c, jsii.String("Stage"), &awsapigatewayv2.HttpStageProps{
		HttpApi:                api,
		StageName:              jsii.String(StageName),
		AutoDeploy:             jsii.Bool(true),
		DetailedMetricsEnabled: jsii.Bool(true),
		Throttle: &awsapigatewayv2.ThrottleSettings{
			RateLimit:  jsii.Number(p.ThrottleRate),
			BurstLimit: jsii.Number(p.ThrottleBurst),
		},
	})
	// The L2 stage takes access-log settings only as a jsii interface; the
	// L1 property is the same CloudFormation field without that indirection.
	cfnStage := stage.Node().DefaultChild().(awsapigatewayv2.CfnStage)
	cfnStage.SetAccessLogSettings(&awsapigatewayv2.CfnStage_AccessLogSettingsProperty{
		DestinationArn: accessLogs.LogGroupArn(),
		Format:         jsii.String(accessLogFormat()),
	})

	p.Alerts.Alarm(c, "ValidateLatencyP99", &awscloudwatch.AlarmProps{
		AlarmDescription: jsii.String(fmt.Sprintf("agentgate POST %s: P99 latency above the %d ms objective", ValidatePath, p.LatencyObjectiveMs)),
		Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace:  jsii.String("AWS/ApiGateway"),
			MetricName: jsii.String("Latency"),
			// HTTP API route metrics (detailed metrics) use these dimensions.
			DimensionsMap: &map[string]*string{
				"ApiId":    api.ApiId(),
				"Stage":    jsii.String(StageName),
				"Method":   jsii.String("POST"),
				"Resource": jsii.String(ValidatePath),
			},
			Statistic: jsii.String("p99"),
			Period:    awscdk.Duration_Minutes(jsii.Number(5)),
		}),
		Threshold: jsii.Number(p.LatencyObjectiveMs),
		// Two bad 5-minute windows out of three: one cold-start burst alone
		// does not page anyone.
		EvaluationPeriods:  jsii.Number(3),
		DatapointsToAlarm:  jsii.Number(2),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_THRESHOLD,
		// Percentiles over a handful of requests are noise.
		EvaluateLowSampleCountPercentile: jsii.String("ignore"),
	})
	return &API{Construct: c, HTTPAPI: api, Stage: stage, AccessLogs: accessLogs}
}

// accessLogFormat is one JSON object per request. It carries the tenant and
// key id the authorizer resolved, never the Authorization header, and the
// route template (routeKey), never the path: /v1/subjects/{userId} would
// write a raw user id into a log kept for months, which erasure cannot reach.
func accessLogFormat() string {
	fields := map[string]string{
		"requestId":        "$context.requestId",
		"time":             "$context.requestTimeEpoch",
		"ip":               "$context.identity.sourceIp",
		"method":           "$context.httpMethod",
		"routeKey":         "$context.routeKey",
		"status":           "$context.status",
		"protocol":         "$context.protocol",
		"responseLength":   "$context.responseLength",
		"latencyMs":        "$context.responseLatency",
		"integrationMs":    "$context.integration.latency",
		"integrationError": "$context.integrationErrorMessage",
		"authorizerError":  "$context.authorizer.error",
		"authorizerMs":     "$context.authorizer.latency",
		"tenant":           "$context.authorizer.tenant",
		"keyId":            "$context.authorizer.keyId",
		"throttled":        "$context.error.responseType",
	}
	b, err := json.Marshal(fields) // sorted keys: a stable template
	if err != nil {
		panic(err) // a map of strings always marshals
	}
	return string(b)
}
