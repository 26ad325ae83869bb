import { bothNotice, moduleTexts } from '../../notify/i18n.ts';

// The server's words for tutor teams. A notice names who and where, never what was written: the
// thread and the requests are read in Compagnon, signed in.

const texts = moduleTexts('teams', {
  fr: {
    added: {
      title: 'Vous faites partie de l’équipe « {{team}} »',
      body: 'La coordination de « {{programme}} » vous a ajouté·e à l’équipe « {{team}} » : vous y retrouvez vos collègues, leurs coordonnées, le fil et les rencontres de l’équipe.',
    },
    newMessage: {
      title: 'Nouveau message de {{author}} dans l’équipe',
      body: '{{author}} a écrit dans le fil de l’équipe « {{team}} ». Lisez et répondez dans Compagnon.',
    },
    overload: {
      title: '{{author}} se dit surchargé·e',
      body: '{{author}}, de l’équipe « {{team}} », signale une charge trop lourde. Voyez la page de l’équipe.',
    },
    overloadClosed: {
      title: 'Demande de {{author}} close',
      body: 'La demande « surchargé·e » de {{author}} (équipe « {{team}} ») a été close par {{by}}.',
    },
    moveProposed: {
      title: 'Proposition de relais pour {{tutee}}',
      body: '{{by}} propose que {{tutee}} soit désormais accompagné·e par {{to}} au lieu de {{from}}. Répondez sur la page de l’équipe « {{team}} ».',
    },
    moveToApprove: {
      title: 'Un relais à valider dans l’équipe « {{team}} »',
      body: '{{from}} et {{to}} sont d’accord pour que {{to}} accompagne désormais {{tutee}}. Il reste votre accord, sur la page de l’équipe.',
    },
    moveDone: {
      title: '{{tutee}} est désormais accompagné·e par {{to}}',
      body: 'Dans « {{programme}} », {{to}} accompagne désormais {{tutee}}, à la place de {{from}}.',
    },
    moveDeclined: {
      title: 'Relais pour {{tutee}} non retenu',
      body: 'Le relais de {{tutee}} de {{from}} vers {{to}} n’est pas retenu ({{by}}).',
    },
  },
  en: {
    added: {
      title: 'You are in the team “{{team}}”',
      body: 'The coordination of “{{programme}}” added you to the team “{{team}}”: your colleagues, their contact details, the team’s thread and meetings are there.',
    },
    newMessage: {
      title: 'New message from {{author}} in the team',
      body: '{{author}} wrote in the thread of the team “{{team}}”. Read and answer in Compagnon.',
    },
    overload: {
      title: '{{author}} says they are overloaded',
      body: '{{author}}, of the team “{{team}}”, reports too heavy a load. See the team’s page.',
    },
    overloadClosed: {
      title: '{{author}}’s request closed',
      body: 'The “overloaded” request of {{author}} (team “{{team}}”) was closed by {{by}}.',
    },
    moveProposed: {
      title: 'A hand-over proposed for {{tutee}}',
      body: '{{by}} proposes that {{to}} accompanies {{tutee}} from now on instead of {{from}}. Answer on the page of the team “{{team}}”.',
    },
    moveToApprove: {
      title: 'A hand-over to approve in the team “{{team}}”',
      body: '{{from}} and {{to}} agree that {{to}} accompanies {{tutee}} from now on. Your approval remains, on the team’s page.',
    },
    moveDone: {
      title: '{{tutee}} is now accompanied by {{to}}',
      body: 'In “{{programme}}”, {{to}} now accompanies {{tutee}}, instead of {{from}}.',
    },
    moveDeclined: {
      title: 'Hand-over of {{tutee}} not made',
      body: 'The hand-over of {{tutee}} from {{from}} to {{to}} is not made ({{by}}).',
    },
  },
});

type Values = Record<string, string>;
export const addedNotice = (v: Values) => bothNotice(texts, 'added', v);
export const newMessageNotice = (v: Values) => bothNotice(texts, 'newMessage', v);
export const overloadNotice = (v: Values) => bothNotice(texts, 'overload', v);
export const overloadClosedNotice = (v: Values) => bothNotice(texts, 'overloadClosed', v);
export const moveProposedNotice = (v: Values) => bothNotice(texts, 'moveProposed', v);
export const moveToApproveNotice = (v: Values) => bothNotice(texts, 'moveToApprove', v);
export const moveDoneNotice = (v: Values) => bothNotice(texts, 'moveDone', v);
export const moveDeclinedNotice = (v: Values) => bothNotice(texts, 'moveDeclined', v);

/** The reason written on the old pairing when a tutee moves inside a team. */
export const moveReason = { fr: 'Relais au sein de l’équipe', en: 'Handed over inside the team' };
