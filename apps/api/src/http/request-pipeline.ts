import { Provider } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { Db } from 'mongodb';
import { IDEMPOTENCY_KEYS, MongoIdempotencyKeys } from '@cm/application';
import { MONGO_DB } from '@cm/platform';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { ProblemFilter } from '../problems/problem.filter';
import { requestValidationPipe } from '../problems/validation';

/**
 * What every route of the api goes through, registered once by the api module: body validation, problem+json for
 * every error, and Idempotency-Key on every POST (with the store of its keys).
 */
export const requestPipeline: Provider[] = [
  { provide: APP_PIPE, useFactory: requestValidationPipe },
  { provide: APP_FILTER, useClass: ProblemFilter },
  { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  { provide: IDEMPOTENCY_KEYS, inject: [MONGO_DB], useFactory: (db: Db) => new MongoIdempotencyKeys(db) },
];
