/**
 * The files an article may link to or show, and so the build publishes next to the bundle:
 * an allow-list of types a browser never runs as a page or a script on the host's origin.
 * HTML, JavaScript, XML, CSS, fonts and anything unknown are refused; SVG is published only
 * after the build has sanitized it (./html-sanitizer). Each type has the `Content-Type` to
 * serve it with (the Vite plugin uses it; docs/content-format.md tells servers).
 */
import { clipped } from './diagnostics';

export type AssetKind = 'image' | 'svg' | 'audio' | 'video' | 'document' | 'text' | 'archive';

export interface AssetType {
  kind: AssetKind;
  contentType: string;
  /** How the file must start (any of these byte sequences), where the format says so. */
  magic?: number[][];
}

const bytes = (text: string) => [...text].map((c) => c.charCodeAt(0));
const ZIP = [bytes('PK\x03\x04'), bytes('PK\x05\x06')];

export const ASSET_TYPES: ReadonlyMap<string, AssetType> = new Map<string, AssetType>([
  ['png', { kind: 'image', contentType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] }],
  ['jpg', { kind: 'image', contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] }],
  ['jpeg', { kind: 'image', contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] }],
  ['gif', { kind: 'image', contentType: 'image/gif', magic: [bytes('GIF8')] }],
  ['webp', { kind: 'image', contentType: 'image/webp', magic: [bytes('RIFF')] }],
  ['avif', { kind: 'image', contentType: 'image/avif' }],
  ['bmp', { kind: 'image', contentType: 'image/bmp', magic: [bytes('BM')] }],
  ['ico', { kind: 'image', contentType: 'image/x-icon', magic: [[0, 0, 1, 0]] }],
  ['svg', { kind: 'svg', contentType: 'image/svg+xml' }],
  ['mp3', { kind: 'audio', contentType: 'audio/mpeg' }],
  ['m4a', { kind: 'audio', contentType: 'audio/mp4' }],
  ['ogg', { kind: 'audio', contentType: 'audio/ogg', magic: [bytes('OggS')] }],
  ['oga', { kind: 'audio', contentType: 'audio/ogg', magic: [bytes('OggS')] }],
  ['opus', { kind: 'audio', contentType: 'audio/ogg', magic: [bytes('OggS')] }],
  ['wav', { kind: 'audio', contentType: 'audio/wav', magic: [bytes('RIFF')] }],
  ['flac', { kind: 'audio', contentType: 'audio/flac', magic: [bytes('fLaC')] }],
  ['mp4', { kind: 'video', contentType: 'video/mp4' }],
  ['m4v', { kind: 'video', contentType: 'video/mp4' }],
  ['webm', { kind: 'video', contentType: 'video/webm', magic: [[0x1a, 0x45, 0xdf, 0xa3]] }],
  ['ogv', { kind: 'video', contentType: 'video/ogg', magic: [bytes('OggS')] }],
  ['pdf', { kind: 'document', contentType: 'application/pdf', magic: [bytes('%PDF-')] }],
  ['docx', { kind: 'document', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP }],
  ['xlsx', { kind: 'document', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP }],
  ['pptx', { kind: 'document', contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: ZIP }],
  ['odt', { kind: 'document', contentType: 'application/vnd.oasis.opendocument.text', magic: ZIP }],
  ['ods', { kind: 'document', contentType: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP }],
  ['txt', { kind: 'text', contentType: 'text/plain; charset=utf-8' }],
  ['csv', { kind: 'text', contentType: 'text/csv; charset=utf-8' }],
  ['tsv', { kind: 'text', contentType: 'text/tab-separated-values; charset=utf-8' }],
  ['log', { kind: 'text', contentType: 'text/plain; charset=utf-8' }],
  ['zip', { kind: 'archive', contentType: 'application/zip', magic: ZIP }],
  ['gz', { kind: 'archive', contentType: 'application/gzip', magic: [[0x1f, 0x8b]] }],
  ['tgz', { kind: 'archive', contentType: 'application/gzip', magic: [[0x1f, 0x8b]] }],
  ['tar', { kind: 'archive', contentType: 'application/x-tar' }],
  ['bz2', { kind: 'archive', contentType: 'application/x-bzip2', magic: [bytes('BZh')] }],
  ['xz', { kind: 'archive', contentType: 'application/x-xz', magic: [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]] }],
  ['7z', { kind: 'archive', contentType: 'application/x-7z-compressed', magic: [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]] }],
]);

/** Extensions a browser runs (or renders as a page that can run script): named in the refusal. */
const RUNNABLE = new Set([
  'html',
  'htm',
  'xhtml',
  'shtml',
  'xht',
  'js',
  'mjs',
  'cjs',
  'xml',
  'xsl',
  'xslt',
  'css',
  'wasm',
  'swf',
  'hta',
  'svgz',
  'php',
  'jsp',
  'asp',
  'aspx',
]);

/** Kinds shown in place (the rest are downloads: serve them with `Content-Disposition: attachment`). */
export const INLINE_KINDS: ReadonlySet<AssetKind> = new Set(['image', 'svg', 'audio', 'video']);

/** The extension of a file name, lower case, without the dot (`''` for none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The type of a file the build may publish, or why it may not. */
export function assetType(name: string): AssetType | { refused: string } {
  const extension = extensionOf(name);
  const type = ASSET_TYPES.get(extension);
  if (type) return type;
  if (RUNNABLE.has(extension))
    return { refused: `.${extension} files are not published: a browser would run it as a page or script on your site` };
  const what = extension ? `.${clipped(extension, 19)} files are` : 'files without an extension are';
  return { refused: `${what} not published (images, SVG, PDF and office documents, audio, video, plain text and archives are)` };
}

/** True when `content` starts as its type says files of that type start (or the type says nothing). */
export function hasExpectedStart(type: AssetType, content: Uint8Array): boolean {
  return !type.magic || type.magic.some((start) => start.every((byte, i) => content[i] === byte));
}
