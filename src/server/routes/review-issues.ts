import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { assertReviewer, batchInScope } from '../../review/access.ts';
import { transitionInput, transitionIssue } from '../../review/issue-workflow.ts';
import { batchOfIssue, issueList, listIssues } from '../../review/issues.ts';
import { ISSUE_STATUS_NAMES, type IssueStatus } from '../../review/types.ts';
import { chinaToday, download, flag, id, readJson, readParam, readQuery, type ServerEnv } from '../http.ts';

const statuses = Object.keys(ISSUE_STATUS_NAMES) as [IssueStatus, ...IssueStatus[]];
const filter = z.object({
  status: z
    .enum(statuses, {
      error: `状态应为：${Object.entries(ISSUE_STATUS_NAMES)
        .map(([k, v]) => `${k}（${v}）`)
        .join('、')}`,
    })
    .optional(),
  agency: z.string().trim().max(200).optional(),
  severity: z.enum(['error', 'warning', 'info'], { error: '级别应为 error（错误）、warning（警告）或 info（提示）' }).optional(),
  all: flag,
});

/**
 * The reviewers' side of the findings workflow (issue 13): a batch's issues, transitions, the
 * 问题清单, and the exports of a batch. Mounted under /api/review beside the console's core routes.
 */
export function reviewIssueRoutes(db: Database): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/batches/:id/issues', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    const q = readQuery(c, filter);
    return c.json(await listIssues(db, batch.id, { status: q.status, severity: q.severity, agency: q.agency || undefined, all: q.all }));
  });

  app.get('/batches/:id/issue-list', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    return c.json(await issueList(db, batch.id));
  });

  app.post('/issues/:id/transition', async (c) => {
    const user = c.get('user');
    // 403 for non-reviewers before anything about the issue is looked up.
    assertReviewer(user);
    const issueId = readParam(c, 'id', id);
    await batchInScope(db, c, await batchOfIssue(db, issueId));
    const input = await readJson(c, transitionInput);
    return c.json(await transitionIssue(db, { username: user.username, scope: c.get('scope') }, issueId, input, chinaToday()));
  });

  // The exports: their libraries (docx, exceljs) are loaded when first asked for.
  app.get('/batches/:id/notice.docx', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    const { noticeFacts, noticeTitle, renderNotice } = await import('../../review/exports/notice-docx.ts');
    const facts = await noticeFacts(db, batch.id, chinaToday());
    return download(c, await renderNotice(facts), `${noticeTitle(facts.year)}.docx`, DOCX);
  });

  app.get('/batches/:id/issues.xlsx', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    const { issuesXlsx } = await import('../../review/exports/xlsx.ts');
    return download(c, await issuesXlsx(db, batch.id), `${fileStem(batch.name)}问题清单.xlsx`, XLSX);
  });

  app.get('/batches/:id/reports.xlsx', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    const { reportsXlsx } = await import('../../review/exports/xlsx.ts');
    return download(c, await reportsXlsx(db, batch.id), `${fileStem(batch.name)}报告数据.xlsx`, XLSX);
  });

  app.get('/batches/:id/findings.csv', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    const { findingsCsv } = await import('../../review/exports/csv.ts');
    return download(c, await findingsCsv(db, batch.id), `${fileStem(batch.name)}检查发现.csv`, 'text/csv; charset=utf-8');
  });

  return app;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A batch's name as the start of a file name: no path separators or characters file systems refuse. */
function fileStem(name: string): string {
  return `${name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .trim()
    .slice(0, 80)}_`;
}
