import { inflateSync } from 'node:zlib';

/**
 * The text a PDF made by PDFKit shows, one string per text operation, for tests: its content streams
 * are deflated and each string is hex glyph codes of the standard fonts (WinAnsi), split for kerning.
 */
export function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue; // an image or a font, not a page's content
    }
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ/g))
      texts.push(
        [...op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''),
      );
  }
  return texts;
}
