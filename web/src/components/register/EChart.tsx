// A small ECharts host: the chart is drawn on a canvas (only the modules used are bundled) and
// resized with its box; the same figures are given as text beside it for screen readers.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** What a click on a bar or slice names: its series, its category and its place in the data. */
export interface ChartClick {
  seriesIndex: number;
  seriesName: string;
  dataIndex: number;
  name: string;
}

export function EChart({
  option,
  height = 260,
  label,
  onClick,
}: {
  option: EChartsCoreOption;
  height?: number;
  label: string;
  onClick?: (click: ChartClick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  // The latest handler, read at click time, so a new closure does not redraw the chart.
  const handler = useRef(onClick);
  handler.current = onClick;
  useEffect(() => {
    if (!box.current) return;
    const chart = init(box.current);
    // No growing bars for whoever asks their system for less motion.
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    chart.setOption(reduced ? { animation: false, ...option } : option);
    chart.on('click', (params) => {
      const p = params as { seriesIndex?: number; seriesName?: string; dataIndex?: number; name?: string };
      handler.current?.({ seriesIndex: p.seriesIndex ?? 0, seriesName: p.seriesName ?? '', dataIndex: p.dataIndex ?? 0, name: p.name ?? '' });
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}
