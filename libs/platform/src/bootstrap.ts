import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { stopTracing } from '@cm/observability';
import { APP_CONFIG } from './config/config.module';
import { AppConfig, ConfigurationError } from './config/config.schema';

export interface BootstrapOptions {
  /** Extra setup before listening (the api adds validation and OpenAPI here). */
  configure?: (app: INestApplication, config: AppConfig) => void | Promise<void>;
  /** false: the app installs its own body parsers in `configure` (Nest's default is JSON and forms, 100 kB). */
  bodyParser?: boolean;
}

/**
 * On SIGTERM or SIGINT: stop accepting requests, let modules finish the work in hand and close their clients
 * (Nest's shutdown hooks), then exit 0; exit 1 if that takes longer than the configured timeout.
 */
function closeGracefully(app: INestApplication, timeoutMs: number): void {
  const logger = app.get(Logger);
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: shutting down`, 'Bootstrap');
    const timer = setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms; exiting anyway`, 'Bootstrap');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    app
      .close()
      .then(() => stopTracing()) // the last spans (this shutdown's work included) are exported before exiting
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`shutdown failed: ${(error as Error).message}`, 'Bootstrap');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/**
 * Starts an app: JSON logs from the first line, graceful shutdown on SIGTERM/SIGINT (Nest closes modules, which close
 * their clients and finish the work in hand), and a clear message instead of a stack trace for bad configuration.
 */
export async function bootstrap(rootModule: Type<unknown>, options: BootstrapOptions = {}): Promise<INestApplication> {
  try {
    const app = await NestFactory.create(rootModule, {
      bufferLogs: true,
      abortOnError: false,
      bodyParser: options.bodyParser ?? true,
    });
    app.useLogger(app.get(Logger));
    const config = app.get<AppConfig>(APP_CONFIG);
    closeGracefully(app, config.SHUTDOWN_TIMEOUT_MS);
    await options.configure?.(app, config);
    await app.listen(config.PORT, config.HOST);
    app.get(Logger).log(`listening on http://${config.HOST}:${config.PORT}`, 'Bootstrap');
    return app;
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
