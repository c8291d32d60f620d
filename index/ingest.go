package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/vanban/vanban/extract"
)

// IngestOptions tune an ingest run.
type IngestOptions struct {
	Prune     bool                               // remove records of files that are gone
	Workers   int                                // extraction goroutines; 0 = all cores
	BatchSize int                                // files per Bleve batch; 0 = 200
	Load      extract.Options                    // how files are read; zero = extract.DefaultOptions
	Compact   bool                               // merge the segments at the end (slower ingest, faster queries)
	Progress  func(done, total int, path string) // called after each file
}

// ingestGC lets the garbage collector run less often during an ingest,
// which allocates a great deal of short-lived memory (token streams,
// records, Bleve's segments): with GOGC at 400 instead of 100, ingest went
// from 75 to 100 documents/s on 2 cores (2,000 generated documents). A soft
// memory limit of 3 GiB keeps the heap bounded whatever the corpus. A GOGC
// or GOMEMLIMIT set in the environment is respected. It returns the
// function that restores the previous settings.
func ingestGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	pct := debug.SetGCPercent(400)
	lim := debug.SetMemoryLimit(3 << 30)
	return func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(lim)
	}
}

// FileError is a file that could not be ingested, with the reason.
type FileError struct {
	Path string `json:"path"`
	Err  error  `json:"-"`
	Msg  string `json:"error"`
}

// Summary says what an ingest run did.
type Summary struct {
	Files     int         `json:"files"`     // files seen
	Indexed   int         `json:"indexed"`   // new or changed, now indexed
	Replaced  int         `json:"replaced"`  // of which changed since last time
	Skipped   int         `json:"skipped"`   // unchanged since last time
	Pruned    int         `json:"pruned"`    // removed because the file is gone
	Failed    []FileError `json:"failed"`    // could not be read
	Citations int         `json:"citations"` // in the files indexed now
	Units     int         `json:"units"`
	Deadlines int         `json:"deadlines"`
	Sections  int         `json:"sections"`
}

// Changed reports whether the run changed the index.
func (s Summary) Changed() bool { return s.Indexed > 0 || s.Pruned > 0 }

// known returns the content hash of every file recorded in the index, by
// path.
func (ix *Index) known() (map[string]string, error) {
	out := map[string]string{}
	err := ix.each(termQ("kind", KindFile), []string{"path", "sha256"}, func(h *search.DocumentMatch) {
		out[str(h, "path")] = str(h, "sha256")
	})
	return out, err
}

// Ingest extracts the files under paths (directories are walked) in
// parallel and writes them in batches. A file already indexed with the same
// content is skipped; a changed file replaces its old records. A file that
// fails is reported in the summary and the run goes on.
func (ix *Index) Ingest(paths []string, ex *extract.Extractor, opt IngestOptions) (Summary, error) {
	defer ingestGC()()
	var sum Summary
	files, err := extract.ExpandPaths(paths)
	if err != nil {
		return sum, err
	}
	sum.Files = len(files)
	known, err := ix.known()
	if err != nil {
		return sum, err
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	bs := opt.BatchSize
	if bs <= 0 {
		// Each batch is a segment that Bleve merges later. 10,000 files
		// (CLI, 2 cores): 50 a batch, 63 s and 0.5 GB at most; 200, 51 s
		// and 1.2 GB; 500, 53 s and 2.5 GB (a batch's analysis is about
		// 0.8 MB a file).
		bs = 200
	}
	lim := opt.Load
	if lim == (extract.Options{}) {
		lim = extract.DefaultOptions
	}
	type result struct {
		path string
		sha  string
		rec  *extract.Record
		src  *extract.Source
		err  error
		skip bool
	}
	jobs := make(chan string)
	results := make(chan result, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				r := result{path: p}
				// Size first: a huge file is refused without reading it.
				var data []byte
				fi, err := os.Stat(p)
				if err == nil && lim.MaxBytes > 0 && fi.Size() > lim.MaxBytes {
					err = fmt.Errorf("%w (%d bytes, limit %d)", extract.ErrTooLarge, fi.Size(), lim.MaxBytes)
				}
				if err == nil {
					data, err = os.ReadFile(p)
				}
				if err != nil {
					r.err = err
					results <- r
					continue
				}
				h := sha256.Sum256(data)
				r.sha = hex.EncodeToString(h[:])
				if sha, ok := known[p]; ok && sha == r.sha {
					r.skip = true
					results <- r
					continue
				}
				src, err := extract.LoadBytes(p, data, lim)
				if err != nil {
					r.err = err
					results <- r
					continue
				}
				r.src, r.rec = src, ex.Extract(src)
				results <- r
			}
		}()
	}
	go func() {
		for _, f := range files {
			jobs <- f
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	batch := ix.b.NewBatch()
	inBatch := 0
	// Full batches go to one writer goroutine, in order, while the next one
	// fills: Bleve builds a batch's segment on one core, and extraction
	// would otherwise wait for it.
	toWrite := make(chan *bleve.Batch, 1)
	written := make(chan error, 1)
	go func() {
		var err error
		for b := range toWrite {
			if err == nil {
				err = ix.b.Batch(b)
			}
		}
		written <- err
	}()
	// A write error stops the writer (later batches are dropped) and is
	// returned by finish.
	flush := func() {
		if inBatch == 0 {
			return
		}
		toWrite <- batch
		batch = ix.b.NewBatch()
		inBatch = 0
	}
	finish := func() error {
		close(toWrite)
		return <-written
	}
	done := 0
	for r := range results {
		done++
		if opt.Progress != nil {
			opt.Progress(done, len(files), r.path)
		}
		switch {
		case r.err != nil:
			sum.Failed = append(sum.Failed, FileError{Path: r.path, Err: r.err, Msg: r.err.Error()})
			continue
		case r.skip:
			sum.Skipped++
			continue
		}
		if _, ok := known[r.path]; ok {
			sum.Replaced++ // the file's one record is overwritten under its id
		}
		secs := addRecord(batch, r.path, r.sha, r.rec, r.src.Text)
		sum.Indexed++
		sum.Citations += len(r.rec.Citations)
		sum.Units += len(r.rec.Units)
		sum.Deadlines += len(r.rec.Deadlines)
		sum.Sections += secs
		inBatch++
		if inBatch >= bs {
			flush()
		}
	}
	if opt.Prune {
		seen := map[string]bool{}
		for _, f := range files {
			seen[f] = true
		}
		for p := range known {
			if seen[p] {
				continue
			}
			if _, err := os.Stat(p); os.IsNotExist(err) {
				batch.Delete(fileID(p))
				sum.Pruned++
				inBatch++
			}
		}
	}
	flush()
	if err := finish(); err != nil {
		return sum, err
	}
	if opt.Compact && sum.Indexed+sum.Replaced+sum.Pruned > 0 {
		if err := ix.compact(); err != nil {
			return sum, err
		}
	}
	sort.Slice(sum.Failed, func(i, j int) bool { return sum.Failed[i].Path < sum.Failed[j].Path })
	return sum, nil
}

// compact merges the index's segments into as few as Bleve will: an
// ingest leaves a dozen behind (and the merger stops with the process),
// and every query pays per segment. On the 10,000-document benchmark a
// term query went from 7–8.5 ms on the segments an ingest leaves to 4–4.5
// ms once merged; the merge added 8 s to a 55 s ingest, so it is asked
// for (ingest --compact), not done every time.
func (ix *Index) compact() error {
	a, err := ix.b.Advanced()
	if err != nil {
		return err
	}
	if sc, ok := a.(*scorch.Scorch); ok {
		return sc.ForceMerge(context.Background(), nil)
	}
	return nil
}

func fileID(path string) string { return "f:" + path }

// addRecord adds a file's record to the batch: its text, its fields for
// filters, its stored record and its deadlines. It returns the number of
// sections (with the preamble) that passages are cut from.
//
// Citations have no records of their own: the file's "numbers" field finds
// the files citing a number, and its stored record gives the mentions
// (citeGroups); records per cited instrument made a fifth of the Bleve
// documents and an eighth of the ingest time. Deadlines, likewise, are
// stored with the file and filtered when listed (Deadlines).
func addRecord(b *bleve.Batch, path, sha string, r *extract.Record, raw string) int {
	m := r.Meta
	year := ""
	if len(m.Date) >= 4 {
		year = m.Date[:4]
	} else if len(m.DatePartial) >= 4 {
		year = m.DatePartial[:4]
	}
	// The text goes into the file's own record: one searchable record per
	// document (passage-level records multiplied the work of every query by
	// six); the best sections of a hit are chosen at query time from the
	// section offsets kept here.
	secs := []section{{0, "preamble", m.Subject}}
	for _, s := range r.Sections {
		secs = append(secs, section{s.Start, s.ID, s.Heading})
	}
	var nums, units []string
	if m.Number != "" {
		nums = append(nums, m.Number)
	}
	for _, ct := range r.Citations {
		if ct.NumberNormalized != "" {
			nums = appendNew(nums, ct.NumberNormalized)
		}
	}
	for _, u := range r.Units {
		units = append(units, u.Name)
	}
	f := map[string]interface{}{"kind": KindFile, "path": path, "sha256": sha,
		"doc_type": m.Type, "doc_number": m.Number, "doc_number_key": m.Number, "doc_date": m.Date, "year": year,
		"doc_issuer": m.Issuer, "doc_subject": m.Subject,
		"text": raw, "sections": encodeSections(secs), "numbers": nums, "units": units}
	var facets []string
	if m.Type != "" {
		facets = append(facets, "doc_type:"+m.Type)
	}
	if year != "" {
		facets = append(facets, "year:"+year)
	}
	f["facets"] = facets
	// The stored record keeps what refs and check read back (meta,
	// citations, problems); units, deadlines, sections and tables, half
	// or more of a record, are indexed on their own or not needed: storing
	// the whole record cost 8 % of ingest time.
	slim := *r
	slim.Sections, slim.Units, slim.Contacts, slim.Deadlines, slim.Tables = nil, nil, nil, nil, nil
	rj, _ := json.Marshal(slim)
	f["doc_json"] = string(rj)
	if len(r.Deadlines) > 0 {
		dj, _ := json.Marshal(r.Deadlines)
		f["deadlines_json"], f["has_deadlines"] = string(dj), "1"
	}
	b.Index(fileID(path), clean(f))
	return len(secs)
}

// clean drops empty values: an empty keyword would be indexed as the term
// "" and match open-ended ranges.
func clean(d map[string]interface{}) map[string]interface{} {
	for k, v := range d {
		switch x := v.(type) {
		case string:
			if x == "" {
				delete(d, k)
			}
		case []string:
			if len(x) == 0 {
				delete(d, k)
			}
		}
	}
	return d
}

// appendNew appends v unless it is empty or already there.
func appendNew(xs []string, v string) []string {
	if v == "" {
		return xs
	}
	for _, x := range xs {
		if x == v {
			return xs
		}
	}
	return append(xs, v)
}
