// API contract: users and organisation units.
import Type, { type Static } from 'typebox';
import { RoleSchema } from './auth.ts';

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  orgUnitId: Type.String(),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
});

export const CreateUserSchema = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 10, maxLength: 256 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 10, uniqueItems: true }),
    orgUnitId: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);

export const UpdateUserSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: 10, uniqueItems: true })),
    orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    disabled: Type.Optional(Type.Boolean()),
    /** Admin reset: the user must change it at next sign-in. */
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 256 })),
    /** Clear a login lockout. */
    unlock: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const OrgUnitSchema = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  kind: Type.Enum(['center', 'authority', 'county', 'county_office', 'department']),
});

export type User = Static<typeof UserSchema>;
export type CreateUserRequest = Static<typeof CreateUserSchema>;
export type UpdateUserRequest = Static<typeof UpdateUserSchema>;
export type OrgUnit = Static<typeof OrgUnitSchema>;
