package extract

// Record is what vanban extracts from one document. Its JSON field names are
// a public contract (see README): fields may be added, never renamed.
type Record struct {
	Source    SourceInfo `json:"source"`
	Meta      Meta       `json:"meta"`
	Sections  []Section  `json:"sections"`
	Citations []Citation `json:"citations"`
	Units     []Unit     `json:"units"`
	Contacts  []Contact  `json:"contacts"`
	Deadlines []Deadline `json:"deadlines"`
	Tables    []Table    `json:"tables,omitempty"`
	Problems  []Problem  `json:"problems"`
}

// SourceInfo says where the text came from.
type SourceInfo struct {
	Path     string `json:"path"`
	Format   string `json:"format"`             // txt, md, docx, pdf
	Encoding string `json:"encoding,omitempty"` // of text files; legacy ones are converted
	SHA256   string `json:"sha256"`
	Bytes    int    `json:"bytes"`
	Pages    int    `json:"pages,omitempty"`
	OCR      string `json:"ocr,omitempty"` // the OCR engine that read a scan, such as "tesseract (vie)"
}

// Meta is the document's own header and signature.
type Meta struct {
	Type        string   `json:"type"`
	Number      string   `json:"number"`
	Issuer      string   `json:"issuer"`
	ParentBody  string   `json:"parent_body,omitempty"` // cơ quan chủ quản, above the issuer
	Date        string   `json:"date"`                  // ISO, empty when blank in a draft
	DatePartial string   `json:"date_partial,omitempty"`
	Place       string   `json:"place"`
	Subject     string   `json:"subject"`
	Signer      Signer   `json:"signer"`
	Recipients  []string `json:"recipients"`
	Addressees  []string `json:"addressees,omitempty"` // Kính gửi
}

// Signer is the signature block.
type Signer struct {
	Name      string `json:"name"`
	Title     string `json:"title"`
	Authority string `json:"authority"` // TM., KT., TL., TUQ., Q. with what follows
}

// Span is a byte range in the original text with its 1-based line and
// column (in runes) of the start.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
	Line  int `json:"line"`
	Col   int `json:"col"`
}

// Section is a node of the section tree: I., 1., a), Điều 1., Phụ lục …
type Section struct {
	ID      string `json:"id"` // path such as "II.1.a" or "Điều 3"
	Label   string `json:"label"`
	Heading string `json:"heading"`
	Level   int    `json:"level"`
	Span
}

// Citation is one mention of another legal instrument.
type Citation struct {
	Type             string    `json:"type"`
	Number           string    `json:"number,omitempty"` // as written
	NumberNormalized string    `json:"number_normalized,omitempty"`
	Date             string    `json:"date,omitempty"` // ISO
	Issuer           string    `json:"issuer,omitempty"`
	IssuerInferred   bool      `json:"issuer_inferred,omitempty"` // issuer from the number's code, not written
	Title            string    `json:"title,omitempty"`
	Pinpoint         string    `json:"pinpoint,omitempty"`       // khoản 3 Điều 14
	Known            string    `json:"catalog_number,omitempty"` // number from the rules catalog for laws cited by name
	Text             string    `json:"text"`                     // exact span of the original
	Section          string    `json:"section"`
	Rule             string    `json:"rule"`
	ResolvedFrom     *Span     `json:"resolved_from,omitempty"` // full mention that gave date/issuer
	Problems         []Problem `json:"problems,omitempty"`
	Span
}

// Unit is a responsible body with the roles the document gives it.
type Unit struct {
	Name     string        `json:"name"`
	Roles    []string      `json:"roles"`
	Rule     string        `json:"rule"`
	Mentions []UnitMention `json:"mentions"`
}

// UnitMention is one place where a unit is given a role.
type UnitMention struct {
	Text    string   `json:"text"`
	Section string   `json:"section"`
	Roles   []string `json:"roles"`
	Rule    string   `json:"rule"`
	Span
}

// Contact is a person named as a contact point, with a phone number.
type Contact struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
	Unit  string `json:"unit,omitempty"`
	Phone string `json:"phone,omitempty"`
	Text  string `json:"text"`
	Span
}

// Deadline is a time the document sets for an action.
type Deadline struct {
	Text      string  `json:"text"`
	Date      string  `json:"date,omitempty"`      // ISO, when a calendar day is stated
	Period    *Period `json:"period,omitempty"`    // Quý III/2025, tháng 12/2025, năm 2026
	Recurring string  `json:"recurring,omitempty"` // weekly, monthly, quarterly, yearly, continuous
	RecurOn   string  `json:"recur_on,omitempty"`  // day of a recurrence, ISO 8601: "--12-25" each year, "---05" each month
	Time      string  `json:"time,omitempty"`      // 17:00
	Relative  string  `json:"relative,omitempty"`  // "15 ngày kể từ ngày ký"
	Kind      string  `json:"kind"`                // due, from, until, during, recurring, period
	Action    string  `json:"action,omitempty"`    // what must be done
	Unit      string  `json:"unit,omitempty"`      // who must do it
	Section   string  `json:"section"`
	Rule      string  `json:"rule"`
	FromTable bool    `json:"from_table,omitempty"` // read from an assignment table
	Span
}

// Table is a table of the document (one row per line in the text).
type Table struct {
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
	Span
}

// Problem is something wrong or suspicious found in the document.
type Problem struct {
	Code       string `json:"code"`     // malformed_number, doubled_word, blank_number, …
	Severity   string `json:"severity"` // error, warning, info
	Message    string `json:"message"`  // Vietnamese, for people
	Suggestion string `json:"suggestion,omitempty"`
	Rule       string `json:"rule"`
	Span
}

// Period is a span of time named by a month, quarter, half-year or year.
type Period struct {
	Label string `json:"label"` // 2025-11, 2025-Q3, 2025-H2, 2026
	Start string `json:"start"` // first day, ISO
	End   string `json:"end"`   // last day, ISO
}
