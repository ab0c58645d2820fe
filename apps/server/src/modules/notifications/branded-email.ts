/** A brand as its mail shows it: LaderThuis.nl mail does not look like ChargeCars mail. */
export type Brand = { name: string; brandColor: string; website: string };

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const color = (c: string) => (/^#[0-9a-f]{3,8}$/i.test(c) ? c : '#0b5fff');

/**
 * A message as responsive HTML: one centred column of at most 600 px that narrows with the screen, tables
 * and inline styles because mail clients ignore most CSS, the brand's colour as the header. The plain-text
 * part is the same paragraphs.
 */
export function brandedEmail(brand: Brand, input: { heading: string; paragraphs: string[]; language: 'nl' | 'en' }) {
  const body = input.paragraphs
    .map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const html = `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(input.heading)}</title></head><body style="margin:0;padding:0;background:#f4f5f7"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center" style="padding:16px 8px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;font-family:Arial,Helvetica,sans-serif;font-size:16px;color:#1f2328"><tr><td style="background:${color(brand.brandColor)};color:#ffffff;padding:20px 24px;border-radius:8px 8px 0 0;font-size:20px;font-weight:bold">${escape(brand.name)}</td></tr><tr><td style="padding:24px"><h1 style="font-size:20px;margin:0 0 16px">${escape(input.heading)}</h1>${body}</td></tr><tr><td style="padding:16px 24px;font-size:13px;color:#57606a;border-top:1px solid #d0d7de">${escape(brand.name)} · <a href="${escape(brand.website)}" style="color:#57606a">${escape(brand.website.replace(/^https?:\/\//, ''))}</a></td></tr></table></td></tr></table></body></html>`;
  return { html, text: [input.heading, '', ...input.paragraphs.flatMap((p) => [p, '']), brand.name].join('\n') };
}
