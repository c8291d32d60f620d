package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vanban/vanban/extract"
)

type extractOptions struct {
	json       bool
	normalized bool
}

func newExtractCmd(a *app) *cobra.Command {
	var o extractOptions
	cmd := &cobra.Command{
		Use:   "extract FILE|DIR...",
		Short: "Trích xuất một hoặc nhiều văn bản",
		Long: `Đọc từng tệp (thư mục thì đọc mọi tệp bên trong) và in những gì trích xuất được.
Với --json: mỗi tệp một dòng JSON (JSON Lines); một tệp thì JSON có thụt lề.
Tệp lỗi được báo theo tên kèm lý do, các tệp khác vẫn được xử lý; mã thoát 1 nếu có tệp lỗi.`,
		Example: `  vanban extract samples/ke-hoach-dan-van-phu-lien-2025.txt
  vanban extract --json samples/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(a, o, args)
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "in JSON (một tài liệu mỗi tệp)")
	cmd.Flags().BoolVar(&o.normalized, "normalized", false, "chỉ in văn bản đã chuẩn hóa (mỗi đoạn một dòng)")
	return cmd
}

func runExtract(a *app, o extractOptions, args []string) error {
	x, err := a.extractor()
	if err != nil {
		return err
	}
	files, err := extract.ExpandPaths(args)
	if err != nil {
		return fmt.Errorf("%s", viError(err))
	}
	failed := 0
	for i, f := range files {
		src, err := extract.LoadFile(f, a.load)
		if err != nil {
			failed++
			fmt.Fprintf(a.err, "%s: %s\n", f, viError(err))
			continue
		}
		if o.normalized {
			fmt.Fprint(a.out, extract.Normalize(src.Text, src.Format == "md").S)
			continue
		}
		rec := x.Extract(src)
		if o.json {
			enc := json.NewEncoder(a.out)
			enc.SetEscapeHTML(false)
			if len(files) == 1 {
				enc.SetIndent("", "  ")
			}
			if err := enc.Encode(rec); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(a.out)
		}
		printRecord(a.out, rec)
	}
	if failed > 0 {
		fmt.Fprintf(a.err, "%d/%d tệp không đọc được.\n", failed, len(files))
		return silentError{exitFailed}
	}
	return nil
}

// viError explains an error to a person, in Vietnamese, keeping the detail.
func viError(err error) string {
	msg := err.Error()
	if fe := (*extract.FileError)(nil); errors.As(err, &fe) {
		msg = fe.Err.Error() // the file is named by the caller
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "không tìm thấy tệp"
	case errors.Is(err, os.ErrPermission):
		return "không có quyền đọc tệp"
	case errors.Is(err, extract.ErrTooLarge):
		return "tệp quá lớn (" + msg + ")"
	case errors.Is(err, extract.ErrScanned):
		return "tệp là bản quét hoặc ảnh, không có lớp chữ đọc được; chạy lại với --ocr để nhận dạng chữ (" + msg + ")"
	case errors.Is(err, extract.ErrOCRUnavailable):
		return "không nhận dạng chữ được vì thiếu chương trình hoặc dữ liệu tiếng Việt (" + msg + ")"
	case errors.Is(err, extract.ErrEncrypted):
		return "PDF được mã hóa, cần mật khẩu (" + msg + ")"
	case errors.Is(err, extract.ErrCorrupt):
		return "tệp hỏng hoặc không đúng định dạng (" + msg + ")"
	case errors.Is(err, extract.ErrUnsupported):
		return "định dạng không hỗ trợ (" + msg + ")"
	case errors.Is(err, extract.ErrNotText):
		return "không phải văn bản UTF-8 (" + msg + ")"
	case errors.Is(err, extract.ErrEmpty):
		return "tệp rỗng, không có chữ"
	case errors.Is(err, extract.ErrTimeout):
		return "xử lý quá lâu, đã dừng (" + msg + ")"
	}
	return msg
}

// printRecord writes the readable summary of a record.
func printRecord(w io.Writer, r *extract.Record) {
	m := r.Meta
	fmt.Fprintf(w, "== %s (%s)\n", r.Source.Path, r.Source.Format)
	field := func(label, v string) {
		if v == "" {
			v = "—"
		}
		fmt.Fprintf(w, "%-14s %s\n", label+":", v)
	}
	field("Loại", m.Type)
	field("Số", m.Number)
	field("Cơ quan", m.Issuer)
	date := m.Date
	if date == "" && m.DatePartial != "" {
		date = m.DatePartial + " (thiếu ngày)"
	}
	field("Ngày", date)
	field("Nơi ban hành", m.Place)
	field("Trích yếu", m.Subject)
	var signer []string
	for _, p := range []string{m.Signer.Authority, m.Signer.Title, m.Signer.Name} {
		if p = strings.TrimSpace(p); p != "" {
			signer = append(signer, p)
		}
	}
	field("Người ký", strings.Join(signer, " / "))
	if len(m.Recipients) > 0 {
		field("Nơi nhận", strings.Join(m.Recipients, "; "))
	}
	if len(r.Sections) > 0 {
		fmt.Fprintf(w, "\nMục lục (%d):\n", len(r.Sections))
		for _, s := range r.Sections {
			if s.Level > 2 {
				continue
			}
			fmt.Fprintf(w, "  %s%-8s %s\n", strings.Repeat("  ", s.Level-1), s.ID, s.Heading)
		}
	}
	fmt.Fprintf(w, "\nVăn bản được dẫn (%d lần):\n", len(r.Citations))
	for _, c := range r.Citations {
		id := c.NumberNormalized
		if id == "" {
			id = c.Title
		} else {
			id = c.Type + " " + id
		}
		extra := []string{}
		if c.Date != "" {
			extra = append(extra, c.Date)
		}
		if c.Issuer != "" {
			extra = append(extra, c.Issuer)
		}
		flag := ""
		if len(c.Problems) > 0 {
			flag = "  ⚠ " + c.Problems[0].Message
		}
		fmt.Fprintf(w, "  [%s] %s — %s%s\n", c.Section, id, strings.Join(extra, ", "), flag)
	}
	fmt.Fprintf(w, "\nĐơn vị (%d):\n", len(r.Units))
	for _, u := range r.Units {
		fmt.Fprintf(w, "  %s: %s\n", u.Name, strings.Join(u.Roles, ", "))
	}
	fmt.Fprintf(w, "\nThời hạn (%d):\n", len(r.Deadlines))
	for _, d := range r.Deadlines {
		period := ""
		if d.Period != nil {
			period = d.Period.Label
		}
		when := whenText(d.Date, period, d.Recurring, d.RecurOn, d.Relative)
		fmt.Fprintf(w, "  [%s] %-12s %s", d.Section, when, oneLine(d.Text))
		if d.Unit != "" {
			fmt.Fprintf(w, " — %s", d.Unit)
		}
		fmt.Fprintln(w)
	}
	if len(r.Problems) > 0 {
		fmt.Fprintf(w, "\nVấn đề (%d):\n", len(r.Problems))
		for _, p := range r.Problems {
			fmt.Fprintf(w, "  %d:%d %s", p.Line, p.Col, p.Message)
			if p.Suggestion != "" {
				fmt.Fprintf(w, " → %s", p.Suggestion)
			}
			fmt.Fprintln(w)
		}
	}
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 90 {
		s = string(r[:90]) + "…"
	}
	return s
}
