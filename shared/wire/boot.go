package wire

import (
	"context"
	"os"
	"runtime/debug"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/agentgate/agentgate/shared/platform"
)

// Boot is the first half of every Lambda main: the shared configuration from
// the environment (plus what read adds, e.g. a function's own settings) and
// the AWS configuration. It exits with every configuration problem at once,
// logged under the function's name; a Lambda that cannot start must say why.
//
// The garbage collector is off from Boot until the main calls ready, just
// before it starts serving (decision 156). Start-up allocates in bursts
// (the gate's automata and model, tens of MB in a few milliseconds) and
// leaves little garbage: the collector ran cycle after cycle during them,
// each assisted by the allocating goroutine, which cost the api about a
// third of its time to ready. In Lambda (AWS_LAMBDA_FUNCTION_MEMORY_SIZE
// set) ready leaves the percentage off and sets a memory limit at three
// quarters of the function's memory instead: the collector runs when the
// heap nears it, not every time it doubles from a small live heap, and no
// collection lands on the first requests. Elsewhere ready puts the
// percentage back, as it does when GOGC is set. A GOMEMLIMIT from the
// environment is kept. A main that
// never calls ready does not compile (ready unused).
func Boot(name string, read func(*platform.Env)) (cfg Config, awsCfg aws.Config, ready func()) {
	ready = pauseGC(os.Getenv)
	cfg, awsCfg = boot(name, read)
	return cfg, awsCfg, ready
}

// pauseGC turns the collector off and returns what Boot's ready does.
func pauseGC(getenv func(string) string) (ready func()) {
	gc := debug.SetGCPercent(-1)
	return func() {
		mb, err := strconv.ParseInt(getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), 10, 64)
		if err != nil || mb <= 0 || getenv("GOGC") != "" {
			debug.SetGCPercent(gc)
			return
		}
		if getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(mb << 20 / 4 * 3)
		}
	}
}

func boot(name string, read func(*platform.Env)) (Config, aws.Config) {
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
