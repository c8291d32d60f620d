// Command vanban reads Vietnamese official documents (text, Markdown, DOCX,
// PDF) and extracts their structure, cited instruments, responsible units
// and deadlines. See README.md.
package main

import "os"

func main() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
