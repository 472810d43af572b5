// Command firstkey mints the first API key of a freshly deployed stack.
//
// Keys are normally issued through the admin routes, which need an admin key:
// this breaks that circle once. It registers the tenant (keeping an existing
// tenant untouched) and stores a new key for it in the Registry table, then
// prints the key. Only sha256(secret) is stored; the printed key cannot be
// recovered later.
//
//	go run ./infra/firstkey -table "$REGISTRY_TABLE" -tenant acme -scopes admin
package main

import (
	"context"
	"crypto/rand"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/agentgate/agentgate/shared/auth"
	"github.com/agentgate/agentgate/shared/dynamo"
)

func main() {
	table := flag.String("table", "", "physical name of the Registry table (stack output RegistryTableName)")
	tenant := flag.String("tenant", "", "tenant id the key belongs to, e.g. acme")
	scopes := flag.String("scopes", auth.ScopeAdmin, "comma-separated scopes: validate, read, admin, audit")
	flag.Parse()
	if *table == "" || *tenant == "" {
		flag.Usage()
		os.Exit(2)
	}
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "firstkey: load AWS config:", err)
		os.Exit(1)
	}
	key, err := mint(ctx, dynamodb.NewFromConfig(cfg), *table, *tenant, splitScopes(*scopes), rand.Reader, time.Now())
	if err != nil {
		fmt.Fprintln(os.Stderr, "firstkey:", err)
		os.Exit(1)
	}
	fmt.Println(key)
}

// mint registers tenant if it is new and stores a new key; it returns the
// plaintext key.
func mint(ctx context.Context, api dynamo.API, table, tenant string, scopes []string, rnd io.Reader, now time.Time) (string, error) {
	userKey := make([]byte, 32)
	if _, err := io.ReadFull(rnd, userKey); err != nil {
		return "", fmt.Errorf("generate tenant user key: %w", err)
	}
	if _, err := dynamo.NewTenantStore(api, table).PutTenant(ctx, dynamo.Tenant{
		ID: tenant, Name: tenant, UserKey: userKey, CreatedAt: now.UTC(),
	}); err != nil {
		return "", fmt.Errorf("register tenant %s: %w", tenant, err)
	}
	plain, k, err := auth.NewKey(rnd, tenant, scopes, now)
	if err != nil {
		return "", fmt.Errorf("new key for %s: %w", tenant, err)
	}
	if err := dynamo.NewKeyStore(api, table).PutKey(ctx, k); err != nil {
		return "", fmt.Errorf("store key %s: %w", k.ID, err)
	}
	return plain, nil
}

func splitScopes(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
