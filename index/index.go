package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// EnvIndex names the index directory when --index is not given.
const EnvIndex = "VANBAN_INDEX"

// DefaultPath is where the index lives unless told otherwise:
// $VANBAN_INDEX, else $XDG_DATA_HOME/vanban/index, else
// ~/.local/share/vanban/index.
func DefaultPath() string {
	if p := os.Getenv(EnvIndex); p != "" {
		return p
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "vanban", "index")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "vanban", "index")
	}
	return filepath.Join(os.TempDir(), "vanban-index")
}

// ErrLocked is returned when another process has the index open.
var ErrLocked = errors.New("index in use by another process")

// Index is an open vanban index. Close it to release the lock.
type Index struct {
	b    bleve.Index
	lock *os.File
	Path string
}

// Kinds of indexed documents (field "kind").
const (
	KindFile = "file"
)

// Open opens the index at path, creating it if needed. It takes an
// exclusive lock: a second process gets ErrLocked at once instead of
// waiting.
func Open(path string) (*Index, error) { return open(path, false) }

// OpenReset is Open, except that an index built by another version of
// vanban is emptied, to be filled again by an ingest.
func OpenReset(path string) (*Index, error) { return open(path, true) }

// OpenReadOnly opens the index for queries: under a shared lock, so that
// several searches run at once while an ingest (exclusive) waits for none
// of them and is refused with ErrLocked, and without Bleve's persister and
// merger, which a query process would only start and abandon. A missing
// index is created empty first.
func OpenReadOnly(path string) (*Index, error) {
	data := filepath.Join(path, "bleve")
	if _, err := os.Stat(filepath.Join(data, "index_meta.json")); err != nil {
		ix, err := Open(path)
		if err != nil {
			return nil, err
		}
		ix.Close()
	}
	lf, err := lockFile(path, syscall.LOCK_SH)
	if err != nil {
		return nil, err
	}
	b, err := bleve.OpenUsing(data, map[string]interface{}{"read_only": true})
	if err != nil {
		lf.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := checkSchema(b, path); err != nil {
		b.Close()
		lf.Close()
		return nil, err
	}
	return &Index{b: b, lock: lf, Path: path}, nil
}

// checkSchema returns ErrOldSchema if b was built by another version.
func checkSchema(b bleve.Index, path string) error {
	if v, _ := b.GetInternal([]byte(schemaKey)); string(v) != schemaVersion {
		return fmt.Errorf("%s: %w (schema %q, this vanban writes %q)", path, ErrOldSchema, v, schemaVersion)
	}
	return nil
}

// lockFile takes the index's lock (LOCK_EX or LOCK_SH) without waiting.
func lockFile(path string, how int) (*os.File, error) {
	lf, err := os.OpenFile(filepath.Join(path, "vanban.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(lf.Fd()), how|syscall.LOCK_NB); err != nil {
		lf.Close()
		return nil, fmt.Errorf("%s: %w", path, ErrLocked)
	}
	return lf, nil
}

func open(path string, reset bool) (*Index, error) {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, err
	}
	lf, err := lockFile(path, syscall.LOCK_EX)
	if err != nil {
		return nil, err
	}
	data := filepath.Join(path, "bleve")
	var b bleve.Index
	if _, statErr := os.Stat(filepath.Join(data, "index_meta.json")); statErr == nil {
		b, err = bleve.Open(data)
		if err == nil {
			if serr := checkSchema(b, path); serr != nil {
				b.Close()
				if !reset {
					lf.Close()
					return nil, serr
				}
				os.RemoveAll(data)
				b, err = newBleve(data)
			}
		}
	} else {
		os.RemoveAll(data) // a creation killed half-way leaves no meta: start again
		b, err = newBleve(data)
	}
	if err != nil {
		lf.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Index{b: b, lock: lf, Path: path}, nil
}

// The schema version names the mapping and analysis an index was built
// with; an index of another version is rebuilt by the next ingest.
const (
	schemaKey     = "vanban_schema"
	schemaVersion = "7" // 2: one vi_text field instead of three; 3: sections as lines, not JSON; 4: recur_on; 5: no citation records; 6: no deadline records; 7: one facets field
)

// ErrOldSchema is returned by Open for an index built by another version
// of vanban; OpenReset rebuilds it.
var ErrOldSchema = errors.New("index built by another version of vanban")

func newBleve(data string) (bleve.Index, error) {
	b, err := bleve.New(data, newMapping())
	if err != nil {
		return nil, err
	}
	if err := b.SetInternal([]byte(schemaKey), []byte(schemaVersion)); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// Close closes the index and releases the lock.
func (ix *Index) Close() error {
	err := ix.b.Close()
	syscall.Flock(int(ix.lock.Fd()), syscall.LOCK_UN)
	ix.lock.Close()
	return err
}

// Bleve gives access to the underlying index (tests, benchmarks).
func (ix *Index) Bleve() bleve.Index { return ix.b }

// newMapping describes the indexed documents. No field has term vectors
// (phrases are matched through shingles, snippets cut by vanban) or _all,
// and only "facets" has doc values (each halves size and time, see the
// research notes).
func newMapping() mapping.IndexMapping {
	text := func(analyzer string, store, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeInAll = false
		f.DocValues = false
		f.IncludeTermVectors = vectors
		return f
	}
	kw := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	num := text(AnalyzerDocNumber, false, false)

	dm := bleve.NewDocumentStaticMapping()
	add := func(name string, fm *mapping.FieldMapping) { dm.AddFieldMappingsAt(name, fm) }
	add("kind", kw(true))
	add("path", kw(true))
	add("sha256", kw(true))
	add("doc_type", kw(true))
	add("doc_number", kw(true))
	add("doc_number_key", num)
	add("doc_date", kw(true))
	add("year", kw(true))
	// The values counted by search facets, "doc_type:Kế hoạch" and
	// "year:2025", in one field: facet counts read every hit's doc values,
	// and one field costs half of two.
	facets := kw(false)
	facets.DocValues = true
	add("facets", facets)
	add("doc_issuer", text(AnalyzerFold, true, false))
	add("doc_subject", stored())
	add("sections", stored())
	// Passage text: the original, stored once, analyzed once into folded
	// words, marked accented words and folded shingles (vi_text; three
	// fields with one analysis each cost a third more ingest time). No term
	// vectors: phrases are matched through the shingles (term lookups), and
	// snippets are cut by vanban from the stored text, not by Bleve's
	// highlighter.
	add("text", text(AnalyzerText, true, false))
	add("numbers", num)
	add("units", text(AnalyzerFold, true, false))
	// Deadlines, stored with their file (Deadlines filters them).
	add("has_deadlines", kw(false))
	add("deadlines_json", stored())
	// Files.
	add("doc_json", stored())

	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = AnalyzerExact
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im
}
