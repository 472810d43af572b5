package infra

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/tables"
)

// Every environment variable the functions can read (the Env* constants of
// shared/platform and each table's EnvVar) is set on at least one function,
// so a new variable cannot ship unwired and silently fall back to a default.
func TestEveryPlatformEnvVarIsWired(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, filepath.Join("..", "shared", "platform"), nil, 0)
	require.NoError(t, err)
	declared := map[string]string{} // value -> constant name
	for _, pkg := range pkgs {
		for name, f := range pkg.Files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.CONST {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if !strings.HasPrefix(n.Name, "Env") || i >= len(vs.Values) {
							continue
						}
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							v, err := strconv.Unquote(lit.Value)
							require.NoError(t, err)
							declared[v] = "platform." + n.Name
						}
					}
				}
			}
		}
	}
	require.NotEmpty(t, declared, "found the Env* constants")
	for _, tb := range tables.All() {
		declared[tb.EnvVar] = "tables." + tb.ID + ".EnvVar"
	}
	var wired []string
	for _, s := range functionSpecs {
		wired = append(wired, s.env...)
	}
	for v, name := range declared {
		assert.True(t, slices.Contains(wired, v),
			"%s (%s) is set on no function: add it to a spec's env in infra/stack.go (functionSpecs) and to the stack's env values", name, v)
	}
}
