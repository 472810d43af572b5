// Command app is the CDK app (cdk.json runs it from the repository root).
// It reads the deploy parameters from CDK context, deploys every function
// that has a functions/<name>/main.go, and applies the cdk-nag AwsSolutions
// pack so a finding fails the synth.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/agentgate/agentgate/infra"
	"github.com/agentgate/agentgate/web"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "agentgate cdk app:", err)
		jsii.Close()
		os.Exit(1)
	}
	jsii.Close()
}

func run() error {
	app := awscdk.NewApp(nil)
	get := func(key string) any { return app.Node().TryGetContext(jsii.String(key)) }
	cfg, err := infra.ConfigFromContext(get)
	if err != nil {
		return fmt.Errorf("read context: %w", err)
	}
	stackName := "Agentgate"
	if v, ok := get("stackName").(string); ok && v != "" {
		stackName = v
	}
	fns, err := presentFunctions("functions")
	if err != nil {
		return err
	}
	props := &infra.StackProps{
		StackProps: awscdk.StackProps{
			Description: jsii.String("agentgate: AI compliance API (validation gate, hash-chained evidence, signed checkpoints)"),
			Env:         env(),
		},
		Config:    cfg,
		AssetDir:  "build",
		Functions: fns,
	}
	if cfg.Console {
		// The console's files as served: the embedded pages plus Chart.js
		// from web/package-lock.json (npm ci into .tools/web when missing).
		nm, err := web.Install(".")
		if err != nil {
			return fmt.Errorf("console: %w (or deploy with -c console=false)", err)
		}
		props.ConsoleDir = filepath.Join("build", "console")
		if err := infra.StageConsole(props.ConsoleDir, nm); err != nil {
			return err
		}
	}
	if _, err := infra.NewStack(app, stackName, props); err != nil {
		return err
	}
	infra.Check(app)
	app.Synth(nil)
	return nil
}

// presentFunctions lists the functions whose source exists, so a function
// lands in the deployment with the commit that adds its code.
func presentFunctions(root string) ([]string, error) {
	mains, err := filepath.Glob(filepath.Join(root, "*", "main.go"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", root, err)
	}
	names := make([]string, 0, len(mains))
	for _, m := range mains {
		names = append(names, filepath.Base(filepath.Dir(m)))
	}
	sort.Strings(names)
	return names, nil
}

// env pins the stack to the CLI's account and region when it knows them
// (credentials present); without them the stack stays environment-agnostic,
// which is what lets `cdk synth` run offline with no credentials.
func env() *awscdk.Environment {
	account, region := os.Getenv("CDK_DEFAULT_ACCOUNT"), os.Getenv("CDK_DEFAULT_REGION")
	if account == "" || region == "" {
		return nil
	}
	return &awscdk.Environment{Account: jsii.String(account), Region: jsii.String(region)}
}
