import bcrypt from 'bcryptjs';

/** bcrypt work factor: ~100–200 ms per hash here, slow enough to blunt offline guessing. */
const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** Compared against when the account does not exist, so timing does not reveal which emails are known. */
export const UNKNOWN_USER_HASH = bcrypt.hashSync('concord-no-such-user', COST);
