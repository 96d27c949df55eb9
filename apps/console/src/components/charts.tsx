import { lazyNamed } from './lazy';

const loadRadarChart = () => import('./radar-chart');

/**
 * @mantine/charts' RadarChart, fetched with the charting library (recharts, a third of the whole bundle) when first
 * drawn, so that a page whose chart sits beside its main content (the portfolio's table) shows that content without
 * waiting for it. It suspends until then: put it under a Suspense boundary holding what should appear with it.
 */
export const RadarChart = lazyNamed(loadRadarChart, 'RadarChart');

/** Starts fetching the radar chart's chunk (once the page's main content is shown) so the chart does not wait for it. */
export function preloadRadarChart(): void {
  void loadRadarChart();
}
