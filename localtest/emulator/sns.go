package emulator

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// AccountID is the account goaws puts in topic ARNs.
const AccountID = "000000000000"

// StartSNS starts goaws (SNS, and SQS on the same port) through the tools
// main that binds it to 127.0.0.1.
func StartSNS(ctx context.Context, opt Options) (*Process, error) {
	opt = opt.withDefaults()
	// Installing may compile for minutes on a cold cache; only the start
	// itself is bounded by StartTimeout.
	paths, err := ensure(ctx, compGoTools)
	if err != nil {
		return nil, fmt.Errorf("start sns: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, opt.StartTimeout)
	defer cancel()
	dir, err := newDataDir(opt, "sns")
	if err != nil {
		return nil, err
	}
	args := []string{"-addr", "127.0.0.1:0", "-region", opt.Region, "-account", AccountID}
	p, err := startChild(childSpec{name: "sns", path: paths.GoAWS(), args: args, dir: dir}, opt)
	if err != nil {
		return nil, err
	}
	ap, err := p.waitListening(ctx)
	if err != nil {
		return nil, p.failStart(err)
	}
	p.Endpoint = "http://" + ap.String()
	client := sns.NewFromConfig(Config(opt.Region), SNSOptions(p.Endpoint), func(o *sns.Options) { o.RetryMaxAttempts = 1 })
	probe := func(ctx context.Context) error {
		_, err := client.ListTopics(ctx, &sns.ListTopicsInput{})
		return err
	}
	if err := p.waitReady(ctx, probe); err != nil {
		return nil, p.failStart(err)
	}
	opt.Logger.Info("emulator ready", "name", p.Name, "pid", p.PID, "endpoint", p.Endpoint)
	return p, nil
}
