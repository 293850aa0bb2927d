import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { SHOP_OPTIONS, type ShopOptions } from '../config/shop.options';
import { verifyToken } from './jwt';
import { isAdmin, type Principal } from './principal';

/**
 * `Authorization: Bearer <jwt>` → `req.user`. Every user-facing route is behind it: the user is
 * whoever the token names, never a path segment or body field.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(@Inject(SHOP_OPTIONS) private readonly options: ShopOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const header = req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(header);
    const user = match ? verifyToken(match[1]!, this.options.jwtSecret) : null;
    if (!user) {
      throw new UnauthorizedException({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'a valid bearer token is required' });
    }
    req.user = user;
    return true;
  }
}

/** After `JwtAuthGuard`: the user must have the `admin` role (refunds, abandon). */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!user || !isAdmin(user)) {
      throw new ForbiddenException({ statusCode: 403, code: 'ADMIN_ONLY', message: 'this action needs the admin role' });
    }
    return true;
  }
}
