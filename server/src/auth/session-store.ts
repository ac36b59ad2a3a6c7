// Server-side sessions in Redis: `<prefix>session:<sid>` → JSON, sliding TTL; `<prefix>user-sessions:<userId>`
// → set of sids (to revoke every session of a user). The sid is 256 random bits in an httpOnly cookie.
import { randomBytes } from 'node:crypto';
import Tokens from '@fastify/csrf';
import type { Redis } from 'ioredis';
import type { Role } from './roles.ts';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string;
}

export interface Session {
  sid: string;
  user: SessionUser;
  csrfSecret: string;
  createdAt: number;
}

const tokens = Tokens({ userInfo: true }) as Tokens.TokensUserinfo;

export function csrfTokenFor(s: Session): string {
  return tokens.create(s.csrfSecret, s.sid);
}

export function csrfTokenValid(s: Session, token: string | undefined): boolean {
  return typeof token === 'string' && token.length > 0 && tokens.verify(s.csrfSecret, token, s.sid);
}

export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  private key(sid: string) {
    return `${this.prefix}session:${sid}`;
  }
  private userKey(userId: string) {
    return `${this.prefix}user-sessions:${userId}`;
  }

  async create(user: SessionUser): Promise<Session> {
    const s: Session = {
      sid: randomBytes(32).toString('base64url'),
      user,
      csrfSecret: tokens.secretSync(),
      createdAt: Date.now(),
    };
    await this.redis
      .multi()
      .set(this.key(s.sid), JSON.stringify(s), 'EX', this.ttlSeconds)
      .sadd(this.userKey(user.id), s.sid)
      .expire(this.userKey(user.id), this.ttlSeconds)
      .exec();
    return s;
  }

  /** Reads and slides the expiry. Malformed sids are rejected without a Redis call. */
  async get(sid: string | undefined): Promise<Session | null> {
    if (!sid || !/^[A-Za-z0-9_-]{43}$/.test(sid)) return null;
    const raw = await this.redis.getex(this.key(sid), 'EX', this.ttlSeconds);
    return raw ? (JSON.parse(raw) as Session) : null;
  }

  async destroy(s: Session): Promise<void> {
    await this.redis.multi().del(this.key(s.sid)).srem(this.userKey(s.user.id), s.sid).exec();
  }

  /** Revoke every session of a user, optionally keeping one (password change keeps the current one). */
  async destroyAllForUser(userId: string, keepSid?: string): Promise<void> {
    const sids = (await this.redis.smembers(this.userKey(userId))).filter((x) => x !== keepSid);
    if (sids.length === 0) return;
    await this.redis
      .multi()
      .del(...sids.map((x) => this.key(x)))
      .srem(this.userKey(userId), ...sids)
      .exec();
  }
}
