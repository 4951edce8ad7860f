import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, Matches, ValidateIf } from 'class-validator';
import { Role, roles } from '@cm/domain';
import { APP_CONFIG, AppConfig, signToken } from '@cm/platform';
import { Public } from '../auth/auth.decorators';
import { BodySchemaRule } from '../openapi/body-constraints';
import { Problem } from '../problems/problem';
import { devSignInAllowed } from './console-settings';

const participantRoles: Role[] = ['donor', 'affected_state'];

/** A donor or affected State signs in for a participant. */
@BodySchemaRule({
  anyOf: [
    { properties: { role: { enum: roles.filter((role) => !participantRoles.includes(role)) } } },
    { required: ['participant'] },
  ],
})
export class DevSignInRequest {
  @ApiProperty({ enum: roles })
  @IsIn(roles)
  role!: Role;

  @ApiPropertyOptional({ example: 'NOR', description: 'Required for donor and affected_state' })
  // Absent is fine; null is not a participant id (IsOptional would let it through).
  @ValidateIf((request: DevSignInRequest) => request.participant !== undefined)
  @Matches(/^[A-Z][A-Z0-9_-]{1,31}$/, { message: 'participant must be a participant id such as NOR or EU' })
  participant?: string;
}

/**
 * Development only: a token for any role, so that the console can be tried without an identity provider. The module
 * does not mount this controller when NODE_ENV=production; the check here refuses it too if it ever were.
 */
@ApiTags('console')
@Controller('console')
export class DevSignInHttpController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Post('dev-token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only: a token for any role (not mounted in production)' })
  async token(@Body() request: DevSignInRequest): Promise<{ token: string }> {
    if (!devSignInAllowed(this.config)) throw new Problem(404, 'NOT_FOUND', 'development sign-in is off');
    const needsParticipant = participantRoles.includes(request.role);
    if (needsParticipant && !request.participant) {
      throw Problem.validation([{ field: 'participant', message: `a ${request.role} signs in for a participant` }]);
    }
    const secret = this.config.AUTH_JWT_SECRET ?? undefined;
    return {
      token: await signToken({
        role: request.role,
        ...(needsParticipant && { participant: request.participant }),
        sub: `dev-${request.role}-${(request.participant ?? 'user').toLowerCase()}`,
        ...(secret !== undefined && { secret }),
      }),
    };
  }
}
