export { bootstrap, BootstrapOptions } from './bootstrap';
export { APP_CONFIG, APP_IDENTITY, AppIdentity, ConfigModule } from './config/config.module';
export { AppConfig, ConfigurationError, configSchema, configVariableNames, loadConfig } from './config/config.schema';
export { KAFKA, KafkaModule } from './connections/kafka.module';
export { MONGO_CLIENT, MONGO_DB, MongoDbModule } from './connections/mongodb.module';
export { DependencyHealth } from './health/dependency-health';
export { REQUEST_ID_HEADER } from './logging/logging.module';
export { PlatformModule } from './platform.module';
export { HttpMetricsMiddleware, httpRequestDuration } from './metrics/http-metrics.middleware';
