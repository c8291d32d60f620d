package extract

// OCR of scanned PDFs and images with the Tesseract command-line program
// (Debian: tesseract-ocr, tesseract-ocr-vie) and, for PDFs, poppler's
// pdftoppm to draw the pages (poppler-utils). Both run as child processes
// under a time budget, in a temporary directory that is removed afterwards;
// the text they give goes through the same pipeline as any other.
//
// Tesseract is run with OMP_THREAD_LIMIT=1 and pages in parallel instead:
// on 2 cores its own threads made one page take 21 s instead of 3.4 s.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrOCRUnavailable says that OCR was asked for but a program or the
// language data it needs is missing.
var ErrOCRUnavailable = errors.New("OCR is not available")

// ocrEngine names what produced OCR text, for the record.
func ocrEngine(lang string) string { return "tesseract (" + lang + ")" }

// checkOCR finds the programs and the language data before any work.
func checkOCR(lang string, pdf bool) error {
	if _, err := exec.LookPath("tesseract"); err != nil {
		return fmt.Errorf("%w: the tesseract program is not installed (Debian: apt install tesseract-ocr tesseract-ocr-vie)", ErrOCRUnavailable)
	}
	if pdf {
		if _, err := exec.LookPath("pdftoppm"); err != nil {
			return fmt.Errorf("%w: the pdftoppm program is not installed (Debian: apt install poppler-utils)", ErrOCRUnavailable)
		}
	}
	out, err := exec.Command("tesseract", "--list-langs").CombinedOutput()
	if err != nil {
		return fmt.Errorf("%w: tesseract --list-langs: %s", ErrOCRUnavailable, truncate(string(out), 200))
	}
	for _, l := range strings.Split(lang, "+") {
		found := false
		for _, line := range strings.Split(string(out), "\n") {
			if strings.TrimSpace(line) == l {
				found = true
			}
		}
		if !found {
			return fmt.Errorf("%w: tesseract has no %q language data (Debian: apt install tesseract-ocr-%s)", ErrOCRUnavailable, l, l)
		}
	}
	return nil
}

// ocrPDF draws each page of a PDF and reads it with Tesseract; pages are
// separated by form feeds, as the text layer is.
func ocrPDF(data []byte, pages int, opt Options) (string, error) {
	if err := checkOCR(opt.OCRLang, true); err != nil {
		return "", err
	}
	return inTempDir(data, "in.pdf", func(dir, in string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), opt.OCRPageTimeout*time.Duration(max(pages, 1)))
		defer cancel()
		args := []string{"-r", strconv.Itoa(opt.OCRDPI), "-gray", "-png"}
		if opt.MaxPages > 0 {
			args = append(args, "-l", strconv.Itoa(opt.MaxPages))
		}
		if _, err := run(ctx, "pdftoppm", append(args, in, filepath.Join(dir, "p"))...); err != nil {
			return "", err
		}
		imgs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
		sort.Slice(imgs, func(i, j int) bool { return pageOf(imgs[i]) < pageOf(imgs[j]) })
		if len(imgs) == 0 {
			return "", fmt.Errorf("%w: pdftoppm drew no page", ErrCorrupt)
		}
		texts := make([]string, len(imgs))
		errs := make([]error, len(imgs))
		var wg sync.WaitGroup
		sem := make(chan struct{}, runtime.GOMAXPROCS(0))
		for i, img := range imgs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				texts[i], errs[i] = tesseract(ctx, img, opt.OCRLang)
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return "", err
		}
		return strings.Join(texts, "\n\f"), nil
	})
}

// ocrImage reads an image file (PNG, JPEG, TIFF) with Tesseract.
func ocrImage(data []byte, opt Options) (string, error) {
	if err := checkOCR(opt.OCRLang, false); err != nil {
		return "", err
	}
	return inTempDir(data, "image", func(_, in string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), opt.OCRPageTimeout)
		defer cancel()
		return tesseract(ctx, in, opt.OCRLang)
	})
}

// inTempDir writes data as the file name in a new temporary directory,
// calls f with the directory and the file, and removes the directory.
func inTempDir(data []byte, name string, f func(dir, file string) (string, error)) (string, error) {
	dir, err := os.MkdirTemp("", "vanban-ocr-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, data, 0o600); err != nil {
		return "", err
	}
	return f(dir, file)
}

// tesseract reads one image.
func tesseract(ctx context.Context, img, lang string) (string, error) {
	return run(ctx, "tesseract", img, "stdout", "-l", lang)
}

// run runs a program under ctx, one OpenMP thread (see the top of the
// file), and returns what it wrote on stdout.
func run(ctx context.Context, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return "", ocrError(ctx, name, err, stderr.String())
	}
	return out.String(), nil
}

func ocrError(ctx context.Context, name string, err error, stderr string) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w: OCR (%s) stopped at its time limit", ErrTimeout, name)
	}
	return fmt.Errorf("%w: %s failed: %v: %s", ErrCorrupt, name, err, truncate(strings.TrimSpace(stderr), 200))
}

// pageOf reads the page number of pdftoppm's "p-07.png".
func pageOf(path string) int {
	s := strings.TrimSuffix(filepath.Base(path), ".png")
	n, _ := strconv.Atoi(s[strings.LastIndexByte(s, '-')+1:])
	return n
}

// isImage recognizes the image formats Tesseract reads, by magic bytes.
func isImage(data []byte) bool {
	for _, magic := range []string{"\x89PNG\r\n\x1a\n", "\xff\xd8\xff", "II*\x00", "MM\x00*"} {
		if bytes.HasPrefix(data, []byte(magic)) {
			return true
		}
	}
	return false
}
