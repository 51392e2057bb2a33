// One of the standard's tables laid out as the standard lays it out (merged label cells, header
// rows), from the server's layout; what a value cell shows is the caller's.
import type { CSSProperties, ReactNode } from 'react';
import type { FormatTable } from './format.tsx';

const BORDER = '1px solid #bfbfbf';

const base: CSSProperties = { border: BORDER, padding: '3px 6px', fontSize: 13, lineHeight: 1.4 };
const headerStyle: CSSProperties = { ...base, background: '#fafafa', fontWeight: 500, textAlign: 'center' };
const labelStyle: CSSProperties = { ...base, background: '#fafafa', textAlign: 'left' };

interface Props {
  table: FormatTable;
  /** What a value cell holds. */
  cell: (key: string) => ReactNode;
  /** Keys to outline (a finding's cells). */
  highlighted?: ReadonlySet<string>;
  /** Extra style of a value cell (a changed figure's background). */
  cellStyle?: (key: string) => CSSProperties | undefined;
}

export function StandardTable({ table, cell, highlighted, cellStyle }: Props) {
  const { layout } = table;
  const total = layout.widths.reduce((a, b) => a + b, 0);
  return (
    <div style={{ overflowX: 'auto' }}>
      <table aria-label={table.title} style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', background: '#fff' }}>
        <colgroup>
          {layout.widths.map((w, i) => (
            <col key={i} style={{ width: `${(100 * w) / total}%` }} />
          ))}
        </colgroup>
        {layout.head.length > 0 && (
          <thead>
            {layout.head.map((row, r) => (
              <tr key={r}>
                {row.map((c, i) => (
                  <th key={i} scope="col" colSpan={c.colSpan} rowSpan={c.rowSpan} style={headerStyle}>
                    {c.text}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
        )}
        <tbody>
          {layout.body.map((row, r) => (
            <tr key={r}>
              {row.map((c, i) => {
                if (!c.key) {
                  const caption = row.length === 1;
                  const columnHeads = !caption && !row.some((x) => x.key);
                  return (
                    <th
                      key={i}
                      scope={caption ? 'colgroup' : columnHeads ? 'col' : 'row'}
                      colSpan={c.colSpan}
                      rowSpan={c.rowSpan}
                      style={caption || columnHeads ? headerStyle : labelStyle}
                    >
                      {c.text}
                    </th>
                  );
                }
                const marked = highlighted?.has(c.key);
                return (
                  <td
                    key={i}
                    colSpan={c.colSpan}
                    rowSpan={c.rowSpan}
                    data-key={c.key}
                    style={{
                      ...base,
                      textAlign: 'right',
                      fontVariantNumeric: 'tabular-nums',
                      ...cellStyle?.(c.key),
                      ...(marked ? { outline: '2px solid #fa541c', outlineOffset: -2, background: '#fff2e8' } : {}),
                    }}
                  >
                    {cell(c.key)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
