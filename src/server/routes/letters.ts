import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import {
  availableLetters,
  issueLetter,
  LETTER_KINDS,
  type LetterKind,
  letterFacts,
  letterFile,
  listLetters,
  previewLetter,
} from '../../register/index.ts';
import { download, id, readJson, readParam, readQuery, type ServerEnv } from '../http.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const kind = z.enum(Object.keys(LETTER_KINDS) as [LetterKind, ...LetterKind[]], {
  error: `文书类型应为：${Object.entries(LETTER_KINDS)
    .map(([k, v]) => `${k}（${v}）`)
    .join('、')}`,
});

/** Letters of a case: what was issued and what the case allows, a preview, issuing (a new frozen version), and the stored DOCX. */
export function letterRoutes(db: Database): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/applications/:id/letters', async (c) => {
    const applicationId = readParam(c, 'id', id);
    const actor = c.get('actor');
    const items = await listLetters(db, actor, applicationId);
    return c.json({ items, available: availableLetters(await letterFacts(db, actor, applicationId)) });
  });

  app.get('/applications/:id/letters/preview', async (c) => {
    const { kind: k } = readQuery(c, z.object({ kind }));
    const letter = await previewLetter(db, c.get('actor'), readParam(c, 'id', id), k);
    return c.json({
      kind: letter.kind,
      kindName: letter.kindName,
      title: letter.title,
      paragraphs: [...letter.paragraphs, ...letter.signature],
      legalBasis: letter.legalBasis,
    });
  });

  // 审阅人 read letters but never issue them: the register refuses viewers.
  app.post('/applications/:id/letters', async (c) => {
    const { kind: k } = await readJson(c, z.object({ kind }));
    return c.json(await issueLetter(db, c.get('actor'), readParam(c, 'id', id), k), 201);
  });

  app.get('/letters/:id/docx', async (c) => {
    const file = await letterFile(db, c.get('actor'), readParam(c, 'id', id));
    c.header('ETag', `"${file.sha256}"`);
    return download(c, file.content, file.fileName, DOCX);
  });

  return app;
}
