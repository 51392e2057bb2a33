import { Hono } from 'hono';
import { cellSpecs, FORMAT_2021, getTable } from '../../format/index.ts';
import { APPLICANT_KINDS, CHANNELS, EVENT_KINDS, OUTCOMES, outcomeLabel, REVIEW_KINDS, REVIEW_RESULTS, STATE_NAMES } from '../../register/index.ts';
import type { ServerEnv } from '../http.ts';
import { APPROVAL_EVENTS, USER_ROLES } from '../roles.ts';

// An outcome's group in table B (「（三）不予公开」…), or its own label when it is a group by itself (予以公开, 部分公开).
function outcomeGroup(key: string): string {
  const row = getTable(FORMAT_2021, 'b').blocks[0]?.rows.find((r) => r.key === key);
  return row && row.groups.length > 1 ? (row.groups[row.groups.length - 1] ?? row.short) : outcomeLabel(key);
}

/** The words the UI builds its forms from, all from the register's vocabulary and the standard's spec. */
export function vocabularyRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const body = {
    roles: USER_ROLES,
    applicantKinds: APPLICANT_KINDS,
    channels: CHANNELS,
    states: STATE_NAMES,
    events: EVENT_KINDS,
    approvalEvents: APPROVAL_EVENTS,
    outcomes: OUTCOMES.map((key) => ({ key, label: outcomeLabel(key), group: outcomeGroup(key) })),
    reviewKinds: REVIEW_KINDS,
    reviewResults: REVIEW_RESULTS,
    tableA: cellSpecs(FORMAT_2021, 'a').map((s) => ({ key: s.key, row: s.row.label, column: s.column.label, kind: s.column.kind })),
  };
  app.get('/', (c) => c.json(body));
  return app;
}
