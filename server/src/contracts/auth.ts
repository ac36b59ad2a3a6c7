// API contract (TypeBox schemas = JSON schema + static types) for sign-in, profile, SIP credentials.
// The console imports the TYPES only: `import type { Me } from '@hotline/server/contracts/auth.ts'`.
import Type, { type Static } from 'typebox';
import { ROLES } from '../auth/roles.ts';

export const RoleSchema = Type.Enum(ROLES);

export const LoginRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const SipCredentialsSchema = Type.Object({
  /** `<agentId>.<expiryEpochSeconds>` */
  username: Type.String(),
  password: Type.String(),
  /** Epoch seconds. Refresh with GET /api/auth/sip-credentials before it passes. */
  expiresAt: Type.Integer(),
  domain: Type.String(),
  wsUrl: Type.String(),
});

export const MeSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  orgUnitId: Type.String(),
  /** Permissions the policy grants this user (to show/hide UI). */
  permissions: Type.Array(Type.String()),
  /** Send back in the `x-csrf-token` header on every write. */
  csrfToken: Type.String(),
  mustChangePassword: Type.Boolean(),
});

export const LoginResponseSchema = Type.Object({
  user: MeSchema,
  sip: Type.Optional(SipCredentialsSchema),
});

export const ChangePasswordSchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const OkSchema = Type.Object({ ok: Type.Literal(true) });

export type LoginRequest = Static<typeof LoginRequestSchema>;
export type LoginResponse = Static<typeof LoginResponseSchema>;
export type Me = Static<typeof MeSchema>;
export type SipCredentialsDto = Static<typeof SipCredentialsSchema>;
export type ChangePasswordRequest = Static<typeof ChangePasswordSchema>;
