/**
 * A chart with its text alternatives: a caption, a sentence that says what the chart shows (read by screen readers
 * in place of the drawing, which is hidden from them), and the chart's data as a table under "Voir les données du
 * graphique". The drawing itself is a lazily loaded SVG chart (charts/CampaignCharts.tsx).
 */
import { Suspense, useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

export function ChartFigure({ title, summary, table, children }: { title: string; summary: string; table: ChartTable; children: ReactNode }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <figure className="chart-figure" aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
      <p className="visually-hidden">{summary}</p>
      {/* The SVG repeats the summary and the table for sighted readers; screen readers get those instead. */}
      <div className="chart-drawing" aria-hidden="true">
        <Suspense fallback={<p>{t('app.loadingPage')}</p>}>{children}</Suspense>
      </div>
      <details className="chart-data">
        <summary>{t('teacher.campaigns.chartData')}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
