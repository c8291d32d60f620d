package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/vanban/vanban/rules"
)

func newRulesCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Xem và kiểm tra các quy tắc (loại văn bản, mã cơ quan, đơn vị, thời hạn…)",
	}
	var asJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: "Liệt kê các quy tắc đang dùng và nơi khai báo",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := a.extractor(); err != nil {
				return err
			}
			type row struct {
				Rule   string `json:"rule"`
				Name   string `json:"name"`
				Origin string `json:"origin"`
			}
			var rows []row
			add := func(kind string, t rules.Tested, name string) {
				rows = append(rows, row{rules.RuleID(kind, t.ID), name, t.Origin.String()})
			}
			rs := a.rs
			for _, e := range rs.DocTypes {
				add("doctype", e.Tested, e.Name)
			}
			for _, e := range rs.Issuers {
				add("issuer", e.Tested, e.Name)
			}
			for _, e := range rs.Units {
				add("unit", e.Tested, fmt.Sprint(e.Heads))
			}
			for _, e := range rs.Roles {
				add("role", e.Tested, e.Name)
			}
			for _, e := range rs.Qualifiers {
				add("qualifier", e.Tested, fmt.Sprint(e.Phrases))
			}
			for _, e := range rs.Deadlines {
				add("deadline", e.Tested, fmt.Sprint(e.Phrases))
			}
			for _, e := range rs.Titles {
				add("title", e.Tested, fmt.Sprint(e.Names))
			}
			for _, e := range rs.Abbreviations {
				add("abbreviation", e.Tested, e.Short+" = "+e.Long)
			}
			for _, e := range rs.Laws {
				add("law", e.Tested, e.Name+" "+e.Number)
			}
			if asJSON {
				return writeJSON(a.out, rows)
			}
			for _, r := range rows {
				fmt.Fprintf(a.out, "%-32s %-50.50s %s\n", r.Rule, r.Name, r.Origin)
			}
			fmt.Fprintf(a.out, "%d quy tắc từ %d tệp.\n", len(rows), len(rs.Files))
			return nil
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "in JSON")
	test := &cobra.Command{
		Use:   "test",
		Short: "Chạy các ví dụ và phản ví dụ của mọi quy tắc",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := a.extractor()
			if err != nil {
				return err
			}
			fails := x.TestRules()
			for _, f := range fails {
				fmt.Fprintln(a.out, f)
			}
			if len(fails) > 0 {
				fmt.Fprintf(a.out, "%d ví dụ không đúng như quy tắc mô tả.\n", len(fails))
				return silentError{exitFailed}
			}
			fmt.Fprintln(a.out, "Mọi ví dụ và phản ví dụ đều đúng.")
			return nil
		},
	}
	cmd.AddCommand(list, test)
	return cmd
}
