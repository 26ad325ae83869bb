import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { hashPassword } from '../modules/auth/service.ts';
import { type TemplateId, templates } from '../modules/programmes/templates.ts';
import { demoAnnouncements } from './announcements.ts';
import {
  COMMUNES,
  CPTS_PROS,
  FACULTIES,
  FIRST,
  HOSPITALS,
  LAST,
  PERIOD,
  PRACTICES,
  PROJECTS,
  THEMES,
} from './data.ts';
import { demoExtensions } from './extensions.ts';
import { demoMentoring } from './mentoring.ts';
import { organisationCounts } from './presence.ts';
import { demoTraining } from './training.ts';

export const DEMO_PASSWORD = 'demo-compagnon';

export interface Person {
  id: string;
  email: string;
  name: string;
}

export type DemoSeeding = 'created' | 'present' | 'real-organisation' | 'off';

/**
 * Seeds the demo organisations into an empty database only: never once any organisation exists, so
 * demo accounts (whose password is published) never sit beside a real organisation.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoSeeding> {
  if (ctx.config.NODE_ENV === 'production') return 'off';
  const counts = await organisationCounts(ctx.db);
  if (counts.real > 0) return 'real-organisation';
  if (counts.demo > 0) return 'present';
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const s = new Seeder(trx, now, hash);
    await s.dmg();
    await s.cpts();
    for (const extend of demoExtensions) await extend(trx, ctx);
    await demoAnnouncements(trx, ctx);
    await demoTraining(trx, ctx);
  });
  return 'created';
}

class Seeder {
  private n = 0;
  private readonly db: Db;
  private readonly now: string;
  private readonly hash: string;
  constructor(db: Db, now: string, hash: string) {
    this.db = db;
    this.now = now;
    this.hash = hash;
  }

  private nextName(): string {
    const i = this.n++;
    return `${FIRST[(i * 7) % FIRST.length]} ${LAST[(i * 11) % LAST.length]}`;
  }

  async org(name: string, slug: string, kind: string) {
    const id = newId();
    await this.db
      .insertInto('organisations')
      .values({
        id,
        name,
        slug,
        kind,
        time_zone: 'Europe/Paris',
        locale: 'fr',
        is_demo: 1,
        created_at: this.now,
        archived_at: null,
      })
      .execute();
    return id;
  }

  async person(
    orgId: string,
    email: string,
    name: string,
    profile: Partial<{
      admin: boolean;
      commune: string;
      project: string;
      themes: string[];
      faculty: string;
      desYear: number;
      phone: string;
      presentation: string;
      placement: { site: string; city: string; kind: string };
    }> = {},
  ): Promise<Person> {
    const id = newId();
    await this.db
      .insertInto('users')
      .values({
        id,
        email,
        name,
        password_hash: this.hash,
        locale: 'fr',
        phone: profile.phone ?? null,
        is_demo: 1,
        created_at: this.now,
        last_sign_in_at: null,
        disabled_at: null,
      })
      .execute();
    await this.db
      .insertInto('org_members')
      .values({
        id: newId(),
        org_id: orgId,
        user_id: id,
        is_admin: profile.admin ? 1 : 0,
        home_commune: profile.commune ?? null,
        professional_project: profile.project ?? null,
        themes: JSON.stringify(profile.themes ?? []),
        languages: JSON.stringify(['français']),
        faculty: profile.faculty ?? null,
        des_year: profile.desYear ?? null,
        share_phone: profile.phone ? 1 : 0,
        presentation: profile.presentation ?? null,
        created_at: this.now,
      })
      .execute();
    if (profile.placement) {
      await this.db
        .insertInto('placements')
        .values({
          id: newId(),
          org_id: orgId,
          user_id: id,
          period: PERIOD,
          site: profile.placement.site,
          city: profile.placement.city,
          kind: profile.placement.kind,
          created_at: this.now,
        })
        .execute();
    }
    return { id, email, name };
  }

  async programme(
    orgId: string,
    name: string,
    template: TemplateId,
    cohort: { name: string; kind: string; starts: string; ends: string },
  ) {
    const id = newId();
    await this.db
      .insertInto('programmes')
      .values({
        id,
        org_id: orgId,
        name,
        template,
        rules: JSON.stringify(templates[template].rules),
        created_at: this.now,
        archived_at: null,
      })
      .execute();
    const cohortId = newId();
    await this.db
      .insertInto('cohorts')
      .values({
        id: cohortId,
        org_id: orgId,
        programme_id: id,
        name: cohort.name,
        kind: cohort.kind,
        starts_on: cohort.starts,
        ends_on: cohort.ends,
        created_at: this.now,
        archived_at: null,
      })
      .execute();
    return { id, orgId, cohortId };
  }

  async member(
    p: { id: string; orgId: string; cohortId: string },
    person: Person,
    role: string,
    capacity: number | null = null,
  ) {
    await this.db
      .insertInto('memberships')
      .values({
        id: newId(),
        org_id: p.orgId,
        programme_id: p.id,
        cohort_id: role === 'tutee' ? p.cohortId : null,
        user_id: person.id,
        role,
        capacity,
        created_at: this.now,
        ended_at: null,
        invited_at: this.now,
      })
      .execute();
  }

  /** The person chose not to share their phone in this programme. */
  async phoneKept(p: { id: string; orgId: string }, person: Person) {
    await this.db
      .insertInto('phone_choices')
      .values({
        id: newId(),
        org_id: p.orgId,
        programme_id: p.id,
        user_id: person.id,
        shared: 0,
        decided_by: 'person',
        decided_at: this.now,
      })
      .execute();
  }

  async pair(
    p: { id: string; orgId: string; cohortId: string },
    tutor: Person,
    tutee: Person,
    groupKey: string | null = null,
  ) {
    await this.db
      .insertInto('pairings')
      .values({
        id: newId(),
        org_id: p.orgId,
        programme_id: p.id,
        cohort_id: p.cohortId,
        tutor_user_id: tutor.id,
        tutee_user_id: tutee.id,
        group_key: groupKey,
        state: 'active',
        created_at: this.now,
        ended_at: null,
        end_reason: null,
      })
      .execute();
  }

  async dmg() {
    const org = await this.org(
      'DMG Démo — Département de médecine générale',
      'dmg-demo',
      'university-department',
    );
    await this.person(org, 'admin@dmg.demo', 'Secrétariat du DMG', { admin: true });
    const coordination = await this.person(org, 'coordination@dmg.demo', 'Dr Hélène Vasseur', {
      commune: 'Amiens',
      presentation: 'Référente du tutorat au DMG.',
    });
    const des = await this.programme(org, 'Tutorat DES de médecine générale', 'des-tutoring', {
      name: 'Promotion 2026-2027',
      kind: 'academic-year',
      starts: '2026-11-02',
      ends: '2027-10-31',
    });
    const peer = await this.programme(org, 'Tutorat par les pairs — DES1', 'peer-tutoring', {
      name: 'Année 2026-2027',
      kind: 'academic-year',
      starts: '2026-11-02',
      ends: '2027-10-31',
    });
    await this.member(des, coordination, 'coordinator');
    await this.member(peer, coordination, 'coordinator');

    const tutors: Person[] = [];
    for (let i = 1; i <= 12; i++) {
      const practice = PRACTICES[i % PRACTICES.length] as (typeof PRACTICES)[number];
      const tutor = await this.person(org, `tuteur${i}@dmg.demo`, `Dr ${this.nextName()}`, {
        commune: practice.city,
        project: 'Maître de stage universitaire',
        themes: [THEMES[i % THEMES.length] as string, THEMES[(i + 3) % THEMES.length] as string],
        phone: `+3360${String(1000000 + i * 7919).slice(0, 7)}`,
        presentation: `Médecin généraliste à ${practice.city}, maître de stage depuis ${2010 + (i % 12)}.`,
        placement: { ...practice, kind: 'practice' },
      });
      tutors.push(tutor);
      await this.member(des, tutor, 'tutor', 4 + (i % 3));
    }

    const residents: Person[] = [];
    for (let i = 1; i <= 44; i++) {
      const desYear = i <= 20 ? 1 : i <= 34 ? 2 : 3;
      const hospital = HOSPITALS[i % HOSPITALS.length] as (typeof HOSPITALS)[number];
      const practice = PRACTICES[i % PRACTICES.length] as (typeof PRACTICES)[number];
      const r = await this.person(org, `interne${i}@dmg.demo`, this.nextName(), {
        commune: COMMUNES[i % COMMUNES.length] as string,
        project: PROJECTS[i % PROJECTS.length] as string,
        themes: [THEMES[i % THEMES.length] as string, THEMES[(i * 5) % THEMES.length] as string],
        faculty: FACULTIES[i % FACULTIES.length] as string,
        desYear,
        phone: i % 4 === 0 ? undefined : `+3367${String(2000000 + i * 104729).slice(0, 7)}`,
        placement: i % 3 === 0 ? { ...practice, kind: 'internship' } : { ...hospital, kind: 'internship' },
      });
      residents.push(r);
      await this.member(des, r, 'tutee');
      // A few residents chose to keep their number from their tutor (interne3, 13, 23, 33, 43).
      if (i % 10 === 3) await this.phoneKept(des, r);
    }
    // Most residents already have a tutor; the last four arrived late and wait for one.
    for (let i = 0; i < 40; i++) {
      await this.pair(des, tutors[i % tutors.length] as Person, residents[i] as Person);
    }

    await this.peerGroups(peer, residents);

    // A psychologist the tutors and the coordination may consult about a case (demo/difficulties.ts).
    const psychologist = await this.person(org, 'psychologue@dmg.demo', 'Claire Morvan', {
      presentation: 'Psychologue clinicienne, consultée par les tuteurs et la coordination.',
    });
    await this.member(peer, psychologist, 'expert');
  }

  /** Peer tutoring: DES3 residents each follow a group of four DES1 residents. */
  async peerGroups(peer: { id: string; orgId: string; cohortId: string }, residents: Person[]) {
    const seniors = residents.slice(34, 39);
    const juniors = residents.slice(0, 20);
    for (const [g, senior] of seniors.entries()) {
      await this.member(peer, senior, 'tutor', 4);
      for (const junior of juniors.slice(g * 4, g * 4 + 4)) {
        await this.member(peer, junior, 'tutee');
        await this.pair(peer, senior, junior, `groupe-${g + 1}`);
      }
    }
  }

  async cpts() {
    const org = await this.org('CPTS Démo — Somme Ouest', 'cpts-demo', 'cpts');
    const coordination = await this.person(org, 'coordination@cpts.demo', 'Marion Delattre', {
      admin: true,
      commune: 'Abbeville',
      presentation: 'Coordinatrice de la CPTS.',
    });
    const p = await this.programme(org, 'Mentorat des nouveaux installés', 'installation-mentoring', {
      name: '2026-2027',
      kind: 'academic-year',
      starts: '2026-09-01',
      ends: '2027-08-31',
    });
    await this.member(p, coordination, 'coordinator');
    const mentors: Person[] = [];
    for (let i = 1; i <= 6; i++) {
      const pro = CPTS_PROS[i % CPTS_PROS.length] as (typeof CPTS_PROS)[number];
      const practice = PRACTICES[(i + 2) % PRACTICES.length] as (typeof PRACTICES)[number];
      const m = await this.person(org, `mentor${i}@cpts.demo`, `${i % 2 ? 'Dr ' : ''}${this.nextName()}`, {
        commune: practice.city,
        project: `${pro.profession}, installé·e depuis ${5 + i} ans`,
        presentation: `${pro.profession} à ${practice.city}.`,
        placement: { ...practice, kind: 'practice' },
      });
      mentors.push(m);
      await this.member(p, m, 'tutor', 2);
    }
    const mentees: Person[] = [];
    for (let i = 1; i <= 8; i++) {
      const pro = CPTS_PROS[i % CPTS_PROS.length] as (typeof CPTS_PROS)[number];
      const m = await this.person(org, `mentore${i}@cpts.demo`, this.nextName(), {
        commune: COMMUNES[(i + 5) % COMMUNES.length] as string,
        project: `${pro.profession} — ${pro.project}`,
      });
      mentees.push(m);
      await this.member(p, m, 'tutee');
      if (i <= 6) await this.pair(p, mentors[i - 1] as Person, m);
    }
    // Requests to join, the pairs' charters and terms, and last year's pairs with their end reviews.
    await demoMentoring({
      db: this.db,
      now: this.now,
      programme: p,
      coordination,
      mentors,
      mentees,
      people: this,
    });
  }
}
