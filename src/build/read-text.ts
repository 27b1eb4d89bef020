import type { DiagnosticList } from './diagnostics';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a content file. UTF-8 (with or without a byte-order mark) is expected; UTF-16 with a
 * byte-order mark is read too. Anything else is read as Windows-1252, with a warning that
 * names the line of the first byte that is not UTF-8, so the article is kept but the author
 * learns to fix the file.
 */
/**
 * Line endings come out as `\n` (files written on Windows have `\r\n`). Returns undefined for
 * a binary file (it has NUL bytes), with a warning: an image saved as `.md`, say.
 */
export function decodeText(bytes: Uint8Array, file: string, diagnostics: DiagnosticList): string | undefined {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.includes(0)) {
    diagnostics.warn('binary-file', file, 'a binary file, not text; left out of the bundle.');
    return undefined;
  }
  return decode(bytes, file, diagnostics).replace(/\r\n?/g, '\n');
}

function decode(bytes: Uint8Array, file: string, diagnostics: DiagnosticList): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return warnUtf16(new TextDecoder('utf-16le').decode(bytes.subarray(2)), file, diagnostics);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return warnUtf16(new TextDecoder('utf-16be').decode(bytes.subarray(2)), file, diagnostics);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return utf8.decode(bytes.subarray(start));
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = countLines(bytes, at);
    diagnostics.warn(
      'encoding',
      file,
      `not valid UTF-8 (byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at}); read as Windows-1252. Save the file as UTF-8.`,
      line,
    );
    return new TextDecoder('windows-1252').decode(bytes.subarray(start));
  }
}

function warnUtf16(text: string, file: string, diagnostics: DiagnosticList): string {
  diagnostics.warn('encoding', file, 'encoded as UTF-16; read it, but save the file as UTF-8.', 1);
  return text;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}
