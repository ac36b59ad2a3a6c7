import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { binAnswerRate, type IntervalPoint } from '../domain/wallboard-model.ts';

/** Times on the hotline's clock (Beijing), 24-hour, whatever the wall screen's own time zone. */
const beijing = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Asia/Shanghai');
const hhmm = uPlot.fmtDate('{HH}:{mm}');

/** Last 2 hours by 5-minute interval: offered / answered / abandoned bars-as-steps and the answer
 *  rate against the target line (right axis). uPlot draws on canvas; data arrives at 1 Hz. */
export function WallboardChart(props: {
  bins: IntervalPoint[];
  target: number;
  labels: { time: string; offered: string; answered: string; abandoned: string; rate: string };
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const { bins, target, labels } = props;
  const data: uPlot.AlignedData = [
    bins.map((b) => b.start / 1000),
    bins.map((b) => b.offered),
    bins.map((b) => b.answered),
    bins.map((b) => b.abandoned),
    bins.map((b) => {
      const r = binAnswerRate(b);
      return r === null ? null : r * 100;
    }),
    bins.map(() => target * 100),
  ];
  // biome-ignore lint/correctness/useExhaustiveDependencies: the plot is rebuilt only when labels change; data goes through setData below
  useEffect(() => {
    if (!box.current) return;
    const steps = uPlot.paths.stepped?.({ align: 1 });
    const opts: uPlot.Options = {
      width: box.current.clientWidth || 600,
      height: 200,
      legend: { show: true },
      tzDate: beijing,
      scales: { x: { time: true }, pct: { range: [0, 100] } },
      axes: [
        { values: (_u, ticks) => ticks.map((t) => hhmm(beijing(t))) },
        { label: '' },
        { scale: 'pct', side: 1, grid: { show: false }, values: (_u, v) => v.map((x) => `${x}%`) },
      ],
      series: [
        { label: labels.time, value: (_u, ts) => (ts == null ? '--' : hhmm(beijing(ts))) },
        { label: labels.offered, stroke: '#2b6cb0', width: 2, paths: steps },
        { label: labels.answered, stroke: '#2f855a', width: 2, paths: steps },
        { label: labels.abandoned, stroke: '#c53030', width: 2, paths: steps },
        { label: labels.rate, stroke: '#805ad5', width: 2, scale: 'pct', spanGaps: true },
        { label: `${Math.round(target * 100)}%`, stroke: '#dd6b20', dash: [6, 4], width: 1, scale: 'pct' },
      ],
    };
    const p = new uPlot(opts, data, box.current);
    plot.current = p;
    const ro = new ResizeObserver(
      () => box.current && p.setSize({ width: box.current.clientWidth, height: 200 }),
    );
    ro.observe(box.current);
    return () => {
      ro.disconnect();
      p.destroy();
      plot.current = null;
    };
  }, [labels.offered, labels.answered, labels.abandoned, labels.rate, target]);
  useEffect(() => {
    plot.current?.setData(data);
  });
  return <div className="chart" ref={box} data-testid="wallboard-chart" />;
}
