import { Hono } from 'hono';
import { cellLabel, cellSpecs, FORMAT_2021, SECTIONS, TABLE_NAMES, type TableId } from '../../format/index.ts';
import { tableLayout } from '../../render/index.ts';
import { buildReport } from '../../report/index.ts';
import type { ServerEnv } from '../http.ts';

/**
 * The 2021 format as the workbench lays it out: the six headings and each table's standard
 * layout (header rows, merged label cells, value cells by key) with every cell's label, so no
 * page carries a list of rows or columns of its own.
 */
export function formatRoutes(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const empty = buildReport({ values: {} });
  const body = {
    id: FORMAT_2021.id,
    name: FORMAT_2021.name,
    sections: SECTIONS.map((s) => ({ number: s.id, heading: s.heading })),
    tables: FORMAT_2021.tables.map((t) => {
      const { columns, widths, head, body: rows } = tableLayout(FORMAT_2021, empty, t.id as TableId);
      return {
        id: t.id,
        title: t.title,
        name: TABLE_NAMES[t.id],
        layout: { columns, widths, head, body: rows.map((r) => r.map(({ text, ...cell }) => (cell.key ? cell : { text, ...cell }))) },
        cells: cellSpecs(FORMAT_2021, t.id).map((s) => ({ key: s.key, label: cellLabel(FORMAT_2021, s.key), kind: s.column.kind })),
      };
    }),
  };
  app.get('/', (c) => c.json(body));
  return app;
}
