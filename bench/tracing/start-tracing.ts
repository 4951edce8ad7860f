import { startTracing } from '@cm/observability';

// Imported first by the worker, as by each app's main.ts: the instrumentations must patch mongodb before it loads.
startTracing('cm-bench');
