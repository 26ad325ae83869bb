import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createOrg, createUser } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';
import { hashPassword } from './service.ts';

const s = await setupTestServer();

const linkIn = (text: string | undefined) => {
  const m = text?.match(/token=([\w-]+)/);
  assert.ok(m, `no link in: ${text}`);
  return m[1] as string;
};
const cookieOf = (res: { headers: Record<string, unknown> }) => {
  const set = [res.headers['set-cookie']].flat().join(';');
  const m = set.match(/compagnon_session=([^;]+)/);
  assert.ok(m, 'no session cookie set');
  return `compagnon_session=${m[1]}`;
};

async function person(password = 'correct horse battery') {
  const org = await createOrg(s.ctx);
  return createUser(s.ctx, org, { passwordHash: await hashPassword(password) });
}

describe('password sign-in', () => {
  test('right password sets an HttpOnly SameSite=Lax cookie and /api/me answers', async () => {
    const u = await person();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email.toUpperCase(), password: 'correct horse battery' },
    });
    assert.equal(res.statusCode, 200);
    const raw = [res.headers['set-cookie']].flat().join(';');
    assert.match(raw, /HttpOnly/i);
    assert.match(raw, /SameSite=Lax/i);
    const me = await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(res) } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().email, u.email);
    const audit = await s.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', u.id)
      .where('action', '=', 'auth.sign_in')
      .execute();
    assert.equal(audit.length, 1);
  });

  test('wrong password: 401 with a French message, no session', async () => {
    const u = await person();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: 'wrong' },
    });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.message, 'E-mail ou mot de passe incorrect.');
    assert.equal(res.headers['set-cookie'], undefined);
  });

  test('five failures hold this address up for this account, even with the right password, until the window ends', async () => {
    const u = await person();
    for (let i = 0; i < 5; i++) {
      const r = await s.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: u.email, password: `wrong ${i}` },
      });
      assert.equal(r.statusCode, 401);
    }
    const locked = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: 'correct horse battery' },
    });
    assert.equal(locked.statusCode, 429);
    assert.match(locked.json().error.message, /Trop de tentatives/);
    s.clock.advance(16 * 60 * 1000);
    const later = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: 'correct horse battery' },
    });
    assert.equal(later.statusCode, 200);
  });

  test('malformed e-mail is a 400 naming the field', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'pas-un-email', password: 'x' },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details.fields[0].path, 'email');
  });
});

describe('magic link', () => {
  test('the link signs in once, then is refused', async () => {
    const u = await person();
    const req = await s.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link',
      payload: { email: u.email },
    });
    assert.equal(req.statusCode, 202);
    await s.deliver();
    const mail = s.mailer.lastTo(u.email);
    assert.match(mail?.subject ?? '', /lien de connexion/);
    const token = linkIn(mail?.text);
    const first = await s.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link/consume',
      payload: { token },
    });
    assert.equal(first.statusCode, 200);
    const me = await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(first) } });
    assert.equal(me.json().id, u.id);
    const second = await s.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link/consume',
      payload: { token },
    });
    assert.equal(second.statusCode, 400);
    assert.equal(second.json().error.code, 'used_link');
  });

  test('an expired link is refused with a clear message', async () => {
    const u = await person();
    await s.app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: u.email } });
    await s.deliver();
    const token = linkIn(s.mailer.lastTo(u.email)?.text);
    s.clock.advance(21 * 60 * 1000);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link/consume',
      payload: { token },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.message, 'Ce lien a expiré. Demandez-en un nouveau.');
  });

  test('the link brings the person back to the page they asked for, inside the app only', async () => {
    const u = await person();
    const asked = await s.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link',
      payload: { email: u.email, next: '/rencontres/abc?onglet=passees#haut' },
    });
    assert.equal(asked.statusCode, 202);
    await s.deliver();
    const text = s.mailer.lastTo(u.email)?.text ?? '';
    const link = new URL(text.match(/https?:\/\/\S+/)?.[0] ?? '');
    assert.equal(link.pathname, '/connexion/lien');
    assert.equal(link.searchParams.get('suite'), '/rencontres/abc?onglet=passees#haut');
    assert.ok(link.searchParams.get('token'));

    for (const next of [
      'https://ailleurs.example/piege',
      '//ailleurs.example/piege',
      '/\\ailleurs.example/piege',
      '\\\\ailleurs.example',
      'javascript:alert(1)',
      'rencontres',
      '/a\nb',
      `/${'x'.repeat(600)}`,
    ]) {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/auth/magic-link',
        payload: { email: u.email, next },
      });
      assert.equal(res.statusCode, 400, `refused: ${JSON.stringify(next)}`);
      assert.equal(res.json().error.details.fields[0].path, 'next');
    }
  });

  test('a link asked for from the home page carries no return path', async () => {
    const u = await person();
    await s.app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: u.email } });
    await s.deliver();
    const text = s.mailer.lastTo(u.email)?.text ?? '';
    const link = new URL(text.match(/https?:\/\/\S+/)?.[0] ?? '');
    assert.equal(link.searchParams.get('suite'), null);
  });

  test('an unknown address gets the same answer and no e-mail', async () => {
    await s.deliver();
    const before = s.mailer.sent.length;
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link',
      payload: { email: 'personne@nulle-part.fr' },
    });
    assert.equal(res.statusCode, 202);
    await s.deliver();
    assert.equal(s.mailer.sent.length, before);
  });
});

describe('password reset and sessions', () => {
  test('changing the password from the profile needs the current one', async () => {
    const u = await person('old password 123');
    const change = (current: string, password: string) =>
      s.app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: { cookie: u.cookie },
        payload: { current, password },
      });
    const wrong = await change('not my password', 'new password 456');
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.code, 'wrong_password');
    const missing = await change('', 'new password 456');
    assert.equal(missing.statusCode, 400);
    const same = await change('old password 123', 'old password 123');
    assert.equal(same.json().error.code, 'same_password');
    const short = await change('old password 123', 'court');
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().error.details.fields[0].path, 'password');

    assert.equal((await change('old password 123', 'new password 456')).statusCode, 200);
    const signIn = (password: string) =>
      s.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: u.email, password } });
    assert.equal((await signIn('old password 123')).statusCode, 401);
    assert.equal((await signIn('new password 456')).statusCode, 200);
  });

  test('reset sets the new password and signs out every other device', async () => {
    const u = await person('old password 123');
    const other = u.cookie;
    assert.equal(
      (await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: other } })).statusCode,
      200,
    );
    await s.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: u.email } });
    await s.deliver();
    const token = linkIn(s.mailer.lastTo(u.email)?.text);
    const short = await s.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token, password: 'court' },
    });
    assert.equal(short.statusCode, 400);
    assert.match(short.json().error.message, /au moins 10 caractères/);
    const done = await s.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token, password: 'new password 456' },
    });
    assert.equal(done.statusCode, 200);
    assert.equal(
      (await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: other } })).statusCode,
      401,
    );
    const signIn = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: 'new password 456' },
    });
    assert.equal(signIn.statusCode, 200);
  });

  test('sign out of all devices ends every session of the person', async () => {
    const u = await person();
    const a = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: 'correct horse battery' },
    });
    const b = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: 'correct horse battery' },
    });
    const out = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: { cookie: cookieOf(a) },
    });
    assert.equal(out.statusCode, 200);
    for (const c of [cookieOf(a), cookieOf(b), u.cookie]) {
      assert.equal(
        (await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: c } })).statusCode,
        401,
      );
    }
  });

  test('an expired session is anonymous', async () => {
    const org = await createOrg(s.ctx);
    const u = await createUser(s.ctx, org);
    s.clock.advance(2 * 86_400_000);
    assert.equal(
      (await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: u.cookie } })).statusCode,
      401,
    );
  });
});

describe('invitations', () => {
  test('a coordinator invites; the link shows the programme, sets a password once, and signs in', async () => {
    const { createProgramme, addMember } = await import('../../test/factories.ts');
    const org = await createOrg(s.ctx);
    const p = await createProgramme(s.ctx, org);
    const coord = await createUser(s.ctx, org, { name: 'Dr Coordinatrice' });
    await addMember(s.ctx, p, coord.id, 'coordinator');
    const add = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${p.id}/members`,
      headers: { cookie: coord.cookie },
      payload: { email: 'Nouvelle.Interne@Example.org', name: 'Nouvelle Interne', role: 'tutee' },
    });
    assert.equal(add.statusCode, 201);
    await s.deliver();
    const mail = s.mailer.lastTo('nouvelle.interne@example.org');
    assert.match(mail?.subject ?? '', /Dr Coordinatrice vous invite/);
    const token = linkIn(mail?.text);
    const info = await s.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    assert.equal(info.statusCode, 200);
    assert.equal(info.json().role, 'tutee');
    assert.equal(info.json().hasPassword, false);
    assert.equal(typeof info.json().phoneShared, 'boolean', 'the programme’s phone rule is told');
    const noPassword = await s.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: {},
    });
    assert.equal(noPassword.statusCode, 400);
    assert.equal(noPassword.json().error.code, 'password_required');
    const ok = await s.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: 'mon mot de passe' },
    });
    assert.equal(ok.statusCode, 200);
    const me = await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(ok) } });
    assert.equal(me.json().memberships[0].role, 'tutee');
    const again = await s.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: 'un autre mot de passe' },
    });
    assert.equal(again.statusCode, 400);
  });

  test('an invitation expires after 14 days', async () => {
    const { createProgramme, addMember } = await import('../../test/factories.ts');
    const org = await createOrg(s.ctx);
    const p = await createProgramme(s.ctx, org);
    const coord = await createUser(s.ctx, org);
    await addMember(s.ctx, p, coord.id, 'coordinator');
    await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${p.id}/members`,
      headers: { cookie: coord.cookie },
      payload: { email: 'tardif@example.org', name: 'Tuteur Tardif', role: 'tutor' },
    });
    await s.deliver();
    const token = linkIn(s.mailer.lastTo('tardif@example.org')?.text);
    s.clock.advance(15 * 86_400_000);
    const res = await s.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'expired_link');
  });
});
