package emulator

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// AccountID is the account goaws puts in topic ARNs.
const AccountID = "000000000000"

// StartSNS starts goaws (SNS, and SQS on the same port) through the tools
// main that binds it to 127.0.0.1.
func StartSNS(ctx context.Context, opt Options) (*Process, error) {
	opt = opt.withDefaults()
	return launch{
		name: "sns", comp: compGoTools, path: Paths.GoAWS,
		args: func(string) []string {
			return []string{"-addr", "127.0.0.1:0", "-region", opt.Region, "-account", AccountID}
		},
		probe: func(endpoint string) func(context.Context) error {
			client := sns.NewFromConfig(Config(opt.Region), SNSOptions(endpoint), func(o *sns.Options) { o.RetryMaxAttempts = 1 })
			return func(ctx context.Context) error {
				_, err := client.ListTopics(ctx, &sns.ListTopicsInput{})
				return err
			}
		},
	}.start(ctx, opt)
}
