import type { Db } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Lang } from './who5.ts';

/**
 * An organisation's directory of help: seeded once with the national lines below, then the
 * coordinators' to edit (add the faculty's occupational health and psychological services, the
 * association's own contacts, remove what does not apply). A national entry left as seeded keeps
 * its `preset` and is worded in the reader's language; an edited one is the organisation's text.
 */
interface PresetResource {
  phone: string | null;
  url: string | null;
  confidential: boolean;
  fr: { name: string; purpose: string; hours: string };
  en: { name: string; purpose: string; hours: string };
}

export const nationalResources: Record<string, PresetResource> = {
  '3114': {
    phone: '3114',
    url: 'https://3114.fr',
    confidential: true,
    fr: {
      name: '3114 — numéro national de prévention du suicide',
      purpose:
        'Pour vous si vous pensez au suicide, ou si vous vous inquiétez pour quelqu’un : des soignants formés vous écoutent.',
      hours: '24 h/24, 7 j/7, gratuit',
    },
    en: {
      name: '3114 — French national suicide prevention line',
      purpose:
        'If you are thinking about suicide, or worried about someone: trained health professionals listen.',
      hours: '24/7, free',
    },
  },
  sps: {
    phone: '0805232336',
    url: 'https://www.asso-sps.fr',
    confidential: true,
    fr: {
      name: 'SPS — écoute des professionnels de santé',
      purpose:
        'Des psychologues écoutent les soignants et étudiants en santé en souffrance, et orientent vers une prise en charge.',
      hours: '24 h/24, 7 j/7, gratuit et anonyme',
    },
    en: {
      name: 'SPS — support line for health professionals',
      purpose:
        'Psychologists listen to health professionals and students in difficulty, and help them find care.',
      hours: '24/7, free and anonymous',
    },
  },
  emergency: {
    phone: '15',
    url: null,
    confidential: false,
    fr: {
      name: 'SAMU (15) ou numéro d’urgence européen (112)',
      purpose: 'Une urgence vitale, pour vous ou pour quelqu’un d’autre.',
      hours: '24 h/24, 7 j/7',
    },
    en: {
      name: 'SAMU (15) or European emergency number (112)',
      purpose: 'A life-threatening emergency, for you or someone else.',
      hours: '24/7',
    },
  },
};

export interface ResourceInput {
  name: string;
  purpose: string;
  phone: string | null;
  hours: string | null;
  url: string | null;
  confidential: boolean;
}

export interface Resource extends ResourceInput {
  id: string;
  national: boolean;
}

/** Seeds the national lines into an organisation's directory the first time it is read. */
async function seedOnce(db: Db, orgId: string, now: Date): Promise<void> {
  const settings = await db
    .selectFrom('wellbeing_settings')
    .select('directory_seeded_at')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (settings?.directory_seeded_at) return;
  const at = now.toISOString();
  if (settings) {
    await db
      .updateTable('wellbeing_settings')
      .set({ directory_seeded_at: at })
      .where('org_id', '=', orgId)
      .execute();
  } else {
    await db
      .insertInto('wellbeing_settings')
      .values({
        org_id: orgId,
        directory_seeded_at: at,
        guide_fr: null,
        guide_en: null,
        updated_at: at,
        updated_by: null,
      })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .execute();
  }
  let position = 0;
  for (const [preset, r] of Object.entries(nationalResources)) {
    await db
      .insertInto('wellbeing_resources')
      .values({
        id: newId(),
        org_id: orgId,
        preset,
        name: r.fr.name,
        purpose: r.fr.purpose,
        phone: r.phone,
        hours: r.fr.hours,
        url: r.url,
        confidential: r.confidential ? 1 : 0,
        position: position++,
        updated_at: at,
      })
      .execute();
  }
}

/** The directory in the reader's language (national entries as seeded are translated). */
export async function directory(db: Db, orgId: string, lang: Lang, now: Date): Promise<Resource[]> {
  await seedOnce(db, orgId, now);
  const rows = await db
    .selectFrom('wellbeing_resources')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const preset = r.preset ? nationalResources[r.preset] : undefined;
    const words = preset?.[lang];
    return {
      id: r.id,
      name: words?.name ?? r.name,
      purpose: words?.purpose ?? r.purpose,
      phone: r.phone,
      hours: words?.hours ?? r.hours,
      url: r.url,
      confidential: r.confidential === 1,
      national: r.preset !== null,
    };
  });
}

/**
 * Replaces the directory with the list the coordinator saved, in its order. An entry they did not
 * change keeps its national wording in both languages; an edited one becomes the organisation's.
 */
export async function saveDirectory(
  db: Db,
  orgId: string,
  entries: (ResourceInput & { id: string | null })[],
  lang: Lang,
  now: Date,
): Promise<void> {
  await seedOnce(db, orgId, now);
  const current = await directory(db, orgId, lang, now);
  const byId = new Map(current.map((r) => [r.id, r]));
  const presets = new Map(
    (
      await db
        .selectFrom('wellbeing_resources')
        .select(['id', 'preset'])
        .where('org_id', '=', orgId)
        .execute()
    ).map((r) => [r.id, r.preset]),
  );
  await db.deleteFrom('wellbeing_resources').where('org_id', '=', orgId).execute();
  let position = 0;
  for (const e of entries) {
    const was = e.id ? byId.get(e.id) : undefined;
    const unchanged =
      was &&
      was.name === e.name &&
      was.purpose === e.purpose &&
      was.phone === e.phone &&
      was.hours === e.hours &&
      was.url === e.url &&
      was.confidential === e.confidential;
    await db
      .insertInto('wellbeing_resources')
      .values({
        id: was ? (e.id as string) : newId(),
        org_id: orgId,
        preset: unchanged && e.id ? (presets.get(e.id) ?? null) : null,
        name: e.name,
        purpose: e.purpose,
        phone: e.phone,
        hours: e.hours,
        url: e.url,
        confidential: e.confidential ? 1 : 0,
        position: position++,
        updated_at: now.toISOString(),
      })
      .execute();
  }
}
