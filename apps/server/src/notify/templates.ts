import { translator } from './i18n.ts';
import type { Mail } from './mailer.ts';

export type Lang = 'fr' | 'en';
export const langOf = (locale: string | null | undefined): Lang => (locale?.startsWith('en') ? 'en' : 'fr');

/** The words of an e-mail's frame and of the weekly digest, in a language (notify/i18n.ts). */
export function digestTexts(lang: Lang) {
  const t = translator(lang);
  return {
    hello: (name: string) => t('mail.hello', { name }),
    open: t('mail.open'),
    footer: t('mail.footer'),
    why: t('mail.why'),
    prefs: t('mail.prefs'),
    unsubscribe: t('mail.unsubscribe'),
    digestSubject: (count: number) => t('mail.digest.subject', { count }),
    digestIntro: t('mail.digest.intro'),
    kinds: t('mail.digest.kinds', { returnObjects: true }) as unknown as Record<string, string>,
  };
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface MailParts {
  to: string;
  name: string;
  lang: Lang;
  subject: string;
  /** Paragraphs of plain text; each becomes a <p> in the HTML part. */
  paragraphs: string[];
  link?: string | null;
  publicUrl: string;
  unsubscribeToken: string;
  /** Sections of a digest: a heading and its items. */
  sections?: { heading: string; items: { title: string; body: string; link?: string | null }[] }[];
}

/**
 * One e-mail in the person's language: a plain-text part people can read in any client, an HTML
 * part with the same content, and List-Unsubscribe headers (one-click, RFC 8058) so mail clients
 * offer "unsubscribe" next to the sender.
 */
export function renderMail(p: MailParts): Mail & { headers: Record<string, string> } {
  const t = digestTexts(p.lang);
  const line = (label: string, value: string) => translator(p.lang)('line', { label, value });
  const abs = (link: string) => (link.startsWith('http') ? link : `${p.publicUrl}${link}`);
  const unsubscribe = `${p.publicUrl}/api/notifications/unsubscribe?token=${encodeURIComponent(p.unsubscribeToken)}`;
  const prefs = `${p.publicUrl}/notifications`;
  const textSections = (p.sections ?? []).map(
    (s) =>
      `${s.heading}\n${'-'.repeat(s.heading.length)}\n${s.items
        .map((i) => `• ${i.title}\n  ${i.body}${i.link ? `\n  ${abs(i.link)}` : ''}`)
        .join('\n')}`,
  );
  const text = [
    t.hello(p.name),
    ...p.paragraphs,
    ...textSections,
    ...(p.link ? [line(t.open, abs(p.link))] : []),
    `--\n${t.footer}\n${t.why}\n${line(t.prefs, prefs)}\n${line(t.unsubscribe, unsubscribe)}`,
  ].join('\n\n');
  const htmlSections = (p.sections ?? [])
    .map(
      (s) =>
        `<h2 style="font-size:16px;margin:20px 0 8px">${esc(s.heading)}</h2><ul style="padding-left:18px">${s.items
          .map(
            (i) =>
              `<li style="margin-bottom:8px"><strong>${esc(i.title)}</strong><br>${esc(i.body)}${
                i.link ? `<br><a href="${esc(abs(i.link))}">${esc(t.open)}</a>` : ''
              }</li>`,
          )
          .join('')}</ul>`,
    )
    .join('');
  const html = `<!doctype html><html lang="${p.lang}"><body style="font-family:system-ui,sans-serif;color:#1f2d2a;line-height:1.5;max-width:600px">
<p>${esc(t.hello(p.name))}</p>
${p.paragraphs.map((x) => `<p>${esc(x).replace(/\n/g, '<br>')}</p>`).join('\n')}
${htmlSections}
${p.link ? `<p><a href="${esc(abs(p.link))}" style="display:inline-block;background:#2f6f5e;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${esc(t.open)}</a></p>` : ''}
<hr style="border:none;border-top:1px solid #d5ddd9;margin:24px 0 12px">
<p style="font-size:12px;color:#5b6b66">${esc(t.footer)}<br>${esc(t.why)}<br><a href="${esc(prefs)}">${esc(t.prefs)}</a> · <a href="${esc(unsubscribe)}">${esc(t.unsubscribe)}</a></p>
</body></html>`;
  return {
    to: p.to,
    subject: p.subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
