import { bothNotice, moduleTexts } from '../../notify/i18n.ts';

// The server's words for pair threads. A notice names who wrote and where, never what: the message
// is read in Compagnon, signed in, not in a mailbox or on a phone's lock screen.

const texts = moduleTexts('threads', {
  fr: {
    newMessage: {
      title: 'Nouveau message de {{author}}',
      body: '{{author}} vous a écrit dans « {{programme}} ». Lisez et répondez dans Compagnon.',
    },
  },
  en: {
    newMessage: {
      title: 'New message from {{author}}',
      body: '{{author}} wrote to you in “{{programme}}”. Read and answer in Compagnon.',
    },
  },
});

/** To the other person of the pair: the first of a run of messages they have not read yet. */
export const newMessageNotice = (o: { author: string; programme: string }) =>
  bothNotice(texts, 'newMessage', o);
