import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';

/** What every query route declares: any authenticated role, read-your-writes header, its failures. */
export function QueryRoute(summary: string): MethodDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiOperation({ summary, description: 'Any authenticated role.' }),
    ApiHeader({
      name: 'X-Consistent-With',
      required: false,
      description:
        'A consistencyToken from a command: waits until the read models this query reads have applied every write ' +
        'of that command on them; the answer carries X-Consistency: consistent, or stale if they could not within ' +
        'CONSISTENCY_WAIT_MS. An unknown token answers 400',
    }),
    ApiResponse({ status: 400, description: 'VALIDATION_FAILED: errors[] names each bad query parameter' }),
    ApiResponse({ status: 401, description: 'UNAUTHENTICATED' }),
  );
}
