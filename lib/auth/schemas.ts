import { z } from "zod";

import { roleSchema } from "./roles";

export const MAX_AUTH_BODY_BYTES = 16 * 1024;
export const MIN_PASSWORD_LENGTH = 12;

const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());

/** POST /api/auth/sign-in */
export const signInSchema = z.object({
  email,
  password: z.string().min(1).max(1000),
});
export type SignInInput = z.infer<typeof signInSchema>;

const newPassword = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1000);

/** POST /api/users and `npm run user:create` */
export const createUserSchema = z.object({
  email,
  name: z.string().trim().max(100).default(""),
  role: roleSchema,
  password: newPassword,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

/** PATCH /api/users/[id] */
export const updateUserSchema = z
  .object({
    name: z.string().trim().max(100).optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: newPassword.optional(),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

const changePasswordFields = z.object({
  current: z.string().min(1, "enter your current password").max(1000),
  password: newPassword,
});
const notTheCurrent = (value: { current: string; password: string }) => value.password !== value.current;
const NOT_THE_CURRENT = { path: ["password"], message: "choose a password other than the current one" };

/** POST /api/auth/password: the signed-in user's own password. */
export const changePasswordSchema = changePasswordFields.strict().refine(notTheCurrent, NOT_THE_CURRENT);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The account page's form: the new password typed twice. */
export const changePasswordFormSchema = changePasswordFields
  .extend({ repeat: z.string() })
  .refine(notTheCurrent, NOT_THE_CURRENT)
  .refine((value) => value.repeat === value.password, { path: ["repeat"], message: "the two new passwords differ" });
