/**
 * Text made safe for a terminal: control characters (newlines, ESC sequences, bells, the C1
 * range, bidirectional overrides) in text that came from outside — file names, fields, library
 * messages — are shown as visible escapes instead of acting on the terminal. `keepNewlines`
 * keeps line breaks of messages we composed (lists of problems).
 */
export function printable(text: string, keepNewlines = false): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) =>
    keepNewlines && ch === '\n' ? ch : `\\u{${ch.codePointAt(0)?.toString(16)}}`,
  );
}
