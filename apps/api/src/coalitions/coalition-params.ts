import { ApiParam } from '@nestjs/swagger';
import { recordIdPattern } from '../http/request-fields';

export const CoalitionIdParam = (): MethodDecorator =>
  ApiParam({ name: 'id', schema: { type: 'string', pattern: recordIdPattern.source }, description: 'Coalition id' });
