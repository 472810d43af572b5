package cloud

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"

	"github.com/agentgate/agentgate/controls"
	"github.com/agentgate/agentgate/events"
)

// SNSAPI is the part of the SNS client the publisher uses.
type SNSAPI interface {
	Publish(ctx context.Context, in *sns.PublishInput, opts ...func(*sns.Options)) (*sns.PublishOutput, error)
}

// Alerts publishes control status changes to the alert topic: the JSON of
// the event as the message, and type/tenant/control/to as message
// attributes so subscribers can filter (only failures, one tenant, ...).
type Alerts struct {
	api   SNSAPI
	topic string
}

var _ controls.Alerter = (*Alerts)(nil)

// NewAlerts returns the publisher for topicARN.
func NewAlerts(api SNSAPI, topicARN string) *Alerts { return &Alerts{api: api, topic: topicARN} }

// Publish sends one message.
func (a *Alerts) Publish(ctx context.Context, e events.ControlStatusChanged) error {
	body, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode alert: %w", err)
	}
	attr := func(v string) snstypes.MessageAttributeValue {
		return snstypes.MessageAttributeValue{DataType: aws.String("String"), StringValue: aws.String(v)}
	}
	attrs := map[string]snstypes.MessageAttributeValue{
		"type": attr(e.Type), "tenant": attr(e.Tenant), "control": attr(e.Control), "to": attr(e.To),
	}
	_, err = a.api.Publish(ctx, &sns.PublishInput{
		TopicArn: aws.String(a.topic), Subject: aws.String(e.Subject()), Message: aws.String(string(body)),
		MessageAttributes: attrs,
	})
	if err != nil {
		return fmt.Errorf("publish alert for %s %s: %w", e.Tenant, e.Control, err)
	}
	return nil
}
