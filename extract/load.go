package extract

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// Source is a loaded document: its text, before normalization, and where
// it came from.
type Source struct {
	Path     string
	Format   string // txt, md, docx, pdf, html, image
	Encoding string // of a text file: utf-8, utf-16, tcvn3, vni, windows-1258; of any file whose letters were legacy bytes read as Latin-1: tcvn3-as-latin1, vni-as-latin1
	Text     string
	Size     int // bytes of the file
	Pages    int
	OCR      string // the OCR engine that produced Text, empty for a text layer
}

// Options say how files are read: limits on what one file can make the
// loaders do, and whether scans may be read by OCR.
type Options struct {
	MaxBytes     int64         // size of the file
	MaxUnzipped  int64         // bytes decompressed from a DOCX
	MaxPages     int           // pages of a PDF
	Timeout      time.Duration // time for one file's loader (OCR has its own)
	MinCharsPage int           // below this many letters per page a PDF is a scan

	OCR            bool          // read scans and images with Tesseract (ocr.go)
	OCRLang        string        // Tesseract languages, such as "vie" or "vie+eng"
	OCRDPI         int           // resolution pages are drawn at for OCR
	OCRPageTimeout time.Duration // OCR time per page
}

// DefaultOptions are generous for real documents and small for hostile ones.
var DefaultOptions = Options{
	MaxBytes:     64 << 20,
	MaxUnzipped:  256 << 20,
	MaxPages:     2000,
	Timeout:      60 * time.Second,
	MinCharsPage: 40,

	OCRLang:        "vie",
	OCRDPI:         300,
	OCRPageTimeout: 120 * time.Second,
}

// Errors a loader returns, wrapped with the file name and details.
var (
	ErrTooLarge    = errors.New("file too large")
	ErrUnsupported = errors.New("unsupported file format")
	ErrNotText     = errors.New("not a text file")
	ErrEmpty       = errors.New("empty file")
	ErrScanned     = errors.New("scanned document without a text layer")
	ErrEncrypted   = errors.New("encrypted PDF")
	ErrCorrupt     = errors.New("damaged file")
	ErrTimeout     = errors.New("took too long")
)

// LoadFile reads a file and decodes its text according to its content
// (magic bytes first, then extension).
func LoadFile(path string, lim Options) (*Source, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", path)
	}
	if lim.MaxBytes > 0 && fi.Size() > lim.MaxBytes {
		return nil, fmt.Errorf("%s: %w (%d bytes, limit %d)", path, ErrTooLarge, fi.Size(), lim.MaxBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	src, err := LoadBytes(path, data, lim)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	return src, nil
}

// FileError is a loader's error with the file it is about.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// LoadBytes decodes a document held in memory; name gives the extension.
func LoadBytes(name string, data []byte, lim Options) (*Source, error) {
	if len(data) == 0 {
		return nil, ErrEmpty
	}
	if lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("%w (%d bytes, limit %d)", ErrTooLarge, len(data), lim.MaxBytes)
	}
	ext := strings.ToLower(filepath.Ext(name))
	src := &Source{Path: name, Size: len(data)}
	var err error
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")) || ext == ".pdf":
		src.Format = "pdf"
		src.Text, src.Pages, err = withTimeout(lim.Timeout, func() (string, int, error) { return loadPDF(data, lim) })
		if errors.Is(err, ErrScanned) && lim.OCR {
			src.Text, err = ocrPDF(data, src.Pages, lim)
			src.OCR = ocrEngine(lim.OCRLang)
		}
	case isImage(data):
		src.Format = "image"
		if !lim.OCR {
			return nil, fmt.Errorf("%w: an image file", ErrScanned)
		}
		src.Text, err = ocrImage(data, lim)
		src.OCR = ocrEngine(lim.OCRLang)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || ext == ".docx":
		src.Format = "docx"
		src.Text, src.Pages, err = withTimeout(lim.Timeout, func() (string, int, error) {
			t, e := loadDOCX(data, lim)
			return t, 0, e
		})
	case isHTML(data) || ext == ".html" || ext == ".htm":
		src.Format = "html"
		src.Text, src.Pages, err = withTimeout(lim.Timeout, func() (string, int, error) {
			t, e := loadHTML(data)
			return t, 0, e
		})
	case ext == ".doc" || bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, fmt.Errorf("%w: legacy Word .doc (save it as .docx or PDF)", ErrUnsupported)
	default:
		src.Format = "txt"
		if ext == ".md" || ext == ".markdown" {
			src.Format = "md"
		}
		src.Text, src.Encoding, err = decodeText(data)
	}
	if err != nil {
		return nil, err
	}
	if src.Format == "pdf" || src.Format == "docx" || src.Format == "html" { // runs in .VnTime/VNI fonts
		if t, enc, ok := repairMojibake(src.Text); ok {
			src.Text, src.Encoding = t, enc
		}
	}
	if strings.TrimSpace(src.Text) == "" {
		return nil, fmt.Errorf("%w: no text", ErrEmpty)
	}
	return src, nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// decodeText turns bytes into UTF-8: BOMs (UTF-8, UTF-16) are honoured;
// legacy Vietnamese encodings (TCVN3, Windows-1258) and TCVN3 mojibake are
// detected and converted (legacy.go); text with NUL bytes or mostly invalid
// UTF-8 that is none of these is refused.
func decodeText(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("%w: bad UTF-16: %v", ErrNotText, err)
		}
		return string(out), "utf-16", nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", fmt.Errorf("%w: binary content (NUL bytes)", ErrNotText)
	}
	if !utf8.Valid(data) {
		if t, enc, ok := decodeLegacy(data); ok {
			return t, enc, nil
		}
		bad := 0
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				bad++
			}
			i += n
		}
		if bad*100 > len(data) {
			return "", "", fmt.Errorf("%w: %d bytes are not UTF-8 and not a known Vietnamese encoding", ErrNotText, bad)
		}
		return strings.ToValidUTF8(string(data), "\uFFFD"), "utf-8", nil
	}
	if t, enc, ok := repairMojibake(string(data)); ok {
		return t, enc, nil
	}
	if isASCII(data) && looksLikeVIQR(string(data)) {
		return DecodeVIQR(string(data)), "viqr", nil
	}
	return string(data), "utf-8", nil
}

// withTimeout runs a loader with a deadline and turns its panics into
// errors. A loader that does not return in time is abandoned (its goroutine
// ends when the library does); the file is reported as taking too long.
func withTimeout(d time.Duration, f func() (string, int, error)) (string, int, error) {
	type result struct {
		s   string
		n   int
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{err: fmt.Errorf("%w: %v", ErrCorrupt, truncate(fmt.Sprint(r), 200))}
			}
		}()
		s, n, err := f()
		ch <- result{s, n, err}
	}()
	if d <= 0 {
		r := <-ch
		return r.s, r.n, r.err
	}
	select {
	case r := <-ch:
		return r.s, r.n, r.err
	case <-time.After(d):
		return "", 0, fmt.Errorf("%w (limit %s)", ErrTimeout, d)
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// ExpandPaths turns files and directories into a sorted list of absolute
// paths of documents: directories are walked (hidden ones skipped) for the
// extensions vanban reads; files named explicitly are kept whatever their
// extension, so that a bad one is reported rather than ignored.
func ExpandPaths(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if abs, err := filepath.Abs(p); err == nil && !seen[abs] {
			seen[abs] = true
			out = append(out, abs)
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			add(p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable entries are skipped, not fatal
			}
			if d.IsDir() {
				if strings.HasPrefix(d.Name(), ".") && path != p {
					return filepath.SkipDir
				}
				return nil
			}
			if IsDocument(path) {
				add(path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// IsDocument picks the files a directory walk reads.
func IsDocument(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm":
		return true
	}
	return false
}
