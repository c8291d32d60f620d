// Package rules holds the Vietnamese document conventions that vanban's
// recognizers use, as data: document types and their codes, issuer codes,
// unit head words, role verbs, deadline phrases, signer titles,
// abbreviations and a catalog of frequently cited instruments.
//
// The built-in rules are YAML files embedded from builtin/. Users add their
// own directories on top (Load's dirs): each file declares its kind and a
// list of entries. Loading is strict: an unknown key, a missing field, a bad
// pattern or an id used twice is an error naming file and line.
//
// Every entry carries examples and counterexamples; the extract package's
// tests (and `vanban rules test`) run them through the recognizers, so the
// data tests itself. Every extracted item names the rule that produced it
// as "<kind>/<id>".
package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed builtin/*.yaml
var builtin embed.FS

// Origin says where an entry was loaded from.
type Origin struct {
	File string `yaml:"-" json:"file"`
	Line int    `yaml:"-" json:"line"`
}

func (o Origin) String() string { return fmt.Sprintf("%s:%d", o.File, o.Line) }

// Tested is the part every entry shares.
type Tested struct {
	ID              string   `yaml:"id"`
	Examples        []string `yaml:"examples"`
	Counterexamples []string `yaml:"counterexamples"`
	Origin          `yaml:"-"`
}

// DocType is a type of instrument (Quyết định, Luật …).
type DocType struct {
	Tested       `yaml:",inline"`
	Name         string   `yaml:"name"`
	Words        []string `yaml:"words"`         // other names of the type in running text
	Codes        []string `yaml:"codes"`         // type codes inside numbers (QĐ)
	CodePatterns []string `yaml:"code_patterns"` // regexps for codes (QH\d+)
	ByName       bool     `yaml:"by_name"`       // cited by name without a number (Luật)
}

// Issuer is an issuer code with its name.
type Issuer struct {
	Tested       `yaml:",inline"`
	Name         string   `yaml:"name"`
	Codes        []string `yaml:"codes"`
	CodePatterns []string `yaml:"code_patterns"`
	Party        bool     `yaml:"party"`
	Infer        *bool    `yaml:"infer"` // default true: name the issuer from the code
}

// Inferable reports whether the code alone names the issuer.
func (i Issuer) Inferable() bool { return i.Infer == nil || *i.Infer }

// UnitKind lists head words that begin the name of a responsible unit.
type UnitKind struct {
	Tested     `yaml:",inline"`
	Heads      []string `yaml:"heads"`
	Collective bool     `yaml:"collective"`
	Person     bool     `yaml:"person"`
	// Lowercase heads may be written in lowercase when a capitalized
	// name follows them ("lực lượng Kiểm lâm").
	Lowercase bool `yaml:"lowercase"`
}

// Role is a role a unit can be given, with the phrases that give it.
type Role struct {
	Tested  `yaml:",inline"`
	Name    string   `yaml:"name"`
	Part    string   `yaml:"part"` // lead, support or monitor (see RoleParts); empty for the others
	Phrases []string `yaml:"phrases"`
}

// Qualifier is a phrase that may stand between a unit and its role verb
// ("Các sở, ban, ngành theo chức năng, nhiệm vụ được giao phối hợp …"):
// the role is read after it.
type Qualifier struct {
	Tested  `yaml:",inline"`
	Phrases []string `yaml:"phrases"`
}

// RoleParts are the parts a role can play beyond its name: the lead unit
// owns the deadlines of its clause, and assignment tables have a column
// for each part ("Cơ quan chủ trì", "Cơ quan phối hợp", "Theo dõi").
var RoleParts = []string{"lead", "support", "monitor"}

// DeadlinePhrase turns dates and periods near it into deadlines.
type DeadlinePhrase struct {
	Tested    `yaml:",inline"`
	Kind      string   `yaml:"kind"` // due, until, from, during, recurring
	Label     bool     `yaml:"label"`
	Recurring string   `yaml:"recurring"`
	Phrases   []string `yaml:"phrases"`
}

// Title is a group of signer titles.
type Title struct {
	Tested `yaml:",inline"`
	Names  []string `yaml:"names"`
}

// Abbreviation maps a short form to its full form.
type Abbreviation struct {
	Tested `yaml:",inline"`
	Short  string `yaml:"short"`
	Long   string `yaml:"long"`
}

// Law is a catalog entry of a frequently cited instrument.
type Law struct {
	Tested     `yaml:",inline"`
	Name       string   `yaml:"name"`
	Aliases    []string `yaml:"aliases"`
	Number     string   `yaml:"number"`
	Date       string   `yaml:"date"`
	Issuer     string   `yaml:"issuer"`
	ReplacedBy string   `yaml:"replaced_by"`
}

// Set is a loaded, validated set of rules.
type Set struct {
	DocTypes      []DocType
	Issuers       []Issuer
	Units         []UnitKind
	Roles         []Role
	Qualifiers    []Qualifier
	Deadlines     []DeadlinePhrase
	Titles        []Title
	Abbreviations []Abbreviation
	Laws          []Law
	Files         []string // files loaded, in order
}

// Kinds are the rule kinds a file can declare.
var Kinds = []string{"doctype", "issuer", "unit", "role", "qualifier", "deadline", "title", "abbreviation", "law"}

// EnvDir is the environment variable naming an extra rules directory.
const EnvDir = "VANBAN_RULES"

// Builtin returns the embedded rules. It panics only if the embedded data is
// broken, which the package tests rule out.
func Builtin() *Set {
	s, err := Load()
	if err != nil {
		panic("vanban: embedded rules are invalid: " + err.Error())
	}
	return s
}

// Load reads the built-in rules and then every *.yaml/*.yml file of each
// directory in dirs, in order. An id already defined is an error.
func Load(dirs ...string) (*Set, error) {
	s := &Set{}
	seen := map[string]Origin{}
	names, _ := fs.Glob(builtin, "builtin/*.yaml")
	sort.Strings(names)
	for _, n := range names {
		data, err := builtin.ReadFile(n)
		if err != nil {
			return nil, err
		}
		if err := s.add("rules/"+n, data, seen); err != nil {
			return nil, err
		}
	}
	for _, d := range dirs {
		if d == "" {
			continue
		}
		var files []string
		for _, pat := range []string{"*.yaml", "*.yml"} {
			m, err := filepath.Glob(filepath.Join(d, pat))
			if err != nil {
				return nil, err
			}
			files = append(files, m...)
		}
		if len(files) == 0 {
			if _, err := os.Stat(d); err != nil {
				return nil, fmt.Errorf("rules directory %s: %w", d, err)
			}
		}
		sort.Strings(files)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			if err := s.add(f, data, seen); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// header is the part of a file read before its kind is known.
type header struct {
	Kind    string      `yaml:"kind"`
	Entries []yaml.Node `yaml:"entries"`
}

func (s *Set) add(file string, data []byte, seen map[string]Origin) error {
	var h header
	if err := yaml.Unmarshal(data, &h); err != nil {
		return fmt.Errorf("%s: %s", file, cleanYAMLError(err))
	}
	if h.Kind == "" {
		return fmt.Errorf("%s:1: missing \"kind\" (one of %s)", file, strings.Join(Kinds, ", "))
	}
	var err error
	switch h.Kind {
	case "doctype":
		err = decodeEntries(file, data, h, &s.DocTypes, seen)
	case "issuer":
		err = decodeEntries(file, data, h, &s.Issuers, seen)
	case "unit":
		err = decodeEntries(file, data, h, &s.Units, seen)
	case "role":
		err = decodeEntries(file, data, h, &s.Roles, seen)
	case "qualifier":
		err = decodeEntries(file, data, h, &s.Qualifiers, seen)
	case "deadline":
		err = decodeEntries(file, data, h, &s.Deadlines, seen)
	case "title":
		err = decodeEntries(file, data, h, &s.Titles, seen)
	case "abbreviation":
		err = decodeEntries(file, data, h, &s.Abbreviations, seen)
	case "law":
		err = decodeEntries(file, data, h, &s.Laws, seen)
	default:
		return fmt.Errorf("%s: unknown kind %q (want one of %s)", file, h.Kind, strings.Join(Kinds, ", "))
	}
	if err != nil {
		return err
	}
	s.Files = append(s.Files, file)
	return nil
}

// entry is implemented by every entry type through Tested.
type entry interface {
	tested() *Tested
	validate() error
}

func (t *Tested) tested() *Tested { return t }

// decodeEntries decodes the whole file strictly (unknown keys are errors)
// and then validates each entry, naming its line.
func decodeEntries[T any, P interface {
	*T
	entry
}](file string, data []byte, h header, dst *[]T, seen map[string]Origin) error {
	var typed struct {
		Kind    string `yaml:"kind"`
		Entries []T    `yaml:"entries"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&typed); err != nil {
		return fmt.Errorf("%s: %s", file, cleanYAMLError(err))
	}
	kind := h.Kind
	for i := range typed.Entries {
		e := P(&typed.Entries[i])
		t := e.tested()
		t.Origin = Origin{File: file, Line: h.Entries[i].Line}
		if t.ID == "" {
			return fmt.Errorf("%s: entry has no id", t.Origin)
		}
		key := kind + "/" + t.ID
		if prev, ok := seen[key]; ok {
			return fmt.Errorf("%s: id %q already defined at %s", t.Origin, key, prev)
		}
		seen[key] = t.Origin
		if err := e.validate(); err != nil {
			return fmt.Errorf("%s: %s %q: %v", t.Origin, kind, t.ID, err)
		}
		if len(t.Examples) == 0 {
			return fmt.Errorf("%s: %s %q: no examples (every rule needs at least one)", t.Origin, kind, t.ID)
		}
	}
	*dst = append(*dst, typed.Entries...)
	return nil
}

func cleanYAMLError(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: unmarshal errors:\n")
	msg = strings.TrimPrefix(msg, "yaml: ")
	return strings.TrimSpace(strings.ReplaceAll(msg, "\n ", ";"))
}

func checkPatterns(ps []string) error {
	for _, p := range ps {
		if _, err := regexp.Compile("^(?:" + p + ")$"); err != nil {
			return fmt.Errorf("bad pattern %q: %v", p, err)
		}
	}
	return nil
}

func (d *DocType) validate() error {
	if d.Name == "" {
		return errors.New("missing name")
	}
	return checkPatterns(d.CodePatterns)
}

func (i *Issuer) validate() error {
	if i.Name == "" {
		return errors.New("missing name")
	}
	if len(i.Codes) == 0 && len(i.CodePatterns) == 0 {
		return errors.New("needs codes or code_patterns")
	}
	return checkPatterns(i.CodePatterns)
}

func (u *UnitKind) validate() error {
	if len(u.Heads) == 0 {
		return errors.New("missing heads")
	}
	return nil
}

func (r *Role) validate() error {
	if r.Name == "" || len(r.Phrases) == 0 {
		return errors.New("needs name and phrases")
	}
	if r.Part != "" && !slices.Contains(RoleParts, r.Part) {
		return fmt.Errorf("part %q is not one of %s", r.Part, strings.Join(RoleParts, ", "))
	}
	return nil
}

func (q *Qualifier) validate() error {
	if len(q.Phrases) == 0 {
		return errors.New("needs phrases")
	}
	return nil
}

var deadlineKinds = map[string]bool{"due": true, "until": true, "from": true, "during": true, "recurring": true}
var recurrences = map[string]bool{"": true, "weekly": true, "monthly": true, "quarterly": true, "semiannual": true, "yearly": true, "continuous": true}

func (d *DeadlinePhrase) validate() error {
	if !deadlineKinds[d.Kind] {
		return fmt.Errorf("kind %q is not one of due, until, from, during, recurring", d.Kind)
	}
	if !recurrences[d.Recurring] {
		return fmt.Errorf("recurring %q is not one of weekly, monthly, quarterly, semiannual, yearly, continuous", d.Recurring)
	}
	if (d.Kind == "recurring") != (d.Recurring != "") {
		return errors.New("recurring is required exactly when kind is recurring")
	}
	if len(d.Phrases) == 0 {
		return errors.New("missing phrases")
	}
	return nil
}

func (t *Title) validate() error {
	if len(t.Names) == 0 {
		return errors.New("missing names")
	}
	return nil
}

func (a *Abbreviation) validate() error {
	if a.Short == "" || a.Long == "" {
		return errors.New("needs short and long")
	}
	return nil
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func (l *Law) validate() error {
	if l.Name == "" {
		return errors.New("missing name")
	}
	if l.Date != "" && !isoDate.MatchString(l.Date) {
		return fmt.Errorf("date %q is not YYYY-MM-DD", l.Date)
	}
	return nil
}

// RuleID returns the id under which items produced by an entry are reported.
func RuleID(kind, id string) string { return kind + "/" + id }
