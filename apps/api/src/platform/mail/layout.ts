/**
 * The one layout of every mail Tandem sends: a list of blocks, rendered as plain text (CRLF, a blank
 * line between blocks) and as simple inline-styled HTML that mail clients show alike.
 */
export type MailBlock =
  | { title: string }
  | { paragraph: string }
  | { button: { label: string; url: string } }
  /** Set apart in a shaded box (the employee survey's anonymity promise). */
  | { boxed: string }
  /** Small print: its lines stay lines in text and run on in HTML. */
  | { note: string[] }
  /** Closing lines, one under the other. */
  | { signature: string[] }
  /** Below a rule: a line with a link (unsubscribe). */
  | { footer: { text: string; url: string } };

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const e = escapeHtml;

function textOf(block: MailBlock): string[] {
  if ('title' in block) return [block.title];
  if ('paragraph' in block) return [block.paragraph];
  if ('button' in block) return [`${block.button.label}: ${block.button.url}`];
  if ('boxed' in block) return [block.boxed];
  if ('note' in block) return block.note;
  if ('signature' in block) return block.signature;
  return ['--', `${block.footer.text} ${block.footer.url}`];
}

function htmlOf(block: MailBlock): string {
  if ('title' in block) return `<p style="font-size: 18px; font-weight: bold;">${e(block.title)}</p>`;
  if ('paragraph' in block) return `<p>${e(block.paragraph)}</p>`;
  if ('button' in block) {
    return `<p style="margin: 28px 0;"><a href="${e(block.button.url)}" style="background: #2563eb; color: #ffffff; padding: 12px 22px; border-radius: 6px; text-decoration: none; font-weight: bold;">${e(block.button.label)}</a></p>`;
  }
  if ('boxed' in block) return `<p style="background: #f0f4f8; border-radius: 6px; padding: 12px 16px;">${e(block.boxed)}</p>`;
  if ('note' in block) return `<p style="font-size: 13px; color: #52606d;">${block.note.map(e).join(' ')}</p>`;
  if ('signature' in block) return `<p>${block.signature.map(e).join('<br>')}</p>`;
  return `<hr style="border: none; border-top: 1px solid #e4e7eb; margin-top: 32px;">
<p style="font-size: 12px; color: #7b8794;">${e(block.footer.text)} <a href="${e(block.footer.url)}" style="color: #7b8794;">${e(block.footer.url)}</a></p>`;
}

export function renderMail(language: string, subject: string, blocks: MailBlock[]): { text: string; html: string } {
  const text = [...blocks.flatMap((block, i) => (i === 0 ? textOf(block) : ['', ...textOf(block)])), ''].join('\r\n');
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1f2933; line-height: 1.5; max-width: 560px; margin: 0 auto; padding: 24px;">
${blocks.map(htmlOf).join('\n')}
</body>
</html>
`;
  return { text, html };
}
