import './tracing';
import { bootstrap } from '@cm/platform';
import { RelayModule } from './relay.module';

void bootstrap(RelayModule);
