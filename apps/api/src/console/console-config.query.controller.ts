import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@cm/platform';
import { Public } from '../auth/auth.decorators';
import { ConsoleSettings, consoleSettingsOf } from './console-settings';

@ApiTags('console')
@Controller('console')
export class ConsoleConfigHttpController {
  private readonly settings: ConsoleSettings;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = consoleSettingsOf(config);
  }

  @Public()
  @Get('config')
  @ApiOperation({ summary: 'How the web console signs in: the OpenID provider, and whether dev sign-in is allowed' })
  config(): ConsoleSettings {
    return this.settings;
  }
}
