import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@cm/platform';
import { authSettingsOf } from './auth-settings';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const settings = authSettingsOf(config);
        if (settings.usesDevelopmentSecret) {
          new Logger('Auth').warn(
            'AUTH_JWT_SECRET and AUTH_JWKS_URL are unset: tokens are verified with the public development secret ' +
              '(npm run token signs them). Never run like this in production.',
          );
        }
        return new TokenVerifier(settings);
      },
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
