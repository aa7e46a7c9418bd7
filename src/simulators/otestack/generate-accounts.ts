import type { SimEnv } from '../kit/definition.js';
import type { Rng } from '../kit/rng.js';
import { BUSINESSES, SURNAMES } from './catalog.js';
import { type Business, BUSINESS_STATUS, ROLE, type User, USER_STATUS } from './state.js';

const DAY = 86_400_000;

/**
 * The platform's people and business namespaces: the demo system administrator, one
 * business administrator per approved business, general users in the first two, an
 * administrator whose business still waits for approval, and a registration that
 * waits for the system administrator. Every role and status of the document appears.
 */
export function generateAccounts(env: SimEnv, rng: Rng, now: number): { users: User[]; businesses: Business[] } {
  const admin: User = {
    id: 1,
    user: env.credentials.user ?? 'admin',
    password: env.credentials.password ?? '',
    realName: 'Platform Administrator',
    phone: '13800138000',
    role: ROLE.systemAdmin,
    status: USER_STATUS.approved,
    isAdmin: true,
    repoAccount: { user: env.credentials.user ?? 'admin', password: env.credentials.password ?? '' },
    createdAt: now - 400 * DAY,
    updatedAt: now - 400 * DAY,
  };
  const owners = BUSINESSES.length;
  const members = SURNAMES.slice(0, owners + 1).map((surname, i): User => {
    const user = `${surname}.${rng.pick(['wei', 'fang', 'jun', 'min', 'lei', 'jing'])}`;
    const password = `${rng.alnum(6)}A@${rng.int(10, 99)}`;
    const realName = `${surname[0]?.toUpperCase()}${surname.slice(1)} ${rng.pick(['Wei', 'Fang', 'Jun', 'Min', 'Lei', 'Jing'])}`;
    const phone = `1${rng.pick(['38', '39', '58', '86', '89'])}${rng.int(10_000_000, 99_999_999)}`;
    const hasRepoAccount = rng.chance(0.6);
    const createdAt = now - rng.int(30, 380) * DAY;
    const owner = i < owners;
    return {
      id: i + 2,
      user,
      password,
      realName,
      phone,
      role: owner ? ROLE.businessAdmin : ROLE.general,
      status: USER_STATUS.approved,
      isAdmin: owner,
      businessId: owner ? i + 1 : 1,
      ...(hasRepoAccount ? { repoAccount: { user, password } } : {}),
      createdAt,
      updatedAt: createdAt,
    };
  });
  const applicant = newcomer(members.length + 2, 'zhao.lei', 'Zhao Lei', ROLE.approved, USER_STATUS.approved, now - 6 * DAY);
  const registrant = newcomer(members.length + 3, 'huang.jing', 'Huang Jing', ROLE.waiting, USER_STATUS.pending, now - DAY);
  const businesses = BUSINESSES.map((name, i): Business => {
    const createdAt = now - (360 - i * 40) * DAY;
    return {
      id: i + 1,
      name,
      userId: i + 2,
      introduce: `video security monitoring for ${name.replace('-', ' ')}`,
      objective: 'run video analytics at the edge sites',
      scale: String((i + 2) * 200_000_000),
      comment: 'pass',
      status: BUSINESS_STATUS.approved,
      createdAt,
      updatedAt: createdAt + DAY,
    };
  });
  businesses.push({
    id: businesses.length + 1,
    name: 'retail-analytics',
    userId: applicant.id,
    introduce: 'people counting in retail stores',
    objective: 'pilot at three stores',
    scale: '400000000',
    comment: '',
    status: BUSINESS_STATUS.pending,
    createdAt: now - 5 * DAY,
    updatedAt: now - 5 * DAY,
  });
  return { users: [admin, ...members, applicant, registrant], businesses };
}

function newcomer(id: number, user: string, realName: string, role: number, status: number, createdAt: number): User {
  return {
    id,
    user,
    password: `${realName.replace(' ', '')}@2026`,
    realName,
    phone: `1390000${String(id).padStart(4, '0')}`,
    role,
    status,
    isAdmin: true,
    createdAt,
    updatedAt: createdAt,
  };
}
