export { createWorker, RunningWorker } from './create-worker';
export { WorkerModule } from './worker.module';
