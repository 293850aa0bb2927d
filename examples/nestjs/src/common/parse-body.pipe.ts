import { BadRequestException, type PipeTransform } from '@nestjs/common';

/**
 * Request-shape checks (is it an object, is `quantity` an integer). These guard the HTTP edge
 * only; whether the cart is *valid* (stock, prices, limits) is decided by `validateCart` in the
 * native module, which is why a negative or absurd quantity is let through here: the rules
 * report it with a machine-readable code the front end understands.
 */
export type BodyParser<T> = (body: Record<string, unknown>) => T;

/** `@Body(new ParseBodyPipe(parseX))`: runs a parser and turns its complaints into a 400. */
export class ParseBodyPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly parse: BodyParser<T>) {}

  transform(value: unknown): T {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw badRequest('BODY_INVALID', 'request body must be a JSON object');
    }
    return this.parse(value as Record<string, unknown>);
  }
}

/** A 400 whose body carries a stable `code`, like every error this API returns. */
export function badRequest(code: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, code, message });
}

export function requireString(body: Record<string, unknown>, field: string, maxLength = 256): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw badRequest('FIELD_INVALID', `${field} must be a non-empty string of at most ${maxLength} characters`);
  }
  return value;
}

export function requireInteger(body: Record<string, unknown>, field: string): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw badRequest('FIELD_INVALID', `${field} must be an integer`);
  }
  return value;
}
