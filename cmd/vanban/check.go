package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vanban/vanban/extract"
	"github.com/vanban/vanban/index"
)

// finding is a problem with the file it is in.
type finding struct {
	Path string `json:"path"`
	extract.Problem
}

func newCheckCmd(a *app) *cobra.Command {
	var format, failOn string
	cmd := &cobra.Command{
		Use:   "check [FILE...]",
		Short: "Kiểm tra trích dẫn và thể thức: số ký hiệu sai, ngày không hợp lệ, đánh số mục nhảy…",
		Long: `Báo mọi vấn đề của các văn bản dẫn chiếu và của cấu trúc văn bản, kèm tệp, dòng, cột, quy tắc,
lời giải thích và gợi ý sửa. Không nêu tệp: kiểm tra mọi văn bản trong chỉ mục (--index chọn
chỉ mục), thêm các chỗ cùng một số văn bản mà ngày ban hành khác nhau giữa các văn bản. Mã thoát
1 nếu có vấn đề từ mức --fail-on trở lên (error, warning, info; never: luôn 0).`,
		Example: `  vanban check du-thao.docx
  vanban check --format sarif --fail-on error thu-muc/ > vanban.sarif
  vanban --index /srv/vanban/index check --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var fs []finding
			var err error
			if len(args) == 0 {
				fs, err = checkIndex(a)
			} else {
				fs, err = checkFiles(a, args)
			}
			if err != nil {
				return err
			}
			sort.SliceStable(fs, func(i, j int) bool {
				if fs[i].Path != fs[j].Path {
					return fs[i].Path < fs[j].Path
				}
				return fs[i].Start < fs[j].Start
			})
			switch format {
			case "text":
				printFindings(a.out, fs)
			case "json":
				if fs == nil {
					fs = []finding{}
				}
				if err := writeJSON(a.out, fs); err != nil {
					return err
				}
			case "sarif":
				if err := writeSARIF(a.out, fs); err != nil {
					return err
				}
			default:
				return fmt.Errorf("định dạng %q không hỗ trợ (text, json, sarif)", format)
			}
			if failOn == "never" {
				return nil
			}
			for _, f := range fs {
				if extract.SeverityRank(f.Severity) >= extract.SeverityRank(failOn) {
					return silentError{exitFailed}
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, json hoặc sarif")
	cmd.Flags().StringVar(&failOn, "fail-on", "error", "mức thấp nhất làm mã thoát khác 0: error, warning, info, never")
	cmd.PreRunE = func(cmd *cobra.Command, args []string) error {
		if f, _ := cmd.Flags().GetBool("json"); f {
			format = "json"
		}
		if extract.SeverityRank(failOn) == 0 && failOn != "never" {
			return fmt.Errorf("--fail-on %q: chọn error, warning, info hoặc never", failOn)
		}
		return nil
	}
	cmd.Flags().Bool("json", false, "như --format json")
	return cmd
}

func checkFiles(a *app, args []string) ([]finding, error) {
	x, err := a.extractor()
	if err != nil {
		return nil, err
	}
	files, err := extract.ExpandPaths(args)
	if err != nil {
		return nil, fmt.Errorf("%s", viError(err))
	}
	var fs []finding
	for _, f := range files {
		src, err := extract.LoadFile(f, a.load)
		if err != nil {
			fs = append(fs, finding{displayPath(f), extract.Problem{Code: "unreadable", Severity: extract.SeverityError, Message: viError(err), Rule: "load",
				Span: extract.Span{Line: 1, Col: 1}}})
			continue
		}
		for _, p := range x.Extract(src).Problems {
			fs = append(fs, finding{displayPath(f), p})
		}
	}
	return fs, nil
}

// checkIndex reports the problems of every ingested record, plus the
// instruments cited with different dates by different documents.
func checkIndex(a *app) ([]finding, error) {
	ix, err := a.openIndex()
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	recs, err := ix.Records()
	if err != nil {
		return nil, err
	}
	var fs []finding
	type use struct {
		path string
		c    extract.Citation
	}
	byNum := map[string][]use{}
	for path, r := range recs {
		for _, p := range r.Problems {
			fs = append(fs, finding{path, p})
		}
		for _, c := range r.Citations {
			if c.NumberNormalized != "" && c.Date != "" {
				k := index.NumberKey(c.NumberNormalized)
				byNum[k] = append(byNum[k], use{path, c})
			}
		}
	}
	for _, us := range byNum {
		dates := map[string]int{}
		for _, u := range us {
			dates[u.c.Date]++
		}
		if len(dates) < 2 {
			continue
		}
		// the date most documents give is taken as right; the others are flagged
		best, bestN := "", 0
		for d, n := range dates {
			if n > bestN || n == bestN && d < best {
				best, bestN = d, n
			}
		}
		for _, u := range us {
			if u.c.Date != best {
				fs = append(fs, finding{u.path, extract.Problem{Code: "inconsistent_date", Severity: extract.SeverityError, Rule: "index/same-number",
					Message:    fmt.Sprintf("%s được ghi ngày %s, các văn bản khác ghi %s (%d lần)", u.c.NumberNormalized, u.c.Date, best, bestN),
					Suggestion: best, Span: u.c.Span}})
			}
		}
	}
	return fs, nil
}

func printFindings(w io.Writer, fs []finding) {
	if len(fs) == 0 {
		fmt.Fprintln(w, "Không phát hiện vấn đề nào.")
		return
	}
	label := map[string]string{extract.SeverityError: "lỗi", extract.SeverityWarning: "cảnh báo", extract.SeverityInfo: "lưu ý"}
	count := map[string]int{}
	for _, f := range fs {
		count[f.Severity]++
		fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]", f.Path, f.Line, f.Col, label[f.Severity], f.Message, f.Rule)
		if f.Suggestion != "" {
			fmt.Fprintf(w, " → gợi ý: %s", f.Suggestion)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d lỗi, %d cảnh báo, %d lưu ý.\n", count[extract.SeverityError], count[extract.SeverityWarning], count[extract.SeverityInfo])
}

// writeSARIF writes SARIF 2.1.0, which editors and code-review tools show.
func writeSARIF(w io.Writer, fs []finding) error {
	level := map[string]string{extract.SeverityError: "error", extract.SeverityWarning: "warning", extract.SeverityInfo: "note"}
	type rule struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	var rules []rule
	seen := map[string]bool{}
	var results []map[string]any
	for _, f := range fs {
		id := f.Code
		if !seen[id] {
			seen[id] = true
			rules = append(rules, rule{ID: id, Name: id})
		}
		res := map[string]any{
			"ruleId":  id,
			"level":   level[f.Severity],
			"message": map[string]string{"text": f.Message + suggestionText(f.Suggestion)},
			"locations": []any{map[string]any{"physicalLocation": map[string]any{
				"artifactLocation": map[string]string{"uri": fileURI(f.Path)},
				"region":           map[string]int{"startLine": max(f.Line, 1), "startColumn": max(f.Col, 1)},
			}}},
			"properties": map[string]string{"vanbanRule": f.Rule},
		}
		results = append(results, res)
	}
	if results == nil {
		results = []map[string]any{}
	}
	doc := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool":    map[string]any{"driver": map[string]any{"name": "vanban", "rules": rules}},
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func suggestionText(s string) string {
	if s == "" {
		return ""
	}
	return " (gợi ý: " + s + ")"
}

// fileURI makes a SARIF artifact URI: relative paths stay relative.
func fileURI(p string) string {
	if filepath.IsAbs(p) {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
	}
	return filepath.ToSlash(p)
}

// displayPath shows a path relative to the working directory when it is
// below it.
func displayPath(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
	}
	return p
}
