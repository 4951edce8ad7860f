import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG } from '@cm/platform';
import { rateLimitsOf, RateLimitGuard } from './rate-limits';
import { RequestDeadlineInterceptor } from './request-deadline.interceptor';

/** Rate limits per token and per address, and the per-request deadline: app-wide, configured from APP_CONFIG. */
@Module({
  imports: [ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: rateLimitsOf })],
  providers: [
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_INTERCEPTOR, useClass: RequestDeadlineInterceptor },
  ],
})
export class RequestLimitsModule {}
