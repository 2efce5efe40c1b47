import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { problem } from './problem.js';

/** Every router shares the validation hook, so a bad body always lists every bad field the same way. */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const errors = result.error.issues.map((i) => ({
        path: i.path.join('.') || '(body)',
        message: i.message,
      }));
      return problem(
        c,
        400,
        'validation_failed',
        `Invalid request: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
        {
          errors,
        },
      );
    },
  });
}
