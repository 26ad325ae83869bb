import type { AppContext } from '../../context.ts';
import { refuse } from '../../http/errors.ts';
import { normalisePhone } from '../people/phone.ts';

export async function presentMe(ctx: AppContext, userId: string) {
  const [user, memberships, orgs] = await Promise.all([
    ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('memberships')
      .innerJoin('programmes', 'programmes.id', 'memberships.programme_id')
      .innerJoin('organisations', 'organisations.id', 'memberships.org_id')
      .select([
        'memberships.id',
        'memberships.role',
        'programmes.id as programme_id',
        'programmes.name as programme_name',
        'programmes.template',
        'organisations.id as org_id',
        'organisations.name as org_name',
      ])
      .where('memberships.user_id', '=', userId)
      .where('memberships.ended_at', 'is', null)
      .where('programmes.archived_at', 'is', null)
      .orderBy('organisations.name')
      .orderBy('programmes.name')
      .execute(),
    ctx.db
      .selectFrom('org_members')
      .innerJoin('organisations', 'organisations.id', 'org_members.org_id')
      .select([
        'organisations.id',
        'organisations.name',
        'organisations.is_demo',
        'organisations.time_zone',
        'org_members.is_admin',
      ])
      .where('org_members.user_id', '=', userId)
      .orderBy('organisations.name')
      .execute(),
  ]);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    phone: user.phone,
    passwordChangeRequired: user.password_change_required === 1,
    memberships: memberships.map((m) => ({
      id: m.id,
      role: m.role as 'coordinator' | 'tutor' | 'tutee' | 'expert',
      programme: { id: m.programme_id, name: m.programme_name, template: m.template },
      organisation: { id: m.org_id, name: m.org_name },
    })),
    organisations: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      isAdmin: o.is_admin === 1,
      isDemo: o.is_demo === 1,
      timeZone: o.time_zone,
    })),
  };
}

export async function updateMe(
  ctx: AppContext,
  userId: string,
  body: { name?: string; locale?: 'fr' | 'en'; phone?: string | null },
): Promise<void> {
  if (body.name === undefined && body.locale === undefined && body.phone === undefined) {
    throw refuse(400, 'nothing_to_update');
  }
  let phone: string | null | undefined;
  if (body.phone !== undefined) {
    phone = body.phone ? normalisePhone(body.phone) : null;
    if (body.phone && !phone) {
      throw refuse(
        400,
        'invalid_phone',
        { phone: body.phone },
        { fields: [{ path: 'phone', message: 'field_phone' }] },
      );
    }
  }
  await ctx.db
    .updateTable('users')
    .set({
      ...(body.name ? { name: body.name } : {}),
      ...(body.locale ? { locale: body.locale } : {}),
      ...(phone !== undefined ? { phone } : {}),
    })
    .where('id', '=', userId)
    .execute();
}
