// Package controls is the control catalog, its mappings to the frameworks
// auditors ask about (kept as embedded data, one file per framework), the
// checks that decide each control's status, and the runner that stores the
// results and alerts on state changes. It imports no AWS package: the checks
// read AWS through small interfaces the adapters in shared/cloud implement.
package controls

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"sync"
)

//go:embed data/catalog.json data/frameworks/*.json
var data embed.FS

// Control is one catalog entry with its framework mappings.
type Control struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// Frameworks maps a framework key (soc2, gdpr, ...) to its criteria.
	Frameworks map[string][]string `json:"frameworks"`
}

// Framework is one mapping file.
type Framework struct {
	Key      string              `json:"key"`
	Title    string              `json:"title"`
	Mappings map[string][]string `json:"mappings"`
}

// criterionRE is the well-formed criterion id of each framework, so a typo
// ("CC6.l", "Art 32") fails the catalog test instead of reaching an auditor.
// Compiled on first use, not at package init (docs/decisions/232).
var criterionRE = sync.OnceValue(func() map[string]*regexp.Regexp {
	return map[string]*regexp.Regexp{
		"soc2":     regexp.MustCompile(`^(CC[1-9]|PI1|C1|A1|P[1-8])\.[0-9]{1,2}$`),
		"gdpr":     regexp.MustCompile(`^Art\.[1-9][0-9]?(\([1-9][0-9]?\))?(\([a-z]\))?$`),
		"pcidss":   regexp.MustCompile(`^(1[0-2]|[1-9])(\.[1-9][0-9]?){1,3}$`),
		"euaiact":  regexp.MustCompile(`^Art\.[1-9][0-9]{0,2}(\([1-9][0-9]?\))?(\([a-z]\))?$`),
		"iso42001": regexp.MustCompile(`^A\.([2-9]|10)(\.[1-9][0-9]?){1,2}$`),
	}
})

// FrameworkKeys lists the frameworks in display order.
var FrameworkKeys = []string{"soc2", "gdpr", "pcidss", "euaiact", "iso42001"}

var (
	loadOnce   sync.Once
	catalog    []Control
	frameworks []Framework
	loadErr    error
)

// Catalog returns the controls in catalog order. The data is validated on
// first use; an invalid embedded file is a build defect, caught by the test.
func Catalog() ([]Control, error) {
	loadOnce.Do(func() { catalog, frameworks, loadErr = load(data) })
	if loadErr != nil {
		return nil, loadErr
	}
	out := make([]Control, len(catalog))
	for i, c := range catalog {
		c.Frameworks = cloneMap(c.Frameworks)
		out[i] = c
	}
	return out, nil
}

// Frameworks returns the framework files, in FrameworkKeys order.
func Frameworks() ([]Framework, error) {
	if _, err := Catalog(); err != nil {
		return nil, err
	}
	return slices.Clone(frameworks), nil
}

// Lookup returns one control.
func Lookup(id string) (Control, bool) {
	cs, err := Catalog()
	if err != nil {
		return Control{}, false
	}
	for _, c := range cs {
		if c.ID == id {
			return c, true
		}
	}
	return Control{}, false
}

func cloneMap(m map[string][]string) map[string][]string {
	out := make(map[string][]string, len(m))
	for k, v := range m {
		out[k] = slices.Clone(v)
	}
	return out
}

func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// load reads and validates the catalog and every framework file in fsys:
// every control mapped in every framework, every criterion well formed, no
// unknown control, no duplicate.
func load(fsys fs.FS) ([]Control, []Framework, error) {
	b, err := fs.ReadFile(fsys, "data/catalog.json")
	if err != nil {
		return nil, nil, fmt.Errorf("control catalog: %w", err)
	}
	var cat struct {
		Controls []Control `json:"controls"`
	}
	if err := decodeStrict(b, &cat); err != nil {
		return nil, nil, fmt.Errorf("control catalog: %w", err)
	}
	if len(cat.Controls) == 0 {
		return nil, nil, fmt.Errorf("control catalog: no controls")
	}
	// Catalog ids are SOC 2 criteria, with a suffix where two controls
	// answer one criterion (CC6.1 encryption at rest, CC6.1-secrets).
	idRE := regexp.MustCompile(`^(CC[1-9]|PI1|C1|A1|P[1-8])\.[0-9]{1,2}(-[a-z]{2,16})?$`)
	byID := map[string]int{}
	for i, c := range cat.Controls {
		if !idRE.MatchString(c.ID) || c.Name == "" || c.Description == "" {
			return nil, nil, fmt.Errorf("control catalog: entry %d (%q) needs a well-formed id, a name and a description", i, c.ID)
		}
		if _, dup := byID[c.ID]; dup {
			return nil, nil, fmt.Errorf("control catalog: %s listed twice", c.ID)
		}
		byID[c.ID] = i
		cat.Controls[i].Frameworks = map[string][]string{}
	}

	files, err := fs.Glob(fsys, "data/frameworks/*.json")
	if err != nil {
		return nil, nil, err
	}
	got := map[string]Framework{}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, nil, err
		}
		var fw Framework
		if err := decodeStrict(b, &fw); err != nil {
			return nil, nil, fmt.Errorf("framework %s: %w", f, err)
		}
		if want := path.Base(f); want != fw.Key+".json" {
			return nil, nil, fmt.Errorf("framework %s: key %q does not match the file name", f, fw.Key)
		}
		re, ok := criterionRE()[fw.Key]
		if !ok {
			return nil, nil, fmt.Errorf("framework %s: unknown framework key %q", f, fw.Key)
		}
		if fw.Title == "" {
			return nil, nil, fmt.Errorf("framework %s: title is required", fw.Key)
		}
		for id, crit := range fw.Mappings {
			i, ok := byID[id]
			if !ok {
				return nil, nil, fmt.Errorf("framework %s: maps unknown control %q", fw.Key, id)
			}
			if len(crit) == 0 {
				return nil, nil, fmt.Errorf("framework %s: control %s has an empty mapping", fw.Key, id)
			}
			seen := map[string]bool{}
			for _, c := range crit {
				if !re.MatchString(c) {
					return nil, nil, fmt.Errorf("framework %s: control %s: criterion %q is not well formed", fw.Key, id, c)
				}
				if seen[c] {
					return nil, nil, fmt.Errorf("framework %s: control %s: criterion %q listed twice", fw.Key, id, c)
				}
				seen[c] = true
			}
			cat.Controls[i].Frameworks[fw.Key] = slices.Clone(crit)
		}
		for id := range byID {
			if _, ok := fw.Mappings[id]; !ok {
				return nil, nil, fmt.Errorf("framework %s: control %s is not mapped", fw.Key, id)
			}
		}
		got[fw.Key] = fw
	}
	var fws []Framework
	for _, k := range FrameworkKeys {
		fw, ok := got[k]
		if !ok {
			return nil, nil, fmt.Errorf("framework %s: file missing", k)
		}
		fws = append(fws, fw)
	}
	if len(got) != len(FrameworkKeys) {
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return nil, nil, fmt.Errorf("frameworks: unexpected files %v", keys)
	}
	return cat.Controls, fws, nil
}
