import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DependencyHealth } from './dependency-health';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dependencies: DependencyHealth,
  ) {}

  /** The process is up and its event loop turns; says nothing about its dependencies. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 only when MongoDB and Kafka both answer; otherwise 503 naming the one that does not. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.dependencies.mongodb(), () => this.dependencies.kafka()]);
  }
}
