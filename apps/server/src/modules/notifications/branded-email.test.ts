import { describe, expect, it } from 'vitest';
import { brandedEmail } from './branded-email.ts';

describe('branded e-mail', () => {
  it("shows the entity's name and colour, escapes what customers typed, and keeps the text part plain", () => {
    const mail = brandedEmail(
      { name: 'LaderThuis.nl', brandColor: '#2563eb', website: 'https://laderthuis.nl' },
      { heading: 'Wij komen', paragraphs: ['Beste <script>alert(1)</script> & co,', 'Tot morgen.'], language: 'nl' },
    );
    expect(mail.html).toContain('background:#2563eb');
    expect(mail.html).toContain('LaderThuis.nl');
    expect(mail.html).toContain('Beste &lt;script&gt;alert(1)&lt;/script&gt; &amp; co,');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.text).toBe('Wij komen\n\nBeste <script>alert(1)</script> & co,\n\nTot morgen.\n\nLaderThuis.nl');
  });

  it('falls back to a safe colour when the stored one is not a colour', () => {
    const mail = brandedEmail(
      { name: 'X', brandColor: 'red;background:url(x)', website: 'https://x.nl' },
      { heading: 'h', paragraphs: [], language: 'en' },
    );
    expect(mail.html).not.toContain('url(x)');
  });
});
