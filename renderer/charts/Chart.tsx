/**
 * Charts: a small hook around echarts.init (only the parts used are bundled; no eval, so the renderer's CSP holds),
 * and a card that always keeps the numbers a click away ("Xem số liệu" shows the chart's data as a table).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState, type ReactNode } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Draws an option into a div; redraws on change and on resize; reports when the first frame is rendered. */
function EChart({ option, height, label }: { option: ChartOption; height: number; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [rendered, setRendered] = useState(false);
  useEffect(() => {
    const instance = echarts.init(host.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('finished', () => setRendered(true));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(host.current!);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={host} className="chart" role="img" aria-label={label} data-rendered={rendered ? 'true' : 'false'} style={{ height }} />;
}

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

/** A chart with its title and the table of its numbers one click away. */
export function ChartCard({ title, option, table, height = 280, note }: { title: string; option: ChartOption; table: ChartTable; height?: number; note?: ReactNode }) {
  const [showTable, setShowTable] = useState(false);
  return (
    <section className="chart-card" aria-label={title}>
      <header className="chart-card-header">
        <h2>{title}</h2>
        <button type="button" className="link-button" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
          {showTable ? 'Ẩn số liệu' : 'Xem số liệu'}
        </button>
      </header>
      <EChart option={option} height={height} label={title} />
      {note ? <div className="chart-note">{note}</div> : null}
      {showTable ? (
        <table className="list-table chart-table" aria-label={`Số liệu: ${title}`}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) => (
                  <td key={j} className={typeof v === 'number' || /^[-\d.,%—]+$/.test(v) ? 'num' : undefined}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Percent axis labels in vi-VN ("25%"); tooltips show the app's own rounded texts, passed per point. */
export { percentAxis } from './percent-axis';
