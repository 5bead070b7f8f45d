/**
 * The charts' chunk, loaded when a campaign's tabs first draw one: Recharts stays out of every other page, the
 * students' included.
 */
import { lazy } from 'react';

const charts = () => import('./CampaignCharts.tsx');

export const CategoryBars = lazy(() => charts().then((m) => ({ default: m.CategoryBars })));
export const PercentBars = lazy(() => charts().then((m) => ({ default: m.PercentBars })));
export const TimelineLines = lazy(() => charts().then((m) => ({ default: m.TimelineLines })));
export const StackedBars = lazy(() => charts().then((m) => ({ default: m.StackedBars })));
