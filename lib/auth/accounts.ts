import type { PrismaClient, User } from "@/generated/prisma/client";

import { AppError } from "../http/errors";
import { hashPassword } from "./password";
import { toRole, type Role } from "./roles";
import { createUserSchema, type CreateUserInput, type UpdateUserInput } from "./schemas";

export type Account = { id: string; email: string; name: string; role: Role; disabled: boolean; createdAt: string };

export function toAccount(user: User): Account {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: toRole(user.role),
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Creates an account; 409 when the email is taken. */
export async function createUser(prisma: PrismaClient, input: CreateUserInput): Promise<Account> {
  const data = createUserSchema.parse(input);
  if (await prisma.user.findUnique({ where: { email: data.email } })) throw new AppError(409, `email: an account for ${data.email} exists`);
  const user = await prisma.user.create({ data: { email: data.email, name: data.name, role: data.role, passwordHash: await hashPassword(data.password) } });
  return toAccount(user);
}

export async function listUsers(prisma: PrismaClient): Promise<Account[]> {
  return (await prisma.user.findMany({ orderBy: { email: "asc" } })).map(toAccount);
}

/** Changes name, role, password or disabled state; disabling or a new password signs the user out everywhere. */
export async function updateUser(prisma: PrismaClient, id: string, change: UpdateUserInput): Promise<Account> {
  const existing = await prisma.user.findUnique({ where: { id } });
  if (!existing) throw new AppError(404, `no account "${id}"`);
  const user = await prisma.user.update({
    where: { id },
    data: {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.role ? { role: change.role } : {}),
      ...(change.disabled !== undefined ? { disabledAt: change.disabled ? (existing.disabledAt ?? new Date()) : null } : {}),
      ...(change.password ? { passwordHash: await hashPassword(change.password) } : {}),
    },
  });
  if (change.disabled || change.password) await prisma.authSession.deleteMany({ where: { userId: id } });
  return toAccount(user);
}

/** Whether any account exists: with none, the app runs for one person without sign-in. */
export async function hasAccounts(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.findFirst({ select: { id: true } })) !== null;
}
