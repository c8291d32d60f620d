#!/usr/bin/env bash
# Makes the DOCX and PDF versions of the reference plan with real tools:
# the text is reflowed by vanban (one paragraph per line), laid out as an
# HTML page in Liberation Serif (metric-compatible with Times New Roman, with
# Vietnamese glyphs in fonts-liberation2), with Nơi nhận and the signature
# side by side in a two-column table as in real plans, then converted by
# LibreOffice: HTML → DOCX, DOCX → PDF.
#
# Needs: go, python3, libreoffice-writer-nogui, fonts-liberation2.
# Run from the repository root: bash samples/make-samples.sh
set -euo pipefail
name=ke-hoach-dan-van-phu-lien-2025
work=$(mktemp -d)
go run ./cmd/vanban extract --normalized "samples/$name.txt" > "$work/$name.norm.txt"
python3 - "$work/$name.norm.txt" > "$work/$name.html" <<'PY'
import html, sys, re
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l.strip()]
i = lines.index(next(l for l in lines if l.startswith("Nơi nhận")))
body, foot = lines[:i], lines[i:]
sig = next(k for k, l in enumerate(foot) if re.match(r"^(TM|KT|TL)\. ", l))
recips, signature = foot[:sig], foot[sig:]
out = ['<html><head><meta charset="utf-8"><style>body{font-family:"Liberation Serif";font-size:14pt}'
       'p{margin:0 0 6pt 0;text-align:justify}.c{text-align:center;font-weight:bold}</style></head><body>']
for k, l in enumerate(body):
    cls = ' class="c"' if k < 2 else ''
    out.append(f"<p{cls}>{html.escape(l)}</p>")
out.append('<table width="100%"><tr><td width="50%" valign="top">')
out += [f"<p>{html.escape(l)}</p>" for l in recips]
out.append('</td><td width="50%" valign="top">')
out += [f'<p class="c">{html.escape(l)}</p>' for l in signature[:-1]]
out.append('<p class="c">&nbsp;</p><p class="c">&nbsp;</p>')
out.append(f'<p class="c">{html.escape(signature[-1])}</p>')
out.append("</td></tr></table></body></html>")
print("\n".join(out))
PY
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$name.html" >/dev/null
soffice --headless --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null
cp "$work/$name.docx" "$work/$name.pdf" samples/
rm -rf "$work"
echo "made samples/$name.docx and samples/$name.pdf"
