package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func makeDOCX(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

const docxHead = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`

func TestDOCXParagraphsTablesFootnotesRevisions(t *testing.T) {
	doc := docxHead +
		`<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Căn cứ Quyết định số </w:t></w:r><w:ins><w:r><w:t>12/QĐ-UBND</w:t></w:r></w:ins><w:del><w:r><w:delText>99/QĐ-UBND</w:delText></w:r></w:del></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Nhiệm vụ</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Thời gian hoàn thành</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Quý I/2026</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`</w:body></w:document>`
	notes := `<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="-1"><w:p><w:r><w:t>sep</w:t></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Chỉ thị số 46-CT/TW</w:t></w:r></w:p></w:footnote></w:footnotes>`
	src, err := LoadBytes("a.docx", makeDOCX(t, map[string]string{"word/document.xml": doc, "word/footnotes.xml": notes}), DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	want := "KẾ HOẠCH\nCăn cứ Quyết định số 12/QĐ-UBND\nSTT | Nhiệm vụ | Thời gian hoàn thành\n1 | Báo cáo | Quý I/2026\n\n[1] Chỉ thị số 46-CT/TW\n"
	if src.Text != want {
		t.Errorf("got %q\nwant %q", src.Text, want)
	}
}

// TestBrokenInputs: every hostile or broken file ends in an error that says
// what is wrong, never a panic.
func TestBrokenInputs(t *testing.T) {
	pdf, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.pdf")
	if err != nil {
		t.Fatal(err)
	}
	bomb := makeDOCX(t, map[string]string{"word/document.xml": docxHead + strings.Repeat("<w:p/>", 1<<20) + "</w:body></w:document>"})
	small := DefaultOptions
	small.MaxUnzipped = 1 << 20
	for _, c := range []struct {
		name string
		data []byte
		lim  Options
		want error
	}{
		{"empty.txt", nil, DefaultOptions, ErrEmpty},
		{"blank.txt", []byte("   \n\n "), DefaultOptions, ErrEmpty},
		{"binary.txt", []byte("ab\x00cd"), DefaultOptions, ErrNotText},
		{"not-vietnamese.txt", []byte("\x80\x81\x82\x83\x84 \x85\x86\x87\x88 garbage \x90\x91\x92\x93 \x94\x95\x96"), DefaultOptions, ErrNotText},
		{"truncated.pdf", pdf[:len(pdf)/3], DefaultOptions, ErrCorrupt},
		{"garbage.pdf", append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 500)...), DefaultOptions, ErrCorrupt},
		{"notzip.docx", []byte("PK\x03\x04 not really a zip"), DefaultOptions, ErrCorrupt},
		{"nodoc.docx", makeDOCX(t, map[string]string{"hello.txt": "x"}), DefaultOptions, ErrUnsupported},
		{"bomb.docx", bomb, small, ErrTooLarge},
		{"big.txt", bytes.Repeat([]byte("a"), 2048), Options{MaxBytes: 1024}, ErrTooLarge},
		{"old.doc", []byte{0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3}, DefaultOptions, ErrUnsupported},
		{"image.png", []byte("\x89PNG\r\n\x1a\n rest of an image"), DefaultOptions, ErrScanned},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadBytes(c.name, c.data, c.lim)
			if !errors.Is(err, c.want) {
				t.Errorf("err = %v, want %v", err, c.want)
			}
		})
	}
}

// brokenCorpus is ../testdata/broken (see its README) with the error each
// file must give.
var brokenCorpus = map[string]error{
	"binary.txt":                 ErrNotText,
	"empty.txt":                  ErrEmpty,
	"encrypted.pdf":              ErrEncrypted,
	"invalid-utf8.txt":           ErrNotText,
	"not-a-zip.docx":             ErrCorrupt,
	"page-tree-loop.pdf":         ErrCorrupt,
	"random-with-pdf-header.pdf": ErrCorrupt,
	"truncated.pdf":              ErrCorrupt,
	"zip-bomb.docx":              ErrTooLarge,
}

// TestBrokenCorpus: each file of ../testdata/broken gives its error, named
// after the file, without a panic and quickly (the page-tree loop used to
// spin until the time limit).
func TestBrokenCorpus(t *testing.T) {
	files, _ := filepath.Glob("../testdata/broken/*")
	seen := 0
	for _, f := range files {
		want, ok := brokenCorpus[filepath.Base(f)]
		if !ok {
			continue
		}
		seen++
		t.Run(filepath.Base(f), func(t *testing.T) {
			opt := DefaultOptions
			opt.Timeout = 10 * time.Second
			_, err := LoadFile(f, opt)
			if !errors.Is(err, want) || !strings.Contains(err.Error(), filepath.Base(f)) {
				t.Errorf("err = %v, want %v naming the file", err, want)
			}
		})
	}
	if seen != len(brokenCorpus) {
		t.Errorf("found %d of the %d files of ../testdata/broken", seen, len(brokenCorpus))
	}
}

// A file far over the size limit is refused from its size, without being
// read: a sparse 200 MB file costs no disk and no memory.
func TestHugeFileRefusedUnread(t *testing.T) {
	f := t.TempDir() + "/huge.pdf"
	fh, err := os.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	fh.Truncate(200 << 20)
	fh.Close()
	_, err = LoadFile(f, DefaultOptions)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "huge.pdf") {
		t.Errorf("got %v", err)
	}
}

func TestUTF16(t *testing.T) {
	u := []byte{0xFF, 0xFE}
	for _, r := range "Kế hoạch" {
		u = append(u, byte(r), byte(r>>8))
	}
	src, err := LoadBytes("a.txt", u, DefaultOptions)
	if err != nil || src.Text != "Kế hoạch" {
		t.Errorf("got %q, %v", src.Text, err)
	}
}

func TestPDF20Header(t *testing.T) {
	pdf, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.pdf")
	if err != nil {
		t.Fatal(err)
	}
	p2 := append([]byte("%PDF-2.0"), pdf[8:]...)
	src, err := LoadBytes("a.pdf", p2, DefaultOptions)
	if err != nil || !strings.Contains(src.Text, "KẾ HOẠCH") {
		t.Errorf("PDF 2.0: %v", err)
	}
}

func FuzzLoadDOCX(f *testing.F) {
	data, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.docx")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(makeDOCX(f, map[string]string{"word/document.xml": docxHead + "<w:tbl><w:tr><w:tc><w:tbl></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>"}))
	f.Fuzz(func(t *testing.T, b []byte) {
		lim := DefaultOptions
		lim.MaxUnzipped = 8 << 20
		LoadBytes("f.docx", b, lim)
	})
}

func FuzzLoadPDF(f *testing.F) {
	data, err := os.ReadFile("../samples/ke-hoach-dan-van-phu-lien-2025.pdf")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	broken, _ := filepath.Glob("../testdata/broken/*.pdf")
	for _, b := range broken {
		if data, err := os.ReadFile(b); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		lim := DefaultOptions
		lim.Timeout = 2e9
		LoadBytes("f.pdf", b, lim)
	})
}

// FuzzLoadText: any bytes as a text file load or fail with an error; the
// legacy-encoding detection never panics.
func FuzzLoadText(f *testing.F) {
	f.Add([]byte("Ti\xd5ng Vi\xd6t c\xe3 29 ch\xf7 c\xb8i"))
	f.Add([]byte("Ti\u00d5ng Vi\u00d6t c\u00e3 29 ch\u00f7 c\u00b8i"))
	f.Add([]byte("\xff\xfeK\x00"))
	f.Add([]byte(strings.Repeat("Tie^'ng Vie^.t co' 29 chu+~ ca'i, QDD-UBND ddu+o+.c \\. ", 4)))
	f.Add([]byte("Ti\xeang Vi\xea\xf2t"))
	f.Fuzz(func(t *testing.T, b []byte) {
		src, err := LoadBytes("f.txt", b, DefaultOptions)
		if err == nil && !utf8.ValidString(src.Text) && src.Encoding != "utf-8" {
			t.Fatalf("invalid UTF-8 from %s decoding", src.Encoding)
		}
	})
}

const numberingXML = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>`

const stylesXML = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`

func numbered(numID, level int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, level, numID, text)
}

// Word's automatic numbering is rendered: levels, restarts of deeper
// levels, Roman and letter formats, bullets as "-", a list carried by the
// paragraph style (Heading 1), a start override; and the sections it
// numbers are found.
func TestDOCXListNumbering(t *testing.T) {
	doc := docxHead +
		`<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>MỤC ĐÍCH, YÊU CẦU</w:t></w:r></w:p>` +
		numbered(1, 1, "Mục đích") + numbered(1, 1, "Yêu cầu") +
		numbered(2, 0, "bảo đảm tiến độ") +
		numbered(1, 0, "NỘI DUNG") + numbered(1, 1, "Tuyên truyền") +
		numbered(1, 2, "Báo cáo trước ngày 15/9/2025") + numbered(1, 2, "Tổng kết") +
		numbered(3, 0, "Hiệu lực thi hành") +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Không đánh số</w:t></w:r></w:p>` +
		`</w:body></w:document>`
	src, err := LoadBytes("a.docx", makeDOCX(t, map[string]string{"word/document.xml": doc, "word/numbering.xml": numberingXML, "word/styles.xml": stylesXML}), DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	want := "KẾ HOẠCH\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n2. Yêu cầu\n- bảo đảm tiến độ\nII. NỘI DUNG\n1. Tuyên truyền\na) Báo cáo trước ngày 15/9/2025\nb) Tổng kết\nĐiều 5. Hiệu lực thi hành\nKhông đánh số\n"
	if src.Text != want {
		t.Errorf("got %q\nwant %q", src.Text, want)
	}
	r := extractor().Extract(src)
	var ids []string
	for _, s := range r.Sections {
		ids = append(ids, s.ID)
	}
	for _, id := range []string{"I", "I.1", "I.2", "II", "II.1", "II.1.a", "II.1.b"} {
		if !slices.Contains(ids, id) {
			t.Errorf("section %s not found in %v", id, ids)
		}
	}
}
