export { createWorker, RunningWorker } from './create-worker';
