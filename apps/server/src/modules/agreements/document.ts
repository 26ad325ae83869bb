import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import type { AppContext } from '../../context.ts';
import { refuse } from '../../http/errors.ts';
import { hashSecret } from '../../lib/ids.ts';
import type { Lang } from '../../notify/i18n.ts';
import type { UserActor } from '../../policy/actor.ts';
import { loadPairingFor } from '../matching/pairings.ts';
import { green, grey, ink, pdfDocument, writeMarkdown } from '../portfolio/pdf-markdown.ts';
import { rulesOf } from '../programmes/templates.ts';
import { ensureVersions } from './charter.ts';
import { mayDownload } from './policy.ts';
import { programmeWithOrg, signaturesOf, type VersionRow } from './queries.ts';
import { type Party, parties } from './schema.ts';
import { charterStatus } from './status.ts';
import { agreementTexts } from './texts.ts';

// The signed charter as a PDF, and its verification. Each copy handed out carries a new code of 12
// characters (about 60 bits), stored only as its SHA-256: whoever holds the copy checks it on the
// public verification page, which answers with the programme, the version and its hash, and the
// signers' names and days — nothing else.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford's base 32: no I, L, O, U

function newCode() {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(32)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** A code as typed: any case, spaces or dashes, O for 0 and I or L for 1. */
export function normaliseCode(typed: string) {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The PDF of the newest version the three signed, for one of the pair or the programme's managers. */
export async function charterDocument(ctx: AppContext, actor: UserActor, pairingId: string) {
  const { pairing, p, manage, read, side } = await loadPairingFor(ctx, actor, pairingId);
  if (!rulesOf(p).charterRequired) throw refuse(409, 'charter_off');
  const now = ctx.clock.now();
  const versions = await ensureVersions(ctx.db, p.id, now);
  const sigs = await signaturesOf(ctx.db, [pairing.id]);
  const signed = charterStatus(versions, sigs).lastComplete;
  if (!mayDownload({ manage, read, side }, signed !== null)) throw refuse(409, 'charter_incomplete');
  const version = signed as VersionRow;
  const code = newCode();
  await ctx.db
    .insertInto('charter_codes')
    .values({
      code_hash: hashSecret(normaliseCode(code)),
      pairing_id: pairing.id,
      version_id: version.id,
      created_by: actor.id,
      created_at: now.toISOString(),
    })
    .execute();
  const g = await programmeWithOrg(ctx.db, p.id);
  const names = await ctx.db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [pairing.tutor_user_id, pairing.tutee_user_id])
    .execute();
  const nameOf = (id: string) => names.find((u) => u.id === id)?.name ?? '';
  const pdf = await charterPdf(
    {
      programme: g.name,
      organisation: g.org_name,
      pair: `${nameOf(pairing.tutor_user_id)} – ${nameOf(pairing.tutee_user_id)}`,
      version,
      signatures: parties.map((party) => {
        const s = sigs.find((x) => x.version_id === version.id && x.party === party);
        return { party, name: s?.signed_name ?? '', at: s?.signed_at ?? '' };
      }),
      code,
      url: `${ctx.config.publicUrl}/verification`,
      zone: g.time_zone,
    },
    actor.locale?.startsWith('en') ? 'en' : 'fr',
    now,
  );
  return { pdf, filename: `charte-v${version.version}.pdf` };
}

export interface CharterDocument {
  programme: string;
  organisation: string;
  pair: string;
  version: { version: number; body: string; body_hash: string; created_at: string };
  signatures: { party: Party; name: string; at: string }[];
  code: string;
  url: string;
  zone: string;
}

const when = (iso: string, zone: string, lang: Lang) =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale(lang).toLocaleString(DateTime.DATETIME_MED);

/** The charter's text drawn from its Markdown, then the three signatures, the hash and the code. */
export function charterPdf(d: CharterDocument, lang: Lang, now: Date): Promise<Buffer> {
  const t = agreementTexts(lang);
  const { doc, done } = pdfDocument(`${t('pdf.title')} — ${d.programme}`);
  const colon = lang === 'fr' ? ' : ' : ': ';
  doc.fillColor(green).fontSize(20).font('Helvetica-Bold').text(t('pdf.title')).font('Helvetica');
  doc.moveDown(0.3).fillColor(ink).fontSize(11);
  doc.text(`${t('pdf.organisation')}${colon}${d.organisation}`);
  doc.text(`${t('pdf.programme')}${colon}${d.programme}`);
  doc.text(`${t('pdf.pair')}${colon}${d.pair}`);
  doc.moveDown(0.3).fillColor(grey).fontSize(9);
  doc.text(t('pdf.version', { version: d.version.version, date: when(d.version.created_at, d.zone, lang) }));
  doc.text(t('pdf.hash', { hash: d.version.body_hash }));
  doc.moveDown(0.3).strokeColor('#d5ddd9').moveTo(50, doc.y).lineTo(545, doc.y).stroke().moveDown(0.5);
  writeMarkdown(doc, d.version.body);
  if (doc.y > 640) doc.addPage();
  doc.moveDown(1).fillColor(green).fontSize(13).font('Helvetica-Bold').text(t('pdf.signatures'), 50);
  doc.font('Helvetica').fillColor(ink).fontSize(10).moveDown(0.3);
  for (const s of d.signatures)
    doc.text(t('pdf.signed', { party: t(`party.${s.party}`), name: s.name, date: when(s.at, d.zone, lang) }));
  doc
    .moveDown(0.8)
    .font('Helvetica-Bold')
    .text(t('pdf.code', { code: d.code }))
    .font('Helvetica');
  doc
    .fillColor(grey)
    .fontSize(9)
    .text(t('pdf.verify', { url: d.url }));
  doc
    .moveDown(0.5)
    .fontSize(8)
    .text(t('pdf.generated', { date: when(now.toISOString(), d.zone, lang), zone: d.zone }));
  doc.end();
  return done;
}

/** The public check of a code: what the charter it was printed on says, or not found. */
export async function verifyCode(ctx: AppContext, typed: string) {
  const row = await ctx.db
    .selectFrom('charter_codes as c')
    .innerJoin('charter_versions as v', 'v.id', 'c.version_id')
    .innerJoin('programmes as g', 'g.id', 'v.programme_id')
    .innerJoin('organisations as o', 'o.id', 'g.org_id')
    .select([
      'c.pairing_id',
      'v.id as version_id',
      'v.version',
      'v.body_hash',
      'g.name',
      'o.name as org',
      'o.time_zone',
    ])
    .where('c.code_hash', '=', hashSecret(normaliseCode(typed)))
    .executeTakeFirst();
  if (!row) throw refuse(404, 'charter_code_unknown');
  const sigs = (await signaturesOf(ctx.db, [row.pairing_id])).filter((s) => s.version_id === row.version_id);
  return {
    programme: row.name,
    organisation: row.org,
    version: row.version,
    hash: row.body_hash,
    signatures: parties.flatMap((party) => {
      const s = sigs.find((x) => x.party === party);
      return s
        ? [
            {
              party,
              name: s.signed_name,
              day: DateTime.fromISO(s.signed_at).setZone(row.time_zone).toISODate() as string,
            },
          ]
        : [];
    }),
  };
}
