import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The authenticated user, as the JWT guard put it on `req.user`. */
export interface Principal {
  id: string;
  email: string | null;
  roles: string[];
}

export function isAdmin(user: Principal): boolean {
  return user.roles.includes('admin');
}

/** `@CurrentUser() user: Principal` in a guarded controller. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ user: Principal }>().user;
});
