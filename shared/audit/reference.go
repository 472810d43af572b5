package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Fetcher reads the archived bundles a package by reference lists, by
// archive key, at most limit bytes. What it returns is checked against
// the SHA-256 the signed package lists, so it need not be trusted.
type Fetcher interface {
	Fetch(key string, limit int64) ([]byte, error)
}

// FetchDir reads bundles from a local mirror of the archive bucket: the
// bundle of key k is the file dir/k.
type FetchDir string

// Fetch reads dir/key.
func (d FetchDir) Fetch(key string, limit int64) ([]byte, error) {
	if err := checkBundleKey(key); err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(string(d), filepath.FromSlash(key)))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f, limit)
}

// FetchURLs downloads bundles by URL (presigned GETs of the archive bucket).
type FetchURLs struct {
	URLs   map[string]string // archive key -> URL
	Client *http.Client
}

// Fetch downloads key's URL.
func (f FetchURLs) Fetch(key string, limit int64) ([]byte, error) {
	u, ok := f.URLs[key]
	if !ok {
		return nil, errors.New("not in the URL list")
	}
	c := f.Client
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Get(u)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL carries a signature: keep it out of messages
		}
		return nil, fmt.Errorf("download: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download: HTTP %d", resp.StatusCode)
	}
	return readLimited(resp.Body, limit)
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return body, nil
}

func checkBundleKey(key string) error {
	p := BundlePath(key)
	if !strings.HasPrefix(p, bundlePrefix) || checkName(p) != nil {
		return fmt.Errorf("%q is not a bundle key", printable(key))
	}
	return nil
}

// URLList is the JSON form of a bundle URL list.
type URLList struct {
	Bundles []struct {
		Key string `json:"key"`
		URL string `json:"url"`
	} `json:"bundles"`
}

// maxURLList bounds a URL list: a few hundred bytes per bundle, 10 M
// bundles at most.
const maxURLList = 4 << 30

// ParseURLList reads a bundle URL list: JSON {"bundles":[{"key","url"}]}
// or one "KEY URL" per line (blank lines and lines starting with # are
// skipped). Keys must be bundle keys, URLs absolute http(s), each key
// listed once.
func ParseURLList(b []byte) (map[string]string, error) {
	out := map[string]string{}
	add := func(where, key, u string) error {
		if err := checkBundleKey(key); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		pu, err := url.Parse(u)
		if err != nil || (pu.Scheme != "https" && pu.Scheme != "http") || pu.Host == "" {
			return fmt.Errorf("%s: not an http(s) URL", where)
		}
		if _, dup := out[key]; dup {
			return fmt.Errorf("%s: %s is listed twice", where, key)
		}
		out[key] = u
		return nil
	}
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '{' {
		var l URLList
		dec := json.NewDecoder(bytes.NewReader(t))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("URL list: %w", err)
		}
		if dec.More() {
			return nil, errors.New("URL list: data after the JSON object")
		}
		for i, e := range l.Bundles {
			if err := add(fmt.Sprintf("bundle %d", i+1), e.Key, e.URL); err != nil {
				return nil, fmt.Errorf("URL list: %w", err)
			}
		}
		return out, nil
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil, fmt.Errorf("URL list line %d: want KEY URL", n)
		}
		if err := add(fmt.Sprintf("line %d", n), f[0], f[1]); err != nil {
			return nil, fmt.Errorf("URL list: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("URL list: %w", err)
	}
	return out, nil
}

// OpenFetcher is what --fetch names: a directory (a mirror of the archive)
// or a URL list file.
func OpenFetcher(path string) (Fetcher, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return FetchDir(path), nil
	}
	if st.Size() > maxURLList {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, maxURLList)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	urls, err := ParseURLList(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return FetchURLs{URLs: urls}, nil
}
