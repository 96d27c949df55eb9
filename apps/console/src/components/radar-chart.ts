// The one chart the lazy wrapper in charts.tsx fetches: importing it alone keeps the other charts out of its chunk.
export { RadarChart } from '@mantine/charts';
