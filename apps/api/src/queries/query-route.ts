import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse } from '@nestjs/swagger';

/** What every query route declares: any authenticated role, its failures (ConsistentRead adds read-your-writes). */
export function QueryRoute(summary: string): MethodDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiOperation({ summary, description: 'Any authenticated role.' }),
    ApiResponse({ status: 400, description: 'VALIDATION_FAILED: errors[] names each bad query parameter' }),
    ApiResponse({ status: 401, description: 'UNAUTHENTICATED' }),
  );
}
