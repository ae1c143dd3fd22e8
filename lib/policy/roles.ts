/** The roles a project member can hold; a member may hold several. */
/**
 * A trainee takes calibration rounds and sees nothing of the research data; once calibrated,
 * the owner may give them the coder role.
 */
export const ROLES = ['owner', 'coder', 'trainer', 'supervisor', 'trainee'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles are stored as a comma-separated column; unknown words are ignored. */
export function parseRoles(stored: string): Role[] {
  return stored.split(',').map((r) => r.trim()).filter(isRole);
}

export function formatRoles(roles: readonly Role[]): string {
  return ROLES.filter((r) => roles.includes(r)).join(',');
}
