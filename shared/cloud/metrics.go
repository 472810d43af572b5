package cloud

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/agentgate/agentgate/controls"
)

// MetricsAPI is the part of the CloudWatch client the adapter uses.
type MetricsAPI interface {
	cloudwatch.GetMetricDataAPIClient
}

// ValidateLatency reads the P99 of the validate route from the HTTP API's
// detailed route metrics (the same metric the stack's latency alarm uses).
type ValidateLatency struct {
	api MetricsAPI
	// APIID and Stage select the deployed API; Method and Resource the route.
	APIID, Stage, Method, Resource string
}

var _ controls.Latency = (*ValidateLatency)(nil)

// NewValidateLatency returns the adapter for POST /v1/validate of apiID/stage.
func NewValidateLatency(api MetricsAPI, apiID, stage string) *ValidateLatency {
	return &ValidateLatency{api: api, APIID: apiID, Stage: stage, Method: "POST", Resource: "/v1/validate"}
}

// P99 asks for the p99 in 5-minute periods over [from, to) and returns the
// worst period: an objective holds only if it held in every period.
func (v *ValidateLatency) P99(ctx context.Context, from, to time.Time) (time.Duration, bool, error) {
	in := &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(from.UTC()),
		EndTime:   aws.Time(to.UTC()),
		ScanBy:    cwtypes.ScanByTimestampDescending,
		MetricDataQueries: []cwtypes.MetricDataQuery{{
			Id: aws.String("p99"),
			MetricStat: &cwtypes.MetricStat{
				Metric: &cwtypes.Metric{
					Namespace:  aws.String("AWS/ApiGateway"),
					MetricName: aws.String("Latency"),
					Dimensions: []cwtypes.Dimension{
						{Name: aws.String("ApiId"), Value: aws.String(v.APIID)},
						{Name: aws.String("Stage"), Value: aws.String(v.Stage)},
						{Name: aws.String("Method"), Value: aws.String(v.Method)},
						{Name: aws.String("Resource"), Value: aws.String(v.Resource)},
					},
				},
				Period: aws.Int32(300),
				Stat:   aws.String("p99"),
				Unit:   cwtypes.StandardUnitMilliseconds,
			},
		}},
	}
	worst, ok := 0.0, false
	p := cloudwatch.NewGetMetricDataPaginator(v.api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return 0, false, fmt.Errorf("get metric data: %w", err)
		}
		for _, r := range page.MetricDataResults {
			if aws.ToString(r.Id) != "p99" {
				continue
			}
			if r.StatusCode == cwtypes.StatusCodeForbidden || r.StatusCode == cwtypes.StatusCodeInternalError {
				return 0, false, fmt.Errorf("metric data status %s", r.StatusCode)
			}
			for _, val := range r.Values {
				if !ok || val > worst {
					worst, ok = val, true
				}
			}
		}
	}
	return time.Duration(worst * float64(time.Millisecond)), ok, nil
}
