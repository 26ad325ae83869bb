import type { Lang } from '../../notify/templates.ts';

// The server's words for pair threads. A notice names who wrote and where, never what: the message
// is read in Compagnon, signed in, not in a mailbox or on a phone's lock screen.

type Content = Record<Lang, { title: string; body: string }>;

/** To the other person of the pair: the first of a run of messages they have not read yet. */
export const newMessageNotice = (o: { author: string; programme: string }): Content => ({
  fr: {
    title: `Nouveau message de ${o.author}`,
    body: `${o.author} vous a écrit dans « ${o.programme} ». Lisez et répondez dans Compagnon.`,
  },
  en: {
    title: `New message from ${o.author}`,
    body: `${o.author} wrote to you in “${o.programme}”. Read and answer in Compagnon.`,
  },
});
