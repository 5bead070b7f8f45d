/**
 * The campaign pages' charts: real SVG charts drawn by Recharts, in a chunk of their own that only the teacher's
 * campaign pages load (React.lazy in lazy-charts.ts). Series are told apart by their labels and patterns of the
 * axes, not by colour alone; ChartFigure gives each its text alternatives. Charts are not focusable (no
 * accessibility layer): every action they offer (a stage's students) has a button beside them.
 */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';

const BLUE = '#1f3a93';
const COLORS = ['#a4161a', '#b35c00', '#1f6f43', '#1f3a93'] as const;
const HEIGHT = 260;

export interface BarDatum {
  label: string;
  value: number;
}

/** One bar per category, its value written on it; `onSelect` when a bar is clicked (a button does it too). */
export function CategoryBars({ data, unit = '', onSelect }: { data: BarDatum[]; unit?: string; onSelect?: (index: number) => void }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} unit={unit} width={48} />
        <Bar dataKey="value" isAnimationActive={false} onClick={onSelect ? (_d, index) => onSelect(index) : undefined} cursor={onSelect ? 'pointer' : undefined}>
          {data.map((_d, i) => (
            <Cell key={i} fill={COLORS[i % COLORS.length]} />
          ))}
          <LabelList dataKey="value" position="top" formatter={(v: unknown) => `${String(v)}${unit}`} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Horizontal bars of percentages (per-competence averages, topics least mastered). */
export function PercentBars({ data }: { data: BarDatum[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, 36 * data.length + 40)}>
      <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} unit=" %" />
        <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 12 }} />
        <Bar dataKey="value" fill={BLUE} isAnimationActive={false}>
          <LabelList dataKey="value" position="right" formatter={(v: unknown) => `${String(v)} %`} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface TimelineDatum {
  day: string;
  started: number;
  shared: number;
}

/** Cumulative participation per day: two lines, one dashed, each named in the legend. */
export function TimelineLines({ data, startedLabel, sharedLabel }: { data: TimelineDatum[]; startedLabel: string; sharedLabel: string }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={data} accessibilityLayer={false} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} width={40} />
        <Legend />
        <Line type="monotone" dataKey="started" name={startedLabel} stroke={BLUE} strokeWidth={2} isAnimationActive={false} />
        <Line type="monotone" dataKey="shared" name={sharedLabel} stroke="#1f6f43" strokeWidth={2} strokeDasharray="6 3" isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export interface StackDatum {
  label: string;
  [series: string]: string | number;
}

/** Stacked bars: each competence's participants by stage, each stage named in the legend. */
export function StackedBars({ data, series }: { data: StackDatum[]; series: { key: string; label: string }[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, 40 * data.length + 60)}>
      <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 12 }} />
        <Legend />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stages" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
