import { z } from "zod";

import { roleSchema } from "./roles";

export const MAX_AUTH_BODY_BYTES = 16 * 1024;
export const MIN_PASSWORD_LENGTH = 12;

const email = z.email().max(254).transform((value) => value.toLowerCase());

/** POST /api/auth/sign-in */
export const signInSchema = z.object({
  email,
  password: z.string().min(1).max(1000),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** POST /api/users and `npm run user:create` */
export const createUserSchema = z.object({
  email,
  name: z.string().trim().max(100).default(""),
  role: roleSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1000),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

/** PATCH /api/users/[id] */
export const updateUserSchema = z
  .object({
    name: z.string().trim().max(100).optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1000).optional(),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
