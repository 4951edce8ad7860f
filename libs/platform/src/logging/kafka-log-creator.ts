import { Logger } from '@nestjs/common';
import { LogEntry, logLevel } from 'kafkajs';

const logger = new Logger('kafkajs');

/** Routes kafkajs's own logging into the app's structured log instead of its console JSON. */
export const kafkaLogCreator =
  () =>
  ({ level, log }: LogEntry): void => {
    const { message, ...extra } = log;
    const line = `${message} ${JSON.stringify(extra)}`;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else if (level === logLevel.INFO) logger.log(line);
    else logger.debug(line);
  };
