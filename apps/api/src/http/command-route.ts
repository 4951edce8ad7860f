import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiResponse,
} from '@nestjs/swagger';
import { Role } from '@cm/domain';
import { Roles } from '../auth/auth.decorators';
import { AnsweredRecord, commandAnswerOf } from './command-answer';

export interface CommandRouteOptions {
  summary: string;
  roles: Role[];
  creates?: boolean;
  /** Whose id the answer carries (a delivery command answers the delivery's, not the allocation's). */
  record: AnsweredRecord;
  /** The domain rules this route may fail with, shown in the document. */
  failures?: string;
}

/** What every command route declares: who may call it, its answer, its failures and the Idempotency-Key header. */
export function CommandRoute(options: CommandRouteOptions): MethodDecorator {
  const answer = options.creates ? ApiCreatedResponse : ApiOkResponse;
  return applyDecorators(
    Roles(...options.roles),
    HttpCode(options.creates ? HttpStatus.CREATED : HttpStatus.OK),
    ApiBearerAuth(),
    ApiOperation({ summary: options.summary, description: `Roles: ${options.roles.join(', ')}.` }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Same key and body: the first answer again, nothing written. Same key, other body: 409.',
    }),
    answer({ type: commandAnswerOf(options.record) }),
    ApiResponse({ status: 400, description: 'VALIDATION_FAILED (errors[] names each field) or a field rule' }),
    ApiResponse({ status: 401, description: 'UNAUTHENTICATED: missing, bad or expired token' }),
    ApiResponse({ status: 403, description: 'FORBIDDEN (role) or FORBIDDEN_PARTICIPANT (acting for another)' }),
    ApiResponse({ status: 409, description: 'IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_PROGRESS, VERSION_CONFLICT' }),
    ApiResponse({ status: 422, description: options.failures ?? 'A business rule failed (code names it)' }),
  );
}
