import type { Mail } from './mailer.ts';

export type Lang = 'fr' | 'en';
export const langOf = (locale: string | null | undefined): Lang => (locale?.startsWith('en') ? 'en' : 'fr');

const texts = {
  fr: {
    hello: (name: string) => `Bonjour ${name},`,
    open: 'Ouvrir dans Compagnon',
    footer: 'Compagnon — tutorat et mentorat des professionnels de santé',
    why: 'Vous recevez ce message parce que vous participez à un programme de tutorat sur Compagnon.',
    prefs: 'Choisir quels messages recevoir, et comment',
    unsubscribe: 'Ne plus recevoir d’e-mails',
    digestSubject: (n: number) =>
      `Votre résumé de la semaine sur Compagnon (${n} ${n > 1 ? 'nouvelles' : 'nouvelle'})`,
    digestIntro: 'Voici ce qui s’est passé cette semaine dans vos programmes :',
    kinds: { alert: 'Suivi des binômes', reminder: 'Rappels', message: 'Messages' } as Record<string, string>,
  },
  en: {
    hello: (name: string) => `Hello ${name},`,
    open: 'Open in Compagnon',
    footer: 'Compagnon — tutoring and mentoring for health professionals',
    why: 'You receive this message because you take part in a tutoring programme on Compagnon.',
    prefs: 'Choose which messages you receive, and how',
    unsubscribe: 'Stop receiving e-mails',
    digestSubject: (n: number) => `Your weekly summary on Compagnon (${n} new)`,
    digestIntro: 'Here is what happened this week in your programmes:',
    kinds: { alert: 'Follow-up of pairs', reminder: 'Reminders', message: 'Messages' } as Record<
      string,
      string
    >,
  },
};

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
  const t = texts[p.lang];
  const abs = (link: string) => (link.startsWith('http') ? link : `${p.publicUrl}${link}`);
  const unsubscribe = `${p.publicUrl}/api/notifications/unsubscribe?token=${encodeURIComponent(p.unsubscribeToken)}`;
  const prefs = `${p.publicUrl}/notifications`;
  // French typography puts a space before the colon.
  const colon = p.lang === 'fr' ? ' : ' : ': ';
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
    ...(p.link ? [`${t.open}${colon}${abs(p.link)}`] : []),
    `--\n${t.footer}\n${t.why}\n${t.prefs}${colon}${prefs}\n${t.unsubscribe}${colon}${unsubscribe}`,
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

export const digestTexts = (lang: Lang) => texts[lang];
