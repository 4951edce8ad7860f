import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { loadConfig } from '@cm/platform';
import { ConsoleConfigHttpController } from './console-config.query.controller';
import { DevSignInHttpController } from './dev-sign-in.http.controller';

// Decided when the module loads, from the same variables the app validates: production never mounts dev sign-in.
const startup = loadConfig(process.env, 3000);
const production = startup.NODE_ENV === 'production';

/** The web console (apps/console, built by `npm run build`) under /console, with the settings it starts from. */
@Module({
  imports: [
    ServeStaticModule.forRoot({
      rootPath: resolve(startup.CONSOLE_DIR),
      serveRoot: '/console',
      serveStaticOptions: { index: 'index.html', maxAge: '1h', setHeaders: noCacheForIndex },
    }),
  ],
  controllers: production ? [ConsoleConfigHttpController] : [ConsoleConfigHttpController, DevSignInHttpController],
})
export class ConsoleModule {}

/** Hashed assets may be cached; index.html must not be, or a new release would load old asset names. */
function noCacheForIndex(response: { setHeader(name: string, value: string): void }, path: string): void {
  if (path.endsWith('index.html')) response.setHeader('cache-control', 'no-cache');
}
