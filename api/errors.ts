import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error type the API raises. `code` is machine-readable and stable (`order_not_found`,
 * `scan_unexpected_item`…); `message` is for the person in front of the screen and says what was expected.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (code: string, message: string) => new AppError(code, 404, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 409, message, details);
export const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 422, message, details);
