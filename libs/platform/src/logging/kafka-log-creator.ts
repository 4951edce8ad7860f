import { Logger } from '@nestjs/common';
import { LogEntry, logLevel } from 'kafkajs';

const logger = new Logger('kafkajs');

/** Routes kafkajs's own logging into the app's structured log instead of its console JSON. */
export const kafkaLogCreator =
  () =>
  ({ level, log }: LogEntry): void => {
    const { message, ...extra } = log;
    const line = `${message} ${JSON.stringify(extra)}`;
    // kafkajs logs every error response at ERROR, also the retriable ones it then retries (a coordinator still
    // loading at start-up); what it finally gives up on reaches the caller as an exception.
    const retriable =
      (extra as { retriable?: boolean }).retriable === true || message.startsWith('[Connection] Response');
    if (level === logLevel.ERROR && !retriable) logger.error(line);
    else if (level === logLevel.ERROR) logger.warn(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else if (level === logLevel.INFO) logger.log(line);
    else logger.debug(line);
  };
