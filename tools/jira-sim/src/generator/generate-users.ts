/** Seeded account directory: the three well-known accounts plus a realistic mix of humans, apps and customers. */
import type { User } from '../model/types.js';
import { createSimRng, deriveSeed, uuidFrom } from '../util/rng.js';

const FIRST = ['Mia', 'Noah', 'Aiko', 'Lars', 'Fatima', 'Diego', 'Chen', 'Amara', 'Oskar', 'Leila', 'Ravi', 'Sofia', 'Kwame', 'Ingrid', 'Tomás', 'Yuki', 'Hana', 'Omar', 'Elena', 'Jonas'];
const LAST = ['Krystof', 'Okafor', 'Tanaka', 'Lindqvist', 'Haddad', 'Morales', 'Wei', 'Nwosu', 'Berg', 'Rahimi', 'Iyer', 'Rossi', 'Mensah', 'Dahl', 'Ibarra', 'Sato', 'Novak', 'Farouk', 'Petrova', 'Weber'];
const ZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney', 'America/Sao_Paulo', 'UTC', 'Pacific/Auckland'];

export interface WellKnownAccounts {
  apiUser: User;
  admin: User;
  oauthUser: User;
}

function account(id: string, displayName: string, email: string, timeZone: string, extra: Partial<User> = {}): User {
  return { accountId: id, accountType: 'atlassian', displayName, email, emailVisible: true, active: true, timeZone, locale: 'en_US', ...extra };
}

/** Builds the well-known accounts (fixed ids so tests and docs can name them). */
export function createWellKnownAccounts(): WellKnownAccounts {
  return {
    apiUser: account('712020:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'Alex Rivera', 'alex.rivera@example.com', 'America/Los_Angeles', {
      apiToken: 'ATATT-sim-alex-token',
    }),
    admin: account('5b10a2844c20165700ede21a', 'Sam Okoro', 'sam.okoro@example.com', 'Europe/London', { apiToken: 'ATATT-sim-admin-token' }),
    oauthUser: account('712020:9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', 'Priya Natarajan', 'priya.natarajan@example.com', 'Asia/Kolkata', {
      emailVisible: false,
      apiToken: 'ATATT-sim-priya-token',
    }),
  };
}

/** Generates the rest of the directory: humans (some hidden emails, some inactive), app accounts and a customer. */
export function generateUsers(seed: number, count: number): User[] {
  const rng = createSimRng(deriveSeed(seed, 'users'));
  const users: User[] = [];
  for (let index = 0; index < count; index += 1) {
    const first = FIRST[index % FIRST.length] ?? 'Kim';
    const last = LAST[(index * 7 + Math.floor(index / FIRST.length)) % LAST.length] ?? 'Lee';
    const suffix = index >= FIRST.length ? String(Math.floor(index / FIRST.length)) : '';
    const id = rng.chance(0.5) ? `712020:${uuidFrom(rng)}` : rng.hex(24);
    users.push(
      account(id, `${first} ${last}${suffix ? ` ${suffix}` : ''}`, `${first}.${last}${suffix}@example.com`.toLowerCase(), rng.pick(ZONES), {
        emailVisible: rng.chance(0.6),
        active: index % 9 !== 4,
      }),
    );
  }
  users.push(
    { ...account(`557058:${uuidFrom(rng)}`, 'Automation for Jira', 'automation@connect.atlassian.com', 'UTC'), accountType: 'app', emailVisible: false },
    { ...account(`557058:${uuidFrom(rng)}`, 'Slack', 'slack@connect.atlassian.com', 'UTC'), accountType: 'app', emailVisible: false },
    { ...account(`qm:${uuidFrom(rng)}`, 'Portal Customer', 'customer@partner.example.org', 'Europe/Berlin'), accountType: 'customer' },
  );
  return users;
}
