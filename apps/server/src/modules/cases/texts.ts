import { bothNotice, moduleTexts } from '../../notify/i18n.ts';

// The notices of team cases, French first. None repeats the situation, the thread or the decision:
// they are read in Compagnon, signed in, by the team's members.

const texts = moduleTexts('cases', {
  fr: {
    brought: {
      title: '{{author}} apporte un cas à l’équipe',
      body: '« {{title}} » attend l’avis de l’équipe {{team}}. Lisez-le et répondez dans Compagnon.',
    },
    reply: {
      title: 'Nouveau message sur un cas de l’équipe',
      body: '{{author}} a écrit sur « {{title}} ». Lisez-le dans Compagnon.',
    },
    decided: {
      title: 'Décision enregistrée sur un cas de l’équipe',
      body: '{{author}} a enregistré la décision de l’équipe sur « {{title}} ».',
    },
    shared: {
      title: '{{author}} partage un cas avec la coordination',
      body: 'Un cas de l’équipe {{team}} vous est partagé ({{programme}}). Chacune de vos lectures est tracée.',
    },
  },
  en: {
    brought: {
      title: '{{author}} brings a case to the team',
      body: '“{{title}}” waits for the advice of the team {{team}}. Read it and answer in Compagnon.',
    },
    reply: {
      title: 'New message on a team case',
      body: '{{author}} wrote on “{{title}}”. Read it in Compagnon.',
    },
    decided: {
      title: 'Decision recorded on a team case',
      body: '{{author}} recorded the team’s decision on “{{title}}”.',
    },
    shared: {
      title: '{{author}} shares a case with the coordination',
      body: 'A case of the team {{team}} is shared with you ({{programme}}). Each of your reads is logged.',
    },
  },
});

/** To the teammates: a case was brought to the team. */
export const broughtNotice = (o: { author: string; title: string; team: string }) =>
  bothNotice(texts, 'brought', o);
/** To the other members: a new message on a case. */
export const caseReplyNotice = (o: { author: string; title: string }) => bothNotice(texts, 'reply', o);
/** To the other members: a decision was recorded. */
export const decidedNotice = (o: { author: string; title: string }) => bothNotice(texts, 'decided', o);
/** To the programme's coordinators: the author shared a case with them. */
export const sharedNotice = (o: { author: string; team: string; programme: string }) =>
  bothNotice(texts, 'shared', o);
