import './tracing';
import { bootstrap } from '@cm/platform';
import { ProjectorModule } from './projector.module';

void bootstrap(ProjectorModule);
