import { startTracing } from '@cm/observability';

// Imported first by main.ts: the instrumentations must patch http and mongodb before Nest loads them.
startTracing('cm-projector');
