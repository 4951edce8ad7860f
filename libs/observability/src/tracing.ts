import type { NodeSDK } from '@opentelemetry/sdk-node';
import { markTracingStarted } from './spans';

/** Probes and scrapes would each start a trace of their own and drown the commands. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

let sdk: NodeSDK | undefined;

/**
 * Tracing is off unless `OTEL_TRACES_EXPORTER` names an exporter (`otlp`, `console`, `zipkin`): the specification's
 * default is `otlp`, but a ministry's deployment must not start sending telemetry because a variable was left unset.
 * `OTEL_SDK_DISABLED=true` turns it off whatever else is set.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== 'true' && exporters.length > 0 && !exporters.includes('none');
}

/**
 * Starts the OpenTelemetry SDK, configured only by the standard `OTEL_*` variables, when tracing is requested. It must
 * run before Nest, http or mongodb are loaded (each app's `tracing.ts`, imported first by its `main.ts`), because the
 * instrumentations patch those modules as they are required. When tracing is off the SDK is not even loaded.
 * `serviceName` applies only when `OTEL_SERVICE_NAME` is unset.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (sdk || !tracingRequested(env)) return false;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily: nothing of the SDK when tracing is off */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { MongoDBInstrumentation } =
    require('@opentelemetry/instrumentation-mongodb') as typeof import('@opentelemetry/instrumentation-mongodb');
  /* eslint-enable @typescript-eslint/no-require-imports */
  sdk = new NodeSDK({
    ...(env.OTEL_SERVICE_NAME ? {} : { serviceName }),
    // This lib is about traces; metrics stay on /metrics (Prometheus) unless OTEL_METRICS_EXPORTER asks for more.
    ...(env.OTEL_METRICS_EXPORTER ? {} : { metricReaders: [] }),
    ...(env.OTEL_LOGS_EXPORTER ? {} : { logRecordProcessors: [] }),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? '') }),
      new MongoDBInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  markTracingStarted(true);
  return true;
}

/** Exports the spans still buffered and stops the SDK; a no-op when tracing is off. Call it before the process exits. */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  markTracingStarted(false);
  await running?.shutdown();
}
