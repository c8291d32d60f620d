#!/usr/bin/env bash
# Makes the DOCX and PDF versions of the reference plan with real tools:
# the text is reflowed by vanban (one paragraph per line), laid out as a
# flat ODT document (A4, margins of Nghị định 30/2020) in Liberation Serif (metric-compatible with Times New Roman, with
# Vietnamese glyphs in fonts-liberation2), with Nơi nhận and the signature
# side by side in a two-column table as in real plans, then converted by
# LibreOffice: flat ODT → DOCX, DOCX → PDF.
#
# Needs: go, python3, libreoffice-writer-nogui, fonts-liberation2.
# Run from the repository root: bash samples/make-samples.sh
set -euo pipefail
name=ke-hoach-dan-van-phu-lien-2025
work=$(mktemp -d)
go run ./cmd/vanban extract --normalized "samples/$name.txt" > "$work/$name.norm.txt"
python3 - "$work/$name.norm.txt" > "$work/$name.fodt" <<'PY'
import html, sys, re
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l.strip()]
i = lines.index(next(l for l in lines if l.startswith("Nơi nhận")))
body, foot = lines[:i], lines[i:]
sig = next(k for k, l in enumerate(foot) if re.match(r"^(TM|KT|TL)\. ", l))
recips, signature = foot[:sig], foot[sig:]
e = html.escape
P = lambda style, t: f'<text:p text:style-name="{style}">{e(t)}</text:p>'
out = ["""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="14pt"/></style:default-style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2cm"/></style:page-layout>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.15cm" fo:text-indent="1cm"/></style:style>
<style:style style:name="Left" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Sig" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
<style:style style:name="T.A" style:family="table-column"><style:table-column-properties style:column-width="8cm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>"""]
for k, l in enumerate(body):
    out.append(P("Head" if k < 2 else "Body", l))
out.append('<table:table table:name="Footer" table:style-name="T"><table:table-column table:style-name="T.A" table:number-columns-repeated="2"/><table:table-row><table:table-cell office:value-type="string">')
out += [P("Left", l) for l in recips]
out.append('</table:table-cell><table:table-cell office:value-type="string">')
out += [P("Sig", l) for l in signature[:-1]]
out += [P("Sig", ""), P("Sig", ""), P("Sig", signature[-1])]
out.append("</table:table-cell></table:table-row></table:table></office:text></office:body></office:document>")
print("\n".join(out))
PY
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$name.fodt" >/dev/null
soffice --headless --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null
cp "$work/$name.docx" "$work/$name.pdf" samples/
rm -rf "$work"
echo "made samples/$name.docx and samples/$name.pdf"
