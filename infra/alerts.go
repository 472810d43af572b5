package infra

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssnssubscriptions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Alerts is the SNS topic that receives control state changes (published by
// the controls function) and every CloudWatch alarm of the stack.
type Alerts struct {
	constructs.Construct
	Topic  awssns.Topic
	action awscloudwatch.IAlarmAction
}

// NewAlerts creates the KMS-encrypted, TLS-only topic and one e-mail
// subscription per address (each recipient must confirm it).
func NewAlerts(scope constructs.Construct, id string, key awskms.IKey, emails []string) *Alerts {
	c := constructs.NewConstruct(scope, jsii.String(id))
	topic := awssns.NewTopic(c, jsii.String("Topic"), &awssns.TopicProps{
		DisplayName: jsii.String("agentgate alerts"),
		MasterKey:   key,
		EnforceSSL:  jsii.Bool(true),
	})
	for _, e := range emails {
		topic.AddSubscription(awssnssubscriptions.NewEmailSubscription(jsii.String(e), nil))
	}
	return &Alerts{Construct: c, Topic: topic, action: awscloudwatchactions.NewSnsAction(topic)}
}

// Alarm creates an alarm that notifies the topic both when it fires and when
// it recovers, so a recipient knows an incident is over without a console.
func (a *Alerts) Alarm(scope constructs.Construct, id string, props *awscloudwatch.AlarmProps) awscloudwatch.Alarm {
	if props.TreatMissingData == "" {
		// Most of these metrics only exist while something happens (errors,
		// messages, lag reports); no data means nothing is wrong.
		props.TreatMissingData = awscloudwatch.TreatMissingData_NOT_BREACHING
	}
	alarm := awscloudwatch.NewAlarm(scope, jsii.String(id), props)
	alarm.AddAlarmAction(a.action)
	alarm.AddOkAction(a.action)
	return alarm
}
