/** A brand as its messages show it: LaderThuis.nl mail does not look like ChargeCars mail. */
export type Brand = { id: string; name: string; brandColor: string; website: string; emailFrom: string };

/**
 * Messages that belong to no entity (a login link, a partner's webhook notice, a test message) go out as
 * the ChargeCars entity (`chargecars`), whose overrides they take; the platform cannot read the entities
 * table, so its face is written here as the demo data has it.
 */
export const PLATFORM_BRAND: Brand = {
  id: 'chargecars',
  name: 'ChargeCars',
  brandColor: '#15803d',
  website: 'https://chargecars.nl',
  emailFrom: 'planning@chargecars.nl',
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const color = (c: string) => (/^#[0-9a-f]{3,8}$/i.test(c) ? c : '#0b5fff');
const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;
const linked = (escaped: string, style: string) =>
  escaped.replace(URL_IN_TEXT, (url) => `<a href="${url}" style="${style}">${url}</a>`);

/**
 * The body of an e-mail template is plain text: paragraphs apart by an empty line, a paragraph that starts
 * with `# ` is the heading, and web addresses become links. So ops edit text, never HTML, and everything
 * (their text and the variables filled in) is escaped.
 */
function paragraphsOf(body: string) {
  return body
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A message as responsive HTML: one centred column of at most 600 px that narrows with the screen, tables
 * and inline styles because mail clients ignore most CSS, the brand's colour as the header. The plain-text
 * part is the same paragraphs.
 */
export function brandedEmail(brand: Brand, input: { subject: string; body: string; language: 'nl' | 'en' }) {
  const paragraphs = paragraphsOf(input.body);
  const html = paragraphs
    .map((p) =>
      p.startsWith('# ')
        ? `<h1 style="font-size:20px;margin:0 0 16px">${escape(p.slice(2))}</h1>`
        : `<p style="margin:0 0 16px;line-height:1.5">${linked(escape(p), `color:${color(brand.brandColor)}`).replace(/\n/g, '<br>')}</p>`,
    )
    .join('');
  const page = `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(input.subject)}</title></head><body style="margin:0;padding:0;background:#f4f5f7"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center" style="padding:16px 8px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;font-family:Arial,Helvetica,sans-serif;font-size:16px;color:#1f2328"><tr><td style="background:${color(brand.brandColor)};color:#ffffff;padding:20px 24px;border-radius:8px 8px 0 0;font-size:20px;font-weight:bold">${escape(brand.name)}</td></tr><tr><td style="padding:24px;word-break:break-word">${html}</td></tr><tr><td style="padding:16px 24px;font-size:13px;color:#57606a;border-top:1px solid #d0d7de">${escape(brand.name)} · <a href="${escape(brand.website)}" style="color:#57606a">${escape(brand.website.replace(/^https?:\/\//, ''))}</a></td></tr></table></td></tr></table></body></html>`;
  const text = paragraphs.map((p) => (p.startsWith('# ') ? p.slice(2) : p)).join('\n\n');
  return { html: page, text };
}
