import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Role, roles } from '@cm/domain';
import { APP_CONFIG, AppConfig, signToken } from '@cm/platform';
import { Public } from '../auth/auth.decorators';
import { Problem } from '../problems/problem';
import { devSignInAllowed } from './console-settings';

export class DevSignInRequest {
  @IsIn(roles)
  role!: Role;

  @IsOptional()
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
    const needsParticipant = request.role === 'donor' || request.role === 'affected_state';
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
