import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { guideSections } from './schema.ts';
import type { Lang } from './who5.ts';

/**
 * The tutor's guide for a tutee in difficulty: listen, orient, do not treat. Each organisation may
 * rewrite it in French and in English; until it does, this default applies.
 */
type Section = { title: string; body: string };

export const defaultGuide: Record<Lang, Section[]> = {
  fr: [
    {
      title: '1. Prendre contact, vite et simplement',
      body: 'Proposez un échange dans les deux jours, au calme, par téléphone ou en personne. Une phrase suffit : « J’ai pensé à toi, comment ça va, vraiment ? » Vous n’avez pas à savoir pourquoi la personne ne va pas bien pour l’appeler.',
    },
    {
      title: '2. Écouter plutôt que conseiller',
      body: 'Laissez parler, sans juger, sans minimiser (« ça va passer », « on est tous passés par là »). Reformulez ce que vous entendez. Remerciez la personne de sa confiance. Vous pouvez demander directement si elle a des idées de suicide : en parler ne les provoque pas, cela soulage souvent.',
    },
    {
      title: '3. Ce qu’il vaut mieux éviter',
      body: 'Ne posez pas de diagnostic, ne prescrivez pas, ne devenez pas son médecin : votre rôle est d’accompagner et d’orienter. Ne promettez pas un secret absolu si une vie est en danger. Ne prévenez pas la coordination ou le service sans son accord, sauf danger immédiat.',
    },
    {
      title: '4. Orienter vers une aide indépendante',
      body: 'Montrez l’annuaire d’aide de Compagnon : le médecin traitant, la ligne d’écoute SPS des professionnels de santé (0 805 23 23 36, 24 h/24), le service de santé au travail et le soutien psychologique de la faculté. Proposez d’aider à prendre le premier rendez-vous, si la personne le souhaite.',
    },
    {
      title: '5. En cas de danger immédiat',
      body: 'Si la personne évoque un projet de suicide ou se met en danger : restez avec elle (ou en ligne), appelez le 3114 (prévention du suicide, 24 h/24) ou le 15 (SAMU), le 112 depuis un portable. Dans ce cas seulement, vous pouvez prévenir sans son accord.',
    },
    {
      title: '6. Ce que la coordination peut faire, et ce qu’elle ne fait pas',
      body: 'Elle peut aménager le calendrier des travaux, faciliter un changement de stage ou de tuteur, saisir la médecine du travail, relayer une difficulté collective (signalée anonymement si la personne le souhaite). Elle ne reçoit jamais les réponses aux points sur le moral — seulement des chiffres d’ensemble, jamais pour moins de cinq personnes — et ne remplace pas un soin.',
    },
    {
      title: '7. Et vous',
      body: 'Accompagner quelqu’un qui va mal pèse. Parlez-en à d’autres tuteurs ou à un·e expert·e du programme ; la ligne SPS vous est ouverte à vous aussi.',
    },
  ],
  en: [
    {
      title: '1. Get in touch, soon and simply',
      body: 'Offer a quiet talk within two days, by phone or in person. One sentence is enough: “I was thinking of you — how are you, really?” You do not need to know why the person is struggling to call them.',
    },
    {
      title: '2. Listen rather than advise',
      body: 'Let them talk, without judging or playing it down (“it will pass”, “we all went through it”). Say back what you hear. Thank them for their trust. You may ask directly whether they have thoughts of suicide: talking about it does not cause them, and often brings relief.',
    },
    {
      title: '3. What to avoid',
      body: 'Do not diagnose, do not prescribe, do not become their doctor: your role is to accompany and to point the way. Do not promise absolute secrecy if a life is in danger. Do not tell the coordinators or the department without their agreement, except in immediate danger.',
    },
    {
      title: '4. Point to independent help',
      body: 'Show Compagnon’s help directory: their GP, the SPS listening line for health professionals (0 805 23 23 36, 24/7), the faculty’s occupational health and psychological support. Offer to help book the first appointment, if they wish.',
    },
    {
      title: '5. In immediate danger',
      body: 'If the person speaks of a plan to end their life or is putting themselves in danger: stay with them (or on the line), call 3114 (suicide prevention, 24/7) or 15 (SAMU), 112 from a mobile. Only in this case may you alert others without their agreement.',
    },
    {
      title: '6. What the coordinators can do, and what they do not',
      body: 'They can adjust the portfolio calendar, help change internship or tutor, involve occupational health, raise a collective difficulty (anonymously if the person wishes). They never receive check-in answers — only overall figures, never for fewer than five people — and do not replace care.',
    },
    {
      title: '7. And you',
      body: 'Supporting someone who is struggling weighs on you. Talk about it with other tutors or with an expert of the programme; the SPS line is open to you too.',
    },
  ],
};

/** The organisation's guide in a language: its own text when it wrote one, the default otherwise. */
export async function guideOf(db: Db, orgId: string, lang: Lang) {
  const row = await db
    .selectFrom('wellbeing_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  const own = lang === 'en' ? row?.guide_en : row?.guide_fr;
  return {
    sections: own ? readJson(guideSections, own, `wellbeing_settings.guide_${lang}`) : defaultGuide[lang],
    custom: Boolean(own),
    updatedAt: own ? (row?.updated_at ?? null) : null,
  };
}

/** Saves (or, with null, resets to the default) the guide in one language. */
export async function saveGuide(
  db: Db,
  orgId: string,
  lang: Lang,
  sections: Section[] | null,
  by: string,
  now: Date,
) {
  const text = sections ? JSON.stringify(sections) : null;
  const column = lang === 'en' ? 'guide_en' : 'guide_fr';
  const at = now.toISOString();
  const done = await db
    .updateTable('wellbeing_settings')
    .set({ [column]: text, updated_at: at, updated_by: by })
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0)
    await db
      .insertInto('wellbeing_settings')
      .values({
        org_id: orgId,
        directory_seeded_at: null,
        guide_fr: lang === 'fr' ? text : null,
        guide_en: lang === 'en' ? text : null,
        updated_at: at,
        updated_by: by,
      })
      .execute();
}
