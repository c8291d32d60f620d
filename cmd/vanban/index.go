package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vanban/vanban/index"
)

// openIndex opens the index named by --index, $VANBAN_INDEX or the default.
// openIndex opens the index for reading; openIndexForIngest also rebuilds
// one made by another version of vanban.
func (a *app) openIndex() (*index.Index, error) { return a.open(index.OpenReadOnly) }

func (a *app) openIndexForIngest() (*index.Index, error) { return a.open(index.OpenReset) }

func (a *app) open(openFn func(string) (*index.Index, error)) (*index.Index, error) {
	p := a.indexPath
	if p == "" {
		p = index.DefaultPath()
	}
	ix, err := openFn(p)
	switch {
	case errors.Is(err, index.ErrLocked):
		return nil, fmt.Errorf("chỉ mục %s đang được một tiến trình khác sử dụng; hãy chờ tiến trình đó kết thúc", p)
	case errors.Is(err, index.ErrOldSchema):
		return nil, fmt.Errorf("chỉ mục %s do phiên bản vanban khác tạo; chạy lại vanban ingest để tạo lại chỉ mục (%v)", p, err)
	}
	return ix, err
}

func isTTY(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newIngestCmd(a *app) *cobra.Command {
	var prune, compact, asJSON bool
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Đưa văn bản (tệp, thư mục) vào chỉ mục",
		Long: `Đọc các tệp và thư mục (đệ quy), trích xuất song song và ghi vào chỉ mục theo lô.
Tệp đã có với nội dung không đổi được bỏ qua; tệp thay đổi thay thế bản cũ; --prune xóa
bản ghi của tệp không còn tồn tại. Tệp lỗi được báo theo tên, các tệp khác vẫn được xử lý;
mã thoát 1 nếu có tệp lỗi.`,
		Example: "  vanban ingest samples/\n  vanban ingest --prune --json /srv/vanban/2025",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := a.extractor()
			if err != nil {
				return err
			}
			ix, err := a.openIndexForIngest()
			if err != nil {
				return err
			}
			defer ix.Close()
			tty := isTTY(a.err)
			start := time.Now()
			opt := index.IngestOptions{Prune: prune, Compact: compact, Load: a.load, Progress: func(done, total int, path string) {
				if asJSON {
					return
				}
				if tty {
					w := 30
					fill := w * done / max(total, 1)
					fmt.Fprintf(a.err, "\r[%s%s] %d/%d %-40.40s", strings.Repeat("#", fill), strings.Repeat(".", w-fill), done, total, filepath.Base(path))
				} else {
					fmt.Fprintf(a.err, "%d/%d %s\n", done, total, path)
				}
			}}
			sum, err := ix.Ingest(args, x, opt)
			if tty && !asJSON {
				fmt.Fprintln(a.err)
			}
			if err != nil {
				return err
			}
			for i := range sum.Failed {
				sum.Failed[i].Msg = viError(sum.Failed[i].Err)
			}
			if sum.Failed == nil {
				sum.Failed = []index.FileError{}
			}
			if asJSON {
				if err := writeJSON(a.out, struct {
					index.Summary
					Index   string  `json:"index"`
					Seconds float64 `json:"seconds"`
				}{sum, ix.Path, time.Since(start).Seconds()}); err != nil {
					return err
				}
			} else {
				for _, f := range sum.Failed {
					fmt.Fprintf(a.err, "%s: %s\n", f.Path, f.Msg)
				}
				fmt.Fprintf(a.out, "Chỉ mục: %s\n", ix.Path)
				fmt.Fprintf(a.out, "Tệp: %d — mới/cập nhật: %d (thay thế %d), không đổi: %d, đã xóa: %d, lỗi: %d\n",
					sum.Files, sum.Indexed, sum.Replaced, sum.Skipped, sum.Pruned, len(sum.Failed))
				fmt.Fprintf(a.out, "Đã ghi: %d mục, %d lần dẫn chiếu, %d đơn vị, %d thời hạn (%.1f giây)\n",
					sum.Sections, sum.Citations, sum.Units, sum.Deadlines, time.Since(start).Seconds())
				if !sum.Changed() && len(sum.Failed) == 0 {
					fmt.Fprintln(a.out, "Không có gì thay đổi.")
				}
			}
			if len(sum.Failed) > 0 {
				return silentError{exitFailed}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&prune, "prune", false, "xóa bản ghi của các tệp không còn tồn tại")
	cmd.Flags().BoolVar(&compact, "compact", false, "gộp chỉ mục sau khi nạp: nạp lâu hơn vài giây, tìm kiếm nhanh hơn")
	cmd.Flags().BoolVar(&asJSON, "json", false, "in tóm tắt dạng JSON")
	return cmd
}

func newSearchCmd(a *app) *cobra.Command {
	var o index.SearchOptions
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Tìm kiếm (có dấu hoặc không dấu, số văn bản, \"cụm từ\")",
		Long: `Trả về các đoạn phù hợp nhất, nhóm theo văn bản. Gõ không dấu vẫn tìm được ("dan van"
tìm "dân vận"); gõ có dấu thì kết quả đúng dấu được xếp trước. Số văn bản viết kiểu nào
cũng được ("33/ct-ttg", "CT-TTg 33"). Đặt cụm từ trong ngoặc kép để tìm đúng cụm.`,
		Example: `  vanban search "dan van"
  vanban search --type "Kế hoạch" --year 2025 "công tác dân vận"
  vanban search 33/ct-ttg`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Query = strings.Join(args, " ")
			ix, err := a.openIndex()
			if err != nil {
				return err
			}
			defer ix.Close()
			r, err := ix.Search(o)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.out, r)
			}
			if len(r.Docs) == 0 {
				fmt.Fprintf(a.out, "Không tìm thấy kết quả cho %q.\n", o.Query)
				for _, s := range r.Suggestions {
					fmt.Fprintf(a.out, "Có phải bạn muốn tìm: %s\n", s)
				}
				return silentError{exitNoMatch}
			}
			printSearch(a.out, r)
			return nil
		},
	}
	cmd.Flags().StringVar(&o.Type, "type", "", "loại văn bản (Kế hoạch, Quyết định, …)")
	cmd.Flags().StringVar(&o.Issuer, "issuer", "", "cơ quan ban hành")
	cmd.Flags().StringVar(&o.Year, "year", "", "năm ban hành")
	cmd.Flags().StringVar(&o.Unit, "unit", "", "đơn vị được giao nhiệm vụ trong đoạn")
	cmd.Flags().StringVar(&o.From, "from", "", "từ ngày (YYYY-MM-DD), theo ngày ban hành")
	cmd.Flags().StringVar(&o.To, "to", "", "đến ngày (YYYY-MM-DD)")
	cmd.Flags().IntVar(&o.Docs, "limit", 10, "số văn bản tối đa")
	cmd.Flags().BoolVar(&asJSON, "json", false, "in JSON")
	return cmd
}

func printSearch(w io.Writer, r *index.SearchResult) {
	fmt.Fprintf(w, "%d văn bản phù hợp (hiển thị %d văn bản tốt nhất)\n", r.Total, len(r.Docs))
	for i, d := range r.Docs {
		id := strings.TrimSpace(d.Type + " " + d.Number)
		if d.Date != "" {
			id += " ngày " + d.Date
		}
		fmt.Fprintf(w, "\n%d. %s — %s\n   %s\n", i+1, id, d.Subject, d.Path)
		for _, p := range d.Passages {
			fmt.Fprintf(w, "   [%s] %s\n      %s\n", p.Section, p.Heading, p.Snippet)
		}
	}
	for _, name := range []string{"doc_type", "year"} {
		if fs := r.Facets[name]; len(fs) > 0 {
			label := map[string]string{"doc_type": "Loại", "year": "Năm"}[name]
			var parts []string
			for _, f := range fs {
				parts = append(parts, fmt.Sprintf("%s (%d)", f.Value, f.Count))
			}
			fmt.Fprintf(w, "\n%s: %s", label, strings.Join(parts, ", "))
		}
	}
	fmt.Fprintln(w)
}

func newCitesCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "cites NUMBER",
		Short:   "Những văn bản nào dẫn chiếu một số văn bản, và chỗ nào ghi không thống nhất",
		Example: "  vanban cites 59/2023/NĐ-CP\n  vanban cites \"CT-TTg 33\"",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ix, err := a.openIndex()
			if err != nil {
				return err
			}
			defer ix.Close()
			r, err := ix.Cites(args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.out, r)
			}
			if len(r.Hits) == 0 {
				fmt.Fprintf(a.out, "Không văn bản nào trong chỉ mục dẫn chiếu %s.\n", args[0])
				return silentError{exitNoMatch}
			}
			fmt.Fprintf(a.out, "%s được dẫn chiếu trong %d văn bản:\n", r.Number, len(r.Hits))
			for _, h := range r.Hits {
				doc := h.DocNumber
				if doc == "" {
					doc = filepath.Base(h.Path)
				}
				fmt.Fprintf(a.out, "  %s — mục %s (%d lần), ghi %q", doc, strings.Join(h.Sections, ", "), h.Count, strings.Join(h.Written, " | "))
				if len(h.Dates) > 0 {
					fmt.Fprintf(a.out, ", ngày %s", strings.Join(h.Dates, " / "))
				}
				if len(h.Issuers) > 0 {
					fmt.Fprintf(a.out, ", của %s", strings.Join(h.Issuers, " / "))
				}
				if h.Problems != "" {
					fmt.Fprintf(a.out, "  ⚠ %s", h.Problems)
				}
				fmt.Fprintln(a.out)
			}
			for _, d := range r.Disagreements {
				fmt.Fprintf(a.out, "⚠ %s\n", d)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "in JSON")
	return cmd
}

func newRefsCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "refs DOCUMENT",
		Short:   "Các văn bản mà một văn bản dẫn chiếu (theo đường dẫn hoặc số)",
		Example: "  vanban refs samples/ke-hoach-dan-van-phu-lien-2025.txt\n  vanban refs 172/KH-UBND",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ix, err := a.openIndex()
			if err != nil {
				return err
			}
			defer ix.Close()
			doc := args[0]
			if abs, err := filepath.Abs(doc); err == nil {
				if _, err := os.Stat(abs); err == nil {
					doc = abs
				}
			}
			refs, path, err := ix.Refs(doc)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.out, struct {
					Path string      `json:"path"`
					Refs []index.Ref `json:"refs"`
				}{path, refs})
			}
			fmt.Fprintf(a.out, "%s dẫn chiếu %d văn bản:\n", path, len(refs))
			for _, r := range refs {
				label := r.Type + " " + r.Number
				if r.Number == "" { // a law by name: its name says its type
					label = r.Title
				}
				where := "ngoài kho"
				if r.InCorpus {
					where = "trong kho: " + r.ResolvedTo
				}
				fmt.Fprintf(a.out, "  %s (%d lần) — %s\n", label, r.Count, where)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "in JSON")
	return cmd
}

func newGraphCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:     "graph",
		Short:   "Xuất đồ thị dẫn chiếu (DOT hoặc JSON)",
		Example: "  vanban graph --format dot | dot -Tsvg > dothi.svg",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ix, err := a.openIndex()
			if err != nil {
				return err
			}
			defer ix.Close()
			edges, err := ix.Graph()
			if err != nil {
				return err
			}
			switch format {
			case "json":
				if edges == nil {
					edges = []index.Edge{}
				}
				return writeJSON(a.out, edges)
			case "dot":
				fmt.Fprintln(a.out, "digraph vanban {\n  rankdir=LR;\n  node [shape=box, fontname=\"Liberation Sans\"];")
				for _, e := range edges {
					style := ""
					if e.Target == "" {
						style = " style=dashed"
					}
					fmt.Fprintf(a.out, "  %q -> %q [label=\"%d\"%s];\n", e.From, e.To, e.Count, style)
				}
				fmt.Fprintln(a.out, "}")
				return nil
			}
			return fmt.Errorf("định dạng %q không hỗ trợ (dot, json)", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "dot", "dot hoặc json")
	return cmd
}

func newDeadlinesCmd(a *app) *cobra.Command {
	var o index.DeadlineOptions
	var format string
	cmd := &cobra.Command{
		Use:   "deadlines",
		Short: "Danh sách thời hạn trong chỉ mục (bảng, JSON, CSV, iCalendar)",
		Example: `  vanban deadlines --from 2025-09-01 --to 2025-09-30
  vanban deadlines --unit "Sở Nội vụ" --format csv > thoihan.csv
  vanban deadlines --format ics > thoihan.ics`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ix, err := a.openIndex()
			if err != nil {
				return err
			}
			defer ix.Close()
			rows, err := ix.Deadlines(o)
			if err != nil {
				return err
			}
			if rows == nil {
				rows = []index.DeadlineRow{}
			}
			switch format {
			case "json":
				return writeJSON(a.out, rows)
			case "csv":
				return writeDeadlinesCSV(a.out, rows)
			case "ics":
				return writeICS(a.out, rows, time.Now())
			case "table":
				if len(rows) == 0 {
					fmt.Fprintln(a.out, "Không có thời hạn nào phù hợp.")
					return nil
				}
				for _, r := range rows {
					when := whenText(r.Date, r.Period, r.Recurring, r.RecurOn, r.Relative)
					doc := r.DocNumber
					if doc == "" {
						doc = filepath.Base(r.Path)
					}
					fmt.Fprintf(a.out, "%-19s %-22s [%s] %s", when, doc, r.Section, oneLine(r.Text))
					if r.Unit != "" {
						fmt.Fprintf(a.out, " — %s", r.Unit)
					}
					fmt.Fprintln(a.out)
				}
				return nil
			}
			return fmt.Errorf("định dạng %q không hỗ trợ (table, json, csv, ics)", format)
		},
	}
	cmd.Flags().StringVar(&o.Unit, "unit", "", "đơn vị được giao")
	cmd.Flags().StringVar(&o.From, "from", "", "từ ngày (YYYY-MM-DD)")
	cmd.Flags().StringVar(&o.To, "to", "", "đến ngày (YYYY-MM-DD)")
	cmd.Flags().StringVar(&o.Doc, "doc", "", "chỉ văn bản này (đường dẫn hoặc số)")
	cmd.Flags().StringVar(&format, "format", "table", "table, json, csv hoặc ics")
	return cmd
}

// recurrenceNames are the recurrences as staff read them.
var recurrenceNames = map[string]string{"weekly": "hằng tuần", "monthly": "hằng tháng", "quarterly": "hằng quý",
	"semiannual": "6 tháng/lần", "yearly": "hằng năm", "continuous": "thường xuyên"}

// whenText says when a deadline falls, in Vietnamese: its date or period,
// its recurrence and the day it recurs on ("hằng năm 25/12", "hằng tháng
// ngày 05"), or that it counts from an event.
func whenText(date, period, recurring, recurOn, relative string) string {
	when := date
	if when == "" {
		when = period
	}
	if r := recurrenceNames[recurring]; r != "" {
		when = strings.TrimSpace(when + " " + r)
	}
	switch {
	case len(recurOn) == 7 && strings.HasPrefix(recurOn, "--"): // --MM-DD
		when = strings.TrimSpace(when + " " + strings.TrimLeft(recurOn[5:], "0") + "/" + strings.TrimLeft(recurOn[2:4], "0"))
	case len(recurOn) == 5 && strings.HasPrefix(recurOn, "---"): // ---DD
		when = strings.TrimSpace(when + " ngày " + recurOn[3:])
	}
	if when == "" && relative != "" {
		when = "tương đối"
	}
	return when
}

// writeDeadlinesCSV writes UTF-8 with a byte-order mark, which Excel needs
// to show Vietnamese correctly.
func writeDeadlinesCSV(w io.Writer, rows []index.DeadlineRow) error {
	io.WriteString(w, "\ufeff")
	cw := csv.NewWriter(w)
	cw.Write([]string{"Ngày", "Kỳ", "Từ", "Đến", "Lặp lại", "Ngày lặp", "Thời hạn tương đối", "Việc", "Đơn vị", "Văn bản", "Mục", "Nguyên văn", "Tệp"})
	for _, r := range rows {
		cw.Write([]string{r.Date, r.Period, r.Start, r.End, recurrenceNames[r.Recurring], r.RecurOn, r.Relative, r.Action, r.Unit, r.DocNumber, r.Section, oneLine(r.Text), r.Path})
	}
	cw.Flush()
	return cw.Error()
}

// writeICS writes an iCalendar file: one all-day event per dated deadline,
// at the end day of a period otherwise; a yearly or monthly deadline with
// its day ("trước ngày 25/12 hằng năm") repeats from this year or month.
func writeICS(w io.Writer, rows []index.DeadlineRow, now time.Time) error {
	esc := strings.NewReplacer("\\", "\\\\", ";", "\\;", ",", "\\,", "\n", "\\n")
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//vanban//thoi han//VI\r\nCALSCALE:GREGORIAN\r\n")
	for i, r := range rows {
		day, rule := r.Date, ""
		if day == "" {
			day = r.End
		}
		switch {
		case day != "":
		case r.Recurring == "yearly" && len(r.RecurOn) == 7 && strings.HasPrefix(r.RecurOn, "--"):
			day, rule = fmt.Sprintf("%d-%s", now.Year(), r.RecurOn[2:]), "RRULE:FREQ=YEARLY\r\n"
		case r.Recurring == "monthly" && len(r.RecurOn) == 5 && strings.HasPrefix(r.RecurOn, "---"):
			day, rule = fmt.Sprintf("%d-%02d-%s", now.Year(), now.Month(), r.RecurOn[3:]), "RRULE:FREQ=MONTHLY\r\n"
		}
		if day == "" {
			continue
		}
		d := strings.ReplaceAll(day, "-", "")
		summary := oneLine(r.Action)
		if summary == "" {
			summary = oneLine(r.Text)
		}
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%s-%d@vanban\r\nDTSTAMP:%s\r\nDTSTART;VALUE=DATE:%s\r\nSUMMARY:%s\r\nDESCRIPTION:%s\r\n",
			d, i, now.UTC().Format("20060102T150405Z"), d, esc.Replace("Hạn: "+summary),
			esc.Replace(strings.TrimSpace(oneLine(r.Text)+" — "+r.Unit+" — "+r.DocNumber+" "+r.Path)))
		b.WriteString(rule)
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	_, err := io.WriteString(w, b.String())
	return err
}
