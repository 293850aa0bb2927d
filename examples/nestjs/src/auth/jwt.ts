import jwt from 'jsonwebtoken';
import type { Principal } from './principal';

/**
 * HS256 bearer tokens. `jsonwebtoken` rather than hand-written code: algorithm pinning
 * (no `alg: none`, no key confusion), expiry and claim checks are where home-made JWT code
 * goes wrong.
 */
export function signToken(user: Principal, secret: string, expiresInSeconds = 3600): string {
  return jwt.sign({ email: user.email, roles: user.roles }, secret, {
    algorithm: 'HS256',
    subject: user.id,
    expiresIn: expiresInSeconds,
  });
}

/** The principal of a valid token, or null (bad signature, expired, wrong algorithm, no subject). */
export function verifyToken(token: string, secret: string): Principal | null {
  try {
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
    if (typeof claims !== 'object' || typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 64) {
      return null;
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
    const email = typeof claims.email === 'string' ? claims.email : null;
    return { id: claims.sub, email, roles };
  } catch {
    return null;
  }
}
