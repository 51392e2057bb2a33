// The PDF as published, drawn in the browser by pdf.js onto a canvas, one page at a time, with a
// box over each selected cell where the reader found it (PDF points from the page's top-left,
// scaled by the viewport). Choosing cells turns to their page.
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { request } from '../../api.ts';
import { errorText } from '../register/ErrorAlert.tsx';
import type { CellView } from './types.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

interface Box {
  key: string;
  label: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The selected cells that carry a place on a page. */
function boxesOf(cells: readonly CellView[]): Box[] {
  return cells.flatMap((c) => {
    const s = c.read?.source;
    if (!s || s.page === undefined || s.x === undefined || s.y === undefined || s.width === undefined || s.height === undefined) return [];
    return [{ key: c.key, label: `${c.table}「${c.row}」「${c.column}」`, page: s.page, x: s.x, y: s.y, width: s.width, height: s.height }];
  });
}

export function PdfSource({ reportId, selected }: { reportId: number; selected: readonly CellView[] }) {
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [error, setError] = useState<string>();
  const [page, setPage] = useState(1);
  const [drawn, setDrawn] = useState<{ page: number; scale: number; width: number; height: number }>();
  const [width, setWidth] = useState(0);
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const boxes = boxesOf(selected);
  const firstPage = boxes[0]?.page;
  const selection = selected.map((c) => c.key).join(',');

  // The document: fetched with the session's cookie, parsed once per report.
  useEffect(() => {
    let cancelled = false;
    let task: ReturnType<typeof getDocument> | undefined;
    setDoc(undefined);
    setError(undefined);
    (async () => {
      const response = await request('GET', `/review/reports/${reportId}/source`);
      const data = new Uint8Array(await response.arrayBuffer());
      if (cancelled) return;
      task = getDocument({ data, isEvalSupported: false });
      const pdf = await task.promise;
      if (!cancelled) setDoc(pdf);
    })().catch((e: unknown) => {
      if (!cancelled) setError(errorText(e));
    });
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [reportId]);

  // The selection's page is shown when the selection changes.
  useEffect(() => {
    if (firstPage !== undefined) setPage(firstPage);
  }, [firstPage, selection]);

  // The page is drawn to the width of the pane (sharp on high-density screens).
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => observer.disconnect();
  }, [doc]);

  useEffect(() => {
    if (!doc || !canvas.current || width <= 0) return;
    const target = canvas.current;
    let cancelled = false;
    let task: RenderTask | undefined;
    (async () => {
      const p = await doc.getPage(Math.min(Math.max(page, 1), doc.numPages));
      if (cancelled) return;
      const base = p.getViewport({ scale: 1 });
      const scale = Math.min(2.5, width / base.width);
      const ratio = window.devicePixelRatio || 1;
      const viewport = p.getViewport({ scale: scale * ratio });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${Math.floor(base.width * scale)}px`;
      target.style.height = `${Math.floor(base.height * scale)}px`;
      task = p.render({ canvas: target, viewport });
      await task.promise;
      if (!cancelled) setDrawn({ page, scale, width: base.width * scale, height: base.height * scale });
    })().catch((e: unknown) => {
      if (!cancelled && (e as Error)?.name !== 'RenderingCancelledException') setError(errorText(e));
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, width]);

  // The first box of the selection is brought into view once drawn.
  useEffect(() => {
    if (drawn?.page !== page) return;
    wrap.current?.querySelector('.gk-cell-box')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [drawn, page, selection]);

  if (error) return <Alert type="error" showIcon title="无法显示原文" description={error} />;
  const pages = doc?.numPages ?? 0;
  const onPage = drawn && drawn.page === page ? boxes.filter((b) => b.page === page) : [];
  const elsewhere = [...new Set(boxes.filter((b) => b.page !== page).map((b) => b.page))];
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button size="small" disabled={page <= 1} onClick={() => setPage((n) => n - 1)}>
          上一页
        </Button>
        <Typography.Text aria-live="polite">{pages > 0 ? `第 ${page} 页 / 共 ${pages} 页` : '正在载入原文'}</Typography.Text>
        <Button size="small" disabled={pages === 0 || page >= pages} onClick={() => setPage((n) => n + 1)}>
          下一页
        </Button>
        {elsewhere.length > 0 && <Typography.Text type="secondary">所选单元格另见第 {elsewhere.join('、')} 页</Typography.Text>}
        {selected.length > 0 && boxes.length === 0 && <Typography.Text type="secondary">所选单元格没有记录在原文中的位置</Typography.Text>}
      </Space>
      <div
        ref={wrap}
        style={{ width: '100%', maxHeight: 'calc(100vh - 200px)', overflow: 'auto', border: '1px solid #d9d9d9', background: '#f5f5f5' }}
      >
        {!doc && <Spin style={{ margin: 24 }} />}
        <div style={{ position: 'relative', width: drawn?.width, margin: '0 auto' }}>
          <canvas ref={canvas} aria-label={`原文第${page}页`} data-page={drawn?.page} style={{ display: 'block', background: '#fff' }} />
          {onPage.map((b) => (
            <div
              key={b.key}
              className="gk-cell-box"
              data-key={b.key}
              title={b.label}
              style={{
                position: 'absolute',
                left: b.x * drawn!.scale - 2,
                top: b.y * drawn!.scale - 2,
                width: b.width * drawn!.scale + 4,
                height: b.height * drawn!.scale + 4,
                border: '2px solid #f5222d',
                background: 'rgba(245, 34, 45, 0.12)',
                boxSizing: 'border-box',
                pointerEvents: 'none',
              }}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
