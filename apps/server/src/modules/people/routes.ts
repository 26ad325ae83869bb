import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { loadOrganisationFor, loadProgrammeFor } from '../programmes/service.ts';
import { myGroup } from './group.ts';
import { answerInvitation, myInvitations } from './invitations.ts';
import { myPhone, phoneReach, setMyPhone } from './phone-sharing.ts';
import { seesSignInStatus } from './policy.ts';
import { myProfile, updateMyProfile } from './profile.ts';
import {
  addedMemberView,
  addMemberBody,
  invitationView,
  myGroupView,
  myPhoneBody,
  myPhoneView,
  myProfileView,
  personView,
  phoneReachView,
  profileBody,
  updateMembershipBody,
} from './schema.ts';
import { addMember, endMembership, invite, listPeople, loadMembership, updateMembership } from './service.ts';

const tags = ['people'];
const programmeParams = z.object({ programmeId: z.string() });
const membershipParams = programmeParams.extend({ membershipId: z.string() });
const ok = z.object({ ok: z.literal(true) });

export function peopleRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/programmes/:programmeId/people',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, response: { 200: z.array(personView) } },
    },
    async (req) => {
      const actor = requireUser(req);
      return listPeople(ctx, actor, await loadProgrammeFor(ctx, actor, req.params.programmeId));
    },
  );

  api.get(
    '/api/programmes/:programmeId/people/:userId',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams.extend({ userId: z.string() }), response: { 200: personView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId);
      const [person] = await listPeople(ctx, actor, p, req.params.userId);
      if (!person) throw notFound('person');
      return person;
    },
  );

  api.post(
    '/api/programmes/:programmeId/members',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: addMemberBody, response: { 201: addedMemberView } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      return reply.status(201).send(await addMember(ctx, actor, p, req.body));
    },
  );

  // A person's own invitations into programmes (accounts invited by a coordinator of an
  // organisation they are not in): only the invited person sees and answers them.
  api.get(
    '/api/me/invitations',
    { config: { auth: 'user' }, schema: { tags, response: { 200: z.array(invitationView) } } },
    async (req) => myInvitations(ctx, requireUser(req)),
  );

  for (const [path, answer] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const) {
    api.post(
      `/api/me/invitations/:invitationId/${path}`,
      {
        config: { auth: 'user' },
        schema: {
          tags,
          params: z.object({ invitationId: z.string() }),
          response: { 200: z.object({ ok: z.literal(true), programmeId: z.string() }) },
        },
      },
      async (req) => {
        const done = await answerInvitation(ctx, requireUser(req), req.params.invitationId, answer);
        return { ok: true as const, ...done };
      },
    );
  }

  api.patch(
    '/api/programmes/:programmeId/members/:membershipId',
    {
      config: { auth: 'user' },
      schema: { tags, params: membershipParams, body: updateMembershipBody, response: { 200: ok } },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      await updateMembership(ctx, actor, p, req.params.membershipId, req.body);
      return { ok: true as const };
    },
  );

  api.delete(
    '/api/programmes/:programmeId/members/:membershipId',
    { config: { auth: 'user' }, schema: { tags, params: membershipParams, response: { 200: ok } } },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      await endMembership(ctx, actor, p, req.params.membershipId);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/programmes/:programmeId/members/:membershipId/invitation',
    { config: { auth: 'user' }, schema: { tags, params: membershipParams, response: { 202: ok } } },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'managePeople');
      const m = await loadMembership(ctx, p, req.params.membershipId);
      await invite(ctx, actor, p, { id: m.user_id, email: m.email, name: m.name, locale: m.locale }, m.role);
      return reply.status(202).send({ ok: true });
    },
  );

  api.get(
    '/api/orgs/:orgId/profile',
    {
      config: { auth: 'user' },
      schema: { tags, params: z.object({ orgId: z.string() }), response: { 200: myProfileView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const org = await loadOrganisationFor(ctx, actor, req.params.orgId);
      return myProfile(ctx, actor, org.id);
    },
  );

  api.patch(
    '/api/orgs/:orgId/profile',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: z.object({ orgId: z.string() }),
        body: profileBody,
        response: { 200: myProfileView },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const org = await loadOrganisationFor(ctx, actor, req.params.orgId);
      await updateMyProfile(ctx, actor, org.id, req.body);
      return myProfile(ctx, actor, org.id);
    },
  );
}

/** A tutee's own group, their phone sharing per programme, and the coordinators' phone reach. */
export function groupAndPhoneRoutes(api: Api, ctx: AppContext) {
  const schema = (response: z.ZodType) => ({ tags, params: programmeParams, response: { 200: response } });
  api.get(
    '/api/programmes/:programmeId/my-group',
    { config: { auth: 'user' }, schema: schema(myGroupView) },
    async (req) => {
      const actor = requireUser(req);
      return myGroup(ctx, actor, await loadProgrammeFor(ctx, actor, req.params.programmeId));
    },
  );
  api.get(
    '/api/programmes/:programmeId/my-phone',
    { config: { auth: 'user' }, schema: schema(myPhoneView) },
    async (req) => {
      const actor = requireUser(req);
      return myPhone(ctx, actor, await loadProgrammeFor(ctx, actor, req.params.programmeId));
    },
  );
  api.put(
    '/api/programmes/:programmeId/my-phone',
    { config: { auth: 'user' }, schema: { ...schema(myPhoneView), body: myPhoneBody } },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId);
      return setMyPhone(ctx, actor, p, req.body.shared);
    },
  );
  api.get(
    '/api/programmes/:programmeId/phone-reach',
    { config: { auth: 'user' }, schema: schema(phoneReachView) },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId);
      if (!seesSignInStatus(actor, p)) throw refuse(403, 'forbidden');
      return phoneReach(ctx, p);
    },
  );
}
