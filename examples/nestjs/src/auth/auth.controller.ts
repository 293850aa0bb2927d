import { Body, Controller, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { ParseBodyPipe, badRequest, requireString } from '../common/parse-body.pipe';
import { SHOP_OPTIONS, type ShopOptions } from '../config/shop.options';
import { signToken } from './jwt';

interface DevLoginDto {
  userId: string;
  email: string | null;
}

const parseDevLogin = (body: Record<string, unknown>): DevLoginDto => {
  const userId = requireString(body, 'userId', 64);
  if (!/^[A-Za-z0-9_-]+$/.test(userId)) throw badRequest('FIELD_INVALID', 'userId may contain letters, digits, "_" and "-" only');
  const email = body.email === undefined ? null : requireString(body, 'email', 254);
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) throw badRequest('FIELD_INVALID', 'email is not an address');
  return { userId, email };
};

/**
 * Development sign-in (SHOP_DEV_LOGIN=1 only; refused in live mode at start-up): a customer
 * token for any user id, so the demo page and curl can try the shop. It never grants `admin`.
 * A real shop replaces this with its identity provider; the guard only needs the token.
 */
@Controller('auth')
export class AuthController {
  constructor(@Inject(SHOP_OPTIONS) private readonly options: ShopOptions) {}

  @Post('dev-login')
  @HttpCode(200)
  devLogin(@Body(new ParseBodyPipe(parseDevLogin)) body: DevLoginDto): { token: string; userId: string } {
    if (!this.options.devLogin) {
      throw new NotFoundException({ statusCode: 404, code: 'NOT_FOUND', message: 'dev login is disabled' });
    }
    const token = signToken({ id: body.userId, email: body.email, roles: ['customer'] }, this.options.jwtSecret);
    return { token, userId: body.userId };
  }
}
