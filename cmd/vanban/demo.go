package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vanban/vanban/extract"
	"github.com/vanban/vanban/index"
	"github.com/vanban/vanban/samples"
)

// newDemoCmd runs the main job on the embedded samples in a temporary
// index: ingest, show what was extracted, search.
func newDemoCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Chạy thử trên văn bản mẫu: đưa vào chỉ mục, xem kết quả trích xuất, tìm kiếm",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := a.extractor()
			if err != nil {
				return err
			}
			dir, err := os.MkdirTemp("", "vanban-demo-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			docs := filepath.Join(dir, "samples")
			if err := os.CopyFS(docs, samples.FS); err != nil {
				return err
			}
			names, _ := fs.Glob(samples.FS, "*.txt")
			out := a.out
			fmt.Fprintln(out, "══ 1. Trích xuất văn bản mẫu")
			src, err := extract.LoadFile(filepath.Join(docs, names[0]), a.load)
			if err != nil {
				return err
			}
			printRecord(out, x.Extract(src))

			fmt.Fprintln(out, "\n══ 2. Đưa các bản TXT, DOCX, PDF vào chỉ mục (tạm)")
			ix, err := index.Open(filepath.Join(dir, "index"))
			if err != nil {
				return err
			}
			defer ix.Close()
			sum, err := ix.Ingest([]string{docs}, x, index.IngestOptions{Load: a.load})
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%d tệp, %d mục, %d lần dẫn chiếu, %d thời hạn, %d lỗi\n", sum.Files, sum.Sections, sum.Citations, sum.Deadlines, len(sum.Failed))

			for _, q := range []string{"dan van", "\"Uỷ ban nhân dân phường\"", "33/ct-ttg"} {
				fmt.Fprintf(out, "\n══ 3. Tìm: %s\n", q)
				r, err := ix.Search(index.SearchOptions{Query: q, Docs: 3, Passages: 1})
				if err != nil {
					return err
				}
				printSearch(out, r)
			}
			fmt.Fprintln(out, "\n══ 4. Ai dẫn chiếu Nghị định 59/2023/NĐ-CP?")
			c, err := ix.Cites("59/2023/nd-cp")
			if err != nil {
				return err
			}
			for _, h := range c.Hits {
				fmt.Fprintf(out, "  %s [%s] ngày %s, của %s\n", filepath.Base(h.Path), strings.Join(h.Sections, ", "), strings.Join(h.Dates, ", "), strings.Join(h.Issuers, ", "))
			}
			fmt.Fprintln(out, "\n══ 5. Thời hạn trong tháng 9/2025")
			dls, err := ix.Deadlines(index.DeadlineOptions{From: "2025-09-01", To: "2025-09-30"})
			if err != nil {
				return err
			}
			for _, d := range dls {
				if d.Date != "" {
					fmt.Fprintf(out, "  %s %s — %s (%s)\n", d.Date, d.Action, d.Unit, filepath.Base(d.Path))
				}
			}
			return nil
		},
	}
}
