import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { CommandContext, derivedUuid } from '@cm/application';
import { v7 as uuidv7 } from 'uuid';
import { IdempotentRequest } from '../idempotency/idempotency.interceptor';

const correlationPattern = /^[\w.:-]{1,128}$/;

/** The command context of one HTTP request: its actor, its time, and ids derived from its Idempotency-Key if any. */
export function commandContextOf(request: IdempotentRequest, now = new Date()): CommandContext {
  if (!request.actor) throw new Error('a command needs an authenticated actor');
  const { idempotency } = request;
  const commandId = idempotency ? derivedUuid(`${idempotency.recordId}/command`, idempotency.createdAt) : uuidv7();
  const given = request.headers['x-correlation-id'] ?? request.headers['x-request-id'];
  const correlationId = typeof given === 'string' && correlationPattern.test(given) ? given : commandId;
  return {
    actor: request.actor,
    now: now.toISOString(),
    commandId,
    correlationId,
    ...(idempotency && { idempotency }),
  };
}

/** The request's command context, built after the guard and the idempotency interceptor have run. */
export const CommandContextOf = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext =>
  commandContextOf(context.switchToHttp().getRequest<IdempotentRequest>()),
);
