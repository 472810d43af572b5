package controls

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCatalogEmbedded(t *testing.T) {
	cat, err := Catalog()
	require.NoError(t, err)
	var ids []string
	for _, c := range cat {
		ids = append(ids, c.ID)
		assert.NotEmpty(t, c.Name, c.ID)
		for _, fw := range FrameworkKeys {
			assert.NotEmpty(t, c.Frameworks[fw], "%s not mapped to %s", c.ID, fw)
		}
	}
	assert.Equal(t, []string{"CC6.1", "CC6.2", "CC6.6", "CC8.1", "CC9.2", "PI1.1", "CC4.1", "C1.2", "A1.2",
		"PI1.3", "CC7.4", "A1.1", "C1.1", "PI1.4", "CC6.1-secrets", "CC7.1", "CC6.7"}, ids)
	for id, want := range map[string]map[string][]string{
		"PI1.3":         {"soc2": {"PI1.3"}, "euaiact": {"Art.10(2)(f)", "Art.10(5)"}},
		"CC7.4":         {"soc2": {"CC7.4", "CC7.5"}, "pcidss": {"12.10.1", "12.10.2"}},
		"A1.1":          {"soc2": {"A1.1", "A1.3"}, "iso42001": {"A.10.3", "A.6.2.6"}},
		"C1.1":          {"soc2": {"C1.1", "P3.1", "P4.1"}, "gdpr": {"Art.5(1)(b)", "Art.6(1)", "Art.25(1)"}},
		"PI1.4":         {"soc2": {"PI1.4"}, "euaiact": {"Art.14(1)", "Art.14(4)(d)"}},
		"CC6.1-secrets": {"soc2": {"CC6.1"}, "pcidss": {"8.6.2", "3.6.1"}},
		"CC7.1":         {"soc2": {"CC7.1"}, "pcidss": {"6.3.1", "6.3.3", "11.3.1"}},
		"CC6.7":         {"soc2": {"CC6.7"}, "pcidss": {"4.2.1"}},
	} {
		c, ok := Lookup(id)
		require.True(t, ok, id)
		for fw, crit := range want {
			assert.Equal(t, crit, c.Frameworks[fw], "%s in %s", id, fw)
		}
	}
	c, ok := Lookup("CC6.1")
	require.True(t, ok)
	assert.Equal(t, "Encryption at rest", c.Name)
	assert.Equal(t, []string{"CC6.1"}, c.Frameworks["soc2"])
	assert.Equal(t, []string{"Art.32(1)(a)"}, c.Frameworks["gdpr"])
	fws, err := Frameworks()
	require.NoError(t, err)
	assert.Len(t, fws, 5)
}

// TestCatalogValidation proves the loader refuses each kind of defect, so
// the embedded files passing it means something.
func TestCatalogValidation(t *testing.T) {
	good := map[string]string{
		"data/catalog.json": `{"controls":[{"id":"CC6.1","name":"Encryption at rest","description":"d"},{"id":"A1.2","name":"Latency","description":"d"}]}`,
	}
	fw := func(key, body string) string {
		return `{"key":"` + key + `","title":"t","mappings":` + body + `}`
	}
	valid := map[string]string{
		"soc2":     `{"CC6.1":["CC6.1"],"A1.2":["A1.2"]}`,
		"gdpr":     `{"CC6.1":["Art.32(1)(a)"],"A1.2":["Art.32(1)(b)"]}`,
		"pcidss":   `{"CC6.1":["3.5.1"],"A1.2":["10.7.2"]}`,
		"euaiact":  `{"CC6.1":["Art.15(5)"],"A1.2":["Art.15(1)"]}`,
		"iso42001": `{"CC6.1":["A.7.2"],"A1.2":["A.6.2.6"]}`,
	}
	build := func(override map[string]string) fstest.MapFS {
		m := fstest.MapFS{}
		for k, v := range good {
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
		for k, v := range valid {
			m["data/frameworks/"+k+".json"] = &fstest.MapFile{Data: []byte(fw(k, v))}
		}
		for k, v := range override {
			if v == "" {
				delete(m, k)
				continue
			}
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
		return m
	}
	tests := []struct {
		name     string
		override map[string]string
		wantErr  string
	}{
		{name: "valid", override: nil},
		{name: "unmapped control", override: map[string]string{"data/frameworks/gdpr.json": fw("gdpr", `{"CC6.1":["Art.32(1)(a)"]}`)}, wantErr: "A1.2 is not mapped"},
		{name: "unknown control", override: map[string]string{"data/frameworks/soc2.json": fw("soc2", `{"CC6.1":["CC6.1"],"A1.2":["A1.2"],"CC9.9":["CC9.9"]}`)}, wantErr: "unknown control"},
		{name: "malformed soc2 id", override: map[string]string{"data/frameworks/soc2.json": fw("soc2", `{"CC6.1":["CC6.l"],"A1.2":["A1.2"]}`)}, wantErr: "not well formed"},
		{name: "malformed gdpr id", override: map[string]string{"data/frameworks/gdpr.json": fw("gdpr", `{"CC6.1":["Art 32"],"A1.2":["Art.32"]}`)}, wantErr: "not well formed"},
		{name: "malformed pci id", override: map[string]string{"data/frameworks/pcidss.json": fw("pcidss", `{"CC6.1":["13.1"],"A1.2":["10.7.2"]}`)}, wantErr: "not well formed"},
		{name: "malformed iso id", override: map[string]string{"data/frameworks/iso42001.json": fw("iso42001", `{"CC6.1":["7.2"],"A1.2":["A.6.2.6"]}`)}, wantErr: "not well formed"},
		{name: "empty mapping", override: map[string]string{"data/frameworks/euaiact.json": fw("euaiact", `{"CC6.1":[],"A1.2":["Art.15(1)"]}`)}, wantErr: "empty mapping"},
		{name: "duplicate criterion", override: map[string]string{"data/frameworks/soc2.json": fw("soc2", `{"CC6.1":["CC6.1","CC6.1"],"A1.2":["A1.2"]}`)}, wantErr: "listed twice"},
		{name: "key differs from file", override: map[string]string{"data/frameworks/soc2.json": fw("gdpr", valid["gdpr"])}, wantErr: "does not match the file name"},
		{name: "framework file missing", override: map[string]string{"data/frameworks/pcidss.json": ""}, wantErr: "pcidss: file missing"},
		{name: "unknown field", override: map[string]string{"data/catalog.json": `{"controls":[{"id":"CC6.1","name":"n","description":"d","owner":"x"}]}`}, wantErr: "unknown field"},
		{name: "duplicate control", override: map[string]string{"data/catalog.json": `{"controls":[{"id":"CC6.1","name":"n","description":"d"},{"id":"CC6.1","name":"n","description":"d"}]}`}, wantErr: "listed twice"},
		{name: "bad control id", override: map[string]string{"data/catalog.json": `{"controls":[{"id":"cc6.1","name":"n","description":"d"}]}`}, wantErr: "well-formed id"},
		{name: "bad id suffix", override: map[string]string{"data/catalog.json": `{"controls":[{"id":"CC6.1-Secrets","name":"n","description":"d"}]}`}, wantErr: "well-formed id"},
		{name: "suffixed id is a control like any", override: map[string]string{"data/catalog.json": `{"controls":[{"id":"CC6.1","name":"n","description":"d"},{"id":"A1.2","name":"n","description":"d"},{"id":"CC6.1-secrets","name":"n","description":"d"}]}`},
			wantErr: "CC6.1-secrets is not mapped"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cat, fws, err := load(build(tc.override))
			if tc.wantErr == "" {
				require.NoError(t, err)
				assert.Len(t, cat, 2)
				assert.Len(t, fws, 5)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.wantErr)
		})
	}
}
