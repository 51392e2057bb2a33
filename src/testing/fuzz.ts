import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { stringify } from 'csv-stringify/sync';
import { randomCases } from './cases.ts';
import { encodeGbk } from './fixtures.ts';
import { Random } from './random.ts';

/**
 * Fuzz corpus generators (fixed seeds): hostile variants of real outputs — a rendered PDF,
 * DOCX or HTML report, an import CSV — as probing found them: bytes changed, digits changed,
 * runs blanked, truncation, repeated chunks; and structure-aware damage (deep nesting, huge
 * spans, broken XML inside an intact ZIP, operators by the hundred thousand, control
 * characters and formulas in CSV fields, other encodings). The test suite runs a small corpus;
 * `npm run fuzz` a large one.
 */
export type FuzzKind = 'pdf' | 'docx' | 'html' | 'csv' | 'ofd';

export interface FuzzFile {
  name: string;
  kind: FuzzKind;
  /** What was done to it, for messages. */
  how: string;
  bytes: Uint8Array;
}

/** The intact files the corpus damages (the PDF from Chromium, the others from our renderers). */
export interface FuzzBases {
  pdf: Uint8Array;
  docx: Uint8Array;
  html: string;
  /** An OFD package (src/testing/render-ofd.ts), for the `ofd` kind. */
  ofd?: Uint8Array;
}

/** Random byte damage: bytes changed, digits changed, runs blanked, a chunk repeated, the end cut. */
export function damageBytes(base: Uint8Array, rng: Random): { bytes: Uint8Array; how: string } {
  let bytes = base.slice();
  const steps: string[] = [];
  for (let k = rng.int(1, 20); k > 0; k--) {
    const at = rng.int(0, bytes.length - 1);
    const mode = rng.int(0, 4);
    if (mode === 0) bytes[at] = rng.int(0, 255);
    else if (mode === 1) bytes[at] = 0x30 + rng.int(0, 9);
    else if (mode === 2) bytes.fill(0x20, at, Math.min(bytes.length, at + rng.int(1, 200)));
    else if (mode === 3) {
      const len = rng.int(1, 2000);
      const chunk = bytes.slice(at, at + len);
      const out = new Uint8Array(bytes.length + chunk.length);
      out.set(bytes.subarray(0, at));
      out.set(chunk, at);
      out.set(bytes.subarray(at), at + chunk.length);
      bytes = out;
    } else if (rng.chance(0.3)) bytes = bytes.slice(0, Math.max(1, at));
    steps.push(['byte', 'digit', 'blank', 'repeat', 'cut'][mode] as string);
  }
  return { bytes, how: steps.join('+') };
}

/** A PDF built by hand around one content stream (a correct cross-reference table). */
export function rawPdf(content: string, extra = ''): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${extra} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out, true);
}

function structuralPdf(rng: Random): { bytes: Uint8Array; how: string } {
  const n = rng.int(20_000, 200_000);
  switch (rng.int(0, 4)) {
    case 0:
      return { bytes: rawPdf(`${'q '.repeat(n)}BT /F1 12 Tf 72 700 Td (x) Tj ET`), how: `${n} nested q` };
    case 1:
      return { bytes: rawPdf('BT /F1 12 Tf 72 700 Td (x) Tj ET', `/Deep ${'['.repeat(n)}${']'.repeat(n)}`), how: `array nested ${n}` };
    case 2:
      return { bytes: rawPdf(`BT /F1 12 Tf ${'72 700 Td (1) Tj '.repeat(n / 10)}ET`), how: `${n / 10} text operators` };
    case 3:
      return {
        bytes: rawPdf('BT /F1 12 Tf 72 700 Td (x) Tj ET', `/Self 3 0 R /Loop << /A 3 0 R /B ${'<< /C '.repeat(2000)}1${' >>'.repeat(2000)} >>`),
        how: 'cycles and nested dictionaries',
      };
    default:
      return { bytes: rawPdf(`BT /F1 12 Tf 72 700 Td <${'41'.repeat(n)}> Tj ET`), how: `hex string of ${n}` };
  }
}

function damageXml(xml: string, rng: Random): { xml: string; how: string } {
  switch (rng.int(0, 4)) {
    case 0: {
      const n = rng.int(2000, 50_000);
      const at = xml.indexOf('<w:body>') + 8;
      return { xml: `${xml.slice(0, at)}${'<w:p><w:r>'.repeat(n)}${xml.slice(at)}`, how: `${n} unclosed paragraphs` };
    }
    case 1:
      return { xml: xml.replace(/<w:gridSpan w:val="\d+"\/>/g, '<w:gridSpan w:val="1000000000"/>'), how: 'gridSpan 1e9' };
    case 2: {
      const at = rng.int(0, xml.length - 1);
      return { xml: xml.slice(0, at) + xml.slice(at + rng.int(1, 500)), how: 'XML cut' };
    }
    case 3:
      return { xml: xml.replace('<w:body>', `<w:body><!DOCTYPE x [<!ENTITY a "${'A'.repeat(1000)}">]>`), how: 'entity declaration' };
    default:
      return { xml: xml.replace(/<w:t>/g, () => (rng.chance(0.1) ? '<w:t>\u0000\u001b[2J' : '<w:t>')), how: 'control characters in text' };
  }
}

function docxVariant(base: Uint8Array, rng: Random): { bytes: Uint8Array; how: string } {
  if (rng.chance(0.4)) return damageBytes(base, rng);
  const files = unzipSync(base);
  const name = 'word/document.xml';
  const { xml, how } = damageXml(strFromU8(files[name] as Uint8Array), rng);
  files[name] = strToU8(xml);
  return { bytes: zipSync(files), how };
}

function damageOfdXml(xml: string, rng: Random): { xml: string; how: string } {
  switch (rng.int(0, 6)) {
    case 0: {
      const n = rng.int(2000, 50_000);
      return { xml: xml.replace('<ofd:Content>', `<ofd:Content><ofd:Layer>${'<ofd:PageBlock>'.repeat(n)}`), how: `${n} unclosed page blocks` };
    }
    case 1:
      return { xml: xml.replace(/DeltaX="[^"]*"/, 'DeltaX="g 1000000000 1"'), how: 'DeltaX run of 1e9' };
    case 2: {
      const at = rng.int(0, xml.length - 1);
      return { xml: xml.slice(0, at) + xml.slice(at + rng.int(1, 500)), how: 'XML cut' };
    }
    case 3:
      return { xml: xml.replace('<ofd:Content>', `<!DOCTYPE x [<!ENTITY a "${'A'.repeat(1000)}">]><ofd:Content>`), how: 'entity declaration' };
    case 4:
      return {
        xml: xml.replace(/Boundary="[^"]*"/g, () => (rng.chance(0.2) ? 'Boundary="1e308 -1e308 NaN 1"' : 'Boundary="0 0 1 1"')),
        how: 'wild boundaries',
      };
    case 5:
      return {
        xml: xml.replace(/<ofd:AbbreviatedData>/g, () => (rng.chance(0.2) ? '<ofd:AbbreviatedData>M 1 L Q B 9e999 ' : '<ofd:AbbreviatedData>')),
        how: 'broken path data',
      };
    default:
      return { xml: xml.replace(/(<ofd:TextCode[^>]*>)/g, (t) => (rng.chance(0.1) ? `${t}\u0000\u001b[2J` : t)), how: 'control characters in text' };
  }
}

function ofdVariant(base: Uint8Array, rng: Random): { bytes: Uint8Array; how: string } {
  if (rng.chance(0.4)) return damageBytes(base, rng);
  const files = unzipSync(base);
  const name = rng.pick(Object.keys(files).filter((n) => n.endsWith('.xml')));
  const { xml, how } = damageOfdXml(strFromU8(files[name] as Uint8Array), rng);
  files[name] = strToU8(xml);
  return { bytes: zipSync(files), how: `${name}: ${how}` };
}

function htmlVariant(base: string, rng: Random): { bytes: Uint8Array; how: string } {
  switch (rng.int(0, 5)) {
    case 0: {
      const n = rng.int(1000, 20_000);
      return { bytes: strToU8(base.replace('<body>', `<body>${'<div>'.repeat(n)}`)), how: `${n} unclosed divs` };
    }
    case 1:
      return { bytes: strToU8(base.replace(/<td/g, '<td colspan="1000000000" rowspan="65534"')), how: 'huge spans' };
    case 2:
      return { bytes: strToU8(base.replace(/<\/?(tr|td|table)>/g, (t) => (rng.chance(0.3) ? '' : t))), how: 'table tags dropped' };
    case 3:
      return { bytes: strToU8(base.replace('<head>', '<head><meta charset="x-unknown"><meta charset="utf-7">')), how: 'bogus charsets' };
    case 4:
      return { bytes: strToU8(base.replace(/<p>/g, () => (rng.chance(0.2) ? '<p>\u0000\u001b]0;x\u0007' : '<p>'))), how: 'control characters' };
    default:
      return damageBytes(strToU8(base), rng);
  }
}

const CSV_NASTY = [
  '\u0000',
  '"',
  '=HYPERLINK("http://x")',
  '+1',
  '@SUM(A1)',
  '\r',
  '\u001b[2J',
  '字'.repeat(20_000),
  '2007-01-01',
  '2999-01-01',
  '２０２４年３月１日',
];

function csvVariant(seed: number, rng: Random): { bytes: Uint8Array; how: string } {
  const rows = randomCases(seed, rng.int(1, 20), [2023, 2024]);
  const columns = Object.keys(rows[0] ?? {});
  const steps: string[] = [];
  for (let k = rng.int(0, 4); k > 0; k--) {
    const row = rng.pick(rows);
    const column = rng.pick(columns);
    const nasty = rng.pick(CSV_NASTY);
    row[column] = rng.chance(0.5) ? nasty : `${row[column] ?? ''}${nasty}`;
    steps.push(`${column}:${JSON.stringify(nasty.slice(0, 12))}`);
  }
  let text = stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]);
  if (rng.chance(0.2)) {
    text = text.replace(/"/g, () => (rng.chance(0.3) ? '' : '"'));
    steps.push('quotes dropped');
  }
  const encoding = rng.pick(['utf-8', 'utf-8-bom', 'gbk', 'utf-16le', 'damaged'] as const);
  steps.push(encoding);
  const bytes =
    encoding === 'gbk'
      ? encodeGbk(text)
      : encoding === 'utf-16le'
        ? new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
        : encoding === 'utf-8-bom'
          ? strToU8(`\ufeff${text}`)
          : encoding === 'damaged'
            ? damageBytes(strToU8(text), rng).bytes
            : strToU8(text);
  return { bytes, how: steps.join(' ') };
}

function ofdBase(bases: FuzzBases): Uint8Array {
  if (!bases.ofd) throw new Error('fuzzFiles("ofd") needs bases.ofd (renderOfd of a report)');
  return bases.ofd;
}

/** `count` hostile files of a kind, the same for the same seed. */
export function fuzzFiles(kind: FuzzKind, bases: FuzzBases, seed: number, count: number): FuzzFile[] {
  const rng = new Random(seed);
  const out: FuzzFile[] = [];
  for (let i = 0; i < count; i++) {
    const v =
      kind === 'pdf'
        ? rng.chance(0.15)
          ? structuralPdf(rng)
          : damageBytes(bases.pdf, rng)
        : kind === 'docx'
          ? docxVariant(bases.docx, rng)
          : kind === 'html'
            ? htmlVariant(bases.html, rng)
            : kind === 'ofd'
              ? ofdVariant(ofdBase(bases), rng)
              : csvVariant(seed * 1000 + i, rng);
    out.push({ name: `fuzz-${seed}-${i}.${kind}`, kind, how: v.how, bytes: v.bytes });
  }
  return out;
}
