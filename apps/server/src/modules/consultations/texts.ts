import { elide } from '../../domain/elision.ts';
import type { Lang } from '../../notify/templates.ts';

// The notices of expert consultations, French first. None repeats the question or the answers:
// they are read in Compagnon, signed in, and each read by the expert is audited.

type Content = { fr: { title: string; body: string }; en: { title: string; body: string } };
const both = (f: (lang: Lang) => { title: string; body: string }): Content => ({ fr: f('fr'), en: f('en') });

/** To the expert: a question waits for their advice. */
export const askedNotice = (o: { asker: string; programme: string }) =>
  both((lang) =>
    lang === 'fr'
      ? {
          title: `${o.asker} vous demande votre avis`,
          body: `Une question vous attend dans Compagnon (${o.programme}). Vous n’y voyez que ce qui vous est écrit et joint.`,
        }
      : {
          title: `${o.asker} asks for your advice`,
          body: `A question waits for you in Compagnon (${o.programme}). You see only what is written and attached to you.`,
        },
  );

/** To the tutee the case is about (never when the asker anonymised it). */
export const subjectNotice = (o: { asker: string; expert: string; programme: string }) =>
  both((lang) =>
    lang === 'fr'
      ? {
          title: 'Votre situation a été évoquée avec un·e expert·e',
          body: `${o.asker} a demandé l’avis ${elide('de', o.expert)} à votre sujet (${o.programme}). L’expert·e ne lit que la question posée, jamais votre profil ni vos dossiers, et chacune de ses lectures apparaît dans « Qui a consulté mes données », sur votre profil.`,
        }
      : {
          title: 'Your situation was discussed with an expert',
          body: `${o.asker} asked ${o.expert} for advice about you (${o.programme}). The expert reads only the question asked, never your profile or records, and each of their reads shows in “Who read my records” on your profile.`,
        },
  );

/** To the other side of the thread: a new message. */
export const replyNotice = (o: { author: string }) =>
  both((lang) =>
    lang === 'fr'
      ? {
          title: `Nouveau message ${elide('de', o.author)}`,
          body: `${o.author} a écrit sur une demande d’avis d’expert·e. Lisez-le dans Compagnon.`,
        }
      : {
          title: `New message from ${o.author}`,
          body: `${o.author} wrote on a request for an expert’s advice. Read it in Compagnon.`,
        },
  );
