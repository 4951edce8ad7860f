import { Module } from '@nestjs/common';
import { LiveFeed } from '@cm/application';
import { LiveHttpController } from './live.query.controller';

/** GET /live: server-sent events fed by this instance's own Kafka consumer (KAFKA and EVENT_STORE from the app). */
@Module({ controllers: [LiveHttpController], providers: [LiveFeed] })
export class LiveModule {}
