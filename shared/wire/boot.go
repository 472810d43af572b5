package wire

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/agentgate/agentgate/shared/platform"
)

// Boot is the first half of every Lambda main: the shared configuration from
// the environment (plus what read adds, e.g. a function's own settings) and
// the AWS configuration. It exits with every configuration problem at once,
// logged under the function's name; a Lambda that cannot start must say why.
func Boot(name string, read func(*platform.Env)) (Config, aws.Config) {
	env := platform.NewEnv()
	cfg := FromEnv(env)
	if read != nil {
		read(env)
	}
	Exit(name, env.Err())
	awsCfg, err := platform.AWSConfig(context.Background())
	Exit(name, err)
	return cfg, awsCfg
}

// Exit ends a main that could not build its handler: logged, status 1.
func Exit(name string, err error) {
	if err != nil {
		platform.Logger().Error(name+": cannot start", "err", err)
		os.Exit(1)
	}
}
