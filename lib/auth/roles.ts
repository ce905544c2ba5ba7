import { z } from "zod";

/** Each role can do everything the ones before it can. */
export const ROLES = ["engineer", "trainer", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** A stored role string as a Role; an unknown one counts as the least privileged. */
export function toRole(stored: string): Role {
  return roleSchema.safeParse(stored).data ?? "engineer";
}
