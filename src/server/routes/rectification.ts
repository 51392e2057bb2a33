import { Hono } from 'hono';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { listRectification, respondToIssue, responseInput } from '../../review/rectification.ts';
import type { SessionUser } from '../roles.ts';
import { id, readJson, readParam, type ServerEnv } from '../http.ts';

/** The agency side is for agency staff: reviewers follow the same issues in the reviewer console. */
function assertAgencyStaff(user: SessionUser): void {
  if (user.role === 'reviewer') throw new AppError('forbidden', '整改通知由被交办机关的工作人员办理；审阅人请在审阅功能中查看问题的办理情况');
}

/** 整改通知: the issues assigned to the user's agencies, and their responses. */
export function rectificationRoutes(db: Database): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/', async (c) => {
    assertAgencyStaff(c.get('user'));
    return c.json(await listRectification(db, c.get('scope')));
  });

  app.post('/:issueId/response', async (c) => {
    const user = c.get('user');
    assertAgencyStaff(user);
    const issueId = readParam(c, 'issueId', id);
    const { response } = await readJson(c, responseInput);
    return c.json(await respondToIssue(db, { username: user.username, scope: c.get('scope') }, issueId, response));
  });

  return app;
}
