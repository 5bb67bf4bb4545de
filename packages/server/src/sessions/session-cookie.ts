// The session cookie: `__Host-homeward_session` (Secure, Path=/, no Domain, so no subdomain or plain-HTTP
// page can set or read it) when Homeward is served over HTTPS; `homeward_session` on http://localhost,
// where browsers refuse Secure cookies. HttpOnly keeps it from scripts; SameSite=Lax from cross-site writes.
import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config/config.js';

export type CookieConfig = Pick<Config, 'publicUrl' | 'session'>;

export function isSecureOrigin(config: Pick<Config, 'publicUrl'>): boolean {
  return config.publicUrl.startsWith('https:');
}

export function sessionCookieName(config: Pick<Config, 'publicUrl'>): string {
  return isSecureOrigin(config) ? '__Host-homeward_session' : 'homeward_session';
}

/** Puts the session token in the reply's cookie; the browser drops it at the absolute limit. */
export function setSessionCookie(reply: FastifyReply, token: string, config: CookieConfig): FastifyReply {
  return reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    secure: isSecureOrigin(config),
    sameSite: 'lax',
    maxAge: config.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: CookieConfig): FastifyReply {
  return reply.clearCookie(sessionCookieName(config), {
    path: '/',
    httpOnly: true,
    secure: isSecureOrigin(config),
    sameSite: 'lax',
  });
}
