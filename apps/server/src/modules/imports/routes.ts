import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError, refuse } from '../../http/errors.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import type { ImportableRole } from '../programmes/templates.ts';
import { type FileIssueCode, fileIssues, MAX_FILE_BYTES } from './messages.ts';
import type { ColumnChoice } from './parse.ts';
import {
  columnChoicesSchema,
  commitBody,
  commitResultView,
  importableRoleSchema,
  importParams,
  importView,
  invitationsBody,
  invitationsResultView,
} from './schema.ts';
import { commitImport, getImport, previewImport, sendImportInvitations } from './service.ts';

const tags = ['imports'];
const programmeParams = z.object({ programmeId: z.string() });

/**
 * Reads the multipart fields `file` and, optionally, `defaultRole` (the role of every row whose
 * file has no role column) and `columns` (JSON: what the user chose each column title to be).
 * The file is read up to the import limit and no further.
 */
async function readUpload(req: FastifyRequest): Promise<{
  bytes: Buffer;
  filename: string;
  defaultRole?: ImportableRole;
  choices?: Record<string, ColumnChoice>;
}> {
  const required = () => refuse(400, 'file_required');
  if (!req.isMultipart()) throw required();
  let upload: { bytes: Buffer; filename: string } | undefined;
  let defaultRole: string | undefined;
  let choices: Record<string, ColumnChoice> | undefined;
  const parts = req.parts({
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10 },
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest['parts']>[0]);
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'defaultRole' && typeof part.value === 'string')
          defaultRole = part.value.trim();
        if (part.fieldname === 'columns' && typeof part.value === 'string') choices = readChoices(part.value);
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      if (part.fieldname !== 'file') continue;
      if (part.file.truncated) {
        // The file was cut at the limit; the request's length tells the user roughly how big it was.
        const size = Math.max(Number(req.headers['content-length']) || 0, MAX_FILE_BYTES + 1);
        const issue = fileIssues.tooLarge(size);
        const said = { fr: issue.message, en: issue.messageEn };
        throw refuse(
          400,
          issue.code as FileIssueCode,
          { said },
          { messageEn: issue.messageEn, fileErrors: [issue] },
        );
      }
      upload = { bytes: Buffer.concat(chunks), filename: part.filename || 'import' };
    }
  } catch (err) {
    // The multipart parser fails with a bare Error when the body ends before its closing boundary
    // (a connection cut during the upload); refusals of ours and the parser's limits keep their status.
    if (err instanceof AppError || typeof (err as { statusCode?: unknown }).statusCode === 'number')
      throw err;
    throw refuse(400, 'upload_incomplete');
  }
  if (!upload) throw required();
  const read = choices ? { ...upload, choices } : upload;
  if (defaultRole) {
    const role = importableRoleSchema.safeParse(defaultRole);
    if (!role.success) {
      throw refuse(400, 'invalid_default_role');
    }
    return { ...read, defaultRole: role.data };
  }
  return read;
}

function readChoices(text: string): Record<string, ColumnChoice> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = columnChoicesSchema.safeParse(json);
  if (!parsed.success) throw refuse(400, 'invalid_request');
  return parsed.data;
}

export function importRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/api/programmes/:programmeId/imports',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: programmeParams,
        consumes: ['multipart/form-data'],
        response: { 201: importView },
      },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      // Decide before reading anything of the upload.
      await loadProgrammeFor(ctx, actor, req.params.programmeId, 'import');
      const upload = await readUpload(req);
      return reply.status(201).send(await previewImport(ctx, actor, req.params.programmeId, upload));
    },
  );

  api.get(
    '/api/programmes/:programmeId/imports/:importId',
    { config: { auth: 'user' }, schema: { tags, params: importParams, response: { 200: importView } } },
    async (req) => getImport(ctx, requireUser(req), req.params.programmeId, req.params.importId),
  );

  api.post(
    '/api/programmes/:programmeId/imports/:importId/commit',
    {
      config: { auth: 'user' },
      schema: { tags, params: importParams, body: commitBody, response: { 200: commitResultView } },
    },
    async (req) =>
      commitImport(ctx, requireUser(req), req.params.programmeId, req.params.importId, {
        invite: req.body?.invite ?? true,
      }),
  );

  api.post(
    '/api/programmes/:programmeId/imports/:importId/invitations',
    {
      config: { auth: 'user' },
      schema: { tags, params: importParams, body: invitationsBody, response: { 202: invitationsResultView } },
    },
    async (req, reply) => {
      const sent = await sendImportInvitations(
        ctx,
        requireUser(req),
        req.params.programmeId,
        req.params.importId,
        { resend: req.body?.resend ?? false },
      );
      return reply.status(202).send(sent);
    },
  );
}
