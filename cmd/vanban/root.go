package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/spf13/cobra"
	"github.com/vanban/vanban/extract"
	"github.com/vanban/vanban/index"
	"github.com/vanban/vanban/rules"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // some input failed or a check found problems
	exitUsage   = 2
	exitNoMatch = 3 // a search found nothing
)

// silentError carries an exit code whose message was already printed.
type silentError struct{ code int }

func (e silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// app holds what commands share: streams and lazily loaded rules.
type app struct {
	in        io.Reader
	out, err  io.Writer
	rulesDir  string
	indexPath string
	load      extract.Options // how files are read: limits, OCR

	once sync.Once
	x    *extract.Extractor
	rs   *rules.Set
	rerr error
}

// extractor loads the rules (built-in plus --rules / $VANBAN_RULES) once.
func (a *app) extractor() (*extract.Extractor, error) {
	a.once.Do(func() {
		dirs := []string{os.Getenv(rules.EnvDir), a.rulesDir}
		a.rs, a.rerr = rules.Load(dirs...)
		if a.rerr == nil {
			a.x = extract.New(a.rs)
		}
	})
	return a.x, a.rerr
}

// Main runs the CLI and returns the exit code.
func Main(args []string, in io.Reader, out, errw io.Writer) int {
	a := &app{in: in, out: out, err: errw, load: extract.DefaultOptions}
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errw)
	err := root.Execute()
	var se silentError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &se):
		return se.code
	default:
		fmt.Fprintln(errw, "Lỗi:", err)
		return exitUsage
	}
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "vanban",
		Short: "Đọc văn bản hành chính: cấu trúc, văn bản được dẫn, đơn vị, thời hạn",
		Long: `vanban đọc văn bản hành chính tiếng Việt (TXT, Markdown, DOCX, PDF) và trích xuất
phần đầu văn bản, mục lục, các văn bản được dẫn chiếu, đơn vị được giao nhiệm vụ và thời hạn.`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.PersistentFlags().StringVar(&a.rulesDir, "rules", "", "thư mục quy tắc bổ sung (cũng đọc từ $"+rules.EnvDir+")")
	root.PersistentFlags().StringVar(&a.indexPath, "index", "", "thư mục chỉ mục (mặc định $"+index.EnvIndex+" hoặc ~/.local/share/vanban/index)")
	pf := root.PersistentFlags()
	pf.BoolVar(&a.load.OCR, "ocr", false, "đọc bản quét và ảnh bằng nhận dạng chữ (Tesseract, gói tesseract-ocr-vie)")
	pf.StringVar(&a.load.OCRLang, "ocr-lang", a.load.OCRLang, "ngôn ngữ nhận dạng của Tesseract, ví dụ vie hoặc vie+eng")
	pf.Int64Var(&a.load.MaxBytes, "max-bytes", a.load.MaxBytes, "giới hạn kích thước một tệp (byte)")
	pf.IntVar(&a.load.MaxPages, "max-pages", a.load.MaxPages, "giới hạn số trang một PDF")
	pf.DurationVar(&a.load.Timeout, "timeout", a.load.Timeout, "giới hạn thời gian đọc một tệp (không kể OCR)")
	pf.DurationVar(&a.load.OCRPageTimeout, "ocr-timeout", a.load.OCRPageTimeout, "giới hạn thời gian nhận dạng một trang")
	root.AddCommand(newExtractCmd(a), newIngestCmd(a), newSearchCmd(a), newCitesCmd(a), newRefsCmd(a), newGraphCmd(a), newDeadlinesCmd(a), newDemoCmd(a), newRulesCmd(a), newCheckCmd(a))
	return root
}
