import type { ErrorHandler } from 'hono';
import { StorageUnavailableError } from '../repository/types.js';
import { fail, type Logger } from './answer.js';
import { wordsFor } from './language.js';

export interface ErrorAnswerOptions {
  logger: Pick<Logger, 'error'>;
  /** Told when the store could not be written, so the health check says so at once. */
  onStorageProblem?: (error: StorageUnavailableError) => void;
}

/**
 * Answers what went wrong inside the service: a store that cannot be written is 507 (full)
 * or 503 (read-only, unavailable), anything else 500. The reader is told that nothing was
 * stored; the operator's log gets the cause.
 */
export function answerErrors({
  logger,
  onStorageProblem,
}: ErrorAnswerOptions): ErrorHandler {
  return (error, c) => {
    if (error instanceof StorageUnavailableError) {
      onStorageProblem?.(error);
      logger.error(error.message);
      return fail(c, error.problem === 'full' ? 507 : 503, {
        code: 'unavailable',
        message: wordsFor(c).say('api-unavailable'),
      });
    }
    logger.error('The comment service failed:', error);
    return fail(c, 500, {
      code: 'server',
      message: wordsFor(c).say('api-failed'),
    });
  };
}
