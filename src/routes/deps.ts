import type { Context } from 'hono';
import type { ServiceConfig } from '../config.js';
import type { Logger } from '../middleware/answer.js';
import type { CommentRepository } from '../repository/types.js';

/** What the routes are given by `createApp`. */
export interface RouteDeps {
  repository: CommentRepository;
  config: ServiceConfig;
  /** The client's address for rate limits; the server adapter knows it. */
  address?: ((c: Context) => string | undefined) | undefined;
  /** The time comments are stamped with and rate limits measured by. */
  now: () => Date;
  logger: Logger;
}
